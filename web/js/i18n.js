// Every visible string comes from the server's message bundles (Swedish is the base), so the
// pages and the server share one set of texts and a translator edits one place.
// Static markup names its key in data-i18n / data-i18n-attr. The server renders the page with
// those texts filled in, in the language of the cookie dk-lang, and puts the messages the page's
// scripts need in <script id="dk-messages">. A switch of language loads the page's messages in
// the other language and refills the page in place (translate()), so a half-filled form keeps
// its content; the cookie makes the next page arrive in that language.

const STORAGE_KEY = 'dialogkarta.lang';
const COOKIE = 'dk-lang';
const LANGUAGES = ['sv', 'en'];
const LOCALES = { sv: 'sv-SE', en: 'en-GB' };

let messages = {};
let lang = 'sv';

export function has(key) {
  return Object.hasOwn(messages, key);
}

const reported = new Set();

/** A key the page's messages lack is a fault of the page (page.PageMessages did not find it). */
function missing(key) {
  if (!reported.has(key) && typeof console !== 'undefined') {
    reported.add(key);
    console.error(`dialogkarta: no message "${key}" on this page`);
  }
  return key;
}

/** The message for key with {name} placeholders filled from vars; the key itself when missing. */
export function t(key, vars) {
  const text = has(key) ? messages[key] : missing(key);
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Labels that come with the data rather than the bundles: prefix → code → label. */
const dataLabels = {};

/**
 * Adds labels the data brings: a planner's own sub-tags ("Skadegörelse & klotter" for the code
 * skadegorelse_klotter), which no bundle has. The bundles' labels still come first.
 */
export function addLabels(prefix, labels) {
  if (!labels) return;
  dataLabels[prefix] = { ...dataLabels[prefix], ...labels };
}

/** Label of a code (category, sub-tag, ...); unknown codes are shown as they are. */
export function label(prefix, code) {
  if (has(`${prefix}.${code}`)) return t(`${prefix}.${code}`);
  return dataLabels[prefix]?.[code] ?? code;
}

/** Swedish and English both only need "one" and "other". */
export function tn(key, n, vars = {}) {
  return t(`${key}.${n === 1 ? 'one' : 'other'}`, { n: formatNumber(n), ...vars });
}

export function formatNumber(n) {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/** A date (YYYY-MM-DD, a local calendar day) or an instant, in words of the current language. */
export function formatDate(value, withTime = false) {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(+day[1], +day[2] - 1, +day[3]) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const options = withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(date);
}

/** Today as YYYY-MM-DD in the browser's own calendar (the value of an <input type=date>). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined;
    el.textContent = t(el.dataset.i18n, vars);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split('=');
      el.setAttribute(attr, t(key));
    }
  }
}

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage may be blocked; Swedish then
  }
}

/** The page's template name (layout.html puts it on <html>), e.g. "walk" or "personal/walks". */
function pageName() {
  return document.documentElement.dataset.page;
}

async function load(wanted) {
  const page = pageName();
  const query = page ? `?page=${encodeURIComponent(page)}` : '';
  const response = await fetch(`/api/v1/messages/${wanted}${query}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`messages ${wanted}: ${response.status}`);
  messages = await response.json();
  lang = wanted;
  document.documentElement.lang = wanted;
}

function remember(chosen) {
  document.cookie = `${COOKIE}=${chosen}; path=/; max-age=31536000; samesite=lax`;
  try {
    localStorage.setItem(STORAGE_KEY, chosen);
  } catch {
    // the cookie still carries the choice
  }
}

function chosenByCookie() {
  return (document.cookie || '').split(';').some((c) => c.trim().startsWith(`${COOKIE}=`));
}

/** The messages the server put in the page, in the language the page was rendered in. */
function inlineMessages() {
  const element = document.getElementById('dk-messages');
  if (!element) return false;
  messages = JSON.parse(element.textContent);
  lang = LANGUAGES.includes(document.documentElement.lang) ? document.documentElement.lang : 'sv';
  return true;
}

function updateSwitch(button) {
  const other = lang === 'sv' ? 'en' : 'sv';
  button.textContent = t('lang.switch');
  button.setAttribute('lang', other); // the button's word is in the other language
}

/**
 * Takes the page's messages and wires #lang-switch; a switch fires "dk:lang" on document.
 * A language chosen before the cookie existed (kept only in localStorage) is taken over once.
 */
export async function initI18n() {
  const fromPage = inlineMessages();
  const earlier = LANGUAGES.includes(stored()) ? stored() : null;
  if (!fromPage || (earlier && earlier !== lang && !chosenByCookie())) {
    const wanted = earlier || 'sv';
    try {
      await load(wanted);
      if (earlier) remember(wanted);
    } catch (e) {
      if (wanted === 'sv') throw e;
      if (!fromPage) await load('sv'); // otherwise the page stays in the language it came in
    }
    translate();
  }
  const button = document.getElementById('lang-switch');
  if (!button) return;
  updateSwitch(button);
  button.addEventListener('click', async () => {
    const next = lang === 'sv' ? 'en' : 'sv';
    try {
      await load(next);
    } catch {
      return; // keep the current language; nothing on the page changes
    }
    remember(next);
    translate();
    updateSwitch(button);
    document.dispatchEvent(new CustomEvent('dk:lang', { detail: { lang: next } }));
  });
}

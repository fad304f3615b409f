// Every visible string comes from the server's message bundles (Swedish is the base), so the
// pages and the server share one set of texts and a translator edits one place.
// Static markup names its key in data-i18n / data-i18n-attr. The server renders the page with
// those texts filled in, in the language of the cookie dk-lang, and puts the messages the page's
// scripts need in <script id="dk-messages">. A switch of language loads the page's messages in
// the other language and refills the page in place (translate()), so a half-filled form keeps
// its content; the cookie makes the next page arrive in that language.

const STORAGE_KEY = 'dialogkarta.lang';
const COOKIE = 'dk-lang';

/**
 * The languages a page offers come from its switch (<select id="lang-switch">, one option per
 * language of kernel.Languages with its lang, dir and data-locale). Without a switch these are
 * the known ones, so that a page or a test still formats numbers, dates and plurals right.
 * Arabic pages write numbers with Latin digits (ar-u-nu-latn), as the Arabic bundle's texts do
 * and as Arabic is mostly read in Sweden; one kind of digit across texts, maps and tables.
 */
const KNOWN = {
  sv: { htmlLang: 'sv', dir: 'ltr', locale: 'sv-SE' },
  lattlast: { htmlLang: 'sv', dir: 'ltr', locale: 'sv-SE' },
  en: { htmlLang: 'en', dir: 'ltr', locale: 'en-GB' },
  fi: { htmlLang: 'fi', dir: 'ltr', locale: 'fi-FI' },
  ar: { htmlLang: 'ar', dir: 'rtl', locale: 'ar-u-nu-latn' },
};

/** code → { htmlLang, dir, locale } of the languages this page offers. */
function offered() {
  const select = typeof document !== 'undefined' ? document.getElementById('lang-switch') : null;
  const options = select?.querySelectorAll ? select.querySelectorAll('option') : [];
  if (!options.length) return KNOWN;
  const out = {};
  for (const option of options) {
    out[option.value] = {
      htmlLang: option.getAttribute('lang') || option.value,
      dir: option.getAttribute('dir') || 'ltr',
      locale: option.dataset.locale || option.value,
    };
  }
  return out;
}

function about(code) {
  return offered()[code] || KNOWN[code] || KNOWN.sv;
}

let messages = {};
let lang = 'sv';
/** The keys whose text is Swedish for want of a translation (the server's "@sv" list). */
let swedish = new Set();
const FALLBACK_KEY = '@sv';

function take(bundle) {
  const { [FALLBACK_KEY]: fallback, ...texts } = bundle || {};
  messages = texts;
  swedish = new Set(fallback ? fallback.split(' ') : []);
}

/** The current language's code (sv, lattlast, en, fi, ar). */
export function currentLanguage() {
  return lang;
}

/** The locale numbers, dates and plurals follow (sv-SE for lättläst). */
export function locale() {
  return about(lang).locale;
}

/** Whether the text of key is the Swedish one on a page in another language. */
export function isSwedish(key) {
  return swedish.has(key);
}

/**
 * The text of key and the language it is in: { text, lang } with lang "sv" when the text fell
 * back to Swedish on a page in another language, else null. Put lang on the element showing it.
 */
export function tl(key, vars) {
  return { text: t(key, vars), lang: swedish.has(key) ? 'sv' : null };
}

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

const pluralRules = new Map(); // locale → its Intl.PluralRules, made once (maps ask per marker)

/** The plural category of n in the current language (Intl.PluralRules: Arabic has six). */
export function pluralCategory(n) {
  const at = locale();
  if (!pluralRules.has(at)) pluralRules.set(at, new Intl.PluralRules(at));
  return pluralRules.get(at).select(n);
}

/** The key of n's form: key.<category of n>, or key.other when the bundle lacks that form. */
export function pluralKey(key, n) {
  const form = `${key}.${pluralCategory(n)}`;
  return has(form) ? form : `${key}.other`;
}

/** key.<category of n> (key.other when the bundle lacks that form), with {n} formatted. */
export function tn(key, n, vars = {}) {
  return t(pluralKey(key, n), { n: formatNumber(n), ...vars });
}

export function formatNumber(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

/** A date (YYYY-MM-DD, a local calendar day) or an instant, in words of the current language. */
export function formatDate(value, withTime = false) {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(+day[1], +day[2] - 1, +day[3]) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const options = withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** Today as YYYY-MM-DD in the browser's own calendar (the value of an <input type=date>). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Marks an element whose text came from the Swedish fallback with lang="sv" (and unmarks it). */
export function markLanguage(el, key) {
  if (swedish.has(key)) {
    el.setAttribute('lang', 'sv');
    el.dataset.i18nSv = '';
  } else if (el.dataset.i18nSv !== undefined) {
    el.removeAttribute('lang');
    delete el.dataset.i18nSv;
  }
}

export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined;
    // data-i18n-count: the key has plural forms, chosen again for the new language
    const count = el.dataset.i18nCount;
    const key = count === undefined ? el.dataset.i18n : pluralKey(el.dataset.i18n, Number(count));
    el.textContent = count === undefined ? t(key, vars) : tn(el.dataset.i18n, Number(count), vars);
    markLanguage(el, key);
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
  take(await response.json());
  lang = wanted;
  const { htmlLang, dir } = about(wanted);
  document.documentElement.lang = htmlLang;
  document.documentElement.dir = dir;
  document.documentElement.dataset.lang = wanted;
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
  take(JSON.parse(element.textContent));
  const root = document.documentElement;
  const code = root.dataset.lang || root.lang;
  lang = Object.hasOwn(offered(), code) ? code : 'sv';
  return true;
}

/**
 * Takes the page's messages and wires the language switch (#lang-switch, a <select>); a switch
 * fires "dk:lang" on document. A language chosen before the cookie existed (kept only in
 * localStorage) is taken over once.
 */
export async function initI18n() {
  const fromPage = inlineMessages();
  const languages = offered();
  const earlier = Object.hasOwn(languages, stored()) ? stored() : null;
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
  const select = document.getElementById('lang-switch');
  if (!select) return;
  // A language picked before this module ran (a slow phone, a quick hand) is still honoured: the
  // server marked the page's own language selected, so a different value is the reader's choice.
  const rendered = [...(select.options || [])].find((o) => o.defaultSelected)?.value;
  const pickedEarly = rendered !== undefined && select.value !== rendered && Object.hasOwn(languages, select.value) ? select.value : null;
  select.value = lang;
  async function change() {
    const next = select.value;
    if (next === lang) return;
    try {
      await load(next);
    } catch {
      select.value = lang;
      return; // keep the current language; nothing on the page changes
    }
    remember(next);
    translate();
    document.dispatchEvent(new CustomEvent('dk:lang', { detail: { lang: next } }));
  }
  select.addEventListener('change', change);
  if (pickedEarly && pickedEarly !== lang) {
    select.value = pickedEarly;
    await change();
  }
}

// Every visible string comes from the server's message bundles (Swedish is the base), so the
// pages and the server share one set of texts and a translator edits one place.
// Static markup names its key in data-i18n / data-i18n-attr; translate() fills them in, again
// after a language switch, so a half-filled form keeps its content when the language changes.

const STORAGE_KEY = 'dialogkarta.lang';
const LANGUAGES = ['sv', 'en'];
const LOCALES = { sv: 'sv-SE', en: 'en-GB' };

let messages = {};
let lang = 'sv';

export function has(key) {
  return Object.hasOwn(messages, key);
}

/** The message for key with {name} placeholders filled from vars; the key itself when missing. */
export function t(key, vars) {
  const text = has(key) ? messages[key] : key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Label of a code (category, sub-tag, ...); unknown codes are shown as they are. */
export function label(prefix, code) {
  return has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code;
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

async function load(wanted) {
  const response = await fetch(`/api/v1/messages/${wanted}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`messages ${wanted}: ${response.status}`);
  messages = await response.json();
  lang = wanted;
  document.documentElement.lang = wanted;
}

function updateSwitch(button) {
  const other = lang === 'sv' ? 'en' : 'sv';
  button.textContent = t('lang.switch');
  button.setAttribute('lang', other); // the button's word is in the other language
}

/** Loads the chosen bundle and wires #lang-switch; a switch fires "dk:lang" on document. */
export async function initI18n() {
  const wanted = LANGUAGES.includes(stored()) ? stored() : 'sv';
  try {
    await load(wanted);
  } catch (e) {
    if (wanted === 'sv') throw e;
    await load('sv');
  }
  translate();
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
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, but still switched for this page
    }
    translate();
    updateSwitch(button);
    document.dispatchEvent(new CustomEvent('dk:lang', { detail: { lang: next } }));
  });
}

// The language of a dialogue's own texts (title, summary, lifecycle texts, sub-tag labels), which
// staff may translate: the API answers each text in the page's language where a translation
// exists, else in Swedish, and says which (titleLang, summaryLang, …). A text that is not in the
// page's language carries lang= on its element (so a screen reader reads it as Swedish) and a
// discreet note "(på svenska)" in the page's language. Every such text is isolated with
// dir="auto": right-to-left text, or control characters someone typed, never turn the page around.
import { t, currentLanguage } from './i18n.js';

/** The page's language code (lattlast for easy-read Swedish, whose content is the Swedish text). */
export function contentLanguage() {
  return currentLanguage() || document.documentElement.lang || 'sv';
}

const labelLangs = {};

/** Remembers which language the data's labels are in: prefix → code → language. */
export function rememberLabelLangs(prefix, langs) {
  if (!langs) return;
  labelLangs[prefix] = { ...labelLangs[prefix], ...langs };
}

/** The language of a label the data brought (null for the bundles' labels and unknown codes). */
export function labelLang(prefix, code) {
  return labelLangs[prefix]?.[code] ?? null;
}

/** The note after a text in another language; only Swedish has one (the fallback). */
function note(textLang) {
  if (textLang !== 'sv') return null;
  const el = document.createElement('span');
  el.className = 'content-lang-note';
  el.dataset.i18n = 'content.inSwedish';
  el.textContent = t('content.inSwedish');
  return el;
}

/**
 * Marks el (which holds a text in textLang) for the page: dir="auto" always; lang= and the note
 * after it when the text is not in the page's language. Returns el, or [el, note] when a note
 * is due, so it can go straight into h()'s children.
 */
export function inLanguage(el, textLang) {
  el.setAttribute('dir', 'auto');
  if (!textLang || textLang === contentLanguage() || (textLang === 'sv' && contentLanguage() === 'lattlast')) return el;
  el.setAttribute('lang', textLang);
  const n = note(textLang);
  return n ? [el, ' ', n] : el;
}

/** A text of the dialogue in a span of its own, marked as inLanguage() does. */
export function contentText(text, textLang) {
  const el = document.createElement('span');
  el.className = 'content-text';
  el.textContent = text;
  return inLanguage(el, textLang);
}

/**
 * A name staff wrote in Swedish that has no translations (a department, a neighbourhood, a walk's
 * stop): in an element of its own with dir="auto", and lang="sv" on a page in another language,
 * without the note (a name is not read differently in "(in Swedish)"). props go to h-like
 * attributes: { class }.
 */
export function swedishName(text, { tag = 'span', className = 'content-text' } = {}) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = text ?? '';
  el.setAttribute('dir', 'auto');
  if (contentLanguage() !== 'sv' && contentLanguage() !== 'lattlast') el.setAttribute('lang', 'sv');
  return el;
}

/**
 * A sentence of ours with a staff text inside it ("Forwarded to {department}"): the bundle's text
 * split at its placeholders, each filled with its value, which may be an element (swedishName),
 * so the name keeps its own lang= inside the page's language. Returns an array for h().
 */
export function sentence(key, vars) {
  const values = vars || {};
  const parts = t(key).split(/\{(\w+)\}/);
  return parts.map((part, i) => {
    if (i % 2 === 0) return part;
    return part in values ? values[part] : `{${part}}`;
  }).filter((part) => part !== '');
}

/**
 * The lang= an element holding only a text in textLang needs on this page (null when none): for
 * elements that hold text alone, such as a select's options, which cannot carry a note.
 */
export function langAttr(textLang) {
  if (!textLang || textLang === contentLanguage() || (textLang === 'sv' && contentLanguage() === 'lattlast')) return null;
  return textLang;
}

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

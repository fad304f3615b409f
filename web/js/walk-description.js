// A walk's description: what the walk is for, how long and how accessible the route is, what to
// bring. Planners write it in the walk form (a counter as they type, walk-plan-form.js) and may
// translate it (dialogues-admin-languages.js); walk mode shows it in the page's language where
// translated, else the Swedish text marked lang="sv" with "(på svenska)" (content-lang.js).
import { h } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { inLanguage } from './content-lang.js';

/** As long as the server allows (walk.WalkDescription.MAX, counted in code points). */
export const DESCRIPTION_MAX = 2000;

/** The lines of a description, without blank ones: each becomes a paragraph. */
export function paragraphs(text) {
  return String(text ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

/**
 * The description in an element of its own (one <p> per line, text only, dir="auto"), with lang=
 * and the note after it when it is not in the page's language; null when there is none.
 */
export function descriptionBlock(text, textLang) {
  const lines = paragraphs(text);
  if (!lines.length) return null;
  const box = h('div', { class: 'walk-description content-text' }, lines.map((line) => h('p', {}, line)));
  const marked = inLanguage(box, textLang);
  if (!Array.isArray(marked)) return box;
  return h('div', { class: 'walk-description-wrap' }, box, h('p', { class: 'walk-hint' }, marked[2]));
}

/** Keeps counter showing how many characters textarea holds of max, or how many too many. */
export function addCounter(textarea, counter, max = DESCRIPTION_MAX) {
  function update() {
    const count = [...textarea.value].length;
    const over = count - max;
    counter.classList.toggle('is-over', over > 0);
    counter.dataset.i18n = over > 0 ? 'form.text.over' : 'form.text.counter';
    counter.dataset.i18nVars = JSON.stringify({ count: formatNumber(count), max: formatNumber(max), over: formatNumber(over) });
    counter.textContent = t(counter.dataset.i18n, JSON.parse(counter.dataset.i18nVars));
  }
  textarea.addEventListener('input', update);
  update();
  return update;
}

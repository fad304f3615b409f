// DOM building without innerHTML: text is always inserted as text nodes, so anything a citizen
// wrote (a pin text, a title) can never become markup.
import { t, has, label, markLanguage } from './i18n.js';
import { inLanguage, labelLang } from './content-lang.js';

/**
 * h('p', {class: 'x', i18n: 'key', vars: {n: 1}}, child, 'text', ...)
 * i18n/vars set the text from the bundle and remember the key for a language switch;
 * i18nAttr {'aria-label': 'key'} does the same for attributes; on* props add listeners.
 * A bundle text that is Swedish on a page in another language gets lang="sv". An element of
 * class "user-text" (what people wrote) gets dir="auto": its direction comes from its own text
 * and is isolated, so right-to-left text or a U+202E in a pin never turns the page around.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name === 'i18n') {
      el.dataset.i18n = value;
      el.textContent = t(value, props.vars);
      markLanguage(el, value);
    } else if (name === 'vars') {
      el.dataset.i18nVars = JSON.stringify(value);
    } else if (name === 'i18nAttr') {
      el.dataset.i18nAttr = Object.entries(value).map(([a, key]) => `${a}=${key}`).join(';');
      for (const [a, key] of Object.entries(value)) el.setAttribute(a, t(key));
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'text') {
      el.textContent = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  if (props.vars && props.i18n) el.textContent = t(props.i18n, props.vars);
  if (!('dir' in props) && /(^|\s)user-text(\s|$)/.test(el.className)) el.setAttribute('dir', 'auto');
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child); // strings become text nodes
  }
  return el;
}

/**
 * Replaces el's children by these, under h's rule: arrays are flattened, null and false are left
 * out (the DOM's own replaceChildren would show them as the text "null" and "false").
 */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((child) => child != null && child !== false));
  return el;
}

/**
 * What someone wrote, isolated inside a sentence of ours (U+2068 … U+2069): a right-to-left text
 * or a stray U+202E in it cannot reorder the words around it. For elements, class "user-text".
 */
export function isolate(text) {
  return `\u2068${text ?? ''}\u2069`;
}

/** Sets an aria-live region's text so that the same message twice is still announced. */
export function announce(region, text) {
  if (!region) return;
  region.textContent = '';
  requestAnimationFrame(() => { region.textContent = text; });
}

/**
 * The label of a code (a category, a sub-tag) as an element: one that follows a switch of
 * language when the bundles know the code, else the label the data gave it (a planner's own
 * sub-tag) or the code itself.
 */
export function codeLabel(prefix, code) {
  return has(`${prefix}.${code}`) ? h('span', { i18n: `${prefix}.${code}` })
    : inLanguage(h('span', {}, label(prefix, code)), labelLang(prefix, code));
}

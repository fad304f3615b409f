// The sub-tags that a dialogue offers for one category (safety concern: lighting, vegetation,
// ...), as an editable list of codes. Known codes show their label from the bundle (subtag.*);
// a planner may add one of their own: typed as words ("Skadegörelse & klotter"), it gets a code
// (skadegorelse_klotter) and keeps the words as its label, which the server stores beside it.
import { h } from './dom.js';
import { t, label, has, addLabels } from './i18n.js';

/** The codes with a label in the bundle; offered while typing. */
export const KNOWN_SUBTAGS = ['lighting', 'vegetation', 'visibility', 'people', 'traffic', 'maintenance', 'walking',
  'cycling', 'public_transport', 'meeting_place', 'play', 'green_space', 'shop', 'care', 'school', 'broadband', 'bus', 'post'];

const CODE = /^[a-z0-9_]{1,40}$/;

/** A typed label ("Belysning") becomes its code; anything else becomes a code the server takes. */
export function toSubtagCode(typed) {
  const text = String(typed).trim();
  const lower = text.toLowerCase();
  const known = KNOWN_SUBTAGS.find((code) => code === lower || (has(`subtag.${code}`) && t(`subtag.${code}`).toLowerCase() === lower));
  if (known) return known;
  return lower.replace(/[åä]/g, 'a').replace(/ö/g, 'o').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
}

/** The datalist of known codes, once per page (its options follow a language switch). */
export function subtagDatalist() {
  return h('datalist', { id: 'subtag-codes' },
    KNOWN_SUBTAGS.map((code) => h('option', { value: code, i18n: `subtag.${code}` })));
}

/** category: a category code; tags: its codes in order; onChange(): after every change. */
export function createSubtagEditor(category, tags, onChange) {
  const codes = [...tags];
  const id = `subtags-${category}`;
  const list = h('ul', { class: 'subtag-list', id: `${id}-list`, 'aria-labelledby': `${id}-label` });
  const input = h('input', {
    type: 'text', id: `${id}-input`, class: 'subtag-input', list: 'subtag-codes', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': `subtags-hint ${id}-error`,
  });
  const error = h('p', { id: `${id}-error`, class: 'field-error' });
  const addButton = h('button', { type: 'button', class: 'button button--small', i18n: 'admin.subtags.add' });

  function item(code, index) {
    const name = label('subtag', code);
    const known = has(`subtag.${code}`);
    return h('li', { class: 'subtag', 'data-code': code },
      h('span', { class: 'subtag__label' }, name),
      known ? h('code', { class: 'subtag__code' }, code) : h('span', { class: 'subtag__code', i18n: 'admin.subtags.own' }),
      h('button', {
        type: 'button', class: 'subtag__remove', 'aria-label': t('admin.subtags.remove', { name }), title: t('admin.subtags.remove', { name }),
        onclick: () => remove(index),
      }, h('span', { 'aria-hidden': 'true' }, '×')));
  }

  function render() {
    list.replaceChildren(...codes.map(item));
    list.hidden = codes.length === 0;
    none.hidden = codes.length > 0;
  }

  function remove(index) {
    const [gone] = codes.splice(index, 1);
    render();
    onChange?.(t('admin.subtags.removed', { name: label('subtag', gone) }));
    const next = list.querySelectorAll('.subtag__remove')[Math.min(index, codes.length - 1)];
    (next || input).focus();
  }

  function add() {
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!input.value.trim()) return;
    const code = toSubtagCode(input.value);
    if (!CODE.test(code)) {
      error.textContent = t('admin.error.subtag.invalid');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    if (codes.includes(code)) {
      error.textContent = t('admin.subtags.already', { name: label('subtag', code) });
      return;
    }
    codes.push(code);
    if (!has(`subtag.${code}`) && input.value.trim() !== code) {
      addLabels('subtag', { [code]: input.value.trim().slice(0, 60) });
    }
    input.value = '';
    render();
    onChange?.(t('admin.subtags.added', { name: label('subtag', code) }));
  }

  addButton.addEventListener('click', add);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault(); // adds the sub-tag, does not save the whole dialogue
      add();
    }
  });

  const none = h('p', { class: 'hint subtag-none', i18n: 'admin.subtags.none' });
  const element = h('div', { class: 'subtag-editor', id, 'data-category': category },
    h('p', { class: 'subtag-editor__label', id: `${id}-label`, i18n: 'admin.subtags.for', vars: { category: label('category', category) } }),
    list, none,
    h('div', { class: 'subtag-add' },
      h('label', { for: `${id}-input`, class: 'visually-hidden', i18n: 'admin.subtags.new', vars: { category: label('category', category) } }),
      input, addButton),
    error);
  render();

  return {
    element,
    codes: () => [...codes],
    /** The labels of the planner's own codes in this list (those the bundles do not name). */
    ownLabels: () => Object.fromEntries(codes.filter((c) => !has(`subtag.${c}`) && label('subtag', c) !== c)
      .map((c) => [c, label('subtag', c)])),
    /** After a language switch: the texts that name the category or a sub-tag are made again. */
    refreshLanguage() {
      const vars = { category: label('category', category) };
      for (const el of element.querySelectorAll('[data-i18n-vars]')) {
        el.dataset.i18nVars = JSON.stringify(vars);
        el.textContent = t(el.dataset.i18n, vars);
      }
      render();
    },
  };
}

// The analysis map's filters: which pins every layer and chart looks at. The form is the one
// source of truth; its values go into the page address (so a planner can send a colleague the
// same view) and are read back from it. The same names are the API's query parameters.
import { h } from './dom.js';
import { t, tn, label } from './i18n.js';
import { STATUSES } from './moderation-common.js';
import { fieldErrorText, errorText } from './staff.js';

const $ = (id) => document.getElementById(id);

export const CATEGORY_CODES = ['suggestion', 'safety_concern', 'service_gap', 'valued_place'];
const SOURCES = ['web', 'walk', 'meeting'];
const TIMES = ['day', 'dark'];
const AGE_BANDS = ['under_16', '16_24', '25_44', '45_64', '65_79', '80_plus'];
const GENDERS = ['woman', 'man', 'other'];

/** The single-choice filters: form element id suffix, and the labels of their options. */
const MENUS = {
  source: { codes: SOURCES, label: (c) => label('staff.source', c) },
  status: { codes: STATUSES, label: (c) => label('pinStatus', c) },
  timeOfDay: { codes: TIMES, label: (c) => t(`analysis.timeOfDay.${c}`) },
  ageBand: { codes: AGE_BANDS, label: (c) => label('age', c) },
  gender: { codes: GENDERS, label: (c) => label('gender', c) },
};

export const FILTER_NAMES = ['dialogue', 'category', 'subtag', 'from', 'to', 'source', 'status', 'timeOfDay', 'ageBand', 'gender'];

/** Fields of a problem answer that belong to the filters, and where their message goes. */
export const FILTER_FIELDS = Object.fromEntries(FILTER_NAMES.map((n) => [n, {
  input: n === 'category' ? null : `f-${n}`, error: `f-${n}-error`,
}]));

/**
 * opts: dialogues (GET /api/v1/dialogues), onChange() after any change the user makes.
 */
export function createFilters(opts) {
  let dialogues = opts.dialogues;

  function option(value, text) {
    return h('option', { value }, text);
  }

  function fillDialogues() {
    const select = $('f-dialogue');
    const keep = select.value;
    select.replaceChildren(option('', t('analysis.filter.allDialogues')),
      ...dialogues.map((d) => option(String(d.id), d.title)));
    select.value = keep;
    if (select.selectedIndex < 0) select.value = '';
  }

  function chosenDialogue() {
    const id = $('f-dialogue').value;
    return dialogues.find((d) => String(d.id) === id) || null;
  }

  /** Categories: those the chosen dialogue offers, or all four when every dialogue is shown. */
  function fillCategories() {
    const box = $('f-category-choices');
    const checked = new Set(values().category);
    const d = chosenDialogue();
    const codes = d?.categories?.length ? d.categories : CATEGORY_CODES;
    box.replaceChildren(...codes.map((c) => h('label', { class: 'choice choice--filter' },
      h('input', { type: 'checkbox', name: 'category', value: c, checked: checked.has(c) }),
      h('span', { class: `cat-mark cat--${CATEGORY_CODES.includes(c) ? c : 'other'}`, 'aria-hidden': 'true' }),
      h('span', { class: 'choice__label' }, label('category', c)))));
  }

  /** Sub-tags come from the chosen dialogue, so the menu is empty (and disabled) without one. */
  function fillSubtags() {
    const select = $('f-subtag');
    const keep = select.value;
    const d = chosenDialogue();
    const groups = Object.entries(d?.subtags || {}).filter(([, tags]) => tags?.length);
    select.replaceChildren(option('', t('analysis.filter.any')), ...groups.map(([category, tags]) =>
      h('optgroup', { label: label('category', category) }, tags.map((tag) => option(tag, label('subtag', tag))))));
    select.disabled = groups.length === 0;
    select.value = keep;
    if (select.selectedIndex < 0) select.value = '';
    $('f-subtag-hint').hidden = groups.length > 0;
  }

  function fillMenus() {
    for (const [name, menu] of Object.entries(MENUS)) {
      const select = $(`f-${name}`);
      const keep = select.value;
      select.replaceChildren(option('', t('analysis.filter.any')), ...menu.codes.map((c) => option(c, menu.label(c))));
      select.value = keep;
    }
  }

  function render() {
    fillDialogues();
    fillCategories();
    fillSubtags();
    fillMenus();
    summarise();
  }

  /** The filters as chosen: strings, '' for "any"; category is a list. */
  function values() {
    const out = {};
    for (const name of FILTER_NAMES) {
      if (name === 'category') {
        out.category = [...document.querySelectorAll('#f-category-choices input:checked')].map((i) => i.value);
      } else {
        out[name] = $(`f-${name}`)?.value || '';
      }
    }
    return out;
  }

  /** The filter as API query parameters (empty ones left out). */
  function query() {
    const q = new URLSearchParams();
    const v = values();
    for (const name of FILTER_NAMES) {
      const value = name === 'category' ? v.category.join(',') : v[name];
      if (value) q.set(name, value);
    }
    return q;
  }

  /** Sets the form from an address's query; a dialogue may be named by id or slug. */
  function restore(params) {
    const ref = params.get('dialogue');
    const d = ref && dialogues.find((x) => String(x.id) === ref || x.slug === ref);
    $('f-dialogue').value = d ? String(d.id) : '';
    const wanted = new Set((params.get('category') || '').split(',').filter(Boolean));
    fillCategories();
    for (const input of document.querySelectorAll('#f-category-choices input')) input.checked = wanted.has(input.value);
    fillSubtags();
    for (const name of ['subtag', 'from', 'to', ...Object.keys(MENUS)]) {
      const el = $(`f-${name}`);
      const value = params.get(name) || '';
      el.value = value;
      if (el.tagName === 'SELECT' && el.selectedIndex < 0) el.value = '';
    }
    summarise();
  }

  function reset() {
    $('f-dialogue').value = '';
    restore(new URLSearchParams());
  }

  /** A short line in the closed filter box saying how many filters are on. */
  function summarise() {
    const v = values();
    const n = FILTER_NAMES.filter((name) => (name === 'category' ? v.category.length : v[name])).length;
    $('filter-summary').textContent = n ? tn('analysis.filter.active', n) : t('analysis.filter.none');
  }

  function clearErrors() {
    for (const place of Object.values(FILTER_FIELDS)) {
      $(place.error).textContent = '';
      if (place.input) $(place.input)?.removeAttribute('aria-invalid');
    }
    $('filter-error').textContent = '';
  }

  /**
   * Puts the faults of a problem answer that name a filter beside that filter. Returns true when
   * at least one did, so the layer that got the answer can point there instead of repeating it.
   */
  function showErrors(e) {
    let placed = false;
    for (const fault of e.errors || []) {
      const place = FILTER_FIELDS[fault.field];
      if (!place) continue;
      const text = fieldErrorText(fault);
      if (!$(place.error).textContent.includes(text)) $(place.error).textContent = text;
      if (place.input) $(place.input)?.setAttribute('aria-invalid', 'true');
      placed = true;
    }
    if (placed) {
      $('filters-details').open = true;
      $('filter-error').textContent = t('analysis.filter.fix');
    } else if (!e.errors?.length && e.status === 400) {
      $('filter-error').textContent = errorText(e);
      placed = true;
    }
    return placed;
  }

  $('filters').addEventListener('change', (e) => {
    if (e.target.id === 'f-dialogue') {
      fillCategories();
      fillSubtags();
    }
    summarise();
    opts.onChange();
  });
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('filter-reset').addEventListener('click', () => {
    reset();
    opts.onChange();
  });

  return {
    render,
    values,
    query,
    restore,
    chosenDialogue,
    clearErrors,
    showErrors,
    setDialogues(list) { dialogues = list; render(); },
  };
}

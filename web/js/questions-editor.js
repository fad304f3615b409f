// The form of one question in the questionnaire builder: kind, texts in Swedish and English,
// required, scope (the whole dialogue or a category), options with stable codes, the scale's
// labels, a number's limits and the condition (an earlier choice question and its options).
// Faults from the server go next to the field they name (label.sv, options[2].code, ...).
import { h } from './dom.js';
import { t, label } from './i18n.js';
import { fieldErrorText } from './staff.js';

export const KINDS = ['single_choice', 'multiple_choice', 'scale', 'ranking', 'short_text', 'long_text', 'number',
  'map_point', 'map_line', 'map_area'];
const WITH_OPTIONS = ['single_choice', 'multiple_choice', 'ranking'];
const CHOICE = ['single_choice', 'multiple_choice'];

let uid = 0;

function field(labelKey, control, errorFor, hintKey) {
  const id = control.id || `qe-${(uid += 1)}`;
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': errorFor });
  const hint = hintKey ? h('p', { class: 'hint', id: `${id}-hint`, i18n: hintKey }) : null;
  control.setAttribute('aria-describedby', [hint ? hint.id : null, error.id].filter(Boolean).join(' '));
  if (errorFor) control.dataset.field = errorFor;
  return h('div', { class: 'field' }, h('label', { class: 'field-label', for: id, i18n: labelKey }), hint, control, error);
}

const input = (value, props = {}) => h('input', { type: 'text', value: value ?? '', ...props });

/** A code from a label: lower case a–z, 0–9 and _, as the server wants it. */
export function codeFrom(text, taken) {
  const base = String(text || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30) || 'alt';
  let code = base;
  for (let n = 2; taken.has(code); n += 1) code = `${base}_${n}`;
  return code;
}

/**
 * form: the <form>; opts: categories (codes), questions() (the current list), onSave(draft, id),
 * onCancel(). Returns { edit(question | null), showErrors(e), focus() }.
 */
export function createQuestionEditor(form, opts) {
  let editing = null;
  let options = [];
  const kind = h('select', { id: 'qe-kind' }, ...KINDS.map((k) => h('option', { value: k, i18n: `questions.kind.${k}` })));
  const required = h('input', { type: 'checkbox', id: 'qe-required' });
  const labelSv = input('', { id: 'qe-label-sv', lang: 'sv' });
  const labelEn = input('', { id: 'qe-label-en', lang: 'en' });
  const helpSv = h('textarea', { id: 'qe-help-sv', rows: '2', lang: 'sv' });
  const helpEn = h('textarea', { id: 'qe-help-en', rows: '2', lang: 'en' });
  const scope = h('select', { id: 'qe-scope' });
  const optionRows = h('ol', { class: 'qe-options' });
  const optionsBox = h('fieldset', { class: 'field qe-options-box' }, h('legend', { i18n: 'questions.options' }),
    h('p', { class: 'hint', i18n: 'questions.options.hint' }), optionRows,
    h('p', { class: 'field-error', 'data-error-for': 'options' }),
    h('button', { type: 'button', class: 'button button--small', id: 'qe-add-option', i18n: 'questions.options.add',
      onclick: () => { options.push({ code: '', sv: '', en: '' }); renderOptions(options.length - 1); } }));
  const scaleInputs = [1, 2, 3, 4, 5].map((n) => [input('', { 'aria-label': t('questions.scale.sv', { n }), lang: 'sv', 'data-step': String(n) }),
    input('', { 'aria-label': t('questions.scale.en', { n }), lang: 'en' })]);
  const scaleBox = h('fieldset', { class: 'field qe-scale' }, h('legend', { i18n: 'questions.scale' }),
    h('p', { class: 'hint', i18n: 'questions.scale.hint' }),
    h('table', { class: 'data-table' }, h('thead', {}, h('tr', {}, h('th', { i18n: 'questions.scale.step' }), h('th', { i18n: 'questions.sv' }), h('th', { i18n: 'questions.en' }))),
      h('tbody', {}, ...scaleInputs.map(([sv, en], i) => h('tr', {}, h('th', { scope: 'row' }, String(i + 1)), h('td', {}, sv), h('td', {}, en))))),
    h('p', { class: 'field-error', 'data-error-for': 'scaleLabels' }));
  const min = h('input', { type: 'number', step: 'any', id: 'qe-min' });
  const max = h('input', { type: 'number', step: 'any', id: 'qe-max' });
  const numberBox = h('div', { class: 'field-row' }, field('questions.min', min, 'min'), field('questions.max', max, 'max'));
  const conditionQuestion = h('select', { id: 'qe-condition' });
  const conditionCodes = h('div', { class: 'choice-list choice-list--inline', id: 'qe-condition-codes' });
  const conditionBox = h('fieldset', { class: 'field' }, h('legend', { i18n: 'questions.condition' }),
    h('p', { class: 'hint', i18n: 'questions.condition.hint' }),
    field('questions.condition.question', conditionQuestion, 'condition.question'),
    h('div', { role: 'group', 'aria-label': t('questions.condition.codes') }, conditionCodes),
    h('p', { class: 'field-error', 'data-error-for': 'condition.codes' }));
  const heading = document.getElementById('question-form-heading');
  const formError = h('p', { class: 'form-error', role: 'alert', tabindex: '-1', id: 'qe-error' });
  const save = h('button', { type: 'submit', class: 'button button--primary', id: 'qe-save', i18n: 'questions.save' });
  const cancel = h('button', { type: 'button', class: 'button', id: 'qe-cancel', i18n: 'questions.cancel', onclick: () => opts.onCancel() });

  form.replaceChildren(
    formError,
    field('questions.kind', kind, 'kind'),
    h('div', { class: 'field' }, h('label', { class: 'choice', for: 'qe-required' }, required, h('span', { i18n: 'questions.required' }))),
    h('div', { class: 'field-row' }, field('questions.label.sv', labelSv, 'label.sv'), field('questions.label.en', labelEn, 'label.en')),
    h('div', { class: 'field-row' }, field('questions.help.sv', helpSv, 'help.sv'), field('questions.help.en', helpEn, 'help.en')),
    field('questions.scope', scope, 'category', 'questions.scope.hint'),
    optionsBox, scaleBox, numberBox, conditionBox,
    h('div', { class: 'form-actions' }, save, cancel));

  function renderScope() {
    const chosen = scope.value;
    scope.replaceChildren(h('option', { value: '', i18n: 'questions.scope.dialogue' }),
      ...opts.categories.map((c) => h('option', { value: c }, t('questions.scope.category', { category: label('category', c) }))));
    scope.value = chosen;
  }

  function renderOptions(focusIndex) {
    optionRows.replaceChildren(...options.map((o, i) => {
      const code = input(o.code, { 'aria-label': t('questions.option.code', { n: i + 1 }), class: 'qe-code', 'data-field': `options[${i}].code`,
        oninput: (e) => { o.code = e.target.value; } });
      const sv = input(o.sv, { 'aria-label': t('questions.option.sv', { n: i + 1 }), lang: 'sv', 'data-field': `options[${i}].sv`,
        oninput: (e) => {
          o.sv = e.target.value;
          if (!o.fixed) {
            o.code = codeFrom(o.sv, new Set(options.filter((x) => x !== o).map((x) => x.code)));
            code.value = o.code;
          }
        } });
      const en = input(o.en, { 'aria-label': t('questions.option.en', { n: i + 1 }), lang: 'en', 'data-field': `options[${i}].en`,
        oninput: (e) => { o.en = e.target.value; } });
      return h('li', { class: 'qe-option' }, sv, en, code,
        h('button', { type: 'button', class: 'button button--small', 'aria-label': t('questions.option.remove', { n: i + 1 }),
          onclick: () => { options.splice(i, 1); renderOptions(Math.min(i, options.length - 1)); } }, t('questions.option.removeShort')),
        h('p', { class: 'field-error', 'data-error-for': `options[${i}]` }));
    }));
    if (focusIndex != null && focusIndex >= 0) optionRows.children[focusIndex]?.querySelector('input')?.focus();
  }

  function earlier() {
    const all = opts.questions();
    const before = editing ? all.slice(0, all.findIndex((q) => q.id === editing.id)) : all;
    return before.filter((q) => CHOICE.includes(q.kind) && (q.category || '') === scope.value);
  }

  function renderCondition(chosen) {
    const list = earlier();
    const current = chosen ?? { question: Number(conditionQuestion.value) || null, codes: [...conditionCodes.querySelectorAll('input:checked')].map((x) => x.value) };
    conditionQuestion.replaceChildren(h('option', { value: '', i18n: 'questions.condition.none' }),
      ...list.map((q) => h('option', { value: String(q.id) }, `${q.position + 1}. ${q.label.sv}`)));
    conditionQuestion.value = current.question && list.some((q) => q.id === current.question) ? String(current.question) : '';
    const target = list.find((q) => String(q.id) === conditionQuestion.value);
    conditionCodes.replaceChildren(...(target?.options || []).map((o, i) => h('label', { class: 'choice', for: `qe-cond-${i}` },
      h('input', { type: 'checkbox', id: `qe-cond-${i}`, value: o.code, checked: current.codes?.includes(o.code) }), h('span', {}, o.sv))));
    conditionBox.hidden = list.length === 0;
  }

  function showKind() {
    optionsBox.hidden = !WITH_OPTIONS.includes(kind.value);
    scaleBox.hidden = kind.value !== 'scale';
    numberBox.hidden = kind.value !== 'number';
    if (!optionsBox.hidden && options.length < 2) {
      while (options.length < 2) options.push({ code: '', sv: '', en: '' });
      renderOptions();
    }
  }

  kind.addEventListener('change', showKind);
  scope.addEventListener('change', () => renderCondition());
  conditionQuestion.addEventListener('change', () => renderCondition({ question: Number(conditionQuestion.value) || null, codes: [] }));

  function draft() {
    const text = (el) => el.value.trim() || null;
    const d = {
      kind: kind.value,
      required: required.checked,
      label: { sv: text(labelSv), en: text(labelEn) },
      help: { sv: text(helpSv), en: text(helpEn) },
      category: scope.value || null,
    };
    if (WITH_OPTIONS.includes(d.kind)) d.options = options.map((o) => ({ code: o.code.trim(), sv: o.sv.trim() || null, en: o.en.trim() || null }));
    if (d.kind === 'scale') {
      const filled = scaleInputs.map(([sv, en]) => ({ sv: sv.value.trim() || null, en: en.value.trim() || null }));
      const ends = filled.slice(1, 4).every((x) => !x.sv && !x.en);
      d.scaleLabels = ends ? [filled[0], filled[4]] : filled;
    }
    if (d.kind === 'number') {
      d.min = min.value === '' ? null : Number(min.value);
      d.max = max.value === '' ? null : Number(max.value);
    }
    if (conditionQuestion.value && !conditionBox.hidden) {
      d.condition = { question: Number(conditionQuestion.value), codes: [...conditionCodes.querySelectorAll('input:checked')].map((x) => x.value) };
    }
    return d;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors();
    opts.onSave(draft(), editing?.id ?? null, save);
  });

  function clearErrors() {
    form.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    formError.textContent = '';
  }

  return {
    edit(q) {
      editing = q;
      renderScope();
      kind.value = q?.kind || 'single_choice';
      required.checked = !!q?.required;
      labelSv.value = q?.label?.sv || '';
      labelEn.value = q?.label?.en || '';
      helpSv.value = q?.help?.sv || '';
      helpEn.value = q?.help?.en || '';
      scope.value = q?.category || '';
      options = (q?.options || []).map((o) => ({ ...o, en: o.en || '', fixed: true }));
      renderOptions();
      const labels = q?.scaleLabels || [];
      scaleInputs.forEach(([sv, en], i) => {
        const l = labels.length === 5 ? labels[i] : (labels.length === 2 && (i === 0 || i === 4) ? labels[i === 0 ? 0 : 1] : null);
        sv.value = l?.sv || '';
        en.value = l?.en || '';
      });
      min.value = q?.min ?? '';
      max.value = q?.max ?? '';
      renderCondition(q?.condition || { question: null, codes: [] });
      showKind();
      clearErrors();
      heading.dataset.i18n = q ? 'questions.edit' : 'questions.new';
      heading.textContent = q ? t('questions.edit', { n: q.position + 1 }) : t('questions.new');
      if (q) heading.dataset.i18nVars = JSON.stringify({ n: q.position + 1 }); else delete heading.dataset.i18nVars;
      cancel.hidden = !q;
    },
    /** Marks each fault by its field; the first marked field gets focus. */
    showErrors(e) {
      clearErrors();
      let first = null;
      const rest = [];
      for (const fault of e.errors || []) {
        const box = [fault.field, fault.field.replace(/\.\w+$/, ''), fault.field.replace(/\[.*$/, '')]
          .map((name) => form.querySelector(`[data-error-for="${CSS.escape(name)}"]`)).find(Boolean);
        if (!box) {
          rest.push(fieldErrorText(fault));
          continue;
        }
        box.textContent = [box.textContent, fieldErrorText(fault)].filter(Boolean).join(' ');
        const control = form.querySelector(`[data-field="${CSS.escape(fault.field)}"]`);
        control?.setAttribute('aria-invalid', 'true');
        first ??= control || box;
      }
      if (rest.length || !(e.errors || []).length) formError.textContent = rest.length ? rest.join(' ') : e.text;
      (first || formError).focus();
    },
    focus: () => kind.focus(),
    refresh: () => {
      renderScope();
      renderCondition();
    },
  };
}

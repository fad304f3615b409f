// A question's texts in more languages, in the questionnaire builder (administrators): under each
// question a "Translations" disclosure; opened, it reads the question's translatable texts (the
// label, the help, each option, each scale label) with their Swedish originals, and saves one
// language at a time. English is written in the question itself; a field left empty shows the
// Swedish text on a page in that language, marked "(på svenska)". The fields appear only once the
// saved texts are read, so nothing typed is overwritten by the load.
import { staffApi, errorText } from './staff.js';
import { h, fill, announce } from './dom.js';
import { t } from './i18n.js';
import { showTranslationFaults } from './translation-faults.js';

const RTL = ['ar'];

function fieldLabel(field) {
  if (field === 'label') return h('span', { i18n: 'questions.translations.label' });
  if (field === 'help') return h('span', { i18n: 'questions.translations.helpText' });
  if (field.startsWith('option.')) return h('span', { i18n: 'questions.translations.option', vars: { code: field.slice(7) } });
  return h('span', { i18n: 'questions.translations.scale', vars: { n: Number(field.slice(6)) + 1 } });
}

/**
 * The disclosure for question q (of the list); base: the questions' API path; describedBy: the id
 * of the question's heading (names which question a summary belongs to).
 */
export function createQuestionTranslations(q, base, describedBy) {
  const path = `${base}/${q.id}/translations`;
  const prefix = `qt-${q.id}`;
  const id = (field) => `${prefix}-${field.replace(/\./g, '-')}`;
  let view = null;
  let loading = null;

  const select = h('select', { id: `${prefix}-language` });
  const fields = h('div', { class: 'qt-fields' });
  const formError = h('p', { class: 'field-error', tabindex: '-1' });
  const status = h('p', { class: 'hint', role: 'status' });
  const save = h('button', { type: 'submit', class: 'button button--primary', i18n: 'content.admin.save', disabled: true });
  const form = h('form', { class: 'staff-form qt-form', novalidate: true, 'aria-busy': 'true' },
    h('p', { class: 'hint', i18n: 'questions.translations.help' }),
    h('div', { class: 'field' }, h('label', { for: select.id, class: 'field-label', i18n: 'content.admin.language' }), select),
    fields, formError, save, status);
  const details = h('details', { class: 'question-translations', 'data-translations': String(q.id) },
    h('summary', { 'aria-describedby': describedBy, i18n: 'questions.translations.summary' }), form);

  function render() {
    const lang = select.value;
    fill(fields, view.fields.map((f) => {
      const props = { id: id(f.field), name: f.field, maxlength: String(f.max), lang, dir: RTL.includes(lang) ? 'rtl' : 'auto',
        'aria-describedby': `${id(f.field)}-original ${id(f.field)}-error` };
      const control = f.multiline ? h('textarea', { ...props, rows: '3' }) : h('input', { ...props, type: 'text' });
      control.value = view.translations[lang]?.[f.field] ?? '';
      return h('div', { class: 'field' },
        h('label', { for: id(f.field), class: 'field-label' }, fieldLabel(f.field)),
        h('p', { id: `${id(f.field)}-original`, class: 'hint' }, h('span', { i18n: 'content.admin.original' }), ' ',
          h('span', { class: 'user-text', lang: 'sv', dir: 'auto' }, f.sv)),
        control,
        h('p', { id: `${id(f.field)}-error`, class: 'field-error' }));
    }));
  }

  async function load() {
    status.textContent = t('questions.translations.loading');
    try {
      view = await staffApi(path);
      fill(select, view.languages.map((code) => h('option', { value: code, i18n: `content.language.${code}` })));
      render();
      save.disabled = false;
      form.removeAttribute('aria-busy');
      status.textContent = '';
    } catch (e) {
      loading = null;
      status.textContent = '';
      formError.textContent = errorText(e);
    }
  }

  async function submit(e) {
    e.preventDefault();
    if (!view) return;
    formError.textContent = '';
    for (const el of fields.querySelectorAll('.field-error')) el.textContent = '';
    for (const el of fields.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const lang = select.value;
    const body = {};
    for (const f of view.fields) body[f.field] = document.getElementById(id(f.field)).value;
    save.disabled = true;
    try {
      view.translations[lang] = await staffApi(`${path}/${lang}`, { method: 'PUT', body });
      announce(status, t('questions.translations.saved', { language: t(`content.language.${lang}`) }));
    } catch (err) {
      showTranslationFaults(err, (field) => document.getElementById(id(field)), formError).focus();
      announce(status, t('questions.translations.notSaved'));
    } finally {
      save.disabled = false;
    }
  }

  select.addEventListener('change', render);
  form.addEventListener('submit', submit);
  details.addEventListener('toggle', () => {
    if (details.open && !loading) loading = load();
  });
  return details;
}

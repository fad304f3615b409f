// Language versions of a dialogue's own texts (administrators), and of a walk's (planners, the
// same section under the walk form): pick a language, type each text in it next to the Swedish
// original, save. A field left empty shows the Swedish text on a page in that language, marked
// "(på svenska)". Only for a saved dialogue or walk; the Swedish texts are edited in the form
// above it (dialogues-admin-form.js, walk-plan-form.js).
import { staffApi, errorText } from './staff.js';
import { h, fill, announce } from './dom.js';
import { t } from './i18n.js';
import { showTranslationFaults } from './translation-faults.js';

const LANGUAGES = ['en', 'fi', 'ar', 'se', 'fit', 'so'];
const RTL = ['ar'];
/** field, label key, maximum length, one line or several */
const TEXTS = [
  ['title', 'admin.form.title', 200, false],
  ['summary', 'lifecycle.summary', 5000, true],
  ['outcome', 'lifecycle.outcome', 5000, true],
  ['nextSteps', 'lifecycle.nextSteps', 5000, true],
  ['responsibleUnit', 'admin.form.unit', 200, false],
];

const fieldId = (field) => `translation-${field.replace(/\./g, '-')}`;

/** The section after the dialogue form; edit(d) shows it for a saved dialogue, hides it for a new one. */
export function createLanguagesSection(after) {
  return createTranslationSection(after, {
    /** The texts that can be translated: the five, and each sub-tag label the planner wrote. */
    texts: (d) => [...TEXTS.map(([field, key, max, multi]) => [field, key, max, multi, d?.[field]]),
      ...Object.entries(d?.subtagLabels || {}).map(([code, text]) => [`subtag.${code}`, null, 60, false, text])],
    path: (d) => `/api/v1/staff/dialogues/${d.id}/translations`,
  });
}

/** The walk's texts walk mode shows. */
const WALK_TEXTS = [['title', 'walk.plan.title', 200, false], ['description', 'walk.plan.description', 2000, true],
  ['meetingPointName', 'walk.plan.meetingName', 200, false]];

/** The same section after the walk form. */
export function createWalkLanguagesSection(after) {
  return createTranslationSection(after, {
    texts: (w) => WALK_TEXTS.map(([field, key, max, multi]) => [field, key, max, multi, w?.[field]]),
    path: (w) => `/api/v1/staff/walks/${w.id}/translations`,
  });
}

/** texts(item) → [field, label key (null: a sub-tag), max, several lines, Swedish text]; path(item) → the API. */
function createTranslationSection(after, { texts: textsOf, path }) {
  let dialogue = null;
  let stored = {};
  const status = h('p', { id: 'translation-status', class: 'hint', role: 'status' });
  const formError = h('p', { id: 'translation-error', class: 'field-error', tabindex: '-1' });
  const select = h('select', { id: 'translation-language', 'aria-describedby': 'translation-help' },
    LANGUAGES.map((code) => h('option', { value: code, i18n: `content.language.${code}` })));
  const fields = h('div', { id: 'translation-fields' });
  const form = h('form', { id: 'translation-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'translation-language', class: 'field-label', i18n: 'content.admin.language' }), select),
    fields,
    formError,
    h('button', { type: 'submit', id: 'translation-save', class: 'button button--primary', i18n: 'content.admin.save' }),
    status);
  const section = h('section', { id: 'dialogue-languages', class: 'form-group', 'aria-labelledby': 'languages-heading', hidden: true },
    h('h3', { id: 'languages-heading', i18n: 'content.admin.heading' }),
    h('p', { id: 'translation-help', class: 'hint', i18n: 'content.admin.help' }),
    form);
  after.after(section);

  const texts = () => textsOf(dialogue);

  function control(field, max, multi, lang) {
    const props = {
      id: fieldId(field), name: field, maxlength: max, lang, dir: RTL.includes(lang) ? 'rtl' : 'auto',
      'aria-describedby': `${fieldId(field)}-original ${fieldId(field)}-error`,
    };
    const el = multi ? h('textarea', { ...props, rows: 3 }) : h('input', { ...props, type: 'text' });
    el.value = stored[lang]?.[field] ?? '';
    return el;
  }

  function render() {
    const lang = select.value;
    fill(fields, texts().map(([field, key, max, multi, swedish]) => h('div', { class: 'field' },
      h('label', { for: fieldId(field), class: 'field-label' },
        key ? h('span', { i18n: key }) : h('span', { i18n: 'content.admin.subtag', vars: { code: field.slice(7) } })),
      h('p', { id: `${fieldId(field)}-original`, class: 'hint' }, h('span', { i18n: 'content.admin.original' }), ' ',
        swedish ? h('span', { class: 'user-text', lang: 'sv', dir: 'auto' }, swedish) : h('span', { i18n: 'content.admin.noOriginal' })),
      control(field, max, multi, lang),
      h('p', { id: `${fieldId(field)}-error`, class: 'field-error' }))));
  }

  async function load() {
    try {
      stored = await staffApi(path(dialogue));
    } catch (e) {
      stored = {};
      formError.textContent = errorText(e);
    }
    render();
  }

  async function save(e) {
    e.preventDefault();
    formError.textContent = '';
    for (const el of fields.querySelectorAll('.field-error')) el.textContent = '';
    for (const el of fields.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const lang = select.value;
    const body = {};
    for (const [field] of texts()) body[field] = document.getElementById(fieldId(field)).value;
    try {
      stored[lang] = await staffApi(`${path(dialogue)}/${lang}`, { method: 'PUT', body });
      announce(status, t('content.admin.saved', { language: t(`content.language.${lang}`) }));
    } catch (err) {
      showTranslationFaults(err, (field) => document.getElementById(fieldId(field)), formError).focus();
      announce(status, t('admin.form.notSaved'));
    }
  }

  select.addEventListener('change', render);
  form.addEventListener('submit', save);

  return {
    edit(d) {
      dialogue = d?.id ? d : null;
      section.hidden = !dialogue;
      stored = {};
      status.textContent = '';
      formError.textContent = '';
      fill(fields); // no fields of the previous dialogue to type into while this one's texts load
      if (dialogue) load();
    },
  };
}

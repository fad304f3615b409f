// "Svarets språk" in the staff reply forms (a pin's detail, the bulk reply, the analysis map's
// selection): the language a public reply is written in, Swedish unless the planner chooses
// another. The citizens' pages mark the reply with it (lang=), so a screen reader reads a
// Swedish reply as Swedish on an English page and an English reply as English.
import { h } from './dom.js';
import { t, label } from './i18n.js';

/** The languages a reply may be in: the content languages (dialogue.ContentLanguage). */
export const REPLY_LANGUAGES = ['sv', 'en', 'fi', 'ar', 'se', 'fit', 'so'];

/**
 * The field: a label, a hint (with the page language the pin was written on, when one pin is
 * answered and that is known), the select (id) and its error paragraph (`${id}-error`).
 */
export function replyLanguageField(id, { pinLanguage = null, value = 'sv' } = {}) {
  const select = h('select', { id, 'aria-describedby': `${id}-hint ${id}-error` },
    REPLY_LANGUAGES.map((code) => h('option', { value: code }, label('content.language', code))));
  select.value = REPLY_LANGUAGES.includes(value) ? value : 'sv';
  const hint = h('p', { id: `${id}-hint`, class: 'hint' }, h('span', { i18n: 'staff.reply.languageHint' }),
    pinLanguage ? [' ', t('staff.reply.languagePin', { language: label('content.language', pinLanguage) })] : null);
  return h('div', { class: 'field' },
    h('label', { for: id, class: 'field-label', i18n: 'staff.reply.language' }),
    hint, select, h('p', { id: `${id}-error`, class: 'field-error' }));
}

/** The chosen language of the field made with id (Swedish when the field is not there). */
export function chosenReplyLanguage(id) {
  return document.getElementById(id)?.value || 'sv';
}

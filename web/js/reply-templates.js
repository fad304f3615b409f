// Reply templates in the moderation detail's reply form (planner and up): pick one of the
// dialogue's frequent answers to fill the reply text, then edit and send; keep the text as a new
// template, or remove the chosen one.
import { h } from './dom.js';
import { t } from './i18n.js';
import { staffApi, errorText } from './staff.js';

const byDialogue = new Map(); // dialogue id → templates, once read

/** The picker for the dialogue's templates, filling the textarea with id textareaId. */
export function replyTemplatePicker(dialogueId, textareaId) {
  if (dialogueId == null) return null;
  const base = `/api/v1/staff/dialogues/${encodeURIComponent(dialogueId)}/reply-templates`;
  const select = h('select', { id: 'reply-template-select', 'aria-describedby': 'reply-template-error' });
  const error = h('p', { id: 'reply-template-error', class: 'field-error', role: 'alert' });
  const title = h('input', { id: 'reply-template-title', type: 'text', maxlength: '200', autocomplete: 'off' });
  const saveForm = h('div', { class: 'field', hidden: true },
    h('label', { for: 'reply-template-title', class: 'field-label', i18n: 'staff.template.title' }), title,
    h('div', { class: 'form-actions' },
      h('button', { id: 'reply-template-save', type: 'button', class: 'button button--small', i18n: 'staff.template.save', onclick: save })));
  const remove = h('button', { id: 'reply-template-delete', type: 'button', class: 'button button--small', i18n: 'staff.template.delete', hidden: true, onclick: del });

  function options(list) {
    select.replaceChildren(h('option', { value: '', i18n: 'staff.template.choose' }),
      ...list.map((tpl) => h('option', { value: String(tpl.id) }, tpl.title)));
    select.disabled = list.length === 0;
    remove.hidden = true;
  }

  async function load(fresh = false) {
    if (!fresh && byDialogue.has(dialogueId)) return options(byDialogue.get(dialogueId));
    try {
      const list = await staffApi(base);
      byDialogue.set(dialogueId, list);
      options(list);
    } catch (e) {
      error.textContent = errorText(e);
    }
    return null;
  }

  select.addEventListener('change', () => {
    const tpl = (byDialogue.get(dialogueId) || []).find((x) => String(x.id) === select.value);
    remove.hidden = !tpl;
    if (!tpl) return;
    const area = document.getElementById(textareaId);
    area.value = tpl.text;
    area.focus();
  });

  async function save() {
    error.textContent = '';
    const text = document.getElementById(textareaId).value;
    try {
      await staffApi(base, { method: 'POST', body: { title: title.value, text } });
      title.value = '';
      saveForm.hidden = true;
      await load(true);
    } catch (e) {
      error.textContent = (e.errors || []).length ? e.errors.map((f) => t(`staff.template.fault.${f.field}`)).join(' ') : errorText(e);
      title.focus();
    }
  }

  async function del() {
    error.textContent = '';
    try {
      await staffApi(`${base}/${encodeURIComponent(select.value)}`, { method: 'DELETE' });
      await load(true);
    } catch (e) {
      error.textContent = errorText(e);
    }
  }

  load();
  return h('div', { class: 'field reply-templates' },
    h('label', { for: 'reply-template-select', class: 'field-label', i18n: 'staff.template.label' }),
    h('div', { class: 'field-row' }, select, remove,
      h('button', { id: 'reply-template-new', type: 'button', class: 'button button--small', i18n: 'staff.template.keep',
        onclick: () => { saveForm.hidden = !saveForm.hidden; if (!saveForm.hidden) title.focus(); } })),
    saveForm, error);
}

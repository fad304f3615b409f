// The detail panel's action forms (approve, hide, redact; status and department, reply, note) and what they send; apart from moderation-detail.js, which shows the pin and keeps which pin is open.
import { h } from './dom.js';
import { t, label } from './i18n.js';
import { staffApi } from './staff.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';
import { STATUSES, departmentOptions, field } from './moderation-common.js';
import { replyTemplatePicker } from './reply-templates.js';
import { replyLanguageField, chosenReplyLanguage } from './reply-language.js';

const $ = (id) => document.getElementById(id);
const HIDE_REASONS = ['personal_data', 'offensive', 'off_topic', 'duplicate'];
const DRAFT_FIELDS = ['hide-reason', 'redact-text', 'note-text', 'reply-text', 'reply-language', 'status-select', 'department-select'];

/** Keeps what is typed in the forms now shown, by field id, for the next render. */
export function keepDrafts(drafts) {
  for (const id of DRAFT_FIELDS) if ($(id)) drafts[id] = $(id).value;
}

/** Puts the kept text back into the newly built text areas (the other fields take theirs as they are built). */
export function restoreDrafts(root, drafts) {
  for (const id of DRAFT_FIELDS) {
    const el = root.querySelector(`#${id}`);
    if (el && el.tagName === 'TEXTAREA' && Object.hasOwn(drafts, id)) el.value = drafts[id];
  }
}

/**
 * view: { detail, openForm, drafts }, shared with moderation-detail.js, which owns it; render()
 * draws the panel again; opts: createDetail's (departments(), onChanged(), onOpen()).
 */
export function createDetailForms(view, render, opts) {
  function snapshot() {
    keepDrafts(view.drafts);
  }

  function draft(id, fallback = '') {
    return Object.hasOwn(view.drafts, id) ? view.drafts[id] : fallback;
  }

  async function act(button, errorBox, fields, call, { message, focus, clear = [] }) {
    clearErrors(fields, errorBox);
    const pinId = view.detail.pin.id;
    try {
      await busy(button, async () => {
        let next = await call(pinId);
        if (!next?.pin) next = await staffApi(`/api/v1/staff/moderation/pins/${pinId}`);
        if (view.detail?.pin.id === pinId) { // else another pin was opened meanwhile: leave it be
          snapshot();
          for (const id of clear) delete view.drafts[id];
          view.openForm = null;
          view.detail = next;
          render();
          ($(focus) || $('detail-heading'))?.focus();
        }
        opts.onChanged({ message: t(message, { id: pinId }), pinId });
      });
    } catch (e) {
      if (view.detail?.pin.id !== pinId) return;
      const first = showErrors(e, fields, errorBox);
      first?.focus?.();
    }
  }

  const post = (path, body) => staffApi(path, { method: 'POST', body });
  const moderationPath = (id, what) => `/api/v1/staff/moderation/pins/${id}/${what}`;

  function approve(e) {
    act(e.currentTarget, 'moderate-error', {}, (id) => post(moderationPath(id, 'approve')), {
      message: view.detail.pin.moderationState === 'hidden' ? 'staff.done.republished' : 'staff.done.approved',
    });
  }

  function confirmHide(e) {
    e.preventDefault();
    const reason = $('hide-reason').value.trim();
    const fields = { reason: { input: 'hide-reason', error: 'hide-error' } };
    if (!reason) {
      showErrors({ errors: [{ field: 'reason', code: 'reason.blank' }] }, fields);
      $('hide-reason').focus();
      return;
    }
    act($('confirm-hide'), 'hide-error', fields, (id) => post(moderationPath(id, 'hide'), { reason }), {
      message: 'staff.done.hidden', clear: ['hide-reason'],
    });
  }

  function saveRedaction(e) {
    e.preventDefault();
    const text = $('redact-text').value;
    act($('redact-save'), 'redact-error', { text: { input: 'redact-text', error: 'redact-error' } },
      (id) => post(moderationPath(id, 'redact'), { text }), { message: 'staff.done.redacted', clear: ['redact-text'] });
  }

  function saveStatus(e) {
    e.preventDefault();
    const status = $('status-select').value;
    const department = $('department-select').value;
    const fields = {
      status: { input: 'status-select', error: 'status-error' },
      departmentId: { input: 'department-select', error: 'department-error', codes: ['department.required'] },
    };
    if (status === 'forwarded' && !department && !view.detail.pin.department) {
      showErrors({ errors: [{ field: 'departmentId', code: 'department.required' }] }, fields);
      $('department-select').focus();
      return;
    }
    const body = { status };
    if (department) body.departmentId = Number(department);
    act($('status-save'), 'status-error', fields, (id) => post(`/api/v1/staff/pins/${id}/status`, body), {
      message: 'staff.done.status', focus: 'status-select', clear: ['status-select', 'department-select'],
    });
  }

  function saveNote(e) {
    e.preventDefault();
    const text = $('note-text').value;
    const fields = { text: { input: 'note-text', error: 'note-error' } };
    if (!text.trim()) {
      showErrors({ errors: [{ field: 'text', code: 'note.blank' }] }, fields);
      $('note-text').focus();
      return;
    }
    act($('note-save'), 'note-error', fields, (id) => post(`/api/v1/staff/pins/${id}/notes`, { text }), {
      message: 'staff.done.note', focus: 'note-text', clear: ['note-text'],
    });
  }

  function saveReply(e) {
    e.preventDefault();
    const text = $('reply-text').value;
    const language = chosenReplyLanguage('reply-language');
    const fields = { text: { input: 'reply-text', error: 'reply-error' }, pinIds: { error: 'reply-error' },
      language: { input: 'reply-language', error: 'reply-language-error' } };
    if (!text.trim()) {
      showErrors({ errors: [{ field: 'text', code: 'reply.blank' }] }, fields);
      $('reply-text').focus();
      return;
    }
    act($('reply-save'), 'reply-error', fields, (id) => post('/api/v1/staff/pins/replies', { pinIds: [id], text, language }), {
      message: 'staff.done.reply', focus: 'reply-text', clear: ['reply-text', 'reply-language'],
    });
  }

  function toggleForm(which) {
    snapshot();
    view.openForm = view.openForm === which ? null : which;
    render();
    $(view.openForm === 'hide' ? 'hide-reason' : view.openForm === 'redact' ? 'redact-text' : `${which}-button`)?.focus();
  }

  function moderationSection(pin) {
    const state = pin.moderationState;
    const buttons = h('div', { class: 'form-actions' },
      state !== 'published'
        ? h('button', { id: 'approve-button', type: 'button', class: 'button button--primary', onclick: approve },
          h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: state === 'hidden' ? 'staff.action.republish' : 'staff.action.approve' }))
        : null,
      state !== 'hidden'
        ? h('button', { id: 'hide-button', type: 'button', class: 'button', 'aria-expanded': String(view.openForm === 'hide'), 'aria-controls': 'hide-form', i18n: 'staff.action.hide', onclick: () => toggleForm('hide') })
        : null,
      pin.text == null ? null // nothing left to redact: the text was deleted (retention)
        : h('button', { id: 'redact-button', type: 'button', class: 'button', 'aria-expanded': String(view.openForm === 'redact'), 'aria-controls': 'redact-form', i18n: 'staff.action.redact', onclick: () => toggleForm('redact') }));

    const hideForm = view.openForm === 'hide' ? h('form', { id: 'hide-form', class: 'staff-form inline-form', novalidate: true, onsubmit: confirmHide },
      h('p', { class: 'field-label', id: 'hide-quick-label', i18n: 'staff.hide.quick' }),
      h('div', { class: 'chips', role: 'group', 'aria-labelledby': 'hide-quick-label' },
        HIDE_REASONS.map((r) => h('button', { type: 'button', class: 'chip', i18n: `staff.hide.reason.${r}`, onclick: () => {
          $('hide-reason').value = t(`staff.hide.reason.${r}`);
          $('hide-reason').focus();
        } }))),
      field('hide-reason', 'staff.hide.label', h('input', { id: 'hide-reason', type: 'text', maxlength: '500', value: draft('hide-reason'), 'aria-describedby': 'hide-reason-hint hide-error', autocomplete: 'off' }),
        { hint: 'staff.hide.hint', error: 'hide-error' }),
      h('div', { class: 'form-actions' },
        h('button', { id: 'confirm-hide', type: 'submit', class: 'button button--primary' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'staff.hide.confirm' })),
        h('button', { type: 'button', class: 'button', i18n: 'form.cancel', onclick: () => toggleForm('hide') }))) : null;

    const redactForm = view.openForm === 'redact' && pin.text != null ? h('form', { id: 'redact-form', class: 'staff-form inline-form', novalidate: true, onsubmit: saveRedaction },
      view.detail.originalText != null && view.detail.redactions?.length
        ? h('div', { class: 'original-text' }, h('p', { class: 'field-label', i18n: 'staff.redact.original' }), h('p', { class: 'user-text' }, view.detail.originalText))
        : null,
      field('redact-text', 'staff.redact.label', h('textarea', { id: 'redact-text', rows: '6', 'aria-describedby': 'redact-text-hint redact-error' }),
        { hint: 'staff.redact.hint', error: 'redact-error' }),
      h('div', { class: 'form-actions' },
        h('button', { id: 'redact-save', type: 'submit', class: 'button button--primary' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'staff.redact.save' })),
        h('button', { type: 'button', class: 'button', i18n: 'form.cancel', onclick: () => toggleForm('redact') }))) : null;
    if (redactForm) redactForm.querySelector('#redact-text').value = draft('redact-text', pin.text ?? '');

    return h('section', { class: 'detail-section', 'aria-labelledby': 'moderate-heading' },
      h('h3', { id: 'moderate-heading', i18n: 'staff.detail.moderate' }),
      buttons,
      h('p', { id: 'moderate-error', class: 'field-error', role: 'alert' }),
      hideForm, redactForm);
  }

  function workflowSection(pin) {
    if (pin.mergedInto) {
      return h('section', { class: 'detail-section' },
        h('h3', { i18n: 'staff.detail.workflow' }),
        h('p', { class: 'notice' }, t('staff.detail.mergedInto', { id: pin.mergedInto }), ' ',
          h('button', { type: 'button', class: 'button button--small', onclick: () => opts.onOpen(pin.mergedInto) }, t('staff.detail.openMerged', { id: pin.mergedInto }))));
    }
    const allowed = [pin.status, ...(view.detail.nextStatuses || [])];
    const statusSelect = h('select', { id: 'status-select', 'aria-describedby': 'status-error' },
      STATUSES.filter((s) => allowed.includes(s)).map((s) => h('option', { value: s },
        s === pin.status ? t('staff.status.current', { status: label('pinStatus', s) }) : label('pinStatus', s))));
    statusSelect.value = draft('status-select', pin.status);
    const departments = opts.departments();
    const departmentSelect = h('select', { id: 'department-select', 'aria-describedby': 'department-hint department-error', disabled: departments == null },
      departmentOptions(departments, pin.department));
    departmentSelect.value = draft('department-select', pin.department ? String(pin.department.id) : '');

    return h('section', { class: 'detail-section', 'aria-labelledby': 'workflow-heading' },
      h('h3', { id: 'workflow-heading', i18n: 'staff.detail.workflow' }),
      h('form', { id: 'status-form', class: 'staff-form', novalidate: true, onsubmit: saveStatus },
        h('div', { class: 'field-row' },
          field('status-select', 'staff.status.label', statusSelect, { error: 'status-error' }),
          h('div', { class: 'field' },
            h('label', { for: 'department-select', class: 'field-label', i18n: 'staff.department.label' }),
            h('p', { id: 'department-hint', class: 'hint', i18n: departments == null ? 'staff.department.unavailable' : 'staff.department.hint' }),
            departmentSelect,
            h('p', { id: 'department-error', class: 'field-error' }))),
        h('div', { class: 'form-actions' },
          h('button', { id: 'status-save', type: 'submit', class: 'button button--primary' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'staff.status.save' })))),
      h('form', { id: 'reply-form', class: 'staff-form', novalidate: true, onsubmit: saveReply },
        replyTemplatePicker(pin.dialogue?.id, 'reply-text'),
        field('reply-text', 'staff.reply.label', h('textarea', { id: 'reply-text', rows: '4', 'aria-describedby': 'reply-text-hint reply-error' }),
          { hint: 'staff.reply.hint', error: 'reply-error' }),
        replyLanguageField('reply-language', { pinLanguage: view.detail.language, value: draft('reply-language', 'sv') }),
        h('div', { class: 'form-actions' },
          h('button', { id: 'reply-save', type: 'submit', class: 'button button--primary' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'staff.reply.save' })))),
      h('form', { id: 'note-form', class: 'staff-form', novalidate: true, onsubmit: saveNote },
        field('note-text', 'staff.note.label', h('textarea', { id: 'note-text', rows: '3', 'aria-describedby': 'note-text-hint note-error' }),
          { hint: 'staff.note.hint', error: 'note-error' }),
        h('div', { class: 'form-actions' },
          h('button', { id: 'note-save', type: 'submit', class: 'button' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'staff.note.save' })))));
  }

  return { moderationSection, workflowSection };
}

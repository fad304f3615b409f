// One pin in the workspace: what the citizen wrote (text, category, sub-tags, photos, time,
// source), its history, internal notes and replies, and what staff can do with it: approve, hide
// with a reason, redact personal data (moderator and up); status, department, note and public
// reply (planner and up). Every action answers with the pin as it now is; the page then refreshes
// the queue and says what happened.
import { h } from './dom.js';
import { t, label, formatDate } from './i18n.js';
import { categoryMark, subtagList, photoList } from './pins.js';
import { staffApi, can, errorText } from './staff.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';
import { STATUSES, departmentOptions, stateBadge, statusBadge, fact, field, eventText, timeline } from './moderation-common.js';

const $ = (id) => document.getElementById(id);
const HIDE_REASONS = ['personal_data', 'offensive', 'off_topic', 'duplicate'];
const DRAFT_FIELDS = ['hide-reason', 'redact-text', 'note-text', 'reply-text', 'status-select', 'department-select'];

/**
 * opts: departments() → the list or null when it could not be read; onChanged({message, pinId});
 * onNext(); onBack(); onOpen(id).
 */
export function createDetail(container, opts) {
  let detail = null;
  let requested = null; // the pin asked for last: a slower answer for an earlier one is dropped
  let openForm = null; // 'hide' | 'redact' | null
  let drafts = {};

  function snapshot() {
    for (const id of DRAFT_FIELDS) if ($(id)) drafts[id] = $(id).value;
  }

  function draft(id, fallback = '') {
    return Object.hasOwn(drafts, id) ? drafts[id] : fallback;
  }

  async function act(button, errorBox, fields, call, { message, focus, clear = [] }) {
    clearErrors(fields, errorBox);
    const pinId = detail.pin.id;
    try {
      await busy(button, async () => {
        let next = await call(pinId);
        if (!next?.pin) next = await staffApi(`/api/v1/staff/moderation/pins/${pinId}`);
        if (detail?.pin.id === pinId) { // else another pin was opened meanwhile: leave it be
          snapshot();
          for (const id of clear) delete drafts[id];
          openForm = null;
          detail = next;
          render();
          ($(focus) || $('detail-heading'))?.focus();
        }
        opts.onChanged({ message: t(message, { id: pinId }), pinId });
      });
    } catch (e) {
      if (detail?.pin.id !== pinId) return;
      const first = showErrors(e, fields, errorBox);
      first?.focus?.();
    }
  }

  const post = (path, body) => staffApi(path, { method: 'POST', body });
  const moderationPath = (id, what) => `/api/v1/staff/moderation/pins/${id}/${what}`;

  function approve(e) {
    act(e.currentTarget, 'moderate-error', {}, (id) => post(moderationPath(id, 'approve')), {
      message: detail.pin.moderationState === 'hidden' ? 'staff.done.republished' : 'staff.done.approved',
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
    if (status === 'forwarded' && !department && !detail.pin.department) {
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
    const fields = { text: { input: 'reply-text', error: 'reply-error' }, pinIds: { error: 'reply-error' } };
    if (!text.trim()) {
      showErrors({ errors: [{ field: 'text', code: 'reply.blank' }] }, fields);
      $('reply-text').focus();
      return;
    }
    act($('reply-save'), 'reply-error', fields, (id) => post('/api/v1/staff/pins/replies', { pinIds: [id], text }), {
      message: 'staff.done.reply', focus: 'reply-text', clear: ['reply-text'],
    });
  }

  function toggleForm(which) {
    snapshot();
    openForm = openForm === which ? null : which;
    render();
    $(openForm === 'hide' ? 'hide-reason' : openForm === 'redact' ? 'redact-text' : `${which}-button`)?.focus();
  }

  function moderationSection(pin) {
    const state = pin.moderationState;
    const buttons = h('div', { class: 'form-actions' },
      state !== 'published'
        ? h('button', { id: 'approve-button', type: 'button', class: 'button button--primary', onclick: approve },
          h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: state === 'hidden' ? 'staff.action.republish' : 'staff.action.approve' }))
        : null,
      state !== 'hidden'
        ? h('button', { id: 'hide-button', type: 'button', class: 'button', 'aria-expanded': String(openForm === 'hide'), 'aria-controls': 'hide-form', i18n: 'staff.action.hide', onclick: () => toggleForm('hide') })
        : null,
      pin.text == null ? null // nothing left to redact: the text was deleted (retention)
        : h('button', { id: 'redact-button', type: 'button', class: 'button', 'aria-expanded': String(openForm === 'redact'), 'aria-controls': 'redact-form', i18n: 'staff.action.redact', onclick: () => toggleForm('redact') }));

    const hideForm = openForm === 'hide' ? h('form', { id: 'hide-form', class: 'staff-form inline-form', novalidate: true, onsubmit: confirmHide },
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

    const redactForm = openForm === 'redact' && pin.text != null ? h('form', { id: 'redact-form', class: 'staff-form inline-form', novalidate: true, onsubmit: saveRedaction },
      detail.originalText != null && detail.redactions?.length
        ? h('div', { class: 'original-text' }, h('p', { class: 'field-label', i18n: 'staff.redact.original' }), h('p', { class: 'user-text' }, detail.originalText))
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
    const allowed = [pin.status, ...(detail.nextStatuses || [])];
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
        field('reply-text', 'staff.reply.label', h('textarea', { id: 'reply-text', rows: '4', 'aria-describedby': 'reply-text-hint reply-error' }),
          { hint: 'staff.reply.hint', error: 'reply-error' }),
        h('div', { class: 'form-actions' },
          h('button', { id: 'reply-save', type: 'submit', class: 'button button--primary' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'staff.reply.save' })))),
      h('form', { id: 'note-form', class: 'staff-form', novalidate: true, onsubmit: saveNote },
        field('note-text', 'staff.note.label', h('textarea', { id: 'note-text', rows: '3', 'aria-describedby': 'note-text-hint note-error' }),
          { hint: 'staff.note.hint', error: 'note-error' }),
        h('div', { class: 'form-actions' },
          h('button', { id: 'note-save', type: 'submit', class: 'button' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'staff.note.save' })))));
  }

  function render() {
    const { pin } = detail;
    const isAdminView = detail.originalText != null && detail.redactions?.length > 0;
    const article = h('article', { class: 'pin-detail__body', 'data-pin-id': String(pin.id) },
      h('div', { class: 'detail-nav' },
        h('button', { id: 'back-to-list', type: 'button', class: 'button button--small', i18n: 'staff.detail.back', onclick: () => opts.onBack(pin.id) }),
        h('button', { id: 'next-pin', type: 'button', class: 'button button--small', i18n: 'staff.detail.next', onclick: () => opts.onNext(pin.id) })),
      h('h2', { id: 'detail-heading', class: 'pin-category', tabindex: '-1' },
        categoryMark(pin.category), label('category', pin.category), h('span', { class: 'queue-item__id' }, ` #${pin.id}`)),
      h('p', { class: 'status-line' }, stateBadge(pin.moderationState), statusBadge(pin.status),
        pin.department ? h('span', { class: 'badge badge--department' }, pin.department.name) : null),
      subtagList(pin.subtags),
      pin.text == null
        ? h('p', { class: 'hint detail-text', i18n: pin.source === 'walk' ? 'staff.pin.noText' : 'staff.pin.textDeleted' })
        : h('p', { class: 'user-text pin-text detail-text' }, pin.text),
      pin.redacted ? h('p', { class: 'hint', i18n: 'staff.pin.redactedNote' }) : null,
      isAdminView ? h('details', { class: 'original-text' },
        h('summary', { i18n: 'staff.redact.originalAdmin' }),
        h('p', { class: 'user-text' }, detail.originalText),
        h('ul', { class: 'timeline' }, detail.redactions.map((r) => h('li', {},
          h('span', { class: 'timeline__when' }, t('staff.redact.by', { who: r.redactedBy, date: formatDate(r.redactedAt, true) })),
          h('span', { class: 'user-text' }, r.previousText ?? ''))))) : null,
      photoList(pin.photos),
      h('dl', { class: 'facts' },
        fact('staff.pin.created', formatDate(pin.createdAt, true)),
        fact('staff.pin.source', label('staff.source', pin.source)),
        pin.dialogue?.title ? fact('receipt.dialogue', pin.dialogue.title) : null,
        fact('staff.pin.supports', String(pin.supports ?? 0)),
        pin.moderationReason ? fact('staff.pin.reason', h('span', { class: 'user-text' }, pin.moderationReason)) : null,
        detail.duplicates?.length ? fact('staff.pin.duplicates', detail.duplicates.map((id) => `#${id}`).join(', ')) : null),
      moderationSection(pin),
      can('planner') ? workflowSection(pin) : null,
      h('section', { class: 'detail-section', 'aria-labelledby': 'replies-heading' },
        h('h3', { id: 'replies-heading', i18n: 'staff.detail.replies' }),
        timeline(detail.replies, 'staff.detail.noReplies', (r) => h('li', {},
          h('span', { class: 'timeline__when' }, t('staff.by', { who: r.author, date: formatDate(r.createdAt, true) })),
          h('span', { class: 'user-text' }, r.text)))),
      h('section', { class: 'detail-section', 'aria-labelledby': 'notes-heading' },
        h('h3', { id: 'notes-heading', i18n: 'staff.detail.notes' }),
        timeline(detail.notes, 'staff.detail.noNotes', (n) => h('li', {},
          h('span', { class: 'timeline__when' }, t('staff.by', { who: n.author, date: formatDate(n.createdAt, true) })),
          h('span', { class: 'user-text' }, n.text)))),
      h('section', { class: 'detail-section', 'aria-labelledby': 'history-heading' },
        h('h3', { id: 'history-heading', i18n: 'staff.detail.history' }),
        timeline(detail.events, 'staff.detail.noHistory', (ev) => h('li', {},
          h('span', { class: 'timeline__when' }, t('staff.by', { who: ev.actor, date: formatDate(ev.at, true) })),
          h('span', {}, eventText(ev)),
          ev.detail ? h('span', { class: 'user-text timeline__detail' }, ev.detail) : null,
          ev.shownToSubmitter ? h('span', { class: 'tag', i18n: 'staff.event.public' }) : null))));
    for (const id of DRAFT_FIELDS) {
      const el = article.querySelector(`#${id}`);
      if (el && el.tagName === 'TEXTAREA' && Object.hasOwn(drafts, id)) el.value = drafts[id];
    }
    container.replaceChildren(article);
  }

  return {
    current: () => detail?.pin.id ?? null,
    pin: () => detail?.pin ?? null,
    /** Opens a pin: its detail replaces what was shown; drafts belong to the pin they were typed for. */
    async open(id, { focus = true } = {}) {
      requested = id;
      if (detail?.pin.id !== id) {
        // The old pin's buttons go at once, so that nothing meant for the new pin reaches the old.
        detail = null;
        drafts = {};
        openForm = null;
        container.replaceChildren(h('p', { class: 'hint', i18n: 'staff.loading' }));
      }
      container.setAttribute('aria-busy', 'true');
      try {
        const next = await staffApi(`/api/v1/staff/moderation/pins/${id}`);
        if (requested !== id) return false;
        detail = next;
        render();
        if (focus) $('detail-heading')?.focus();
        return true;
      } catch (e) {
        if (requested !== id) return false;
        detail = null;
        container.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, errorText(e)));
        return false;
      } finally {
        container.removeAttribute('aria-busy');
      }
    },
    /** Reads the pin again (after a bulk action), keeping what was typed. */
    async reload() {
      if (!detail) return;
      snapshot();
      delete drafts['status-select']; // the status may have changed under us
      delete drafts['department-select'];
      const id = detail.pin.id;
      try {
        const next = await staffApi(`/api/v1/staff/moderation/pins/${id}`);
        if (detail?.pin.id !== id) return;
        detail = next;
        render();
      } catch {
        // the pin may be gone (merged away); the next open will say so
      }
    },
    clear() {
      detail = null;
      requested = null;
      drafts = {};
      openForm = null;
      container.replaceChildren(h('p', { class: 'hint', i18n: 'staff.detail.none' }));
    },
    refreshLanguage() {
      if (!detail) return;
      snapshot();
      render();
    },
  };
}

// One pin in the workspace as staff see it, and which pin is open; what staff can do with it is apart, in moderation-detail-forms.js.
// The panel shows what the citizen wrote (text, category, sub-tags, photos, time, source), its
// history, internal notes and replies, and the action forms: approve, hide with a reason, redact
// personal data (moderator and up); status, department, note and public reply (planner and up).
// Every action answers with the pin as it now is; the page then refreshes the queue and says what
// happened.
import { h } from './dom.js';
import { langAttr } from './content-lang.js';
import { t, label, formatDate } from './i18n.js';
import { categoryMark, subtagList, photoList } from './pins.js';
import { staffApi, can, errorText } from './staff.js';
import { stateBadge, statusBadge, fact, eventText, timeline } from './moderation-common.js';
import { createDetailForms, keepDrafts, restoreDrafts } from './moderation-detail-forms.js';
import { pinAnswersSection } from './moderation-answers.js';
import { forwardingSection } from './moderation-forwarding.js';

const $ = (id) => document.getElementById(id);

/**
 * opts: departments() → the list or null when it could not be read; onChanged({message, pinId});
 * onNext(); onBack(); onOpen(id).
 */
export function createDetail(container, opts) {
  // What the action forms (moderation-detail-forms.js) read and change too.
  const view = {
    detail: null,
    openForm: null, // 'hide' | 'redact' | null
    drafts: {},
  };
  let requested = null; // the pin asked for last: a slower answer for an earlier one is dropped
  const forms = createDetailForms(view, render, opts);

  function snapshot() {
    keepDrafts(view.drafts);
  }

  function render() {
    const { detail } = view;
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
        detail.language ? fact('content.pinLanguage', label('content.language', detail.language)) : null,
        pin.dialogue?.title ? fact('receipt.dialogue', pin.dialogue.title) : null,
        fact('staff.pin.supports', String(pin.supports ?? 0)),
        pin.moderationReason ? fact('staff.pin.reason', h('span', { class: 'user-text' }, pin.moderationReason)) : null,
        detail.duplicates?.length ? fact('staff.pin.duplicates', detail.duplicates.map((id) => `#${id}`).join(', ')) : null),
      pinAnswersSection(pin.id),
      forms.moderationSection(pin),
      can('planner') ? forms.workflowSection(pin) : null,
      can('planner') ? forwardingSection(pin.id, { onChanged: (message) => opts.onChanged({ message }) }) : null,
      h('section', { class: 'detail-section', 'aria-labelledby': 'replies-heading' },
        h('h3', { id: 'replies-heading', i18n: 'staff.detail.replies' }),
        timeline(detail.replies, 'staff.detail.noReplies', (r) => h('li', {},
          h('span', { class: 'timeline__when' }, t('staff.by', { who: r.author, date: formatDate(r.createdAt, true) })),
          h('span', { class: 'user-text', lang: langAttr(r.language) }, r.text)))), // lang= when not the page's
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
    restoreDrafts(article, view.drafts);
    container.replaceChildren(article);
  }

  return {
    current: () => view.detail?.pin.id ?? null,
    pin: () => view.detail?.pin ?? null,
    /** Opens a pin: its detail replaces what was shown; drafts belong to the pin they were typed for. */
    async open(id, { focus = true } = {}) {
      requested = id;
      if (view.detail?.pin.id !== id) {
        // The old pin's buttons go at once, so that nothing meant for the new pin reaches the old.
        view.detail = null;
        view.drafts = {};
        view.openForm = null;
        container.replaceChildren(h('p', { class: 'hint', i18n: 'staff.loading' }));
      }
      container.setAttribute('aria-busy', 'true');
      try {
        const next = await staffApi(`/api/v1/staff/moderation/pins/${id}`);
        if (requested !== id) return false;
        view.detail = next;
        render();
        if (focus) $('detail-heading')?.focus();
        return true;
      } catch (e) {
        if (requested !== id) return false;
        view.detail = null;
        container.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, errorText(e)));
        return false;
      } finally {
        container.removeAttribute('aria-busy');
      }
    },
    /** Reads the pin again (after a bulk action), keeping what was typed. */
    async reload() {
      if (!view.detail) return;
      snapshot();
      delete view.drafts['status-select']; // the status may have changed under us
      delete view.drafts['department-select'];
      const id = view.detail.pin.id;
      try {
        const next = await staffApi(`/api/v1/staff/moderation/pins/${id}`);
        if (view.detail?.pin.id !== id) return;
        view.detail = next;
        render();
      } catch {
        // the pin may be gone (merged away); the next open will say so
      }
    },
    clear() {
      view.detail = null;
      requested = null;
      view.drafts = {};
      view.openForm = null;
      container.replaceChildren(h('p', { class: 'hint', i18n: 'staff.detail.none' }));
    },
    refreshLanguage() {
      if (!view.detail) return;
      snapshot();
      render();
    },
  };
}

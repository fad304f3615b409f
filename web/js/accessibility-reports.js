// Accessibility reports (administrators): every report from the accessibility statement's form,
// open ones first, each with its page, text, the reporter's e-mail address if they gave one, the
// page language, and a form to answer (the reporter reads the answer on their receipt) or close.
import { staffBoot, staffApi, errorText, fieldErrorText, showPageProblem } from './staff.js';
import { h, fill, announce } from './dom.js';
import { t, label, formatDate } from './i18n.js';

const $ = (id) => document.getElementById(id);
let reports = [];

function say(text, { error = false } = {}) {
  $('admin-status').classList.toggle('is-error', error);
  announce($('admin-status'), text);
}

function put(changed) {
  reports = reports.map((r) => (r.id === changed.id ? changed : r));
  renderList();
  document.querySelector(`[data-report-id='${changed.id}'] h2`)?.focus();
}

function item(r) {
  const answerId = `a11y-answer-${r.id}`;
  const errorId = `error-a11y-answer-${r.id}`;
  const form = h('form', { class: 'staff-form a11y-answer-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: answerId, class: 'field-label', i18n: 'a11y.staff.answer' }),
      h('textarea', { id: answerId, rows: 3, maxlength: 4000, dir: 'auto', 'aria-describedby': errorId }),
      h('p', { id: errorId, class: 'field-error' })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button--primary a11y-send-answer', i18n: 'a11y.staff.sendAnswer' }),
      r.state !== 'closed' ? h('button', {
        type: 'button', class: 'button a11y-close',
        i18n: 'a11y.staff.close',
        onclick: async () => {
          try {
            put(await staffApi(`/api/v1/staff/accessibility/reports/${r.id}/close`, { method: 'POST', body: {} }));
            say(t('a11y.staff.closed'));
          } catch (e) {
            say(errorText(e), { error: true });
          }
        },
      }) : null));
  form.querySelector('textarea').value = r.answer || '';
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    $(errorId).textContent = '';
    try {
      put(await staffApi(`/api/v1/staff/accessibility/reports/${r.id}/answer`, {
        method: 'POST', body: { answer: $(answerId).value },
      }));
      say(t('a11y.staff.answered'));
    } catch (err) {
      $(errorId).textContent = err.errors?.length ? err.errors.map(fieldErrorText).join(' ') : errorText(err);
      $(answerId).focus();
    }
  });
  return h('li', { class: 'a11y-report staff-section', 'data-report-id': r.id, 'data-state': r.state },
    h('h2', { tabindex: '-1' }, h('span', { class: `badge badge--a11y-${r.state}`, i18n: `a11y.staff.state.${r.state}` }), ' ',
      formatDate(r.createdAt, true), ` #${r.id}`),
    h('dl', { class: 'facts' },
      h('div', { class: 'fact' }, h('dt', { i18n: 'a11y.staff.pageField' }), h('dd', { class: 'user-text', dir: 'auto' }, r.page)),
      r.email ? h('div', { class: 'fact' }, h('dt', { i18n: 'a11y.staff.email' }), h('dd', {}, r.email)) : null,
      r.language ? h('div', { class: 'fact' }, h('dt', { i18n: 'a11y.staff.languageField' }), h('dd', {}, label('content.language', r.language))) : null),
    h('p', { class: 'user-text', dir: 'auto' }, r.description),
    form);
}

function renderList() {
  $('a11y-reports-empty').hidden = reports.length > 0;
  fill($('a11y-reports'), reports.map(item));
}

async function render() {
  try {
    reports = await staffApi('/api/v1/staff/accessibility/reports');
  } catch (e) {
    showPageProblem(errorText(e), () => location.reload());
    return;
  }
  $('a11y-reports-content').hidden = false;
  renderList();
}

staffBoot({ page: 'accessibility', role: 'admin', render, onLanguage: () => renderList() });

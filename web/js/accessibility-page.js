// The accessibility statement (/tillganglighet): the organisation and dates from the settings
// (GET /api/v1/accessibility), the known problems (static texts in the template), and the
// "report a problem" form. A sent report gives a receipt link, /tillganglighet#kvitto=<token>
// (the token stays after # so it never reaches a server log); opening it shows the report and
// the administrators' answer.
import { boot } from './page.js';
import { request } from './api.js';
import { h, fill } from './dom.js';
import { t, has, formatDate } from './i18n.js';
import { contentLanguage } from './content-lang.js';

const $ = (id) => document.getElementById(id);
const FIELDS = { page: 'a11y-page', description: 'a11y-description', email: 'a11y-email' };
let statement = null;

function receiptToken() {
  const match = /^#kvitto=([A-Za-z0-9_-]{43})$/.exec(location.hash);
  return match ? match[1] : null;
}

/** The paragraphs that name the organisation, its contact and dates (they follow a language switch). */
function renderStatement() {
  const s = statement;
  const site = s.organisation;
  fill($('a11y-intro'), h('span', { i18n: 'a11y.intro', vars: { site, app: t('app.name') } }));
  fill($('a11y-responsible'), h('span', { i18n: 'a11y.responsible.text', vars: { site, contact: s.contact } }));
  fill($('a11y-report-text'), h('span', { i18n: 'a11y.report.text', vars: { contact: s.contact } }));
  fill($('a11y-dates'), h('span', { i18n: 'a11y.dates.text', vars: { published: formatDate(s.published), updated: formatDate(s.updated) } }));
  $('a11y-digg').href = s.supervisoryAuthorityUrl;
}

function reportItem(r) {
  return h('article', { class: 'a11y-receipt__report', 'data-report-id': r.id },
    h('p', { class: 'hint', i18n: 'a11y.receipt.sent', vars: { date: formatDate(r.createdAt, true) } }),
    h('p', {}, h('strong', { i18n: 'a11y.staff.pageField' }), ': ', h('span', { class: 'user-text', dir: 'auto' }, r.page)),
    h('p', { class: 'user-text', dir: 'auto' }, r.description),
    h('p', { class: `a11y-state a11y-state--${r.state}`, i18n: `a11y.receipt.state.${r.state}` }),
    r.answer ? h('div', { class: 'a11y-answer' },
      h('h3', { i18n: 'a11y.receipt.answer' }),
      h('p', { class: 'user-text', dir: 'auto' }, r.answer),
      r.answeredAt ? h('p', { class: 'hint' }, formatDate(r.answeredAt, true)) : null) : null);
}

async function renderReceipt({ focus = true } = {}) {
  const token = receiptToken();
  const section = $('a11y-receipt');
  section.hidden = !token;
  if (!token) return;
  try {
    const reports = await request('/api/v1/accessibility/reports/mine', { headers: { 'X-Receipt-Token': token } });
    fill($('a11y-receipt-content'), reports.map(reportItem));
  } catch {
    fill($('a11y-receipt-content'), h('p', { class: 'notice notice--error', role: 'alert', i18n: 'a11y.receipt.notFound' }));
  }
  if (focus) section.focus();
}

function clearFaults() {
  for (const [, id] of Object.entries(FIELDS)) {
    $(`error-${id}`).textContent = '';
    $(id).removeAttribute('aria-invalid');
  }
  $('a11y-report-error').textContent = '';
}

function faultText(f) {
  return has(`a11y.error.${f.code}`) ? t(`a11y.error.${f.code}`) : f.message || t('error.generic');
}

/** Puts each fault next to its field and the keyboard in the first; the server's or the browser's. */
function showFaults(errors, fallback) {
  let first = null;
  for (const f of errors) {
    const id = FIELDS[f.field];
    if (!id) continue;
    $(`error-${id}`).textContent = faultText(f);
    $(id).setAttribute('aria-invalid', 'true');
    first ||= $(id);
  }
  $('a11y-report-error').textContent = errors.length ? t('a11y.report.notSent') : fallback;
  (first || $('a11y-report-error')).focus();
}

async function send(e) {
  e.preventDefault();
  clearFaults();
  const body = {
    page: $('a11y-page').value, description: $('a11y-description').value, email: $('a11y-email').value || null,
    language: contentLanguage(),
  };
  // What the browser can see before asking; the server checks everything again.
  const blank = ['page', 'description'].filter((f) => !body[f].trim()).map((field) => ({ field, code: 'text.blank' }));
  if (blank.length) {
    showFaults(blank);
    return;
  }
  const button = $('a11y-send');
  button.disabled = true;
  try {
    const sent = await request('/api/v1/accessibility/reports', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const link = `${location.origin}/tillganglighet#kvitto=${sent.receipt}`;
    $('a11y-report-form').reset();
    fill($('a11y-report-result'),
      h('p', { class: 'notice notice--success', i18n: 'a11y.report.sent' }),
      h('p', { i18n: 'a11y.report.receipt' }),
      h('p', {}, h('a', { id: 'a11y-receipt-link', href: link, class: 'receipt-link' }, link)));
    $('a11y-report-result').focus();
  } catch (err) {
    showFaults(err.errors || [], err.network ? t('error.network') : t('error.generic'));
  } finally {
    button.disabled = false;
  }
}

async function render() {
  $('a11y-report-form').addEventListener('submit', send);
  window.addEventListener('hashchange', () => renderReceipt());
  try {
    statement = await request('/api/v1/accessibility');
    renderStatement();
  } catch {
    statement = null; // the static texts and the form still work
  }
  await renderReceipt();
}

boot(render, () => {
  if (statement) renderStatement();
  renderReceipt({ focus: false });
});

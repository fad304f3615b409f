// The e-mail outbox (administrators only): every message the service queued, newest first, a
// page at a time: kind, recipient, subject, state, attempts, when made and when sent, and the
// plain text on request. Without an SMTP server a notice says these messages would have been sent.
// Everything from the server is inserted as text.
import { staffBoot, staffApi, errorText, showPageProblem } from './staff.js';
import { h, fill, announce } from './dom.js';
import { t, tn, has, formatDate } from './i18n.js';

const $ = (id) => document.getElementById(id);
const SIZE = 25;
let listing = null;
let pageNo = 0;
const texts = new Map();

function stateLabel(state) {
  return has(`mail.state.${state}`) ? t(`mail.state.${state}`) : state;
}

function kindLabel(kind) {
  return has(`mail.kind.${kind}`) ? t(`mail.kind.${kind}`) : kind;
}

async function toggleText(item, button, region) {
  const open = button.getAttribute('aria-expanded') === 'true';
  if (open) {
    button.setAttribute('aria-expanded', 'false');
    region.hidden = true;
    return;
  }
  button.setAttribute('aria-expanded', 'true');
  region.hidden = false;
  if (!texts.has(item.id)) {
    fill(region, h('p', { class: 'hint', i18n: 'mail.outbox.loadingText' }));
    try {
      texts.set(item.id, await staffApi(`/api/v1/staff/mail/outbox/${encodeURIComponent(item.id)}`));
    } catch (e) {
      fill(region, h('p', { class: 'notice notice--error' }, errorText(e)));
      return;
    }
  }
  const detail = texts.get(item.id);
  fill(region,
    h('pre', { class: 'outbox-text user-text' }, detail.text),
    detail.hasHtml ? h('p', { class: 'hint', i18n: 'mail.outbox.hasHtml' }) : null,
    detail.unsubscribeUrl ? h('p', { class: 'hint' }, t('mail.outbox.unsubscribe'), ' ', h('code', {}, detail.unsubscribeUrl)) : null);
}

function messageItem(item) {
  const region = h('div', { id: `outbox-text-${item.id}`, class: 'outbox-body', hidden: true });
  const button = h('button', {
    type: 'button', class: 'button button--small outbox-show', 'aria-expanded': 'false', 'aria-controls': region.id, i18n: 'mail.outbox.showText',
  });
  button.addEventListener('click', () => toggleText(item, button, region));
  return h('li', { class: `outbox-item outbox-item--${item.state}`, 'data-outbox-id': String(item.id) },
    h('p', { class: 'outbox-item__head' },
      h('time', { datetime: item.createdAt }, formatDate(item.createdAt, true)), ' · ',
      h('span', { class: 'outbox-kind' }, kindLabel(item.kind)), ' · ',
      h('strong', { class: `outbox-state outbox-state--${item.state}` }, stateLabel(item.state))),
    h('p', { class: 'outbox-subject user-text' }, item.subject),
    h('dl', { class: 'outbox-facts' },
      h('dt', { i18n: 'mail.outbox.to' }), h('dd', { class: 'outbox-to user-text' }, item.to),
      h('dt', { i18n: 'mail.outbox.attempts' }), h('dd', {}, String(item.attempts)),
      item.sentAt ? h('dt', { i18n: 'mail.outbox.sentAt' }) : null,
      item.sentAt ? h('dd', {}, h('time', { datetime: item.sentAt }, formatDate(item.sentAt, true))) : null,
      item.lastError ? h('dt', { i18n: 'mail.outbox.lastError' }) : null,
      item.lastError ? h('dd', { class: 'user-text' }, item.lastError) : null),
    button, region);
}

function render() {
  $('outbox-no-smtp').hidden = listing.smtpConfigured;
  fill($('outbox-list'), listing.items.map(messageItem));
  const pages = Math.max(1, Math.ceil(listing.total / listing.size));
  $('outbox-summary').textContent = listing.total ? tn('mail.outbox.count', listing.total) : t('mail.outbox.empty');
  $('outbox-page').textContent = t('mail.outbox.pageOf', { page: listing.page + 1, pages });
  $('outbox-prev').disabled = listing.page === 0;
  $('outbox-next').disabled = listing.page + 1 >= pages;
}

async function load() {
  const q = new URLSearchParams({ page: String(pageNo), size: String(SIZE) });
  if ($('outbox-state').value) q.set('state', $('outbox-state').value);
  $('outbox-list').setAttribute('aria-busy', 'true');
  try {
    listing = await staffApi(`/api/v1/staff/mail/outbox?${q}`);
  } catch (e) {
    announce($('outbox-summary'), errorText(e));
    return;
  } finally {
    $('outbox-list').removeAttribute('aria-busy');
  }
  render();
}

async function start() {
  $('outbox-filter').addEventListener('submit', (e) => {
    e.preventDefault();
    pageNo = 0;
    load();
  });
  $('outbox-prev').addEventListener('click', () => {
    pageNo = Math.max(0, pageNo - 1);
    load();
  });
  $('outbox-next').addEventListener('click', () => {
    pageNo += 1;
    load();
  });
  $('outbox-content').hidden = false;
  try {
    await load();
  } catch (e) {
    showPageProblem(errorText(e));
  }
}

staffBoot({
  page: 'outbox',
  role: 'admin',
  render: start,
  onLanguage: () => {
    if (listing) render();
  },
});

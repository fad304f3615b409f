// Receipt page: the submitter's own pins with moderation state and status in words. The token
// sits after "#" in the address, so it never reaches a server log or a Referer header.
import { boot } from './page.js';
import { api } from './api.js';
import { h } from './dom.js';
import { t, tn, label, formatDate } from './i18n.js';
import { categoryMark, categoryClass, subtagList, photoList } from './pins.js';

const $ = (id) => document.getElementById(id);
const TOKEN = /^[A-Za-z0-9_-]{43}$/; // 256 bits, base64url, as the server issues them
let receipt = null;

function token() {
  return decodeURIComponent(location.hash.replace(/^#/, '')).trim();
}

function showError(key) {
  const box = $('receipt-error');
  box.dataset.i18n = key;
  box.textContent = t(key);
  box.hidden = false;
}

function fact(labelKey, ...value) {
  return h('div', { class: 'fact' }, h('dt', { i18n: labelKey }), h('dd', {}, ...value));
}

function pinItem(pin) {
  const d = pin.dialogue || {};
  const moderation = h('span', { class: `state state--${pin.moderationState}` }, label('moderation', pin.moderationState));
  const reason = pin.moderationReason
    ? h('span', { class: 'user-text state-reason' }, t('receipt.reason', { reason: pin.moderationReason }))
    : null;
  return h('li', { class: `receipt-pin ${categoryClass(pin.category)}`, 'data-pin-id': String(pin.id) },
    h('h2', { class: 'pin-category' }, categoryMark(pin.category), label('category', pin.category)),
    subtagList(pin.subtags),
    h('p', { class: 'user-text pin-text' }, pin.text ?? ''),
    photoList(pin.photos),
    h('dl', { class: 'facts' },
      fact('receipt.dialogue', d.slug ? h('a', { href: `/dialoger/${encodeURIComponent(d.slug)}` }, d.title ?? d.slug) : (d.title ?? '')),
      fact('receipt.visibility', moderation, reason ? ' ' : null, reason),
      fact('receipt.status', h('strong', {}, label('pinStatus', pin.status)))),
    h('p', { class: 'pin-date' }, t('pin.submitted', { date: formatDate(pin.createdAt, true) })));
}

function renderPins() {
  const pins = receipt.pins || [];
  const summary = $('receipt-summary');
  summary.hidden = false;
  summary.textContent = pins.length ? tn('receipt.count', pins.length) : t('receipt.empty');
  $('receipt-pins').replaceChildren(...pins.map(pinItem));
}

async function load() {
  receipt = null;
  $('receipt-error').hidden = true;
  $('receipt-summary').hidden = true;
  $('receipt-pins').replaceChildren();
  const value = token();
  if (!value) return showError('receipt.missing');
  if (!TOKEN.test(value)) return showError('receipt.notFound');
  const status = $('receipt-status');
  status.replaceChildren(h('p', { i18n: 'receipt.loading' }));
  try {
    receipt = await api.receipt(value);
  } catch (e) {
    status.replaceChildren();
    return showError(e.status === 404 ? 'receipt.notFound' : e.network ? 'error.network' : 'receipt.loadError');
  }
  status.replaceChildren();
  return renderPins();
}

window.addEventListener('hashchange', load);
boot(load, () => receipt && renderPins());

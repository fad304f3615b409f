// Receipt page: the submitter's own pins with moderation outcome, status history and replies,
// and the pins they said "me too" to. The token sits after "#" in the address, so it never
// reaches a server log or a Referer header.
import { boot } from './page.js';
import { api } from './api.js';
import { h, fill, announce, isolate } from './dom.js';
import { t, tn, label } from './i18n.js';
import { ownPinItem, supportedItem } from './receipt-items.js';
import { createDeleteDialog } from './receipt-delete.js';
import { receiptFollowForm, receiptLinkForm } from './follow-form.js';

const $ = (id) => document.getElementById(id);
const TOKEN = /^[A-Za-z0-9_-]{43}$/; // 256 bits, base64url, as the server issues them
let receipt = null;
let deleteDialog = null;

function token() {
  return decodeURIComponent(location.hash.replace(/^#/, '')).trim();
}

function showError(key) {
  const box = $('receipt-error');
  box.dataset.i18n = key;
  box.textContent = t(key);
  box.hidden = false;
  // A lost or broken link: it can be sent again to a confirmed address (follow-form.js).
  fill($('receipt-lost'), receiptLinkForm());
  $('receipt-lost').hidden = false;
}

function excerpt(pin) {
  if (pin.text == null) return `${label('category', pin.category)}`;
  const text = pin.text.replace(/\s+/g, ' ').trim();
  return `${label('category', pin.category)}: ${isolate(text.length > 120 ? `${text.slice(0, 119)}…` : text)}`;
}

function summaryText() {
  const pins = receipt.pins || [];
  const supported = receipt.supported || [];
  const parts = [pins.length ? tn('receipt.count', pins.length) : t(supported.length ? 'receipt.noOwnPins' : 'receipt.empty')];
  if (supported.length) parts.push(tn('receipt.supportedCount', supported.length));
  return parts.join(' ');
}

function renderPins() {
  const pins = receipt.pins || [];
  const supported = receipt.supported || [];
  const summary = $('receipt-summary');
  summary.hidden = false;
  summary.textContent = summaryText();
  $('receipt-pins').replaceChildren(...pins.map((pin) => ownPinItem(pin, {
    onDelete: (p) => deleteDialog.open(p, excerpt(p)),
    token: token(),
  })));
  $('receipt-supported-section').hidden = supported.length === 0;
  $('receipt-supported').replaceChildren(...supported.map(supportedItem));
  if (!$('receipt-follow').firstChild) fill($('receipt-follow'), receiptFollowForm(token));
  $('receipt-follow').hidden = false;
}

async function remove(pin) {
  await api.deleteOwnPin(token(), pin.id);
}

/** After a deletion: gone from the page, said aloud, focus on the summary that now counts one less. */
function removed(pin) {
  receipt.pins = (receipt.pins || []).filter((p) => p.id !== pin.id);
  $('receipt-pins').querySelector(`li.receipt-pin[data-pin-id="${CSS.escape(String(pin.id))}"]`)?.remove();
  const summary = $('receipt-summary');
  summary.textContent = summaryText();
  summary.focus();
  announce($('receipt-live'), t('receipt.delete.done'));
}

async function load() {
  receipt = null;
  $('receipt-error').hidden = true;
  $('receipt-summary').hidden = true;
  $('receipt-pins').replaceChildren();
  $('receipt-supported').replaceChildren();
  $('receipt-supported-section').hidden = true;
  $('receipt-lost').hidden = true;
  fill($('receipt-follow'));
  $('receipt-follow').hidden = true;
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
boot(() => {
  deleteDialog = createDeleteDialog({ remove, done: removed });
  return load();
}, () => receipt && renderPins());

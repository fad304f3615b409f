// "Me too": a citizen supports a published pin instead of repeating it. The support is kept with
// the browser's receipt (the server makes one if there is none), so the municipality's answer
// reaches the supporter too. Which pins this browser supported is remembered on this device, so
// the button stays "done" after a reload; the server counts one support per receipt anyway.
import { h } from './dom.js';
import { t, has, formatNumber } from './i18n.js';
import { api, ApiError, savedReceipt, saveReceipt } from './api.js';

const KEY = 'dialogkarta.supported';

function stored() {
  try {
    const ids = JSON.parse(localStorage.getItem(KEY) || '[]');
    return new Set(Array.isArray(ids) ? ids.map(String) : []);
  } catch {
    return new Set();
  }
}

export function isSupported(id) {
  return stored().has(String(id));
}

function remember(id) {
  const ids = stored();
  ids.add(String(id));
  try {
    localStorage.setItem(KEY, JSON.stringify([...ids]));
  } catch {
    // private mode: the server still counts this receipt once
  }
}

/** Sends the support, keeps the receipt token and remembers the pin. Throws ApiError. */
export async function sendSupport(pinId) {
  const answer = await api.support(pinId, savedReceipt());
  if (answer?.receipt) saveReceipt(answer.receipt);
  remember(pinId);
  return answer;
}

/** What went wrong with a support, in the citizen's words. */
export function supportErrorText(err) {
  const e = err instanceof ApiError ? err : new ApiError(0, null, true);
  if (e.network) return t('citizen.support.network');
  if (e.status === 404) return t('citizen.support.gone');
  if (has(`error.${e.code}`)) return t(`error.${e.code}`);
  return t('citizen.support.failed');
}

function setLabel(button, supports) {
  const done = isSupported(button.dataset.pinId);
  button.disabled = done;
  const label = button.querySelector('.support-button__label');
  label.dataset.i18n = done ? 'citizen.support.done' : 'citizen.support.button';
  label.dataset.i18nVars = JSON.stringify({ n: formatNumber(supports ?? 0) });
  label.textContent = t(label.dataset.i18n, { n: formatNumber(supports ?? 0) });
}

/** Every "me too" button of the pin on the page (list and open popup) shows the new count. */
export function refreshSupportButtons(pinId, supports) {
  for (const button of document.querySelectorAll(`button.support-button[data-pin-id="${CSS.escape(String(pinId))}"]`)) {
    setLabel(button, supports);
  }
}

/**
 * "Håll med (N)" with a note under it for the outcome. feature.properties.supports is updated in
 * place, so popups and list items built later show the new count. onSupported(feature, answer)
 * lets the page show the receipt link.
 */
export function supportControl(feature, { describedBy, onSupported } = {}) {
  const note = h('p', { class: 'support-note', tabindex: '-1' });
  const button = h('button', { type: 'button', class: 'button button--small support-button', 'data-pin-id': String(feature.id),
    'aria-describedby': describedBy }, h('span', { class: 'support-button__label' }));
  setLabel(button, feature.properties.supports);
  button.addEventListener('click', async () => {
    if (button.disabled || button.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-busy', 'true');
    note.className = 'support-note';
    note.removeAttribute('role');
    note.textContent = '';
    try {
      const answer = await sendSupport(feature.id);
      feature.properties.supports = answer.supports;
      refreshSupportButtons(feature.id, answer.supports);
      note.replaceChildren(h('span', { i18n: 'citizen.support.thanks' }), ' ',
        answer.receipt ? h('a', { href: `/kvitto#${answer.receipt}`, i18n: 'citizen.support.receiptLink' }) : null);
      note.focus({ preventScroll: true }); // the button is now disabled and would drop focus
      onSupported?.(feature, answer);
    } catch (err) {
      note.className = 'support-note support-note--error';
      note.setAttribute('role', 'alert');
      note.textContent = supportErrorText(err);
    } finally {
      button.removeAttribute('aria-busy');
    }
  });
  return h('div', { class: 'support' }, button, note);
}

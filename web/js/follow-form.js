// The e-mail forms of following (follow.FollowController): updates on a receipt's pins (on the
// confirmation after pinning and on the receipt page), and "send my receipt link again". Each
// answers the same whatever is known about the address: "check your e-mail".
import { h } from './dom.js';
import { t, currentLanguage } from './i18n.js';
import { request } from './api.js';

let made = 0;

/** Messages are written in Swedish or English: English pages get English, every other page Swedish. */
function mailLanguage() {
  return currentLanguage() === 'en' ? 'en' : 'sv';
}

/** The key of a problem's code: follow.email_invalid → follow.error.email_invalid. */
export function errorText(error) {
  if (error?.network) return t('follow.error.network');
  if (error?.status === 429) return t('follow.error.rate_limited');
  const code = (error?.errors?.[0]?.code || error?.code || '').replace(/^follow\./, '');
  const known = ['email_missing', 'email_invalid', 'language_unknown', 'frequency_unknown', 'target_one',
    'dialogue_unknown', 'neighbourhood_unknown', 'area_type', 'area_malformed', 'area_too_many_vertices',
    'area_invalid', 'area_too_large', 'area_too_small', 'confirm_invalid', 'unsubscribe_invalid'];
  return t(known.includes(code) ? `follow.error.${code}` : 'follow.error.generic');
}

/** An e-mail field with its label, hint and error place; returns { el, input, error }. */
export function emailField(prefix) {
  const id = `${prefix}-email`;
  const input = h('input', { id, name: 'email', type: 'email', autocomplete: 'email', required: true,
    'aria-describedby': `${id}-hint ${id}-error`, spellcheck: 'false' });
  const error = h('p', { id: `${id}-error`, class: 'form-error', role: 'alert' });
  const el = h('div', { class: 'field' },
    h('label', { for: id, i18n: 'follow.email' }), h('p', { id: `${id}-hint`, class: 'hint', i18n: 'follow.email.hint' }),
    input, error);
  return { el, input, error };
}

/** sv/en radios, the page's language chosen; returns { el, value() }. */
export function languageField(prefix) {
  const current = mailLanguage();
  const radios = ['sv', 'en'].map((lang) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: `${prefix}-language`, value: lang, checked: lang === current }),
    h('span', { i18n: `follow.language.${lang}` })));
  const el = h('fieldset', { class: 'follow-language' }, h('legend', { i18n: 'follow.language' }), radios);
  return { el, value: () => el.querySelector('input:checked')?.value || current };
}

/**
 * Sends the form's body to path; shows "check your e-mail" in status, or the fault beside the
 * address. body() gives the JSON; headers() the extra headers.
 */
export function submitter({ form, path, body, headers = () => ({}), email, status, button }) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    email.error.textContent = '';
    status.textContent = '';
    if (!email.input.value.trim()) {
      email.error.textContent = t('follow.error.email_missing');
      email.input.focus();
      return;
    }
    button.disabled = true;
    try {
      await request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers() },
        body: JSON.stringify(body()) });
      status.textContent = t('follow.checkEmail');
      form.reset();
      status.focus();
    } catch (error) {
      const field = error.errors?.[0]?.field;
      if (field === 'email' || !field) {
        email.error.textContent = errorText(error);
        email.input.focus();
      } else {
        status.textContent = errorText(error);
      }
    } finally {
      button.disabled = false;
    }
  });
}

/** Updates by e-mail on the pins of the receipt token() names. */
export function receiptFollowForm(token) {
  made += 1;
  const prefix = `follow-receipt-${made}`;
  const email = emailField(prefix);
  const language = languageField(prefix);
  const status = h('p', { class: 'follow-status', role: 'status', tabindex: '-1' });
  const button = h('button', { type: 'submit', class: 'button', i18n: 'follow.receipt.submit' });
  const form = h('form', { class: 'follow-form', novalidate: true, 'aria-labelledby': `${prefix}-heading` },
    h('h3', { id: `${prefix}-heading`, i18n: 'follow.receipt.heading' }),
    h('p', { class: 'hint', i18n: 'follow.receipt.intro' }),
    email.el, language.el, button, status);
  submitter({ form, path: '/api/v1/follow/receipt', email, status, button,
    body: () => ({ email: email.input.value.trim(), language: language.value() }),
    headers: () => ({ 'X-Receipt-Token': token() }) });
  return form;
}

/** "Send my receipt link again": to a confirmed address only, with the same answer for any. */
export function receiptLinkForm() {
  const prefix = 'follow-link';
  const email = emailField(prefix);
  const status = h('p', { class: 'follow-status', role: 'status', tabindex: '-1' });
  const button = h('button', { type: 'submit', class: 'button', i18n: 'follow.link.submit' });
  const form = h('form', { class: 'follow-form', novalidate: true, 'aria-labelledby': `${prefix}-heading` },
    h('h2', { id: `${prefix}-heading`, i18n: 'follow.link.heading' }),
    h('p', { class: 'hint', i18n: 'follow.link.intro' }),
    email.el, button, status);
  submitter({ form, path: '/api/v1/follow/receipt-link', email, status, button,
    body: () => ({ email: email.input.value.trim(), language: mailLanguage() }) });
  return form;
}

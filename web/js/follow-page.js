// /folj: subscribe to a dialogue, a drawn area or a neighbourhood (daily or weekly digest), confirm
// a subscription through the link in its message (#bekrafta=token), stop one (#avsluta=token, the
// page the unsubscribe link of every message leads to), and ask for a lost receipt link again.
import { boot } from './page.js';
import { api, request } from './api.js';
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { langAttr, sentence, swedishName } from './content-lang.js';
import { mapAnswerField } from './questionnaire-map.js';
import { emailField, languageField, errorText, receiptLinkForm } from './follow-form.js';

const $ = (id) => document.getElementById(id);
const state = { site: null, area: null, built: false };

function target() {
  return document.querySelector('input[name="target"]:checked')?.value || 'dialogue';
}

function showTarget() {
  const which = target();
  $('follow-dialogue-field').hidden = which !== 'dialogue';
  $('follow-neighbourhood-field').hidden = which !== 'neighbourhood';
  $('follow-area-field').hidden = which !== 'area';
}

/** The answer at the top: after a confirmation, an unsubscribe, or a fault of either. */
function answer(headingKey, textKey, vars, ...actions) {
  const box = $('follow-answer');
  $('follow-answer-heading').dataset.i18n = headingKey;
  $('follow-answer-heading').textContent = t(headingKey);
  fill($('follow-answer-text'), textKey ? sentence(textKey, vars || {}) : null); // a name in vars may be an element (swedishName)
  fill($('follow-answer-actions'), actions);
  box.hidden = false;
  box.focus();
}

async function confirm(token) {
  try {
    const done = await request('/api/v1/follow/confirm', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }) });
    const key = done.kind === 'receipt' ? 'follow.confirmed.receipt' : 'follow.confirmed.digest';
    const name = done.dialogue || done.neighbourhood; // staff's Swedish names
    answer('follow.confirmed.heading', key, { name: name ? swedishName(name) : t('follow.target.area') });
  } catch (error) {
    answer('follow.error.heading', null, null, h('p', { text: errorText(error) }));
  }
  history.replaceState(null, '', location.pathname);
}

function askUnsubscribe(token) {
  const button = h('button', { type: 'button', class: 'button button--primary', i18n: 'follow.unsubscribe.button',
    onclick: async () => {
      button.disabled = true;
      try {
        await request(`/api/v1/follow/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST' });
        answer('follow.unsubscribed.heading', 'follow.unsubscribed.text');
        history.replaceState(null, '', location.pathname);
      } catch (error) {
        answer('follow.error.heading', null, null, h('p', { text: errorText(error) }));
      }
    } });
  answer('follow.unsubscribe.heading', 'follow.unsubscribe.text', null, button);
}

function fromHash() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
  const [key, value] = hash.split('=');
  if (key === 'bekrafta' && value) confirm(value);
  else if (key === 'avsluta' && value) askUnsubscribe(value);
}

function clearErrors() {
  for (const id of ['follow-dialogue-error', 'follow-neighbourhood-error', 'follow-area-error']) $(id).textContent = '';
  $('follow-status').textContent = '';
}

function build(dialogues, neighbourhoods, contact) {
  const wanted = new URLSearchParams(location.search).get('dialog');
  // Titles in the page's language where staff translated them, else Swedish marked lang="sv";
  // neighbourhood names are Swedish.
  fill($('follow-dialogue'), dialogues.map((d) => h('option', { value: d.slug, selected: d.slug === wanted, lang: langAttr(d.titleLang || 'sv'), dir: 'auto' }, d.title)));
  fill($('follow-neighbourhood'), neighbourhoods.map((n) => h('option', { value: String(n.id), lang: langAttr('sv'), dir: 'auto' }, n.name)));
  // The drawing map starts on the chosen (or first) dialogue's study area, at a scale to draw at.
  const around = dialogues.find((d) => d.slug === wanted) || dialogues.find((d) => d.status === 'ongoing') || dialogues[0];
  state.area = mapAnswerField(null, 'area', { site: state.site, studyArea: around?.studyArea || null }, () => { $('follow-area-error').textContent = ''; },
    'follow-area-error');
  fill($('follow-area-map'), state.area.el);
  fill($('follow-contact'), contact.email.el, contact.language.el);
  document.querySelectorAll('input[name="target"]').forEach((r) => r.addEventListener('change', showTarget));
  showTarget();
}

function body(contact) {
  const which = target();
  return {
    email: contact.email.input.value.trim(),
    language: contact.language.value(),
    frequency: document.querySelector('input[name="frequency"]:checked')?.value,
    dialogue: which === 'dialogue' ? $('follow-dialogue').value : null,
    neighbourhoodId: which === 'neighbourhood' ? Number($('follow-neighbourhood').value) : null,
    area: which === 'area' ? state.area.value() : null,
  };
}

const FIELD_ERRORS = { dialogue: 'follow-dialogue-error', neighbourhoodId: 'follow-neighbourhood-error', area: 'follow-area-error' };

async function submit(e, contact) {
  e.preventDefault();
  clearErrors();
  contact.email.error.textContent = '';
  if (target() === 'area' && !state.area.value()) {
    $('follow-area-error').textContent = t('follow.error.area_missing');
    return;
  }
  $('follow-submit').disabled = true;
  try {
    await request('/api/v1/follow/subscriptions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body(contact)) });
    $('follow-status').textContent = t('follow.checkEmail');
    $('follow-status').focus();
  } catch (error) {
    const field = (error.errors?.[0]?.field || '').split('.')[0];
    const place = field === 'email' ? contact.email.error : $(FIELD_ERRORS[field]) || $('follow-status');
    place.textContent = errorText(error);
  } finally {
    $('follow-submit').disabled = false;
  }
}

async function render() {
  if (state.built) return;
  state.built = true;
  fromHash();
  window.addEventListener('hashchange', fromHash);
  fill($('follow-link'), receiptLinkForm());
  const contact = { email: emailField('follow'), language: languageField('follow') };
  let dialogues = [];
  let neighbourhoods = [];
  try {
    [state.site, dialogues, neighbourhoods] = await Promise.all([api.site().catch(() => null), api.dialogues(),
      request('/api/v1/follow/neighbourhoods')]);
  } catch {
    $('follow-status').textContent = t('follow.error.network');
  }
  build(dialogues, neighbourhoods, contact);
  $('follow-form').addEventListener('submit', (e) => submit(e, contact));
}

boot(render, () => state.area?.refresh());

// The answer page of a department or outside body (forwarding): the pins forwarded to it, and for
// each an answer: accept, decline with a reason, planned or done with a date, and a reply that the
// municipality publishes after review. No account: the private token sits after "#" in the
// address, so it never reaches a server log or a Referer header; the API gets it in a header.
import { boot } from './page.js';
import { request } from './api.js';
import { h, announce } from './dom.js';
import { t, tn, label, has, formatDate, today } from './i18n.js';
import { categoryMark, subtagList } from './pins.js';
import { swedishName, sentence } from './content-lang.js';

const $ = (id) => document.getElementById(id);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const HEADER = 'X-Answer-Token';
const ACTIONS = ['accept', 'decline', 'planned', 'done', 'reply'];
let view = null;

function token() {
  return decodeURIComponent(location.hash.replace(/^#/, '')).trim();
}

function showError(key) {
  const box = $('answer-error');
  box.dataset.i18n = key;
  box.textContent = t(key);
  box.hidden = false;
}

function faultText(fault) {
  const key = `forward.fault.${fault.code}`;
  return has(key) ? t(key) : (fault.message || fault.code);
}

function answerLine(a) {
  const when = formatDate(a.createdAt, true);
  const what = a.kind === 'declined' ? t('forward.answer.declined', { reason: a.reason ?? '' })
    : a.kind === 'planned' || a.kind === 'done' ? t(`forward.answer.${a.kind}`, { date: formatDate(a.due) })
      : a.kind === 'reply' ? t(`forward.answer.reply.${a.replyState}`)
        : t('forward.answer.accepted');
  return h('li', {}, h('span', { class: 'timeline__date' }, when), ' ', what,
    a.kind === 'reply' ? [' ”', swedishName(a.text, { className: 'user-text' }), '”'] : null); // a department answers in Swedish
}

function choice(pinId, action) {
  const id = `answer-${pinId}-action-${action}`;
  return h('label', { for: id },
    h('input', { id, type: 'radio', name: `answer-${pinId}-action`, value: action, required: true,
      onchange: () => showFields(pinId) }),
    h('span', { i18n: `forward.action.${action}` }));
}

function field(id, labelKey, input, hintKey) {
  return h('div', { class: 'field', id: `${id}-field` },
    h('label', { for: id, class: 'field-label', i18n: labelKey }),
    hintKey ? h('p', { id: `${id}-hint`, class: 'hint', i18n: hintKey }) : null,
    input,
    h('p', { id: `${id}-error`, class: 'field-error' }));
}

function showFields(pinId) {
  const action = document.querySelector(`input[name="answer-${pinId}-action"]:checked`)?.value;
  $(`answer-${pinId}-reason-field`).hidden = action !== 'decline';
  $(`answer-${pinId}-date-field`).hidden = action !== 'planned' && action !== 'done';
  const date = $(`answer-${pinId}-date`);
  if (action === 'planned') { date.min = today(); date.removeAttribute('max'); }
  if (action === 'done') { date.max = today(); date.removeAttribute('min'); }
}

async function submit(e, pin) {
  e.preventDefault();
  const id = pin.id;
  const fields = ['action', 'reason', 'date', 'text'];
  for (const f of fields) {
    const err = $(`answer-${id}-${f}-error`);
    if (err) err.textContent = '';
    $(`answer-${id}-${f}`)?.removeAttribute('aria-invalid');
  }
  const action = document.querySelector(`input[name="answer-${id}-action"]:checked`)?.value;
  const body = { action: action ?? '' };
  if (action === 'decline') body.reason = $(`answer-${id}-reason`).value;
  if (action === 'planned' || action === 'done') body.date = $(`answer-${id}-date`).value;
  const text = $(`answer-${id}-text`).value;
  if (text.trim()) body.text = text;
  const button = $(`answer-${id}-send`);
  button.disabled = true;
  button.classList.add('is-sending');
  try {
    const updated = await request(`/api/v1/forwarding/pins/${encodeURIComponent(id)}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', [HEADER]: token() }, body: JSON.stringify(body),
    });
    const index = view.pins.findIndex((p) => p.pin.id === id);
    const stillHere = action !== 'decline';
    if (stillHere) view.pins[index] = updated; else view.pins.splice(index, 1);
    render();
    announce($('answer-live'), t(stillHere ? 'forward.page.saved' : 'forward.page.declined', { id }));
    ($(`answer-${id}-heading`) || $('answer-summary')).focus();
  } catch (err) {
    button.disabled = false;
    button.classList.remove('is-sending');
    if (err.status === 404) return showError('forward.page.notFound');
    let first = null;
    for (const fault of err.errors || []) {
      const name = fields.includes(fault.field) ? fault.field : 'action';
      const box = $(`answer-${id}-${name}-error`);
      box.textContent = [box.textContent, faultText(fault)].filter(Boolean).join(' ');
      const input = name === 'action' ? document.querySelector(`input[name="answer-${id}-action"]`) : $(`answer-${id}-${name}`);
      input?.setAttribute('aria-invalid', 'true');
      first ||= input;
    }
    if (!err.errors?.length) $(`answer-${id}-action-error`).textContent = err.network ? t('error.network') : (err.problem?.detail || err.message);
    (first || $(`answer-${id}-action-error`))?.focus?.();
  }
  return null;
}

function pinItem({ pin, answers }) {
  const id = pin.id;
  const map = `https://www.openstreetmap.org/?mlat=${pin.lat.toFixed(6)}&mlon=${pin.lon.toFixed(6)}#map=18/${pin.lat.toFixed(6)}/${pin.lon.toFixed(6)}`;
  const form = h('form', { class: 'answer-form staff-form', novalidate: true, onsubmit: (e) => submit(e, pin) },
    h('fieldset', { 'aria-describedby': `answer-${id}-action-error` },
      h('legend', { i18n: 'forward.page.yourAnswer' }),
      h('div', { class: 'answer-choices' }, ACTIONS.map((a) => choice(id, a))),
      h('p', { id: `answer-${id}-action-error`, class: 'field-error', tabindex: '-1' })),
    field(`answer-${id}-reason`, 'forward.page.reason', h('input', { id: `answer-${id}-reason`, type: 'text', maxlength: '500',
      autocomplete: 'off', 'aria-describedby': `answer-${id}-reason-error` })),
    field(`answer-${id}-date`, 'forward.page.date', h('input', { id: `answer-${id}-date`, type: 'date',
      'aria-describedby': `answer-${id}-date-error` })),
    field(`answer-${id}-text`, 'forward.page.reply', h('textarea', { id: `answer-${id}-text`, rows: '4', maxlength: '2000',
      'aria-describedby': `answer-${id}-text-hint answer-${id}-text-error` }), 'forward.page.replyHint'),
    h('div', { class: 'form-actions' },
      h('button', { id: `answer-${id}-send`, type: 'submit', class: 'button button--primary' },
        h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'forward.page.send' }))));
  const item = h('li', { class: 'answer-pin', 'data-pin-id': String(id) },
    h('h2', { id: `answer-${id}-heading`, class: 'pin-category', tabindex: '-1' },
      categoryMark(pin.category), label('category', pin.category), ` #${id}`),
    h('p', { class: 'hint' }, swedishName(pin.dialogueTitle)),
    subtagList(pin.subtags),
    pin.text == null
      ? h('p', { class: 'hint', i18n: 'forward.page.textHidden' })
      : h('p', { class: 'user-text pin-text' }, pin.text),
    h('p', { class: 'pin-status' }, h('span', { i18n: 'citizen.pin.statusLabel' }), ' ', h('strong', {}, label('pinStatus', pin.status))),
    h('p', {}, h('span', { i18n: 'forward.page.place' }), ` ${pin.lat.toFixed(6)}, ${pin.lon.toFixed(6)} `,
      h('a', { href: map, rel: 'noreferrer noopener', target: '_blank', i18n: 'forward.page.map' })),
    pin.photoIds?.length ? h('p', { class: 'answer-photos' }, pin.photoIds.map((p) => h('a', { href: `/api/v1/photos/${p}`, rel: 'noreferrer' },
      h('img', { src: `/api/v1/photos/${p}/thumbnail`, alt: t('forward.page.photo', { n: p }), width: '160' })))) : null,
    answers?.length ? h('div', {}, h('h3', { class: 'receipt-subheading', i18n: 'forward.page.answers' }),
      h('ul', { class: 'answer-done' }, answers.map(answerLine))) : null,
    form);
  item.querySelector(`#answer-${id}-reason-field`).hidden = true;
  item.querySelector(`#answer-${id}-date-field`).hidden = true;
  return item;
}

function render() {
  const summary = $('answer-summary');
  summary.hidden = false;
  // The department's name is Swedish: marked lang="sv" inside the sentence on a page in another language.
  if (view.pins.length) {
    summary.replaceChildren(...sentence('forward.page.for', { department: swedishName(view.department), until: formatDate(view.expiresAt) }),
      ` ${tn('forward.page.count', view.pins.length)}`);
  } else {
    summary.textContent = t('forward.page.empty');
  }
  $('answer-pins').replaceChildren(...view.pins.map(pinItem));
}

async function load() {
  view = null;
  $('answer-error').hidden = true;
  $('answer-summary').hidden = true;
  $('answer-pins').replaceChildren();
  const value = token();
  if (!value) return showError('forward.page.missing');
  if (!TOKEN.test(value)) return showError('forward.page.notFound');
  $('answer-status').replaceChildren(h('p', { i18n: 'forward.page.loading' }));
  try {
    view = await request('/api/v1/forwarding', { headers: { [HEADER]: value } });
  } catch (e) {
    $('answer-status').replaceChildren();
    return showError(e.status === 404 ? 'forward.page.notFound' : e.network ? 'error.network' : 'forward.page.loadError');
  }
  $('answer-status').replaceChildren();
  return render();
}

window.addEventListener('hashchange', load);
boot(load, () => view && render());

// Views that came by letter, e-mail, phone, a meeting or a remiss answer (planners): pick a
// dialogue, register a view with its optional place, sender and attachment, and see the list.
// Everything a sender or citizen wrote goes into the page as text (h() and textContent only).
import { staffBoot, staffApi, currentStaff, errorText, showPageProblem, toSignIn } from './staff.js';
import { api, request } from './api.js';
import { h, announce } from './dom.js';
import { t, label, formatDate, today } from './i18n.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';

const $ = (id) => document.getElementById(id);
const DIALOGUE_KEY = 'dialogkarta.views.dialogue';
const state = { dialogues: [], views: [], editing: null };

const FIELDS = {
  receivedOn: { input: 'view-received', error: 'error-view-received' },
  channel: { input: 'view-channel', error: 'error-view-channel' },
  senderType: { input: 'view-sender-type', error: 'error-view-sender-type' },
  text: { input: 'view-text', error: 'error-view-text' },
  location: { input: 'view-lon', error: 'error-view-place' },
  'location.type': { input: 'view-lon', error: 'error-view-place' },
  'location.coordinates': { input: 'view-lon', error: 'error-view-place' },
  'sender.name': { input: 'view-sender-name', error: 'error-view-sender-name' },
  'sender.organisation': { input: 'view-sender-organisation', error: 'error-view-sender-organisation' },
  'sender.postalAddress': { input: 'view-sender-address', error: 'error-view-sender-address' },
  'sender.email': { input: 'view-sender-email', error: 'error-view-sender-email' },
  attachment: { input: 'view-attachment', error: 'error-view-attachment' },
};

const dialogueId = () => $('views-dialogue').value;
const path = (id) => `/api/v1/staff/dialogues/${encodeURIComponent(id)}/views`;

function say(text, { error = false } = {}) {
  $('views-status').classList.toggle('is-error', error);
  announce($('views-status'), text);
}

function item(v) {
  const sender = v.sender
    ? [v.sender.name, v.sender.organisation, v.sender.postalAddress, v.sender.email].filter(Boolean).join(', ')
    : null;
  const place = v.location
    ? t('views.item.place', { lon: v.location.coordinates[0].toFixed(5), lat: v.location.coordinates[1].toFixed(5) })
    : t('views.item.wholeArea');
  return h('li', { class: 'view-item', 'data-view-id': String(v.id), 'data-channel': v.channel },
    h('h3', { id: `view-${v.id}-title`, tabindex: '-1' },
      `${formatDate(v.receivedOn)} · ${label('views.channel', v.channel)}`),
    h('p', { class: 'status-line' },
      h('span', { class: 'badge' }, label('views.senderType', v.senderType)),
      h('span', { class: 'hint' }, place)),
    h('p', { class: 'view-text' }, v.text),
    sender ? h('p', { class: 'view-sender' }, h('span', { class: 'visually-hidden', i18n: 'views.item.sender' }), sender) : null,
    v.attachment ? h('p', {}, h('a', { href: v.attachment.url, download: v.attachment.fileName },
      t('views.item.attachment', { name: v.attachment.fileName }))) : null,
    h('div', { class: 'view-actions', id: `view-${v.id}-actions` },
      h('button', { type: 'button', class: 'button button--small edit-view', id: `view-${v.id}-edit`,
        i18n: 'views.edit', 'aria-describedby': `view-${v.id}-title`, onclick: () => startEdit(v) }),
      h('button', { type: 'button', class: 'button button--small delete-view', id: `view-${v.id}-delete`,
        i18n: 'views.delete', 'aria-describedby': `view-${v.id}-title`, onclick: () => askDelete(v) })));
}

/** Deleting asks once more in place (no browser dialog), naming what goes with the view. */
function askDelete(v) {
  const actions = $(`view-${v.id}-actions`);
  const cancel = () => {
    actions.replaceWith(item(v).querySelector('.view-actions'));
    $(`view-${v.id}-delete`)?.focus();
  };
  actions.replaceChildren(
    h('p', { id: `view-${v.id}-delete-question`, i18n: 'views.deleteQuestion' }),
    h('button', { type: 'button', class: 'button button--small confirm-delete-view', id: `view-${v.id}-confirm-delete`,
      i18n: 'views.deleteConfirm', 'aria-describedby': `view-${v.id}-delete-question`, onclick: (e) => remove(v, e.currentTarget) }),
    h('button', { type: 'button', class: 'button button--small', i18n: 'views.cancelEdit', onclick: cancel }));
  $(`view-${v.id}-confirm-delete`).focus();
}

async function remove(v, button) {
  try {
    await busy(button, () => staffApi(`${path(v.dialogueId)}/${v.id}`, { method: 'DELETE' }));
    if (state.editing?.id === v.id) endEdit();
    say(t('views.deleted'));
    await loadViews();
    $('views-list-heading').setAttribute('tabindex', '-1');
    $('views-list-heading').focus();
  } catch (e) {
    say(errorText(e), { error: true });
    if (e.status === 404) await loadViews();
  }
}

function setKey(id, key, vars) {
  const el = $(id);
  el.dataset.i18n = key;
  if (vars) el.dataset.i18nVars = JSON.stringify(vars); else delete el.dataset.i18nVars;
  el.textContent = t(key, vars);
}

/** The form corrects an existing view: its fields filled in, the attachment left as it is. */
function startEdit(v) {
  clearErrors(FIELDS, 'view-form-error');
  state.editing = v;
  $('view-received').value = v.receivedOn;
  $('view-channel').value = v.channel;
  $('view-sender-type').value = v.senderType;
  $('view-text').value = v.text;
  $('view-lon').value = v.location ? String(v.location.coordinates[0]) : '';
  $('view-lat').value = v.location ? String(v.location.coordinates[1]) : '';
  $('view-sender-name').value = v.sender?.name || '';
  $('view-sender-organisation').value = v.sender?.organisation || '';
  $('view-sender-address').value = v.sender?.postalAddress || '';
  $('view-sender-email').value = v.sender?.email || '';
  $('view-attachment-field').hidden = true;
  $('view-cancel').hidden = false;
  setKey('view-form-heading', 'views.editing', { date: formatDate(v.receivedOn), channel: label('views.channel', v.channel) });
  setKey('view-save-label', 'views.saveCorrection');
  $('view-form-heading').focus();
}

function endEdit() {
  state.editing = null;
  $('view-form').reset();
  $('view-received').value = today();
  $('view-attachment-field').hidden = false;
  $('view-cancel').hidden = true;
  setKey('view-form-heading', 'views.new');
  setKey('view-save-label', 'views.save');
}

function renderList() {
  $('views-list').replaceChildren(...state.views.map(item));
  $('views-empty').hidden = state.views.length > 0;
}

async function loadViews() {
  const id = dialogueId();
  if (!id) return;
  const channel = $('views-filter').value;
  try {
    state.views = await staffApi(`${path(id)}${channel ? `?channel=${encodeURIComponent(channel)}` : ''}`);
    renderList();
  } catch (e) {
    say(errorText(e), { error: true });
  }
}

function renderDialogues() {
  const select = $('views-dialogue');
  const value = select.value;
  select.replaceChildren(...state.dialogues.map((d) => h('option', { value: String(d.id) },
    `${d.title} (${label('dialogueStatus', d.status)})`)));
  if (value) select.value = value;
}

/** The form as the API's body; null parts are left out by the server's rules. */
function body() {
  const value = (id) => $(id).value.trim();
  const lon = value('view-lon').replace(',', '.');
  const lat = value('view-lat').replace(',', '.');
  const sender = {
    name: value('view-sender-name') || null,
    organisation: value('view-sender-organisation') || null,
    postalAddress: value('view-sender-address') || null,
    email: value('view-sender-email') || null,
  };
  return {
    receivedOn: value('view-received'),
    channel: $('view-channel').value,
    senderType: $('view-sender-type').value,
    text: value('view-text'),
    location: lon || lat ? { type: 'Point', coordinates: [Number(lon), Number(lat)] } : null,
    sender: Object.values(sender).some(Boolean) ? sender : null,
  };
}

/** Faults the page can see before sending, in the same shape as the server's. */
function localFaults(b) {
  const errors = [];
  if (!b.receivedOn) errors.push({ field: 'receivedOn', code: 'receivedOn.missing', message: t('staff.error.receivedOn.missing') });
  if (!b.text) errors.push({ field: 'text', code: 'text.blank', message: t('staff.error.text.blank') });
  const c = b.location?.coordinates;
  if (c && (!$('view-lon').value.trim() || !$('view-lat').value.trim() || c.some((n) => !Number.isFinite(n)))) {
    errors.push({ field: 'location.coordinates', code: 'location.malformed', message: t('staff.error.location.malformed') });
  }
  return errors;
}

/** A multipart POST with the session's CSRF token; staffApi speaks JSON only. */
async function postWithFile(url, b, file) {
  const form = new FormData();
  form.append('view', new Blob([JSON.stringify(b)], { type: 'application/json' }));
  form.append('attachment', file, file.name);
  const me = currentStaff();
  const headers = { 'X-Requested-With': 'XMLHttpRequest' };
  if (me?.csrf) headers[me.csrf.headerName] = me.csrf.token;
  try {
    return await request(url, { method: 'POST', headers, body: form });
  } catch (e) {
    if (e.status === 401) {
      toSignIn();
      return new Promise(() => {});
    }
    throw e;
  }
}

async function register(e) {
  e.preventDefault();
  clearErrors(FIELDS, 'view-form-error');
  const b = body();
  const faults = localFaults(b);
  if (faults.length) {
    showErrors({ errors: faults }, FIELDS, 'view-form-error')?.focus?.();
    return;
  }
  if (state.editing) {
    await correct(state.editing, b);
    return;
  }
  const file = $('view-attachment').files[0];
  try {
    const created = await busy($('view-save'), () => (file
      ? postWithFile(path(dialogueId()), b, file)
      : staffApi(path(dialogueId()), { method: 'POST', body: b })));
    endEdit();
    say(t('views.saved', { channel: label('views.channel', created.channel), date: formatDate(created.receivedOn) }));
    await loadViews();
    document.getElementById(`view-${created.id}-title`)?.focus();
  } catch (err) {
    showErrors(err, FIELDS, 'view-form-error')?.focus?.();
  }
}

/**
 * A correction carries the version that was read. When someone else saved first the server
 * answers 409 view.stale: the message stays in the form, and the list is reloaded so that the
 * planner sees the other change before making theirs again.
 */
async function correct(v, b) {
  try {
    const saved = await busy($('view-save'), () => staffApi(`${path(v.dialogueId)}/${v.id}`,
      { method: 'PUT', body: { ...b, version: v.version } }));
    endEdit();
    say(t('views.corrected', { channel: label('views.channel', saved.channel), date: formatDate(saved.receivedOn) }));
    await loadViews();
    document.getElementById(`view-${saved.id}-title`)?.focus();
  } catch (err) {
    showErrors(err, FIELDS, 'view-form-error')?.focus?.();
    if (err.code === 'view.stale' || err.status === 404) await loadViews();
  }
}

async function dialogueChosen() {
  endEdit();
  try { localStorage.setItem(DIALOGUE_KEY, dialogueId()); } catch { /* private mode */ }
  await loadViews();
}

async function render() {
  try {
    state.dialogues = await api.dialogues();
  } catch (e) {
    showPageProblem(errorText(e), () => location.reload());
    return;
  }
  $('views-content').hidden = false;
  if (!state.dialogues.length) {
    $('views-empty').hidden = false;
    $('view-form').hidden = true;
    return;
  }
  renderDialogues();
  let remembered = null;
  try { remembered = localStorage.getItem(DIALOGUE_KEY); } catch { /* none */ }
  const wanted = [new URLSearchParams(location.search).get('dialogue'), remembered]
    .find((v) => v && state.dialogues.some((d) => String(d.id) === v));
  if (wanted) $('views-dialogue').value = wanted;
  $('view-received').value = today();
  $('view-received').max = today();
  $('views-dialogue').addEventListener('change', dialogueChosen);
  $('views-filter').addEventListener('change', loadViews);
  $('view-form').addEventListener('submit', register);
  $('view-cancel').addEventListener('click', () => {
    const id = state.editing?.id;
    endEdit();
    document.getElementById(`view-${id}-edit`)?.focus();
  });
  await loadViews();
}

staffBoot({
  page: 'views',
  role: 'planner',
  render,
  onLanguage: () => {
    if (!state.dialogues.length) return;
    renderDialogues();
    renderList();
  },
});

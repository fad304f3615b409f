// The moderation page's state and its loading (queue, more pins, one pin, dialogue choice, address); kept apart from moderation-page.js, which only sets the parts up and wires the controls.
import { staffApi, can, errorText } from './staff.js';
import { h, announce } from './dom.js';
import { t, tn, label } from './i18n.js';
import { STATUSES } from './moderation-common.js';

const $ = (id) => document.getElementById(id);
const PAGE = 100;
export const STATES = ['pending', 'published', 'hidden'];
export const DIALOGUE_KEY = 'dialogkarta.staff.dialogue';

export const state = {
  site: null,
  dialogues: [],
  departments: null,
  pins: [],
  nextAfter: null,
  selection: null,
  map: null,
  queue: null,
  detail: null,
  bulk: null,
  loading: 0,
  loadError: null,
  previousIds: [],
};

export function say(text, { error = false } = {}) {
  const region = $('action-status');
  region.classList.toggle('is-error', error);
  announce(region, text);
}

export function dialogue() {
  return state.dialogues.find((d) => String(d.id) === $('dialogue-select').value) || null;
}

// ---- the address keeps dialogue, state, status and open pin, so a reload lands in the same place
export function readAddress() {
  const q = new URLSearchParams(location.search);
  return { dialogue: q.get('dialogue'), state: q.get('state'), status: q.get('status'), pin: Number(q.get('pin')) || null };
}

export function writeAddress() {
  const q = new URLSearchParams();
  if ($('dialogue-select').value) q.set('dialogue', $('dialogue-select').value);
  q.set('state', $('state-filter').value);
  if ($('status-filter').value) q.set('status', $('status-filter').value);
  if (state.detail?.current()) q.set('pin', state.detail.current());
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

// ---- the queue ----
function queuePath({ after, limit }) {
  const q = new URLSearchParams({ dialogue: $('dialogue-select').value, state: $('state-filter').value, limit: String(limit) });
  if (after) q.set('after', String(after));
  const status = $('status-filter').value;
  if (status) {
    q.append('status', status);
    return `/api/v1/staff/pins?${q}`;
  }
  return `/api/v1/staff/moderation/queue?${q}`;
}

export function renderQueue() {
  const view = { currentId: state.detail.current(), checked: state.selection.set(), showStatus: can('planner') };
  state.queue.render(state.pins, view);
  const empty = $('queue-empty');
  empty.hidden = state.pins.length > 0;
  empty.classList.toggle('notice--error', !!state.loadError);
  empty.textContent = state.loadError || t(`staff.queue.empty.${$('state-filter').value}`);
  $('queue-more').hidden = !state.nextAfter;
  const key = state.nextAfter ? 'staff.queue.summaryMore' : `staff.queue.summary.${$('state-filter').value}`;
  $('queue-summary').textContent = tn(key, state.pins.length);
  state.map?.setPins(state.pins);
  state.map?.setCurrent(state.detail.current());
  state.selection.changed();
}

/** Reads the queue again; keeps as many pins as were loaded, and the ticks that still apply. */
export async function loadQueue({ keep = false, fit = false } = {}) {
  if (!$('dialogue-select').value) return;
  const ticket = ++state.loading;
  const limit = keep ? Math.min(500, Math.max(PAGE, state.pins.length)) : PAGE;
  $('queue').setAttribute('aria-busy', 'true');
  try {
    const page = await staffApi(queuePath({ limit }));
    if (ticket !== state.loading) return;
    state.previousIds = state.pins.map((p) => p.id);
    state.loadError = null;
    state.pins = page?.pins || [];
    state.nextAfter = page?.nextAfter ?? null;
  } catch (e) {
    if (ticket !== state.loading) return;
    state.pins = [];
    state.nextAfter = null;
    // No such path at all (a server without the moderation API yet) differs from a missing dialogue.
    const missingApi = e.status === 404 && (!e.problem?.code || e.code === 'http.404');
    state.loadError = missingApi ? t('staff.error.moderationMissing') : errorText(e);
    say(state.loadError, { error: true });
  } finally {
    if (ticket === state.loading) $('queue').removeAttribute('aria-busy');
  }
  const present = new Set(state.pins.map((p) => p.id));
  state.selection.keepOnly(present);
  renderQueue();
  if (fit) state.map?.fit();
}

export async function loadMore() {
  if (!state.nextAfter) return;
  const first = state.pins.length;
  try {
    const page = await staffApi(queuePath({ after: state.nextAfter, limit: PAGE }));
    state.pins = [...state.pins, ...(page?.pins || [])];
    state.nextAfter = page?.nextAfter ?? null;
    renderQueue();
    say(tn('staff.queue.loaded', state.pins.length - first));
    const next = state.pins[first];
    if (next) state.queue.focusItem(next.id);
  } catch (e) {
    say(errorText(e), { error: true });
  }
}

// ---- one pin ----
export async function openPin(id, { focus = true } = {}) {
  const ok = await state.detail.open(id, { focus });
  state.queue.mark({ currentId: state.detail.current(), checked: state.selection.set() });
  state.map?.setCurrent(state.detail.current(), { pan: true });
  if (ok) state.queue.scrollToItem(id);
  writeAddress();
}

export function neighbour(id, step) {
  const at = state.pins.findIndex((p) => p.id === id);
  if (at >= 0) return state.pins[at + step] || null;
  // The pin has left the list (approved from the pending queue): the next is the first pin that
  // came after it in the list as it was before.
  const before = state.previousIds || [];
  const present = new Map(state.pins.map((p) => [p.id, p]));
  return before.slice(before.indexOf(id) + 1).map((other) => present.get(other)).find(Boolean) || null;
}

export async function changed({ message, pinId, error = false, clear = false, open = null }) {
  say(message, { error });
  if (clear) state.selection.clear();
  await loadQueue({ keep: true });
  if (open) await openPin(open, { focus: false });
  else if (pinId == null) await state.detail.reload();
  // A bulk action may hide the panel its button was in: focus then goes back to the list.
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected || active.closest('[hidden]')) $('queue-heading').focus();
}

/** A pin opened from the address (a link from the audit log) shows its own dialogue and state. */
export async function showPinsQueue(addressState) {
  const pin = state.detail.pin();
  if (!pin?.dialogue || !state.dialogues.some((d) => d.id === pin.dialogue.id)) return;
  const otherDialogue = String(pin.dialogue.id) !== $('dialogue-select').value;
  const otherState = !addressState && STATES.includes(pin.moderationState) && pin.moderationState !== $('state-filter').value;
  if (!otherDialogue && !otherState) return;
  $('dialogue-select').value = String(pin.dialogue.id);
  if (otherState) $('state-filter').value = pin.moderationState;
  await dialogueChosen({ keepPin: pin.id });
  await openPin(pin.id, { focus: false });
}

// ---- dialogues and filters ----
export function renderDialogueOptions() {
  const select = $('dialogue-select');
  const chosen = select.value;
  select.replaceChildren(...state.dialogues.map((d) => h('option', { value: String(d.id) },
    t('staff.moderation.dialogueOption', { title: d.title, status: label('dialogueStatus', d.status) }))));
  if (chosen) select.value = chosen;
  const d = dialogue();
  $('dialogue-note').textContent = d?.moderationMode ? t(`staff.moderation.mode.${d.moderationMode}`) : '';
}

export function renderStatusFilter() {
  const select = $('status-filter');
  const chosen = select.value;
  select.replaceChildren(h('option', { value: '', i18n: 'staff.moderation.statusFilter.all' }),
    ...STATUSES.map((s) => h('option', { value: s }, label('pinStatus', s))));
  select.value = chosen;
}

export function dialogueChosen({ keepPin = null } = {}) {
  const d = dialogue();
  try {
    localStorage.setItem(DIALOGUE_KEY, String(d?.id ?? ''));
  } catch {
    // not remembered; the address still holds it
  }
  $('dialogue-note').textContent = d?.moderationMode ? t(`staff.moderation.mode.${d.moderationMode}`) : '';
  state.map?.cancelDrawing();
  state.selection.clear();
  if (!keepPin) state.detail.clear();
  state.map?.setStudyArea(d?.studyArea || null);
  writeAddress();
  return loadQueue({ fit: true });
}

export async function loadDepartments() {
  if (!can('planner')) return;
  try {
    const list = await staffApi('/api/v1/staff/departments');
    state.departments = Array.isArray(list) ? list : null;
  } catch {
    state.departments = null; // the menus say that the list is missing; status changes still work
  }
}

// The checklist in walk mode: at a stop the group rates the same questions on the walk's scale
// (1–5) in a few taps, offline too. Each saved rating goes to its own IndexedDB outbox with an
// Idempotency-Key made once, and is sent from there like the walk's pins (walk-sync.js): a retry
// after a lost answer lands on the rating the server already stored, so each is stored once.
// A rating set may carry one photo (the whole stop's, not per question): kept as a Blob in the
// same record, sent after the set with the set's photoToken from the answer, and dropped from the
// phone once the server has it; the same photo sent again is answered as the first time.
import { request, ApiError } from './api.js';
import { h, announce } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { swedishName, sentence, contentLanguage } from './content-lang.js';
import { newKey } from './walk-store.js';
import { isRetryable, pauseAfter } from './walk-sync.js';
import { preparePhoto, MAX_BYTES } from './walk-photo.js';

const DB_NAME = 'dialogkarta-walk-ratings';
const PERIOD_MS = 30_000;
const $ = (id) => document.getElementById(id);
let opening = null;

function open() {
  opening ??= new Promise((resolve, reject) => {
    if (!window.indexedDB) return reject(new Error('indexeddb.unavailable'));
    const r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => r.result.createObjectStore('ratings', { keyPath: 'key' }).createIndex('walk', 'walkId');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    return undefined;
  });
  opening.catch(() => { opening = null; });
  return opening;
}

async function tx(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction('ratings', mode, { durability: 'strict' });
    const store = transaction.objectStore('ratings');
    let result;
    const r = work(store);
    if (r) r.onsuccess = () => { result = r.result; };
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error || new Error('aborted'));
  });
}

const all = (walkId) => tx('readonly', (s) => s.index('walk').getAll(walkId));
const put = (record) => tx('readwrite', (s) => s.put(record));

/** The checklist, from the network, else the copy kept on this phone. */
async function load(walkId) {
  const storageKey = `dialogkarta.walk.${walkId}.checklist`;
  try {
    const body = await request(`/api/v1/walks/${encodeURIComponent(walkId)}/checklist`);
    try { localStorage.setItem(storageKey, JSON.stringify(body)); } catch { /* full */ }
    return body;
  } catch (e) {
    const kept = e instanceof ApiError && e.status >= 400 && e.status < 500 ? null : localStorage.getItem(storageKey);
    if (kept) return JSON.parse(kept);
    throw e;
  }
}

/** Metres between two [lon, lat] positions, near enough for picking the closest stop. */
function distance(a, b) {
  const k = Math.PI / 180;
  const x = (b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
  const y = (b[1] - a[1]) * k;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/**
 * opts: walk, here() → {lon, lat} | null, isOver(), onPhoto() opens the pin sheet for a photo here,
 * map() → the walk map's Leaflet map (the stops are drawn on it, numbered), or null
 */
export function createChecklist(opts) {
  const walkId = opts.walk.id;
  const state = { list: null, records: [], running: false, again: false, timer: null, photo: null, previewUrl: null };

  function scaleLabel(n) {
    return t(`walkmethod.scale.${n}`);
  }

  function rated() {
    return new Set(state.records.map((r) => r.body.stopId));
  }

  function renderStops() {
    const select = $('walk-checklist-stop');
    const done = rated();
    const chosen = select.value;
    // The stops' names are the planner's Swedish: on a page in another language the option is
    // marked lang="sv" (an option holds text only), and "rated" is the check mark alone.
    const swedishPage = ['sv', 'lattlast'].includes(contentLanguage());
    select.replaceChildren(...state.list.stops.map((s, i) => h('option', { value: String(s.id), lang: swedishPage ? null : 'sv', dir: 'auto' },
      `${i + 1}. ${s.name}${done.has(s.id) ? (swedishPage ? ` ✓ ${t('walkmethod.mode.rated')}` : ' ✓') : ''}`)));
    if (chosen) select.value = chosen;
  }

  function nearestStop() {
    const fix = opts.here();
    if (!fix || !state.list.stops.length) return;
    const best = state.list.stops.reduce((a, b) => (distance([fix.lon, fix.lat], a.location.coordinates)
      <= distance([fix.lon, fix.lat], b.location.coordinates) ? a : b));
    $('walk-checklist-stop').value = String(best.id);
  }

  function renderItems() {
    const { min, max } = state.list.scale;
    const steps = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    $('walk-checklist-scale').textContent = t('walkmethod.mode.scale', { min, max, low: scaleLabel(min), high: scaleLabel(max) });
    $('walk-checklist-items').replaceChildren(...state.list.items.map((item, n) => h('fieldset', { class: 'walk-rate', 'data-item': String(item.id) },
      h('legend', { class: 'walk-rate__question' }, `${n + 1}. `, swedishName(item.wording)),
      h('div', { class: 'walk-rate__scale' }, steps.map((v) => h('label', { class: 'walk-rate__step' },
        h('input', { type: 'radio', name: `rate-${item.id}`, value: String(v), 'aria-label': `${v}: ${scaleLabel(v)}` }),
        h('span', { 'aria-hidden': 'true' }, String(v))))),
      h('details', { class: 'walk-rate__more' },
        h('summary', { i18n: 'walkmethod.mode.comment' }),
        h('label', { class: 'visually-hidden', for: `rate-comment-${item.id}`, i18n: 'walkmethod.mode.comment' }),
        h('textarea', { id: `rate-comment-${item.id}`, rows: '2', maxlength: '1000', 'data-comment': String(item.id) })))));
  }

  function renderStatus() {
    const waiting = state.records.filter((r) => r.state === 'waiting').length;
    const sent = state.records.filter((r) => r.state === 'sent').length;
    const failed = state.records.filter((r) => r.state === 'failed');
    $('walk-checklist-queue').textContent = t('walkmethod.mode.queue', { waiting: formatNumber(waiting), sent: formatNumber(sent) });
    $('walk-checklist-queue').dataset.waiting = String(waiting);
    $('walk-checklist-queue').dataset.sent = String(sent);
    $('walk-checklist-failed').replaceChildren(...failed.map((r) => h('li', { class: 'walk-failed__item' },
      sentence(r.setId ? 'walkmethod.mode.photoFailed' : 'walkmethod.mode.failed', { stop: swedishName(stopName(r.body.stopId)), reason: r.error?.detail || '' }))));
  }

  function stopName(id) {
    return state.list.stops.find((s) => s.id === id)?.name || `#${id}`;
  }

  async function refresh() {
    state.records = (await all(walkId)).sort((a, b) => a.seq - b.seq);
    renderStops();
    renderStatus();
  }

  function clearPhoto() {
    state.photo = null;
    $('walk-checklist-file').value = '';
    if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
    state.previewUrl = null;
    $('walk-checklist-file-preview').replaceChildren();
    $('walk-checklist-file-clear').hidden = true;
    $('walk-checklist-file-label').dataset.i18n = 'walkmethod.mode.photoAdd';
    $('walk-checklist-file-label').textContent = t('walkmethod.mode.photoAdd');
  }

  async function choosePhoto() {
    const file = $('walk-checklist-file').files?.[0];
    const error = $('walk-checklist-error');
    error.textContent = '';
    if (!file) return;
    try {
      state.photo = await preparePhoto(file);
    } catch (e) {
      clearPhoto();
      error.textContent = t(e.message === 'size' ? 'walk.photo.tooLarge' : 'walk.photo.wrongType', { max: formatNumber(MAX_BYTES / 1024 / 1024) });
      return;
    }
    if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
    state.previewUrl = URL.createObjectURL(state.photo.blob);
    $('walk-checklist-file-preview').replaceChildren(h('img', { src: state.previewUrl, alt: t('walk.photo.preview'), width: '72', height: '72' }));
    $('walk-checklist-file-clear').hidden = false;
    $('walk-checklist-file-label').dataset.i18n = 'walk.photo.change';
    $('walk-checklist-file-label').textContent = t('walk.photo.change');
  }

  async function save(event) {
    event.preventDefault();
    const stopId = Number($('walk-checklist-stop').value);
    const ratings = [];
    for (const box of $('walk-checklist-items').querySelectorAll('.walk-rate')) {
      const chosen = box.querySelector('input:checked');
      if (!chosen) continue;
      const comment = box.querySelector('textarea').value.trim();
      ratings.push({ itemId: Number(box.dataset.item), score: Number(chosen.value), ...(comment ? { comment } : {}) });
    }
    const error = $('walk-checklist-error');
    if (!ratings.length) {
      error.textContent = t('walkmethod.mode.nothing');
      return;
    }
    error.textContent = '';
    const recordedAt = new Date().toISOString();
    const photo = state.photo ? { blob: state.photo.blob, name: state.photo.name } : null;
    await put({ key: newKey(), walkId, seq: Date.now(), body: { stopId, recordedAt, ratings }, photo, state: 'waiting', attempts: 0, nextTryAt: 0 });
    $('walk-checklist-form').reset();
    clearPhoto();
    await refresh();
    announce($('walk-checklist-saved'), t(navigator.onLine ? 'walkmethod.mode.savedSending' : 'walkmethod.mode.savedOffline', { stop: stopName(stopId) }));
    run(true);
  }

  /** The set first (once, by its key), then its photo with the set's token; each step kept as it succeeds. */
  async function send(record) {
    let current = record;
    try {
      if (!current.setId) {
        const answer = await request(`/api/v1/walks/${encodeURIComponent(walkId)}/ratings`, {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': current.key }, body: JSON.stringify(current.body),
        });
        current = current.photo ? { ...current, setId: answer.id, photoToken: answer.photoToken, attempts: 0 } : { ...current, state: 'sent', error: null };
        await put(current);
      }
      if (current.photo) {
        const form = new FormData();
        form.append('token', current.photoToken);
        form.append('photo', current.photo.blob, current.photo.name || 'photo.jpg');
        await request(`/api/v1/walks/${encodeURIComponent(walkId)}/ratings/${encodeURIComponent(current.setId)}/photo`, { method: 'POST', body: form });
        current = { ...current, photo: null, photoSent: true, state: 'sent', error: null };
        await put(current);
      }
      return true;
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, null, true);
      const attempts = (current.attempts || 0) + 1;
      if (isRetryable(e)) await put({ ...current, attempts, nextTryAt: Date.now() + pauseAfter(attempts) });
      else await put({ ...current, attempts, state: 'failed', error: { status: e.status, code: e.code, detail: e.problem?.detail || null } });
      return !e.network;
    }
  }

  async function run(force = false) {
    if (state.running) {
      // Asked again while a round runs (the 'online' event as the round fails offline): one more round after it.
      state.again ||= force;
      return;
    }
    state.running = true;
    state.again = false;
    clearTimeout(state.timer);
    try {
      for (const record of (await all(walkId)).sort((a, b) => a.seq - b.seq)) {
        if (record.state !== 'waiting' || (!force && record.nextTryAt > Date.now())) continue;
        if (!(await send(record))) break; // offline: the rest would fail the same way
      }
      await refresh();
    } catch {
      // storage unavailable: the next round tries again
    } finally {
      state.running = false;
      state.timer = state.again ? setTimeout(() => run(true), 0) : setTimeout(() => run(), PERIOD_MS);
    }
  }

  /** The stops on the walk map, numbered as in the list, so the group sees where the next one is. */
  function drawStops() {
    const map = opts.map?.();
    const L = window.L;
    if (!map || !L) return;
    state.stopLayer?.remove();
    state.stopLayer = L.layerGroup(state.list.stops.map((s, i) => L.marker([s.location.coordinates[1], s.location.coordinates[0]], {
      interactive: false, keyboard: false, title: `${i + 1}. ${s.name}`,
      icon: L.divIcon({ className: 'walk-checklist-stop', html: h('span', { 'aria-hidden': 'true' }, String(i + 1)), iconSize: [28, 28], iconAnchor: [14, 14] }),
    }))).addTo(map);
  }

  async function init() {
    try {
      state.list = await load(walkId);
    } catch {
      return;
    }
    if (!state.list?.items?.length || !state.list?.stops?.length) return;
    $('walk-checklist').hidden = false;
    renderItems();
    drawStops();
    await refresh().catch(() => {});
    nearestStop();
    $('walk-checklist-form').addEventListener('submit', save);
    $('walk-checklist-nearest').addEventListener('click', nearestStop);
    $('walk-checklist-file').addEventListener('change', choosePhoto);
    $('walk-checklist-file-clear').addEventListener('click', clearPhoto);
    $('walk-checklist-file').disabled = opts.isOver();
    $('walk-checklist-photo').addEventListener('click', () => opts.onPhoto?.());
    $('walk-checklist-photo').disabled = opts.isOver();
    $('walk-checklist-save').disabled = opts.isOver();
    window.addEventListener('online', () => run(true));
    run(true);
  }

  return { init, refreshLanguage: () => { if (state.list) { renderItems(); renderStops(); renderStatus(); } } };
}

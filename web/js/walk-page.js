// Walk mode (/vandring/{id}): a phone in one hand at dusk. The walk's route on the map, the live
// position, a big button per category, and a pin "here" in two taps (category, Save), or tap the
// map first to put it elsewhere. Pins go to the IndexedDB outbox first (walk-store.js) and are
// sent from there (walk-sync.js), so the page works offline; walk-sw.js keeps the page itself.
import { boot } from './page.js';
import { ApiError } from './api.js';
import { h, announce, fill } from './dom.js';
import { contentText, rememberLabelLangs, swedishName } from './content-lang.js';
import { t, tn, formatDate, formatNumber, addLabels, currentLanguage } from './i18n.js';
import { categoryMark, categoryClass } from './pins.js';
import { createWalkMap } from './walk-map.js';
import { createSheet } from './walk-sheet.js';
import { createSync } from './walk-sync.js';
import { createTrack } from './walk-track.js';
import { renderOutbox, renderTrack, counts } from './walk-outbox-view.js';
import { addPin, pinsOf, tracksOf, updatePin, newKey, askToPersist } from './walk-store.js';
import { createChecklist } from './walk-checklist.js';
import { addPlaceFinder } from './place-finder.js';
import { descriptionBlock } from './walk-description.js';

const $ = (id) => document.getElementById(id);
const walkId = /^\/vandring\/(\d+)\/?$/.exec(location.pathname)?.[1] || new URLSearchParams(location.search).get('id') || '';
const state = { walk: null, site: null, studyArea: null, map: null, sheet: null, sync: null, track: null, fix: null, pick: null, records: [], tracks: [], points: 0, lastSeq: 0 };

// The worker is registered from walk mode only; it keeps this page, its modules, Leaflet, the
// bundle, the walk and the map tiles seen, so that a reload without network still works.
const worker = 'serviceWorker' in navigator
  ? navigator.serviceWorker.register('/walk-sw.js', { scope: '/' }).then(() => navigator.serviceWorker.ready).catch(() => null)
  : Promise.resolve(null);

function keepForOffline(urls) {
  const tiles = state.site?.basemap?.url || null;
  // Every script and stylesheet this page has loaded, whichever module brought it in.
  const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && /^\/(js|css|webjars)\//.test(u.pathname)).map((u) => u.pathname);
  urls = [...new Set([...urls, ...loaded])];
  worker.then((reg) => reg?.active?.postMessage({ type: 'keep', urls, tiles })).catch(() => {});
}

// Tiles shown are handed to the worker to keep (a batch a moment after the map settles).
const seenTiles = new Set();
let tileTimer = null;
function tileSeen(url) {
  if ($('walk-map-note').dataset.i18n === 'walk.map.tilesFailed') $('walk-map-note').hidden = true; // back
  if (seenTiles.size < 400) seenTiles.add(url);
  clearTimeout(tileTimer);
  tileTimer = setTimeout(() => {
    const urls = [...seenTiles];
    seenTiles.clear();
    worker.then((reg) => reg?.active?.postMessage({ type: 'tiles', urls, template: state.site?.basemap?.url || null })).catch(() => {});
  }, 1500);
}

/** A GET that falls back to the copy kept on this phone when the network or server fails. */
async function getKept(path, storageKey) {
  try {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, body);
    try { localStorage.setItem(storageKey, JSON.stringify(body)); } catch { /* full: the worker's copy remains */ }
    return body;
  } catch (e) {
    const final = e instanceof ApiError && e.status >= 400 && e.status < 500;
    const kept = final ? null : localStorage.getItem(storageKey);
    if (kept) return JSON.parse(kept);
    throw e instanceof ApiError ? e : new ApiError(0, null, true);
  }
}

// The server takes a walk's pins from pinsFrom to pinsUntil (an hour early, some hours late) by
// the time the phone made them; outside that window the buttons rest instead of making failures.
const until = () => state.walk?.pinsUntil || state.walk?.endsAt;
const from = () => state.walk?.pinsFrom || null;
const isOver = () => !!state.walk?.closedAt || (!!until() && Date.now() > Date.parse(until()));
const notYet = () => !!from() && Date.now() < Date.parse(from());

function setText(el, key, vars) {
  el.dataset.i18n = key;
  if (vars) el.dataset.i18nVars = JSON.stringify(vars); else delete el.dataset.i18nVars;
  el.textContent = t(key, vars);
}

/** Tells screen readers; shown on screen too when visible (a save), else the page already shows it. */
/** Says key in the announcement box; count: the key has plural forms, chosen by count. */
function say(key, vars, visible = false, count = undefined) {
  const box = $('walk-announce');
  box.classList.toggle('visually-hidden', !visible);
  box.dataset.i18n = key;
  if (vars) box.dataset.i18nVars = JSON.stringify(vars); else delete box.dataset.i18nVars;
  if (count !== undefined) box.dataset.i18nCount = String(count); else delete box.dataset.i18nCount;
  announce(box, count === undefined ? t(key, vars) : tn(key, count));
}

function renderHeader() {
  const w = state.walk;
  setText($('walk-kind'), `walk.kind.${w.kind}`);
  fill($('walk-title'), w.title ? contentText(w.title, w.titleLang) : null);
  document.title = t('walk.page.titleNamed', { title: w.title || t(`walk.kind.${w.kind}`) });
  const notice = $('walk-notice');
  notice.hidden = !isOver() && !notYet();
  if (isOver()) setText(notice, 'walk.closed');
  else if (notYet()) setText(notice, 'walk.notYet', { time: formatDate(from(), true) });
  else delete notice.dataset.i18n;
  fill($('walk-description'), descriptionBlock(w.description, w.descriptionLang));
  const fact = (key, value) => (value ? [h('dt', { i18n: key }), h('dd', {}, value)] : []);
  const timeText = w.startsAt ? `${formatDate(w.startsAt, true)}${w.endsAt ? ` – ${formatDate(w.endsAt, true)}` : ''}` : null;
  $('walk-facts').replaceChildren(
    ...fact('walk.about.kind', t(`walk.kind.${w.kind}`)),
    ...fact('walk.about.time', timeText),
    ...fact('walk.about.meeting', w.meetingPointName ? contentText(w.meetingPointName, w.meetingPointNameLang) : null),
    ...fact('walk.about.dialogue', w.dialogue?.slug ? h('a', { href: `/dialoger/${encodeURIComponent(w.dialogue.slug)}` }, w.dialogue.title ? swedishName(w.dialogue.title) : w.dialogue.slug)
      : (w.dialogue?.title ? swedishName(w.dialogue.title) : null)));
}

function renderCategories() {
  const closed = isOver() || notYet();
  $('walk-categories').replaceChildren(...state.walk.categories.map((code) => h('button', {
    type: 'button', class: `walk-category ${categoryClass(code)}`, 'data-category': code, disabled: closed,
    onclick: () => state.sheet.open(code),
  }, categoryMark(code, 'walk-category__mark'), h('span', { class: 'walk-category__label', i18n: `category.${code}` }))));
}

function renderPosition() {
  const pos = $('walk-position');
  if (state.pick) setText(pos, 'walk.pick.chosen');
  else if (state.fix) setText(pos, 'walk.geo.ok', { m: formatNumber(Math.round(state.fix.accuracy)) });
  else if (!pos.dataset.i18n || pos.dataset.i18n.startsWith('walk.pick') || pos.dataset.i18n === 'walk.geo.ok') setText(pos, 'walk.geo.searching');
  pos.classList.toggle('is-problem', !state.fix && !state.pick);
  $('walk-pick-clear').hidden = !state.pick;
}

function watchPosition() {
  if (!navigator.geolocation) {
    setText($('walk-position'), 'walk.geo.unsupported');
    return;
  }
  navigator.geolocation.watchPosition((p) => {
    const first = !state.fix;
    state.fix = { lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy || 0, time: p.timestamp || Date.now() };
    state.map?.setPosition(state.fix);
    renderPosition();
    state.sheet?.updatePlace();
    if (first) say('walk.geo.found');
    state.track?.add(state.fix).catch(() => {});
  }, (error) => {
    let key = { 1: 'walk.geo.denied', 2: 'walk.geo.unavailable', 3: 'walk.geo.timeout' }[error.code] || 'walk.geo.unavailable';
    // While the walk takes no points, do not tell the walker to tap the map for one.
    if (isOver() || notYet()) key = error.code === 1 ? 'walk.geo.deniedNoPoints' : 'walk.geo.unknownNoPoints';
    if (error.code === 1) {
      state.fix = null;
      state.map?.setPosition(null);
    }
    if (!state.fix) {
      setText($('walk-position'), key);
      $('walk-position').classList.add('is-problem');
      say(key);
    }
  }, { enableHighAccuracy: true, maximumAge: 5000, timeout: 30000 });
}

function pick(pos) {
  if (isOver()) return;
  state.pick = pos;
  state.map?.setPick(pos);
  renderPosition();
  if (state.sheet.isOpen()) {
    state.sheet.updatePlace();
    say('walk.pick.moved');
  } else {
    say('walk.pick.chosen');
  }
}

async function refresh() {
  try {
    [state.records, state.tracks] = await Promise.all([pinsOf(state.walk.id), tracksOf(state.walk.id)]);
  } catch {
    say('walk.storage.failed');
    return;
  }
  state.lastSeq = Math.max(state.lastSeq, ...state.records.map((r) => r.seq));
  renderOutbox({ records: state.records, tracks: state.tracks, online: navigator.onLine }, retry);
  renderTrack({ recording: state.track?.isRecording() ?? false, points: state.points, tracks: state.tracks });
  state.map?.setOwnPins(state.records);
}

async function retry(record) {
  await updatePin(record.key, (r) => Object.assign(r, { state: 'waiting', attempts: 0, nextTryAt: 0, error: null }));
  await refresh();
  state.sync.run({ force: true });
}

/** Saving writes to the outbox only; sending happens in the sync loop, now or when online. */
async function save(draft) {
  const now = new Date();
  const recordedAt = now.toISOString();
  state.lastSeq = Math.max(now.getTime(), state.lastSeq + 1);
  const body = { category: draft.category, subtags: draft.subtags, location: draft.location, walkId: state.walk.id, recordedAt };
  if (draft.text) body.text = draft.text;
  if (draft.accuracy != null) body.accuracy = draft.accuracy;
  await addPin({
    key: newKey(), walkId: state.walk.id, dialogueId: state.walk.dialogue.id, seq: state.lastSeq, recordedAt, body,
    state: 'waiting', attempts: 0, nextTryAt: 0, frozen: false, createdAt: recordedAt,
    photo: draft.photo ? { key: newKey(), blob: draft.photo.blob, name: draft.photo.name, state: 'waiting', attempts: 0, nextTryAt: 0 } : null,
  });
  state.pick = null;
  state.map?.setPick(null);
  renderPosition();
  await refresh();
  const queued = counts(state.records).queued;
  if (navigator.onLine) say('walk.saved.sending', null, true);
  else say('walk.saved.offline', null, true, queued);
  state.sync.run();
}

function setUp() {
  const w = state.walk;
  state.map = createWalkMap($('walk-map'), {
    site: state.site, walk: w, studyArea: state.studyArea, onPick: pick, onTileSeen: tileSeen,
    onTilesFailed: () => { setText($('walk-map-note'), 'walk.map.tilesFailed'); $('walk-map-note').hidden = false; },
  });
  if (!state.map) {
    $('walk-map').parentElement.hidden = true;
    setText($('walk-map-note'), 'walk.map.unavailable');
    $('walk-map-note').hidden = false;
  } else if (!state.site?.basemap?.url) {
    setText($('walk-map-note'), 'walk.map.noBasemap');
    $('walk-map-note').hidden = false;
  }
  // Find a stop or the meeting point by name (the dialogue page's search; says so when offline).
  addPlaceFinder({ map: state.map, dialogue: { slug: w.dialogue.slug || w.dialogue.id, studyArea: state.studyArea },
    searchBox: $('walk-place-search'), canPlace: () => !isOver() && !notYet() });
  state.sheet = createSheet({
    walk: w, studyArea: state.studyArea,
    here: () => state.fix, pick: () => state.pick,
    onUseHere: () => { state.pick = null; state.map?.setPick(null); renderPosition(); },
    onSave: save,
    onClose: ({ cancelled, category }) => {
      $('walk-pick').hidden = false;
      $('walk-content').classList.remove('is-sheet-open');
      if (cancelled) say('walk.cancelled');
      $('walk-categories').querySelector(`[data-category="${category}"]`)?.focus({ preventScroll: true });
    },
  });
  $('walk-categories').addEventListener('click', (e) => {
    if (!e.target.closest('.walk-category')) return;
    $('walk-pick').hidden = true;
    $('walk-content').classList.add('is-sheet-open');
    $('walk-announce').textContent = '';
  });
  state.sync = createSync({ walkId: w.id, dialogueId: w.dialogue.id, onChange: () => refresh() });
  state.track = createTrack({
    walk: w, isOver,
    onChange: ({ recording, points }) => { state.points = points; renderTrack({ recording, points, tracks: state.tracks }); },
    onClosed: () => refresh().then(() => state.sync.run({ force: true })),
  });
  $('walk-track-toggle').addEventListener('change', (e) => (e.target.checked ? state.track.start() : state.track.stop()).catch(() => say('walk.storage.failed')));
  $('walk-centre').addEventListener('click', () => (state.fix ? state.map?.centreOn(state.fix) : say('walk.geo.none')));
  $('walk-pick-clear').addEventListener('click', () => { state.pick = null; state.map?.setPick(null); renderPosition(); say('walk.pick.cleared'); });
  $('walk-send-now').addEventListener('click', () => state.sync.run({ force: true }));
  const net = () => { $('walk-offline').hidden = navigator.onLine; refresh(); };
  window.addEventListener('online', net);
  window.addEventListener('offline', net);
  $('walk-offline').hidden = navigator.onLine;
}

async function render() {
  const box = $('walk-status');
  box.replaceChildren(h('p', { class: 'walk-loading', i18n: 'walk.loading' }));
  if (!walkId) return box.replaceChildren(h('p', { class: 'walk-error', i18n: 'walk.notFound' }));
  try {
    [state.walk, state.site] = await Promise.all([
      getKept(`/api/v1/walks/${encodeURIComponent(walkId)}`, `dialogkarta.walk.${walkId}`),
      getKept('/api/v1/site', 'dialogkarta.site').catch(() => null),
    ]);
  } catch (e) {
    const key = e.status === 404 ? 'walk.notFound' : 'walk.loadError';
    return box.replaceChildren(h('p', { class: 'walk-error', role: 'alert' }, h('span', { i18n: key }), ' ',
      e.status === 404 ? null : h('button', { type: 'button', class: 'walk-small-button', i18n: 'action.retry', onclick: () => render() })));
  }
  const dialogue = await getKept(`/api/v1/dialogues/${encodeURIComponent(state.walk.dialogue.id)}`, `dialogkarta.walk.${walkId}.dialogue`).catch(() => null);
  addLabels('subtag', dialogue?.subtagLabels); // the dialogue's own sub-tags, by their names
  rememberLabelLangs('subtag', dialogue?.subtagLabelLangs);
  state.studyArea = dialogue?.studyArea || null;
  keepForOffline([location.pathname, `/api/v1/walks/${walkId}`, '/api/v1/site', `/api/v1/dialogues/${state.walk.dialogue.id}`, `/api/v1/messages/${currentLanguage()}?page=walk`]);
  askToPersist();
  box.replaceChildren();
  $('walk-content').hidden = false;
  renderHeader();
  renderCategories();
  setUp();
  renderPosition();
  watchPosition();
  // The window opens and closes while the page is open: look again every minute.
  setInterval(() => {
    const was = $('walk-notice').dataset.i18n;
    renderHeader();
    if ($('walk-notice').dataset.i18n !== was) renderCategories();
  }, 60_000);
  await state.track.init().catch(() => {});
  state.checklist = createChecklist({ walk: state.walk, here: () => state.fix, isOver, map: () => state.map?.leaflet,
    onPhoto: () => $('walk-categories').querySelector('[data-category="safety_concern"], .walk-category')?.click() });
  await state.checklist.init();
  await refresh();
  state.sync.run();
  return undefined;
}

boot(render, () => {
  if (!state.walk) return;
  renderHeader();
  renderPosition();
  state.map?.refreshLanguage();
  state.checklist?.refreshLanguage();
  refresh();
  keepForOffline([`/api/v1/messages/${currentLanguage()}?page=walk`]);
});

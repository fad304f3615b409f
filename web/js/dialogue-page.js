// Dialogue page: the dialogue's header, the map with its pins, the pin form and the list.
// The pieces talk only through this file, so each can be read (and tested) on its own.
import { boot, showReceiptLink } from './page.js';
import { api } from './api.js';
import { h, announce, fill } from './dom.js';
import { t, tn, formatDate } from './i18n.js';
import { statusLine, facts, lifecycleTexts } from './dialogue-info.js';
import { contentText } from './content-lang.js';
import { reportSection } from './dialogue-report.js';
import { loadWalkActions, walkActionsSection } from './dialogue-walk-actions.js';
import { inStudyArea } from './geo.js';
import { createMap } from './map.js';
import { createPinForm } from './pin-form.js';
import { createPinList } from './pin-list.js';
import { pinDetails } from './pins.js';
import { supportControl, refreshSupportButtons } from './support.js';
import { createConfirmation } from './confirmation.js';
import { addPlaceFinder } from './place-finder.js';
import { createShapeInput } from './pin-shapes.js';
import { tiledShapes } from './tiled-shapes.js';
import { loadQuestionnaire, relanguageQuestionnaire, createSurvey } from './questionnaire-section.js';

const $ = (id) => document.getElementById(id);
const state = { site: null, dialogue: null, features: [], map: null, form: null, list: null, confirmation: null };

function slug() {
  const match = /^\/dialoger\/([^/]+)\/?$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]) : new URLSearchParams(location.search).get('slug') || '';
}

/**
 * Above this many published pins the page reads them by tile and by page (V11's grid) instead of
 * all at once: below it the whole set is smaller than the tiles of a first view.
 */
const TILED_FROM = 2000;
const isOpen = () => state.dialogue?.status === 'ongoing';
/** Messages about the map, kept by key so that a language switch translates them too. */
function say(key) {
  const region = $('map-status');
  region.dataset.i18n = key;
  announce(region, t(key));
}

function renderHeader() {
  const d = state.dialogue;
  const header = $('dialogue-header');
  const wasOpen = new Map([...header.querySelectorAll('details')].map((el) => [el.querySelector('[data-i18n]').dataset.i18n, el.open]));
  // On a phone the texts below can fill the first screen: a way straight to pinning comes first.
  const jump = isOpen() ? h('a', {
    class: 'button button--primary jump-to-pin', href: '#participate', i18n: 'dialogue.cta',
    onclick: (e) => {
      e.preventDefault();
      $('participate').scrollIntoView({ block: 'start' });
      $('place-button').focus({ preventScroll: true });
    },
  }) : null;
  fill(header,
    h('h1', { id: 'dialogue-title', dir: 'auto' }, contentText(d.title, d.titleLang)),
    statusLine(d),
    ...(jump ? [jump] : []),
    // A published report's own summary replaces the outcome and next steps it was written from.
    ...lifecycleTexts(state.report?.latest ? { ...d, outcome: null, nextSteps: null } : d, { collapsible: true }),
    reportSection(state.report),
    walkActionsSection(state.walkActions),
    facts(d));
  for (const el of header.querySelectorAll('details')) {
    const key = el.querySelector('[data-i18n]').dataset.i18n;
    if (wasOpen.has(key)) el.open = wasOpen.get(key);
  }
  document.title = t('page.dialogue.title', { title: d.title });
}

function renderClosedNote() {
  const d = state.dialogue;
  const note = $('closed-note');
  note.hidden = isOpen();
  if (d.status === 'planned') {
    note.textContent = d.startsOn ? t('closed.planned.from', { date: formatDate(d.startsOn) }) : t('closed.planned');
  } else {
    note.textContent = t('closed.completed');
  }
}

function showPanel(which) {
  $('pin-howto').hidden = which !== 'howto';
  $('confirmation').hidden = which !== 'confirmation';
  if (which !== 'form' && state.form?.isOpen()) state.form.close();
}

/** Every way of choosing a place ends here: pointer, keyboard, "my location". */
function place(pos, how) {
  if (!isOpen()) return false;
  if (!inStudyArea(state.dialogue.studyArea, pos.lon, pos.lat)) {
    say(how === 'locate' ? 'locate.outside' : 'place.outside');
    return false;
  }
  const moving = state.form.isOpen();
  if (!moving) showPanel('form');
  state.map?.setDraft(pos);
  // Keyboard users are taken into the form; a second click only moves the pin.
  state.form.open(pos, { focus: !moving || how === 'keyboard' });
  say(how === 'locate' ? 'locate.found' : moving ? 'place.moved' : 'place.chosen');
  return true;
}

function locate() {
  const button = $('locate-button');
  if (!navigator.geolocation) {
    say('locate.unsupported');
    return;
  }
  button.setAttribute('aria-busy', 'true');
  say('locate.searching');
  navigator.geolocation.getCurrentPosition((position) => {
    button.removeAttribute('aria-busy');
    const pos = { lon: position.coords.longitude, lat: position.coords.latitude };
    if (inStudyArea(state.dialogue.studyArea, pos.lon, pos.lat)) state.map?.setView(pos, 17);
    place(pos, 'locate');
  }, (error) => {
    button.removeAttribute('aria-busy');
    const key = { 1: 'locate.denied', 2: 'locate.unavailable', 3: 'locate.timeout' }[error.code] || 'locate.unavailable';
    say(key);
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
}

function showPins() {
  if (state.tiled) {
    state.map?.tiled.refresh();
    state.tiledShapes?.refresh();
    state.list.reload();
    return;
  }
  state.list.setFeatures(state.features);
  state.map?.setPins(state.list.visible());
  state.shapes?.showPublished(state.list.visible());
}

/** The map's view as a bbox for the list of a large dialogue (the study area's without a map). */
function viewBbox() {
  const b = state.listArea ?? state.map?.leaflet.getBounds();
  return b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',') : undefined;
}

/** Categories to ask the server for: none means all (one cached answer for the common case). */
function chosenCategories(selected) {
  const codes = [...selected];
  return codes.length === state.categories.length ? [] : codes;
}

function tiledOptions() {
  const slug = state.dialogue.slug;
  return {
    tileUrl: (z, x, y, categories) => api.pinTileUrl(slug, z, x, y, categories),
    loadPin: (id) => api.pin(id),
    onCount: (n) => state.list?.setCount(n),
    onListCell: (bounds) => {
      state.listArea = bounds;
      state.list.openAgain();
      $('list-toggle').focus();
    },
  };
}

function confirm(options) {
  showPanel('confirmation');
  delete $('map-status').dataset.i18n; // the confirmation speaks now
  $('map-status').textContent = '';
  state.confirmation.show(options);
  $('confirmation').focus();
}

function submitted(feature, receipt, { photo } = {}) {
  // Pre-moderated dialogues show a pin only after review: it joins neither the map nor the count.
  const pending = state.dialogue.moderationMode === 'pre';
  if (!pending) {
    state.features = [...state.features.filter((f) => f.id !== feature.id), feature];
    state.dialogue.pinCount = (state.dialogue.pinCount ?? 0) + 1;
    const count = $('dialogue-header').querySelector('.pin-count');
    if (count) count.textContent = tn('dialogue.pinCount', state.dialogue.pinCount);
  }
  state.map?.setDraft(null);
  state.shapes?.setDraft(null);
  showPins();
  confirm({ kind: 'pin', receipt, pending, pinId: feature.id, photoFile: photo });
}

/** "Me too" from the form's suggestions: the form is closed, the supported pin shows its new count. */
function supportedInstead(feature, answer) {
  const known = state.features.find((f) => f.id === feature.id);
  if (known) known.properties.supports = answer.supports;
  state.map?.setDraft(null);
  showPins();
  refreshSupportButtons(feature.id, answer.supports);
  confirm({ kind: 'support', receipt: answer.receipt });
}

function photoUploaded(pinId, photo) {
  if (state.tiled) return; // the pin's popup loads it fresh when opened
  const f = state.features.find((x) => x.id === pinId);
  if (!f || !photo?.url) return;
  f.properties.photos = [...(f.properties.photos || []), { id: photo.id, url: photo.url, thumbnailUrl: photo.thumbnailUrl }];
  showPins();
}

/** Popups: the pin, and "me too" while the dialogue takes it. */
function popupDetails(feature) {
  return [...pinDetails(feature.properties, { supportCount: !isOpen() }),
    isOpen() ? supportControl(feature, { onSupported: () => showReceiptLink() }) : null];
}

function setUpParticipation() {
  const d = state.dialogue;
  const open = isOpen();
  $('participate-intro').hidden = !open;
  $('pin-actions').hidden = !open;
  $('place-help').hidden = !open;
  $('side-panel').hidden = !open;
  $('map-layout').classList.toggle('has-panel', open);
  renderClosedNote();
  $('map').dataset.i18nAttr = `aria-label=${open ? 'map.label.place' : 'map.label'}`;
  $('map').setAttribute('aria-label', t(open ? 'map.label.place' : 'map.label'));
  const hint = $('key-hint');
  hint.dataset.i18n = open ? 'map.keyHint' : 'map.keyHint.view';
  hint.textContent = t(hint.dataset.i18n);

  state.map = createMap($('map'), {
    tiled: state.tiled ? tiledOptions() : null,
    site: state.site,
    studyArea: d.studyArea,
    canPlace: () => isOpen() && !state.shapes?.wantsShape(),
    onPlace: place,
    onDraftMoved: (pos) => place(pos, 'drag'),
    onTilesFailed: () => showMapNote('map.tilesFailed'),
    popupDetails,
  });
  addPlaceFinder({ map: state.map, dialogue: d, searchBox: $('place-search'), partsBox: $('study-parts'), canPlace: isOpen });
  const categories = [...new Set([...d.categories, ...state.features.map((f) => f.properties.category)])];
  state.categories = categories;
  state.list = createPinList({
    categories,
    onFilter: (selected) => (state.tiled
      ? [state.map?.tiled, state.tiledShapes].forEach((layer) => layer?.setCategories(chosenCategories(selected)))
      : state.map?.setPins(state.list.visible())),
    onShowOnMap: state.map ? (id, button, feature) => (state.tiled
      ? state.map.showFeature(feature, button) : state.map.showPin(id, button)) : null,
    support: open ? { onSupported: () => showReceiptLink() } : null,
    pager: state.tiled ? {
      load: (before, selected) => api.pinsPage(d.slug, { bbox: viewBbox(), categories: chosenCategories(selected), before }),
    } : null,
  });
  if (state.tiled && state.map) {
    const note = h('p', { id: 'shapes-note', class: 'map-note', 'aria-live': 'polite', hidden: true });
    $('map-note').after(note);
    state.tiledShapes = tiledShapes(state.map, {
      load: (query, signal) => api.shapesInView(d.slug, query, signal),
      loadPin: (id) => api.pin(id),
      popupDetails,
      note,
      hint: (d.acceptedShapes || []).some((s) => s !== 'point'),
    });
    let timer = null;
    state.map.leaflet.on('moveend', () => {
      state.listArea = null; // a listed cluster's area gives way to the view again
      clearTimeout(timer);
      timer = setTimeout(() => state.list.reload(), 250);
    });
  }
  if (!state.map) {
    $('map-wrap').hidden = true;
    $('skip-map').hidden = true;
    $('place-button').hidden = true; // "my location" still works without a map
    showMapNote('map.unavailable');
    state.list.expand();
  } else if (!state.site.basemap?.url) {
    showMapNote('map.noBasemap');
  }
  state.survey = createSurvey($('survey'), { dialogue: d, site: state.site, questionnaire: state.questionnaire, open });
  state.form = createPinForm({
    dialogue: d,
    site: state.site,
    questionnaire: state.questionnaire,
    maxLength: state.site.textMaxLength || 2000,
    onSubmitted: submitted,
    onSupported: supportedInstead,
    onCancel: () => {
      state.map?.setDraft(null);
      state.shapes?.setDraft(null);
      showPanel('howto');
      say('place.cancelled');
      focusStart();
    },
  });
  state.shapes = createShapeInput({
    dialogue: open ? d : { ...d, acceptedShapes: ['point'] }, // published shapes show on a closed dialogue too
    map: state.map,
    popupDetails,
    onShape: (geometry) => {
      showPanel('form');
      state.map?.setDraft(null);
      state.form.open(null, { shape: geometry });
    },
  });
  showPins();
  state.map?.fitPins(state.features);
  // A link to one pin (a receipt's "the comment yours was merged into") opens it on the map.
  const linked = Number(new URLSearchParams(location.search).get('pin'));
  if (linked && state.map && state.tiled) {
    api.pin(linked).then((f) => state.map.showFeature(f)).catch(() => {});
  } else if (linked && state.map) {
    state.map.showPin(linked);
  }

  $('place-button').addEventListener('click', () => {
    if (!state.map) return say('map.unavailable');
    $('map-wrap').scrollIntoView({ block: 'nearest' });
    state.map.focus({ crosshair: true });
    return say('place.mapFocused');
  });
  $('locate-button').addEventListener('click', locate);
  state.confirmation = createConfirmation({
    onAgain: () => {
      showPanel('howto');
      focusStart();
    },
    onPhotoUploaded: photoUploaded,
  });
}

/** Back to where a new pin starts: the place button, or "my location" when there is no map. */
function focusStart() {
  ($('place-button').hidden ? $('locate-button') : $('place-button')).focus();
}

function showMapNote(key) {
  const note = $('map-note');
  note.dataset.i18n = key;
  note.textContent = t(key);
  note.hidden = false;
}

function showProblem(key, retry) {
  const box = $('dialogue-status');
  const button = retry ? h('button', { type: 'button', class: 'button', i18n: 'action.retry', onclick: retry }) : null;
  box.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, h('span', { i18n: key }), ' ', button));
}

async function render() {
  const box = $('dialogue-status');
  box.replaceChildren(h('p', { i18n: 'dialogue.loading' }));
  try {
    [state.site, state.dialogue] = await Promise.all([api.site(), api.dialogue(slug())]);
    $('follow-page-link').href = `/folj?dialog=${encodeURIComponent(state.dialogue.slug)}`; // follow-page.js
  } catch (e) {
    if (e.status === 404) {
      document.title = t('page.notFound.title');
      box.replaceChildren(h('h1', { i18n: 'dialogue.notFound.heading' }), h('p', { i18n: 'dialogue.notFound.text' }));
    } else {
      showProblem('dialogue.loadError', () => render());
    }
    return;
  }
  state.questionnaire = await loadQuestionnaire(state.dialogue.slug); // null: the page works without it
  try {
    state.report = await api.report(state.dialogue.slug);
  } catch {
    state.report = null; // the page works without it
  }
  state.walkActions = await loadWalkActions(state.dialogue.slug);
  // A large dialogue's pins come by tile and by page, as the view needs them; a small one's all at once.
  state.tiled = (state.dialogue.pinCount ?? 0) > TILED_FROM;
  try {
    state.features = state.tiled ? [] : (await api.pins(state.dialogue.slug)).features || [];
  } catch {
    state.features = []; // the form still works; the list says there is nothing to show
  }
  box.replaceChildren();
  renderHeader();
  $('dialogue-header').hidden = false;
  $('participate').hidden = false;
  setUpParticipation();
}

boot(render, async () => {
  if (!state.dialogue) return;
  // the dialogue's own texts in the new language, where staff translated them
  state.dialogue = await api.dialogue(slug()).catch(() => state.dialogue);
  await relanguageQuestionnaire(state.questionnaire, state.dialogue.slug); // the questions' texts too
  renderHeader();
  renderClosedNote();
  state.list?.refreshLanguage();
  state.map?.refreshLanguage(state.list.visible());
  state.form?.refreshLanguage();
  state.shapes?.refreshLanguage();
  state.survey?.refreshLanguage();
});

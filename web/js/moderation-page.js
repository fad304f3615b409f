// Entry point of the moderation page: sets its parts up and wires the controls; the state they share and its loading are apart, in moderation-workspace.js.
// The workspace: choose a dialogue and a moderation state, work through the queue (oldest first)
// in the list or on the map, open a pin to act on it, or tick several (in the list, or by drawing
// an area on the map) to act on them together. The parts live in their own modules and talk only
// through this file and moderation-workspace.js. After every change the queue is read again and
// the live region says what happened.
import { staffBoot, can, errorText, showPageProblem } from './staff.js';
import { api } from './api.js';
import { t, tn } from './i18n.js';
import { createQueueMap } from './moderation-map.js';
import { createQueue } from './moderation-queue.js';
import { createDetail } from './moderation-detail.js';
import { createBulk } from './moderation-bulk.js';
import { createSelection } from './moderation-selection.js';
import { STATUSES } from './moderation-common.js';
import {
  STATES, DIALOGUE_KEY, state, say, dialogue, readAddress, writeAddress, renderQueue, loadQueue, loadMore,
  openPin, neighbour, changed, showPinsQueue, renderDialogueOptions, renderStatusFilter, dialogueChosen, loadDepartments,
} from './moderation-workspace.js';

const $ = (id) => document.getElementById(id);

/** The area tool's button, its cancel button and overlay follow the tool; what happened is said. */
function drawState(what, corners) {
  const button = $('draw-polygon');
  const drawing = !!state.map?.isDrawing();
  button.setAttribute('aria-pressed', String(drawing));
  const text = button.querySelector('[data-i18n]');
  text.dataset.i18n = drawing ? 'staff.draw.finish' : 'staff.draw.start';
  text.textContent = t(text.dataset.i18n);
  $('draw-cancel').hidden = !drawing;
  $('draw-overlay').hidden = !drawing;
  if (what === 'started') say(t('staff.draw.started'));
  else if (what === 'corner') say(tn('staff.draw.corners', corners));
  else if (what === 'tooFew') say(t('staff.draw.tooFew'));
  else if (what === 'cancelled') say(t('staff.draw.cancelled'));
}

function wire() {
  $('dialogue-select').addEventListener('change', () => dialogueChosen());
  $('state-filter').addEventListener('change', () => {
    state.selection.clear();
    writeAddress();
    loadQueue();
  });
  $('status-filter').addEventListener('change', () => {
    state.selection.clear();
    writeAddress();
    loadQueue();
  });
  $('select-all').addEventListener('change', (e) => {
    state.selection.selectAll(e.target.checked);
  });
  $('clear-selection').addEventListener('click', () => {
    state.selection.clear();
    say(t('staff.select.cleared'));
    $('select-all').focus();
  });
  $('queue-more').addEventListener('click', loadMore);
  $('queue-refresh').addEventListener('click', async () => {
    await loadQueue({ keep: true });
    say(t('staff.queue.refreshed'));
  });
  $('draw-polygon').addEventListener('click', () => {
    if (!state.map) return;
    if (state.map.isDrawing()) {
      if (state.map.corners() >= 3) state.map.finishDrawing();
      else drawState('tooFew', state.map.corners());
      return;
    }
    state.map.startDrawing();
    $('map-wrap').scrollIntoView({ block: 'nearest' });
  });
  $('draw-cancel').addEventListener('click', () => {
    state.map?.cancelDrawing();
    $('draw-polygon').focus();
  });
}

async function render() {
  const from = readAddress();
  try {
    [state.site, state.dialogues] = await Promise.all([api.site(), api.dialogues()]);
  } catch (e) {
    showPageProblem(errorText(e), () => location.reload());
    return;
  }
  await loadDepartments();
  $('status-filter-field').hidden = !can('planner');
  renderStatusFilter();
  renderDialogueOptions();
  if (!state.dialogues.length) {
    showPageProblem({ key: 'staff.moderation.noDialogues' });
    return;
  }
  let remembered = null;
  try {
    remembered = localStorage.getItem(DIALOGUE_KEY);
  } catch {
    // ignore
  }
  const wanted = [from.dialogue, remembered].find((v) => v && state.dialogues.some((d) => String(d.id) === v || d.slug === v));
  const match = wanted && state.dialogues.find((d) => String(d.id) === wanted || d.slug === wanted);
  $('dialogue-select').value = String((match || state.dialogues[0]).id);
  if (STATES.includes(from.state)) $('state-filter').value = from.state;
  if (from.status && can('planner') && STATUSES.includes(from.status)) $('status-filter').value = from.status;

  state.detail = createDetail($('pin-detail'), {
    departments: () => state.departments,
    onChanged: changed,
    onOpen: (id) => openPin(id),
    onNext: (id) => {
      const next = neighbour(id, 1);
      if (next) openPin(next.id);
      else say(t('staff.detail.lastInList'));
    },
    onBack: (id) => {
      if (state.pins.some((p) => p.id === id)) state.queue.focusItem(id);
      else $('queue-heading').focus();
    },
  });
  state.queue = createQueue({ onOpen: (id) => openPin(id), onToggle: (id, on) => state.selection.toggle(id, on) });
  state.selection = createSelection({
    pins: () => state.pins,
    dialogue,
    currentId: () => state.detail.current(),
    queue: state.queue,
    map: () => state.map,
    bulk: () => state.bulk,
    say,
  });
  state.bulk = createBulk({
    selection: () => state.selection.snapshot(),
    departments: () => state.departments,
    onDone: (result) => changed({ ...result, pinId: undefined }),
  });
  $('workspace').hidden = false; // before the map, so that Leaflet can measure its box
  state.map = createQueueMap($('map'), {
    site: state.site,
    onSelect: (id) => openPin(id),
    onDrawn: (polygon) => state.selection.areaDrawn(polygon),
    onDrawState: drawState,
    onTilesFailed: () => showMapNote('map.tilesFailed'),
  });
  if (!state.map) {
    $('map-wrap').hidden = true;
    $('draw-polygon').hidden = true;
    $('draw-help').hidden = true;
    showMapNote('staff.map.unavailable');
  } else if (!state.site.basemap?.url) {
    showMapNote('map.noBasemap');
  }
  wire();
  await dialogueChosen({ keepPin: from.pin });
  if (from.pin) {
    await openPin(from.pin, { focus: false });
    await showPinsQueue(STATES.includes(from.state) ? from.state : null);
  }
}

function showMapNote(key) {
  const note = $('map-note');
  note.dataset.i18n = key;
  note.textContent = t(key);
  note.hidden = false;
}

staffBoot({
  page: 'moderation',
  role: 'moderator',
  render,
  onLanguage: () => {
    if (!state.queue) return;
    renderDialogueOptions();
    renderStatusFilter();
    renderQueue();
    state.detail?.refreshLanguage();
    state.bulk?.refreshLanguage();
    state.map?.refreshLanguage();
    drawState();
  },
});

// Entry point of the analysis map (planners and GIS staff): filters, the map's layers, the
// charts and the side panel for a clicked cluster or hexagon. The page address holds the whole
// view (filters, layers, their parameters), so a link shows a colleague the same thing; it is
// read on opening and rewritten on every change.
import { staffBoot, showPageProblem, errorText, fieldErrorText } from './staff.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { announce } from './dom.js';
import { createFilters, FILTER_NAMES } from './analysis-filters.js';
import { createAnalysisMap, LAYER_IDS } from './analysis-map.js';
import { createCharts } from './analysis-charts.js';
import { createSelection } from './analysis-selection.js';
import { createThemes } from './analysis-themes.js';
import { createQuestionnaireResults } from './analysis-questionnaire.js';

const $ = (id) => document.getElementById(id);
const PARAMS = ['eps', 'minPoints', 'cellSize'];
const DEFAULT_LAYERS = ['pins'];
const DEFAULTS = { eps: '50', minPoints: '5' };

let filters = null;
let map = null;
let charts = null;
let questionnaire = null;
let selection = null;
let pending = null;
let themes = null;

function layersOn() {
  return LAYER_IDS.filter((id) => $(`layer-${id}`).checked);
}

function params() {
  return Object.fromEntries(PARAMS.map((p) => [p, $(`p-${p}`).value.trim()]));
}

/** The view in the address bar: filters, then layers and their parameters. */
function writeAddress() {
  const q = filters.query();
  q.set('layers', layersOn().join(','));
  for (const [name, value] of Object.entries(params())) if (value && value !== DEFAULTS[name]) q.set(name, value);
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

function readAddress() {
  const q = new URLSearchParams(location.search);
  filters.restore(q);
  const wanted = q.has('layers') ? q.get('layers').split(',') : DEFAULT_LAYERS;
  for (const id of LAYER_IDS) $(`layer-${id}`).checked = wanted.includes(id);
  for (const p of PARAMS) $(`p-${p}`).value = q.get(p) || DEFAULTS[p] || '';
}

function clearParamErrors() {
  for (const p of PARAMS) {
    $(`p-${p}-error`).textContent = '';
    $(`p-${p}`).removeAttribute('aria-invalid');
  }
}

/** A problem answer's faults go beside the filter or parameter they name; true if any did. */
function onFault(layer, e) {
  let placed = filters.showErrors(e);
  for (const fault of e.errors || []) {
    if (!PARAMS.includes(fault.field)) continue;
    $(`p-${fault.field}-error`).textContent = fieldErrorText(fault);
    $(`p-${fault.field}`).setAttribute('aria-invalid', 'true');
    placed = true;
  }
  return placed;
}

/** Everything visible again for the current filters. */
function reloadAll() {
  filters.clearErrors();
  clearParamErrors();
  const query = filters.query();
  for (const id of layersOn()) map?.reload(id, query);
  charts.load(query, (e) => onFault('charts', e));
  themes?.reload();
  questionnaire?.load(filters.chosenDialogue()?.id ?? null);
}

/** Filters change in bursts (ticking three categories): wait for a pause before loading. */
function filtersChanged() {
  writeAddress();
  clearTimeout(pending);
  pending = setTimeout(() => {
    map?.frame(filters.chosenDialogue()?.studyArea ?? null);
    selection.close();
    themes?.select(null);
    reloadAll();
  }, 300);
}

function wire() {
  for (const id of LAYER_IDS) {
    $(`layer-${id}`).addEventListener('change', (e) => {
      writeAddress();
      if (id === 'clusters' || id === 'hotspots') clearParamErrors();
      map?.show(id, e.target.checked, filters.query());
    });
  }
  for (const p of PARAMS) {
    $(`p-${p}`).addEventListener('change', () => {
      writeAddress();
      clearParamErrors();
      const layer = p === 'cellSize' ? 'hotspots' : 'clusters';
      if ($(`layer-${layer}`).checked) map?.reload(layer, filters.query());
    });
  }
  $('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      announce($('copy-status'), t('analysis.filter.copied'));
    } catch {
      announce($('copy-status'), t('analysis.filter.copyFailed'));
    }
  });
}

async function render() {
  let site;
  let dialogues;
  try {
    [site, dialogues] = await Promise.all([api.site(), api.dialogues()]);
  } catch (e) {
    showPageProblem(errorText(e), () => location.reload());
    return;
  }
  filters = createFilters({ dialogues: Array.isArray(dialogues) ? dialogues : [], onChange: filtersChanged });
  filters.render();
  readAddress();
  charts = createCharts();
  selection = createSelection({
    onReplied(message) {
      announce($('analysis-status'), message);
      reloadAll();
    },
  });
  themes = createThemes({ query: () => filters.query() });
  $('analysis').hidden = false; // before the map, so that Leaflet can measure its box
  map = createAnalysisMap($('map'), {
    site,
    onSelect: (s) => { selection.open(s); themes.select(s); },
    onFault,
    params,
    onTilesFailed: () => showMapNote('map.tilesFailed'),
  });
  if (!map) {
    $('map-wrap').hidden = true;
    showMapNote('analysis.map.unavailable');
  } else if (!site.basemap?.url) {
    showMapNote('map.noBasemap');
  }
  wire();
  map?.frame(filters.chosenDialogue()?.studyArea ?? null);
  const query = filters.query();
  for (const id of layersOn()) map?.show(id, true, query);
  charts.load(query, (e) => onFault('charts', e));
  questionnaire = createQuestionnaireResults($('questionnaire-results'), map);
  questionnaire.load(filters.chosenDialogue()?.id ?? null);
  // On a phone the filters start folded so the map is in sight, unless a shared link filters:
  // then the planner should see at once what it filters on.
  const filtered = FILTER_NAMES.some((n) => new URLSearchParams(location.search).get(n));
  $('filters-details').open = filtered || !window.matchMedia('(max-width: 40rem)').matches;
}

function showMapNote(key) {
  const note = $('map-note');
  note.dataset.i18n = key;
  note.textContent = t(key);
  note.hidden = false;
}

staffBoot({
  page: 'analysis',
  role: ['planner', 'gis'],
  render,
  onLanguage: () => {
    if (!filters) return;
    const q = new URLSearchParams(location.search);
    filters.render();
    filters.restore(q);
    map?.refreshLanguage();
    charts.refreshLanguage();
    questionnaire?.refreshLanguage();
    selection.refreshLanguage();
    themes?.refreshLanguage();
    document.title = t('analysis.page.title');
  },
});

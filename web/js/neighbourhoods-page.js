// Neighbourhoods (planners): the imported neighbourhoods with their population, and the upload of
// a GeoJSON or GeoPackage file that adds or replaces them by code. The server checks the whole
// file and stores all of it or nothing; this page shows what it did (imported, repaired, pins
// assigned) or every fault it found, each with its feature.
import { staffBoot, staffApi, currentStaff, errorText, showPageProblem } from './staff.js';
import { request } from './api.js';
import { h, announce } from './dom.js';
import { t, tn, has, formatNumber } from './i18n.js';
import { busy } from './staff-forms.js';
import { setUpGazetteerImport } from './gazetteer-import.js';

const $ = (id) => document.getElementById(id);
const PATH = '/api/v1/staff/neighbourhoods';

/** The people counted in a neighbourhood's age band x gender table, or null when there is none. */
function groupTotal(n) {
  const bands = Object.values(n.populationByGroup || {});
  if (!bands.length) return null;
  return bands.reduce((sum, byGender) => sum + Object.values(byGender).reduce((a, b) => a + b, 0), 0);
}

function renderList(list) {
  $('area-rows').replaceChildren(...list.map((n) => {
    const groups = groupTotal(n);
    return h('tr', { 'data-code': n.code },
      h('td', {}, n.code),
      h('th', { scope: 'row' }, n.name),
      h('td', { class: 'number' }, n.population == null ? t('area.list.unknown') : formatNumber(n.population)),
      h('td', {}, groups == null ? t('area.list.noGroups')
        : t('area.list.groupsCounted', {
          people: tn('area.count.people', groups), bands: tn('area.count.bands', Object.keys(n.populationByGroup).length),
        })));
  }));
  $('area-table').hidden = list.length === 0;
  $('area-empty').hidden = list.length > 0;
}

let rows = [];

async function load() {
  rows = await staffApi(PATH);
  renderList(rows);
}

/** One refusal in the words of this page, with the server's own sentence (which names the feature). */
function fault(e) {
  const key = `area.error.${e.code}`;
  return h('li', {}, has(key) ? `${t(key)} ` : '', h('span', { class: 'hint' }, e.message || ''));
}

function showResult(result) {
  const parts = [h('p', { class: 'notice' }, tn('area.upload.done', result.imported, {
    pins: tn('area.count.pins', result.assignedPins),
  }))];
  if (result.repaired.length) {
    parts.push(h('p', {}, t('area.upload.repaired')),
      h('ul', {}, result.repaired.map((r) => h('li', {}, `${r.code}: `, h('span', { class: 'hint' }, r.reason)))));
  }
  $('area-result').replaceChildren(...parts);
}

function showRefusal(e) {
  const list = e.errors?.length ? e.errors : [{ code: e.code, message: e.problem?.detail }];
  $('area-result').replaceChildren(
    h('p', { class: 'notice notice--error', role: 'alert' }, t('area.upload.refused')),
    h('ul', { class: 'field-error' }, list.map(fault)));
}

async function upload(event) {
  event.preventDefault();
  const file = $('area-file').files[0];
  if (!file) {
    $('area-result').replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, t('area.upload.choose')));
    $('area-file').focus();
    return;
  }
  const body = new FormData();
  body.append('file', file);
  const { csrf } = currentStaff();
  await busy($('area-upload'), async () => {
    try {
      // multipart: the browser sets the Content-Type with its boundary, so staffApi's JSON send is not used
      const result = await request(PATH, {
        method: 'POST', body, headers: { [csrf.headerName]: csrf.token, 'X-Requested-With': 'XMLHttpRequest' },
      });
      showResult(result);
      await load();
    } catch (e) {
      if (e.status === 422) showRefusal(e);
      else $('area-result').replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, errorText(e)));
    }
  });
  $('area-result').focus();
  announce($('page-status'), '');
}

async function render() {
  $('area-form').addEventListener('submit', upload);
  setUpGazetteerImport();
  try {
    await load();
  } catch (e) {
    showPageProblem(errorText(e), () => location.reload());
    return;
  }
  $('neighbourhoods-content').hidden = false;
}

// A language switch redraws the list already loaded; it does not ask the server again.
staffBoot({ page: 'neighbourhoods', role: 'planner', render, onLanguage: () => renderList(rows) });

// A safety walk by the method (/personal/walk-method.html?walk=ID): the facilitator places the
// stops, adapts the checklist (versioned on the server), sees the scores per stop, records the
// three meetings with attendance counted by group, and builds the action plan from the walk's
// pins and the checklist's poor scores.
import { staffBoot, staffApi, errorText, fieldErrorText, showPageProblem } from './staff.js';
import { api } from './api.js';
import { h, announce } from './dom.js';
import { t, label } from './i18n.js';
import { baseMap, plannedRouteLayer, frame, latLng } from './walk-staff-map.js';
import { scoreTable, actionTable } from './walk-method-view.js';

const $ = (id) => document.getElementById(id);
const walkId = new URLSearchParams(location.search).get('walk');
const state = { walk: null, method: null, report: null, bodies: [], stops: [], items: [], map: null, markers: null, editing: null };
const GROUPS = ['residents', 'police', 'housing_company', 'municipality', 'politicians', 'associations', 'youth', 'seniors', 'business', 'other'];
const COUNTS = [['residents', 'residents'], ['police', 'police'], ['housingCompany', 'housingCompany'], ['municipality', 'municipality'], ['other', 'other']];

function say(text) {
  announce($('method-status'), text);
}

function faults(e, box) {
  const list = e.errors?.length ? e.errors.map((f) => `${f.field}: ${fieldErrorText(f)}`) : [errorText(e)];
  box.replaceChildren(...list.map((x) => h('span', { class: 'form-error__item' }, x, ' ')));
}

// --- stops ---
function drawStops() {
  const L = window.L;
  if (!state.map || !L) return;
  state.markers?.remove();
  state.markers = L.layerGroup(state.stops.map((s, i) => L.marker(latLng(s.location.coordinates), {
    draggable: true, keyboard: false, title: `${i + 1}. ${s.name || ''}`,
    icon: L.divIcon({ className: 'method-stop-marker', html: h('span', { 'aria-hidden': 'true' }, String(i + 1)), iconSize: [30, 30], iconAnchor: [15, 15] }),
  }).on('dragend', (e) => { const p = e.target.getLatLng(); s.location = { type: 'Point', coordinates: [p.lng, p.lat] }; }))).addTo(state.map);
}

function renderStops() {
  $('stops-list').replaceChildren(...state.stops.map((s, i) => h('li', { class: 'method-row', 'data-stop': String(s.id ?? '') },
    h('label', { for: `stop-name-${i}`, class: 'visually-hidden' }, t('walkmethod.stops.name', { n: i + 1 })),
    h('input', { id: `stop-name-${i}`, class: 'method-row__text', type: 'text', maxlength: '200', value: s.name || '', oninput: (e) => { s.name = e.target.value; } }),
    h('button', { type: 'button', class: 'button button--small', i18n: 'walkmethod.remove', 'aria-label': t('walkmethod.stops.remove', { n: i + 1 }),
      onclick: () => { state.stops.splice(i, 1); renderStops(); } }))));
  drawStops();
}

function addStop(lon, lat) {
  state.stops.push({ id: null, name: t('walkmethod.stops.default', { n: state.stops.length + 1 }), location: { type: 'Point', coordinates: [lon, lat] } });
  renderStops();
  $(`stop-name-${state.stops.length - 1}`)?.focus();
}

async function saveStops() {
  $('stops-error').replaceChildren();
  try {
    await staffApi(`/api/v1/staff/walks/${walkId}/stops`, { method: 'PUT', body: { stops: state.stops.map((s) => ({ id: s.id, name: s.name, location: s.location })) } });
    say(t('walkmethod.saved'));
    await reload();
  } catch (e) {
    faults(e, $('stops-error'));
  }
}

// --- checklist ---
function renderChecklist() {
  $('checklist-list').replaceChildren(...state.items.map((item, i) => h('li', { class: 'method-row' },
    h('label', { for: `item-${i}`, class: 'visually-hidden' }, t('walkmethod.checklist.item', { n: i + 1 })),
    h('input', { id: `item-${i}`, class: 'method-row__text', type: 'text', maxlength: '300', value: item.wording, oninput: (e) => { item.wording = e.target.value; } }),
    item.version > 1 ? h('span', { class: 'badge' }, t('walkmethod.checklist.version', { n: item.version })) : null,
    h('button', { type: 'button', class: 'button button--small', i18n: 'walkmethod.remove', 'aria-label': t('walkmethod.checklist.remove', { n: i + 1 }),
      onclick: () => { state.items.splice(i, 1); renderChecklist(); } }))));
  const retired = state.method.items.filter((i) => i.retired);
  $('checklist-retired-box').hidden = retired.length === 0;
  $('checklist-retired').replaceChildren(...retired.map((i) => h('li', {}, `${i.wording} (${t('walkmethod.checklist.version', { n: i.version })})`)));
}

async function saveChecklist() {
  $('checklist-error').replaceChildren();
  try {
    await staffApi(`/api/v1/staff/walks/${walkId}/checklist`, { method: 'PUT', body: { items: state.items.map((i) => ({ id: i.id, wording: i.wording })) } });
    say(t('walkmethod.saved'));
    await reload();
  } catch (e) {
    faults(e, $('checklist-error'));
  }
}

// --- meetings ---
function meetingForm(kind) {
  const m = state.method.meetings.find((x) => x.kind === kind) || { attendance: {}, invitedGroups: [] };
  const id = (f) => `meeting-${kind}-${f}`;
  const error = h('p', { class: 'form-error', role: 'alert' });
  const form = h('form', { class: 'staff-form method-meeting', 'data-kind': kind, novalidate: true },
    h('h3', {}, t(`walkmethod.meeting.${kind}`)),
    h('div', { class: 'field' }, h('label', { for: id('date'), class: 'field-label', i18n: 'walkmethod.meetings.date' }),
      h('input', { id: id('date'), type: 'date', value: m.heldOn || '' })),
    kind === 'preparatory' ? h('fieldset', { class: 'field' }, h('legend', { i18n: 'walkmethod.meetings.invited' }),
      GROUPS.map((g) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'invited', value: g, checked: m.invitedGroups.includes(g) }), ' ', label('walk.group', g)))) : null,
    kind === 'preparatory' ? h('label', { class: 'check' }, h('input', { id: id('agreed'), type: 'checkbox', checked: !!m.routeAgreed }), ' ', t('walkmethod.meetings.routeAgreed')) : null,
    h('fieldset', { class: 'field method-counts' }, h('legend', { i18n: 'walkmethod.meetings.attendance' }),
      COUNTS.map(([f, key]) => h('label', {}, h('span', {}, t(`walkmethod.count.${key}`)),
        h('input', { id: id(f), type: 'number', min: '0', max: '100000', inputmode: 'numeric', value: m.attendance?.[f] ?? '' })))),
    h('div', { class: 'field' }, h('label', { for: id('notes'), class: 'field-label', i18n: 'walkmethod.meetings.notes' }),
      h('textarea', { id: id('notes'), rows: '3', maxlength: '5000' }, m.notes || '')),
    error,
    h('button', { type: 'submit', class: 'button', i18n: 'walkmethod.meetings.save' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const num = (f) => ($(id(f)).value === '' ? null : Number($(id(f)).value));
    const body = {
      heldOn: $(id('date')).value || null, notes: $(id('notes')).value,
      invitedGroups: [...form.querySelectorAll('input[name=invited]:checked')].map((c) => c.value),
      routeAgreed: kind === 'preparatory' ? $(id('agreed')).checked : null,
      attendance: Object.fromEntries(COUNTS.map(([f]) => [f, num(f)])),
    };
    error.replaceChildren();
    try {
      await staffApi(`/api/v1/staff/walks/${walkId}/meetings/${kind}`, { method: 'PUT', body });
      say(t('walkmethod.saved'));
    } catch (err) {
      faults(err, error);
    }
  });
  return form;
}

// --- actions ---
function actionForm(a = null, preset = {}) {
  const v = a || { what: preset.what || '', stopIds: preset.stopIds || [], pinIds: [], status: 'proposed' };
  const form = $('action-form');
  const pins = (state.report?.stops || []).filter((s) => s.moderationState !== 'hidden');
  const bodies = state.bodies.filter((b) => b.enabled || b.id === v.responsibleBody?.id);
  form.replaceChildren(...[
    h('div', { class: 'field' }, h('label', { for: 'action-what', class: 'field-label', i18n: 'walkmethod.actions.what' }),
      h('textarea', { id: 'action-what', rows: '2', maxlength: '500' }, v.what)),
    h('fieldset', { class: 'field' }, h('legend', { i18n: 'walkmethod.actions.stops' }),
      state.method.stops.map((s, i) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'stop', value: String(s.stop.id), checked: v.stopIds.includes(s.stop.id) }), ` ${i + 1}. ${s.stop.name}`))),
    pins.length ? h('fieldset', { class: 'field' }, h('legend', { i18n: 'walkmethod.actions.pins' }),
      pins.map((p) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'pin', value: String(p.pinId), checked: v.pinIds.includes(p.pinId) }),
        ` ${p.sequence}. ${label('category', p.category)}${p.text ? `: ${p.text.slice(0, 80)}` : ''}`))) : null,
    h('div', { class: 'field' }, h('label', { for: 'action-body', class: 'field-label', i18n: 'walkmethod.actions.body' }),
      h('select', { id: 'action-body' }, h('option', { value: '' }, t('walkmethod.actions.chooseBody')),
        bodies.map((b) => h('option', { value: String(b.id), selected: v.responsibleBody?.id === b.id }, b.name)))),
    h('div', { class: 'field' }, h('label', { for: 'action-due', class: 'field-label', i18n: 'walkmethod.actions.due' }),
      h('input', { id: 'action-due', type: 'date', value: v.dueOn || '' })),
    h('div', { class: 'field' }, h('label', { for: 'action-status', class: 'field-label', i18n: 'walkmethod.actions.status' }),
      h('select', { id: 'action-status', onchange: () => { $('action-reason-field').hidden = $('action-status').value !== 'rejected'; } },
        ['proposed', 'agreed', 'in_progress', 'done', 'rejected'].map((s) => h('option', { value: s, selected: v.status === s }, t(`walkmethod.status.${s}`))))),
    h('div', { class: 'field', id: 'action-reason-field', hidden: v.status !== 'rejected' },
      h('label', { for: 'action-reason', class: 'field-label', i18n: 'walkmethod.actions.reason' }),
      h('textarea', { id: 'action-reason', rows: '2', maxlength: '2000' }, v.rejectionReason || '')),
    h('div', { class: 'field' }, h('label', { for: 'action-cost', class: 'field-label', i18n: 'walkmethod.actions.cost' }),
      h('select', { id: 'action-cost' }, h('option', { value: '' }, '–'),
        ['none', 'low', 'medium', 'high'].map((c) => h('option', { value: c, selected: v.costClass === c }, t(`walkmethod.cost.${c}`))))),
    h('p', { id: 'action-error', class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', id: 'action-save', class: 'button button--primary', i18n: a ? 'walkmethod.actions.update' : 'walkmethod.actions.add' }),
    a ? h('button', { type: 'button', class: 'button', i18n: 'walk.cancel', onclick: () => { state.editing = null; actionForm(); } }) : null,
  ].filter(Boolean));
  state.editing = a;
}

async function saveAction(e) {
  e.preventDefault();
  const checked = (name) => [...$('action-form').querySelectorAll(`input[name=${name}]:checked`)].map((c) => Number(c.value));
  const body = {
    what: $('action-what').value, stopIds: checked('stop'), pinIds: checked('pin'),
    responsibleBodyId: $('action-body').value ? Number($('action-body').value) : null,
    dueOn: $('action-due').value || null, status: $('action-status').value,
    rejectionReason: $('action-reason').value || null, costClass: $('action-cost').value || null,
  };
  try {
    const a = state.editing;
    await staffApi(`/api/v1/staff/walks/${walkId}/actions${a ? `/${a.id}` : ''}`, { method: a ? 'PUT' : 'POST', body });
    say(t('walkmethod.saved'));
    state.editing = null;
    await reload();
  } catch (err) {
    faults(err, $('action-error'));
  }
}

function renderActions() {
  $('actions-table').replaceChildren(actionTable(state.method.actions, state.method.stops, state.report?.stops || [],
    (a) => { actionForm(a); $('action-form-heading').focus(); }));
}

function renderScores() {
  $('scores').replaceChildren(scoreTable(state.method, (stop, wording) => {
    actionForm(null, { what: t('walkmethod.actions.fromScore', { wording, stop: stop.name }), stopIds: [stop.id] });
    $('action-form-heading').focus();
  }));
}

function render() {
  const w = state.walk;
  $('method-title').textContent = t('walkmethod.page.headingNamed', { title: w.title });
  document.title = t('walkmethod.page.headingNamed', { title: w.title });
  $('method-report-link').href = `/personal/vandring/${w.id}/rapport`;
  renderStops();
  renderChecklist();
  renderScores();
  $('meetings').replaceChildren(...['preparatory', 'walk', 'follow_up'].map(meetingForm));
  renderActions();
  if (!state.editing) actionForm();
  $('method-content').hidden = false;
}

async function reload() {
  [state.method, state.report] = await Promise.all([
    staffApi(`/api/v1/staff/walks/${walkId}/method`), staffApi(`/api/v1/staff/walks/${walkId}/report`)]);
  state.stops = state.method.stops.map((s) => ({ id: s.stop.id, name: s.stop.name, location: s.stop.location }));
  state.items = state.method.items.filter((i) => !i.retired).map((i) => ({ ...i }));
  render();
}

async function load() {
  if (!walkId) return showPageProblem({ key: 'walk.report.notFound' });
  try {
    [state.walk, state.bodies] = await Promise.all([staffApi(`/api/v1/staff/walks/${encodeURIComponent(walkId)}`), staffApi('/api/v1/staff/departments')]);
    await reload();
  } catch (e) {
    return showPageProblem(e.status === 404 ? { key: 'walk.report.notFound' } : errorText(e), e.status === 404 ? null : load);
  }
  const site = await api.site().catch(() => null);
  state.map = baseMap($('stops-map'), { site });
  if (state.map) {
    const route = plannedRouteLayer(state.walk.plannedRoute);
    route?.addTo(state.map);
    frame(state.map, [route, ...state.stops.map((s) => window.L.marker(latLng(s.location.coordinates)))]);
    state.map.on('click', (e) => addStop(e.latlng.lng, e.latlng.lat));
    drawStops();
  }
  return undefined;
}

$('stops-add-centre').addEventListener('click', () => {
  const c = state.map?.getCenter();
  const p = c ? [c.lng, c.lat] : state.walk?.meetingPoint?.coordinates;
  if (p) addStop(p[0], p[1]);
});
$('stops-save').addEventListener('click', saveStops);
$('checklist-add').addEventListener('click', () => { state.items.push({ id: null, wording: '', version: 1 }); renderChecklist(); $(`item-${state.items.length - 1}`).focus(); });
$('checklist-save').addEventListener('click', saveChecklist);
$('action-form').addEventListener('submit', saveAction);

staffBoot({ page: 'walks', role: 'planner', render: load, onLanguage: () => { if (state.method) render(); } });

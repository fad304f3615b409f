// The walk report (/personal/vandring/{id}/rapport): what the planner prints the evening after a
// walk. The facts of the walk, a map with the planned route, the track walked and the numbered
// stops, the stops in walk order with photos, time and accuracy, and the action list by category.
import { staffBoot, staffApi, errorText, showPageProblem } from './staff.js';
import { api } from './api.js';
import { h } from './dom.js';
import { t, tn, label, formatDate, formatNumber } from './i18n.js';
import { categoryMark, categoryClass, subtagList } from './pins.js';
import { baseMap, studyAreaLayer, plannedRouteLayer, trackLayer, meetingMarker, stopMarker, frame } from './walk-staff-map.js';
import { renderMethod, methodLayers, fitForPrint } from './walk-report-method.js';

const $ = (id) => document.getElementById(id);
const walkId = /^\/personal\/vandring\/(\d+)\/rapport\/?$/.exec(location.pathname)?.[1] || new URLSearchParams(location.search).get('id');
const state = { report: null, site: null, area: null, map: null };

const locale = () => (document.documentElement.lang === 'en' ? 'en-GB' : 'sv-SE');
export function formatTime(value) {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(d);
}

function walkTime(w) {
  if (!w.startsAt) return '';
  const sameDay = w.endsAt && new Date(w.startsAt).toDateString() === new Date(w.endsAt).toDateString();
  if (sameDay) return `${formatDate(w.startsAt)}, ${formatTime(w.startsAt)}–${formatTime(w.endsAt)}`;
  return `${formatDate(w.startsAt, true)}${w.endsAt ? ` – ${formatDate(w.endsAt, true)}` : ''}`;
}

function facts() {
  const { walk: w, trackPointsDropped } = state.report;
  const rows = [
    ['walk.report.kind', t(`walk.kind.${w.kind}`)],
    ['walk.report.time', walkTime(w)],
    ['walk.report.meetingPoint', w.meetingPointName],
    ['walk.report.participants', w.participantCount != null ? formatNumber(w.participantCount) : null],
    ['walk.report.groups', (w.groups || []).map((g) => label('walk.group', g)).join(', ')],
    ['walk.report.facilitator', w.facilitator],
    ['walk.report.conditions', [w.light ? label('walk.light', w.light) : null, w.weather].filter(Boolean).join(', ')],
    ['walk.report.pins', formatNumber(state.report.stops.length)],
    ['walk.report.tracks', w.trackCount ? (trackPointsDropped
      ? tn('walk.report.tracksDropped', trackPointsDropped, { tracks: formatNumber(w.trackCount) })
      : t('walk.report.tracksCount', { n: formatNumber(w.trackCount) })) : null],
    ['walk.report.closed', w.closedAt ? formatDate(w.closedAt, true) : null],
  ];
  const items = rows.filter(([, v]) => v).flatMap(([key, v]) => [h('dt', { i18n: key }), h('dd', {}, v)]);
  if (w.note) items.push(h('dt', { i18n: 'walk.report.note' }), h('dd', { class: 'user-text' }, w.note));
  $('report-facts').replaceChildren(...items);
}

function photos(list) {
  const safe = (list || []).filter((p) => /^\/api\/v1\//.test(p.url) && /^\/api\/v1\//.test(p.thumbnailUrl));
  if (!safe.length) return null;
  return h('ul', { class: 'photos report-photos' }, safe.map((p, i) => h('li', {},
    h('a', { href: p.url, target: '_blank', rel: 'noopener' },
      h('img', { src: p.thumbnailUrl, alt: t('walk.report.photo', { n: i + 1 }), width: '160', height: '160', loading: 'eager' })))));
}

function stop(s) {
  const state2 = s.moderationState && s.moderationState !== 'published'
    ? h('span', { class: `badge badge--state-${s.moderationState}` }, label('staff.state', s.moderationState)) : null;
  const place = s.accuracyM != null ? t('walk.report.accuracy', { m: formatNumber(Math.round(s.accuracyM)) }) : t('walk.report.placedOnMap');
  return h('li', { class: `report-stop ${categoryClass(s.category)}`, 'data-pin': String(s.pinId), 'data-sequence': String(s.sequence) },
    h('h3', { class: 'report-stop__head' },
      h('span', { class: 'report-stop__n' }, String(s.sequence)),
      categoryMark(s.category), label('category', s.category)),
    h('p', { class: 'report-stop__meta' },
      h('span', {}, t('walk.report.at', { time: formatTime(s.recordedAt) })), ' · ', h('span', {}, place),
      ' · ', h('span', {}, t('walk.report.pinId', { id: s.pinId })),
      s.status ? [' · ', h('span', {}, label('pinStatus', s.status))] : null,
      state2 ? [' ', state2] : null),
    subtagList(s.subtags),
    s.text != null ? h('p', { class: 'user-text report-stop__text' }, s.text) : h('p', { class: 'hint', i18n: 'walk.report.noText' }),
    photos(s.photos));
}

function actions() {
  const { stops, actions: list } = state.report;
  const sequence = new Map(stops.map((s) => [s.pinId, s.sequence]));
  $('report-actions').replaceChildren(...(list || []).map((a) => h('li', { class: `report-action ${categoryClass(a.category)}`, 'data-category': a.category },
    h('p', { class: 'report-action__head' }, categoryMark(a.category), h('strong', {}, label('category', a.category)), ' ',
      h('span', { class: 'report-action__count' }, tn('walk.report.count', a.count))),
    h('p', { class: 'report-action__stops' }, t('walk.report.stopsList', { list: a.pins.map((id) => sequence.get(id) ?? `#${id}`).join(', ') })))));
  if (!list?.length) $('report-actions').replaceChildren(h('li', { class: 'hint', i18n: 'walk.report.noActions' }));
}

function drawMap() {
  const { walk: w, track, stops } = state.report;
  state.map ??= baseMap($('report-map'), { site: state.site, onTilesFailed: () => { $('report-map-note').hidden = false; } });
  const map = state.map;
  if (!map) {
    $('report-map').hidden = true;
    return;
  }
  map.eachLayer((layer) => { if (!layer.getTileUrl) map.removeLayer(layer); });
  const area = studyAreaLayer(state.area);
  area?.addTo(map);
  const layers = [plannedRouteLayer(w.plannedRoute), trackLayer(track), meetingMarker(w.meetingPoint, w.meetingPointName),
    ...stops.filter((s) => s.location?.type === 'Point').map((s) => stopMarker(s.location, s.sequence, s.category, `${s.sequence}. ${label('category', s.category)}`)),
    ...methodLayers(state.report)];
  layers.forEach((layer) => layer?.addTo(map));
  frame(map, layers, area);
}

function render() {
  const { walk: w, stops } = state.report;
  $('report-kind').textContent = t(`walk.kind.${w.kind}`);
  $('report-title').textContent = w.title;
  $('report-dialogue').textContent = w.dialogue ? t('walk.report.dialogue', { title: w.dialogue.title }) : '';
  $('report-walk-link').href = `/personal/walks.html?dialogue=${encodeURIComponent(w.dialogue?.id ?? '')}&walk=${encodeURIComponent(w.id)}`;
  document.title = t('walk.report.pageTitleNamed', { title: w.title });
  facts();
  $('report-stops').replaceChildren(...stops.map(stop));
  $('report-stops-empty').hidden = stops.length > 0;
  actions();
  renderMethod(state.report);
  $('report').hidden = false;
  drawMap();
}

async function load() {
  if (!walkId) return showPageProblem({ key: 'walk.report.notFound' });
  try {
    [state.report, state.site] = await Promise.all([staffApi(`/api/v1/staff/walks/${encodeURIComponent(walkId)}/report`), api.site().catch(() => null)]);
  } catch (e) {
    return showPageProblem(e.status === 404 ? { key: 'walk.report.notFound' } : errorText(e), e.status === 404 ? null : load);
  }
  state.report.stops = [...(state.report.stops || [])].sort((a, b) => a.sequence - b.sequence);
  const dialogue = await api.dialogue(state.report.walk.dialogue.id).catch(() => null);
  state.area = dialogue?.studyArea || null;
  render();
  return undefined;
}

$('print-report').addEventListener('click', () => window.print());
// The map is laid out again at its fixed paper size (walk-report-method.js), then back for the screen.
fitForPrint(() => state.map, () => { if (state.report) drawMap(); });

staffBoot({ page: 'walks', role: 'planner', render: load, onLanguage: () => { if (state.report) render(); } });

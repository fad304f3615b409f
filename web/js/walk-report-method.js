// The safety-walk method in the printed walk report: the meetings with attendance counts, the
// checklist scores per stop, the action plan as a table and, for a repeat walk, the comparison;
// on the map the checklist stops, marked by their score or (on a repeat) by their improvement with
// a sign and a legend in words. And the map's print size: fixed, so that the route framed for the
// paper stays on the paper in portrait and landscape (see walk-method.css).
import { h } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { latLng } from './walk-staff-map.js';
import { scoreTable, actionTable, meetingsTable, comparisonView, TREND_SIGN } from './walk-method-view.js';

const $ = (id) => document.getElementById(id);

export function renderMethod(report) {
  const m = report.method;
  const w = report.walk;
  $('report-pdf').href = `/api/v1/staff/walks/${encodeURIComponent(w.id)}/report.pdf`;
  $('report-method-link').href = `/personal/walk-method.html?walk=${encodeURIComponent(w.id)}`;
  if (!m) return;
  $('report-method').hidden = false;
  $('report-meetings').replaceChildren(meetingsTable(m.meetings));
  $('report-scores').replaceChildren(scoreTable(m));
  $('report-plan').replaceChildren(actionTable(m.actions, m.stops, report.stops));
  $('report-comparison-box').hidden = !m.comparison;
  if (m.comparison) $('report-comparison').replaceChildren(comparisonView(m.comparison));
  const legend = $('report-method-legend');
  const kinds = m.comparison ? ['improved', 'unchanged', 'worse', 'unrated'] : ['score'];
  legend.hidden = !m.stops.length;
  legend.replaceChildren(...kinds.map((k) => h('li', {},
    h('span', { class: `method-marker method-marker--${k}`, 'aria-hidden': 'true' }, k === 'score' ? '3,5' : TREND_SIGN[k]),
    h('span', {}, t(k === 'score' ? 'walkmethod.legend.score' : `walkmethod.legend.${k}`)))));
}

/** The checklist stops as map markers: their mean score, or their trend with a sign. */
export function methodLayers(report) {
  const L = window.L;
  const m = report.method;
  if (!L || !m) return [];
  const trend = new Map((m.comparison?.stops || []).map((s) => [s.stopId, s]));
  return m.stops.map((s, i) => {
    const change = trend.get(s.stop.id);
    const kind = m.comparison ? change?.trend || 'unrated' : 'score';
    const text = m.comparison ? TREND_SIGN[kind] : (s.average == null ? '–' : formatNumber(Math.round(s.average * 10) / 10));
    const title = m.comparison
      ? t('walkmethod.map.trendTitle', { n: i + 1, name: s.stop.name, trend: t(`walkmethod.trend.${kind}`) })
      : t('walkmethod.map.scoreTitle', { n: i + 1, name: s.stop.name, score: text });
    return L.marker(latLng(s.stop.location.coordinates), {
      icon: L.divIcon({ className: `method-marker method-marker--${kind}`, html: h('span', {}, text), iconSize: [34, 34], iconAnchor: [17, 17] }),
      title, keyboard: false,
    });
  });
}

/**
 * Print: the map takes its paper size (class is-print-size, 180 × 120 mm: inside A4's printable
 * area upright and across) before the browser lays out the page, and is framed again at that
 * size; beforeprint and the print media query both trigger it, as browsers differ in which fires.
 */
export function fitForPrint(getMap, redraw) {
  const box = () => $('report-map');
  const on = () => { box()?.classList.add('is-print-size'); getMap()?.invalidateSize(false); redraw(); };
  const off = () => { box()?.classList.remove('is-print-size'); getMap()?.invalidateSize(false); redraw(); };
  window.addEventListener('beforeprint', on);
  window.addEventListener('afterprint', off);
  window.matchMedia?.('print').addEventListener?.('change', (e) => (e.matches ? on() : off()));
}

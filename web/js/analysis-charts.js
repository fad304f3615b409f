// The charts beside the map (GET /api/v1/analysis/statistics): pins by category, per week and
// by neighbourhood, drawn with Chart.js (window.Chart, a classic script from its webjar), and
// "who has been heard". Every chart has its figures as a table too (and its canvas a label
// saying them), so the numbers reach screen readers and can be copied.
import { h } from './dom.js';
import { t, label, formatNumber, formatDate } from './i18n.js';
import { analysisGet, isAbort, problemText, countText, countTn } from './analysis-api.js';
import { CATEGORY_CODES } from './analysis-filters.js';

const $ = (id) => document.getElementById(id);
const NEIGHBOURHOODS_SHOWN = 15;

function cssVar(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function categoryColour(code) {
  const v = { suggestion: '--cat-suggestion', safety_concern: '--cat-safety', service_gap: '--cat-service', valued_place: '--cat-valued' }[code];
  return cssVar(v || '--cat-other', '#5a6366');
}

function table(captionKey, headKeys, rows) {
  return h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden', i18n: captionKey }),
    h('thead', {}, h('tr', {}, headKeys.map((key, i) => h('th', { scope: 'col', class: i ? 'num' : null, i18n: key })))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => (i ? h('td', { class: 'num' }, c) : h('th', { scope: 'row' }, c)))))));
}

function share(x) {
  return x == null ? '–' : `${new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 0 }).format(x * 100)} %`;
}

export function createCharts() {
  const Chart = window.Chart;
  const charts = {};
  let controller = null;
  let last = null;
  let said = null; // () => the status text again, after a language switch

  /** Draws (or redraws) one bar chart; the canvas's label says the same figures in words. */
  function bar(id, labels, values, colours, { horizontal = false } = {}) {
    const canvas = $(`${id}-canvas`);
    canvas.setAttribute('aria-label', labels.map((l, i) => `${l}: ${countText(values[i])}`).join(', ') || t('analysis.chart.empty'));
    if (!Chart) return;
    charts[id]?.destroy();
    const text = cssVar('--text', '#1c2426');
    const grid = cssVar('--border', '#c8cecd');
    charts[id] = new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets: [{ data: values, backgroundColor: colours, borderWidth: 0 }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { enabled: true } },
        scales: {
          x: { ticks: { color: text, precision: 0 }, grid: { color: grid }, beginAtZero: true },
          y: { ticks: { color: text, precision: 0 }, grid: { color: grid }, beginAtZero: true },
        },
      },
    });
  }

  function draw(s) {
    last = s;
    $('charts-total').textContent = countTn('analysis.charts.total', s.pinCount);
    const cats = Object.entries(s.categories || {}).filter(([, n]) => n > 0).sort((a, b) => CATEGORY_CODES.indexOf(a[0]) - CATEGORY_CODES.indexOf(b[0]));
    bar('chart-categories', cats.map(([c]) => label('category', c)), cats.map(([, n]) => n), cats.map(([c]) => categoryColour(c)));
    $('chart-categories-table').replaceChildren(table('analysis.chart.categories', ['analysis.table.category', 'analysis.table.pins'],
      cats.map(([c, n]) => [label('category', c), countText(n)])));

    const weeks = s.weeks || [];
    bar('chart-weeks', weeks.map((w) => w.week), weeks.map((w) => w.count), cssVar('--primary', '#0b5566'));
    $('chart-weeks-table').replaceChildren(table('analysis.chart.weeks', ['analysis.table.week', 'analysis.table.pins'],
      weeks.map((w) => [t('analysis.table.weekFrom', { week: w.week, start: formatDate(w.start) }), countText(w.count)])));

    const hoods = [...(s.neighbourhoods || [])].sort((a, b) => b.pinCount - a.pinCount);
    const shown = hoods.slice(0, NEIGHBOURHOODS_SHOWN);
    bar('chart-neighbourhoods', shown.map((n) => n.name ?? n.code), shown.map((n) => n.pinCount), cssVar('--cat-service', '#6a3d9a'), { horizontal: true });
    const rows = hoods.map((n) => [n.name ?? n.code ?? '', countText(n.pinCount), n.per1000 != null ? formatNumber(Math.round(n.per1000 * 10) / 10) : '–']);
    if (s.outsideNeighbourhoods !== 0 && s.outsideNeighbourhoods !== undefined) rows.push([t('analysis.table.outside'), countText(s.outsideNeighbourhoods), '–']);
    $('chart-neighbourhoods-table').replaceChildren(table('analysis.chart.neighbourhoods',
      ['analysis.table.neighbourhood', 'analysis.table.pins', 'analysis.table.per1000'], rows));
    heard(s.heard);
  }

  /** Who has been heard; a group under the minimum is "fewer than N" and has no share. */
  function heard(hd) {
    if (!hd) {
      $('heard-table').replaceChildren();
      return;
    }
    const answers = (g) => (g.answers == null ? t('analysis.heard.fewerThan', { n: formatNumber(g.fewerThan ?? hd.minimumGroup ?? 5) }) : formatNumber(g.answers));
    const rows = [
      ...(hd.ageBands || []).map((g) => [label('age', g.ageBand), answers(g), share(g.share), share(g.populationShare)]),
      ...(hd.genders || []).map((g) => [label('gender', g.gender), answers(g), share(g.share), share(g.populationShare)]),
    ];
    if (hd.unanswered !== undefined) rows.push([t('analysis.heard.unanswered'), countText(hd.unanswered), '–', '–']);
    $('heard-table').replaceChildren(table('analysis.heard.heading',
      ['analysis.heard.group', 'analysis.heard.answers', 'analysis.heard.share', 'analysis.heard.populationShare'], rows));
  }

  function status(text, { busy = false, error = false } = {}) {
    const el = $('charts-status');
    el.textContent = text;
    el.classList.toggle('is-busy', busy);
    el.classList.toggle('is-error', error);
    const box = el.closest('.charts');
    if (busy) box.setAttribute('aria-busy', 'true'); else box.removeAttribute('aria-busy');
  }

  async function load(query, onFault) {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const started = performance.now();
    const tick = () => status(t('analysis.charts.loading', { s: Math.round((performance.now() - started) / 1000) }), { busy: true });
    tick();
    const clock = setInterval(tick, 1000);
    try {
      const s = await analysisGet('/api/v1/analysis/statistics', query, mine.signal);
      if (mine.signal.aborted) return;
      draw(s);
      said = null;
      status('');
    } catch (e) {
      if (isAbort(e) || mine.signal.aborted) return;
      const placed = onFault(e);
      said = () => status(placed ? t('analysis.layer.seeField') : problemText(e), { error: true });
      said();
    } finally {
      clearInterval(clock);
      if (controller === mine) controller = null;
    }
  }

  return {
    load,
    refreshLanguage() {
      if (last) draw(last);
      if (!controller) said?.();
    },
  };
}

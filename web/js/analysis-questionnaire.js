// The dialogue's own questions on the analysis page (GET /api/v1/analysis/questionnaire): a chart
// per question with its figures as a table (counts per option, the scale's steps and mean, a
// ranking's mean place per option, a number's mean), the free texts as text, and the answers to a
// map question as a layer of the analysis map (GET /api/v1/analysis/questionnaire/map).
import { h } from './dom.js';
import { t, tn } from './i18n.js';
import { analysisGet, isAbort, problemText, countText } from './analysis-api.js';
import { localText } from './questionnaire-logic.js';

const L = window.L;
const lang = () => document.documentElement.lang || 'sv';
const decimal = (x) => (x == null ? '–' : new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 2 }).format(x));

function table(caption, heads, rows) {
  return h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, heads.map((key, i) => h('th', { scope: 'col', class: i ? 'num' : null, i18n: key })))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => (i ? h('td', { class: 'num' }, c) : h('th', { scope: 'row' }, c)))))));
}

/** The figures of one question: [label, value] rows, the table's heads, and whether lower is better (ranking). */
function figures(q) {
  if (q.kind === 'ranking') {
    return { rows: q.options.map((o) => [localText(o, lang()), o.meanPosition]), heads: ['survey.results.option', 'survey.results.meanPlace'], format: decimal };
  }
  if (q.options) return { rows: q.options.map((o) => [localText(o, lang()), o.count]), heads: ['survey.results.option', 'survey.results.count'], format: countText };
  if (q.scaleCounts) return { rows: q.scaleCounts.map((n, i) => [String(i + 1), n]), heads: ['survey.results.step', 'survey.results.count'], format: countText };
  return null;
}

/** section: the empty results section; map: the analysis map (createAnalysisMap) or null. */
export function createQuestionnaireResults(section, map) {
  const Chart = window.Chart;
  const charts = [];
  const layers = new Map(); // question id → Leaflet layer shown
  let controller = null;
  let last = null;
  let dialogue = null;

  function clearMap() {
    layers.forEach((layer) => layer.remove());
    layers.clear();
  }

  async function toggleLayer(q, on, status) {
    if (!on) {
      layers.get(q.id)?.remove();
      layers.delete(q.id);
      return;
    }
    try {
      const collection = await analysisGet('/api/v1/analysis/questionnaire/map', new URLSearchParams({ dialogue: String(dialogue), question: String(q.id) }));
      if (!map?.leaflet || !L) return;
      const layer = L.geoJSON(collection, {
        pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 7, interactive: false }),
        style: (f) => ({ className: f.geometry.type === 'Point' ? 'answer-marker' : 'answer-shape', weight: 3, interactive: false }),
      }).addTo(map.leaflet);
      layers.set(q.id, layer);
      status.textContent = tn('survey.results.onMap', collection.features.length);
    } catch (e) {
      status.textContent = problemText(e);
    }
  }

  function chart(canvas, rows, horizontal) {
    canvas.setAttribute('aria-label', rows.map(([l, v]) => `${l}: ${v ?? '–'}`).join(', ') || t('analysis.chart.empty'));
    if (!Chart) return;
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: { labels: rows.map(([l]) => l), datasets: [{ data: rows.map(([, v]) => v ?? 0), borderWidth: 0 }] },
      options: { indexAxis: horizontal ? 'y' : 'x', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true }, y: { beginAtZero: true } } },
    }));
  }

  function question(q, i) {
    const id = `qr-${q.id}`;
    const title = `${i + 1}. ${localText(q.label, lang())}`;
    const fig = figures(q);
    const parts = [h('figcaption', { id: `${id}-caption` }, title),
      h('p', { class: 'hint' }, t('survey.results.answered', { n: countText(q.answered) }),
        q.mean != null ? ` · ${t('survey.results.mean', { mean: decimal(q.mean) })}` : '')];
    if (fig) {
      const canvas = h('canvas', { role: 'img', id: `${id}-canvas` });
      parts.push(h('div', { class: 'chart__canvas' }, canvas),
        h('details', { class: 'chart__table' }, h('summary', { i18n: 'analysis.table.show' }),
          table(title, fig.heads, fig.rows.map(([l, v]) => [l, fig.format(v)]))));
      requestAnimationFrame(() => chart(canvas, fig.rows, q.kind === 'ranking' || fig.rows.length > 5));
    } else if (q.texts) {
      parts.push(q.texts.length
        ? h('details', { class: 'chart__table' }, h('summary', { i18n: 'survey.results.texts' }),
          h('ul', { class: 'answer-texts' }, q.texts.map((text) => h('li', { class: 'user-text' }, text))))
        : h('p', { class: 'hint', i18n: 'survey.results.noTexts' }));
    } else if (q.kind.startsWith('map_')) {
      const status = h('span', { class: 'hint', 'aria-live': 'polite' });
      const box = h('input', { type: 'checkbox', id: `${id}-layer`, checked: layers.has(q.id),
        onchange: (e) => toggleLayer(q, e.target.checked, status) });
      parts.push(h('p', {}, h('label', { class: 'choice', for: `${id}-layer` }, box, h('span', { i18n: 'survey.results.showOnMap' })), ' ', status));
    }
    return h('figure', { class: 'chart', 'data-question': String(q.id) }, ...parts);
  }

  function draw(results) {
    last = results;
    charts.splice(0).forEach((c) => c.destroy());
    section.replaceChildren(h('h2', { id: 'qr-heading', i18n: 'survey.results.heading' }),
      ...results.questions.map(question));
    section.hidden = results.questions.length === 0;
  }

  return {
    async load(dialogueRef) {
      controller?.abort();
      if (dialogueRef !== dialogue) clearMap();
      dialogue = dialogueRef;
      if (!dialogueRef) {
        section.hidden = true;
        return;
      }
      controller = new AbortController();
      try {
        draw(await analysisGet('/api/v1/analysis/questionnaire', new URLSearchParams({ dialogue: String(dialogueRef) }), controller.signal));
      } catch (e) {
        if (isAbort(e)) return;
        section.replaceChildren(h('p', { class: 'notice notice--error' }, problemText(e)));
        section.hidden = false;
      }
    },
    refreshLanguage: () => last && draw(last),
  };
}

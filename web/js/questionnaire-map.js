// Map questions: place a point, draw a line, draw an area, on a small map of the dialogue.
// Mouse/touch: tap the map. Keyboard: focus the map, move it with the arrows, Enter places the
// point (or Space a corner while drawing); the buttons start, undo, finish and clear.
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { leafletMap } from './map.js';
import { createShapeTool } from './shape-draw.js';

const L = window.L;
const round = (x) => Math.round(x * 1e7) / 1e7;

/** The one place a line or area is drawn: the same tool as a pin's line or area (shape-draw.js). */
function drawingTool(map, kind, { wrap, onDone, onState }) {
  return createShapeTool(map, { kind, wrap, onDone: (geometry) => onDone(geometry), onState });
}

/**
 * A map answer field. q: the question; kind 'point' | 'line' | 'area'; ctx: { site, studyArea };
 * onChange() when the answer changes. Returns { el, value(), reset(), focus() }.
 */
export function mapAnswerField(q, kind, ctx, onChange, describedBy) {
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const container = h('div', { class: 'q-map__map', tabindex: '0', role: 'application', 'aria-describedby': describedBy,
    i18nAttr: { 'aria-label': `survey.map.label.${kind}` } });
  const wrap = h('div', { class: 'q-map map-wrap' }, container, h('div', { class: 'crosshair', 'aria-hidden': 'true' }));
  const buttons = h('div', { class: 'q-map__buttons' });
  const el = h('div', { class: 'q-map-field' }, h('p', { class: 'hint', i18n: `survey.map.help.${kind}` }), wrap, buttons, status);
  let value = null;
  let map = null;
  let layer = null;
  let tool = null;

  const say = (key, vars) => { status.textContent = t(key, vars); };
  const show = () => {
    if (layer) layer.remove();
    layer = value && map ? L.geoJSON(value, { interactive: false, className: 'q-map__answer' }).addTo(map) : null;
  };
  const set = (geometry) => {
    value = geometry;
    show();
    say(value ? `survey.map.done.${kind}` : 'survey.map.none');
    drawButtons(tool?.isDrawing() ?? false);
    onChange();
  };

  function build() {
    if (map || !L) return;
    ({ map } = leafletMap(container, { site: ctx.site }));
    if (ctx.studyArea) {
      const area = L.geoJSON(ctx.studyArea, { interactive: false, style: { className: 'study-area', fill: false, weight: 2 } }).addTo(map);
      map.fitBounds(area.getBounds(), { padding: [8, 8] });
    } else {
      map.setView([62.5, 16.5], 5);
    }
    if (kind === 'point') {
      wrap.classList.add('can-place');
      map.on('click', (e) => set({ type: 'Point', coordinates: [round(e.latlng.lng), round(e.latlng.lat)] }));
      container.addEventListener('keydown', (e) => {
        if (e.target === container && e.key === 'Enter') {
          e.preventDefault();
          const c = map.getCenter();
          set({ type: 'Point', coordinates: [round(c.lng), round(c.lat)] });
        }
      });
    } else {
      tool = drawingTool(map, kind, {
        wrap,
        onDone: set,
        onState: (state, n) => {
          drawButtons(tool.isDrawing());
          if (state === 'vertex' || state === 'started') say('survey.map.corners', { n });
          if (state === 'tooFew') say(`survey.map.tooFew.${kind}`);
        },
      });
    }
  }

  function drawButtons(drawing) {
    if (kind === 'point') {
      buttons.replaceChildren(h('button', { type: 'button', class: 'button button--small', i18n: 'survey.map.clear', onclick: () => set(null) }));
      return;
    }
    // The button pressed (Klar, Avbryt, Ångra…) is replaced: keep the keyboard in the field.
    const hadFocus = buttons.contains(document.activeElement);
    fill(buttons, drawing ? [
      h('button', { type: 'button', class: 'button button--small', i18n: 'survey.map.undo', onclick: () => tool.undo() }),
      h('button', { type: 'button', class: 'button button--small button--primary', i18n: 'survey.map.finish', onclick: () => tool.finish() }),
      h('button', { type: 'button', class: 'button button--small', i18n: 'survey.map.cancel', onclick: () => tool.cancel() }),
    ] : [
      h('button', { type: 'button', class: 'button button--small', i18n: `survey.map.start.${kind}`, onclick: () => {
        value = null;
        show();
        tool.start();
        container.focus();
      } }),
      value ? h('button', { type: 'button', class: 'button button--small', i18n: 'survey.map.clear', onclick: () => set(null) }) : null,
    ]);
    if (hadFocus) buttons.querySelector('button')?.focus();
  }

  // The crosshair shows where Enter or Space puts a point: for keyboard users only.
  let pointer = false;
  container.addEventListener('pointerdown', () => { pointer = true; wrap.classList.remove('show-crosshair'); });
  container.addEventListener('pointerup', () => { pointer = false; });
  container.addEventListener('focus', () => wrap.classList.toggle('show-crosshair', !pointer));
  container.addEventListener('blur', () => wrap.classList.remove('show-crosshair'));

  // Leaflet needs a laid-out container: the map is made when the field is first shown.
  const observer = typeof IntersectionObserver === 'function' ? new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      build();
      map?.invalidateSize();
    }
  }) : null;
  observer?.observe(container);
  drawButtons(false);
  say('survey.map.none');

  return {
    el,
    value: () => value,
    reset() {
      tool?.cancel();
      value = null;
      show();
      drawButtons(false);
      say('survey.map.none');
    },
    focus: () => container.focus(),
    refresh: () => drawButtons(tool?.isDrawing() ?? false),
  };
}

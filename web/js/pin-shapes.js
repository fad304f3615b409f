// Lines and areas on the dialogue page: when the dialogue accepts more than points, the citizen
// chooses "Punkt / Linje / Område" and draws with shape-draw.js (pointer, or keyboard only:
// crosshair + Space, Backspace, Enter, Escape), or, for an area, picks one of the dialogue's
// neighbourhoods from a list (the path without a map). The published lines and areas of the pins
// in view are drawn under the clustered points (the points are where they are counted).
import { h, announce } from './dom.js';
import { t, tn, has } from './i18n.js';
import { request } from './api.js';
import { createShapeTool } from './shape-draw.js';
import { categoryClass } from './pins.js';
import { langAttr } from './content-lang.js';

const L = window.L;
const $ = (id) => document.getElementById(id);

/** The look of a published line or area (the same on the tiled map of a large dialogue). */
export function shapeStyle(category) {
  return { className: `pin-shape ${categoryClass(category)}`, weight: 4, fillOpacity: 0.2 };
}

/**
 * dialogue: as the API gives it (acceptedShapes). map: the page's map (map.js) or null.
 * onShape(geometry) when a line or area is ready for the form; onStarted() when drawing starts.
 * popupDetails(feature) builds a popup of a published pin.
 * Returns { wantsShape(), isDrawing(), setDraft(geometry|null), showPublished(features), refreshLanguage() }.
 */
export function createShapeInput({ dialogue, map, onShape, onStarted, popupDetails }) {
  const accepted = dialogue.acceptedShapes?.length ? dialogue.acceptedShapes : ['point'];
  const published = map && L ? L.featureGroup().addTo(map.leaflet) : null;
  const draft = map && L ? L.featureGroup().addTo(map.leaflet) : null;
  let kind = accepted.includes('point') ? 'point' : accepted[0];
  let tool = null;

  function showPublished(features) {
    if (!published) return;
    published.clearLayers();
    for (const f of features) {
      const shape = f.properties?.shape;
      if (!shape) continue;
      const layer = L.geoJSON(shape, { style: shapeStyle(f.properties.category) });
      if (popupDetails) layer.bindPopup(() => h('div', { class: 'pin-popup', tabindex: '-1' }, ...popupDetails(f)), { maxWidth: 300 });
      layer.addTo(published);
    }
    published.bringToBack?.();
  }

  function setDraft(geometry) {
    draft?.clearLayers();
    if (geometry && draft) L.geoJSON(geometry, { interactive: false, style: { className: 'pin-shape pin-shape--draft', weight: 4 } }).addTo(draft);
  }

  const api = { wantsShape: () => kind !== 'point', isDrawing: () => tool?.isDrawing() ?? false, setDraft, showPublished, refreshLanguage() {} };
  if (accepted.length === 1 && accepted[0] === 'point') return api;

  const status = h('p', { id: 'shape-status', class: 'map-status', role: 'status', 'aria-live': 'polite' });
  // count: the key has plural forms (key.one, key.other), chosen again after a switch of language
  const say = (key, vars, count) => {
    status.dataset.i18n = key;
    status.dataset.i18nVars = JSON.stringify(vars || {});
    if (count === undefined) delete status.dataset.i18nCount;
    else status.dataset.i18nCount = String(count);
    announce(status, count === undefined ? t(key, vars) : tn(key, count, vars));
  };

  const choices = h('fieldset', { id: 'shape-kind', class: 'shape-kind' },
    h('legend', { i18n: 'shape.kind.legend' }),
    ...accepted.map((code) => h('label', { class: 'choice choice--inline', for: `shape-kind-${code}` },
      h('input', { type: 'radio', name: 'shape-kind', value: code, id: `shape-kind-${code}`, checked: code === kind }),
      h('span', { class: 'choice__text', i18n: `shape.kind.${code}` }))));

  const startButton = h('button', { id: 'shape-start', type: 'button', class: 'button button--primary' });
  const finishButton = h('button', { id: 'shape-finish', type: 'button', class: 'button', i18n: 'shape.finish', hidden: true });
  const undoButton = h('button', { id: 'shape-undo', type: 'button', class: 'button', i18n: 'shape.undo', hidden: true });
  const cancelButton = h('button', { id: 'shape-cancel', type: 'button', class: 'button', i18n: 'shape.cancel', hidden: true });
  const help = h('p', { id: 'shape-help', class: 'hint' });
  const neighbourhoodSelect = h('select', { id: 'shape-neighbourhood', 'aria-describedby': 'shape-neighbourhood-hint' });
  const neighbourhoodUse = h('button', { id: 'shape-neighbourhood-use', type: 'button', class: 'button', i18n: 'shape.neighbourhood.use' });
  const neighbourhoodField = h('div', { id: 'shape-neighbourhood-field', class: 'field', hidden: true },
    h('label', { for: 'shape-neighbourhood', class: 'field-label', i18n: 'shape.neighbourhood.label' }),
    h('p', { id: 'shape-neighbourhood-hint', class: 'hint', i18n: 'shape.neighbourhood.hint' }),
    neighbourhoodSelect, ' ', neighbourhoodUse);
  const tools = h('div', { id: 'shape-tools', class: 'shape-tools' },
    h('div', { class: 'pin-actions' }, startButton, finishButton, undoButton, cancelButton), help, status, neighbourhoodField);

  const actions = $('pin-actions');
  actions.before(choices);
  actions.after(tools);
  let neighbourhoods = null;

  function render() {
    const shapeKind = kind !== 'point';
    const drawing = tool?.isDrawing() ?? false;
    actions.hidden = shapeKind; // "Place a pin" and "my location" are for points
    $('place-help').hidden = shapeKind;
    tools.hidden = !shapeKind;
    startButton.hidden = drawing || !map;
    startButton.dataset.i18n = kind === 'line' ? 'shape.start.line' : 'shape.start.area';
    startButton.textContent = t(startButton.dataset.i18n);
    finishButton.hidden = !drawing;
    undoButton.hidden = !drawing;
    cancelButton.hidden = !drawing;
    help.dataset.i18n = kind === 'line' ? 'shape.help.line' : 'shape.help.area';
    help.textContent = t(help.dataset.i18n);
    neighbourhoodField.hidden = kind !== 'area' || !neighbourhoods?.length;
  }

  async function loadNeighbourhoods() {
    if (neighbourhoods !== null || !accepted.includes('area')) return;
    neighbourhoods = [];
    try {
      neighbourhoods = (await request(`/api/v1/dialogues/${encodeURIComponent(dialogue.slug)}/neighbourhoods`)).neighbourhoods || [];
    } catch {
      neighbourhoods = [];
    }
    neighbourhoodSelect.replaceChildren(...neighbourhoods.map((n, i) => h('option', { value: String(i), lang: langAttr('sv'), dir: 'auto' }, n.name))); // Swedish names
    render();
  }

  if (map) {
    tool = createShapeTool(map.leaflet, {
      kind: kind === 'point' ? 'area' : kind,
      wrap: map.leaflet.getContainer().parentElement,
      onDone: (geometry) => {
        setDraft(geometry);
        render();
        onShape(geometry);
      },
      onState: (state, n) => {
        render();
        const what = tool.kind();
        if (state === 'started') say(`shape.state.started.${what}`);
        else if (state === 'vertex') announce(status, tn('shape.state.vertices', n));
        else if (state === 'done' && has(`shape.state.done.${what}.other`)) say(`shape.state.done.${what}`, {}, n);
        else if (state === 'done') say(`shape.state.done.${what}`, { n });
        else if (state === 'cancelled') say('shape.state.cancelled');
        else if (state === 'tooFew') say(`shape.state.tooFew.${what}`);
        else if (state === 'tooMany') say('shape.state.tooMany');
      },
    });
  }

  choices.addEventListener('change', (e) => {
    kind = e.target.value;
    if (kind !== 'point') tool?.setKind(kind);
    else tool?.cancel();
    setDraft(null);
    render();
    if (kind === 'area') loadNeighbourhoods();
  });
  startButton.addEventListener('click', () => {
    if (!tool) return;
    setDraft(null);
    onStarted?.();
    tool.start();
    map.leaflet.getContainer().parentElement.scrollIntoView({ block: 'nearest' });
    map.focus({ crosshair: true });
  });
  finishButton.addEventListener('click', () => tool?.finish());
  undoButton.addEventListener('click', () => tool?.undo());
  cancelButton.addEventListener('click', () => tool?.cancel());
  neighbourhoodUse.addEventListener('click', () => {
    const n = neighbourhoods?.[Number(neighbourhoodSelect.value)];
    if (!n) return;
    setDraft(n.geometry);
    say('shape.neighbourhood.chosen', { name: n.name });
    onShape(n.geometry);
  });

  render();
  if (kind === 'area') loadNeighbourhoods();
  return {
    ...api,
    refreshLanguage() {
      render();
      if (status.dataset.i18n) status.textContent = t(status.dataset.i18n, JSON.parse(status.dataset.i18nVars || '{}'));
    },
  };
}

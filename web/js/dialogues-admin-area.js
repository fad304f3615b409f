// The study area in the dialogue form: draw parts on the map, or upload a GeoJSON file that is
// shown on the map before it is saved; undo and clear; the server's fault next to the map, with
// a mark where it is. The area goes to the server only when the whole dialogue is saved.
import { t, tn } from './i18n.js';
import { createStudyAreaMap } from './study-area-map.js';
import { readAreaFile, geometryOf, problemPoint, AreaFileError } from './study-area.js';

const $ = (id) => document.getElementById(id);
const LARGE_BODY = 60000; // the server takes JSON bodies of 64 KB by default (dialogkarta.max-body-bytes)

/** opts: site, say(text). */
export function createAreaField(opts) {
  let parts = [];
  let raw = null; // the uploaded file, while the area is exactly what it holds
  let fileName = null;
  let history = []; // earlier states, for undo
  let noteKey = null;

  const map = createStudyAreaMap($('study-area-map'), {
    site: opts.site,
    onDrawn: (polygon) => change([...parts, polygon.coordinates], null, null, 'admin.area.drawn'),
    onDrawState: drawState,
    onTilesFailed: () => showNote('admin.area.tilesFailed'),
  });
  if (!map) {
    $('area-map-wrap').hidden = true;
    $('area-tools').hidden = true;
    showNote('admin.area.noMap');
  } else if (!opts.site?.basemap?.url) {
    showNote('admin.area.noBasemap');
  }

  function showNote(key) {
    noteKey = key;
    $('area-map-note').textContent = t(key);
    $('area-map-note').hidden = false;
  }

  function summary() {
    if (!parts.length) return t('admin.area.none');
    const text = tn('admin.area.parts', parts.length);
    return fileName && raw ? `${text} ${t('admin.area.fromFile', { name: fileName })}` : text;
  }

  function render({ fit = false } = {}) {
    map?.setParts(parts, { fit });
    $('area-summary').textContent = summary();
    $('area-undo').disabled = !history.length && !map?.isDrawing();
    $('area-clear').disabled = !parts.length;
  }

  function change(nextParts, nextRaw, nextName, sayKey, { fit = false } = {}) {
    history.push({ parts, raw, fileName });
    parts = nextParts;
    raw = nextRaw;
    fileName = nextName;
    clearFault();
    render({ fit });
    if (sayKey) opts.say(`${t(sayKey)} ${summary()}`);
  }

  function drawState(what, corners) {
    const drawing = !!map?.isDrawing();
    const button = $('area-draw');
    button.setAttribute('aria-pressed', String(drawing));
    const text = button.querySelector('[data-i18n]');
    text.dataset.i18n = drawing ? 'admin.area.finish' : 'admin.area.draw';
    text.textContent = t(text.dataset.i18n);
    $('area-cancel').hidden = !drawing;
    $('area-overlay').hidden = !drawing;
    $('area-undo').disabled = !history.length && !drawing;
    if (what === 'started') opts.say(t('staff.draw.started'));
    else if (what === 'corner') opts.say(tn('staff.draw.corners', corners));
    else if (what === 'tooFew') opts.say(t('staff.draw.tooFew'));
    else if (what === 'cancelled') opts.say(t('admin.area.cancelled'));
  }

  function clearFault() {
    $('error-dialogue-area').textContent = '';
    map?.showProblem(null);
  }

  async function upload() {
    const input = $('study-area-file');
    const file = input.files?.[0];
    if (!file) return;
    clearFault();
    try {
      const read = await readAreaFile(file);
      if (map?.isDrawing()) map.cancelDrawing();
      change(read.parts, read.raw, file.name, 'admin.area.uploaded', { fit: true });
    } catch (e) {
      const text = e instanceof AreaFileError ? t(e.key, e.vars) : t('admin.area.file.unreadable');
      $('error-dialogue-area').textContent = text;
      opts.say(text);
    }
    input.value = ''; // the same file again, after fixing it, is a new choice
  }

  $('area-draw').addEventListener('click', () => {
    if (!map) return;
    if (!map.isDrawing()) {
      map.startDrawing();
      $('area-map-wrap').scrollIntoView({ block: 'nearest' });
    } else if (map.corners() >= 3) {
      map.finishDrawing();
    } else {
      drawState('tooFew', map.corners());
    }
  });
  $('area-cancel').addEventListener('click', () => {
    map?.cancelDrawing();
    $('area-draw').focus();
  });
  $('area-undo').addEventListener('click', () => {
    if (map?.isDrawing()) {
      if (!map.undoCorner()) map.cancelDrawing();
      return;
    }
    const before = history.pop();
    if (!before) return;
    ({ parts, raw, fileName } = before);
    clearFault();
    render();
    opts.say(`${t('admin.area.undone')} ${summary()}`);
  });
  $('area-clear').addEventListener('click', () => {
    if (map?.isDrawing()) map.cancelDrawing();
    change([], null, null, 'admin.area.cleared');
  });
  $('study-area-file').addEventListener('change', upload);

  return {
    /** A dialogue's area (GeoJSON geometry or null) and the others' areas, when the form is filled anew. */
    set(geometry, context = []) {
      if (map?.isDrawing()) map.cancelDrawing();
      map?.setContext(context);
      $('area-context-note').hidden = !map || !context.length;
      parts = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
      raw = null;
      fileName = null;
      history = [];
      clearFault();
      render({ fit: true });
    },
    /** What to send: the uploaded file as it is, or the parts; a large file goes as its polygons only. */
    value() {
      if (raw && JSON.stringify(raw).length < LARGE_BODY) return raw;
      return geometryOf(parts);
    },
    isDrawing: () => !!map?.isDrawing(),
    /** The server's fault (already in words), with a mark on the map where it names a place. */
    showFault(text, serverMessage) {
      $('error-dialogue-area').textContent = text;
      const point = problemPoint(serverMessage);
      map?.showProblem(point);
    },
    clearFault,
    /** The map was measured while hidden: measure again and frame the area. */
    shown() {
      map?.resize();
      map?.fit();
    },
    refreshLanguage() {
      map?.refreshLanguage();
      $('area-summary').textContent = summary();
      if (noteKey) $('area-map-note').textContent = t(noteKey);
      drawState();
    },
  };
}

// The ticked pins of the moderation queue, and how they were ticked: by hand in the list (the
// bulk tools then name the pins) or by drawing an area on the map (a reply then names the area,
// and the server answers every pin of the dialogue inside it that is not hidden). The point in
// polygon test here is only for showing what is inside; the server decides for the reply.
import { t, tn } from './i18n.js';
import { inStudyArea } from './geo.js';
import { staffApi, can } from './staff.js';

const $ = (id) => document.getElementById(id);

/**
 * opts: pins() (the loaded queue, in order), dialogue(), currentId(), queue, map() (may be
 * null), bulk() (updated after each change), say(text).
 */
export function createSelection(opts) {
  let checked = new Set();
  let mode = 'list';
  let area = null;
  let areaPreview = null; // how many pins the server would answer for the area

  function snapshot() {
    const pins = opts.pins();
    const order = new Map(pins.map((p, i) => [p.id, i]));
    const ids = [...checked].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
    return {
      ids,
      mode,
      area,
      dialogueId: opts.dialogue()?.id,
      pins: ids.map((id) => pins.find((p) => p.id === id)).filter(Boolean),
    };
  }

  function changed() {
    const n = checked.size;
    const pins = opts.pins();
    $('selection-count').textContent = n ? `(${n})` : '';
    $('clear-selection').classList.toggle('is-invisible', n === 0); // keeps its place: nothing jumps
    const all = $('select-all');
    all.checked = n > 0 && pins.length > 0 && pins.every((p) => checked.has(p.id));
    all.indeterminate = n > 0 && !all.checked;
    opts.queue.mark({ currentId: opts.currentId(), checked });
    opts.map()?.setChecked(checked);
    const note = $('bulk-area-note');
    note.hidden = mode !== 'area';
    if (mode === 'area') {
      note.textContent = areaPreview == null
        ? t('staff.bulk.areaNote')
        : `${t('staff.bulk.areaNote')} ${tn('staff.bulk.areaCount', areaPreview)}`;
    }
    opts.bulk()?.update();
  }

  /** Ticking by hand after drawing leaves the area: from then on a reply goes to the ticked list. */
  function leaveArea() {
    if (mode !== 'area') return;
    mode = 'list';
    area = null;
    areaPreview = null;
    opts.map()?.clearPolygon();
  }

  async function areaDrawn(polygon) {
    const inside = opts.pins().filter((p) => {
      const [lon, lat] = p.location?.coordinates || [];
      return lon != null && inStudyArea(polygon, lon, lat);
    });
    checked = new Set(inside.map((p) => p.id));
    mode = 'area';
    area = polygon;
    areaPreview = null;
    changed();
    opts.say(tn('staff.draw.selected', inside.length));
    const d = opts.dialogue();
    if (!can('planner') || !d) return;
    // What a reply to this area would reach: the server also counts pins not loaded into the list.
    try {
      const preview = await staffApi('/api/v1/staff/pins/selection', { method: 'POST', body: { area: polygon, dialogue: String(d.id) } });
      if (area === polygon) {
        areaPreview = preview?.pins?.length ?? null;
        changed();
      }
    } catch (e) {
      if (area === polygon && e.code === 'selection.empty') {
        areaPreview = 0;
        changed();
      }
    }
  }

  return {
    snapshot,
    changed,
    areaDrawn,
    has: (id) => checked.has(id),
    set: () => checked,
    isArea: () => mode === 'area',
    toggle(id, on) {
      leaveArea();
      if (on) checked.add(id); else checked.delete(id);
      changed();
    },
    selectAll(on) {
      leaveArea();
      checked = on ? new Set(opts.pins().map((p) => p.id)) : new Set();
      changed();
    },
    clear() {
      leaveArea();
      checked = new Set();
      changed();
    },
    /** After the queue was read again: ticks on pins that left the list go (not an area's). */
    keepOnly(presentIds) {
      if (mode !== 'area') checked = new Set([...checked].filter((id) => presentIds.has(id)));
    },
  };
}

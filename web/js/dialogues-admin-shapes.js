// What a dialogue accepts on the map: point, line, area (at least one; point only by default).
// A fieldset of the dialogue form, placed after the categories.
import { h } from './dom.js';

const KINDS = ['point', 'line', 'area'];

/** after: the element the fieldset follows. Returns { fill(dialogue), value() }. */
export function createShapesField(after) {
  const boxes = KINDS.map((code) => h('input', { type: 'checkbox', name: 'dialogue-shapes', value: code, id: `dialogue-shape-${code}` }));
  const error = h('p', { id: 'error-dialogue-acceptedShapes', class: 'field-error' });
  const fieldset = h('fieldset', { id: 'dialogue-shapes', class: 'form-group', 'aria-describedby': 'dialogue-shapes-hint error-dialogue-acceptedShapes' },
    h('legend', { i18n: 'admin.form.shapes' }),
    h('p', { id: 'dialogue-shapes-hint', class: 'hint', i18n: 'admin.form.shapes.hint' }),
    h('div', { class: 'choice-list' }, ...boxes.map((box, i) => h('label', { class: 'choice', for: box.id }, box,
      h('span', { class: 'choice__text', i18n: `shape.kind.${KINDS[i]}` })))),
    error);
  after.after(fieldset);
  return {
    fill(d) {
      const accepted = d?.acceptedShapes?.length ? d.acceptedShapes : ['point'];
      boxes.forEach((box) => { box.checked = accepted.includes(box.value); });
    },
    value: () => boxes.filter((b) => b.checked).map((b) => b.value),
  };
}

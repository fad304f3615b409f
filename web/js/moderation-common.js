// Small pieces the moderation page's parts share: the status codes in workflow order, the
// department menu, the badges for moderation state and status, and how facts, form fields and
// a pin's history read.
import { h } from './dom.js';
import { t, label } from './i18n.js';

export const STATUSES = ['received', 'in_review', 'forwarded', 'planned', 'done', 'not_feasible', 'out_of_scope'];

/**
 * Options for a department menu: none chosen, then the enabled departments grouped as the
 * municipality's own and outside bodies. The pin's current department stays listed even when it
 * has been disabled since. departments null: the list could not be read.
 */
export function departmentOptions(departments, current, emptyKey = 'staff.department.none') {
  const none = h('option', { value: '', i18n: emptyKey });
  if (departments == null) return [none];
  const usable = departments.filter((d) => d.enabled !== false || d.id === current?.id);
  const group = (kind) => {
    const mine = usable.filter((d) => (d.kind || 'internal') === kind);
    return mine.length
      ? h('optgroup', { label: t(`staff.department.kind.${kind}`) }, mine.map((d) => h('option', { value: String(d.id) }, d.name)))
      : null;
  };
  return [none, group('internal'), group('external')].filter(Boolean);
}

export function stateBadge(state) {
  return h('span', { class: `badge badge--state badge--state-${state}` }, label('staff.pinState', state));
}

export function statusBadge(status) {
  return h('span', { class: 'badge badge--status' }, label('pinStatus', status));
}

export function fact(key, ...value) {
  return h('div', { class: 'fact' }, h('dt', { i18n: key }), h('dd', {}, ...value));
}

export function field(id, labelKey, control, { hint, error } = {}) {
  return h('div', { class: 'field' },
    h('label', { for: id, class: 'field-label', i18n: labelKey }),
    hint ? h('p', { id: `${id}-hint`, class: 'hint', i18n: hint }) : null,
    control,
    error ? h('p', { id: error, class: 'field-error' }) : null);
}

export function eventText(event) {
  const value = (v) => {
    if (v == null || v === '') return t('staff.event.none');
    if (event.kind === 'moderation') return label('staff.pinState', v);
    if (event.kind === 'status') return label('pinStatus', v);
    return v;
  };
  const vars = { from: value(event.from), to: value(event.to) };
  if (event.kind === 'merged_into') vars.to = `#${event.to}`;
  if (event.kind === 'merged_from') vars.from = `#${event.from}`;
  return t(`staff.event.${event.kind}`, vars);
}

/** A list of dated texts by staff (notes, replies) or events, newest last as the server orders them. */
export function timeline(items, emptyKey, row) {
  if (!items?.length) return h('p', { class: 'hint', i18n: emptyKey });
  return h('ol', { class: 'timeline' }, items.map(row));
}

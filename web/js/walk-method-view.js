// The safety-walk method's parts as tables, shared by the facilitator's page and the printed walk
// report: checklist scores per stop, the meetings' attendance counts, the action plan and the
// comparison of a repeat walk. Scores and trends are written out in words and signs, never told
// by colour alone.
import { h } from './dom.js';
import { t, tn, formatDate, formatNumber } from './i18n.js';

/** A mean score at or below this is a problem (as walk.WalkMethods.POOR). */
export const POOR = 2.5;
export const TREND_SIGN = { improved: '▲', unchanged: '=', worse: '▼', unrated: '–' };

const score = (v) => (v == null ? '–' : formatNumber(Math.round(v * 10) / 10));
const signed = (v) => (v == null ? '–' : `${v > 0 ? '+' : ''}${formatNumber(Math.round(v * 10) / 10)}`);

function table(caption, heads, rows, cls = '') {
  return h('table', { class: `data-table method-table ${cls}` },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, heads.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows));
}

/** Scores per stop; onMakeAction(stop, wording) offers an action for each poor score. */
export function scoreTable(method, onMakeAction) {
  const items = new Map(method.items.map((i) => [i.id, i]));
  if (!method.stops.length) return h('p', { class: 'hint', i18n: 'walkmethod.scores.noStops' });
  return h('div', { class: 'method-stops' }, method.stops.map((s, n) => h('section', { class: 'method-stop', 'data-stop': String(s.stop.id) },
    h('h3', {}, t('walkmethod.scores.stop', { n: n + 1, name: s.stop.name })),
    h('p', { class: 'method-stop__average' }, s.average == null ? t('walkmethod.scores.unrated')
      : tn('walkmethod.scores.average', s.ratingSets, { average: score(s.average) })),
    s.items.length ? table(null, [t('walkmethod.scores.question'), t('walkmethod.scores.mean'), t('walkmethod.scores.count'), onMakeAction ? t('walkmethod.actions.heading') : null].filter(Boolean),
      s.items.map((is) => {
        const item = items.get(is.itemId);
        const poor = is.average <= POOR;
        return h('tr', { class: poor ? 'is-poor' : null },
          h('th', { scope: 'row' }, item?.wording || '?', item?.retired ? ` (${t('walkmethod.checklist.version', { n: item.version })})` : null),
          h('td', {}, score(is.average), poor ? [' ', h('strong', { class: 'method-poor' }, t('walkmethod.scores.poor'))] : null),
          h('td', {}, formatNumber(is.count)),
          onMakeAction ? h('td', {}, poor ? h('button', { type: 'button', class: 'button button--small', onclick: () => onMakeAction(s.stop, item?.wording || '') },
            t('walkmethod.scores.makeAction')) : null) : null);
      })) : null,
    s.comments.length ? h('ul', { class: 'method-comments' }, s.comments.map((c) => h('li', { class: 'user-text' }, c))) : null,
    ratingPhotos(s.photos))));
}

/** The groups' photos at a stop (staff reads of the rating sets' photos), each opening full size. */
function ratingPhotos(list) {
  const safe = (list || []).filter((p) => /^\/api\/v1\//.test(p.url) && /^\/api\/v1\//.test(p.thumbnailUrl));
  if (!safe.length) return null;
  return h('ul', { class: 'photos report-photos method-photos' }, safe.map((p, i) => h('li', { 'data-set': String(p.setId) },
    h('a', { href: p.url, target: '_blank', rel: 'noopener' },
      h('img', { src: p.thumbnailUrl, alt: t('walkmethod.scores.photo', { n: i + 1 }), width: '160', height: '160', loading: 'eager' })))));
}

/** The action plan: what, where, who, by when, status, cost; onEdit(action) adds an edit button. */
export function actionTable(actions, stops, pins, onEdit) {
  if (!actions.length) return h('p', { class: 'hint', i18n: 'walkmethod.actions.none' });
  const stopNames = new Map(stops.map((s) => [s.stop.id, s.stop.name]));
  const pinNumbers = new Map(pins.map((p) => [p.pinId, p.sequence]));
  const heads = ['what', 'where', 'body', 'due', 'status', 'cost'].map((c) => t(`walkmethod.col.${c}`));
  if (onEdit) heads.push(t('walkmethod.col.edit'));
  return table(null, heads, actions.map((a) => h('tr', { 'data-action': String(a.id), 'data-status': a.status },
    h('th', { scope: 'row', class: 'user-text' }, a.what),
    h('td', {}, [...a.stopIds.map((id) => stopNames.get(id) || `#${id}`),
      ...a.pinIds.map((id) => t('walkmethod.actions.pinRef', { n: pinNumbers.get(id) ?? '?' }))].join(', ')),
    h('td', {}, a.responsibleBody.name, a.responsibleBody.enabled ? null : ` (${t('walkmethod.actions.bodyRemoved')})`),
    h('td', {}, a.dueOn ? formatDate(a.dueOn) : '–'),
    h('td', {}, t(`walkmethod.status.${a.status}`), a.rejectionReason ? h('span', { class: 'user-text' }, `: ${a.rejectionReason}`) : null),
    h('td', {}, a.costClass ? t(`walkmethod.cost.${a.costClass}`) : '–'),
    onEdit ? h('td', {}, h('button', { type: 'button', class: 'button button--small', onclick: () => onEdit(a) }, t('walkmethod.col.edit'))) : null)), 'method-actions');
}

/** The meetings with their dates and attendance by group: counts only, never names. */
export function meetingsTable(meetings) {
  if (!meetings.length) return h('p', { class: 'hint', i18n: 'walkmethod.meetings.none' });
  const keys = ['residents', 'police', 'housingCompany', 'municipality', 'other'];
  const heads = [t('walkmethod.col.meeting'), t('walkmethod.meetings.date'), ...keys.map((k) => t(`walkmethod.count.${k}`)), t('walkmethod.count.total')];
  return h('div', {}, table(null, heads, meetings.map((m) => {
    const counts = keys.map((k) => m.attendance?.[k]);
    const total = counts.reduce((sum, n) => sum + (n || 0), 0);
    return h('tr', { 'data-meeting': m.kind },
      h('th', { scope: 'row' }, t(`walkmethod.meeting.${m.kind}`)),
      h('td', {}, m.heldOn ? formatDate(m.heldOn) : '–'),
      counts.map((n) => h('td', {}, n == null ? '–' : formatNumber(n))),
      h('td', {}, formatNumber(total)));
  })), meetings.filter((m) => m.notes).map((m) => h('p', {}, h('strong', {}, `${t(`walkmethod.meeting.${m.kind}`)}: `), h('span', { class: 'user-text' }, m.notes))));
}

/** A repeat walk against the walk it repeats. */
export function comparisonView(c) {
  const problems = (key, list) => h('div', {}, h('h3', {}, t(key)),
    list.length ? h('ul', {}, list.map((p) => h('li', {}, `${p.stop}: ${p.wording} (${score(p.before)} → ${score(p.after)})`)))
      : h('p', { class: 'hint', i18n: 'walkmethod.compare.none' }));
  return h('div', { class: 'method-comparison' },
    h('p', {}, t('walkmethod.compare.intro', { title: c.earlierTitle, date: formatDate(c.earlierStartsAt) })),
    table(null, ['stop', 'before', 'after', 'change', 'trend'].map((k) => t(`walkmethod.compare.${k}`)),
      c.stops.map((s) => h('tr', { 'data-trend': s.trend },
        h('th', { scope: 'row' }, s.name),
        h('td', {}, score(s.before)), h('td', {}, score(s.after)), h('td', {}, signed(s.change)),
        h('td', {}, h('span', { 'aria-hidden': 'true' }, `${TREND_SIGN[s.trend]} `), t(`walkmethod.trend.${s.trend}`))))),
    c.stops.some((s) => s.items.length) ? h('details', { open: true }, h('summary', { i18n: 'walkmethod.compare.perItem' }),
      c.stops.map((s) => table(s.name, ['question', 'before', 'after', 'change'].map((k) => t(`walkmethod.compare.${k}`)),
        s.items.map((i) => h('tr', {}, h('th', { scope: 'row' }, i.wording), h('td', {}, score(i.before)), h('td', {}, score(i.after)), h('td', {}, signed(i.change))))))) : null,
    problems('walkmethod.compare.resolved', c.resolvedProblems),
    problems('walkmethod.compare.new', c.newProblems),
    h('h3', { i18n: 'walkmethod.compare.done' }),
    c.doneBetween.length ? h('ul', {}, c.doneBetween.map((a) => h('li', {}, `${a.what} (${a.responsibleBody.name})`)))
      : h('p', { class: 'hint', i18n: 'walkmethod.compare.none' }));
}


// One entry of the receipt page: an own pin (with moderation outcome, history, replies, photos
// and "delete") or a pin the citizen said "me too" to (status, history and replies).
import { h } from './dom.js';
import { t, label } from './i18n.js';
import { categoryMark, categoryClass, subtagList, photoList, pinText, replyList } from './pins.js';
import { timeline, timelineEntries } from './receipt-timeline.js';
import { swedishName, inLanguage } from './content-lang.js';
import { shapeSketch } from './shape-sketch.js';

function fact(labelKey, ...value) {
  return h('div', { class: 'fact' }, h('dt', { i18n: labelKey }), h('dd', {}, ...value));
}

function dialogueLink(d = {}) {
  // The receipt names the dialogue by its Swedish title (the reference carries no translations).
  const title = d.title ? swedishName(d.title) : d.slug;
  return d.slug ? h('a', { href: `/dialoger/${encodeURIComponent(d.slug)}` }, title) : (title ?? '');
}

function statusFacts(item) {
  return [
    fact('receipt.status', h('strong', {}, label('pinStatus', item.status))),
    item.department ? fact('receipt.department', swedishName(item.department, { className: 'user-text' })) : null,
  ];
}

function history(id, entries, tag) {
  const headingId = `${id}-history`;
  const list = timeline(entries, headingId);
  return list ? [h(tag, { class: 'receipt-subheading', id: headingId, i18n: 'receipt.history' }), list] : [];
}

/** Where the view ended up in the dialogue's published report: topic, position, answer, the PDF. */
function reportOutcome(base, r) {
  if (!r) return [];
  const headingId = `${base}-report`;
  return [h('h3', { class: 'receipt-subheading', id: headingId, i18n: 'receipt.report.heading' }),
    h('dl', { class: 'facts', 'aria-labelledby': headingId },
      fact('receipt.report.topic', r.topic ? swedishName(r.topic, { className: 'user-text' }) : t('receipt.report.noTopic')),
      r.effect ? fact('receipt.report.effect', h('strong', {}, label('report.effect', r.effect))) : null),
    r.answer ? inLanguage(h('p', { class: 'user-text report-answer' }, r.answer), 'sv') : null,
    h('p', {}, h('a', { href: r.pdf }, t('receipt.report.link', { version: r.version })))];
}

/** opts: onDelete(pin, button). */
export function ownPinItem(pin, opts) {
  const base = `receipt-pin-${pin.id}`;
  // A merged duplicate is not on the map itself: say so, and point to the pin it joined.
  const merged = pin.mergedInto != null;
  const moderation = merged
    ? h('span', { class: 'state state--merged' }, t('receipt.visibility.merged'), ' ',
      pin.mergedIntoOnMap && pin.dialogue?.slug
        ? h('a', { href: `/dialoger/${encodeURIComponent(pin.dialogue.slug)}?pin=${encodeURIComponent(pin.mergedInto)}`,
          i18n: 'receipt.visibility.mergedLink' })
        : null)
    : h('span', { class: `state state--${pin.moderationState}` }, label('moderation', pin.moderationState));
  const reason = pin.moderationReason
    ? h('span', { class: 'user-text state-reason' }, t('receipt.reason', { reason: pin.moderationReason }))
    : null;
  const entries = timelineEntries({ createdAt: pin.createdAt, history: pin.history, replies: pin.replies, department: pin.department });
  return h('li', { class: `receipt-pin ${categoryClass(pin.category)}`, 'data-pin-id': String(pin.id) },
    h('h2', { class: 'pin-category', id: `${base}-heading` }, categoryMark(pin.category), label('category', pin.category)),
    subtagList(pin.subtags),
    pin.shape ? shapeSketch(pin.shape) : null,
    pinText(pin.text, { deleted: false }), // retention cuts the receipt link, so no text here is a walk pin without words
    photoList(pin.photos, { token: opts.token }),
    pin.mergedInto != null ? h('p', { class: 'notice merged-note', i18n: 'receipt.merged' }) : null,
    h('dl', { class: 'facts' },
      fact('receipt.dialogue', dialogueLink(pin.dialogue)),
      fact('receipt.visibility', moderation, reason ? ' ' : null, reason),
      ...statusFacts(pin)),
    ...history(base, entries, 'h3'),
    replyList(pin.replies),
    ...reportOutcome(base, pin.report),
    h('p', { class: 'receipt-actions' },
      h('button', { type: 'button', class: 'button button--small button--danger delete-own-pin', 'data-pin-id': String(pin.id),
        'aria-describedby': `${base}-heading`, i18n: 'receipt.delete.button',
        onclick: (e) => opts.onDelete(pin, e.currentTarget) })));
}

export function supportedItem(s) {
  const base = `receipt-supported-${s.id}`;
  const entries = timelineEntries({ createdAt: s.supportedAt, createdKey: 'receipt.event.supported',
    history: s.history, replies: s.replies, department: s.department });
  return h('li', { class: `receipt-supported ${categoryClass(s.category)}`, 'data-pin-id': String(s.id) },
    h('h3', { class: 'pin-category', id: `${base}-heading` }, categoryMark(s.category), label('category', s.category)),
    pinText(s.text, { deleted: false }),
    s.mergedInto != null ? h('p', { class: 'notice merged-note', i18n: 'receipt.supported.merged' }) : null,
    h('dl', { class: 'facts' }, fact('receipt.dialogue', dialogueLink(s.dialogue)), ...statusFacts(s)),
    ...history(base, entries, 'h4'),
    replyList(s.replies));
}

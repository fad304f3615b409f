// What became of a pin, as a small timeline in the citizen's words: when it was left, reviewed,
// passed on, planned, answered. Built from the receipt's public history and the replies; the
// server has already left out what is staff business (who did it, internal assignments).
import { h } from './dom.js';
import { t, has, label, formatDate } from './i18n.js';
import { sentence, swedishName } from './content-lang.js';

/**
 * One history entry in words (a string, or an array of text and elements when it names a
 * department, whose Swedish name is marked lang="sv"); department is the pin's (shown once it was
 * passed on).
 */
function eventText(e, department) {
  switch (e.kind) {
    case 'moderation':
      if (e.to === 'published') return t(e.from === 'hidden' ? 'receipt.event.republished' : 'receipt.event.published');
      if (e.to === 'hidden') return t('receipt.event.hidden');
      return t('receipt.event.pending');
    case 'status':
      if (e.to === 'forwarded') {
        return department ? sentence('receipt.event.forwardedTo', { department: swedishName(department) }) : t('receipt.event.forwarded');
      }
      return has(`receipt.event.status.${e.to}`) ? t(`receipt.event.status.${e.to}`)
        : t('receipt.event.statusOther', { status: label('pinStatus', e.to) });
    case 'assignment':
      return e.to ? sentence('receipt.event.assignment', { department: swedishName(e.to) }) : t('receipt.event.other');
    case 'reply':
      return t('receipt.event.reply');
    case 'merged_into':
      return t('receipt.event.merged');
    case 'redaction':
      return t('receipt.event.redaction');
    default:
      return t('receipt.event.other');
  }
}

/**
 * Entries oldest first: { at, text }. Starts when the pin was left (or supported): what the kept
 * pin of a merge went through before that is summed up by its status and replies instead.
 */
export function timelineEntries({ createdAt, createdKey = 'receipt.event.created', history = [], replies = [], department }) {
  const start = Date.parse(createdAt) || 0;
  const entries = [];
  for (const e of history) {
    if (e.kind === 'reply') continue; // the replies carry their own dates
    entries.push({ at: e.at, text: eventText(e, department) });
  }
  for (const r of replies) entries.push({ at: r.createdAt, text: t('receipt.event.reply') });
  const later = entries.filter((e) => (Date.parse(e.at) || 0) >= start)
    .sort((a, b) => (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0)); // stable: ties keep this order
  return createdAt ? [{ at: createdAt, text: t(createdKey) }, ...later] : later;
}

export function timeline(entries, labelId) {
  if (!entries.length) return null;
  return h('ol', { class: 'timeline', 'aria-labelledby': labelId },
    entries.map((e) => h('li', { class: 'timeline__entry' },
      h('time', { class: 'timeline__date', datetime: e.at }, formatDate(e.at)),
      h('span', { class: 'timeline__text' }, e.text))));
}

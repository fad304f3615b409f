// "What came of the safety walk?" on the public dialogue page: the actions agreed after the
// dialogue's walks and how far they have come, so the residents who walked see the result.
// The API gives only agreed, ongoing and done actions, never proposals, rejections or names.
import { request } from './api.js';
import { h } from './dom.js';
import { t, formatDate } from './i18n.js';
import { inLanguage } from './content-lang.js';

const ORDER = ['in_progress', 'agreed', 'done'];

/** The dialogue's decided walk actions, or an empty list when they cannot be had. */
export async function loadWalkActions(slug) {
  try {
    return await request(`/api/v1/dialogues/${encodeURIComponent(slug)}/walk-actions`);
  } catch {
    return []; // the page works without them
  }
}

export function walkActionsSection(actions) {
  if (!actions?.length) return null;
  const sorted = [...actions].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  return h('section', { class: 'dialogue-walk-actions', id: 'dialogue-walk-actions', 'aria-labelledby': 'dialogue-walk-actions-heading' },
    h('h2', { id: 'dialogue-walk-actions-heading', i18n: 'walkmethod.public.heading' }),
    h('p', { class: 'hint', i18n: 'walkmethod.public.intro' }),
    h('ul', { class: 'dialogue-walk-actions__list' }, sorted.map((a) => h('li', { 'data-status': a.status },
      // The action is the planners' Swedish text (never translated): marked so a screen reader reads it as Swedish.
      h('p', {}, inLanguage(h('strong', { class: 'user-text' }, a.what), 'sv'), ' – ', h('span', { class: `walk-action-status walk-action-status--${a.status}` }, t(`walkmethod.status.${a.status}`))),
      h('p', { class: 'hint' }, [
        t('walkmethod.public.body', { body: a.responsibleBody }),
        a.dueOn ? t('walkmethod.public.due', { date: formatDate(a.dueOn) }) : null,
        a.stops?.length ? t('walkmethod.public.where', { stops: a.stops.join(', ') }) : null,
        t('walkmethod.public.walk', { walk: a.walkTitle, date: formatDate(a.walkedAt) }),
      ].filter(Boolean).join(' · '))))));
}

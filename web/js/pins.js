// How one pin reads, the same in a map popup, in the list and on the receipt page.
import { h } from './dom.js';
import { t, tn, label, formatDate } from './i18n.js';

/** Category codes the stylesheet has a colour and shape for; others get a neutral mark. */
export const CATEGORIES = ['suggestion', 'safety_concern', 'service_gap', 'valued_place'];

export function categoryClass(code) {
  return `cat--${CATEGORIES.includes(code) ? code : 'other'}`;
}

/** The coloured symbol of a category; decorative, the label beside it carries the meaning. */
export function categoryMark(code, extra = '') {
  return h('span', { class: `cat-mark ${categoryClass(code)} ${extra}`.trim(), 'aria-hidden': 'true' });
}

export function subtagList(subtags) {
  if (!subtags?.length) return null;
  return h('ul', { class: 'tags', 'aria-label': t('pin.subtags') },
    subtags.map((code) => h('li', { class: 'tag' }, label('subtag', code))));
}

/** Photo thumbnails linking to the full photo; only the API's own paths are ever used as sources. */
export function photoList(photos) {
  const safe = (photos || []).filter((p) => /^\/api\/v1\//.test(p.url) && /^\/api\/v1\//.test(p.thumbnailUrl));
  if (!safe.length) return null;
  return h('ul', { class: 'photos' }, safe.map((p) => h('li', {},
    h('a', { href: p.url, target: '_blank', rel: 'noopener' },
      h('img', { src: p.thumbnailUrl, alt: t('pin.photo'), loading: 'lazy', width: '96', height: '96' })))));
}

/**
 * Category, sub-tags, the citizen's text and the date. headingTag is h3 in lists (so screen
 * reader users can jump between pins) and p in popups.
 */
export function pinDetails(props, { headingTag = 'p', headingId } = {}) {
  const supports = props.supports > 0 ? h('p', { class: 'pin-supports' }, tn('pin.supports', props.supports)) : null;
  return [
    h(headingTag, { class: 'pin-category', id: headingId },
      categoryMark(props.category), label('category', props.category)),
    subtagList(props.subtags),
    h('p', { class: 'user-text pin-text' }, props.text ?? ''),
    photoList(props.photos),
    h('p', { class: 'pin-date' }, t('pin.submitted', { date: formatDate(props.createdAt) })),
    supports,
  ];
}

/** Newest first, like a notice board. */
export function newestFirst(a, b) {
  return String(b.properties.createdAt).localeCompare(String(a.properties.createdAt)) || b.id - a.id;
}

// How one pin reads, the same in a map popup, in the list and on the receipt page.
import { h, codeLabel } from './dom.js';
import { t, tn, label, formatDate } from './i18n.js';
import { inLanguage } from './content-lang.js';

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
    subtags.map((code) => h('li', { class: 'tag' }, codeLabel('subtag', code))));
}

/** Photo thumbnails linking to the full photo; only the API's own paths are ever used as sources. */
/** A private photo (the submitter's own) fetched with the receipt token in its header. */
async function privateImage(url, token) {
  const response = await fetch(url, { headers: { 'X-Receipt-Token': token } });
  if (!response.ok) throw new Error(`photo ${response.status}`);
  return URL.createObjectURL(await response.blob());
}

/** opts.token: the submitter's receipt token, for their own photos (which need it in a header). */
export function photoList(photos, { token } = {}) {
  const safe = (photos || []).filter((p) => /^\/api\/v1\//.test(p.url) && /^\/api\/v1\//.test(p.thumbnailUrl));
  if (!safe.length) return null;
  return h('ul', { class: 'photos' }, safe.map((p) => {
    if (!token) {
      return h('li', {}, h('a', { href: p.url, target: '_blank', rel: 'noopener' },
        h('img', { src: p.thumbnailUrl, alt: t('pin.photo'), loading: 'lazy', width: '96', height: '96' })));
    }
    const img = h('img', { alt: t('pin.photo'), width: '96', height: '96' });
    privateImage(p.thumbnailUrl, token).then((src) => { img.src = src; }).catch(() => { img.alt = t('pin.photoUnavailable'); });
    const open = async (e) => {
      e.preventDefault();
      try {
        window.open(await privateImage(p.url, token), '_blank', 'noopener');
      } catch { /* the thumbnail says it is unavailable */ }
    };
    return h('li', {}, h('a', { href: '#', onclick: open }, img));
  }));
}

/**
 * The citizen's text; a neutral note when it was deleted under the retention rule; nothing for a
 * walk pin made without words (two taps on a dark path).
 */
export function pinText(text, { id, deleted = true } = {}) {
  if (text != null) return h('p', { class: 'user-text pin-text', id }, text);
  return deleted ? h('p', { class: 'pin-text pin-text--deleted', id, i18n: 'citizen.pin.textDeleted' }) : null;
}

/** Where the municipality's handling has come, in words ("Status: Åtgärd planerad"). */
export function pinStatus(status) {
  if (!status) return null;
  return h('p', { class: 'pin-status' }, h('span', { i18n: 'citizen.pin.statusLabel' }), ' ',
    h('strong', {}, label('pinStatus', status)));
}

/**
 * The municipality's public answers, oldest first, each with its date and marked with the
 * language it is written in (lang= and "(in Swedish)" on a page in another language).
 */
export function replyList(replies) {
  if (!replies?.length) return null;
  return h('div', { class: 'pin-replies' }, replies.map((r) => h('div', { class: 'pin-reply' },
    h('p', { class: 'pin-reply__label' }, h('span', { i18n: 'citizen.reply.heading' }),
      r.createdAt ? h('span', { class: 'pin-reply__date' }, formatDate(r.createdAt)) : null),
    inLanguage(h('p', { class: 'user-text pin-reply__text' }, r.text ?? ''), r.language || 'sv'))));
}

/**
 * Category, sub-tags, the citizen's text, the date, the status and the municipality's replies.
 * headingTag is h3 in lists (so screen reader users can jump between pins) and p in popups.
 * supportCount: false where a "me too" button already shows the count.
 */
export function pinDetails(props, { headingTag = 'p', headingId, supportCount = true } = {}) {
  const supports = supportCount && props.supports > 0 ? h('p', { class: 'pin-supports' }, tn('pin.supports', props.supports)) : null;
  return [
    h(headingTag, { class: 'pin-category', id: headingId },
      categoryMark(props.category), label('category', props.category)),
    subtagList(props.subtags),
    pinText(props.text, { deleted: props.textDeleted }),
    photoList(props.photos),
    h('p', { class: 'pin-date' }, t('pin.submitted', { date: formatDate(props.createdAt) })),
    pinStatus(props.status),
    supports,
    replyList(props.replies),
  ];
}

/** Newest first, like a notice board. */
export function newestFirst(a, b) {
  return String(b.properties.createdAt).localeCompare(String(a.properties.createdAt)) || b.id - a.id;
}

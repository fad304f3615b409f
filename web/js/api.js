// Fetch helpers for the public API. Failures become ApiError with the RFC 9457 problem body
// (status, title, detail, code, errors[]) so that pages can put each fault next to its field.
import { addLabels, currentLanguage } from './i18n.js';
import { contentLanguage, rememberLabelLangs } from './content-lang.js';

export class ApiError extends Error {
  constructor(status, problem, network = false) {
    super(problem?.detail || problem?.title || (network ? 'network' : `HTTP ${status}`));
    this.status = status;
    this.problem = problem || {};
    this.network = network;
    this.code = this.problem.code || (network ? 'network' : status >= 500 ? 'internal' : `http.${status}`);
    this.errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/**
 * fetch() that answers the parsed JSON, or throws ApiError: every page's calls go through here.
 * Accept-Language is the page's language, so that a problem's detail and field messages come in it.
 */
export async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {
      ...options,
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), ...options.headers },
    });
  } catch (e) {
    if (e?.name === 'AbortError') throw e; // the caller gave up on it; not a network fault
    throw new ApiError(0, null, true);
  }
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      // the connection broke mid-answer: we cannot tell what happened, so treat it as offline
      throw new ApiError(response.status, null, true);
    }
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

const enc = encodeURIComponent;

/** A dialogue's own sub-tag labels become known to label('subtag', code) on every page. */
function subtagLabels(dialogue) {
  addLabels('subtag', dialogue?.subtagLabels);
  rememberLabelLangs('subtag', dialogue?.subtagLabelLangs);
  return dialogue;
}

export const api = {
  site: () => request('/api/v1/site'),
  dialogues: () => request(`/api/v1/dialogues?lang=${enc(contentLanguage())}`).then((list) => {
    list.forEach(subtagLabels);
    return list;
  }),
  dialogue: (ref) => request(`/api/v1/dialogues/${enc(ref)}?lang=${enc(contentLanguage())}`).then(subtagLabels),
  pins: (ref) => request(`/api/v1/dialogues/${enc(ref)}/pins`),
  report: (ref) => request(`/api/v1/dialogues/${enc(ref)}/report`),
  pin: (id) => request(`/api/v1/pins/${enc(id)}`),
  /** A page of the published pins in a view, newest first; before: the last id already shown. */
  pinsPage: (ref, { bbox, categories, before, limit = 50 }) => request(`/api/v1/dialogues/${enc(ref)}/pins/page?${
    new URLSearchParams(Object.entries({ bbox, category: categories?.join(','), before, limit })
      .filter(([, v]) => v !== undefined && v !== null && v !== ''))}`),
  shapesInView: (ref, { bbox, zoom, categories, limit }, signal) => request(`/api/v1/dialogues/${enc(ref)}/shapes?${
    new URLSearchParams(Object.entries({ bbox, zoom, category: categories?.join(','), limit })
      .filter(([, v]) => v !== undefined && v !== null && v !== ''))}`, { signal }),
  pinTileUrl: (ref, z, x, y, categories) => `/api/v1/dialogues/${enc(ref)}/pins/tiles/${z}/${x}/${y}${
    categories?.length ? `?category=${encodeURIComponent(categories.join(','))}` : ''}`,
  submitPin: (ref, body, idempotencyKey) => request(`/api/v1/dialogues/${enc(ref)}/pins`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  }),
  /** Published pins of the category near a place ("me too" while pinning); signal aborts a stale ask. */
  nearby: (ref, { lon, lat }, category, signal) => request(`/api/v1/dialogues/${enc(ref)}/pins/nearby?${
    new URLSearchParams({ lon: String(lon), lat: String(lat), category })}`, { signal }),
  support: (pinId, receipt) => request(`/api/v1/pins/${enc(pinId)}/supports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(receipt ? { receipt } : {}),
  }),
  // The receipt token travels in a header, never in the path (paths end up in access logs).
  receipt: (token) => request('/api/v1/receipt', { headers: { 'X-Receipt-Token': token } }),
  deleteOwnPin: (token, pinId) => request(`/api/v1/receipt/pins/${enc(pinId)}`,
    { method: 'DELETE', headers: { 'X-Receipt-Token': token } }),
};

// The receipt token groups one person's pins; kept on this device only.
const RECEIPT_KEY = 'dialogkarta.receipt';

export function savedReceipt() {
  try {
    return localStorage.getItem(RECEIPT_KEY) || null;
  } catch {
    return null;
  }
}

export function saveReceipt(token) {
  try {
    localStorage.setItem(RECEIPT_KEY, token);
  } catch {
    // private mode: the link on screen is then the only copy, which the page says
  }
}

export function receiptUrl(token) {
  return new URL(`/kvitto#${token}`, location.origin).href;
}

// The analysis API's reads for the analysis map. They go through request() like every staff
// call, but each can be called off (AbortSignal): when the filters change, the answer for the old
// filters is no longer wanted and must not be drawn over the new one.
import { request } from './api.js';
import { toSignIn, errorText } from './staff.js';
import { t, tn, formatNumber } from './i18n.js';

/** GET of an analysis path; a 401 (session ended) goes to the sign-in page and never settles. */
export async function analysisGet(path, query, signal) {
  const q = query?.toString();
  try {
    return await request(q ? `${path}?${q}` : path, { signal, headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  } catch (e) {
    if (e?.status === 401) {
      toSignIn();
      return new Promise(() => {});
    }
    throw e;
  }
}

/**
 * A count of an analysis answer. Narrowed to a profile group, counts under 5 come as null with
 * "masked" (analysis.api.ProfileDisclosure): they read "fewer than 5", never 0.
 */
export function countText(n) {
  return n === null ? t('analysis.masked') : formatNumber(n ?? 0);
}

/**
 * key.one / key.other for a count, a masked count (null: fewer than five) in the plural form
 * ("färre än 5 synpunkter").
 */
export function countTn(key, n, vars = {}) {
  return n === null ? t(`${key}.other`, { ...vars, n: t('analysis.masked') }) : tn(key, n ?? 0, vars);
}

export function isAbort(e) {
  return e?.name === 'AbortError';
}

/** A missing endpoint (not yet deployed) reads as "not available", not as a failure. */
export function problemText(e) {
  if ((e?.status === 404 && e.code === 'http.404') || e?.status === 405) return t('analysis.layer.unavailable');
  return errorText(e);
}

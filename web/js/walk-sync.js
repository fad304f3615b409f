// Sends what waits in the walk outbox (walk-store.js): each pin, then its photo with the pin's
// receipt, then the recorded route. Runs on load, when the phone comes online, every half minute,
// and right after a pin is saved. A network error, a 5xx, 408 or 429 is tried again later with a
// growing pause; any other 4xx is final for that item: it is marked failed with the reason and
// stays visible. Every request carries the item's own Idempotency-Key, made once and stored, so
// a retry after a lost answer can never make a second pin, photo or track.
import { api, ApiError, request, savedReceipt, saveReceipt } from './api.js';
import { pinsOf, updatePin, tracksOf, updateTrack } from './walk-store.js';

const PERIOD_MS = 30_000;
const MAX_PAUSE_MS = 5 * 60_000;

/** Whether an answer may change if the same request is sent again later. */
export function isRetryable(error) {
  return error.network || error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** The pause before try number attempts + 1: 5 s, 10 s, 20 s … at most 5 min, with jitter. */
export function pauseAfter(attempts) {
  const base = Math.min(MAX_PAUSE_MS, 5000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

function failure(e) {
  return { status: e.status || 0, code: e.code || null, detail: e.problem?.detail || e.problem?.title || null, errors: e.errors || [] };
}

function post(path, { headers, body }) {
  return request(path, { method: 'POST', headers, body });
}

/** opts: walkId, dialogueId, onChange() after anything changed state, isOpen() for the walk. */
export function createSync(opts) {
  let running = null;
  let again = false;
  let againForced = false;
  let timer = null;

  /** The receipt to gather this walk's pins under: the browser's own, else one from this walk. */
  function receiptFor(records) {
    return savedReceipt() || records.find((r) => r.receipt)?.receipt || null;
  }

  async function sendPin(record, records) {
    if (!record.frozen) {
      // The body is fixed before the first try and never changes after, so every retry is the
      // same request; a different body under the same key would be refused as a reused key.
      const receipt = receiptFor(records);
      record = await updatePin(record.key, (r) => {
        if (receipt) r.body.receipt = receipt;
        r.frozen = true;
      });
    }
    try {
      const answer = await api.submitPin(record.dialogueId, record.body, record.key);
      saveReceipt(answer.receipt);
      return updatePin(record.key, (r) => {
        Object.assign(r, { state: 'sent', pinId: answer.id, receipt: answer.receipt, sentAt: new Date().toISOString(), error: null });
      });
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, null, true);
      await updatePin(record.key, (r) => {
        r.attempts = (r.attempts || 0) + 1;
        if (isRetryable(e)) {
          r.nextTryAt = Date.now() + pauseAfter(r.attempts);
          r.lastError = failure(e);
        } else {
          r.state = 'failed';
          r.error = failure(e);
        }
      });
      if (e.network) throw e; // offline: stop this round, the rest would fail the same way
      return null;
    }
  }

  async function sendPhoto(record) {
    const { photo } = record;
    const form = new FormData();
    form.append('photo', photo.blob, photo.name || (photo.blob.type === 'image/png' ? 'photo.png' : 'photo.jpg'));
    try {
      const answer = await post(`/api/v1/pins/${encodeURIComponent(record.pinId)}/photos`, {
        headers: { 'X-Receipt-Token': record.receipt, 'Idempotency-Key': photo.key },
        body: form,
      });
      await updatePin(record.key, (r) => {
        Object.assign(r.photo, { state: 'sent', blob: null, photoId: answer?.id ?? null, error: null });
      });
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, null, true);
      await updatePin(record.key, (r) => {
        r.photo.attempts = (r.photo.attempts || 0) + 1;
        if (isRetryable(e)) {
          r.photo.nextTryAt = Date.now() + pauseAfter(r.photo.attempts);
        } else {
          Object.assign(r.photo, { state: 'failed', error: failure(e) });
        }
      });
      if (e.network) throw e;
    }
  }

  async function sendTrack(track) {
    try {
      const answer = await post(`/api/v1/walks/${encodeURIComponent(opts.walkId)}/tracks`, {
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': track.key },
        body: JSON.stringify({ points: track.points }),
      });
      await updateTrack(track.key, (t) => Object.assign(t, { state: 'sent', kept: answer?.kept ?? null, dropped: answer?.dropped ?? null, error: null }));
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, null, true);
      await updateTrack(track.key, (t) => {
        t.attempts += 1;
        if (isRetryable(e)) t.nextTryAt = Date.now() + pauseAfter(t.attempts);
        else Object.assign(t, { state: 'failed', error: failure(e) });
      });
      if (e.network) throw e;
    }
  }

  const due = (item, force) => force || !item.nextTryAt || item.nextTryAt <= Date.now();

  /** Sends what is due; returns when the next item waiting will be due (ms since epoch). */
  async function round(force) {
    const records = await pinsOf(opts.walkId);
    // In the order they were made, so that the server numbers the stops the way they were walked.
    for (const record of records) {
      let current = record;
      if (current.state === 'waiting' && due(current, force)) {
        current = await sendPin(current, records);
        opts.onChange();
        if (!current) continue;
        records[records.findIndex((r) => r.key === current.key)] = current;
      }
      if (current.state === 'sent' && current.photo?.state === 'waiting' && due(current.photo, force)) {
        await sendPhoto(current);
        opts.onChange();
      }
    }
    for (const track of await tracksOf(opts.walkId)) {
      if (track.state === 'waiting' && due(track, force)) {
        await sendTrack(track);
        opts.onChange();
      }
    }
    const waiting = [...(await pinsOf(opts.walkId)).flatMap((r) => [r.state === 'waiting' ? r : null, r.state === 'sent' && r.photo?.state === 'waiting' ? r.photo : null]),
      ...(await tracksOf(opts.walkId)).filter((tr) => tr.state === 'waiting')].filter(Boolean);
    return Math.min(Infinity, ...waiting.map((item) => item.nextTryAt || 0));
  }

  /** One round at a time; a call during a round asks for another round after it. */
  async function run({ force = false } = {}) {
    if (running) {
      again = true;
      againForced ||= force;
      return running;
    }
    clearTimeout(timer);
    let next = Infinity;
    const work = async () => {
      let forced = force;
      do {
        again = false;
        try {
          next = await round(forced);
        } catch {
          next = Infinity;
          break; // offline: wait for the "online" event or the next period
        }
        forced = againForced;
        againForced = false;
      } while (again);
    };
    // Two tabs of the same walk must not send the same pins side by side (the keys would keep it
    // to one pin each, but the counts would jump); the lock makes the second tab wait its turn.
    running = (navigator.locks ? navigator.locks.request(`dialogkarta-walk-${opts.walkId}`, work) : work())
      .finally(() => {
        running = null;
        // Back when the next retry is due, and at least every period (a pin saved in another tab).
        timer = setTimeout(() => run(), Math.max(1000, Math.min(PERIOD_MS, next - Date.now())));
      });
    return running;
  }

  window.addEventListener('online', () => run({ force: true }));
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') run(); });
  return { run };
}

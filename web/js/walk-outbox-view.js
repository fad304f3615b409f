// What the participant sees of the outbox: how many pins wait (#walk-queued) and how many are
// sent (#walk-sent), the ones that failed with the reason (kept visible, with "try again"), what
// the sync is doing, the recorded route's state and the receipt link to follow the pins.
import { h } from './dom.js';
import { t, tn, has, label, formatNumber } from './i18n.js';
import { categoryMark } from './pins.js';

const $ = (id) => document.getElementById(id);

const photoWaits = (r) => r.state === 'sent' && r.photo?.state === 'waiting';
export const isQueued = (r) => r.state === 'waiting' || photoWaits(r);

export function counts(records) {
  return {
    queued: records.filter(isQueued).length,
    sent: records.filter((r) => r.state === 'sent' && !photoWaits(r)).length,
    failed: records.filter((r) => r.state === 'failed').length,
  };
}

/** The reason of a final refusal, in the participant's words where the bundles know the code. */
export function reasonText(error) {
  const code = error?.code || error?.errors?.[0]?.code;
  for (const key of [`walk.error.${code}`, `error.${code}`]) {
    if (code && has(key)) return t(key, { max: formatNumber(2000) });
  }
  const field = error?.errors?.find((f) => has(`error.${f.code}`));
  if (field) return t(`error.${field.code}`, { max: formatNumber(2000) });
  return error?.detail || t('walk.error.http', { status: error?.status ?? '?' });
}

function failedItem(record, number, onRetry) {
  const pinFailed = record.state === 'failed';
  const reason = pinFailed ? reasonText(record.error) : reasonText(record.photo.error);
  return h('li', { class: 'walk-failed__item', 'data-key': record.key },
    h('p', { class: 'walk-failed__what' }, categoryMark(record.body.category),
      t('walk.failed.what', { n: number, category: label('category', record.body.category) }),
      ' – ', h('strong', {}, t(pinFailed ? 'walk.failed.pin' : 'walk.failed.photo'))),
    record.body.text ? h('p', { class: 'user-text walk-failed__text' }, record.body.text) : null,
    h('p', { class: 'walk-failed__reason' }, reason),
    pinFailed ? h('button', { type: 'button', class: 'walk-small-button', i18n: 'walk.failed.retry', onclick: () => onRetry(record) }) : null);
}

/** state: {records, tracks, online, syncing}; onRetry(record). */
export function renderOutbox(state, onRetry) {
  const { records } = state;
  const c = counts(records);
  $('walk-queued').textContent = String(c.queued);
  $('walk-sent').textContent = String(c.sent);

  const numbers = new Map(records.map((r, i) => [r.key, i + 1]));
  const problems = records.filter((r) => r.state === 'failed' || (r.state === 'sent' && r.photo?.state === 'failed'));
  $('walk-failed').replaceChildren(...problems.map((r) => failedItem(r, numbers.get(r.key), onRetry)));

  const tracksWaiting = state.tracks.filter((tr) => tr.state === 'waiting').length;
  let key;
  let vars;
  let count; // set for a key with plural forms
  if (!records.length && !tracksWaiting) key = 'walk.sync.empty';
  else if (c.queued || tracksWaiting) {
    key = state.online ? 'walk.sync.sending' : 'walk.sync.offline';
    vars = { n: formatNumber(c.queued + tracksWaiting) };
    if (!state.online) count = c.queued + tracksWaiting;
  } else key = c.failed ? 'walk.sync.doneFailed' : 'walk.sync.done';
  const status = $('walk-sync-status');
  status.dataset.i18n = key;
  if (vars) status.dataset.i18nVars = JSON.stringify(vars); else delete status.dataset.i18nVars;
  if (count !== undefined) status.dataset.i18nCount = String(count); else delete status.dataset.i18nCount;
  status.textContent = count === undefined ? t(key, vars) : tn(key, count);
  $('walk-send-now').hidden = !(c.queued || tracksWaiting);

  const receipt = [...records].reverse().find((r) => r.receipt)?.receipt;
  $('walk-receipt').hidden = !receipt;
  if (receipt) $('walk-receipt-link').href = `/kvitto#${receipt}`;
}

/** The route's line: recording or not, points kept on the phone, tracks sent or failed. */
export function renderTrack({ recording, points, tracks }) {
  $('walk-track-toggle').checked = recording;
  const sent = tracks.filter((tr) => tr.state === 'sent');
  const failed = tracks.filter((tr) => tr.state === 'failed');
  const waiting = tracks.filter((tr) => tr.state === 'waiting');
  const parts = [];
  if (recording) parts.push(tn('walk.track.recording', points));
  else if (points) parts.push(tn('walk.track.kept', points));
  if (waiting.length) parts.push(t('walk.track.waiting'));
  if (sent.length) {
    const kept = sent.reduce((s, tr) => s + (tr.kept || 0), 0);
    const dropped = sent.reduce((s, tr) => s + (tr.dropped || 0), 0);
    parts.push(tn(dropped ? 'walk.track.sentDropped' : 'walk.track.sent', kept, { dropped: formatNumber(dropped) }));
  }
  if (failed.length) parts.push(t('walk.track.failed', { reason: reasonText(failed[failed.length - 1].error) }));
  $('walk-track-status').textContent = parts.join(' ');
}

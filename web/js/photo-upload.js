// Sending the pin's photo after the pin itself is saved (201), with progress. The pin never
// depends on the photo: when the photo fails, the confirmation says the comment is saved and
// offers to send the photo again, never the pin.
import { t, has } from './i18n.js';
import { ApiError } from './api.js';
import { photoErrorText } from './photo-field.js';

const $ = (id) => document.getElementById(id);

/** POST /api/v1/pins/{id}/photos as multipart; XMLHttpRequest because fetch has no upload progress. */
export function uploadPhoto(pinId, receipt, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/pins/${encodeURIComponent(pinId)}/photos`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Receipt-Token', receipt);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body;
      try {
        body = JSON.parse(xhr.responseText || 'null');
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, null, true)));
    xhr.addEventListener('abort', () => reject(new ApiError(0, null, true)));
    const data = new FormData();
    data.append('photo', file, file.name || 'photo.jpg');
    xhr.send(data);
  });
}

/** Faults that sending the same file again can mend (a dropped line, a hiccup on the server). */
function retryable(e) {
  return e.network || e.status >= 500 || e.status === 429 || e.code === 'photo.unreadable';
}

function reasonOf(e) {
  if (e.network) return t('citizen.photo.network');
  if (has(`error.${e.code}`)) return e.code.startsWith('photo.') ? photoErrorText(e.code) : t(`error.${e.code}`);
  return t('citizen.photo.failedGeneric');
}

/** The photo part of the confirmation. onUploaded(pinId, photo) when the server has it. */
export function createPhotoUpload({ onUploaded }) {
  const box = $('photo-upload');
  const status = $('photo-upload-status');
  const progress = $('photo-progress');
  const error = $('photo-upload-error');
  const retry = $('photo-retry');
  let job = null; // { pinId, receipt, file }
  let run = 0;

  function say(key, vars) {
    status.dataset.i18n = key;
    if (vars) status.dataset.i18nVars = JSON.stringify(vars); else delete status.dataset.i18nVars;
    status.textContent = t(key, vars);
  }

  async function send() {
    const mine = ++run;
    const current = job;
    box.hidden = false;
    box.setAttribute('aria-busy', 'true');
    retry.hidden = true;
    error.textContent = '';
    progress.hidden = false;
    progress.value = 0;
    say('citizen.photo.sending');
    try {
      const photo = await uploadPhoto(current.pinId, current.receipt, current.file, (share) => {
        if (mine !== run) return;
        progress.value = Math.round(share * 100); // the bar only: text here would be read out at every step
      });
      onUploaded?.(current.pinId, photo); // also when the citizen has moved on meanwhile
      if (mine !== run) return;
      progress.value = 100;
      progress.hidden = true;
      say('citizen.photo.sent');
      job = null;
    } catch (err) {
      if (mine !== run) return;
      const e = err instanceof ApiError ? err : new ApiError(0, null, true);
      progress.hidden = true;
      say('citizen.photo.failedSaved');
      error.textContent = reasonOf(e);
      retry.hidden = !retryable(e);
    } finally {
      if (mine === run) box.removeAttribute('aria-busy');
    }
  }

  retry.addEventListener('click', () => {
    if (!job) return;
    send();
    status.focus(); // the retry button hides itself while sending
  });

  return {
    start(pinId, receipt, file) {
      job = { pinId, receipt, file };
      send();
    },
    /** Hides the part; a send still running finishes, but no longer speaks. */
    reset() {
      run += 1;
      job = null;
      box.hidden = true;
      box.removeAttribute('aria-busy');
      error.textContent = '';
      status.textContent = '';
      delete status.dataset.i18n;
      retry.hidden = true;
    },
  };
}

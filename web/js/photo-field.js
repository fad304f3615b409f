// The optional photo in the pin form: chosen (or taken with the camera), checked here for size and
// format before anything is sent, and previewed. The server checks everything again, re-encodes
// the picture and strips its metadata (GPS position included); the form says so.
import { t, formatNumber } from './i18n.js';

const $ = (id) => document.getElementById(id);
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const OTHER_IMAGE = /^image\/(heic|heif|webp|gif|avif|tiff|bmp)$|\.(heic|heif|webp|gif|avif|tiff?|bmp)$/i;

/** The file's first bytes say what it is, whatever its name or type claims. */
async function sniff(file) {
  const b = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  return null;
}

/** The error code for a file that cannot be sent, as the server would name it; null when fine. */
export async function photoProblem(file) {
  if (!file || file.size === 0) return 'photo.missing';
  if (file.size > PHOTO_MAX_BYTES) return 'photo.too_large';
  let kind;
  try {
    kind = await sniff(file);
  } catch {
    return 'photo.unreadable';
  }
  if (kind) return null;
  return OTHER_IMAGE.test(file.type) || OTHER_IMAGE.test(file.name) ? 'photo.unsupported_format' : 'photo.not_image';
}

export function photoErrorText(code) {
  return t(`error.${code}`, { max: formatNumber(PHOTO_MAX_BYTES / 1024 / 1024) });
}

export function createPhotoField() {
  const input = $('pin-photo');
  const preview = $('pin-photo-preview');
  const img = $('pin-photo-img');
  const error = $('error-photo');
  let file = null;
  let url = null;
  let checking = Promise.resolve();

  function setError(code) {
    error.textContent = code ? `${photoErrorText(code)} ${t('citizen.photo.chooseOther')}` : '';
    if (code) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  }

  function show(next) {
    if (url) URL.revokeObjectURL(url);
    url = null;
    file = next;
    preview.hidden = !next;
    if (next) {
      url = URL.createObjectURL(next);
      img.src = url;
    } else {
      img.removeAttribute('src');
    }
  }

  input.addEventListener('change', () => {
    const chosen = input.files?.[0] || null;
    setError(null);
    if (!chosen) {
      show(null);
      return;
    }
    checking = photoProblem(chosen).then((code) => {
      if (input.files?.[0] !== chosen) return; // another file was chosen meanwhile
      if (code) {
        input.value = '';
        show(null);
        setError(code);
      } else {
        show(chosen);
      }
    });
  });

  $('pin-photo-remove').addEventListener('click', () => {
    input.value = '';
    show(null);
    setError(null);
    input.focus();
  });

  return {
    /** The checked photo to send after the pin, or null; waits for a check still running. */
    async file() {
      await checking;
      return file;
    },
    reset() {
      input.value = '';
      show(null);
      setError(null);
    },
  };
}

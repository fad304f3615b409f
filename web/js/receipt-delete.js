// "Delete my comment" asks first, in a modal <dialog>: focus starts on Cancel (the safe choice),
// Escape cancels, and focus returns to the button that opened it. Deleting cannot be undone.
import { t, has } from './i18n.js';
import { ApiError } from './api.js';

const $ = (id) => document.getElementById(id);

/** remove(pin) does the deletion and throws ApiError; done(pin) runs after the dialog closed. */
export function createDeleteDialog({ remove, done }) {
  const dialog = $('delete-dialog');
  const confirm = $('delete-confirm');
  const error = $('delete-error');
  let current = null;

  function busy(on) {
    confirm.disabled = on;
    confirm.setAttribute('aria-busy', String(on));
    dialog.classList.toggle('is-sending', on);
  }

  confirm.addEventListener('click', async () => {
    if (!current || confirm.disabled) return;
    const pin = current;
    busy(true);
    error.textContent = '';
    try {
      await remove(pin);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, null, true);
      if (e.status !== 404) { // 404: it is gone already, which is what was asked
        busy(false);
        error.textContent = t(e.network ? 'receipt.delete.network' : has(`error.${e.code}`) ? `error.${e.code}` : 'receipt.delete.failed');
        return;
      }
    }
    busy(false);
    current = null;
    dialog.close('deleted');
    done(pin);
  });
  $('delete-cancel').addEventListener('click', () => dialog.close('cancel'));
  dialog.addEventListener('close', () => {
    current = null;
    busy(false);
  });

  return {
    open(pin, excerpt) {
      current = pin;
      error.textContent = '';
      const shown = $('delete-dialog-pin');
      shown.textContent = excerpt || '';
      shown.hidden = !excerpt;
      busy(false);
      dialog.showModal();
      $('delete-cancel').focus();
    },
  };
}

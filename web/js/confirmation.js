// The confirmation after a pin or a "me too": thanks, what happens next (shown at once, or after
// review when the dialogue is pre-moderated), the private receipt link, and the pin's photo
// being sent.
import { announce, h, fill } from './dom.js';
import { t } from './i18n.js';
import { receiptUrl } from './api.js';
import { showReceiptLink } from './page.js';
import { createPhotoUpload } from './photo-upload.js';
import { receiptFollowForm } from './follow-form.js';

const $ = (id) => document.getElementById(id);

function setKey(id, key) {
  const el = $(id);
  el.dataset.i18n = key;
  el.textContent = t(key);
}

async function copyReceipt() {
  try {
    await navigator.clipboard.writeText($('receipt-link').href);
    announce($('copy-status'), t('confirm.copied'));
  } catch {
    getSelection().selectAllChildren($('receipt-link'));
    announce($('copy-status'), t('confirm.copyFailed'));
  }
}

/** opts: onAgain() for "leave another comment", onPhotoUploaded(pinId, photo). */
export function createConfirmation(opts) {
  const photo = createPhotoUpload({ onUploaded: opts.onPhotoUploaded });
  // Updates by e-mail on this receipt's pins, opt-in (follow-form.js).
  const follow = h('div', { id: 'confirm-follow', class: 'confirm-follow' });
  $('pin-again').before(follow);
  $('copy-receipt').addEventListener('click', copyReceipt);
  $('pin-again').addEventListener('click', () => {
    photo.reset();
    opts.onAgain();
  });

  return {
    /**
     * kind 'pin' or 'support'; pending: the pin waits for review before anyone else sees it;
     * photoFile: sent now, after the pin was saved.
     */
    show({ kind, receipt, pending = false, pinId = null, photoFile = null }) {
      setKey('confirm-heading', kind === 'support' ? 'citizen.confirm.supportHeading' : 'confirm.heading');
      setKey('confirm-text', kind === 'support' ? 'citizen.confirm.supportText'
        : pending ? 'citizen.confirm.textPending' : 'confirm.text');
      const link = $('receipt-link');
      link.href = `/kvitto#${receipt}`;
      link.textContent = receiptUrl(receipt);
      $('copy-status').textContent = '';
      showReceiptLink();
      fill(follow, receiptFollowForm(() => receipt));
      photo.reset();
      if (photoFile && pinId != null) photo.start(pinId, receipt, photoFile);
    },
  };
}

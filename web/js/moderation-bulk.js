// What staff do with several ticked pins at once: approve them (moderator and up), answer them
// all with one public reply and optionally one new status (planner and up), or merge duplicates
// into the one pin to keep. Pins ticked by drawing an area are answered by the area itself, so
// the server decides which pins lie in it (also those not loaded into the list).
import { h } from './dom.js';
import { t, tn, label } from './i18n.js';
import { staffApi, can, errorText } from './staff.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';
import { STATUSES, departmentOptions } from './moderation-common.js';
import { replyLanguageField, chosenReplyLanguage } from './reply-language.js';

const $ = (id) => document.getElementById(id);

function short(pin) {
  const text = String(pin.text ?? '').replace(/\s+/g, ' ').trim();
  return `#${pin.id} ${label('category', pin.category)}: ${text.length > 50 ? `${text.slice(0, 49)}…` : text}`;
}

/**
 * opts: selection() → { ids, mode: 'list'|'area', area, dialogueId, pins (the ticked pins that
 * are loaded, in list order) }; departments(); onDone({ message, open }) after a change;
 * onError(text).
 */
export function createBulk(opts) {
  const replyFields = {
    text: { input: 'bulk-reply-text', error: 'bulk-reply-error' },
    status: { input: 'bulk-status-select', error: 'bulk-reply-error' },
    departmentId: { input: 'bulk-department-select', error: 'bulk-reply-error' },
    pinIds: { error: 'bulk-reply-error' },
    area: { error: 'bulk-reply-error' },
    dialogue: { error: 'bulk-reply-error' },
    language: { input: 'bulk-reply-language', error: 'bulk-reply-language-error' },
  };
  // The reply's language, after the text (Swedish unless chosen).
  if (!$('bulk-reply-language')) $('bulk-reply-text').closest('.field').after(replyLanguageField('bulk-reply-language'));
  const mergeFields = { into: { input: 'merge-keep', error: 'merge-error' }, duplicates: { error: 'merge-error' } };

  function fillMenus() {
    const status = $('bulk-status-select');
    const keepStatus = status.value;
    status.replaceChildren(h('option', { value: '', i18n: 'staff.bulk.status.keep' }),
      ...STATUSES.map((s) => h('option', { value: s }, label('pinStatus', s))));
    status.value = keepStatus;
    const department = $('bulk-department-select');
    const keepDepartment = department.value;
    department.replaceChildren(...departmentOptions(opts.departments(), null, 'staff.department.keep'));
    department.disabled = opts.departments() == null;
    department.value = keepDepartment;
    if (department.selectedIndex < 0) department.value = '';
  }

  async function approveAll(e) {
    const { pins } = opts.selection();
    const waiting = pins.filter((p) => p.moderationState !== 'published');
    let done = 0;
    let failed = null;
    await busy(e.currentTarget, async () => {
      for (const pin of waiting) {
        try {
          await staffApi(`/api/v1/staff/moderation/pins/${pin.id}/approve`, { method: 'POST' });
          done += 1;
        } catch (err) {
          failed = err;
        }
      }
    });
    const message = [tn('staff.done.bulkApproved', done)];
    if (failed) message.push(t('staff.bulk.approveFailed', { n: waiting.length - done, reason: errorText(failed) }));
    opts.onDone({ message: message.join(' '), error: !!failed });
  }

  async function reply(e) {
    e.preventDefault();
    clearErrors(replyFields, 'bulk-reply-error');
    const sel = opts.selection();
    const text = $('bulk-reply-text').value;
    if (!text.trim() && await forwardOnly(sel)) return;
    if (!text.trim()) {
      showErrors({ errors: [{ field: 'text', code: 'reply.blank' }] }, replyFields);
      $('bulk-reply-text').focus();
      return;
    }
    const body = sel.mode === 'area'
      ? { area: sel.area, dialogue: String(sel.dialogueId), text, language: chosenReplyLanguage('bulk-reply-language') }
      : { pinIds: sel.ids, text, language: chosenReplyLanguage('bulk-reply-language') };
    if ($('bulk-status-select').value) body.status = $('bulk-status-select').value;
    if ($('bulk-department-select').value) body.departmentId = Number($('bulk-department-select').value);
    try {
      const answer = await busy($('bulk-reply-button'), () => staffApi('/api/v1/staff/pins/replies', { method: 'POST', body }));
      $('bulk-reply-text').value = '';
      $('bulk-reply-language').value = 'sv';
      $('bulk-status-select').value = '';
      $('bulk-department-select').value = '';
      const n = answer?.pinIds?.length ?? sel.ids.length;
      opts.onDone({ message: tn('staff.done.bulkReply', n), clear: true });
    } catch (err) {
      showErrors(err, replyFields, 'bulk-reply-error')?.focus?.();
    }
  }

  /**
   * Forwarded to a department with no reply text: the pins go to it in one forwarding (one
   * message with all of them); true when that was asked for, whatever the outcome.
   */
  async function forwardOnly(sel) {
    if ($('bulk-status-select').value !== 'forwarded' || !$('bulk-department-select').value || sel.mode === 'area') return false;
    try {
      await busy($('bulk-reply-button'), () => staffApi('/api/v1/staff/forwardings', { method: 'POST',
        body: { pinIds: sel.ids, departmentId: Number($('bulk-department-select').value) } }));
      $('bulk-status-select').value = '';
      $('bulk-department-select').value = '';
      opts.onDone({ message: tn('staff.done.bulkForwarded', sel.ids.length), clear: true });
    } catch (err) {
      showErrors(err, replyFields, 'bulk-reply-error')?.focus?.();
    }
    return true;
  }

  async function merge(e) {
    e.preventDefault();
    clearErrors(mergeFields, 'merge-error');
    const into = Number($('merge-keep').value);
    const duplicates = opts.selection().ids.filter((id) => id !== into);
    try {
      await busy($('merge-button'), () => staffApi('/api/v1/staff/pins/merge', { method: 'POST', body: { into, duplicates } }));
      opts.onDone({ message: tn('staff.done.merged', duplicates.length, { id: into }), clear: true, open: into });
    } catch (err) {
      showErrors(err, mergeFields, 'merge-error')?.focus?.();
    }
  }

  $('bulk-approve-button').addEventListener('click', approveAll);
  $('bulk-reply-form').addEventListener('submit', reply);
  $('merge-form').addEventListener('submit', merge);

  function update() {
    const sel = opts.selection();
    const n = sel.ids.length;
    $('bulk-panel').hidden = n === 0;
    if (!n) return;
    $('bulk-heading').textContent = tn('staff.bulk.heading', n);
    $('bulk-approve-button').hidden = !sel.pins.some((p) => p.moderationState !== 'published');
    const planner = can('planner');
    $('bulk-nothing').hidden = planner || !$('bulk-approve-button').hidden;
    $('bulk-reply-form').hidden = !planner;
    $('merge-form').hidden = !planner || n < 2;
    if (planner) {
      fillMenus();
      const keep = $('merge-keep');
      const chosen = keep.value;
      keep.replaceChildren(...sel.pins.map((p) => h('option', { value: String(p.id) }, short(p))));
      if (sel.pins.some((p) => String(p.id) === chosen)) keep.value = chosen;
    }
  }

  return { update, refreshLanguage: update };
}

// The side panel for a clicked cluster or hexagon: its pins (GET /api/v1/analysis/pins?ids=...)
// and, for planners, the planner workspace's bulk reply (POST /api/v1/staff/pins/replies) to all
// of them at once, with an optional new status. GIS staff see the pins but not the reply.
import { h } from './dom.js';
import { t, tn, label, formatNumber } from './i18n.js';
import { staffApi, can } from './staff.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';
import { STATUSES } from './moderation-common.js';
import { replyLanguageField, chosenReplyLanguage } from './reply-language.js';
import { analysisGet, isAbort, problemText } from './analysis-api.js';
import { pinSummary } from './analysis-layer-pins.js';

const $ = (id) => document.getElementById(id);
const LIST_MAX = 2000; // what the pins endpoint takes in one ask
const REPLY_MAX = 1000; // what one bulk reply takes (moderation.PinSelection.MAX_PINS)

/** opts: onReplied(message) after a reply went out. */
export function createSelection(opts) {
  let current = null;
  let controller = null;
  const fields = {
    text: { input: 'selection-reply-text', error: 'selection-reply-error' },
    status: { input: 'selection-reply-status', error: 'selection-reply-error' },
    pinIds: { error: 'selection-reply-error' },
    language: { input: 'selection-reply-language', error: 'selection-reply-language-error' },
  };
  // The reply's language, after the text (Swedish unless chosen).
  if ($('selection-reply-text') && !$('selection-reply-language')) {
    $('selection-reply-text').closest('.field').after(replyLanguageField('selection-reply-language'));
  }

  function fillStatus() {
    const select = $('selection-reply-status');
    const keep = select.value;
    select.replaceChildren(h('option', { value: '', i18n: 'staff.bulk.status.keep' }),
      ...STATUSES.map((s) => h('option', { value: s }, label('pinStatus', s))));
    select.value = keep;
  }

  function renderHead() {
    $('selection-heading').textContent = current.title;
    $('selection-summary').textContent = current.detail || '';
    const n = current.pinIds.length;
    const reply = $('selection-reply');
    reply.hidden = !can('planner') || n === 0;
    $('selection-reply-hint').textContent = n > REPLY_MAX
      ? t('analysis.reply.tooMany', { max: formatNumber(REPLY_MAX) })
      : tn('analysis.reply.hint', n);
    $('selection-reply-send').disabled = n > REPLY_MAX;
    fillStatus();
  }

  function renderPins(features) {
    $('selection-pins').replaceChildren(...features.map((f) => h('li', { class: `selection-pin selection-pin--${f.properties.category}` },
      ...pinSummary(f.properties))));
  }

  async function open(selection) {
    current = { ...selection, pinIds: [...new Set(selection.pinIds)] };
    const panel = $('selection');
    panel.hidden = false;
    clearErrors(fields, 'selection-reply-error');
    renderHead();
    $('selection-pins').replaceChildren();
    panel.focus({ preventScroll: false });
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const ids = current.pinIds.slice(0, LIST_MAX);
    if (!ids.length) {
      $('selection-status').textContent = t('analysis.selection.empty');
      return;
    }
    $('selection-status').textContent = t('analysis.selection.loading');
    $('selection-status').classList.add('is-busy');
    panel.setAttribute('aria-busy', 'true');
    try {
      const data = await analysisGet('/api/v1/analysis/pins', new URLSearchParams({ ids: ids.join(','), limit: String(LIST_MAX) }), mine.signal);
      if (mine.signal.aborted) return;
      renderPins(data.features || []);
      $('selection-status').textContent = current.pinIds.length > LIST_MAX
        ? tn('analysis.selection.first', current.pinIds.length, { shown: formatNumber(ids.length) })
        : tn('analysis.pins.count', data.features?.length ?? 0);
      $('selection-status').classList.remove('is-error');
    } catch (e) {
      if (isAbort(e) || mine.signal.aborted) return;
      $('selection-status').textContent = problemText(e);
      $('selection-status').classList.add('is-error');
    } finally {
      if (controller === mine) {
        $('selection-status').classList.remove('is-busy');
        panel.removeAttribute('aria-busy');
      }
    }
  }

  function close() {
    controller?.abort();
    current = null;
    $('selection').hidden = true;
  }

  async function reply(e) {
    e.preventDefault();
    if (!current) return;
    clearErrors(fields, 'selection-reply-error');
    const text = $('selection-reply-text').value;
    if (!text.trim()) {
      showErrors({ errors: [{ field: 'text', code: 'reply.blank' }] }, fields);
      $('selection-reply-text').focus();
      return;
    }
    const body = { pinIds: current.pinIds, text, language: chosenReplyLanguage('selection-reply-language') };
    if ($('selection-reply-status').value) body.status = $('selection-reply-status').value;
    try {
      const answer = await busy($('selection-reply-send'), () => staffApi('/api/v1/staff/pins/replies', { method: 'POST', body }));
      $('selection-reply-text').value = '';
      $('selection-reply-language').value = 'sv';
      $('selection-reply-status').value = '';
      opts.onReplied(tn('staff.done.bulkReply', answer?.pinIds?.length ?? current.pinIds.length));
    } catch (err) {
      showErrors(err, fields, 'selection-reply-error')?.focus?.();
    }
  }

  $('selection-close').addEventListener('click', () => {
    close();
    $('map').focus();
  });
  $('selection').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.target.closest('textarea, select')) $('selection-close').click();
  });
  $('selection-reply').addEventListener('submit', reply);

  return {
    open,
    close,
    refreshLanguage() { if (current) renderHead(); },
  };
}

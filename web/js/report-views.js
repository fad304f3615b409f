// The report's views, a page at a time: all, the ungrouped ones, or one topic's. Each shows its
// number, date, channel, text (or that moderation hid it, with the reason), its topic and the
// position that holds for it and where that comes from; checked views move to a topic together,
// and a view may get a position of its own.
import { staffApi, errorText, fieldErrorText } from './staff.js';
import { h } from './dom.js';
import { t, tn, label, formatDate } from './i18n.js';
import { busy } from './staff-forms.js';
import { forChosenDialogue, reportPath, say, sayError, STALE } from './report-context.js';
import { effectOptions } from './report-topics.js';

const $ = (id) => document.getElementById(id);
const PAGE = 50;

export function reportViews() {
  let topicsOf = () => [];
  let rows = [];
  let total = 0;
  let positionOpen = null;

  function channel(v) {
    return v.category ? label('category', v.category) : label('views.channel', v.channel);
  }

  function stanceText(s) {
    if (!s?.effect) return t('report.page.effect.none');
    return t(`report.page.stance.${s.source}`, { effect: label('report.effect', s.effect) });
  }

  function positionForm(v) {
    const id = v.ref;
    const own = v.own ?? {};
    return h('form', { class: 'staff-form position-form', novalidate: true,
      onsubmit: (e) => { e.preventDefault(); savePosition(v); } },
      h('p', { id: `pos-${id}-error`, class: 'form-error', role: 'alert', tabindex: '-1' }),
      h('div', { class: 'field' },
        h('label', { for: `pos-${id}-effect`, class: 'field-label', i18n: 'report.page.topic.effect' }),
        h('select', { id: `pos-${id}-effect` }, ...effectOptions(own.effect, { none: false }))),
      h('div', { class: 'field' },
        h('label', { for: `pos-${id}-answer`, class: 'field-label', i18n: 'report.page.topic.answer' }),
        h('textarea', { id: `pos-${id}-answer`, rows: '2', maxlength: '4000' }, own.answer ?? '')),
      h('div', { class: 'field' },
        h('label', { for: `pos-${id}-reason`, class: 'field-label', i18n: 'report.page.topic.reason' }),
        h('textarea', { id: `pos-${id}-reason`, rows: '2', maxlength: '2000' }, own.reason ?? '')),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'button button--primary', id: `pos-${id}-save`, i18n: 'report.page.save' }),
        v.own ? h('button', { type: 'button', class: 'button', i18n: 'report.page.position.clear',
          onclick: (e) => clearPosition(v, e.currentTarget) }) : null,
        h('button', { type: 'button', class: 'button', i18n: 'report.page.cancel',
          onclick: () => { positionOpen = null; render(); $(`view-${id}-position`)?.focus(); } })));
  }

  function item(v) {
    const id = v.ref;
    return h('li', { class: 'report-view', 'data-ref': v.ref },
      h('div', { class: 'report-view-head' },
        h('input', { type: 'checkbox', id: `view-${id}-check`, class: 'view-check', value: v.ref,
          'aria-labelledby': `view-${id}-title` }),
        h('h3', { id: `view-${id}-title` }, `${v.ref} · ${formatDate(v.receivedOn)} · ${channel(v)}`)),
      v.hidden
        ? h('p', { class: 'hint hidden-view' }, t('report.page.view.hidden', { reason: v.hiddenReason ?? '' }))
        : h('p', { class: 'user-text' }, v.text ?? ''),
      h('p', { class: 'status-line' },
        h('span', { class: 'badge' }, v.topic ?? t('report.page.view.ungrouped')),
        h('span', { class: `effect effect--${v.stance?.effect ?? 'none'}` }, stanceText(v.stance)),
        v.neighbourhood ? h('span', { class: 'hint' }, v.neighbourhood) : null),
      positionOpen === id ? positionForm(v) : h('button', { type: 'button', class: 'button button--small',
        id: `view-${id}-position`, i18n: 'report.page.position.edit', 'aria-describedby': `view-${id}-title`,
        onclick: () => { positionOpen = id; render(); $(`pos-${id}-effect`).focus(); } }));
  }

  function renderFilters() {
    const filter = $('report-views-filter');
    const chosen = filter.value;
    const topics = topicsOf();
    filter.replaceChildren(
      h('option', { value: '', i18n: 'report.page.views.all' }),
      h('option', { value: 'none', i18n: 'report.page.views.ungrouped' }),
      ...topics.map((x) => h('option', { value: String(x.id) }, x.title)));
    if ([...filter.options].some((o) => o.value === chosen)) filter.value = chosen;
    const move = $('report-move-to');
    const target = move.value;
    move.replaceChildren(
      ...topics.map((x) => h('option', { value: String(x.id) }, x.title)),
      h('option', { value: 'none', i18n: 'report.page.views.toUngrouped' }));
    if ([...move.options].some((o) => o.value === target)) move.value = target;
  }

  function render() {
    renderFilters();
    $('report-views').replaceChildren(...rows.map(item));
    $('report-views-count').textContent = tn('report.page.views.count', total, { shown: rows.length });
    $('report-views-more').hidden = rows.length >= total;
  }

  async function fetchPage(offset) {
    const topic = $('report-views-filter').value;
    const q = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
    if (topic) q.set('topic', topic);
    return staffApi(reportPath(`/views?${q}`));
  }

  async function load() {
    try {
      const page = await forChosenDialogue(() => fetchPage(0));
      if (page === STALE) return;
      rows = page.views;
      total = page.total;
    } catch (e) {
      sayError(e);
      rows = [];
      total = 0;
    }
    render();
  }

  async function more() {
    try {
      const page = await fetchPage(rows.length);
      const first = page.views[0]?.ref;
      rows = rows.concat(page.views);
      total = page.total;
      render();
      if (first) $(`view-${first}-check`)?.focus();
    } catch (e) {
      sayError(e);
    }
  }

  async function move() {
    const views = [...document.querySelectorAll('.view-check:checked')].map((c) => c.value);
    if (!views.length) {
      say(t('report.page.views.noneChecked'), { error: true });
      return;
    }
    const target = $('report-move-to').value;
    try {
      await busy($('report-move'), () => staffApi(reportPath('/grouping'),
        { method: 'POST', body: { views, topic: target === 'none' ? null : Number(target) } }));
      say(tn('report.page.views.moved', views.length, { topic: $('report-move-to').selectedOptions[0]?.textContent ?? '' }));
      await onMoved();
    } catch (e) {
      sayError(e);
    }
  }

  let onMoved = async () => {};

  async function savePosition(v) {
    const id = v.ref;
    const body = {
      effect: $(`pos-${id}-effect`).value,
      answer: $(`pos-${id}-answer`).value,
      reason: $(`pos-${id}-reason`).value,
      version: v.own ? v.own.version : null,
    };
    try {
      const row = await busy($(`pos-${id}-save`), () => staffApi(reportPath(`/views/${encodeURIComponent(id)}/position`),
        { method: 'PUT', body }));
      rows = rows.map((r) => (r.ref === id ? row : r));
      positionOpen = null;
      render();
      say(t('report.page.position.saved', { ref: id }));
      $(`view-${id}-position`)?.focus();
    } catch (e) {
      const box = $(`pos-${id}-error`);
      box.textContent = e.errors?.length ? e.errors.map(fieldErrorText).join(' ') : errorText(e);
      box.focus();
    }
  }

  async function clearPosition(v, button) {
    try {
      const row = await busy(button, () => staffApi(reportPath(`/views/${encodeURIComponent(v.ref)}/position`),
        { method: 'DELETE' }));
      rows = rows.map((r) => (r.ref === v.ref ? row : r));
      positionOpen = null;
      render();
      say(t('report.page.position.cleared', { ref: v.ref }));
    } catch (e) {
      sayError(e);
    }
  }

  return {
    bind() {
      $('report-views-filter').addEventListener('change', load);
      $('report-views-more').addEventListener('click', more);
      $('report-move').addEventListener('click', move);
    },
    setTopics(fn) { topicsOf = fn; },
    setOnMoved(fn) { onMoved = fn; },
    load,
    reload: () => { renderFilters(); return load(); },
    render,
  };
}

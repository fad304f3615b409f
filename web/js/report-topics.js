// The report's topics: each with its views' count and the municipality's position, edited in
// place (title, summary, effect, answer, reason; the version loaded goes back, so a planner is
// told when a colleague saved first), merged, or deleted (its views become ungrouped, never lost).
// Suggestions come from the themes in the ungrouped views and are taken over with one button.
import { staffApi, errorText } from './staff.js';
import { h } from './dom.js';
import { t, tn, label } from './i18n.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';
import { forChosenDialogue, reportPath, say, sayError, STALE } from './report-context.js';

const $ = (id) => document.getElementById(id);
export const EFFECTS = ['accommodated', 'partly_accommodated', 'not_accommodated', 'outside_scope', 'noted'];

export function effectOptions(selected, { none = true } = {}) {
  return [none ? h('option', { value: '', i18n: 'report.page.effect.none' }) : null,
    ...EFFECTS.map((e) => h('option', { value: e, selected: e === selected }, label('report.effect', e)))];
}

export function reportTopics({ onChange }) {
  let topics = [];
  let editing = null;

  const fields = (id) => ({
    title: { input: `topic-${id}-title`, error: `topic-${id}-title-error` },
    summary: { input: `topic-${id}-summary`, error: `topic-${id}-summary-error` },
    effect: { input: `topic-${id}-effect`, error: `topic-${id}-effect-error` },
    answer: { input: `topic-${id}-answer`, error: `topic-${id}-answer-error` },
    reason: { input: `topic-${id}-reason`, error: `topic-${id}-reason-error`, codes: ['reason.missing'] },
  });

  function field(id, name, control, hintKey) {
    const err = `topic-${id}-${name}-error`;
    control.setAttribute('aria-describedby', err);
    return h('div', { class: 'field' },
      h('label', { for: control.id, class: 'field-label', i18n: `report.page.topic.${name}` }),
      hintKey ? h('p', { class: 'hint', i18n: hintKey }) : null,
      control,
      h('p', { id: err, class: 'field-error' }));
  }

  function form(topic) {
    const id = topic.id;
    const others = topics.filter((o) => o.id !== id);
    return h('form', { class: 'staff-form topic-form', id: `topic-${id}-form`, novalidate: true,
      onsubmit: (e) => { e.preventDefault(); save(topic); } },
      h('p', { id: `topic-${id}-form-error`, class: 'form-error', role: 'alert', tabindex: '-1' }),
      field(id, 'title', h('input', { id: `topic-${id}-title`, type: 'text', maxlength: '200', value: topic.title })),
      field(id, 'summary', h('textarea', { id: `topic-${id}-summary`, rows: '3', maxlength: '4000' }, topic.summary ?? '')),
      field(id, 'effect', h('select', { id: `topic-${id}-effect` }, ...effectOptions(topic.effect))),
      field(id, 'answer', h('textarea', { id: `topic-${id}-answer`, rows: '3', maxlength: '4000' }, topic.answer ?? '')),
      field(id, 'reason', h('textarea', { id: `topic-${id}-reason`, rows: '2', maxlength: '2000' }, topic.reason ?? ''),
        'report.page.topic.reason.hint'),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'button button--primary', id: `topic-${id}-save` },
          h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'report.page.save' })),
        h('button', { type: 'button', class: 'button', i18n: 'report.page.cancel',
          onclick: () => { editing = null; render(); $(`topic-${id}-edit`)?.focus(); } })),
      others.length ? h('div', { class: 'field-row topic-merge' },
        h('div', { class: 'field' },
          h('label', { for: `topic-${id}-merge-from`, class: 'field-label', i18n: 'report.page.topic.mergeFrom' }),
          h('select', { id: `topic-${id}-merge-from` }, ...others.map((o) => h('option', { value: String(o.id) }, o.title)))),
        h('div', { class: 'field field--button' },
          h('button', { type: 'button', class: 'button', id: `topic-${id}-merge`, i18n: 'report.page.topic.merge',
            onclick: (e) => merge(topic, e.currentTarget) }))) : null,
      h('div', { class: 'form-actions', id: `topic-${id}-delete-box` },
        h('button', { type: 'button', class: 'button button--danger', id: `topic-${id}-delete`, i18n: 'report.page.topic.delete',
          onclick: () => askDelete(topic) })));
  }

  function item(topic) {
    const id = topic.id;
    const heading = h('h3', { id: `topic-${id}-heading`, class: 'topic-title' }, topic.title);
    return h('li', { class: 'report-topic', 'data-topic-id': String(id) },
      heading,
      h('p', { class: 'status-line' },
        h('span', { class: 'badge' }, tn('report.page.topic.views', topic.views.length)),
        h('span', { class: `effect effect--${topic.effect ?? 'none'}` },
          topic.effect ? label('report.effect', topic.effect) : t('report.page.effect.none'))),
      topic.answer ? h('p', { class: 'topic-answer' }, topic.answer) : null,
      editing === id ? form(topic) : h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'button button--small', id: `topic-${id}-edit`, i18n: 'report.page.topic.edit',
          'aria-describedby': `topic-${id}-heading`, onclick: () => { editing = id; render(); $(`topic-${id}-title`).focus(); } }),
        h('button', { type: 'button', class: 'button button--small', i18n: 'report.page.topic.show',
          'aria-describedby': `topic-${id}-heading`, onclick: () => showViews(id) })));
  }

  function showViews(id) {
    $('report-views-filter').value = String(id);
    $('report-views-filter').dispatchEvent(new Event('change'));
    $('report-views-heading').focus();
  }

  function render() {
    $('report-topics').replaceChildren(...topics.map(item));
    if (!topics.length) $('report-topics').append(h('li', { class: 'hint', i18n: 'report.page.topics.none' }));
  }

  async function load() {
    try {
      const answer = await forChosenDialogue(() => staffApi(reportPath('/topics')));
      if (answer === STALE) return;
      topics = answer;
    } catch (e) {
      sayError(e);
      topics = [];
    }
    render();
    onChange?.();
  }

  function body(id, version) {
    return {
      title: $(`topic-${id}-title`).value,
      summary: $(`topic-${id}-summary`).value,
      effect: $(`topic-${id}-effect`).value || null,
      answer: $(`topic-${id}-answer`).value,
      reason: $(`topic-${id}-reason`).value,
      version,
    };
  }

  async function save(topic) {
    const id = topic.id;
    clearErrors(fields(id), `topic-${id}-form-error`);
    try {
      const saved = await busy($(`topic-${id}-save`), () => staffApi(reportPath(`/topics/${id}`),
        { method: 'PUT', body: body(id, topic.version) }));
      editing = null;
      say(t('report.page.topic.saved', { title: saved.title }));
      await load();
      $(`topic-${id}-edit`)?.focus();
    } catch (e) {
      showErrors(e, fields(id), `topic-${id}-form-error`)?.focus?.();
      if (e.code === 'topic.stale') {
        // Keep what this planner typed on screen, but load the colleague's version to compare.
        const fresh = (await staffApi(reportPath('/topics'))).find((x) => x.id === id);
        if (fresh) topic.version = fresh.version;
      }
    }
  }

  async function merge(topic, button) {
    const from = Number($(`topic-${topic.id}-merge-from`).value);
    try {
      await busy(button, () => staffApi(reportPath(`/topics/${topic.id}/merge`),
        { method: 'POST', body: { from, version: topic.version } }));
      say(t('report.page.topic.merged', { title: topic.title }));
      editing = null;
      await load();
    } catch (e) {
      $(`topic-${topic.id}-form-error`).textContent = errorText(e);
    }
  }

  function askDelete(topic) {
    const id = topic.id;
    const box = $(`topic-${id}-delete-box`);
    box.replaceChildren(
      h('p', { id: `topic-${id}-delete-question` }, topic.views.length
        ? tn('report.page.topic.deleteQuestion', topic.views.length) : t('report.page.topic.deleteEmpty')),
      h('button', { type: 'button', class: 'button button--danger', id: `topic-${id}-delete-yes`, i18n: 'report.page.topic.deleteConfirm',
        'aria-describedby': `topic-${id}-delete-question`, onclick: (e) => remove(topic, e.currentTarget) }),
      h('button', { type: 'button', class: 'button', i18n: 'report.page.cancel', onclick: () => { render(); } }));
    $(`topic-${id}-delete-yes`).focus();
  }

  async function remove(topic, button) {
    try {
      await busy(button, () => staffApi(reportPath(`/topics/${topic.id}?releaseViews=true`), { method: 'DELETE' }));
      editing = null;
      say(t('report.page.topic.deleted', { title: topic.title }));
      await load();
      $('report-topics-heading').focus();
    } catch (e) {
      sayError(e);
    }
  }

  async function create(event) {
    event.preventDefault();
    const f = { title: { input: 'report-new-topic-title', error: 'error-report-new-topic-title' } };
    clearErrors(f);
    try {
      const made = await busy($('report-new-topic-save'), () => staffApi(reportPath('/topics'),
        { method: 'POST', body: { title: $('report-new-topic-title').value } }));
      $('report-new-topic-title').value = '';
      say(t('report.page.topic.created', { title: made.title }));
      await load();
    } catch (e) {
      showErrors(e, f)?.focus?.();
    }
  }

  async function suggest() {
    let list;
    try {
      list = await busy($('report-suggest'), () => staffApi(reportPath('/topic-suggestions')));
    } catch (e) {
      sayError(e);
      return;
    }
    const box = $('report-suggestions');
    box.hidden = false;
    box.setAttribute('aria-label', t('report.page.suggestions'));
    box.replaceChildren(...(list.length ? list.map((s, i) => h('li', { class: 'report-suggestion' },
      h('h3', { id: `suggestion-${i}` }, s.label),
      h('p', { class: 'hint' }, tn('report.page.topic.views', s.count), ' · ', s.topWords.join(', ')),
      ...s.examples.slice(0, 2).map((x) => h('blockquote', { class: 'user-text' }, x)),
      h('button', { type: 'button', class: 'button button--small', i18n: 'report.page.suggestion.take',
        'aria-describedby': `suggestion-${i}`, onclick: (e) => take(s, e.currentTarget) })))
      : [h('li', { class: 'hint', i18n: 'report.page.suggestions.none' })]));
    say(tn('report.page.suggestions.found', list.length));
  }

  async function take(s, button) {
    try {
      const made = await busy(button, () => staffApi(reportPath('/topics'),
        { method: 'POST', body: { title: s.label, views: s.views } }));
      button.closest('li').remove();
      say(t('report.page.topic.created', { title: made.title }));
      await load();
    } catch (e) {
      sayError(e);
    }
  }

  return {
    bind() {
      $('report-new-topic').addEventListener('submit', create);
      $('report-suggest').addEventListener('click', suggest);
    },
    load,
    render,
    list: () => topics,
  };
}

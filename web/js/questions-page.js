// The questionnaire builder (/personal/dialoger/{id}/fragor, administrators): the dialogue's
// questions in order with their version and answers, moved up and down, edited (a question with
// answers then gets a new version; the old one stays readable) and deleted (refused for a
// question with answers).
import { staffBoot, staffApi, errorText, fieldErrorText, showPageProblem } from './staff.js';
import { h } from './dom.js';
import { t, tn, label } from './i18n.js';
import { busy } from './staff-forms.js';
import { createQuestionEditor } from './questions-editor.js';
import { createQuestionTranslations } from './question-translations.js';

const $ = (id) => document.getElementById(id);
const dialogueId = /^\/personal\/dialoger\/(\d+)\/fragor\/?$/.exec(location.pathname)?.[1]
  || new URLSearchParams(location.search).get('dialogue');
const base = `/api/v1/staff/dialogues/${encodeURIComponent(dialogueId)}/questions`;
const state = { dialogue: null, questions: [], editor: null };

function say(text) {
  $('questions-status').textContent = text;
}

function describe(q) {
  const parts = [t(`questions.kind.${q.kind}`),
    q.category ? t('questions.scope.category', { category: label('category', q.category) }) : t('questions.scope.dialogue'),
    q.required ? t('questions.isRequired') : t('questions.isOptional'),
    t('questions.version', { n: q.version }),
    q.totalAnswers ? (q.totalAnswers !== q.answers ? tn('questions.answers.versions', q.answers, { total: q.totalAnswers })
      : tn('questions.answers', q.totalAnswers)) : t('questions.answers.none')];
  return parts.join(' · ');
}

function conditionText(q) {
  if (!q.condition) return null;
  const target = state.questions.find((x) => x.id === q.condition.question);
  if (!target) return null;
  const names = q.condition.codes.map((c) => target.options.find((o) => o.code === c)?.sv || c);
  return t('questions.shownIf', { n: target.position + 1, options: names.join(', ') });
}

function renderList(focus) {
  const list = $('questions-list');
  $('questions-empty').hidden = state.questions.length > 0;
  list.replaceChildren(...state.questions.map((q, i) => {
    const headingId = `question-${q.id}`;
    const move = (delta, key) => h('button', { type: 'button', class: 'button button--small', 'data-move': key,
      disabled: i + delta < 0 || i + delta >= state.questions.length, 'aria-describedby': headingId,
      i18n: `questions.move.${key}`, onclick: (e) => reorder(i, delta, e.currentTarget, key) });
    return h('li', { class: 'questions-item', 'data-question': String(q.id) },
      h('h3', { id: headingId, tabindex: '-1' }, q.label.sv),
      q.label.en ? h('p', { class: 'hint', lang: 'en' }, q.label.en) : null,
      h('p', { class: 'hint' }, describe(q)),
      conditionText(q) ? h('p', { class: 'hint' }, conditionText(q)) : null,
      q.options?.length ? h('p', { class: 'hint' }, q.options.map((o) => `${o.sv} (${o.code})`).join(', ')) : null,
      h('div', { class: 'admin-dialogue__actions' },
        h('button', { type: 'button', class: 'button button--small', i18n: 'questions.editButton', 'aria-describedby': headingId,
          onclick: () => edit(q) }),
        move(-1, 'up'), move(1, 'down'),
        h('button', { type: 'button', class: 'button button--small button--danger', i18n: 'questions.delete', 'aria-describedby': headingId,
          onclick: (e) => remove(q, e.currentTarget) })),
      createQuestionTranslations(q, base, headingId));
  }));
  if (focus) list.querySelector(focus)?.focus();
}

async function load() {
  state.questions = await staffApi(base);
  renderList();
  state.editor.refresh();
}

function edit(q) {
  state.editor.edit(q);
  $('question-form-heading').focus();
}

async function reorder(i, delta, button, key) {
  const order = state.questions.map((q) => q.id);
  [order[i], order[i + delta]] = [order[i + delta], order[i]];
  const id = order[i + delta];
  $('questions-list-error').textContent = '';
  try {
    state.questions = await busy(button, () => staffApi(`${base}/order`, { method: 'PUT', body: { order } }));
    renderList(`[data-question="${id}"] [data-move="${key}"]:not([disabled])`);
    if (!$('questions-list').contains(document.activeElement)) $(`question-${id}`)?.focus();
    say(t('questions.moved', { n: i + delta + 1 }));
  } catch (e) {
    $('questions-list-error').textContent = e.errors?.length ? e.errors.map(fieldErrorText).join(' ') : errorText(e);
    $('questions-list-error').focus();
  }
}

async function remove(q, button) {
  if (!window.confirm(t('questions.deleteConfirm', { label: q.label.sv }))) return;
  $('questions-list-error').textContent = '';
  try {
    await busy(button, () => staffApi(`${base}/${q.id}`, { method: 'DELETE' }));
    await load();
    say(t('questions.deleted', { label: q.label.sv }));
    $('questions-list-heading').focus?.();
  } catch (e) {
    $('questions-list-error').textContent = e.problem?.detail && ['question.answered', 'question.referenced'].includes(e.code)
      ? `${errorText(e)} ${e.problem.detail}` : errorText(e);
    $('questions-list-error').focus();
  }
}

async function saveQuestion(draft, id, button) {
  try {
    const saved = await busy(button, () => staffApi(id ? `${base}/${id}` : base, { method: id ? 'PUT' : 'POST', body: draft }));
    await load();
    state.editor.edit(null);
    say(t(id ? 'questions.saved.edit' : 'questions.saved.new', { label: saved.label.sv, n: saved.version }));
    $(`question-${saved.id}`)?.focus();
  } catch (e) {
    state.editor.showErrors({ errors: e.errors, text: errorText(e) });
  }
}

async function render() {
  try {
    state.dialogue = await staffApi(`/api/v1/dialogues/${encodeURIComponent(dialogueId)}`).catch((e) => {
      if (e.status === 404 || e.status === 422) return null;
      throw e;
    });
    if (!state.dialogue) {
      showPageProblem({ key: 'questions.noDialogue' });
      return;
    }
    $('questions-dialogue').textContent = state.dialogue.title;
    document.title = t('questions.pageTitleFor', { title: state.dialogue.title });
    state.editor = createQuestionEditor($('question-form'), {
      categories: state.dialogue.categories,
      questions: () => state.questions,
      onSave: saveQuestion,
      onCancel: () => state.editor.edit(null),
    });
    state.editor.edit(null);
    await load();
    $('questions-content').hidden = false;
  } catch (e) {
    showPageProblem(errorText(e), render);
  }
}

staffBoot({
  page: 'dialogues',
  role: 'admin',
  render,
  onLanguage: () => {
    renderList();
    state.editor?.refresh();
  },
});

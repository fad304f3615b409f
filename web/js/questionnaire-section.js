// The dialogue's own questions on the dialogue page ("Enkät"): answered once per visit, sent with
// an Idempotency-Key made once per filled form and the receipt the visitor holds; the page then
// remembers (sessionStorage) that this visit has answered.
import { h } from './dom.js';
import { t, tn } from './i18n.js';
import { request, ApiError, savedReceipt, saveReceipt } from './api.js';
import { createQuestionSet, faultMessage } from './questionnaire-form.js';
import { newKey, applyLanguage } from './questionnaire-logic.js';
import { contentLanguage } from './content-lang.js';

const answeredKey = (dialogueId) => `dialogkarta.survey.${dialogueId}`;

function answeredThisVisit(dialogueId) {
  try {
    return sessionStorage.getItem(answeredKey(dialogueId)) === 'answered';
  } catch {
    return false;
  }
}

function rememberAnswered(dialogueId) {
  try {
    sessionStorage.setItem(answeredKey(dialogueId), 'answered');
  } catch {
    // storage blocked: the thanks on screen is all this visit keeps
  }
}

/**
 * The questionnaire of a dialogue, its texts in the page's language where staff translated them
 * (else Swedish, flagged), or null when it has none or it could not be read.
 */
export async function loadQuestionnaire(slug) {
  try {
    return await request(`/api/v1/dialogues/${encodeURIComponent(slug)}/questionnaire?lang=${encodeURIComponent(contentLanguage())}`);
  } catch {
    return null;
  }
}

/** After a switch of language: the same questions' texts in the new language, put in place. */
export async function relanguageQuestionnaire(questionnaire, slug) {
  if (!questionnaire?.questions?.length) return;
  const fresh = await loadQuestionnaire(slug);
  if (fresh) applyLanguage(questionnaire.questions, fresh.questions);
}

/**
 * section: the empty <section id="survey">; opts: dialogue, site, questionnaire, open (ongoing).
 * Returns { refreshLanguage() }, or null when the dialogue asks no questions of its own.
 */
export function createSurvey(section, { dialogue, site, questionnaire, open, onAnswered }) {
  const questions = (questionnaire?.questions || []).filter((q) => !q.category);
  if (!questions.length || !open) {
    section.hidden = true;
    return null;
  }
  const set = createQuestionSet(questions, 'survey', { site, studyArea: dialogue.studyArea });
  const error = h('p', { class: 'form-error', role: 'alert', tabindex: '-1' });
  const submit = h('button', { type: 'submit', class: 'button button--primary', i18n: 'survey.submit' });
  const form = h('form', { class: 'survey-form', novalidate: true, 'aria-labelledby': 'survey-heading' },
    set.el, error, h('div', { class: 'form-actions' }, submit));
  const thanks = h('div', { class: 'confirmation', role: 'status', tabindex: '-1', hidden: true },
    h('h3', { i18n: 'survey.thanks.heading' }), h('p', { i18n: 'survey.thanks.text' }));
  section.replaceChildren(
    h('h2', { id: 'survey-heading', i18n: 'survey.heading' }),
    h('p', { class: 'hint', i18n: 'survey.intro' }),
    form, thanks);
  section.hidden = false;
  let key = null;
  let sending = false;

  const done = () => {
    form.hidden = true;
    thanks.hidden = false;
  };
  if (answeredThisVisit(dialogue.id)) done();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    set.clearErrors();
    error.textContent = '';
    const answers = set.answers();
    const body = { answers };
    const receipt = savedReceipt();
    if (receipt) body.receipt = receipt;
    key ??= newKey();
    sending = true;
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const answer = await request(`/api/v1/dialogues/${encodeURIComponent(dialogue.slug)}/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
      });
      saveReceipt(answer.receipt);
      rememberAnswered(dialogue.id);
      key = null;
      done();
      thanks.focus();
      onAnswered?.();
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, null, true);
      if ([e, ...e.errors].some((x) => x.code === 'idempotency_key.reused')) key = null;
      const { rest, marked } = set.showErrors(e.errors);
      const words = rest.map(faultMessage);
      if (e.network) words.push(t('error.network'));
      else if (!e.errors.length) words.push(faultMessage({ code: e.code, detail: e.problem.detail }));
      const count = e.errors.length - rest.length;
      error.textContent = [count ? tn('survey.hasErrors', count) : null, ...words].filter(Boolean).join(' ');
      if (!marked) error.focus();
    } finally {
      sending = false;
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });

  return { refreshLanguage: () => set.refreshLanguage() };
}

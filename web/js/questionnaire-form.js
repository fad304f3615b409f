// A set of questions as one part of a form: conditions decided live (a hidden question's answer
// is neither shown nor sent), the answers to send, and the server's faults put by their question.
// Used by the dialogue's survey (questionnaire-section.js) and, per category, by the pin form.
import { h } from './dom.js';
import { t, has } from './i18n.js';
import { answersToSend, shownQuestions, questionOfFault } from './questionnaire-logic.js';
import { questionField } from './questionnaire-fields.js';

/** The message for a fault: the bundle's for its code, else the server's own words. */
export function faultMessage(error) {
  const key = `error.${error.code}`;
  return has(key) ? t(key) : error.message || error.detail || t('error.generic');
}

/**
 * questions: in order; prefix: unique per form; ctx: { site, studyArea }.
 * Returns { el, fields, answers(), showErrors(errors) → faults that name no question, clearErrors(),
 * reset(), refreshLanguage() }.
 */
export function createQuestionSet(questions, prefix, ctx) {
  let sent = [];
  const fields = [];
  const update = () => {
    const shown = shownQuestions(questions, values());
    fields.forEach((f) => f.setShown(shown.has(f.q.id)));
  };
  questions.forEach((q) => fields.push(questionField(q, prefix, ctx, update)));
  const el = h('div', { class: 'q-set' }, ...fields.map((f) => f.el));

  function values() {
    return new Map(fields.map((f) => [f.q.id, f.value()]));
  }

  update();
  return {
    el,
    fields,
    answers() {
      sent = answersToSend(questions, values());
      return sent;
    },
    /** Puts each fault by its question, focuses the first such question, and gives back the rest. */
    showErrors(errors) {
      const rest = [];
      let first = null;
      for (const e of errors) {
        const id = questionOfFault(e.field, sent);
        const field = id == null ? null : fields.find((f) => f.q.id === id);
        if (!field) {
          rest.push(e);
          continue;
        }
        field.setError(faultMessage(e));
        first ??= field;
      }
      first?.focus();
      return { rest, marked: !!first };
    },
    clearErrors: () => fields.forEach((f) => f.setError(null)),
    reset() {
      fields.forEach((f) => f.reset());
      update();
    },
    refreshLanguage: () => fields.forEach((f) => f.refreshLanguage()),
  };
}

/**
 * The questions of the chosen category inside the pin form, after the sub-tags. questionnaire:
 * GET …/questionnaire (null when it could not be read). Returns { show(category), answers(),
 * showErrors(errors), clearErrors(), reset(), refreshLanguage() }.
 */
export function createCategoryQuestions(questionnaire, ctx, after) {
  const box = h('div', { id: 'category-questions', class: 'category-questions', hidden: true });
  after.after(box);
  const sets = new Map();
  let current = null;
  const empty = { answers: () => [], showErrors: (errors) => ({ rest: errors, marked: false }), clearErrors() {}, reset() {}, refreshLanguage() {} };
  const all = questionnaire?.questions || [];

  return {
    show(category) {
      const questions = all.filter((q) => q.category === category);
      if (category && questions.length && !sets.has(category)) {
        const set = createQuestionSet(questions, `pin-${category}`, ctx);
        set.el.dataset.category = category;
        sets.set(category, set);
        box.append(set.el);
      }
      current = sets.get(category) || null;
      sets.forEach((set, code) => { set.el.hidden = code !== category; });
      box.hidden = !current;
    },
    answers: () => (current || empty).answers(),
    showErrors: (errors) => (current || empty).showErrors(errors),
    clearErrors: () => (current || empty).clearErrors(),
    reset() {
      sets.forEach((set) => set.reset());
      current = null;
      sets.forEach((set) => { set.el.hidden = true; });
      box.hidden = true;
    },
    refreshLanguage: () => sets.forEach((set) => set.refreshLanguage()),
  };
}

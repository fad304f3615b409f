// The questionnaire's rules in the browser, without DOM: which questions are shown for the
// answers given so far (the same rule as survey.AnswerRules on the server), which answers are
// sent, and which question a fault from the server names.

/** The text of {sv, en} in the page's language; Swedish when there is no English. */
export function localText(texts, lang) {
  if (!texts) return '';
  return (lang === 'en' && texts.en) ? texts.en : (texts.sv || texts.en || '');
}

/**
 * Whether a question's text is shown in Swedish on a page in another language (its element then
 * says lang="sv"): questions have Swedish and English texts only, so a Finnish or Arabic page
 * shows the Swedish one, as does an English page without an English text.
 */
export function isFallback(texts, lang) {
  if (!texts || !texts.sv || lang === 'sv') return false;
  return !(lang === 'en' && texts.en);
}

function isEmpty(value) {
  return value == null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * The ids of the questions shown, in order: a question with a condition is shown only when its
 * condition's question is shown and was answered with (or, for several, including) a code named.
 * values: Map of question id → the current value (null when unanswered).
 */
export function shownQuestions(questions, values) {
  const shown = new Set();
  for (const q of questions) {
    const c = q.condition;
    if (!c) {
      shown.add(q.id);
      continue;
    }
    if (!shown.has(c.question)) continue;
    const v = values.get(c.question);
    const given = Array.isArray(v) ? v : (v == null ? [] : [v]);
    if (given.some((code) => c.codes.includes(code))) shown.add(q.id);
  }
  return shown;
}

/** The answers to send: shown questions with a value, as [{question, value}], in order. */
export function answersToSend(questions, values) {
  const shown = shownQuestions(questions, values);
  return questions
    .filter((q) => shown.has(q.id) && !isEmpty(values.get(q.id)))
    .map((q) => ({ question: q.id, value: values.get(q.id) }));
}

/**
 * The question a server fault names: answers[i] (the i-th answer sent, also answers[i].question)
 * or questions.<id>; null for a fault about something else.
 */
export function questionOfFault(field, sent) {
  const byIndex = /^answers\[(\d+)\]/.exec(String(field || ''));
  if (byIndex) return sent[Number(byIndex[1])]?.question ?? null;
  const byId = /^questions\.(\d+)$/.exec(String(field || ''));
  return byId ? Number(byId[1]) : null;
}

/** Moves item i of a list by delta (−1 up, +1 down); the list unchanged at either end. */
export function moved(list, i, delta) {
  const j = i + delta;
  if (j < 0 || j >= list.length) return list.slice();
  const out = list.slice();
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** A new Idempotency-Key (a v4 UUID), also where crypto.randomUUID is missing (plain http). */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

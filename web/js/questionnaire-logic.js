// The questionnaire's rules in the browser, without DOM: which questions are shown for the
// answers given so far (the same rule as survey.AnswerRules on the server), which answers are
// sent, which question a fault from the server names, and each text in the page's language.

/**
 * The text to show of a question's text. The public questionnaire gives it ready: text in the
 * language asked for where staff translated it, else the Swedish one (lang, fallback say which).
 * Staff pages' {sv, en}: English on an English page when there is one, else Swedish.
 */
export function localText(texts, lang) {
  if (!texts) return '';
  if (texts.text != null) return texts.text;
  return (lang === 'en' && texts.en) ? texts.en : (texts.sv || texts.en || '');
}

/**
 * Whether a question's text is shown in Swedish on a page in another language (its element then
 * says lang="sv"): the questionnaire's flag when it has one, else for {sv, en} texts whether the
 * page is not Swedish and has no English text.
 */
export function isFallback(texts, lang) {
  if (!texts || !texts.sv || lang === 'sv') return false;
  if (texts.fallback != null) return texts.fallback;
  return !(lang === 'en' && texts.en);
}

/** The language localText's text is in (content-lang.js marks it when it is not the page's). */
export function textLang(texts, lang) {
  if (texts?.lang) return texts.lang;
  return isFallback(texts, lang) ? 'sv' : lang;
}

/**
 * Puts the texts of fresh (the questionnaire read again in another language) into the question
 * objects of questions, in place: the fields shown hold these objects and refresh from them.
 */
export function applyLanguage(questions, fresh) {
  const byId = new Map((fresh || []).map((q) => [q.id, q]));
  for (const q of questions || []) {
    const f = byId.get(q.id);
    if (!f || f.version !== q.version) continue;
    if (q.label && f.label) Object.assign(q.label, f.label);
    if (q.help && f.help) Object.assign(q.help, f.help);
    for (const o of q.options || []) {
      const fo = f.options?.find((x) => x.code === o.code);
      if (fo) Object.assign(o, fo);
    }
    (q.scaleLabels || []).forEach((s, i) => {
      if (f.scaleLabels?.[i]) Object.assign(s, f.scaleLabels[i]);
    });
  }
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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shownQuestions, answersToSend, questionOfFault, localText, isFallback, textLang, applyLanguage, moved } from '../js/questionnaire-logic.js';

const questions = [
  { id: 1, kind: 'single_choice' },
  { id: 2, kind: 'long_text', condition: { question: 1, codes: ['never'] } },
  { id: 3, kind: 'multiple_choice' },
  { id: 4, kind: 'short_text', condition: { question: 3, codes: ['bike', 'walk'] } },
  { id: 5, kind: 'short_text', condition: { question: 2, codes: ['x'] } },
];

test('a follow-up is shown only for the answer that triggers it', () => {
  assert.deepEqual([...shownQuestions(questions, new Map())], [1, 3]);
  assert.deepEqual([...shownQuestions(questions, new Map([[1, 'daily']]))], [1, 3]);
  assert.deepEqual([...shownQuestions(questions, new Map([[1, 'never']]))], [1, 2, 3]);
  assert.deepEqual([...shownQuestions(questions, new Map([[3, ['car', 'walk']]]))], [1, 3, 4]);
});

test('answers of hidden questions are not sent', () => {
  const values = new Map([[1, 'daily'], [2, 'För dyrt'], [3, []], [4, 'x']]);
  assert.deepEqual(answersToSend(questions, values), [{ question: 1, value: 'daily' }]);
  values.set(1, 'never');
  assert.deepEqual(answersToSend(questions, values), [{ question: 1, value: 'never' }, { question: 2, value: 'För dyrt' }]);
});

test('a fault names its question by index or id', () => {
  const sent = [{ question: 7 }, { question: 9 }];
  assert.equal(questionOfFault('answers[1]', sent), 9);
  assert.equal(questionOfFault('answers[0].question', sent), 7);
  assert.equal(questionOfFault('questions.12', sent), 12);
  assert.equal(questionOfFault('text', sent), null);
});

test('texts fall back to Swedish', () => {
  assert.equal(localText({ sv: 'Hej', en: 'Hi' }, 'en'), 'Hi');
  assert.equal(localText({ sv: 'Hej' }, 'en'), 'Hej');
  assert.equal(isFallback({ sv: 'Hej' }, 'en'), true);
  assert.equal(isFallback({ sv: 'Hej' }, 'sv'), false);
  assert.equal(isFallback({ sv: 'Hej', en: 'Hi' }, 'en'), false);
  assert.equal(isFallback({ sv: 'Hej', en: 'Hi' }, 'fi'), true, 'a Finnish page shows the Swedish text');
  assert.equal(isFallback({ sv: 'Hej', en: 'Hi' }, 'ar'), true);
});

test('the questionnaire gives each text in the page language or Swedish, flagged', () => {
  const fi = { sv: 'Hur ofta?', text: 'Kuinka usein?', lang: 'fi', fallback: false };
  const sv = { sv: 'Aldrig', text: 'Aldrig', lang: 'sv', fallback: true };
  assert.equal(localText(fi, 'fi'), 'Kuinka usein?');
  assert.equal(textLang(fi, 'fi'), 'fi');
  assert.equal(isFallback(fi, 'fi'), false);
  assert.equal(localText(sv, 'fi'), 'Aldrig');
  assert.equal(textLang(sv, 'fi'), 'sv');
  assert.equal(isFallback(sv, 'fi'), true);
  assert.equal(textLang({ sv: 'Hej', en: 'Hi' }, 'en'), 'en', 'staff pages’ {sv, en} texts');
  assert.equal(textLang({ sv: 'Hej' }, 'ar'), 'sv');
});

test('a switch of language puts the new texts into the same question objects', () => {
  const label = { sv: 'Hur ofta?', text: 'Hur ofta?', lang: 'sv', fallback: true };
  const option = { code: 'daily', sv: 'Varje dag', text: 'Varje dag', lang: 'sv', fallback: true };
  const scale = { sv: 'Inte alls', text: 'Inte alls', lang: 'sv', fallback: true };
  const questions = [{ id: 1, version: 2, label, help: {}, options: [option], scaleLabels: [scale] },
    { id: 2, version: 1, label: { sv: 'Gammal', text: 'Gammal', lang: 'sv' } }];
  applyLanguage(questions, [
    { id: 1, version: 2, label: { sv: 'Hur ofta?', text: 'Kuinka usein?', lang: 'fi', fallback: false }, help: {},
      options: [{ code: 'daily', sv: 'Varje dag', text: 'Joka päivä', lang: 'fi', fallback: false }],
      scaleLabels: [{ sv: 'Inte alls', text: 'Ei lainkaan', lang: 'fi', fallback: false }] },
    { id: 2, version: 2, label: { sv: 'Ny', text: 'Uusi', lang: 'fi' } }]);
  assert.equal(questions[0].label, label, 'the same object');
  assert.equal(label.text, 'Kuinka usein?');
  assert.equal(label.lang, 'fi');
  assert.equal(option.text, 'Joka päivä');
  assert.equal(scale.text, 'Ei lainkaan');
  assert.equal(questions[1].label.text, 'Gammal', 'another version meanwhile: left as it was');
});

test('a ranking item moves by one and stays at the ends', () => {
  assert.deepEqual(moved(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
  assert.deepEqual(moved(['a', 'b', 'c'], 0, -1), ['a', 'b', 'c']);
});

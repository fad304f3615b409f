import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shownQuestions, answersToSend, questionOfFault, localText, isFallback, moved } from '../js/questionnaire-logic.js';

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

test('a ranking item moves by one and stays at the ends', () => {
  assert.deepEqual(moved(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
  assert.deepEqual(moved(['a', 'b', 'c'], 0, -1), ['a', 'b', 'c']);
});

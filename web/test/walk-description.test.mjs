// walk-description.js: a walk's description shown as a paragraph per line, isolated (dir="auto"),
// marked with lang= when it is not in the page's language; nothing for a blank description.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser } from './support/browser.mjs';

installBrowser();
const { paragraphs, descriptionBlock } = await import('../js/walk-description.js');

test('a paragraph per line, blank lines and surrounding spaces dropped', () => {
  assert.deepEqual(paragraphs('  Vi går runt torget.\r\n\n  Ta med ficklampa. \n'), ['Vi går runt torget.', 'Ta med ficklampa.']);
  assert.deepEqual(paragraphs(null), []);
});

test('no block for a missing or blank description', () => {
  assert.equal(descriptionBlock(null, null), null);
  assert.equal(descriptionBlock(' \n \n', 'sv'), null);
});

test('a Swedish description on a Swedish page is isolated but not marked', () => {
  const block = descriptionBlock('Rad ett\nRad två', 'sv');
  assert.equal(block.getAttribute('dir'), 'auto');
  assert.equal(block.getAttribute('lang'), null);
  assert.deepEqual(block.querySelectorAll('p').map((p) => p.textContent), ['Rad ett', 'Rad två']);
});

test('a description in another language than the page is marked with its language', () => {
  const block = descriptionBlock('Kävelemme torin ympäri.', 'fi');
  assert.equal(block.getAttribute('lang'), 'fi');
  assert.equal(block.querySelectorAll('p').length, 1);
});

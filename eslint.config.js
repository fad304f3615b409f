// ESLint for the browser code in web/ (run: npm run lint, or make js-test).
// The recommended rules, plus a few that catch real bugs rather than matters of style.
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['web/js/**/*.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      // L is Leaflet, loaded as a classic script by the pages that show a map.
      globals: { ...globals.browser, L: 'readonly' },
    },
  },
  {
    // The service worker is a classic script with its own global scope (self, caches, clients).
    files: ['web/walk-sw.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'script',
      globals: { ...globals.serviceworker },
    },
  },
  {
    files: ['web/test/**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    rules: {
      'no-undef': 'error',
      'no-unused-vars': 'error',
      eqeqeq: ['error', 'smart'],
      'no-implicit-globals': 'error',
      'prefer-const': 'error',
      'no-useless-assignment': 'error', // a value overwritten before it is read; recommended from ESLint 10
    },
  },
  {
    // Top-level functions of a service worker land on its own global scope (self), which no other
    // script shares, so they are not the leak no-implicit-globals is after (modules have none at all).
    files: ['web/walk-sw.js'],
    rules: { 'no-implicit-globals': 'off' },
  },
];

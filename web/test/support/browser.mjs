// The little of a browser that the modules under test touch, for Node's test runner: a DOM of
// plain objects (enough for dom.js's h() and for reading back what a module rendered),
// localStorage, fetch answered by the test, and timers the test fires by hand.
// Install it before importing the module under test: `installBrowser()` sets the globals.
import { webcrypto } from 'node:crypto';

class FakeElement {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.dataset = {};
    this.children = [];
    this.listeners = {};
    this.hidden = false;
    this.disabled = false;
    this.className = '';
    this.ownText = '';
  }

  setAttribute(name, value) {
    if (name === 'disabled') this.disabled = true;
    this.attributes.set(name, String(value));
  }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  removeAttribute(name) { this.attributes.delete(name); }

  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  dispatchEvent(event) {
    for (const fn of this.listeners[event.type] || []) fn(event);
    return true;
  }
  /** Runs the click listeners and waits for what they return (they are often async). */
  click() {
    return Promise.all((this.listeners.click || []).map((fn) => fn({ type: 'click', currentTarget: this })));
  }

  append(...nodes) {
    for (const node of nodes) this.children.push(typeof node === 'string' ? { text: node } : node);
  }
  replaceChildren(...nodes) {
    this.children = [];
    this.ownText = '';
    this.append(...nodes);
  }

  get textContent() {
    return this.ownText + this.children.map((c) => (c instanceof FakeElement ? c.textContent : c.text)).join('');
  }
  set textContent(value) {
    this.children = [];
    this.ownText = String(value);
  }

  /** Descendants that match one simple selector: tag, .class or [data-attribute]. */
  querySelectorAll(selector) {
    const found = [];
    const visit = (el) => {
      for (const c of el.children) {
        if (!(c instanceof FakeElement)) continue;
        if (c.matches(selector)) found.push(c);
        visit(c);
      }
    };
    visit(this);
    return found;
  }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
  matches(selector) {
    if (selector.startsWith('.')) return this.className.split(/\s+/).includes(selector.slice(1));
    const data = /^\[data-([\w-]+)\]$/.exec(selector);
    if (data) return data[1].replace(/-(\w)/g, (_, c) => c.toUpperCase()) in this.dataset;
    return this.tagName === selector.toUpperCase();
  }
}

/** A document whose getElementById finds the elements the test registered with add(). */
function fakeDocument() {
  const byId = new Map();
  const root = new FakeElement('html');
  return {
    documentElement: root,
    listeners: {},
    createElement: (tag) => new FakeElement(tag),
    getElementById: (id) => byId.get(id) || null,
    querySelectorAll: (selector) => root.querySelectorAll(selector),
    addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); },
    dispatchEvent(event) {
      for (const fn of this.listeners[event.type] || []) fn(event);
      return true;
    },
    /** Registers an element under its id and puts it into the page. */
    add(id, tag = 'div') {
      const el = new FakeElement(tag);
      el.id = id;
      byId.set(id, el);
      root.append(el);
      return el;
    },
  };
}

function fakeStorage() {
  const data = new Map();
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => { data.set(k, String(v)); },
    removeItem: (k) => { data.delete(k); },
    clear: () => data.clear(),
  };
}

/** setTimeout/clearTimeout that only record; fire() runs what is due, like time passing. */
function fakeTimers() {
  let nextId = 1;
  const pending = new Map();
  return {
    pending,
    setTimeout: (fn, ms = 0) => { const id = nextId++; pending.set(id, { fn, ms }); return id; },
    clearTimeout: (id) => { pending.delete(id); },
    /** Runs every timer set so far (not those they set in turn); returns how many ran. */
    fireAll() {
      const due = [...pending.entries()];
      for (const [id] of due) pending.delete(id);
      for (const [, { fn }] of due) fn();
      return due.length;
    },
  };
}

/** A JSON answer as fetch() would give it. */
export function jsonResponse(status, body) {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
    json: async () => body,
  };
}

/** Lets every promise and I/O callback that is ready run (fetch answers, IndexedDB requests). */
export function settle() {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Sets the browser globals and returns handles to them. fetch goes to handler(url, options),
 * which the test may swap through `browser.fetchHandler`; every call is kept in `browser.requests`.
 */
export function installBrowser() {
  const timers = fakeTimers();
  const browser = {
    document: fakeDocument(),
    localStorage: fakeStorage(),
    timers,
    requests: [],
    fetchHandler: () => Promise.reject(new TypeError('no fetch handler in this test')),
  };
  const globals = {
    window: globalThis,
    document: browser.document,
    localStorage: browser.localStorage,
    navigator: {},
    location: { origin: 'https://karta.example.se', pathname: '/', search: '' },
    fetch: (url, options = {}) => {
      browser.requests.push({ url: String(url), options });
      return browser.fetchHandler(String(url), options);
    },
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    requestAnimationFrame: (fn) => { fn(); return 0; },
  };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  }
  globalThis.addEventListener ??= () => {};
  globalThis.crypto ??= webcrypto; // globals from Node 19 on
  globalThis.CustomEvent ??= class CustomEvent extends Event {
    constructor(type, init = {}) {
      super(type, init);
      this.detail = init.detail ?? null;
    }
  };
  return browser;
}

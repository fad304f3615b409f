// An in-memory IndexedDB with just what walk-store.js uses: open with an upgrade, object stores
// with a keyPath (optionally autoIncrement) and one index each, add/get/put/delete, and an
// index's getAll/count. Values are copied in and out (structuredClone), as the real one does, and
// requests answer asynchronously. A transaction completes once no request is pending after the
// callbacks of the last one had their turn; abort() undoes its writes.

class Request {
  constructor() {
    this.result = undefined;
    this.error = null;
    this.onsuccess = null;
    this.onerror = null;
  }
}

class Store {
  constructor(keyPath, autoIncrement) {
    this.keyPath = keyPath;
    this.autoIncrement = autoIncrement;
    this.rows = new Map();
    this.indexes = new Map(); // name -> field
    this.nextKey = 1;
  }
}

class Transaction {
  constructor(db, names) {
    this.db = db;
    this.names = names;
    this.pending = 0;
    this.done = false;
    this.error = null;
    this.oncomplete = null;
    this.onerror = null;
    this.onabort = null;
    this.before = new Map(names.map((n) => [n, new Map(db.stores.get(n).rows)]));
    this.checkDone();
  }

  objectStore(name) {
    if (!this.names.includes(name)) throw new Error(`store ${name} is not in this transaction`);
    const store = this.db.stores.get(name);
    const tx = this;
    const key = (value) => {
      if (store.autoIncrement && value[store.keyPath] === undefined) value[store.keyPath] = store.nextKey++;
      return value[store.keyPath];
    };
    const rowsOf = (field, value) => [...store.rows.values()].filter((row) => row[field] === value);
    return {
      add: (value) => tx.request(() => {
        const copy = structuredClone(value);
        const k = key(copy);
        if (store.rows.has(k)) throw new Error('ConstraintError');
        store.rows.set(k, copy);
        return k;
      }),
      put: (value) => tx.request(() => {
        const copy = structuredClone(value);
        store.rows.set(key(copy), copy);
        return copy[store.keyPath];
      }),
      get: (k) => tx.request(() => structuredClone(store.rows.get(k))),
      delete: (k) => tx.request(() => { store.rows.delete(k); }),
      index: (name) => ({
        getAll: (value) => tx.request(() => structuredClone(rowsOf(store.indexes.get(name), value))),
        count: (value) => tx.request(() => rowsOf(store.indexes.get(name), value).length),
      }),
    };
  }

  request(run) {
    if (this.done) throw new Error('TransactionInactiveError');
    const request = new Request();
    this.pending += 1;
    setImmediate(() => {
      this.pending -= 1;
      if (this.done) return;
      try {
        request.result = run();
        request.onsuccess?.();
      } catch (e) {
        request.error = e;
        request.onerror?.();
        this.abort(e);
      }
      this.checkDone();
    });
    return request;
  }

  /** Completes after a turn without new requests, as the browser commits an idle transaction. */
  checkDone() {
    setImmediate(() => {
      if (this.done || this.pending > 0) return;
      this.done = true;
      this.oncomplete?.();
    });
  }

  abort(error = null) {
    if (this.done) return;
    this.done = true;
    this.error = error;
    for (const [name, rows] of this.before) this.db.stores.get(name).rows = rows;
    setImmediate(() => this.onabort?.()); // an event, so after the code that called abort()
  }
}

class Database {
  constructor() {
    this.stores = new Map();
    this.onversionchange = null;
  }
  createObjectStore(name, { keyPath, autoIncrement = false }) {
    const store = new Store(keyPath, autoIncrement);
    this.stores.set(name, store);
    return { createIndex: (indexName, field) => { store.indexes.set(indexName, field); } };
  }
  transaction(names) {
    return new Transaction(this, [names].flat());
  }
  close() {}
}

/** A fresh, empty indexedDB; each open() of a new name runs onupgradeneeded once. */
export function fakeIndexedDB() {
  const databases = new Map();
  return {
    databases,
    /** Puts rows straight into a store of an opened database (quicker than one transaction each). */
    seed(name, storeName, values) {
      const store = databases.get(name).stores.get(storeName);
      for (const value of values) {
        const copy = structuredClone(value);
        if (store.autoIncrement && copy[store.keyPath] === undefined) copy[store.keyPath] = store.nextKey++;
        store.rows.set(copy[store.keyPath], copy);
      }
    },
    open(name) {
      const request = new Request();
      setImmediate(() => {
        const isNew = !databases.has(name);
        if (isNew) databases.set(name, new Database());
        request.result = databases.get(name);
        if (isNew) request.onupgradeneeded?.();
        request.onsuccess?.();
      });
      return request;
    },
  };
}

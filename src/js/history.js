// Earlier sessions, kept in IndexedDB (far more room than local storage's
// five million characters): a tiny shim over the callback API, used by
// src/history.rs. Every function resolves, never rejects: a browser without
// IndexedDB (or with it disabled) simply keeps no history, and says so.
const DB = 'stance-widget';
const STORE = 'earlier-sessions';

function open() {
  return new Promise((resolve) => {
    let request;
    try {
      request = indexedDB.open(DB, 1);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}

function run(mode, work) {
  return open().then(
    (db) =>
      new Promise((resolve) => {
        if (!db) {
          resolve(null);
          return;
        }
        let result = null;
        const tx = db.transaction(STORE, mode);
        Promise.resolve(work(tx.objectStore(STORE), (value) => (result = value))).catch(() => tx.abort());
        tx.oncomplete = () => {
          db.close();
          resolve(result);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          resolve(null);
        };
      }),
  );
}

/** Adds a session; keeps the newest `keep`. Resolves to its id, or null. */
export function historyAdd(json, title, articles, keep) {
  return run('readwrite', (store, done) => {
    const add = store.add({ savedAt: Date.now(), title, articles, json });
    add.onsuccess = () => {
      done(add.result);
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        const old = keys.result.slice(0, Math.max(0, keys.result.length - keep));
        for (const key of old) store.delete(key);
      };
    };
  });
}

/** The sessions kept, newest first, without their JSON: [{id, savedAt, title, articles}], or null. */
export function historyList() {
  return run('readonly', (store, done) => {
    const list = [];
    const cursor = store.openCursor(null, 'prev');
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) {
        done(list);
        return;
      }
      const { id, savedAt, title, articles } = c.value;
      list.push({ id, savedAt, title, articles });
      c.continue();
    };
  });
}

/** One session's JSON, or null. */
export function historyGet(id) {
  return run('readonly', (store, done) => {
    const get = store.get(id);
    get.onsuccess = () => done(get.result ? get.result.json : null);
  });
}

/** Deletes one session; resolves to true when done. */
export function historyDelete(id) {
  return run('readwrite', (store, done) => {
    store.delete(id).onsuccess = () => done(true);
  });
}

// Browser storage for entiscope's workspace, imported by src/storage.rs.
// IndexedDB with one record per article and per correction, so two tabs that
// add different things never overwrite each other; every write is one
// transaction, and a BroadcastChannel tells other tabs to reload.
const DB_NAME = 'entiscope';
const DB_VERSION = 1;
let dbPromise;

function openDb() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      if (!('indexedDB' in globalThis) || !globalThis.indexedDB) {
        reject(new Error('this browser offers no storage (IndexedDB), e.g. in some private modes'));
        return;
      }
      let req;
      try {
        req = indexedDB.open(DB_NAME, DB_VERSION);
      } catch (e) {
        reject(e);
        return;
      }
      // Schema migrations: each version adds what it needs, so an older
      // database is brought forward without losing records.
      req.onupgradeneeded = (ev) => {
        const db = req.result;
        if (ev.oldVersion < 1) {
          db.createObjectStore('articles', { keyPath: 'id' });
          db.createObjectStore('corrections', { keyPath: 'id' });
        }
      };
      req.onsuccess = () => {
        const db = req.result;
        db.onversionchange = () => {
          db.close();
          dbPromise = undefined;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error || new Error('could not open storage'));
      req.onblocked = () => reject(new Error('storage upgrade blocked by another open entiscope tab; close it and reload'));
    });
    dbPromise.catch(() => {
      dbPromise = undefined;
    });
  }
  return dbPromise;
}

function run(stores, mode, body) {
  return openDb().then(
    (db) =>
      new Promise((resolve, reject) => {
        let tx;
        try {
          tx = db.transaction(stores, mode);
        } catch (e) {
          reject(e);
          return;
        }
        let result;
        tx.oncomplete = () => resolve(result);
        tx.onerror = () => reject(tx.error || new Error('storage transaction failed'));
        tx.onabort = () => reject(tx.error || new Error('storage transaction aborted'));
        try {
          result = body(tx);
        } catch (e) {
          try {
            tx.abort();
          } catch (_) {
            /* already finished */
          }
          reject(e);
        }
      }),
  );
}

const channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel('entiscope-workspace') : null;
const notify = () => channel?.postMessage('changed');

/** Call `cb` when another tab changes the stored workspace. */
export function onOtherTabChange(cb) {
  if (channel) channel.onmessage = () => cb();
}

/** Every stored article and correction: `{articles, corrections}`. */
export function loadWorkspace() {
  return run(['articles', 'corrections'], 'readonly', (tx) => {
    const out = { version: 1, articles: [], corrections: [] };
    tx.objectStore('articles').getAll().onsuccess = (e) => {
      out.articles = e.target.result.sort((a, b) => (a.added_ms || 0) - (b.added_ms || 0));
    };
    tx.objectStore('corrections').getAll().onsuccess = (e) => {
      out.corrections = e.target.result.sort((a, b) => (a.at_ms || 0) - (b.at_ms || 0));
    };
    return out;
  });
}

/** Store records (objects with an `id`) in `store`, all or none. */
export function putRecords(store, records) {
  return run([store], 'readwrite', (tx) => {
    const s = tx.objectStore(store);
    for (const r of records) s.put(r);
  }).then(notify);
}

/** Store new articles under ids no stored article has: an id another tab
 * took meanwhile gets "-2", "-3", ... Choosing and storing are one
 * transaction, and IndexedDB runs a store's write transactions one at a time,
 * so two tabs adding at once cannot both take an id. Resolves to the ids
 * used, in order. */
export function addArticles(records) {
  // An error inside a request's handler would only abort the transaction
  // ("AbortError"): keep it, so the reader is told the real cause.
  let failure;
  return run(['articles'], 'readwrite', (tx) => {
    const store = tx.objectStore('articles');
    const ids = [];
    const place = (i) => {
      if (i >= records.length) return;
      const record = records[i];
      const base = record.id;
      const attempt = (id, n) => {
        store.getKey(id).onsuccess = (e) => {
          if (e.target.result !== undefined) {
            attempt(`${base}-${n}`, n + 1);
            return;
          }
          try {
            store.put({ ...record, id });
          } catch (err) {
            failure = err;
            tx.abort();
            return;
          }
          ids.push(id);
          place(i + 1);
        };
      };
      attempt(base, 2);
    };
    place(0);
    return ids;
  }).then(
    (ids) => {
      notify();
      return ids;
    },
    (err) => {
      throw failure || err;
    },
  );
}

/** Delete records by id from `store`; `null` clears it. */
export function deleteRecords(store, ids) {
  return run([store], 'readwrite', (tx) => {
    const s = tx.objectStore(store);
    if (ids === null) s.clear();
    else for (const id of ids) s.delete(id);
  }).then(notify);
}

/** Files chosen or dropped, as `[{name, bytes}]` (bytes: Uint8Array). */
export function readFiles(files) {
  return Promise.all(
    Array.from(files || []).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** Offer `text` as a file download named `name`. */
export function download(name, type, text) {
  offer(name, new Blob([text], { type }));
}

/** Offer `blob` as a file download named `name` (also used by overview.js). */
export function offer(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 2000);
}

// The browser-side JavaScript the app's wasm imports, in one module so that
// the page fetches one file for it, not one per concern: on HTTP/1.1 (a
// local server, `make bench`) a browser opens six connections per host, and
// four snippet files beside the glue, the wasm and a bundle's head made the
// head wait for a free one. Sections: storage (IndexedDB, downloads, files),
// bundle (precomputed corpora), extractor (its module and data), overview
// (the map file, saving charts).

// -------- storage -----------------------------------------------------------

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

/** Offer `blob` as a file download named `name` (also used by the overview section). */
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

// -------- bundle ------------------------------------------------------------

// Fetching a precomputed corpus (`entiscope bundle`) from the same static
// host: the page names the bundle's folder in <meta name="entiscope-bundle">,
// files are gzip and inflated by the platform's DecompressionStream, so no
// inflate code ships in the wasm. boot.js starts the head's download before
// the wasm has even compiled; fetchBundleFile takes it over.

export function bundleBase() {
  const m = document.querySelector('meta[name="entiscope-bundle"]');
  const v = m && m.getAttribute('content');
  return v ? v : undefined;
}

export async function inflateUrl(url) {
  const r = await fetch(url, { credentials: 'same-origin' });
  if (!r.ok) throw new Error(`${new URL(url).pathname}: HTTP ${r.status}`);
  const stream = r.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function fetchBundleFile(name) {
  const pre = globalThis.entiscopeBundlePrefetch;
  if (pre && pre[name]) {
    const p = pre[name];
    delete pre[name];
    return p;
  }
  return inflateUrl(new URL(bundleBase() + name, document.baseURI).href);
}

// -------- extractor ---------------------------------------------------------

// The extractor is a wasm module of its own (crates/extractor-web, which
// Trunk builds beside the app) with its open data (places, countries, given
// names, curated names) in files on the same static host. Both are fetched
// the first time the page extracts text (a reader's own articles): the
// compiled-in corpus was extracted at build time, so the first screen never
// waits for them. Resolves to [module, texts of the files `names`].

export async function loadExtractor(folder, names) {
  const base = document.baseURI;
  const module = import(new URL('entiscope-extractor.js', base).href).then(async (m) => {
    const wasm = await m.default({ module_or_path: new URL('entiscope-extractor_bg.wasm', base) });
    // Read by `make bench` for the page's memory.
    globalThis.entiscopeExtractorMemory = wasm.memory;
    return m;
  });
  const texts = Promise.all(names.map(async (name) => {
    const url = new URL(folder + name, base);
    const r = await fetch(url, { credentials: 'same-origin' });
    if (!r.ok) throw new Error(`${url.pathname}: HTTP ${r.status}`);
    return r.text();
  }));
  return Promise.all([module, texts]);
}

// -------- overview ----------------------------------------------------------

// Browser helpers for the overviews (timeline, network, map), imported by
// src/overview.rs: fetch the map file (same origin), and save the charts of a
// view as SVG or PNG. A chart's colours come from the page's CSS custom
// properties, so a saved copy gets the computed styles written in as
// presentation attributes.

/** Text of a same-origin file, relative to the page's base URL. */
export async function fetchText(path) {
  const res = await fetch(new URL(path, document.baseURI), { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.text();
}

const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'paint-order', 'display', 'visibility',
];

// One SVG holding every `svg.chart` under `root`, stacked, styles inlined.
function standalone(root) {
  const ns = 'http://www.w3.org/2000/svg';
  const charts = [...root.querySelectorAll('svg.chart')];
  const out = document.createElementNS(ns, 'svg');
  let width = 0;
  let y = 0;
  const bg = getComputedStyle(document.body).backgroundColor;
  const back = document.createElementNS(ns, 'rect');
  out.append(back);
  for (const svg of charts) {
    const box = svg.viewBox.baseVal;
    const copy = svg.cloneNode(true);
    const src = [svg, ...svg.querySelectorAll('*')];
    const dst = [copy, ...copy.querySelectorAll('*')];
    // Computed styles as presentation attributes (a style attribute would
    // be inline style, which the page's Content-Security-Policy refuses).
    src.forEach((el, i) => {
      const cs = getComputedStyle(el);
      for (const p of STYLE_PROPS) dst[i].setAttribute(p, cs.getPropertyValue(p));
      for (const a of ['tabindex', 'role', 'class', 'aria-pressed', 'aria-label', 'aria-hidden', 'focusable']) dst[i].removeAttribute(a);
    });
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(box.width));
    copy.setAttribute('height', String(box.height));
    out.append(copy);
    width = Math.max(width, box.width);
    y += box.height;
  }
  out.setAttribute('xmlns', ns);
  out.setAttribute('viewBox', `0 0 ${width} ${y}`);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(y));
  back.setAttribute('width', String(width));
  back.setAttribute('height', String(y));
  back.setAttribute('fill', bg);
  return { text: new XMLSerializer().serializeToString(out), width, height: y };
}

/**
 * The download buttons of a view: `button` names the charts' container
 * (`data-chart`, an id), the file (`data-name`) and the format (`data-png`);
 * a failure is written to the status element beside it.
 */
export function saveFrom(button) {
  const status = button.parentElement?.querySelector('[role=status]');
  const { chart, name, png } = button.dataset;
  saveCharts(`#${chart}`, name, png === 'true').then(
    () => status && (status.textContent = ''),
    (e) => status && (status.textContent = `Could not save: ${e.message || e}`),
  );
}

/** Save the charts under the element matching `selector` as `name`.svg or .png. */
export async function saveCharts(selector, name, png) {
  const root = document.querySelector(selector);
  if (!root) throw new Error('nothing to save');
  const { text, width, height } = standalone(root);
  const svg = new Blob([text], { type: 'image/svg+xml' });
  if (!png) return offer(`${name}.svg`, svg);
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = () => reject(new Error('the drawing could not be rendered'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the drawing could not be encoded');
    offer(`${name}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}

// `make bench`, browser half: measures the release builds that scripts/bench.sh
// prepared, in headless Chromium, and writes target/bench/report.json plus a
// readable table (target/bench/report.md). Every timing is the median and
// p95 of repeated cold runs (a fresh browser context each run: empty cache).
//
// Sites measured, each served from its own local static server:
//   floor    target/bench/floor      a bare Leptos counter, same profile
//   default  dist                    the app with the compiled-in corpus
//   10k      target/bench/site-10k   the app + a 10,000-article bundle
//   100k     target/bench/site-100k  the app + a 100,000-article bundle
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'target/bench');
const RUNS = Number(process.env.BENCH_RUNS || 15);
const CLICKS = Number(process.env.BENCH_CLICKS || 50);
const native = JSON.parse(fs.readFileSync(path.join(OUT, 'native.json'), 'utf8'));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.gz': 'application/octet-stream',
};

const gzSize = (file) => (file.endsWith('.gz') ? fs.statSync(file).size : zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);

/** A static server for `dir`; `/__bench/` serves compromise from node_modules.
 * Records every file served (for first-load transfer). */
async function serve(dir) {
  const served = [];
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = rel.startsWith('/__bench/')
      ? path.join(ROOT, 'node_modules/compromise/builds', path.basename(rel))
      : path.join(dir, rel);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
    served.push(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, served, close: () => server.close() };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(s.length * p))];
  const r = (v) => Math.round(v * 10) / 10;
  return { p50: r(q(0.5)), p95: r(q(0.95)), runs: s.length };
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--no-first-run',
    '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

/** Milliseconds from navigation start until `selector` is in the DOM. */
async function firstRender(url, selector) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((sel) => {
    const check = () => {
      if (window.__fr === undefined && document.querySelector(sel)) window.__fr = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__fr !== undefined, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__fr);
  await context.close();
  return ms;
}

async function firstRenders(site, selector, runs) {
  await firstRender(site.url, selector); // warm the server and the disk cache
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await firstRender(site.url, selector));
  return stats(out);
}

/** Files (and their gzip size) the first screen loads. */
async function firstLoadTransfer(site, selector) {
  site.served.length = 0;
  await firstRender(site.url, selector);
  const files = [...new Set(site.served)];
  return { bytes_gz: files.reduce((n, f) => n + gzSize(f), 0), files: files.map((f) => path.relative(ROOT, f)) };
}

async function openApp(url, selector = '[data-testid=article-card]') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(selector, { timeout: 60_000 });
  if (selector.includes('article-card')) await page.waitForFunction(() => globalThis.entiscopeBench !== undefined);
  return { context, page };
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => globalThis.gc && globalThis.gc());
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const js = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => globalThis.entiscopeBench.wasmBytes());
  const mb = (v) => Math.round((v / 1e6) * 10) / 10;
  return { total: mb(js + wasm), js_heap: mb(js), wasm: mb(wasm) };
}

const include = (page, i) => page.locator('[data-testid=facet][data-entity-type=place] [data-testid=facet-include]').nth(i);

/** Event Timing durations of the `CLICKS` clicks `run` makes in `page`.
 * Clicks under 16 ms are not reported by the API (its smallest threshold)
 * and count as 16 here, so the figures are upper bounds. */
async function clickDurations(page, run) {
  await page.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'click') window.__events.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  await run();
  await page.waitForTimeout(300);
  const slow = await page.evaluate(() => window.__events);
  const all = [...Array(Math.max(0, CLICKS - slow.length)).fill(16), ...slow];
  return { ...stats(all), reported_over_16ms: slow.length };
}

/** Click → paint of entity-filter clicks (add, then remove). */
async function filterLatency(url) {
  const { page, context } = await openApp(url);
  // A bundle loads its postings with the first entity filter: do that first,
  // and report it apart.
  const t0 = Date.now();
  await include(page, 0).click();
  await page.waitForSelector('[data-testid=active-filter]');
  await page.waitForSelector('[data-testid=article-card]', { timeout: 60_000 });
  const firstFilterMs = Date.now() - t0;
  await page.locator('[data-testid=active-filter] button').first().click();
  await page.waitForSelector('[data-testid=active-filter]', { state: 'detached' });
  const clicks = await clickDurations(page, async () => {
    for (let i = 0; i < CLICKS / 2; i++) {
      await include(page, 0).click();
      await page.waitForSelector('[data-testid=active-filter]');
      await include(page, 0).click();
      await page.waitForSelector('[data-testid=active-filter]', { state: 'detached' });
    }
  });
  await context.close();
  return { ...clicks, first_filter_ms: firstFilterMs };
}

/** The same Event Timing measurement on the bare counter (its click does
 * almost nothing): the floor a click → paint figure can reach in this
 * browser, frame alignment and compositing included. */
async function clickFloor(url) {
  const { page, context } = await openApp(url, '[data-testid=counter]');
  await page.locator('[data-testid=counter]').click();
  const clicks = await clickDurations(page, async () => {
    for (let i = 0; i < CLICKS; i++) {
      await page.locator('[data-testid=counter]').click();
      await page.waitForTimeout(20);
    }
  });
  await context.close();
  return clicks;
}

async function memoryFigures(url) {
  const { page, context } = await openApp(url);
  await page.waitForTimeout(500);
  const afterLoad = await memory(page);
  const n = Math.min(20, await page.locator('[data-testid=facet][data-entity-type=place] [data-testid=facet-include]').count());
  for (let i = 0; i < 20; i++) {
    await include(page, i % Math.max(1, n)).click();
    await page.waitForSelector('[data-testid=active-filter]');
    await page.locator('[data-testid=active-filter] button').first().click();
    await page.waitForSelector('[data-testid=active-filter]', { state: 'detached' });
  }
  const afterFilters = await memory(page);
  await context.close();
  return { after_load: afterLoad, after_20_filters: afterFilters };
}

/** entiscope's wasm extractor and compromise on the same text in one page. */
async function extractThroughput(site) {
  const corpus = fs.readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => fs.readFileSync(path.join(ROOT, 'corpus', f), 'utf8')).join('\n\n');
  let text = corpus;
  while (text.length < 200_000) text += '\n\n' + corpus;
  const words = text.split(/\s+/).filter(Boolean).length;
  const { page, context } = await openApp(site.url);
  await page.addScriptTag({ url: `${site.url}__bench/compromise.js` });
  // The extractor's data is fetched on first use: load it before timing.
  const ready = await page.evaluate(() => globalThis.entiscopeBench.ready());
  if (!ready) throw new Error('the in-page extractor could not be built');
  const r = await page.evaluate(({ text, words }) => {
    const time = (f, n) => {
      f(); // warm up (builds the extractor, compiles compromise's lexicon)
      const t = [];
      for (let i = 0; i < n; i++) { const a = performance.now(); f(); t.push(performance.now() - a); }
      t.sort((a, b) => a - b);
      return words / (t[Math.floor(t.length / 2)] / 1000);
    };
    const mentions = globalThis.entiscopeBench.extract(text);
    const wasm = time(() => globalThis.entiscopeBench.extract(text), 9);
    const nlp = globalThis.nlp;
    const compromise = time(() => {
      const doc = nlp(text);
      doc.people().out('array'); doc.places().out('array'); doc.organizations().out('array');
    }, 3);
    return { wasm, compromise, mentions };
  }, { text, words });
  await context.close();
  return { words, ...r };
}

// --- run -------------------------------------------------------------------
const sites = {};
for (const [name, dir] of [['floor', 'target/bench/floor'], ['default', 'dist'], ['10k', 'target/bench/site-10k'], ['100k', 'target/bench/site-100k']]) {
  sites[name] = await serve(path.join(ROOT, dir));
}
const LIST = '[data-testid=article-card]';
const log = (...a) => console.error('#', ...a);

const first = {};
first.floor = await firstRenders(sites.floor, '[data-testid=counter]', RUNS);
log('first render floor', first.floor);
for (const name of ['default', '10k', '100k']) {
  first[name] = await firstRenders(sites[name], LIST, name === '100k' ? Math.max(5, Math.round(RUNS / 2)) : RUNS);
  log(`first render ${name}`, first[name]);
}
const ratio = Object.fromEntries(['default', '10k', '100k'].map((n) => [n, Math.round((first[n].p50 / first.floor.p50) * 100) / 100]));

const filter = {};
const memory_mb = {};
filter.floor = await clickFloor(sites.floor.url);
log('click floor (counter)', filter.floor);
for (const name of ['default', '10k', '100k']) {
  filter[name] = await filterLatency(sites[name].url);
  log(`filter ${name}`, filter[name]);
  const m = await memoryFigures(sites[name].url);
  memory_mb[name] = m.after_20_filters.total;
  memory_mb[`${name}_detail`] = m;
  log(`memory ${name}`, m);
}

const ex = await extractThroughput(sites.default);
log('extraction', ex);

const transfer = {};
for (const name of ['default', '10k', '100k']) transfer[name] = await firstLoadTransfer(sites[name], LIST);

const dist = path.join(ROOT, 'dist');
const gzOf = (...files) => files.reduce((n, f) => n + gzSize(path.join(dist, f)), 0);
const snippets = fs.readdirSync(path.join(dist, 'snippets'), { recursive: true })
  .filter((f) => f.endsWith('.js')).map((f) => path.join('snippets', f));
const sizes = JSON.parse(fs.readFileSync(path.join(OUT, 'sizes.json'), 'utf8'));
// The app's wasm is what every visit loads; the extractor's module (its
// wasm and glue) and the knowledge files are loaded when a reader first
// adds articles.
const appWasm = gzOf('entiscope-app_bg.wasm');
const extractorWasm = gzOf('entiscope-extractor_bg.wasm');
const report = {
  sizes_gz: {
    wasm: appWasm,
    wasm_extractor_on_demand: extractorWasm,
    // Extraction data: what the app's wasm embeds plus the knowledge files
    // the page fetches on first extraction (neither is app code).
    data: sizes.embedded_data_gz + sizes.fetched_data_gz,
    data_embedded: sizes.embedded_data_gz,
    data_fetched_on_demand: sizes.fetched_data_gz,
    // First load: the loader, the app's glue and its snippet, the CSS.
    js_css: gzOf('boot.js', 'entiscope-app.js', ...snippets, 'main.css'),
    js_extractor_on_demand: gzOf('entiscope-extractor.js'),
    app_wasm_excluding_data: appWasm - sizes.embedded_data_gz,
    // The extractor: its module's code and embedded lists, and its
    // knowledge files.
    extractor_with_data: extractorWasm + gzOf('entiscope-extractor.js') + sizes.fetched_data_gz,
    data_files: sizes.data_files,
    fetched_data_files: sizes.fetched_data_files,
    extractor_embedded_data: sizes.extractor_embedded_data_gz,
    bundle_10k: sizes.bundle_10k,
    bundle_100k: sizes.bundle_100k,
  },
  first_render_ms: { ...first, ratio_to_floor: ratio },
  filter_ms: filter,
  extract_words_per_s: {
    wasm: Math.round(ex.wasm),
    compromise: Math.round(ex.compromise),
    native: native.words_per_s,
    wasm_to_compromise: Math.round((ex.wasm / ex.compromise) * 10) / 10,
    text_words: ex.words,
  },
  memory_mb,
  first_load_transfer_gz: transfer,
  bundle_100k_s: native.bundle_100k_one_core_s,
  bundle_100k_all_cores_s: native.bundle_100k_all_cores_s,
  cores: native.cores,
  chromium: browser.version(),
  date: new Date().toISOString(),
};
await browser.close();
for (const s of Object.values(sites)) s.close();
fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(report, null, 2) + '\n');

// --- the readable table ------------------------------------------------------
const kb = (b) => `${Math.round(b / 1000)} KB`;
const t = (o) => `${o.p50} / ${o.p95} ms (${o.runs})`;
const rows = [
  ['app wasm (gzip), loaded by every visit', kb(report.sizes_gz.wasm), 'app ≤ 150 KB + data ≤ 300 KB'],
  ['  of which embedded data (outlet and furniture lists, lexicon, default corpus and its extraction)', kb(report.sizes_gz.data_embedded), ''],
  ['  app code (wasm minus data)', kb(report.sizes_gz.app_wasm_excluding_data), '≤ 150 KB'],
  ['extractor module (gzip wasm + glue), loaded when articles are first added', kb(report.sizes_gz.wasm_extractor_on_demand + report.sizes_gz.js_extractor_on_demand), ''],
  ['extraction data in all (app-embedded + knowledge files fetched on first extraction)', kb(report.sizes_gz.data), '≤ 300 KB'],
  ['extractor and its data (module + knowledge files)', kb(report.sizes_gz.extractor_with_data), '≤ 300 KB'],
  ['JS + CSS on first load (gzip: loader, glue, snippet, CSS)', kb(report.sizes_gz.js_css), '≤ 20 KB'],
  ['first render, floor (counter)', t(first.floor), ''],
  ['first render, default', `${t(first.default)} = ${ratio.default}× floor`, '≤ 1.3×'],
  ['first render, 10k', `${t(first['10k'])} = ${ratio['10k']}× floor`, '≤ 2×'],
  ['first render, 100k', `${t(first['100k'])} = ${ratio['100k']}× floor`, '≤ 3×'],
  ['click → paint floor (bare counter, same method)', t(filter.floor), ''],
  ['filter click → paint, default', t(filter.default), 'p95 ≤ 16 ms'],
  ['filter click → paint, 10k', `${t(filter['10k'])}; first filter ${filter['10k'].first_filter_ms} ms`, 'p95 ≤ 50 ms'],
  ['filter click → paint, 100k', `${t(filter['100k'])}; first filter ${filter['100k'].first_filter_ms} ms`, 'p95 ≤ 100 ms'],
  ['extraction in page (wasm)', `${report.extract_words_per_s.wasm.toLocaleString('en')} words/s`, ''],
  ['extraction in page (compromise)', `${report.extract_words_per_s.compromise.toLocaleString('en')} words/s`, ''],
  ['  ratio', `${report.extract_words_per_s.wasm_to_compromise}×`, '≥ 100×'],
  ['extraction native (one core)', `${report.extract_words_per_s.native.toLocaleString('en')} words/s`, '≥ 5,000,000'],
  ['memory after 20 filters, default', `${memory_mb.default} MB`, ''],
  ['memory after 20 filters, 10k', `${memory_mb['10k']} MB`, '≤ 64 MB'],
  ['memory after 20 filters, 100k', `${memory_mb['100k']} MB`, '≤ 256 MB'],
  ['first-load transfer, 10k (gzip)', kb(transfer['10k'].bytes_gz), '≤ 1.2 MB'],
  ['bundle 100k articles, one core', `${report.bundle_100k_s} s`, '< 120 s'],
  ['bundle 100k articles, all cores', `${report.bundle_100k_all_cores_s} s (${report.cores} cores)`, ''],
];
const md = ['| figure | measured (p50 / p95, runs) | target |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
fs.writeFileSync(path.join(OUT, 'report.md'), md);
console.log(md);

// Shared end-to-end harness: a static server that behaves like GitHub Pages
// (files under a sub-path, unknown paths answered by 404.html), and a headless
// Chromium page that records console messages, page errors and requests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { before, after } from 'node:test';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = path.join(ROOT, 'corpus');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serve `dir` under `prefix` (e.g. '/' or '/entiscope/') on 127.0.0.1. */
export async function serve(dir, prefix = '/') {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the site');
      return;
    }
    rel = rel.slice(prefix.length);
    let file = path.join(dir, rel);
    if (!file.startsWith(dir)) file = path.join(dir, '404.html');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!fs.existsSync(file)) {
      status = 404;
      file = path.join(dir, '404.html');
    }
    const body = fs.readFileSync(file);
    res.writeHead(status, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Launch headless Chromium (Debian's, never a downloaded one). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * A new page with recorders: `messages` (console warnings and errors, page
 * errors) and `requests` (every URL requested).
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const messages = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  return { context, page, messages, requests };
}

/** The default corpus: [{ id, text }] sorted by file name. */
export function corpus() {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.slice(0, -4), text: fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8') }));
}

/** Whitespace-collapsed text, for comparing what is shown with the source. */
/** Name the bundle in `bundle/` in a copied site's index.html and 404.html
 * (as a site hosting a precomputed corpus does); fails loudly if the page
 * no longer has the tag the meta is put before. */
export function nameBundle(siteDir) {
  for (const f of ['index.html', '404.html']) {
    const file = path.join(siteDir, f);
    if (!fs.existsSync(file)) continue;
    const html = fs.readFileSync(file, 'utf8');
    const anchor = '<meta name="referrer"';
    if (!html.includes(anchor)) throw new Error(`${file}: no ${anchor} to put the bundle's meta tag before`);
    fs.writeFileSync(file, html.replace(anchor, `<meta name="entiscope-bundle" content="bundle/">\n  ${anchor}`));
  }
}

export const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Save a screenshot under target/screenshots/ (and docs/ when asked). */
export async function screenshot(page, name) {
  const dir = path.join(ROOT, 'target', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
  if (process.env.UPDATE_SCREENSHOT === '1' && name === 'readme') {
    fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot.png') });
  }
}

/**
 * The extractor's own output for the default corpus (the CLI's `--json`), so
 * tests can check what the UI shows against what was extracted.
 */
export function extraction() {
  const out = execFileSync('cargo', ['run', '-q', '-p', 'entiscope-cli', '--', 'extract', 'corpus', '--json'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const json = JSON.parse(out.toString('utf8'));
  // Documents per entity, keyed `TYPE:id` (a nationality shares its country's id).
  const docsOf = new Map();
  for (const d of json.documents) {
    for (const m of d.mentions) {
      const key = `${m.ty}:${m.entity}`;
      if (!docsOf.has(key)) docsOf.set(key, new Set());
      docsOf.get(key).add(d.id);
    }
  }
  // A bare id resolves as the app does: the first type in this order.
  const ORDER = ['PERSON', 'ORG', 'PLACE', 'NORP', 'DATE'];
  const resolve = (key) => {
    if (key.includes(':')) {
      const [ty, id] = key.split(':');
      return `${ty.toUpperCase()}:${id}`;
    }
    const ty = ORDER.find((t) => docsOf.has(`${t}:${key}`));
    return `${ty}:${key}`;
  };
  const docsWith = (key) => docsOf.get(resolve(key)) ?? new Set();
  return { ...json, docsOf, docsWith, resolve };
}

/** Run axe-core in the page; returns serious and critical violations. */
export async function axe(page) {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Register `before`/`after` hooks that start headless Chromium and a static
 * server for `dir` under `prefix`, for one test file; the returned object
 * holds `browser` and `server` once the hooks have run.
 */
export function useSite(dir = 'dist', prefix = '/') {
  const site = { browser: null, server: null };
  before(async () => {
    site.browser = await launch();
    site.server = await serve(path.join(ROOT, dir), prefix);
  });
  after(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

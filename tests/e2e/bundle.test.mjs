// A precomputed corpus (`entiscope bundle`) served from the same static host:
// 300 synthetic articles, so the list pages, the postings load with the first
// entity filter, texts load per chunk when an article opens, and a damaged
// file is reported instead of breaking the page. Expected sets come from the
// CLI's own extraction of the same files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, serve, launch, openPage, squash, nameBundle } from './harness.mjs';

const WORK = path.join(ROOT, 'target', 'e2e-bundle');
const CORPUS = path.join(WORK, 'corpus');
const SITE = path.join(WORK, 'site');
const cli = (...args) =>
  execFileSync('cargo', ['run', '-q', '-p', 'entiscope-cli', '--', ...args], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });

let server;
let browser;
let ex; // { documents, entities } from `entiscope extract --json`
const docsOf = new Map(); // `TYPE:id` -> Set of document ids

before(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  cli('generate', '--articles', '300', '--seed', '7', '--out', CORPUS);
  fs.cpSync(path.join(ROOT, 'dist'), SITE, { recursive: true });
  cli('bundle', CORPUS, '--out', path.join(SITE, 'bundle'), '--chunk-size', '64');
  nameBundle(SITE);
  ex = JSON.parse(cli('extract', CORPUS, '--json').toString('utf8'));
  for (const d of ex.documents) {
    for (const m of d.mentions) {
      const key = `${m.ty}:${m.entity}`;
      if (!docsOf.has(key)) docsOf.set(key, new Set());
      docsOf.get(key).add(d.id);
    }
  }
  server = await serve(SITE);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const count = async (page) => Number(await page.textContent('[data-testid=result-count]'));

test('the first screen needs only the head: the list pages 30 at a time', async () => {
  const { page, context, requests, messages } = await openPage(browser);
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=article-card]');
  assert.equal(await count(page), 300);
  assert.equal(await page.locator('[data-testid=article-card]').count(), 30);
  await page.click('[data-testid=show-more-articles]');
  assert.equal(await page.locator('[data-testid=article-card]').count(), 60);
  // Facets show counts from the head before any postings are loaded.
  const top = page.locator('[data-testid=facet][data-entity-type=place] [data-testid=facet-entity]').first();
  const id = await top.getAttribute('data-entity-id');
  assert.match(await top.textContent(), new RegExp(String(docsOf.get(`PLACE:${id}`).size)));
  const files = requests.map((u) => new URL(u).pathname);
  assert.ok(files.includes('/bundle/head.bin.gz'), files.join(' '));
  assert.ok(!files.some((f) => /postings|texts-/.test(f)), `loaded too early: ${files.join(' ')}`);
  assert.ok(requests.every((u) => u.startsWith(server.origin)), requests.join(' '));
  assert.deepEqual(messages, []);
  await context.close();
});

test('an entity filter loads the postings and keeps exactly the articles that mention it', async () => {
  const { page, context, requests } = await openPage(browser);
  await page.goto(server.url);
  const entry = page.locator('[data-testid=facet][data-entity-type=place] [data-testid=facet-entity]').nth(1);
  const id = await entry.getAttribute('data-entity-id');
  await entry.locator('[data-testid=facet-include]').click();
  await page.waitForSelector('[data-testid=active-filter]');
  const expected = docsOf.get(`PLACE:${id}`);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]')?.textContent) === n, expected.size);
  const shown = await page.locator('[data-testid=article-card]').evaluateAll((els) => els.map((e) => e.dataset.articleId));
  assert.equal(shown.length, Math.min(30, expected.size));
  assert.ok(shown.every((d) => expected.has(d)), 'a card that does not mention the entity');
  assert.ok(requests.some((u) => u.endsWith('/bundle/postings.bin.gz')));
  // The same view from its URL (a shared link) filters the same way.
  const url = page.url();
  await page.goto(url);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]')?.textContent) === n, expected.size);
  await context.close();
});

test('opening an article loads its chunk: the text as written, every mention highlighted', async () => {
  const { page, context, requests } = await openPage(browser);
  const doc = ex.documents[130]; // in the third chunk of 64
  await page.goto(`${server.url}?article=${doc.id}`);
  await page.waitForSelector('[data-testid=mention]');
  assert.ok(requests.some((u) => u.endsWith('/bundle/texts-00002.bin.gz')));
  const source = fs.readFileSync(path.join(CORPUS, `${doc.id}.txt`), 'utf8');
  const shown = squash(await page.locator('.article-body').innerText());
  for (const line of source.split('\n').map(squash).filter(Boolean)) {
    assert.ok(shown.includes(line), `line missing from the reading view: ${line.slice(0, 80)}`);
  }
  const mentions = await page.locator('[data-testid=mention]').evaluateAll((els) => els.map((e) => e.dataset.entityId));
  assert.deepEqual(mentions, doc.mentions.map((m) => m.entity));
  await context.close();
});

test('an entity page lists its articles and its mentions in context from the loaded texts', async () => {
  const { page, context } = await openPage(browser);
  const person = ex.entities.find((e) => e.ty === 'PERSON' && (docsOf.get(`PERSON:${e.id}`)?.size ?? 0) >= 2);
  await page.goto(`${server.url}?entity=${person.id}`);
  await page.waitForSelector('[data-testid=entity-view]');
  await page.waitForSelector('[data-testid=kwic-line]');
  const docs = await page.locator('[data-testid=kwic-line]').evaluateAll((els) => els.map((e) => e.dataset.articleId));
  assert.ok(docs.every((d) => docsOf.get(`PERSON:${person.id}`).has(d)));
  await context.close();
});

test('a damaged text chunk is reported, and the rest of the corpus still works', async () => {
  const chunk = path.join(SITE, 'bundle', 'texts-00001.bin.gz');
  const good = fs.readFileSync(chunk);
  fs.writeFileSync(chunk, good.subarray(0, 40));
  try {
    const { page, context, messages } = await openPage(browser);
    await page.goto(`${server.url}?article=${ex.documents[70].id}`);
    await page.waitForSelector('.article-view [role=alert]');
    assert.match(await page.locator('.article-view [role=alert]').innerText(), /could not be loaded/);
    await page.goto(`${server.url}?article=${ex.documents[10].id}`);
    await page.waitForSelector('[data-testid=mention]');
    assert.ok(!messages.some((m) => m.startsWith('pageerror')), messages.join('\n'));
    await context.close();
  } finally {
    fs.writeFileSync(chunk, good);
  }
});

// Your own articles, as a reader uses them: paste and drop texts, see them
// extracted and linked, keep them across reloads, correct entities, export
// exactly what is filtered, move a workspace to a fresh profile, and lose
// nothing when storage fails or two tabs write at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useSite, openPage, corpus } from './harness.mjs';

const docs = corpus();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'entiscope-e2e-'));
const site = useSite();

// An article the corpus has never seen, written for this test.
const UNSEEN = [
  'Armenian Prime Minister Nikol Pashinyan met Russian President Vladimir Putin in Moscow on Monday.',
  'Pashinyan said the shelling of Fuzuli and Stepanakert had to stop, and the OSCE Minsk Group welcomed the talks.',
].join('\n\n');

const count = async (page) => Number(await page.textContent('[data-testid=result-count]'));

async function ready(page, query = '') {
  await page.goto(site.server.url + query);
  await page.waitForSelector('[data-testid=result-count]');
}

/** Open the entity page's correction tools (collapsed by default). */
async function openCorrections(page) {
  await page.click('[data-testid=correct-entity] summary');
}

async function paste(page, text) {
  await page.fill('[data-testid=add-text]', text);
  await page.click('[data-testid=add-submit]');
  await page.waitForSelector('[data-testid=article-view][data-article-id^="local-"]');
}

test('a pasted article is extracted in the tab and linked to the corpus entities', async () => {
  const { page, messages, context } = await openPage(site.browser);
  await ready(page);
  await paste(page, UNSEEN);
  const ids = await page.$$eval('[data-testid=mention]', (ms) => ms.map((m) => `${m.dataset.entityType}:${m.dataset.entityId}`));
  for (const want of ['person:nikol-pashinyan', 'person:vladimir-putin', 'place:fuzuli', 'place:stepanakert', 'org:osce-minsk-group']) {
    assert.ok(ids.includes(want), `${want} in ${ids}`);
  }
  // Pashinyan was already in the corpus: the facet now counts one more article.
  await page.click('text=← Articles');
  const card = page.locator('[data-testid=article-card][data-local=true]');
  assert.equal(await card.count(), 1);
  assert.equal(await count(page), docs.length + 1);
  const pashinyan = page.locator('[data-testid=facet][data-entity-type=person] [data-testid=facet-entity][data-entity-id="nikol-pashinyan"]');
  assert.match(await pashinyan.innerText(), /yours/i);
  await page.click('[data-testid=remove-all]');
  assert.equal(await count(page), docs.length);
  assert.deepEqual(messages, []);
  await context.close();
});

test('the first screen loads none of the extractor (its module and data); the first article added fetches each file once', async () => {
  const { page, messages, context } = await openPage(site.browser);
  const fetched = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.includes('/data/') || p.includes('entiscope-extractor')) fetched.push(p.slice(p.lastIndexOf('/') + 1));
  });
  await ready(page);
  assert.deepEqual(fetched, [], 'nothing of the extractor before the list is shown');
  await paste(page, UNSEEN);
  assert.ok((await page.$$('[data-testid=mention]')).length > 0);
  assert.deepEqual([...fetched].sort(), [
    'countries.tsv', 'entiscope-extractor.js', 'entiscope-extractor_bg.wasm', 'given_names.txt', 'known.tsv', 'places.tsv',
  ]);
  await page.click('[data-testid=remove-all]');
  assert.deepEqual(messages, []);
  await context.close();
});

// The extractor fails to load (its data, or its module): the article is
// kept, listed without entities, and the reason shown.
for (const [title, failing, reason] of [
  ['when the extractor\'s data cannot be fetched, the article is kept, listed without entities, and the reason shown',
    '**/data/places.tsv', /places\.tsv: HTTP 404/],
  ['when the extractor module cannot be loaded, the article is kept without entities and the reason shown',
    '**/entiscope-extractor_bg.wasm', /extractor could not be loaded .*reload/],
]) {
  test(title, async () => {
    const { page, context } = await openPage(site.browser);
    await page.route(failing, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await ready(page);
    await page.fill('[data-testid=add-text]', UNSEEN);
    await page.click('[data-testid=add-submit]');
    const error = page.locator('[data-testid=extract-error]');
    await error.waitFor();
    assert.match(await error.innerText(), reason);
    // The compiled-in corpus keeps its entities; the new article has none.
    assert.ok(await page.locator('[data-testid=facet-entity][data-entity-id="nikol-pashinyan"]').count() > 0);
    await page.click('text=← Articles').catch(() => {});
    assert.equal(await count(page), docs.length + 1);
    await page.click('[data-testid=remove-all]');
    assert.equal(await count(page), docs.length);
    await context.close();
  });
}

test('three files at once: two added, the invalid one named, the script never runs; all survives a reload', async () => {
  const { page, messages, requests, context } = await openPage(site.browser);
  await ready(page);
  const good = path.join(tmp, 'wire-story.txt');
  const bad = path.join(tmp, 'broken.txt');
  const html = path.join(tmp, 'page.html');
  fs.writeFileSync(good, 'Turkish Foreign Minister Mevlut Cavusoglu spoke in Ankara on Tuesday about Nagorno-Karabakh.');
  fs.writeFileSync(bad, Buffer.from([0x48, 0x69, 0x0a, 0xff, 0xfe, 0x00]));
  fs.writeFileSync(
    html,
    '<html><head><title>T</title><script>window.__pwned = 1</script></head><body><h1>Baku talks</h1>' +
      '<p>Azerbaijani President Ilham Aliyev spoke in Baku.</p><img src=x onerror="window.__pwned = 2">' +
      '<a href="javascript:window.__pwned=3">link</a></body></html>',
  );
  await page.setInputFiles('[data-testid=add-files]', [good, bad, html]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=local-article]').length === 2);
  const problems = await page.locator('[data-testid=add-problem]').allInnerTexts();
  assert.equal(problems.length, 1);
  assert.match(problems[0], /broken\.txt/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const htmlCard = page.locator('[data-testid=local-article]', { hasText: 'Baku talks' });
  assert.equal(await htmlCard.count(), 1);
  // A correction, then reload: articles and correction are still there.
  await ready(page, '?entity=ilham-aliyev');
  await openCorrections(page);
  await page.fill('[data-testid=rename-input]', 'Ilham Aliyev (President)');
  await page.click('[data-testid=rename-submit]');
  await page.waitForSelector('[data-testid=correction]');
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=local-article]').length === 2);
  assert.equal(await page.locator('[data-testid=correction]').count(), 1);
  // The stored articles are listed as soon as they are read back; the
  // corpus with them and the correction applied is installed once their
  // extraction is done (later on a loaded machine): wait for it.
  await page.waitForFunction(
    () => /Ilham Aliyev \(President\)/.test(document.querySelector('[data-testid=entity-view] h1')?.textContent ?? ''),
    null,
    { timeout: 15000 },
  );
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const origin = new URL(site.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  assert.deepEqual(messages.filter((m) => !m.includes('404')), []);
  await context.close();
});

test('merging two entities: facets and filters follow, and undo restores them', async () => {
  const { page, context } = await openPage(site.browser);
  await ready(page, '?entity=ilham-aliyev');
  const before = await count(page);
  await openCorrections(page);
  await page.fill('[data-testid=merge-input]', 'Recep Tayyip Erdogan');
  await page.click('[data-testid=merge-submit]');
  await page.waitForSelector('[data-testid=entity-view][data-entity-id="recep-tayyip-erdogan"]');
  assert.equal(await page.locator('[data-testid=facet-entity][data-entity-id="ilham-aliyev"]').count(), 0);
  await ready(page, '?f=recep-tayyip-erdogan');
  const merged = await count(page);
  assert.ok(merged >= 4, `merged entity is in ${merged} articles`);
  await page.locator('[data-testid=correction] button').first().click();
  await page.waitForSelector('[data-testid=facet-entity][data-entity-id="ilham-aliyev"]');
  assert.equal(before, docs.length);
  await context.close();
});

test('exports contain exactly the filtered articles and what is shown', async () => {
  const { page, context } = await openPage(site.browser, { acceptDownloads: true });
  await ready(page, '?f=iran');
  const shown = await page.$$eval('[data-testid=article-card]', (cs) => cs.map((c) => c.dataset.articleId));
  const grab = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
    return fs.readFileSync(await download.path(), 'utf8');
  };
  const csv = await grab('export-csv');
  const rows = csv.trim().split('\r\n').slice(1);
  assert.deepEqual([...new Set(rows.map((r) => r.split(',')[0]))].sort(), [...shown].sort());
  const json = JSON.parse(await grab('export-json'));
  assert.deepEqual(json.documents.map((d) => d.id), shown);
  // Mentions in the JSON are exactly the highlighted ones.
  await ready(page, `?article=${shown[0]}`);
  assert.equal(json.documents[0].mentions.length, await page.locator('[data-testid=mention]').count());
  for (const m of json.documents[0].mentions) {
    assert.equal([...json.documents[0].text].slice(m.start, m.end).join(''), m.text);
  }
  const mentionsCsv = await grab('export-csv-mentions');
  assert.ok(mentionsCsv.split('\r\n').length > json.documents[0].mentions.length);
  await context.close();
});

test('a workspace export imported in a fresh profile gives the same state', async () => {
  const a = await openPage(site.browser, { acceptDownloads: true });
  await ready(a.page);
  await paste(a.page, UNSEEN);
  await ready(a.page, '?entity=fuzuli');
  await openCorrections(a.page);
  await a.page.fill('[data-testid=rename-input]', 'Fuzuli (district)');
  await a.page.click('[data-testid=rename-submit]');
  await a.page.waitForSelector('[data-testid=correction]');
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('[data-testid=export-workspace]')]);
  const file = path.join(tmp, 'workspace.json');
  fs.copyFileSync(await download.path(), file);
  const stateOf = async (page) => ({
    articles: await page.$$eval('[data-testid=local-article]', (l) => l.map((x) => x.dataset.articleId)),
    corrections: await page.locator('[data-testid=correction]').count(),
    count: await count(page),
  });
  const before = await stateOf(a.page);
  await a.context.close();

  const b = await openPage(site.browser);
  await ready(b.page, '?entity=fuzuli');
  await b.page.setInputFiles('[data-testid=import-workspace]', file);
  await b.page.waitForSelector('[data-testid=correction]');
  await b.page.waitForFunction(() => document.querySelectorAll('[data-testid=local-article]').length === 1);
  assert.deepEqual(await stateOf(b.page), before);
  assert.match(await b.page.textContent('[data-testid=entity-view] h1'), /Fuzuli \(district\)/);
  await b.context.close();
});

test('when storage fails, the error is shown and nothing is lost', async () => {
  const { page, context } = await openPage(site.browser, { acceptDownloads: true });
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await ready(page);
  await paste(page, UNSEEN);
  await page.waitForSelector('[data-testid=storage-error]');
  assert.match(await page.textContent('[data-testid=storage-error]'), /QuotaExceededError/);
  // Still usable in the session, and exportable.
  assert.ok((await page.locator('[data-testid=mention]').count()) > 3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-workspace]')]);
  const ws = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(ws.articles.length, 1);
  assert.equal(ws.articles[0].text, UNSEEN);
  await context.close();
});

test('two tabs adding at once lose nothing', async () => {
  const context = await site.browser.newContext();
  const [p1, p2] = [await context.newPage(), await context.newPage()];
  await Promise.all([ready(p1), ready(p2)]);
  await Promise.all([paste(p1, `First tab. ${UNSEEN}`), paste(p2, `Second tab. ${UNSEEN}`)]);
  for (const p of [p1, p2]) {
    await p.reload();
    await p.waitForFunction(() => document.querySelectorAll('[data-testid=local-article]').length === 2);
  }
  await context.close();
});

test('extraction in the page is fast, and adding 200 articles keeps every task short (target 100 ms)', async () => {
  const { page, context } = await openPage(site.browser);
  await ready(page);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  // Let the idle-time extractor build finish first.
  await page.waitForTimeout(2500);
  // A 5,000-word article from the corpus's own sentences.
  const sentences = docs.flatMap((d) => d.text.split(/(?<=\.)\s+/)).filter((s) => s.length > 40);
  let big = '';
  for (let i = 0; big.split(/\s+/).length < 5000; i++) big += sentences[i % sentences.length] + (i % 4 === 3 ? '\n\n' : ' ');
  await page.fill('[data-testid=add-text]', big);
  await page.click('[data-testid=add-submit]');
  await page.waitForSelector('[data-testid=article-view][data-article-id^="local-"]');
  const ms = await page.evaluate(() => window.entiscopeExtractMs);
  console.log(`# extracting a ${big.split(/\s+/).length}-word pasted article: ${ms.toFixed(1)} ms`);
  assert.ok(ms < 200, `${ms} ms`);

  // 200 articles in one drop. The files are staged in the page first (as
  // the browser has them when a reader drops them): Playwright's own file
  // staging (DOM.setFileInputFiles) runs in the page's task and took up to
  // 300 ms of it on a loaded machine, which is not the app's work.
  const texts = [];
  for (let i = 0; i < 200; i++) texts.push(sentences.slice(i % 50, (i % 50) + 12).join(' '));
  await page.evaluate((texts) => {
    const dt = new DataTransfer();
    texts.forEach((t, i) => dt.items.add(new File([t], `bulk-${i}.txt`, { type: 'text/plain' })));
    window.__staged = dt;
  }, texts);
  await page.evaluate(() => (window.__long = []));
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid=add-files]');
    input.files = window.__staged.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=local-article]').length === 201, null, { timeout: 60000 });
  const long = await page.evaluate(() => window.__long);
  const worst = Math.max(0, ...long);
  console.log(`# adding 200 articles: ${long.length} long tasks, longest ${worst.toFixed(0)} ms`);
  // Target 100 ms (met on an idle machine); the guard allows for a loaded CI machine.
  assert.ok(worst < 250, `longest task ${worst} ms`);
  await context.close();
});

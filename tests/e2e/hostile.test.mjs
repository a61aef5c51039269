// Hostile text stays inert: the site built from tests/hostile (markup,
// bidi and zero-width characters, every Unicode plane, NUL bytes, a 100,000
// character line, a 5 MB article; the non-UTF-8 file is skipped at build) is
// browsed, searched, exported and re-imported with nothing executed, no
// request to any other origin, and the text shown equal to the source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, serve, launch, openPage } from './harness.mjs';

const CORPUS = path.join(ROOT, 'target', 'hostile-corpus');
let browser;
let site;

before(async () => {
  browser = await launch();
  site = await serve(path.join(ROOT, 'dist-hostile'), '/');
});
after(async () => {
  await browser?.close();
  site?.close();
});

/** A page whose every dialog, request and canary write is recorded. */
async function guarded(options = {}) {
  const p = await openPage(browser, { acceptDownloads: true, ...options });
  p.dialogs = [];
  p.page.on('dialog', async (d) => {
    p.dialogs.push(d.message());
    await d.dismiss();
  });
  await p.page.addInitScript(() => {
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => window.__pwnedValue,
      set: (v) => {
        window.__pwnedValue = v;
        console.error('CANARY SET ' + v);
      },
    });
  });
  return p;
}

function assertInert(p) {
  assert.deepEqual(p.dialogs, [], 'no dialog opened');
  assert.deepEqual(p.messages.filter((m) => m.includes('CANARY')), [], 'no injected script ran');
  const origin = new URL(site.url).origin;
  const foreign = p.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request left the page');
}

const sources = () =>
  fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt') && f !== '03-not-utf8.txt')
    .sort()
    .map((f) => ({ id: f.slice(0, -4), text: fs.readFileSync(path.join(CORPUS, f), 'utf8') }));

// What a reader sees of a source line: whitespace collapsed (HTML rendering),
// and the characters a browser never shows as text (NUL, other C0 controls).
const visible = (s) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

test('every hostile article renders as its exact text, with nothing executed', async () => {
  const p = await guarded();
  await p.page.goto(site.url);
  await p.page.waitForSelector('[data-testid=article-list]');
  const docs = sources();
  const ids = await p.page.$$eval('[data-testid=article-card]', (cs) => cs.map((c) => c.dataset.articleId));
  assert.deepEqual(ids, docs.map((d) => d.id), 'the non-UTF-8 file was skipped, the rest built');
  for (const doc of docs.filter((d) => d.text.length < 1_000_000)) {
    await p.page.goto(`${site.url}?article=${doc.id}`);
    await p.page.waitForSelector(`[data-testid=article-view][data-article-id="${doc.id}"]`);
    const shown = visible(await p.page.locator('.article-body').innerText());
    for (const line of doc.text.split(/\r\n|\r|\n/).map(visible).filter(Boolean)) {
      assert.ok(shown.includes(line), `${doc.id}: not shown verbatim: ${line.slice(0, 90)}`);
    }
  }
  // Markup is shown as the characters it is made of.
  await p.page.goto(`${site.url}?article=01-markup`);
  assert.match(await p.page.locator('.article-body').innerText(), /<script>window\.__pwned = 1<\/script>/);
  assert.equal(await p.page.locator('.article-body script, .article-body img, .article-body iframe, .article-body svg').count(), 0);
  assertInert(p);
  await p.context.close();
});

test('the 5 MB article opens, and search over hostile text stays text', async () => {
  const p = await guarded();
  await p.page.goto(`${site.url}?article=05-five-megabytes`);
  await p.page.waitForSelector('[data-testid=article-view][data-article-id="05-five-megabytes"]', { timeout: 120_000 });
  assert.ok((await p.page.locator('.article-body p').count()) > 1000);
  await p.page.goto(site.url);
  await p.page.waitForSelector('[data-testid=search-input]');
  await p.page.fill('[data-testid=search-input]', '<script>window.__pwned');
  await p.page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
  await p.page.fill('[data-testid=search-input]', 'fuzuli');
  await p.page.waitForFunction(() => Number(document.querySelector('[data-testid=result-count]')?.textContent) >= 1);
  assertInert(p);
  await p.context.close();
});

test('hostile articles export and re-import unchanged, with nothing executed', async () => {
  const p = await guarded();
  await p.page.goto(`${site.url}?q=${encodeURIComponent('"talks will resume"')}`);
  await p.page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
  const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.click('[data-testid=export-json]')]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const source = fs.readFileSync(path.join(CORPUS, '01-markup.txt'), 'utf8');
  assert.equal(exported.documents[0].text, source);
  const file = path.join(ROOT, 'target', 'hostile-export.json');
  fs.writeFileSync(file, JSON.stringify(exported));
  // The unicode article too, added as a file in the browser.
  await p.page.setInputFiles('[data-testid=add-files]', [file, path.join(CORPUS, '02-unicode.txt')]);
  await p.page.waitForFunction(() => document.querySelectorAll('[data-testid=local-article]').length === 2);
  const ids = await p.page.$$eval('[data-testid=local-article]', (l) => l.map((x) => x.dataset.articleId));
  for (const id of ids) {
    await p.page.goto(`${site.url}?article=${id}`);
    await p.page.waitForSelector(`[data-testid=article-view][data-article-id="${id}"]`);
  }
  const [again] = await Promise.all([p.page.waitForEvent('download'), p.page.click('[data-testid=export-workspace]')]);
  const ws = JSON.parse(fs.readFileSync(await again.path(), 'utf8'));
  const texts = ws.articles.map((a) => a.text);
  assert.ok(texts.includes(source), 'the markup article round-trips byte for byte');
  assert.ok(texts.includes(fs.readFileSync(path.join(CORPUS, '02-unicode.txt'), 'utf8')), 'the unicode article round-trips');
  assertInert(p);
  await p.context.close();
});

test('the overviews draw hostile names as text: timeline, network (every type) and map stay inert', async () => {
  const p = await guarded();
  for (const [query, mark] of [
    ['?view=timeline', '[data-testid=timeline]'],
    ['?view=network&types=person,org,place,norp,date&min=1&by=articles', '[data-testid=network] svg'],
    ['?view=map', '[data-testid=map] svg'],
  ]) {
    await p.page.goto(site.url + query);
    await p.page.waitForSelector(mark);
    // Hover and focus every entity mark: titles and the focus line show names.
    for (const el of (await p.page.$$('[data-e]')).slice(0, 40)) {
      await el.hover().catch(() => {});
    }
    const injected = 'section.overview :is(script, iframe, object, embed, img, [onerror], [onload], [onclick])';
    assert.equal(await p.page.locator(injected).count(), 0, query);
  }
  assertInert(p);
  await p.context.close();
});

// The foundation as a reader meets it: the list of the five articles, each
// article's full text, URLs that survive reloads, at the root and under a
// sub-path like GitHub Pages'.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, serve, launch, openPage, corpus, squash, screenshot } from './harness.mjs';

const docs = corpus();
let browser;
let root;
let sub;

before(async () => {
  browser = await launch();
  root = await serve(path.join(ROOT, 'dist'), '/');
  sub = await serve(path.join(ROOT, 'dist-sub'), '/entiscope/');
});

after(async () => {
  await browser?.close();
  root?.close();
  sub?.close();
});

test('the list shows exactly the five articles, with no console errors or warnings', async () => {
  const { page, messages, context } = await openPage(browser);
  await page.goto(root.url);
  await page.waitForSelector('[data-testid=article-list]');
  const ids = await page.$$eval('[data-testid=article-card]', (cards) => cards.map((c) => c.dataset.articleId));
  assert.deepEqual(ids, docs.map((d) => d.id));
  const text = await page.textContent('[data-testid=article-list]');
  assert.match(text, /Azerbaijan kills dozens of Armenian soldiers in Karabakh fighting/);
  assert.match(text, /Peace in region cannot be ensured without Turkey:Aliyev/);
  assert.match(text, /Anadolu Agency · 15 October 2020 · \d+ words/);
  assert.doesNotMatch(text, /Contact Us/, 'site furniture is never a title');
  const listMs = await page.evaluate(() => performance.getEntriesByName('article-list-visible')[0]?.startTime);
  assert.ok(listMs > 0, 'the app marks when the list is visible');
  console.log(`# first render: article list visible ${listMs.toFixed(1)} ms after navigation start`);
  await screenshot(page, 'readme');
  assert.deepEqual(messages, []);
  await context.close();
});

test('opening each article shows its full text, furniture set apart', async () => {
  const { page, messages, context } = await openPage(browser);
  await page.goto(root.url);
  for (const doc of docs) {
    await page.click(`[data-testid=article-card][data-article-id="${doc.id}"] a`);
    const view = page.locator(`[data-testid=article-view][data-article-id="${doc.id}"]`);
    await view.waitFor();
    const shown = squash(await view.locator('.article-body').innerText());
    for (const line of doc.text.split('\n').map(squash).filter(Boolean)) {
      assert.ok(shown.includes(line), `${doc.id}: line missing from the reading view: ${line.slice(0, 80)}`);
    }
    assert.equal(new URL(page.url()).searchParams.get('article'), doc.id);
    await page.goBack();
    await page.waitForSelector('[data-testid=article-list]');
  }
  await page.goto(`${root.url}?article=003_ae55f639161b75a3`);
  // The app renders after the page's load event: wait for the article.
  await page.waitForSelector('[data-testid=article-view][data-article-id="003_ae55f639161b75a3"] .article-body');
  const source = docs.find((d) => d.id === '003_ae55f639161b75a3').text;
  const inSource = source.split('\n').filter((l) => l.trim() === 'Loading...').length;
  const shown = page.locator('[data-testid=furniture]', { hasText: 'Loading...' });
  assert.equal(await shown.count(), inSource, 'every "Loading..." line is shown, as furniture');
  await screenshot(page, 'article');
  assert.deepEqual(messages, []);
  await context.close();
});

test('an article URL survives a reload and the title follows the view', async () => {
  const { page, messages, context } = await openPage(browser);
  const id = docs[4].id;
  await page.goto(`${root.url}?article=${id}`);
  await page.waitForSelector(`[data-testid=article-view][data-article-id="${id}"]`);
  await page.reload();
  const title = await page.textContent('[data-testid=article-title]');
  assert.equal(title, 'Peace in region cannot be ensured without Turkey:Aliyev');
  // The title is written just after the frame (it is costly in Chromium).
  await page.waitForFunction(() => /Peace in region/.test(document.title));
  await page.click('text=← Articles');
  await page.waitForSelector('[data-testid=article-list]');
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(messages, []);
  await context.close();
});

test('deep links work under a sub-path, including the 404 fallback', async () => {
  const { page, messages, context } = await openPage(browser);
  const id = docs[2].id;
  await page.goto(`${sub.url}?article=${id}`);
  await page.waitForSelector(`[data-testid=article-view][data-article-id="${id}"]`);
  await page.reload();
  await page.waitForSelector(`[data-testid=article-view][data-article-id="${id}"]`);
  await page.click('text=← Articles');
  await page.waitForSelector('[data-testid=article-card]');
  assert.equal(await page.locator('[data-testid=article-card]').count(), 5);
  assert.equal(new URL(page.url()).pathname, '/entiscope/');
  // A path GitHub Pages does not know is answered by 404.html, which is the app.
  await page.goto(`${sub.origin}/entiscope/some/old/link?article=${id}`);
  await page.waitForSelector(`[data-testid=article-view][data-article-id="${id}"]`);
  assert.deepEqual(messages.filter((m) => !m.includes('404')), []);
  await context.close();
});

test('a bad link explains itself instead of showing a blank page', async () => {
  const { page, messages, context } = await openPage(browser);
  await page.goto(`${root.url}?article=no-such-article&zoom=3&mode=xor`);
  await page.waitForSelector('[data-testid=article-list]');
  const body = await page.textContent('body');
  assert.match(body, /No article “no-such-article”/);
  assert.match(await page.textContent('[data-testid=url-notice]'), /Unknown parameter “zoom”/);
  assert.deepEqual(messages, []);
  await context.close();
});

// Chromium fetches a page's icon again whenever its URL changes, and every
// filter click changes the URL: a fetch per click cost a third of the clicks
// their one-frame paint. The icon is therefore inline, copied from favicon.png.
test('changing the view fetches nothing, and the inline icon is favicon.png', async () => {
  const { page, messages, context } = await openPage(browser);
  await page.goto(root.url);
  await page.waitForSelector('[data-testid=article-list]');
  const href = await page.getAttribute('link[rel=icon]', 'href');
  const png = fs.readFileSync(path.join(ROOT, 'favicon.png')).toString('base64');
  assert.equal(href, `data:image/png;base64,${png}`, 'index.html: the inline icon differs from favicon.png');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const include = page.locator('[data-testid=facet][data-entity-type=place] [data-testid=facet-include]').first();
  for (let i = 0; i < 3; i++) {
    await include.click();
    await page.waitForSelector('[data-testid=active-filter]');
    await include.click();
    await page.waitForSelector('[data-testid=active-filter]', { state: 'detached' });
  }
  await page.waitForTimeout(200);
  assert.deepEqual(requests, [], 'a filter click fetches nothing');
  assert.deepEqual(messages, []);
  await context.close();
});

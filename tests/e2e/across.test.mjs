// Across articles, as a reader uses it: who said what, shared passages with
// how much of each article is recycled, and figures side by side; each view
// checked against the analysis the CLI computes with the same core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, extraction, axe } from './harness.mjs';

const ex = extraction();
const site = useSite();

async function open(page, query = '') {
  await page.goto(site.server.url + query);
  await page.waitForSelector('[data-testid=result-count]');
}

test('the Quotes view lists every quote with its speaker, and filters by speaker', async () => {
  const { page, messages, context } = await openPage(site.browser);
  await open(page);
  await page.click('[data-testid=tab-quotes]');
  await page.waitForSelector('[data-testid=quotes-view]');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'quotes');
  assert.equal(await page.locator('[data-testid=quote]').count(), ex.quotes.length);
  const aliyev = ex.quotes.filter((q) => q.speaker?.id === 'ilham-aliyev').length;
  assert.ok(aliyev > 0);
  await page.selectOption('[data-testid=speaker-select]', 'ilham-aliyev');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=quote]').length === n, aliyev);
  const speakers = await page.$$eval('[data-testid=quote]', (qs) => [...new Set(qs.map((q) => q.dataset.speakerId))]);
  assert.deepEqual(speakers, ['ilham-aliyev']);
  // The speaker filter is in the URL and survives a reload.
  await page.reload();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=quote]').length === n, aliyev);
  // A quote links to its place in the article.
  await page.locator('[data-testid=quote] .quote-by a').last().click();
  await page.waitForSelector('[data-testid=article-view]');
  assert.ok(new URL(page.url()).searchParams.get('at'));
  // The entity page says what Aliyev said.
  await open(page, '?entity=ilham-aliyev');
  assert.equal(await page.locator('[data-testid=entity-quotes] [data-testid=quote]').count(), aliyev);
  assert.deepEqual(messages, []);
  await context.close();
});

test('shared passages: clusters, marks in the reading view, and original reporting only', async () => {
  const { page, messages, context } = await openPage(site.browser);
  await open(page, '?view=passages');
  await page.waitForSelector('[data-testid=passages-view]');
  assert.equal(await page.locator('[data-testid=passages-view] [data-testid=shared-passage]').count(), ex.passages.length);
  for (const c of ex.passages) {
    const item = page.locator(`[data-testid=passages-view] [data-testid=shared-passage][data-cluster-id="${c.id}"]`);
    const docsIn = new Set(c.members.map((m) => m.doc)).size;
    assert.equal(await item.locator('.passage-docs li').count(), docsIn, c.id);
  }
  // The most-shared article marks its shared paragraphs and says how much is shared.
  const shares = ex.shared_share_per_doc.map((s) => s.shared_chars / s.content_chars);
  const top = shares.indexOf(Math.max(...shares));
  await open(page, `?article=${ex.documents[top].id}`);
  assert.ok((await page.locator('.article-body [data-testid=shared-passage]').count()) > 0);
  assert.match(await page.textContent('[data-testid=article-shared-share]'), new RegExp(`${Math.round(shares[top] * 100)}%`));
  // Original reporting only hides mostly-shared articles.
  await open(page);
  await page.check('[data-testid=original-only]');
  const want = ex.documents.filter((_, i) => shares[i] < 0.5).map((d) => d.id);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article-card]').length === n, want.length);
  assert.equal(new URL(page.url()).searchParams.get('orig'), '1');
  assert.deepEqual(messages, []);
  await context.close();
});

test('figures: every claim with its source, filterable and sortable, each linking to its sentence', async () => {
  const { page, messages, context } = await openPage(site.browser);
  await open(page, '?view=figures');
  await page.waitForSelector('[data-testid=claims-view]');
  assert.equal(await page.locator('[data-testid=claim]').count(), ex.claims.length);
  const killed = ex.claims.filter((c) => c.event === 'killed' || c.group.includes('/killed')).length;
  await page.fill('#claims-filter', 'killed');
  const n = await page.locator('[data-testid=claim]').count();
  assert.ok(n > 0 && n <= ex.claims.length && n >= Math.min(1, killed));
  // Sorted by figure, largest first.
  await page.click('th >> text=Figure');
  const firstGroup = await page.locator('[data-testid=claim]').first().getAttribute('data-group');
  assert.ok(firstGroup);
  await page.locator('[data-testid=claim] a').first().click();
  await page.waitForSelector('[data-testid=article-view]');
  // Entity filters narrow the figures to the matching articles.
  await open(page, '?view=figures&f=iran');
  const iranDocs = new Set(ex.documents.map((d, i) => (d.mentions.some((m) => m.entity === 'iran' && m.ty === 'PLACE') ? i : -1)));
  const want = ex.claims.filter((c) => iranDocs.has(c.doc)).length;
  assert.equal(await page.locator('[data-testid=claim]').count(), want);
  assert.deepEqual(messages, []);
  await context.close();
});

test('the three views have no serious accessibility violations in either theme', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await openPage(site.browser, { colorScheme, bypassCSP: true });
    for (const v of ['quotes', 'passages', 'figures']) {
      await open(page, `?view=${v}`);
      assert.deepEqual(await axe(page), [], `${v} (${colorScheme})`);
    }
    await context.close();
  }
});

// The overviews as a reader uses them: brushing the timeline (mouse and
// keyboard), clicking a network node, an edge and a map marker, each filtering
// the article list to exactly the articles the extraction says; the views
// following filter changes; downloads; determinism; the layout's speed for
// 500 nodes; accessibility and screenshots in both themes at phone and wide
// widths. Expected sets come from the extractor's own output (the CLI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, serve, useSite, openPage, corpus, extraction, axe, screenshot, nameBundle } from './harness.mjs';

const docs = corpus();
const ex = extraction();
const site = useSite();
const allIds = docs.map((d) => d.id);

// --- the date model, as overview/timeline.rs documents it ------------------

const utc = (y, m, d) => Date.UTC(y, m - 1, d);
const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** [first, last] day (ms since the epoch) of a DATE entity id, or null. */
function periodOf(id) {
  let m;
  if ((m = /^(\d{3,4})s$/.exec(id)) && Number(m[1]) % 10 === 0) return [utc(+m[1], 1, 1), utc(+m[1] + 9, 12, 31)];
  if ((m = /^(\d{3,4})$/.exec(id))) return [utc(+m[1], 1, 1), utc(+m[1], 12, 31)];
  if ((m = /^(\d{3,4})-(\d{2})$/.exec(id)) && +m[2] >= 1 && +m[2] <= 12) return [utc(+m[1], +m[2], 1), utc(+m[1], +m[2], lastDay(+m[1], +m[2]))];
  if ((m = /^(\d{3,4})-(\d{2})-(\d{2})$/.exec(id)) && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= lastDay(+m[1], +m[2])) {
    const d = utc(+m[1], +m[2], +m[3]);
    return [d, d];
  }
  return null;
}
const iso = (s) => {
  const [y, m, d] = s.split('-').map(Number);
  return utc(y, m, d);
};
/** Per article: its publication day and the periods its DATE mentions name. */
const periods = new Map(
  ex.documents.map((d) => {
    const list = [];
    const p = d.meta.published;
    if (p) list.push([utc(p.year, p.month, p.day), utc(p.year, p.month, p.day)]);
    for (const m of d.mentions) {
      if (m.ty !== 'DATE') continue;
      const period = periodOf(m.entity);
      if (period) list.push(period);
    }
    return [d.id, list];
  }),
);
/** Articles dated within [from, to] (ISO days): published then or mentioning a period wholly inside. */
const datedWithin = (from, to) => allIds.filter((id) => periods.get(id).some(([a, b]) => a >= iso(from) && b <= iso(to)));

// --- page helpers -------------------------------------------------------------

async function shownIds(page) {
  await page.waitForFunction(() => {
    const n = Number(document.querySelector('[data-testid=result-count]')?.textContent);
    return document.querySelectorAll('[data-testid=article-card]').length === n;
  });
  return page.$$eval('[data-testid=article-card]', (cards) => cards.map((c) => c.dataset.articleId));
}

/** The article list under the current filters (switching to the Articles tab). */
async function listed(page) {
  await page.click('[data-testid=tab-articles]');
  await page.waitForSelector('[data-testid=article-list]');
  return shownIds(page);
}

async function open(page, query) {
  await page.goto(site.server.url + query);
  await page.waitForSelector('[data-testid=result-count]');
}

const param = (page, name) => new URL(page.url()).searchParams.get(name);
const keyOf = (type, id) => `${type.toUpperCase()}:${id}`;
const docsOfKey = (key) => allIds.filter((id) => ex.docsOf.get(key)?.has(id));

async function bins(page) {
  await page.waitForSelector('[data-testid=timeline] [data-testid=timeline-bin]');
  return page.$$eval('[data-testid=timeline-bin]', (els) => els.map((e) => ({ i: Number(e.dataset.bin), start: e.dataset.start, end: e.dataset.end })));
}

/** A brush a..b (a < b, at least three bins) that keeps some but not all articles. */
function pickRange(list) {
  for (let a = 0; a < list.length; a++) {
    for (let b = list.length - 1; b >= a + 2; b--) {
      const want = datedWithin(list[a].start, list[b].end);
      if (want.length > 0 && want.length < allIds.length) return { a, b, want };
    }
  }
  return null;
}

async function center(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Click the first of `locators` whose centre is not covered by something else. */
async function clickFirstClickable(locators) {
  for (const l of locators) {
    try {
      await l.click({ trial: true, timeout: 500 });
      await l.click();
      return l;
    } catch {
      /* covered: try the next */
    }
  }
  throw new Error('nothing clickable');
}

// --- tests --------------------------------------------------------------------

test('brushing the timeline with the mouse keeps exactly the articles dated in the range', async () => {
  const { page, messages, requests, context } = await openPage(site.browser);
  await open(page, '?view=timeline');
  const list = await bins(page);
  const pick = pickRange(list);
  assert.ok(pick, 'the default corpus has a range that keeps some articles');
  const from = await center(page.locator(`[data-testid=timeline-bin][data-bin="${pick.a}"]`));
  const to = await center(page.locator(`[data-testid=timeline-bin][data-bin="${pick.b}"]`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, from.y, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('to'));
  assert.equal(param(page, 'from'), list[pick.a].start);
  assert.equal(param(page, 'to'), list[pick.b].end);
  assert.equal(param(page, 'view'), 'timeline');
  // The chip names the range; the bins inside it are pressed.
  assert.equal(await page.locator('[data-testid=active-filter][data-filter=dates]').count(), 1);
  assert.equal(await page.locator('[data-testid=timeline-bin][aria-pressed=true]').count(), pick.b - pick.a + 1);
  assert.deepEqual(await listed(page), pick.want);
  // Removing the chip brings every article back.
  await page.click('[data-testid=active-filter][data-filter=dates] button');
  assert.deepEqual(await shownIds(page), allIds);
  assert.equal(param(page, 'from'), null);
  assert.deepEqual(messages, []);
  assert.ok(requests.every((u) => u.startsWith(site.server.origin)), 'no request leaves the site');
  await context.close();
});

test('the timeline brushes from the keyboard and from date fields, and the range survives a reload', async () => {
  const { page, messages, context } = await openPage(site.browser);
  await open(page, '?view=timeline');
  const list = await bins(page);
  const pick = pickRange(list);
  // One bin is in the tab order; arrows move, Enter picks, Shift+Enter extends.
  await page.focus('[data-testid=timeline-bin][tabindex="0"]');
  await page.keyboard.press('Home');
  for (let i = 0; i < pick.a; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => new URL(location.href).searchParams.get('from') === s, list[pick.a].start);
  assert.equal(param(page, 'to'), list[pick.a].end);
  // The chart is redrawn; the focus comes back to the bin.
  await page.waitForFunction((i) => document.activeElement?.dataset?.bin === String(i), pick.a);
  for (let i = pick.a; i < pick.b; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.bin), String(pick.b));
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction((s) => new URL(location.href).searchParams.get('to') === s, list[pick.b].end);
  assert.equal(param(page, 'from'), list[pick.a].start);
  await page.reload();
  await page.waitForSelector('[data-testid=timeline-bin]');
  assert.equal(await page.locator('[data-testid=timeline-bin][aria-pressed=true]').count(), pick.b - pick.a + 1);
  assert.deepEqual(await listed(page), pick.want);
  // Date fields set the same filter.
  await page.click('[data-testid=tab-timeline]');
  const last = list[list.length - 1].end;
  await page.fill('[data-testid=timeline-from]', list[0].start);
  await page.fill('[data-testid=timeline-to]', last);
  await page.waitForFunction((s) => new URL(location.href).searchParams.get('to') === s, last);
  assert.deepEqual(await listed(page), datedWithin(list[0].start, last));
  // A malformed date in a link is ignored with a notice.
  await open(page, '?view=timeline&from=yesterday');
  assert.match(await page.innerText('[data-testid=url-notice]'), /from=yesterday/);
  assert.equal(await page.locator('[data-testid=active-filter][data-filter=dates]').count(), 0);
  assert.deepEqual(messages, []);
  await context.close();
});

test('clicking a network node filters by its entity; an edge shows the passages that back it', async () => {
  const { page, messages, context } = await openPage(site.browser);
  await open(page, '?view=network');
  await page.waitForSelector('[data-testid=network] [data-entity-id]');
  const nodes = await page.$$eval('[data-testid=network] .net-node', (els) =>
    els.map((e) => ({ id: e.dataset.entityId, type: e.dataset.entityType, key: e.dataset.entityKey })),
  );
  assert.ok(nodes.length >= 3, `a network of the default corpus: ${nodes.length} nodes`);
  const partial = nodes.filter((n) => {
    const k = docsOfKey(keyOf(n.type, n.id)).length;
    return k > 0 && k < allIds.length;
  });
  assert.ok(partial.length > 0, 'some node is not in every article');
  const clicked = await clickFirstClickable(
    partial.map((n) => page.locator(`[data-testid=network] .net-node[data-entity-key="${n.key}"] .net-shape`)),
  );
  const clickedKey = await clicked.evaluate((el) => el.closest('.net-node').dataset.entityKey);
  const n = partial.find((x) => x.key === clickedKey);
  await page.waitForFunction((k) => new URL(location.href).searchParams.getAll('f').includes(k), n.key);
  assert.equal(param(page, 'view'), 'network');
  assert.equal(await page.locator(`[data-testid=active-filter][data-entity-id="${n.key}"]`).count(), 1);
  // The network now shows the entity's neighbourhood: every node shares an article with it.
  await page.waitForSelector(`[data-testid=network] .net-node[data-entity-key="${n.key}"][aria-pressed=true]`);
  const with_ = new Set(docsOfKey(keyOf(n.type, n.id)));
  for (const m of await page.$$eval('[data-testid=network] .net-node', (els) => els.map((e) => [e.dataset.entityType, e.dataset.entityId]))) {
    assert.ok(docsOfKey(keyOf(m[0], m[1])).some((d) => with_.has(d)), `${m[1]} shares an article with ${n.id}`);
  }
  // Focus shows its name with a way to open its page instead.
  await page.hover(`[data-testid=network] .net-node[data-entity-key="${n.key}"] .net-shape`);
  await page.waitForSelector('[data-testid=network-info]');
  assert.deepEqual(await listed(page), docsOfKey(keyOf(n.type, n.id)));

  // An edge, clicked where nothing covers it, lists articles that mention both ends.
  await open(page, '?view=network');
  await page.waitForSelector('[data-testid=network] .net-edge');
  const point = await page.evaluate(() => {
    for (const g of document.querySelectorAll('[data-testid=network] .net-edge')) {
      const line = g.querySelector('.net-hit');
      const svg = line.ownerSVGElement;
      const p = svg.createSVGPoint();
      const t = (line.x1.baseVal.value + line.x2.baseVal.value) / 2;
      p.x = t;
      p.y = (line.y1.baseVal.value + line.y2.baseVal.value) / 2;
      const s = p.matrixTransform(line.getScreenCTM());
      const hit = document.elementFromPoint(s.x, s.y);
      if (hit && hit.closest('.net-edge') === g) return { x: s.x, y: s.y, a: g.dataset.a, b: g.dataset.b };
    }
    return null;
  });
  assert.ok(point, 'some edge can be clicked');
  await page.mouse.click(point.x, point.y);
  const backing = await page.$$eval('[data-testid=network-passages] [data-testid=network-backing]', (els) => els.map((e) => e.dataset.articleId));
  assert.ok(backing.length > 0);
  const both = (id) => ex.documents.find((d) => d.id === id).mentions;
  for (const id of backing) {
    const ms = both(id);
    assert.ok(ms.some((m) => m.entity === point.a) && ms.some((m) => m.entity === point.b), `${id} mentions ${point.a} and ${point.b}`);
  }
  assert.ok((await page.locator('[data-testid=network-passages] blockquote').count()) > 0, 'paragraphs are quoted');
  // The strongest pairs, as text, open the same panel from the keyboard.
  const pairs = page.locator('[data-testid=network-pair] button');
  assert.ok((await pairs.count()) > 0);
  await pairs.first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=network-passages]');
  // Keyboard on a node: Enter filters, O opens its page.
  await page.focus('[data-testid=network] .net-node');
  const key = await page.evaluate(() => document.activeElement.dataset.entityKey);
  await page.keyboard.press('Enter');
  await page.waitForFunction((k) => new URL(location.href).searchParams.getAll('f').includes(k), key);
  await page.focus(`[data-testid=network] .net-node[data-entity-key="${key}"]`);
  await page.keyboard.press('o');
  await page.waitForSelector('[data-testid=entity-view]');
  assert.equal(param(page, 'entity'), key);
  assert.deepEqual(messages, []);
  await context.close();
});

test('the map loads its outlines from the site only when opened; clicking a marker filters by the place', async () => {
  const { page, messages, requests, context } = await openPage(site.browser);
  await open(page, '');
  assert.ok(!requests.some((u) => u.endsWith('/map.txt')), 'the list does not fetch the map');
  await page.click('[data-testid=tab-map]');
  await page.waitForSelector('[data-testid=map] .map-marker');
  assert.ok(requests.some((u) => u === `${site.server.url}map.txt`), 'the map file is fetched from the site');
  assert.ok(requests.every((u) => u.startsWith(site.server.origin)), 'no request leaves the site');
  // Every place with coordinates that an article mentions has one marker.
  const placed = ex.entities.filter((e) => e.ty === 'PLACE' && e.coords && docsOfKey(keyOf('PLACE', e.id)).length > 0);
  const markers = await page.$$eval('[data-testid=map] .map-marker', (els) => els.map((e) => e.dataset.entityId));
  assert.deepEqual([...markers].sort(), placed.map((e) => e.id).sort());
  // Places without coordinates are listed beside the map.
  const unplaced = await page.$$eval('[data-testid=map-unplaced]', (els) => els.map((e) => e.dataset.entityId));
  const noCoords = ex.entities.filter((e) => e.ty === 'PLACE' && !e.coords && docsOfKey(keyOf('PLACE', e.id)).length > 0);
  assert.deepEqual(unplaced.sort(), noCoords.map((e) => e.id).sort());
  // Hover names the place with its aliases.
  const aliased = placed.find((e) => e.aliases.length > 1) ?? placed[0];
  const title = await page.textContent(`[data-testid=map] .map-marker[data-entity-id="${aliased.id}"] title`);
  for (const a of aliased.aliases) assert.ok(title.includes(a), `${title} names ${a}`);
  // Click a marker that is in some but not all articles.
  const partial = placed.filter((e) => docsOfKey(keyOf('PLACE', e.id)).length < allIds.length);
  const clicked = await clickFirstClickable(partial.map((e) => page.locator(`[data-testid=map] .map-marker[data-entity-id="${e.id}"] circle`)));
  const id = await clicked.evaluate((el) => el.closest('.map-marker').dataset.entityId);
  const key = await clicked.evaluate((el) => el.closest('.map-marker').dataset.entityKey);
  await page.waitForFunction((k) => new URL(location.href).searchParams.getAll('f').includes(k), key);
  await page.waitForSelector(`[data-testid=map] .map-marker[data-entity-id="${id}"][aria-pressed=true]`);
  assert.deepEqual(await listed(page), docsOfKey(keyOf('PLACE', id)));
  assert.deepEqual(messages, []);
  await context.close();
});

test('the views follow the filters: counts per bin, nodes and markers match the matching articles', async () => {
  const { page, messages, context } = await openPage(site.browser);
  // A filter chosen from the data: the place in most but not all articles.
  const place = ex.entities
    .filter((e) => e.ty === 'PLACE')
    .map((e) => ({ e, n: docsOfKey(keyOf('PLACE', e.id)).length }))
    .filter((x) => x.n > 0 && x.n < allIds.length)
    .sort((a, b) => b.n - a.n)[0].e;
  const kept = new Set(docsOfKey(keyOf('PLACE', place.id)));

  await open(page, '?view=timeline');
  const list = await bins(page);
  const counts = async () =>
    Object.fromEntries(
      await page.$$eval('[data-testid=timeline] .tl-bars', (els) => els.map((e) => [e.dataset.bin, [Number(e.dataset.published), Number(e.dataset.mentioned)]])),
    );
  const model = (ids) => {
    const out = {};
    list.forEach((b) => {
      const [s, e] = [iso(b.start), iso(b.end)];
      const pub = ids.filter((id) => {
        const p = ex.documents.find((d) => d.id === id).meta.published;
        return p && utc(p.year, p.month, p.day) >= s && utc(p.year, p.month, p.day) <= e;
      }).length;
      const men = ids.filter((id) =>
        ex.documents.find((d) => d.id === id).mentions.some((m) => {
          const p = m.ty === 'DATE' && periodOf(m.entity);
          return p && p[0] >= s && p[1] <= e;
        }),
      ).length;
      if (pub || men) out[b.i] = [pub, men];
    });
    return out;
  };
  assert.deepEqual(await counts(), model(allIds));
  // Filter from the facet panel while the timeline is shown.
  const facet = page.locator(`[data-testid=facet][data-entity-type=place] [data-testid=facet-entity][data-entity-id="${place.id}"] [data-testid=facet-include]`);
  await facet.click();
  await page.waitForFunction((k) => new URL(location.href).searchParams.getAll('f').includes(k), place.id);
  await page.waitForFunction(() => document.querySelector('[data-testid=timeline-line]'));
  assert.deepEqual(await counts(), model(allIds.filter((d) => kept.has(d))));

  // The network under the same filter draws only entities of those articles.
  await page.click('[data-testid=tab-network]');
  await page.waitForSelector('[data-testid=network] .net-node');
  for (const [type, id] of await page.$$eval('[data-testid=network] .net-node', (els) => els.map((e) => [e.dataset.entityType, e.dataset.entityId]))) {
    assert.ok(docsOfKey(keyOf(type, id)).some((d) => kept.has(d)), `${id} is in a kept article`);
  }
  const filteredNodes = await page.locator('[data-testid=network] .net-node').count();
  await page.click(`[data-testid=active-filter][data-entity-id="${place.id}"] button`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=network] .net-node').length !== n, filteredNodes);

  // The map: markers for exactly the places of the kept articles.
  await page.goto(`${site.server.url}?view=map&f=${place.id}`);
  await page.waitForSelector('[data-testid=map] .map-marker');
  const markers = await page.$$eval('[data-testid=map] .map-marker', (els) => els.map((e) => e.dataset.entityId).sort());
  const want = ex.entities
    .filter((e) => e.ty === 'PLACE' && e.coords && docsOfKey(keyOf('PLACE', e.id)).some((d) => kept.has(d)))
    .map((e) => e.id)
    .sort();
  assert.deepEqual(markers, want);
  // The entity page shows the place's sparkline.
  await page.goto(`${site.server.url}?entity=${place.id}`);
  await page.waitForSelector('[data-testid=entity-view]');
  assert.equal(await page.locator('[data-testid=sparkline] svg rect').count() > 0 || (await page.locator('[data-testid=sparkline-none]').count()) === 1, true);
  assert.deepEqual(messages, []);
  await context.close();
});

test('same input, same drawing: each view renders identical SVG on every load', async () => {
  for (const [view, sel] of [['timeline', '[data-testid=timeline] svg'], ['network', '[data-testid=network] svg'], ['map', '[data-testid=map]']]) {
    const svgs = [];
    for (let i = 0; i < 2; i++) {
      const { page, context } = await openPage(site.browser);
      await open(page, `?view=${view}&f=azerbaijan`);
      await page.waitForSelector(`${sel} ${view === 'map' ? '.map-marker' : view === 'network' ? '.net-node' : '.tl-bars'}`);
      svgs.push(await page.locator(sel).first().evaluate((el) => el.outerHTML));
      await context.close();
    }
    assert.equal(svgs[0], svgs[1], `${view} drew the same twice`);
    assert.ok(svgs[0].length > 500);
  }
});

test('the network of 500 entities of a large corpus is laid out in under 200 ms in the browser', async (t) => {
  // A bundle of synthetic articles (as tests/e2e/bundle.test.mjs builds
  // one), so the real view draws 500 real entities.
  const work = path.join(ROOT, 'target', 'e2e-overviews');
  const corpusDir = path.join(work, 'corpus');
  const siteDir = path.join(work, 'site');
  fs.rmSync(work, { recursive: true, force: true });
  const cli = (...args) => execFileSync('cargo', ['run', '-q', '-p', 'entiscope-cli', '--', ...args], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  cli('generate', '--articles', '800', '--seed', '11', '--out', corpusDir);
  fs.cpSync(path.join(ROOT, 'dist'), siteDir, { recursive: true });
  cli('bundle', corpusDir, '--out', path.join(siteDir, 'bundle'));
  nameBundle(siteDir);
  const server = await serve(siteDir);
  const { page, messages, context } = await openPage(site.browser);
  // Closed however the test ends, so a failure cannot keep the run waiting.
  t.after(async () => {
    await context.close();
    server.close();
  });
  const runs = [];
  let nodes = 0;
  for (let i = 0; i < 3; i++) {
    await page.goto(`${server.url}?view=network&top=500&min=1&by=articles`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=network] .net-node').length >= 500, null, { timeout: 60000 });
    nodes = await page.locator('[data-testid=network] .net-node').count();
    runs.push(await page.evaluate(() => window.entiscopeLayoutMs));
  }
  const median = [...runs].sort((a, b) => a - b)[1];
  console.log(`# layout: ${nodes} nodes in ${runs.map((r) => r.toFixed(1)).join(', ')} ms (median ${median.toFixed(1)})`);
  assert.equal(nodes, 500);
  assert.ok(median < 200, `500 nodes in ${median} ms`);
  // Same input, same drawing, for the large network too.
  const a = await page.locator('[data-testid=network] svg').evaluate((el) => el.outerHTML);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=network] .net-node').length >= 500, null, { timeout: 60000 });
  assert.equal(await page.locator('[data-testid=network] svg').evaluate((el) => el.outerHTML), a);
  assert.deepEqual(messages, []);
});

test('each view downloads as SVG and as PNG', async () => {
  const { page, messages, context } = await openPage(site.browser);
  for (const view of ['timeline', 'network', 'map']) {
    await open(page, `?view=${view}`);
    await page.waitForSelector(`[data-testid=${view}] svg`);
    if (view === 'map') await page.waitForSelector('[data-testid=map] .map-marker');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-svg]')]);
    assert.equal(svg.suggestedFilename(), `entiscope-${view}.svg`);
    const text = fs.readFileSync(await svg.path(), 'utf8');
    assert.match(text, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(!/var\(--/.test(text), 'colours are resolved, not custom properties');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-png]')]);
    assert.equal(png.suggestedFilename(), `entiscope-${view}.png`);
    const bytes = fs.readFileSync(await png.path());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(bytes.length > 2000);
  }
  assert.deepEqual(messages, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`the three views in the ${scheme} theme at 390 and 1440 px: screenshots and no serious axe violations`, async () => {
    for (const width of [390, 1440]) {
      // bypassCSP lets axe-core be injected (as the other suites do).
      const { page, messages, context } = await openPage(site.browser, { viewport: { width, height: 1000 }, colorScheme: scheme, bypassCSP: true });
      for (const [view, ready] of [['timeline', '.tl-bars'], ['network', '.net-node'], ['map', '.map-marker']]) {
        await open(page, `?view=${view}&f=azerbaijan`);
        await page.waitForSelector(`[data-testid=${view}] ${ready}`);
        await page.locator(`[data-testid=${view}-view]`).evaluate((el) => el.scrollIntoView());
        await page.waitForTimeout(100);
        await screenshot(page, `overview-${view}-${width}-${scheme}`);
        const violations = await axe(page);
        assert.deepEqual(violations, [], `${view} ${width} ${scheme}: ${JSON.stringify(violations)}`);
      }
      // No horizontal scrolling at phone width.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${width}: fits the width`);
      assert.deepEqual(messages, []);
      await context.close();
    }
  });
}

// Ad-hoc: screenshots of a few views for a human look (not a test).
import path from 'node:path';
import { ROOT, serve, launch, openPage } from './harness.mjs';
const out = process.argv[2] || '/tmp/shots';
const width = Number(process.argv[3] || 1280);
const scheme = process.argv[4] || 'light';
const root = await serve(path.join(ROOT, 'dist'), '/');
const browser = await launch();
const { page, messages } = await openPage(browser, { viewport: { width, height: 900 }, colorScheme: scheme });
for (const [name, q] of [['list', ''], ['filtered', '?f=nikol-pashinyan&x=turkey'], ['article', '?article=000_a00b3b19d7c29351&q=aliyev'], ['entity', '?entity=fuzuli']]) {
  await page.goto(root.url + q);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}-${width}-${scheme}.png`, fullPage: false });
}
console.log(messages.join('\n') || 'no console messages');
await browser.close();
root.close();

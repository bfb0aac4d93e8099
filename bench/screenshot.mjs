// Takes the README's screenshots in headless Chromium:
//   docs/screenshot.png: the demo page, the seed article with a few claims and the picker open;
//   docs/news-screenshot.png: news.html, the site's own story tagged in place.
// Run: scripts/build.sh && node bench/screenshot.mjs
import { startServer, launchBrowser, dragOver, deepQueryScript } from '../tests/e2e/support.mjs';

const server = await startServer();
const browser = await launchBrowser();

async function tagAll(page, claims, scope) {
  for (const [phrase, key] of claims) {
    await dragOver(page, phrase, scope);
    await page.waitForSelector('.ca-tag-picker');
    await page.keyboard.press(key);
    await page.waitForSelector('.ca-tag-picker', { state: 'detached' });
  }
}

const claims = [
  ['urged the United Nations to probe rights violations in China', '1'],
  ['trample on human rights at home and abroad', '1'],
  ['called for international scrutiny', '3'],
  ['are groundless and not worth refuting', '2'],
];

let page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
await page.addInitScript(deepQueryScript);
await page.goto(server.url);
await page.waitForSelector('[data-ca-ready]');
await tagAll(page, claims);
await page.evaluate(() => window.scrollTo(0, 0));
await dragOver(page, 'pointed to an unprecedented call in June');
await page.waitForSelector('.ca-tag-picker');
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname });
await page.close();

page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(deepQueryScript);
await page.goto(`${server.url}/news.html`);
await page.waitForSelector('.ca-loader');
// The claims in the side drawer, beside the story, so the picture shows both.
await page.evaluate(() => document.querySelector('claim-annotator').setAttribute('panel', 'drawer'));
await tagAll(page, claims.slice(0, 3), '#story');
await page.evaluate(() => getSelection().removeAllRanges());
await page.waitForSelector('.ca-drawer .ca-claim');
await page.evaluate(() => document.querySelector('.standfirst').scrollIntoView({ block: 'start' }));
await page.evaluate(() => window.scrollBy(0, -60));
await page.screenshot({ path: new URL('../docs/news-screenshot.png', import.meta.url).pathname });

await browser.close();
await server.close();
console.log('wrote docs/screenshot.png and docs/news-screenshot.png');

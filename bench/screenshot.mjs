// Takes docs/screenshot.png: the seed article with a few claims tagged, in headless Chromium.
// Run: scripts/build.sh && node bench/screenshot.mjs
import { startServer, launchBrowser, dragOver } from '../tests/e2e/support.mjs';

const server = await startServer();
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
await page.goto(server.url);
await page.waitForSelector('[data-ca-ready]');
for (const [phrase, key] of [
  ['urged the United Nations to probe rights violations in China', '1'],
  ['trample on human rights at home and abroad', '1'],
  ['called for international scrutiny', '3'],
  ['are groundless and not worth refuting', '2'],
]) {
  await dragOver(page, phrase);
  await page.waitForSelector('.ca-tag-picker');
  await page.keyboard.press(key);
}
await page.evaluate(() => window.scrollTo(0, 0));
await dragOver(page, 'pointed to an unprecedented call in June');
await page.waitForSelector('.ca-tag-picker');
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname });
await browser.close();
await server.close();
console.log('wrote docs/screenshot.png');

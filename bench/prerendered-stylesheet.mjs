// What the live widget's own stylesheet would cost on the demo page, which stop 23 stopped
// paying (the live widget takes the prerendered copy's loaded link over instead): parsing the
// widget's CSS into a constructed sheet, adopting it into the shadow root that holds the
// prerendered copy (the restyle and relayout that causes), and removing the prerendered link
// (another). Each load blocks the .wasm, so only the prerendered copy is there, then times the
// three steps in the page, each followed by a forced layout.
// Run: scripts/build.sh && node bench/prerendered-stylesheet.mjs [loads, default 15];
// CPU_SLOWDOWN=4 throttles the CPU; DIST=<folder> for another build.
import { readFile } from 'node:fs/promises';
import { startServer, launchBrowser, slowDown } from '../tests/e2e/support.mjs';
const loads = Number(process.argv[2] ?? 15);
const slow = Number(process.env.CPU_SLOWDOWN ?? 1);
const server = await startServer(process.env.DIST ?? 'dist');
const css = await readFile(`${process.env.DIST ?? 'dist'}/pkg/claim-annotator.css`, 'utf8');
const browser = await launchBrowser();
const rows = [];
for (let n = 0; n < loads; n++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  const session = await context.newCDPSession(page);
  await slowDown(session, { cpu: slow });
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  rows.push(await page.evaluate((text) => {
    const root = document.querySelector('claim-annotator').shadowRoot;
    const layout = () => document.documentElement.getBoundingClientRect() && root.querySelector('.ca-article').offsetHeight;
    layout();
    const t0 = performance.now();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const t1 = performance.now();
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    layout();
    const t2 = performance.now();
    root.querySelector('link[rel="stylesheet"]').remove();
    layout();
    const t3 = performance.now();
    return { parse: t1 - t0, adopt: t2 - t1, unlink: t3 - t2 };
  }, css));
  await context.close();
}
await browser.close(); await server.close();
const median = (v) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const key of ['parse', 'adopt', 'unlink']) console.log(`${key}: median ${median(rows.map((r) => r[key])).toFixed(2)} ms (${rows.map((r) => r[key].toFixed(1)).join(' ')})`);
console.log(`total: median ${median(rows.map((r) => r.parse + r.adopt + r.unlink)).toFixed(2)} ms`);

// The demo page's start, phase by phase, over fresh loads (medians), for one build or two
// side by side (loads alternate between them):
//   navigation -> near:     the element comes near the viewport (its IntersectionObserver fires,
//                           and the loader starts the widget);
//   near -> glue run:       the glue module imported (with everything it imports) and run;
//   glue run -> wasm ready: the wasm instantiated (`default()` of the glue resolved);
//   wasm ready -> ready:    `mount`, the renders, and the swap of the prerendered copy for the
//                           live widget (the `data-ca-ready` mark on the shown live widget).
// The marks: "near" when an IntersectionObserver callback sees the element (the page's script
// wraps the constructor; the loader's is the page's only one), "glue run" at the end of the
// glue module's evaluation and "wasm ready" as the glue's `mount` is called (the server adds
// both to the glue as it serves it; the files on disk stay as built, and the bench stops if the
// glue has no `export function mount(`). The loader is minified, so nothing marks it.
// Intervals inside one load vary less than whole loads on a busy machine.
// Run: scripts/build.sh && node bench/start-phases.mjs [loads, default 15]
//   BASELINE_DIST=<folder of another build> compares; CPU_SLOWDOWN=4 throttles the CPU;
//   LATENCY=<ms> adds that much to every request (the DevTools protocol's network emulation);
//   PAGE=own-copy loads, instead of the demo page, a page with only
//   `<claim-annotator article-url="article.txt" lang="…">` (WIDGET_LANG, default fr): no
//   prerendered copy and no preloads, as a news page showing its own copy would be.
import { startServer, launchBrowser, slowDown, LIVE_READY } from '../tests/e2e/support.mjs';

const loads = Number(process.argv[2] ?? 15);
const slowdown = Number(process.env.CPU_SLOWDOWN ?? 1);
const latency = Number(process.env.LATENCY ?? 0);
const ownCopy = process.env.PAGE === 'own-copy';
const ownCopyPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Own copy</title>
<script type="module" src="/claim-annotator.js"></script></head>
<body><claim-annotator article-url="article.txt" lang="${process.env.WIDGET_LANG ?? 'fr'}"></claim-annotator></body></html>`;
const builds = { 'this build': process.env.DIST ?? 'dist' };
if (process.env.BASELINE_DIST) builds.baseline = process.env.BASELINE_DIST;

/** The glue as served: "wasm ready" as `mount` is called, "glue run" once it has evaluated. */
function markGlue(path, body) {
  if (path !== '/pkg/claim_annotator.js') return body;
  const mount = /export function mount\(([^)]*)\)\s*\{/;
  const text = body.toString('utf8');
  if (!mount.test(text)) throw new Error('the glue has no `export function mount(` to mark');
  return Buffer.from(`${text.replace(mount, (whole) => `${whole}performance.mark('wasm-ready');`)}\nperformance.mark('glue-run');\n`);
}

const servers = {};
for (const [name, folder] of Object.entries(builds)) servers[name] = await startServer(folder, () => ({ 'cache-control': 'no-store' }), markGlue);
const browser = await launchBrowser();

async function load(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await slowDown(await context.newCDPSession(page), { cpu: slowdown, latency });
  if (ownCopy) await page.route('**/own-copy.html', (route) => route.fulfill({ contentType: 'text/html', body: ownCopyPage }));
  await page.addInitScript(() => {
    const Observer = window.IntersectionObserver;
    window.IntersectionObserver = class extends Observer {
      constructor(callback, options) {
        super((entries, observer) => {
          if (entries.some((entry) => entry.isIntersecting) && !performance.getEntriesByName('near').length) performance.mark('near');
          callback(entries, observer);
        }, options);
      }
    };
  });
  await page.addInitScript((ready) => {
    // As bench/first-paint.mjs: a mutation observer on the element's shadow root, once it has one.
    const look = () => {
      const root = document.querySelector('claim-annotator')?.shadowRoot;
      if (!root) return requestAnimationFrame(look);
      const observer = new MutationObserver(() => {
        if (root.querySelector(ready)) {
          window.caReadyAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true });
    };
    requestAnimationFrame(look);
  }, LIVE_READY);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.caReadyAt !== undefined, null, { polling: 50 });
  const sample = await page.evaluate(() => {
    const at = Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime]));
    return { near: at.near, glueRun: at['glue-run'], wasmReady: at['wasm-ready'], ready: window.caReadyAt };
  });
  await context.close();
  if (Object.values(sample).some((value) => value === undefined)) throw new Error(`a mark is missing: ${JSON.stringify(sample)}`);
  return sample;
}

const samples = Object.fromEntries(Object.keys(builds).map((name) => [name, []]));
const address = (name) => `${servers[name].url}/${ownCopy ? 'own-copy.html' : ''}`;
await load(address('this build')); // warms the browser, not counted
for (let run = 0; run < loads; run += 1) {
  const names = Object.keys(builds);
  for (const name of run % 2 ? names.reverse() : names) samples[name].push(await load(address(name)));
}
await browser.close();
for (const server of Object.values(servers)) await server.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const phases = [
  ['navigation → near', (s) => s.near],
  ['near → glue run', (s) => s.glueRun - s.near],
  ['glue run → wasm ready', (s) => s.wasmReady - s.glueRun],
  ['wasm ready → ready', (s) => s.ready - s.wasmReady],
  ['near → ready', (s) => s.ready - s.near],
  ['navigation → ready', (s) => s.ready],
];
console.log(`${ownCopy ? 'own-copy page' : 'demo page'}, ${loads} loads per build, CPU ${slowdown}x, latency per request ${latency} ms; medians in ms`);
console.log(`| phase | ${Object.keys(builds).join(' | ')} |`);
console.log(`|---|${Object.keys(builds).map(() => '---').join('|')}|`);
for (const [name, of] of phases) {
  console.log(`| ${name} | ${Object.keys(builds).map((build) => median(samples[build].map(of)).toFixed(1)).join(' | ')} |`);
}

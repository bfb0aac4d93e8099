// What <claim-annotator> costs a news page, in headless Chromium:
//   1. navigation -> load event of news.html with the element, against the same page without it
//      (the loader module and the element removed), in the same run, alternating, median of N
//      (default 10): a first visit (a fresh browser context, nothing cached) and a return visit
//      (the same context again; the site's files are served with a year's cache lifetime, as a
//      CDN would);
//   2. the first, cold engagement: from the reader's mouse-up after selecting a phrase in the
//      story (the widget has not been fetched yet) to the tag picker on screen; also from the
//      first selection change, when the loader starts fetching.
// CPU_SLOWDOWN=4 throttles the CPU through the DevTools protocol (a cheap Chromebook, roughly).
// LATENCY=<ms> adds that much latency to every request (the DevTools protocol's network
// emulation): the local server answers at once, a news page's server does not, so what waits
// on a round trip shows only with it. DIST=<folder> serves another build (default dist);
// ENGAGEMENT_ONLY=1 skips part 1.
// Run: scripts/build.sh && node bench/embed-load.mjs [runs]
import { readFile, writeFile, rm } from 'node:fs/promises';
import { startServer, launchBrowser, deepQueryScript, dragOver, slowDown } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] ?? 10);
const slowdown = Number(process.env.CPU_SLOWDOWN ?? 1);
const latency = Number(process.env.LATENCY ?? 0);
const folder = process.env.DIST ?? 'dist';
const dist = new URL(`../${folder}/`, import.meta.url);
const withWidget = await readFile(new URL('news.html', dist), 'utf8');
const bare = withWidget
  .replace(/\s*<script type="module" async src="claim-annotator.js"><\/script>/, '')
  .replace(/<claim-annotator[^>]*><\/claim-annotator>/, '');
if (bare === withWidget) throw new Error('could not remove the widget from news.html');
await writeFile(new URL('news-bare.html', dist), bare);

const server = await startServer(folder, (path) => (path.endsWith('.html') ? {} : { 'cache-control': 'public, max-age=31536000' }));
const browser = await launchBrowser();
const median = (values) => { const sorted = [...values].sort((a, b) => a - b); const middle = sorted.length >> 1; return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2; };

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (slowdown > 1 || latency > 0) await slowDown(await context.newCDPSession(page), { cpu: slowdown, latency });
  return { context, page };
}

/** [first visit, return visit] navigation -> load event of `path`, and the main thread's busy
 * time (the DevTools protocol's TaskDuration) up to the first visit's load event: a CPU measure,
 * far steadier than wall-clock time on a shared machine. */
async function loadTimes(path) {
  const { context, page } = await freshPage();
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  const times = [];
  for (let visit = 0; visit < 2; visit += 1) {
    await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
    if (visit === 0) {
      const { metrics } = await session.send('Performance.getMetrics');
      times.push(metrics.find((metric) => metric.name === 'TaskDuration').value * 1000);
    }
    times.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    const fetchedWasm = await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('.wasm')));
    if (fetchedWasm) throw new Error('the wasm was fetched on page load');
  }
  await context.close();
  return [times[1], times[2], times[0]];
}

const loads = { with: [], without: [], withAgain: [], withoutAgain: [], withBusy: [], withoutBusy: [] };
for (let run = 0; run < (process.env.ENGAGEMENT_ONLY ? 0 : runs); run += 1) {
  // Alternate which page goes first, so neither always pays for a cold browser process.
  const order = run % 2 ? ['news.html', 'news-bare.html'] : ['news-bare.html', 'news.html'];
  const measured = {};
  for (const path of order) measured[path] = await loadTimes(path);
  const [without, withoutAgain, withoutBusy] = measured['news-bare.html'];
  const [withIt, withAgain, withBusy] = measured['news.html'];
  loads.withoutBusy.push(withoutBusy);
  loads.withBusy.push(withBusy);
  loads.without.push(without);
  loads.withoutAgain.push(withoutAgain);
  loads.with.push(withIt);
  loads.withAgain.push(withAgain);
}

const engagements = [];
for (let run = 0; run < runs; run += 1) {
  const { context, page } = await freshPage();
  await page.addInitScript(deepQueryScript);
  await page.addInitScript(() => {
    window.marks = {};
    document.addEventListener('selectionchange', () => {
      if (!window.marks.selection && !getSelection().isCollapsed) window.marks.selection = performance.now();
    });
    document.addEventListener('mouseup', () => { window.marks.mouseUp = performance.now(); });
    const watch = () => {
      if (window.caQuery?.('.ca-tag-picker')) window.marks.picker = performance.now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.goto(`${server.url}/news.html`, { waitUntil: 'load' });
  await dragOver(page, 'urged the United Nations to probe rights violations', '#story');
  await page.waitForSelector('.ca-tag-picker');
  await page.waitForFunction(() => window.marks.picker);
  engagements.push(await page.evaluate(() => window.marks));
  await context.close();
}
await browser.close();
await server.close();
await rm(new URL('news-bare.html', dist));

console.log(`runs: ${runs}, CPU slowdown: ${slowdown}x, latency per request: ${latency} ms, build: ${folder}`);
const fromMouseUp = engagements.map((marks) => marks.picker - marks.mouseUp);
const fromSelection = engagements.map((marks) => marks.picker - marks.selection);
const list = (values) => values.map((value) => value.toFixed(1)).join(', ');
if (!process.env.ENGAGEMENT_ONLY) {
  const withMedian = median(loads.with);
  const withoutMedian = median(loads.without);
  console.log(`first visit, navigation -> load, with the element: median ${withMedian.toFixed(1)} ms (${list(loads.with)})`);
  console.log(`first visit, navigation -> load, without it:       median ${withoutMedian.toFixed(1)} ms (${list(loads.without)})`);
  console.log(`first visit, ratio with / without: ${(withMedian / withoutMedian).toFixed(3)}`);
  const busy = [median(loads.withBusy), median(loads.withoutBusy)];
  console.log(`first visit, main-thread busy time to load, with: median ${busy[0].toFixed(1)} ms (${list(loads.withBusy)})`);
  console.log(`first visit, main-thread busy time to load, without: median ${busy[1].toFixed(1)} ms (${list(loads.withoutBusy)})`);
  console.log(`first visit, busy-time ratio with / without: ${(busy[0] / busy[1]).toFixed(3)}`);
  const again = [median(loads.withAgain), median(loads.withoutAgain)];
  console.log(`return visit, navigation -> load, with: median ${again[0].toFixed(1)} ms (${list(loads.withAgain)})`);
  console.log(`return visit, navigation -> load, without: median ${again[1].toFixed(1)} ms (${list(loads.withoutAgain)})`);
  console.log(`return visit, ratio with / without: ${(again[0] / again[1]).toFixed(3)}`);
}
console.log(`cold engagement, mouse-up -> picker: median ${median(fromMouseUp).toFixed(1)} ms (${list(fromMouseUp)})`);
console.log(`cold engagement, first selection change -> picker: median ${median(fromSelection).toFixed(1)} ms (${list(fromSelection)})`);

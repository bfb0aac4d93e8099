// Median time from navigation to the widget being interactive (article drawn and saved claims
// restored: `[data-ca-ready]` on the annotator), in headless Chromium over 5 fresh page loads.
// Baseline in the same run: DOMContentLoaded of the same page, i.e. everything before the wasm.
// CPU_SLOWDOWN=4 throttles the CPU through the DevTools protocol (a cheap Chromebook, roughly).
// Run: scripts/build.sh && node bench/time-to-interactive.mjs [runs]
import { startServer, launchBrowser, deepQueryScript } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] ?? 5);
const server = await startServer();
const browser = await launchBrowser();
const samples = [];
for (let run = 0; run < runs; run += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const slowdown = Number(process.env.CPU_SLOWDOWN ?? 1);
  if (slowdown > 1) {
    const session = await context.newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  await page.addInitScript(deepQueryScript);
  await page.addInitScript(() => {
    // The widget draws in a shadow root, which a document observer does not see: look at
    // every frame instead.
    const look = () => {
      if (window.caQuery('[data-ca-ready]')) window.__interactiveAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(server.url);
  await page.waitForSelector('[data-ca-ready]');
  const sample = await page.evaluate(() => ({
    interactive: window.__interactiveAt,
    domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  }));
  samples.push(sample);
  await context.close();
}
await browser.close();
await server.close();

const median = (values) => { const sorted = [...values].sort((a, b) => a - b); const middle = sorted.length >> 1; return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2; };
const interactive = median(samples.map((sample) => sample.interactive));
const baseline = median(samples.map((sample) => sample.domContentLoaded));
console.log(`runs: ${runs}, CPU slowdown: ${process.env.CPU_SLOWDOWN ?? 1}x`);
console.log(`samples (ms, interactive / DOMContentLoaded): ${samples.map((s) => `${s.interactive.toFixed(1)}/${s.domContentLoaded.toFixed(1)}`).join(', ')}`);
console.log(`median navigation -> interactive: ${interactive.toFixed(1)} ms`);
console.log(`median navigation -> DOMContentLoaded (baseline): ${baseline.toFixed(1)} ms`);
console.log(`ratio interactive / baseline: ${(interactive / baseline).toFixed(2)}`);

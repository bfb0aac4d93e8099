// What the widget's start spends in V8 compiling its WebAssembly: one trace per load of the demo
// page (the prerendered own copy, `dist/index.html`), from navigation to the live widget ready
// (`data-ca-ready`, as bench/first-paint.mjs sees it). V8 compiles a wasm function (Liftoff)
// the first time it is called, on the main thread, as `wasm.CompileLazy`: this counts those
// calls and their time before ready, beside the module's own compile (`v8.wasm.compileConsume`).
// Each load is a fresh browser on its own profile; then a second visit from a new browser on
// the same profile ("returning": the HTTP cache and V8's code cache kept, the files served
// with `cache-control: max-age=3600`), to see whether compiled code is reused.
// Also the page's main thread before ready: its style and layout (UpdateLayoutTree, Layout),
// and its tasks in all (RunTask).
// Tracing slows the page: compare loads of one run, not these times with other benches'.
// Run: scripts/build.sh && node bench/start-compile.mjs [loads, default 5]; DIST=<folder> for another build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, LIVE_READY } from '../tests/e2e/support.mjs';

const loads = Number(process.argv[2] ?? 5);
const server = await startServer(process.env.DIST ?? 'dist', () => ({ 'cache-control': 'public, max-age=3600' }));
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

async function visit(profile) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args, viewport: { width: 1280, height: 900 } });
  await context.addInitScript((selector) => {
    let watched = false;
    const look = () => {
      const root = document.querySelector('claim-annotator')?.shadowRoot;
      if (root && !watched) {
        watched = true;
        new MutationObserver((_, observer) => {
          if (root.querySelector(selector)) { window.caReady = performance.now(); performance.mark('ca-ready'); observer.disconnect(); }
        }).observe(root, { subtree: true, childList: true, attributes: true });
      }
      if (!window.caReady) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, LIVE_READY);
  const page = context.pages()[0] ?? await context.newPage();
  const session = await context.newCDPSession(page);
  const events = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.start', { traceConfig: { includedCategories: ['v8.wasm', 'v8', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] } });
  await page.goto(`${server.url}/`, { waitUntil: 'load' });
  let ready;
  while (!(ready = (await session.send('Runtime.evaluate', { expression: 'window.caReady', returnByValue: true })).result.value)) {
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await session.send('Tracing.end');
  await complete;
  // Let the browser write its caches before it closes.
  await page.waitForTimeout(3000);
  await context.close();
  const readyMark = events.find((event) => event.name === 'ca-ready');
  const readyAt = readyMark?.ts ?? Infinity;
  const before = (name) => events.filter((event) => event.name === name && event.ph === 'X' && event.ts <= readyAt);
  const ms = (list) => list.reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
  // The page's main thread (where the mark was made): its style and layout before ready, and
  // how long its tasks ran in all.
  const onMain = (name) => before(name).filter((event) => event.pid === readyMark?.pid && event.tid === readyMark?.tid);
  return {
    ready,
    lazy: before('wasm.CompileLazy').length,
    lazyMs: ms(before('wasm.CompileLazy')),
    moduleMs: ms(before('v8.wasm.compileConsume')),
    styleLayoutMs: ms(onMain('UpdateLayoutTree')) + ms(onMain('Layout')),
    busyMs: ms(onMain('RunTask')),
  };
}

const samples = { first: [], returning: [] };
for (let load = 0; load < loads; load += 1) {
  const profile = await mkdtemp(join(tmpdir(), 'ca-start-'));
  samples.first.push(await visit(profile));
  samples.returning.push(await visit(profile));
  await rm(profile, { recursive: true, force: true });
}
await server.close();

const median = (values) => { const sorted = [...values].sort((a, b) => a - b); const middle = sorted.length >> 1; return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2; };
console.log(`${loads} loads, medians (tracing on)`);
console.log('| visit | navigation → ready | wasm functions compiled on first call, before ready | their compile time | the module\'s compile (compileConsume) | style and layout before ready | main thread busy before ready |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, list] of Object.entries(samples)) {
  const at = (key) => median(list.map((s) => s[key])).toFixed(1);
  console.log(`| ${name} | ${at('ready')} ms | ${median(list.map((s) => s.lazy))} | ${at('lazyMs')} ms | ${at('moduleMs')} ms | ${at('styleLayoutMs')} ms | ${at('busyMs')} ms |`);
}
for (const [name, list] of Object.entries(samples)) console.log(`${name}: ${list.map((s) => `${s.ready.toFixed(0)}/${s.lazy}/${s.lazyMs.toFixed(1)}`).join(', ')} (ready ms / functions / compile ms)`);

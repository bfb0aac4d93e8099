// Where the demo page's main thread goes until the live widget is ready, by function: V8's
// sampling profiler (0.1 ms) from navigation to `data-ca-ready` (as bench/first-paint.mjs sees
// it), over fresh loads. Prints, for the first load, each task the page ran (time, length, and
// the widget's and Yew's functions in it, inclusive), then the functions with the most time
// over all loads, inclusive. FOCUS=<part of a function's name> also sums what that function
// called, by the widget's own functions under it (DEPTH of them, default 2).
// The shipped wasm has no function names; to see them, serve a named build:
//   bench/size-top.sh "" 0 target/size-top && NAMES=target/size-top node bench/start-profile.mjs 5
// (NAMES copies dist/ and puts that folder's named.wasm and glue in its pkg/.)
// Run: scripts/build.sh && node bench/start-profile.mjs [loads, default 5]; CPU_SLOWDOWN=4.
import { cp, rm } from 'node:fs/promises';
import { startServer, launchBrowser, slowDown, LIVE_READY } from '../tests/e2e/support.mjs';

const loads = Number(process.argv[2] ?? 5);
const slowdown = Number(process.env.CPU_SLOWDOWN ?? 1);
let folder = process.env.DIST ?? 'dist';
if (process.env.NAMES) {
  folder = 'target/bench-start-profile';
  await rm(folder, { recursive: true, force: true });
  await cp(process.env.DIST ?? 'dist', folder, { recursive: true });
  await cp(`${process.env.NAMES}/named.wasm`, `${folder}/pkg/claim_annotator_bg.wasm`);
  await cp(`${process.env.NAMES}/claim_annotator.js`, `${folder}/pkg/claim_annotator.js`);
  for (const file of ['claim_annotator_bg.wasm', 'claim_annotator.js']) {
    for (const suffix of ['.br', '.gz']) await rm(`${folder}/pkg/${file}${suffix}`, { force: true });
  }
}
const server = await startServer(folder, () => ({ 'cache-control': 'no-store' }));
const browser = await launchBrowser();
const clean = (name) => name.replace(/::h[0-9a-f]{16}/g, '').replace(/<([^ <>]+) as [^<>]+>/g, '$1');
const inclusive = {};
const focused = {};
const widgetOrYew = /claim_annotator::|RenderRunner|RenderedRunner/;

for (let load = 0; load < loads; load += 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((selector) => {
    const look = () => {
      if (document.querySelector('claim-annotator')?.shadowRoot?.querySelector(selector)) window.caReady = true;
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, LIVE_READY);
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await slowDown(session, { cpu: slowdown });
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await page.goto(server.url, { waitUntil: 'load' });
  while (!(await page.evaluate(() => window.caReady))) await page.waitForTimeout(20);
  const { profile } = await session.send('Profiler.stop');
  await context.close();

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stack = (id) => {
    const names = [];
    for (let at = id; at !== undefined; at = parent.get(at)) names.push(clean(nodes.get(at).callFrame.functionName || '(anonymous)'));
    return names; // leaf first
  };
  const tasks = [];
  let task = null;
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    time += profile.timeDeltas[index];
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const names = stack(profile.samples[index]);
    if (names[0] === '(idle)') {
      if (task) tasks.push(task);
      task = null;
      continue;
    }
    task ??= { at: (time - profile.startTime) / 1000, ms: 0, names: {} };
    task.ms += ms;
    const unique = [...new Set(names)];
    for (const name of unique) {
      if (!['(root)', '(program)', '(garbage collector)'].includes(name)) inclusive[name] = (inclusive[name] ?? 0) + ms / loads;
      if (widgetOrYew.test(name)) task.names[name] = (task.names[name] ?? 0) + ms;
    }
    if (process.env.FOCUS) {
      const at = names.findIndex((name) => name.includes(process.env.FOCUS));
      if (at >= 0) {
        const under = names.slice(0, at).filter((name) => name.startsWith('claim_annotator::')).reverse().slice(0, Number(process.env.DEPTH ?? 2)).join(' > ') || '(itself)';
        focused[under] = (focused[under] ?? 0) + ms / loads;
      }
    }
  }
  if (task) tasks.push(task);
  if (load === 0) {
    console.log('First load: each task over 2 ms (ms from the profile\'s start, length, the widget\'s and Yew\'s functions in it):');
    for (const { at, ms, names } of tasks.filter((one) => one.ms > 2)) {
      const top = Object.entries(names).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, spent]) => `${name.slice(-70)} ${spent.toFixed(1)}`);
      console.log(`${at.toFixed(0).padStart(6)} ms ${ms.toFixed(1).padStart(6)} ms  ${top.join(' | ')}`);
    }
  }
}
await browser.close();
await server.close();

const top = (table, count) => Object.entries(table).sort((a, b) => b[1] - a[1]).slice(0, count);
console.log(`\nInclusive, ms per load (mean of ${loads}):`);
for (const [name, ms] of top(inclusive, Number(process.env.TOP ?? 40))) console.log(`${ms.toFixed(1).padStart(7)}  ${name.slice(0, 150)}`);
if (process.env.FOCUS) {
  console.log(`\nUnder ${process.env.FOCUS}, ms per load:`);
  for (const [name, ms] of top(focused, 30)) console.log(`${ms.toFixed(1).padStart(7)}  ${name.slice(0, 200)}`);
}

// How soon the seed article is on screen and the widget usable, against a static HTML page of
// the same article, side by side in one run of headless Chromium, each load in a fresh browser
// context (nothing cached), the three pages alternating:
//   - static: the article as plain HTML with the widget's look (the prerendered markup in the
//     light DOM, the widget's stylesheet in the head), no script at all;
//   - widget: the demo page, its article prerendered at build time (examples/prerender.rs),
//     then the live widget;
//   - widget, not prerendered: the same page asked for the same article with `?panel=inline`,
//     which drops the prerendered copy (static/demo.js), as the page was before.
// For each: largest contentful paint (LCP, the article's text), and navigation to interactive:
// for the widget, the moment the live annotator is shown and ready (`data-ca-ready`, saved
// claims restored), seen by a mutation observer; for the static page, its load event (nothing
// more will run), and also the later of that and its first contentful paint (a reader cannot
// select words that are not on screen yet).
// CPU_SLOWDOWN=4 throttles the CPU through the DevTools protocol (a cheap Chromebook, roughly).
// Medians, and ratios to the static page's medians of the same run.
// BASELINE_DIST=<folder> adds a fourth page, the same demo page from another build's `dist/`
// (served under /baseline/), so a change is measured against its parent in the same run; the
// two are also compared round by round (the median of their paired differences).
// FILMSTRIP=1 also records each load's screenshots (the DevTools trace's filmstrip, as presented)
// and times when the article is on screen: the first screenshot whose article area holds at
// least half the ink of the load's last one. Chromium's LCP does not always count the
// prerendered copy's paint (see "LCP after the live widget was ready" in the output); the
// filmstrip shows what the reader saw. Tracing slows every page a little, each page alike.
// PAGE=arabic measures dist/arabic.html instead: an Arabic article, prerendered in Arabic as its
// element's lang="ar" asks (its static page made from it the same way). Its "not prerendered"
// page is the same page with the copy taken out, as such a page had to be before the
// prerenderer followed the element's language. Its article is short, so the page's header is
// its largest text and the LCP times the header, not the article: use FILMSTRIP=1, whose ink is
// then counted right of the panel, where a right-to-left article is.
// Run: scripts/build.sh && node bench/first-paint.mjs [runs, default 9]
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { startServer, launchBrowser, slowDown, LIVE_READY } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] ?? 9);
const slowdown = Number(process.env.CPU_SLOWDOWN ?? 1);
const folder = 'target/bench-first-paint';
const here = (path) => new URL(`../${path}`, import.meta.url).pathname;
await rm(here(folder), { recursive: true, force: true });
await mkdir(here(folder), { recursive: true });
await cp(here('dist'), here(folder), { recursive: true });
const baseline = process.env.BASELINE_DIST;
if (baseline) await cp(baseline, here(`${folder}/baseline`), { recursive: true });

// The page measured, and where its article is: the share of the screenshot's width left of it.
const measured = process.env.PAGE === 'arabic'
  ? { file: 'arabic.html', path: '/arabic.html', notPrerendered: '/not-prerendered.html', articleLeft: 0.37 }
  : { file: 'index.html', path: '/', notPrerendered: '/?panel=inline', articleLeft: 0.03 };

// The static page: the demo page with the prerendered widget's markup moved out of its
// declarative shadow root into the page, its stylesheet linked from the head, and no scripts.
const demo = await readFile(here(`dist/${measured.file}`), 'utf8');
const template = demo.match(/<template shadowrootmode="open"><link rel="stylesheet" href="([^"]+)"[^>]*>([\s\S]*)<\/template>/);
if (!template) throw new Error(`dist/${measured.file} has no prerendered widget: run scripts/build.sh`);
// The demo page drops its copy itself (static/demo.js, `?panel=inline`); the Arabic one is
// served without it.
if (measured.notPrerendered === '/not-prerendered.html') await writeFile(here(`${folder}/not-prerendered.html`), demo.replace(template[0], ''));
const staticPage = demo
  .replace(template[0], template[2])
  .replace(/<script[^>]*><\/script>/g, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace('<link rel="stylesheet" href="demo.css">', `<link rel="stylesheet" href="demo.css">\n  <link rel="stylesheet" href="${template[1]}">`);
await writeFile(here(`${folder}/static.html`), staticPage);

const server = await startServer(folder);
const browser = await launchBrowser();
const filmstrip = process.env.FILMSTRIP === '1';
// A page of its own, where each screenshot is decoded and its ink counted.
const inkPage = filmstrip ? await browser.newPage() : null;

/**
 * Dark pixels in the article's area of a screenshot (JPEG, base64): below the header, left of
 * the panel (right of it for the Arabic page).
 */
async function articleInk(jpeg) {
  return inkPage.evaluate(async ([data, left]) => {
    const image = new Image();
    image.src = `data:image/jpeg;base64,${data}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const [x, y, width, height] = [left, 0.2, 0.6, 0.75].map((share, index) => Math.round(share * (index % 2 ? image.height : image.width)));
    const pixels = context.getImageData(x, y, width, height).data;
    let ink = 0;
    for (let index = 0; index < pixels.length; index += 4) if (pixels[index] + pixels[index + 1] + pixels[index + 2] < 384) ink += 1;
    return ink;
  }, [jpeg, measured.articleLeft]);
}

/** When the article was first on screen (ms from navigation start), from a load's trace events. */
async function articleOnScreen(events) {
  const start = Math.max(...events.filter((event) => event.name === 'navigationStart').map((event) => event.ts));
  const shots = events.filter((event) => event.name === 'Screenshot').sort((a, b) => a.ts - b.ts);
  const inks = [];
  for (const shot of shots) inks.push(await articleInk(shot.args.snapshot));
  const final = inks.at(-1);
  const first = shots.find((_, index) => inks[index] >= final / 2);
  return first ? (first.ts - start) / 1000 : undefined;
}

const pages = {
  static: { path: '/static.html', interactive: false },
  widget: { path: measured.path, interactive: true },
  'widget, not prerendered': { path: measured.notPrerendered, interactive: true },
};
if (baseline) pages['widget, baseline build'] = { path: `/baseline${measured.path}`, interactive: true };

async function load({ path, interactive }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Waiting goes through the DevTools protocol's own evaluate: Playwright's waitForFunction
  // first injects its helper script into the page, which took 16 to 27 ms of the main thread in
  // traces, right while the widget was starting.
  const session = await context.newCDPSession(page);
  const until = async (expression) => {
    for (;;) {
      const { result } = await session.send('Runtime.evaluate', { expression, returnByValue: true });
      if (result.value) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await slowDown(session, { cpu: slowdown });
  await page.addInitScript((ready) => {
    window.caLcp = [];
    new PerformanceObserver((list) => window.caLcp.push(...list.getEntries().map((entry) => ({ at: entry.startTime, size: entry.size, text: (entry.element?.textContent ?? '').slice(0, 40) }))))
      .observe({ type: 'largest-contentful-paint', buffered: true });
    // The widget draws in a shadow root, which a document observer does not see. So every
    // frame looks in the element's shadow root (walking the whole page every frame would itself
    // cost milliseconds) until it has one, and watches it from then on: the moment the live
    // annotator is shown and ready is when the DOM says so (the swap from the prerendered copy
    // runs in a frame callback, and is painted in that frame). `caFrameAt` is the first frame
    // callback that finds it, as this bench measured until December: up to a frame later.
    let watched = false;
    const look = () => {
      const root = document.querySelector('claim-annotator')?.shadowRoot;
      if (root && !watched) {
        watched = true;
        const observer = new MutationObserver(() => {
          if (root.querySelector(ready)) {
            window.caInteractiveAt = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true });
      }
      if (root?.querySelector(ready)) window.caFrameAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, LIVE_READY);
  const traceEvents = [];
  if (filmstrip) {
    session.on('Tracing.dataCollected', ({ value }) => traceEvents.push(...value));
    await session.send('Tracing.start', { categories: 'disabled-by-default-devtools.screenshot,blink.user_timing', transferMode: 'ReportEvents' });
  }
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  if (interactive) await until('window.caFrameAt !== undefined');
  // LCP entries are reported after the paint they time: wait for one, then for any later one.
  await until('window.caLcp.length > 0');
  await page.waitForTimeout(300);
  const sample = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const lcp = window.caLcp.at(-1);
    return {
      lcp: lcp.at,
      lcpText: lcp.text,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      load: navigation.loadEventEnd,
      interactive: window.caInteractiveAt ?? window.caFrameAt ?? navigation.loadEventEnd,
      frame: window.caFrameAt ?? navigation.loadEventEnd,
    };
  });
  // A static page can take a selection only once its text is on screen: counted from the later
  // of its load event and its first contentful paint (as Lighthouse's time to interactive
  // starts at first contentful paint). For the widget the same is already true: the live
  // widget's ready frame comes after the prerendered copy's paint.
  sample.usable = Math.max(sample.interactive, sample.fcp ?? 0);
  if (filmstrip) {
    const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.end');
    await complete;
    sample.onScreen = await articleOnScreen(traceEvents);
  }
  await context.close();
  return sample;
}

const samples = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
await load(pages.static); // warms the server and the browser, not counted
for (let run = 0; run < runs; run += 1) {
  const names = Object.keys(pages);
  // Alternate the order, so no page always goes first.
  for (const name of run % 2 ? names.reverse() : names) samples[name].push(await load(pages[name]));
}
await browser.close();
await server.close();

const median = (values) => { const sorted = [...values].sort((a, b) => a - b); const middle = sorted.length >> 1; return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2; };
const medians = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, {
  lcp: median(list.map((sample) => sample.lcp)),
  fcp: median(list.map((sample) => sample.fcp)),
  interactive: median(list.map((sample) => sample.interactive)),
  usable: median(list.map((sample) => sample.usable)),
}]));
console.log(`fresh loads: ${runs} per page, CPU slowdown: ${slowdown}x`);
console.log('| page | LCP | ratio to static | navigation → interactive | ratio to static | ratio to static, from its first paint |');
console.log('|---|---|---|---|---|---|');
for (const [name, values] of Object.entries(medians)) {
  const lcpRatio = values.lcp / medians.static.lcp;
  const interactiveRatio = values.interactive / medians.static.interactive;
  const usableRatio = values.usable / medians.static.usable;
  console.log(`| ${name} | ${values.lcp.toFixed(1)} ms | ${lcpRatio.toFixed(2)} | ${values.interactive.toFixed(1)} ms | ${interactiveRatio.toFixed(2)} | ${usableRatio.toFixed(2)} (static ${medians.static.usable.toFixed(1)} ms) |`);
}
if (filmstrip) {
  const onScreen = (name) => median(samples[name].map((sample) => sample.onScreen ?? Infinity));
  console.log(`article on screen (filmstrip): ${Object.keys(samples).map((name) => `${name} ${onScreen(name).toFixed(1)} ms (${(onScreen(name) / onScreen('static')).toFixed(2)})`).join('; ')}`);
}
if (baseline) {
  // Paired: each round loads both builds back to back, so their difference in that round
  // cancels what the machine was doing then, and the rounds each build won are a sign test.
  // On this machine single loads vary more than the machine drifts, so pairing narrows the
  // noise only a little (two A/A runs: docs/benchmarks.md, stop 27).
  const paired = (of) => {
    const differences = samples.widget.map((sample, round) => of(sample) - of(samples['widget, baseline build'][round]));
    const ahead = differences.filter((difference) => difference < 0).length;
    return `median ${median(differences) >= 0 ? '+' : ''}${median(differences).toFixed(1)} ms, this build ahead in ${ahead} of ${differences.length} rounds`;
  };
  console.log(`paired, this build − baseline: LCP ${paired((sample) => sample.lcp)}; interactive ${paired((sample) => sample.interactive)}`);
}
// Chromium sometimes does not count the prerendered copy's paint, and the LCP is then the live
// widget's first frame, after the swap (stop 28: the loader's wait before the mount is for
// this; a screenshot trace showed the article on screen long before such an LCP).
for (const [name, list] of Object.entries(samples)) {
  if (pages[name].interactive) console.log(`${name}: LCP after the live widget was ready in ${list.filter((sample) => sample.lcp > sample.interactive).length} of ${list.length} loads`);
}
for (const [name, list] of Object.entries(samples)) {
  console.log(`${name}: LCP element "${list[0].lcpText}…"; samples (LCP/FCP/interactive/frame that finds it${filmstrip ? '/on screen' : ''}, ms): ${list.map((sample) => `${sample.lcp.toFixed(0)}/${sample.fcp?.toFixed(0)}/${sample.interactive.toFixed(0)}/${sample.frame.toFixed(0)}${filmstrip ? `/${sample.onScreen?.toFixed(0)}` : ''}`).join(', ')}`);
}

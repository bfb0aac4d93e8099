// Shared helpers for the end-to-end tests: a static server for dist/ and the fixtures, a
// headless Chromium, and a real mouse drag over words of the article.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.md': 'text/markdown; charset=utf-8',
};

/** Serves dist/ (or another folder of the repository) at / and tests/e2e/fixtures/ at
 * /fixtures/ on a free loopback port. `headers(path)` may add response headers (a CSP);
 * `transform(path, body)` may change a file as served (a new version of it); `pages` serves
 * bodies made by the test at their paths (a page the build does not ship). The handle's
 * `requests` lists every path asked for, and `setNetwork(false)` makes the server drop every
 * request unanswered, as if the network were down. */
export async function startServer(folder = 'dist', headers = () => ({}), transform = (path, body) => body, pages = {}) {
  const network = { up: true };
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    requests.push({ path, up: network.up });
    if (!network.up) {
      request.socket.destroy();
      return;
    }
    const file = path.startsWith('/fixtures/')
      ? join(root, 'tests/e2e', normalize(path))
      : join(root, folder, normalize(path.endsWith('/') ? `${path}index.html` : path));
    try {
      const body = Object.hasOwn(pages, path) ? pages[path] : transform(path, await readFile(file));
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...headers(path) });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    setNetwork: (up) => { network.up = up; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // CHROMIUM_FLAGS: more switches, space-separated, for a bench's what-if (e.g.
    // `--js-flags=--no-wasm-lazy-compilation`, docs/benchmarks.md, stop 29). Not used in CI.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
      ...(process.env.CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean)],
  });
  // E2E_SLOW_FRAMES=ms delays every other animation-frame callback by that much in every page,
  // as a loaded machine may: a test that reads what the widget draws a frame later (the panel's
  // list) without waiting for it then fails every time instead of once in a while. Not used in
  // CI; run by hand to find such races: E2E_SLOW_FRAMES=120 node --test --test-concurrency=1 tests/e2e/
  const slowFrames = Number(process.env.E2E_SLOW_FRAMES ?? 0);
  if (slowFrames > 0) {
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...options) => {
      const context = await newContext(...options);
      await context.addInitScript((delay) => {
        const request = window.requestAnimationFrame.bind(window);
        let count = 0;
        window.requestAnimationFrame = (callback) => request((time) => {
          count += 1;
          if (count % 2) setTimeout(() => callback(time), delay);
          else callback(time);
        });
      }, slowFrames);
      return context;
    };
  }
  return browser;
}

/** For the benches: a page's CPU slowed `cpu` times and `latency` ms added to each of its
 * requests, through the DevTools protocol (`session`: the page's CDP session); 1 and 0 leave it
 * as it is. */
export async function slowDown(session, { cpu = 1, latency = 0 }) {
  if (cpu > 1) await session.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (latency > 0) {
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  }
}

/** The strictest policy a news page may send: no inline script or style, no eval; only the
 * WebAssembly compile the widget needs, and Trusted Types. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

/** One server and one browser for a test file, started before its tests and closed after. */
export function serverAndBrowser() {
  const handles = {};
  before(async () => { handles.server = await startServer(); handles.browser = await launchBrowser(); });
  after(async () => { await handles.browser?.close(); await handles.server?.close(); });
  return handles;
}

/** In the page: `caQuery(selector)` and `caQueryAll(selector)` look through the document and
 * every open shadow root, since the widget draws inside its element's shadow root. */
export function deepQueryScript() {
  const roots = (root = document) => [root, ...[...root.querySelectorAll('*')].filter((element) => element.shadowRoot).flatMap((element) => roots(element.shadowRoot))];
  window.caQueryAll = (selector) => roots().flatMap((root) => [...root.querySelectorAll(selector)]);
  window.caQuery = (selector) => window.caQueryAll(selector)[0] ?? null;
}

/** The live widget's article (or its message instead): not a copy prerendered into the page,
 * which shows before the widget runs and is then replaced (examples/prerender.rs). */
export const LIVE_ARTICLE = '.ca-mount:not([hidden]):not([data-ca-prerendered]) :is(.ca-article, .ca-error)';

/** The live widget once it is shown and ready (its saved claims read): what the start benches
 * time navigation to. */
export const LIVE_READY = '.ca-mount:not([hidden]):not([data-ca-prerendered]) [data-ca-ready]';

/** A page that fails the test on any uncaught error in the page (a Rust panic included). */
export async function openPage(context, url) {
  const page = await context.newPage();
  await page.addInitScript(deepQueryScript);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text()); });
  page.pageErrors = errors;
  await page.goto(url);
  await page.waitForSelector(LIVE_ARTICLE);
  return page;
}

/** Screen points at the middle of the first and last characters of `phrase` in the article. */
async function phrasePoints(page, phrase, scope = '.ca-article') {
  return page.evaluate(({ phrase, scope }) => {
    const container = window.caQuery(scope);
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
    const at = all.indexOf(phrase);
    if (at < 0) throw new Error(`phrase not found: ${phrase}`);
    const point = (offset) => {
      const [node, base] = nodes.filter(([, base]) => base <= offset).pop();
      const range = document.createRange();
      range.setStart(node, offset - base);
      range.setEnd(node, offset - base + 1);
      const rect = range.getBoundingClientRect();
      // Whole pixels: Chromium started no selection from some fractional points.
      return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
    };
    const [startNode] = nodes.filter(([, base]) => base <= at).pop();
    startNode.parentElement.scrollIntoView({ block: 'center' });
    return { from: point(at), to: point(at + phrase.length - 1) };
  }, { phrase, scope });
}

/** Drags the mouse from inside the first character of `phrase` to inside its last one. */
export async function dragOver(page, phrase, scope) {
  const { from, to } = await phrasePoints(page, phrase, scope);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Selects `phrase` with the mouse and tags it with a key (1, 2 or 3), and waits for the frames
 * after it. A drag that Chromium took as a click (no selection: seen once in CI, on a loaded
 * machine) gets the widget's offer to select the sentence instead of the picker; that offer is
 * dismissed and the drag made again, at most twice more. */
export async function tagPhrase(page, phrase, key) {
  for (let attempt = 1; ; attempt += 1) {
    await dragOver(page, phrase);
    await page.waitForSelector('.ca-tag-picker');
    if (attempt === 3 || (await page.locator('.ca-sentence-offer').count()) === 0) break;
    await page.keyboard.press('Escape');
    await page.waitForSelector('.ca-tag-picker', { state: 'detached' });
  }
  await page.keyboard.press(key);
  await page.waitForSelector('.ca-tag-picker', { state: 'detached' });
  // The panel's list takes the claim a frame after the article does; the next drag's points
  // are read once it has.
  await settled(page);
}

/** The highlights on the page, as [text, tag] per claim (runs of one claim joined). */
export async function highlights(page) {
  return page.$$eval('mark.ca-highlight', (marks) => {
    const claims = new Map();
    for (const mark of marks) {
      for (const id of mark.dataset.caIds.split(' ')) {
        const tag = [...mark.classList].find((name) => name.startsWith('ca-tag-'));
        const entry = claims.get(id) ?? { text: '', tag: null, start: Number(mark.dataset.caStart) };
        entry.text += mark.textContent;
        if (mark.dataset.caIds === id) entry.tag = tag.replace('ca-tag-', '');
        claims.set(id, entry);
      }
    }
    return [...claims.values()].sort((a, b) => a.start - b.start).map(({ text, tag }) => [text, tag]);
  });
}

/** Waits until work the widget does after the next frame (saving) has run. */
export async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(resolve, 0)), 0))));
}

export async function storedAnnotations(page) {
  await settled(page);
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('claim-annotator:annotations:'));
    return key ? JSON.parse(localStorage.getItem(key)).annotations : [];
  });
}

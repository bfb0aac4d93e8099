// End to end in real headless Chromium: the library page offline and installable. Its service
// worker keeps the page's files; with the browser offline and the server unreachable the
// library and the annotator still work; a broken cache falls back to the network; a new version
// is taken up on the next visit with a quiet notice; the worker never reaches the demo page,
// news pages or the <claim-annotator> loader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';
import { startServer, launchBrowser, deepQueryScript, tagPhrase, highlights, LIVE_ARTICLE } from './support.mjs';

const ARTICLE = [
  'Hong Kong: rights groups write to the UN',
  'Hundreds of organisations have urged the United Nations to probe rights violations in China, in a letter sent on Tuesday.',
  "China's foreign ministry said the accusations were groundless and not worth refuting.",
].join('\n\n');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function openLibrary(context, server, path = '/library.html') {
  const page = await context.newPage();
  await page.addInitScript(deepQueryScript);
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(error.message));
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('.ca-library-count');
  return page;
}

/** Waits until the service worker controls the page and has kept every file, with no other
 * worker installing or waiting. Polled with `page.evaluate`, which awaits the check: Playwright's
 * `waitForFunction` does not await a promise, which is truthy, so an async check there passed
 * at once. (It did: a clean-clone CI run damaged the cache while the worker was still
 * installing, which then wrote the files again over the damage.) */
async function untilKeptOffline(page) {
  const keptOffline = async () => {
    const registration = await navigator.serviceWorker.getRegistration('./library');
    if (!navigator.serviceWorker.controller || registration?.active?.state !== 'activated' || registration.installing || registration.waiting) return false;
    const names = await caches.keys();
    const cache = names.find((name) => name.startsWith('claim-annotator-library-'));
    return Boolean(cache) && (await (await caches.open(cache)).keys()).length >= 10;
  };
  for (const deadline = Date.now() + 30_000; !(await page.evaluate(keptOffline));) {
    if (Date.now() > deadline) throw new Error('the service worker did not keep the library offline within 30 s');
    await page.waitForTimeout(50);
  }
}

test('installable: a manifest and a service worker whose scope is the library alone', async () => {
  const server = await startServer();
  // A profile of its own: Chromium installs nothing from an incognito context (newContext).
  const profile = await mkdtemp(join(tmpdir(), 'claim-annotator-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const page = await openLibrary(context, server);
  await untilKeptOffline(page);
  const session = await context.newCDPSession(page);
  const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], 'Chromium finds nothing in the way of installing it');
  const { url, errors } = await session.send('Page.getAppManifest');
  assert.equal(url, `${server.url}/library.webmanifest`);
  assert.deepEqual(errors, []);
  const scopes = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((registration) => registration.scope));
  assert.deepEqual(scopes, [`${server.url}/library`]);

  for (const path of ['/index.html', '/news.html', '/classroom.html']) {
    const other = await context.newPage();
    await other.goto(`${server.url}${path}`);
    await other.waitForLoadState('load');
    assert.equal(await other.evaluate(() => navigator.serviceWorker.controller), null, `${path} is not controlled by the library's worker`);
    await other.close();
  }
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
});

test('the <claim-annotator> loader and the widget never register a service worker', async () => {
  const loader = await readFile(new URL('../../dist/claim-annotator.js', import.meta.url), 'utf8');
  assert.ok(!loader.includes('serviceWorker'), 'the loader has no service worker code');
  const server = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/news.html`);
  await page.click('claim-annotator >> .ca-loader button');
  await page.waitForSelector('.ca-panel');
  await page.goto(`${server.url}/index.html`);
  await page.waitForSelector(LIVE_ARTICLE);
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.ok(!server.requests.some((request) => request.path === '/library-sw.js'), 'the worker was never even fetched');
  await context.close();
  await server.close();
});

test('offline: with the network off and the server gone, the library and the annotator still work', async () => {
  const server = await startServer();
  const context = await browser.newContext();
  const page = await openLibrary(context, server);
  await page.fill('.ca-paste-text', ARTICLE);
  await page.click('.ca-open-pasted');
  await page.click('.ca-keep-draft');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
  await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
  await untilKeptOffline(page);

  await context.setOffline(true);
  // Playwright's offline mode does not reach a service worker's own requests, so the server
  // stops answering too: anything not kept by the worker would now fail.
  server.setNetwork(false);
  const asked = server.requests.length;
  await page.reload();
  await page.waitForSelector('.ca-library-item');
  assert.equal(await page.textContent('.ca-claim-total'), '1 claim', 'the library, from this browser');
  await page.click('.ca-open-article');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
  await tagPhrase(page, 'groundless and not worth refuting', '2');
  assert.deepEqual(await highlights(page), [
    ['urged the United Nations to probe rights violations', 'allegation'],
    ['groundless and not worth refuting', 'denial'],
  ], 'the annotator works and saves');
  await page.click('.ca-back-to-library');
  await page.fill('.ca-address', 'https://news.example.org/story.html');
  await page.click('.ca-fetch-address');
  await page.waitForSelector('.ca-library-problem');
  assert.equal(await page.textContent('.ca-library-problem p'), 'You are offline, so nothing was fetched and nothing was changed; paste the article’s text instead.');
  const tried = server.requests.slice(asked).map((request) => request.path);
  assert.ok(tried.every((path) => path === '/library-sw.js'), `offline, only the browser's check for a new worker tried the network: ${tried}`);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
  await server.close();
});

test('a broken cache never locks the reader out: the damaged files come from the network', async () => {
  const server = await startServer();
  const context = await browser.newContext();
  // Closed whatever happens: a server left open keeps the test file from ending.
  try {
    const page = await openLibrary(context, server);
    await untilKeptOffline(page);
    await page.evaluate(async () => {
      const name = (await caches.keys()).find((key) => key.startsWith('claim-annotator-library-'));
      const cache = await caches.open(name);
      const garbage = (type) => new Response('garbage', { headers: { 'content-type': type } });
      await cache.put(new URL('app/claim_annotator_bg.wasm', location.href).href, garbage('application/wasm'));
      await cache.put(new URL('library.js', location.href).href, garbage('text/javascript'));
      await cache.delete(new URL('app/claim_annotator.js', location.href).href);
    });
    const asked = server.requests.length;
    await page.reload();
    await page.waitForSelector('.ca-library-count');
    const fetched = server.requests.slice(asked).map((request) => request.path);
    for (const path of ['/library.js', '/app/claim_annotator.js', '/app/claim_annotator_bg.wasm']) {
      assert.ok(fetched.includes(path), `${path} came from the network: ${fetched}`);
    }
    assert.ok(!fetched.includes('/library.html'), 'the intact page itself still came from the cache');
    assert.deepEqual(page.pageErrors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a new version is taken up on the next visit, and said quietly', async () => {
  let deployed = 1;
  // "Deploying" a new build changes the worker's version line, as scripts/build.sh would.
  const server = await startServer('dist', () => ({}), (path, body) => (path === '/library-sw.js' && deployed === 2
    ? Buffer.from(body.toString('utf8').replace(/const VERSION = '([^']+)';/, "const VERSION = '$1-next';"))
    : body));
  const context = await browser.newContext();
  try {
    const page = await openLibrary(context, server);
    await untilKeptOffline(page);
    await page.reload();
    await page.waitForSelector('.ca-library-count');
    await page.waitForTimeout(500);
    assert.equal(await page.$('.ca-app-update'), null, 'the same version: nothing to say');

    deployed = 2;
    await page.reload();
    await page.waitForSelector('.ca-app-update');
    assert.equal(await page.textContent('.ca-app-update'), 'A new version has been downloaded; it is used from your next visit.');
    assert.equal(await page.getAttribute('.ca-app-update', 'role'), 'status', 'said politely, not as an alert');

    // Regression: on a slow machine Yew yields between the library's first render and its
    // effects, and the worker's answer to the version check came first: "updated" was said
    // before the library listened, and lost. A throttled CPU makes that happen here.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await page.reload();
    await page.waitForSelector('.ca-app-update');
    assert.equal(await page.textContent('.ca-app-update'), 'Claim Annotator has been updated since your last visit.');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.reload();
    await page.waitForSelector('.ca-library-count');
    await page.waitForTimeout(500);
    assert.equal(await page.$('.ca-app-update'), null, 'said once');
    assert.deepEqual(page.pageErrors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

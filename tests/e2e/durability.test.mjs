// End to end, issue 12 (durability): once there is a claim the browser is asked to keep the
// site's storage and the panel says what it answered; when it refused, the reader is reminded
// to export after a visit's work or after days, "Not now" keeps the reminder away, and an
// export starts the clocks again. Chromium decides `persist()` by itself (in a test profile it
// refuses), so each answer is caused on purpose by replacing navigator.storage's two methods
// before the page runs; the page counts how often it was asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, tagPhrase, LIVE_ARTICLE } from './support.mjs';

const env = serverAndBrowser();
const PHRASES = ['urged the United Nations', 'rights violations in China', 'Olympic Committee',
  'special session', 'Chinese authorities', 'Hundreds of organisations', 'Antonio Guterres',
  'Michelle Bachelet', 'academic freedom', 'distort the mandate', 'fundamental threat',
  'called for international scrutiny', 'Sarah Brooks'];

/** A page whose browser answers `persisted()` with `already` and `persist()` with `agrees`. */
async function pageWhereTheBrowser({ already, agrees }, context) {
  await context.addInitScript(({ already, agrees }) => {
    window.caPersistAsked = 0;
    navigator.storage.persisted = async () => already;
    navigator.storage.persist = async () => { window.caPersistAsked += 1; return agrees; };
  }, { already, agrees });
  return openPage(context, `${env.server.url}/`);
}

const keepingLine = (page) => page.locator('.ca-storage-keeping').textContent();

test('the browser is asked to keep storage only once there is a claim, and the panel says it agreed', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await pageWhereTheBrowser({ already: false, agrees: true }, context);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.caPersistAsked), 0, 'no claim, no question');
  assert.equal(await page.locator('.ca-storage-keeping').count(), 0);
  await tagPhrase(page, PHRASES[0], '1');
  await page.waitForSelector('.ca-storage-keeping');
  assert.match(await keepingLine(page), /keeps them even when space runs low/);
  await tagPhrase(page, PHRASES[1], '2');
  assert.equal(await page.evaluate(() => window.caPersistAsked), 1, 'asked once');
  assert.equal(await page.locator('.ca-notice-reminder').count(), 0, 'no reminder when the storage is kept');
  await context.close();
});

test('when the browser refuses: the panel says so, a visit\'s work brings the reminder, Not now keeps it away, an export starts again', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await pageWhereTheBrowser({ already: false, agrees: false }, context);
  await tagPhrase(page, PHRASES[0], '1');
  await page.waitForSelector('.ca-storage-keeping');
  assert.match(await keepingLine(page), /may clear them when space runs low/);
  for (const phrase of PHRASES.slice(1, 4)) await tagPhrase(page, phrase, '2');
  assert.equal(await page.locator('.ca-notice-reminder').count(), 0, 'four changes: not yet');
  await tagPhrase(page, PHRASES[4], '3');
  await page.waitForSelector('.ca-notice-reminder');
  assert.match(await page.locator('.ca-notice-reminder').textContent(), /Keep a copy of your claims/);

  await page.click('.ca-not-now');
  await page.waitForSelector('.ca-notice-reminder', { state: 'detached' });
  await page.reload();
  await page.waitForSelector('mark.ca-highlight');
  for (const phrase of PHRASES.slice(5, 10)) await tagPhrase(page, phrase, '1');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.ca-notice-reminder').count(), 0, 'dismissed today: quiet');

  // A day later (the dismissal moved back), the next change brings it; exporting closes it.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('claim-annotator:reminder-dismissed:'));
    localStorage.setItem(key, String(Date.now() - 25 * 60 * 60 * 1000));
  });
  await tagPhrase(page, PHRASES[10], '2');
  await page.waitForSelector('.ca-notice-reminder');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.ca-export-a-copy')]);
  assert.match(download.suggestedFilename(), /\.jsonld$/);
  await page.waitForSelector('.ca-notice-reminder', { state: 'detached' });
  const exported = await page.evaluate(() => Number(localStorage.getItem(Object.keys(localStorage).find((name) => name.startsWith('claim-annotator:exported:')))));
  assert.ok(Date.now() - exported < 60_000, 'the export was recorded');
  await tagPhrase(page, PHRASES[11], '3');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.ca-notice-reminder').count(), 0, 'after an export the count starts again');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a week after the last export the reminder shows on opening, with no change made', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await pageWhereTheBrowser({ already: false, agrees: false }, context);
  await tagPhrase(page, PHRASES[0], '1');
  await page.waitForSelector('.ca-storage-keeping');
  await page.evaluate(() => {
    const claims = Object.keys(localStorage).find((name) => name.startsWith('claim-annotator:annotations:'));
    const article = claims.slice('claim-annotator:annotations:'.length);
    localStorage.setItem(`claim-annotator:exported:${article}`, String(Date.now() - 8 * 24 * 60 * 60 * 1000));
  });
  await page.reload();
  await page.waitForSelector('.ca-notice-reminder');
  assert.equal(await page.locator('.ca-notice-reminder').getAttribute('role'), 'status', 'polite, not an alert');
  await context.close();
});

test('claims that vanished from localStorage while the page was closed are noticed, and the last export brings them back', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await openPage(context, `${env.server.url}/`);
  await tagPhrase(page, PHRASES[0], '1');
  await tagPhrase(page, PHRASES[1], '2');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.ca-export-json')]);
  const exported = await download.path();
  await tagPhrase(page, PHRASES[2], '3');
  // What a browser's clean-up does to localStorage (the Cache Storage ledger survives it).
  await page.waitForTimeout(300);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const notice = page.locator('.ca-notice-vanished');
  await notice.waitFor();
  assert.match(await notice.textContent(), /The 3 claims saved for this article in this browser are gone/);
  assert.equal(await notice.getAttribute('role'), 'alert');
  await page.setInputFiles('.ca-vanished-import-file', exported);
  await page.waitForSelector('.ca-notice-import');
  await notice.waitFor({ state: 'detached' });
  await page.waitForFunction(() => window.caQueryAll('mark.ca-highlight[tabindex]').length === 2);

  // "Clear all" is the reader's own doing: no notice after it.
  await page.click('.ca-clear-all');
  await page.click('.ca-confirm-clear');
  await page.waitForFunction(() => window.caQueryAll('mark.ca-highlight').length === 0);
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector(LIVE_ARTICLE);
  await page.waitForTimeout(500);
  assert.equal(await notice.count(), 0, 'cleared by the reader: nothing vanished');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('the vanished-claims notice says it once: OK makes the ledger forget', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openPage(context, `${env.server.url}/`);
  await tagPhrase(page, PHRASES[0], '1');
  await page.waitForTimeout(300);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.ca-notice-vanished').waitFor();
  assert.match(await page.locator('.ca-notice-vanished').textContent(), /The 1 claim saved/);
  await page.click('.ca-notice-vanished .ca-close-notice');
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector(LIVE_ARTICLE);
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.ca-notice-vanished').count(), 0);
  await context.close();
});

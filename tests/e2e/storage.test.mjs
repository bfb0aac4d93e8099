// End to end: storage that never loses a claim. Failures are caused on purpose in a real
// browser: a full localStorage (really filled, not mocked), a value from a newer version,
// corrupted data, two tabs editing at once, and undo/redo across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, tagPhrase, highlights, storedAnnotations } from './support.mjs';

const env = serverAndBrowser();

const ALLEGATION = 'urged the United Nations to probe rights violations';
const DENIAL = 'are groundless and not worth refuting';
const DEMAND = 'called on the Human Rights Council to host a special session';
const SEED_KEY = 'claim-annotator:annotations:text-fnv1a64-2d453631b36583de';

test('two tabs of the same article edit at once and both end with the union of their work', async () => {
  const context = await env.browser.newContext();
  const first = await openPage(context, env.server.url);
  const second = await openPage(context, env.server.url);
  await tagPhrase(first, ALLEGATION, '1');
  await tagPhrase(second, DENIAL, '2');
  await tagPhrase(first, DEMAND, '3');
  // The second tab deletes the first tab's allegation while the first edits its demand.
  await second.waitForSelector('mark.ca-tag-allegation');
  await second.click('mark.ca-tag-allegation');
  await second.click('.ca-editor .ca-delete');
  await second.click('.ca-editor .ca-danger');
  await first.click('mark.ca-tag-demand');
  await first.fill('.ca-editor .ca-note-input', 'a note from the first tab');
  await first.keyboard.press('Escape');
  const expected = [[DENIAL, 'denial'], [DEMAND, 'demand']];
  for (const page of [first, second]) {
    await page.waitForFunction((count) => caQueryAll('.ca-claim').length === count, expected.length);
    assert.deepEqual(await highlights(page), expected);
    await page.waitForFunction(() => [...caQueryAll('.ca-claim-note')].some((note) => note.textContent === 'a note from the first tab'));
  }
  const stored = await storedAnnotations(first);
  assert.deepEqual(stored.map((annotation) => annotation.exact).sort(), [DEMAND, DENIAL].sort());
  await first.reload();
  await first.waitForSelector('[data-ca-ready]');
  assert.deepEqual(await highlights(first), expected, 'and the union is what was saved');
  assert.deepEqual([...first.pageErrors, ...second.pageErrors], []);
  await context.close();
});

test('undo and redo chains survive a reload, by key and by button; clear all asks and can be undone', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await tagPhrase(page, ALLEGATION, '1');
  await tagPhrase(page, DENIAL, '2');
  await page.click('mark.ca-tag-denial');
  await page.click('.ca-editor .ca-tag-demand');
  await page.keyboard.press('Escape');
  assert.deepEqual(await highlights(page), [[ALLEGATION, 'allegation'], [DENIAL, 'demand']]);

  await page.keyboard.press('Control+z');
  assert.deepEqual(await highlights(page), [[ALLEGATION, 'allegation'], [DENIAL, 'denial']], 'undo the retag');
  await page.reload();
  await page.waitForSelector('[data-ca-ready]');
  assert.deepEqual(await highlights(page), [[ALLEGATION, 'allegation'], [DENIAL, 'denial']]);
  await page.click('.ca-undo');
  assert.deepEqual(await highlights(page), [[ALLEGATION, 'allegation']], 'after the reload, undo goes on: the denial was the last added');
  await page.click('.ca-standfirst');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  assert.deepEqual(await highlights(page), [[ALLEGATION, 'allegation'], [DENIAL, 'demand']], 'redo twice: back to where we were');

  await page.click('.ca-clear-all');
  assert.equal(await page.locator('mark.ca-highlight').count(), 2, 'nothing is cleared before confirming');
  await page.click('.ca-confirm-clear');
  assert.equal(await page.locator('mark.ca-highlight').count(), 0);
  assert.deepEqual(await storedAnnotations(page), []);
  await page.click('.ca-undo');
  assert.deepEqual(await highlights(page), [[ALLEGATION, 'allegation'], [DENIAL, 'demand']], 'clear all undone');
  await page.reload();
  await page.waitForSelector('mark.ca-highlight');
  assert.deepEqual(await highlights(page), [[ALLEGATION, 'allegation'], [DENIAL, 'demand']]);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a really full localStorage: the claim stays on screen, the reader can download it, nothing saved is lost', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await tagPhrase(page, ALLEGATION, '1');
  const savedBefore = await page.evaluate((key) => localStorage.getItem(key), SEED_KEY);
  // Fill the origin's storage until the browser refuses.
  const filled = await page.evaluate(() => {
    // Big pieces first, then smaller ones, until not even one character fits.
    let index = 0;
    let lastError = 'never full';
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = 'x'.repeat(size);
      for (let tries = 0; tries < 1000; tries += 1) {
        try {
          localStorage.setItem(`filler-${index}`, chunk);
          index += 1;
        } catch (error) {
          lastError = error.name;
          break;
        }
      }
    }
    return { index, name: lastError };
  });
  assert.equal(filled.name, 'QuotaExceededError', JSON.stringify(filled));
  await tagPhrase(page, DENIAL, '2');
  assert.deepEqual(await highlights(page), [[ALLEGATION, 'allegation'], [DENIAL, 'denial']], 'the new claim is on screen');
  assert.match(await page.textContent('.ca-notice-storage'), /storage for this site is full/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), SEED_KEY), savedBefore, 'what was saved is untouched');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.ca-notice-storage .ca-download')]);
  const downloaded = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
  assert.deepEqual(downloaded.annotations.map((annotation) => annotation.exact), [ALLEGATION, DENIAL], 'the download holds both claims');
  // Space is freed: the next change saves everything, and the notice goes.
  await page.evaluate(() => { for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key); });
  await tagPhrase(page, DEMAND, '3');
  await page.waitForSelector('.ca-notice-storage', { state: 'detached' });
  assert.equal((await storedAnnotations(page)).length, 3);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('saved data from a newer version is kept, backed up and downloadable, and never overwritten', async () => {
  const context = await env.browser.newContext();
  const newer = JSON.stringify({ v: 99, article: 'x', annotations: [{ id: 'future', shape: 'unknown' }] });
  await context.addInitScript(([key, value]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(key, value); sessionStorage.setItem('seeded', '1'); } }, [SEED_KEY, newer]);
  const page = await openPage(context, env.server.url);
  await page.waitForSelector('.ca-notice-recovery');
  assert.match(await page.textContent('.ca-notice-recovery'), /newer version of Claim Annotator \(format 99\)/);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('claim-annotator:backup:')).map((key) => localStorage.getItem(key)));
  assert.deepEqual(backups, [newer]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.ca-notice-recovery .ca-download')]);
  assert.equal(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'), newer);
  await tagPhrase(page, ALLEGATION, '1');
  const stillBackedUp = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('claim-annotator:backup:')).map((key) => localStorage.getItem(key)));
  assert.deepEqual(stillBackedUp, [newer], 'the backup is never touched');
  assert.match(await page.textContent('.ca-storage-use'), /Saved in this browser: \d+ bytes for this article/);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

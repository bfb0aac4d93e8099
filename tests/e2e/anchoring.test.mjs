// End to end: a corrected article under the same id re-anchors every claim, flags what
// changed, keeps what it cannot find, and lets the reader accept, re-attach or delete.
// Also: three overlapping claims render, and each can be opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, dragOver, tagPhrase, highlights, storedAnnotations } from './support.mjs';

const env = serverAndBrowser();

const reviewItems = (page) => page.$$eval('.ca-review-item', (items) => items.map((item) => [item.className.match(/ca-review-(\w+)$/)?.[1] ?? item.className, item.querySelector('q').textContent]));

test('a corrected article under the same id: claims follow their words, changes are flagged, nothing is lost', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, `${env.server.url}/?article=fixtures/corrected-v1.txt&id=corrections-test`);
  await tagPhrase(page, 'urged the United Nations to act', '3');
  await tagPhrase(page, 'allegations were completly groundless', '2');
  await tagPhrase(page, 'demanded an independent investigation', '3');
  assert.equal((await storedAnnotations(page)).length, 3);

  await page.goto(`${env.server.url}/?article=fixtures/corrected-v2.txt&id=corrections-test`);
  await page.waitForSelector('[data-ca-ready]');
  assert.deepEqual(await highlights(page), [
    ['urged the United Nations to act', 'demand'],
    ['allegations were completely groundless', 'denial'],
  ], 'the moved claim and the corrected claim are drawn on their new words');
  assert.deepEqual(await reviewItems(page), [
    ['changed', 'allegations were completly groundless'],
    ['orphan', 'demanded an independent investigation'],
  ]);
  assert.match(await page.textContent('.ca-review-changed .ca-review-help'), /now reads “allegations were completely groundless”/);
  const source = await (await fetch(`${env.server.url}/fixtures/corrected-v2.txt`)).text();
  const stored = await storedAnnotations(page);
  const moved = stored.find((annotation) => annotation.exact === 'urged the United Nations to act');
  assert.equal([...source].slice(moved.start, moved.end).join(''), 'urged the United Nations to act', 'the new positions were saved');
  assert.equal(stored.length, 3, 'the orphan is still stored');

  // Accept the corrected wording; re-attach the orphan to new words.
  await page.click('.ca-review-changed .ca-accept');
  await page.click('.ca-review-orphan .ca-reattach');
  await dragOver(page, 'declined to comment');
  await page.waitForSelector('.ca-reattach-picker');
  await page.click('.ca-reattach-picker .ca-attach');
  assert.deepEqual(await reviewItems(page), []);
  await page.reload();
  await page.waitForSelector('[data-ca-ready]');
  assert.deepEqual(await highlights(page), [
    ['urged the United Nations to act', 'demand'],
    ['allegations were completely groundless', 'denial'],
    ['declined to comment', 'demand'],
  ]);
  assert.deepEqual(await reviewItems(page), [], 'accepted and re-attached claims stay certain after a reload');
  assert.equal(await page.locator('.ca-highlight-review').count(), 0);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('an orphan can be deleted from the review list', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, `${env.server.url}/?article=fixtures/corrected-v1.txt&id=orphan-delete-test`);
  await tagPhrase(page, 'demanded an independent investigation', '3');
  await page.goto(`${env.server.url}/?article=fixtures/corrected-v2.txt&id=orphan-delete-test`);
  await page.waitForSelector('.ca-review-orphan');
  await page.click('.ca-review-orphan .ca-delete');
  assert.deepEqual(await reviewItems(page), []);
  await page.reload();
  await page.waitForSelector('[data-ca-ready]');
  assert.deepEqual(await storedAnnotations(page), []);
  await context.close();
});

test('three overlapping claims render layered, and each can be opened', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
  await tagPhrase(page, 'United Nations to probe rights violations in China', '2');
  await tagPhrase(page, 'Nations to probe', '3');
  const layers = await page.$$eval('mark.ca-highlight', (marks) => marks.map((mark) => [mark.textContent, mark.dataset.caLayers]));
  assert.deepEqual(layers, [
    ['urged the ', '1'],
    ['United ', '2'],
    ['Nations to probe', '3'],
    [' rights violations', '2'],
    [' in China', '1'],
  ]);
  for (const [index, quote] of ['urged the United Nations to probe rights violations', 'United Nations to probe rights violations in China', 'Nations to probe'].entries()) {
    await page.click('mark[data-ca-layers="3"]');
    await page.waitForSelector('.ca-chooser');
    assert.equal(await page.locator('.ca-choice').count(), 3);
    await page.click(`.ca-choice >> nth=${index}`);
    await page.waitForSelector('.ca-editor');
    assert.equal(await page.textContent('.ca-editor .ca-quote'), quote);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.ca-editor', { state: 'detached' });
  }
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

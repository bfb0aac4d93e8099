// End to end: keyboard use, selections made without a mouse (as touch makes them), overlapping
// claims, and an axe-core accessibility check of the tagged article (colour contrast included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serverAndBrowser, openPage, dragOver, tagPhrase, highlights } from './support.mjs';

const env = serverAndBrowser();

test('a focused highlight opens with Enter, and Escape closes it', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await tagPhrase(page, 'urged the United Nations', '1');
  await page.focus('mark.ca-highlight[tabindex="0"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ca-editor');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.ca-editor', { state: 'detached' });
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a selection made without the mouse (as by touch) opens the picker once it settles', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await page.evaluate(() => {
    const run = [...caQueryAll('.ca-article [data-ca-start]')].find((node) => node.textContent.includes('open letter to UN'));
    const text = run.firstChild;
    const at = text.data.indexOf('open letter to UN');
    const range = document.createRange();
    range.setStart(text, at + 2); // inside "open": snapping takes the whole word
    range.setEnd(text, at + 'open letter'.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.waitForSelector('.ca-tag-picker');
  assert.equal(await page.evaluate(() => String(getSelection())), 'open letter', 'the selection shows the snapped words');
  await page.click('.ca-tag-picker .ca-tag-demand');
  assert.deepEqual(await highlights(page), [['open letter', 'demand']]);
  await context.close();
});

test('overlapping claims: a claim inside another, and a chooser where they overlap', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await tagPhrase(page, 'urged the United Nations to probe rights violations in China', '1');
  await tagPhrase(page, 'the United Nations', '3');
  const layered = page.locator('mark.ca-highlight-layered');
  assert.equal(await layered.count(), 1);
  assert.equal(await layered.textContent(), 'the United Nations');
  await layered.click();
  await page.waitForSelector('.ca-chooser');
  const choices = await page.$$eval('.ca-choice', (buttons) => buttons.map((button) => button.textContent));
  assert.deepEqual(choices, ['Allegationurged the United Nations to probe rights violations in China', 'Demandthe United Nations']);
  await page.click('.ca-choice >> nth=1');
  await page.waitForSelector('.ca-editor');
  assert.equal(await page.textContent('.ca-editor .ca-quote'), 'the United Nations');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('no accessibility violations (axe-core, WCAG 2 AA) with claims, the picker and the editor', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
  await tagPhrase(page, 'are groundless and not worth refuting', '2');
  await tagPhrase(page, 'called on the Human Rights Council to host a special session', '3');
  const check = async (what) => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const found = results.violations.map((violation) => `${violation.id}: ${violation.nodes.length} (${violation.nodes[0].target})`);
    assert.deepEqual(found, [], what);
    assert.ok(results.passes.some((rule) => rule.id === 'color-contrast'), `${what}: contrast was checked`);
  };
  await check('article with three tags');
  await dragOver(page, 'International Olympic Committee');
  await page.waitForSelector('.ca-tag-picker');
  await check('tag picker open');
  await page.keyboard.press('Escape');
  await page.click('mark.ca-tag-denial');
  await page.waitForSelector('.ca-editor');
  await check('claim editor open');
  await context.close();
});

// Regression: the editor opened at the bottom of the widget, because with Yew's delegated
// events `currentTarget` was the widget's root, not the highlight that was clicked.
test('the editor opens right below the highlight, on wide and narrow pages', async () => {
  for (const width of [1280, 420]) {
    const context = await env.browser.newContext({ viewport: { width, height: 800 } });
    const page = await openPage(context, env.server.url);
    await tagPhrase(page, 'urged the United Nations', '1');
    await page.click('mark.ca-tag-allegation');
    await page.waitForSelector('.ca-editor');
    const gap = await page.evaluate(() => {
      const mark = caQuery('mark.ca-tag-allegation').getBoundingClientRect();
      return caQuery('.ca-editor').getBoundingClientRect().top - mark.bottom;
    });
    assert.ok(gap >= 0 && gap < 20, `${width}px: the editor is ${gap}px below the highlight`);
    await context.close();
  }
});

/** Tags one phrase, then stores 150 claims in its place, copied from the one the widget saved:
 * one word each, one every three words (`orphans`: words the article does not have, so every
 * claim needs review). Then reloads. */
async function storeLongList(page, { orphans = false } = {}) {
  await tagPhrase(page, 'urged the United Nations', '1');
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('claim-annotator:annotations:')));
  await page.evaluate(async (orphans) => {
    const text = [...await (await fetch('/article.txt')).text()];
    const key = Object.keys(localStorage).find((name) => name.startsWith('claim-annotator:annotations:'));
    const stored = JSON.parse(localStorage.getItem(key));
    const model = stored.annotations[0];
    const starts = text.flatMap((character, at) => (at > 0 && text[at - 1] === ' ' && /\p{L}/u.test(character) ? [at] : []));
    stored.annotations = starts.filter((_, index) => index % 3 === 0).slice(0, 150).map((start, index) => {
      const end = start + text.slice(start).findIndex((character) => /\s/u.test(character));
      const exact = orphans ? `words no longer there ${index}` : text.slice(start, end).join('');
      return { ...model, id: `long-list-${String(index).padStart(3, '0')}`, exact,
        prefix: text.slice(Math.max(0, start - 32), start).join(''), suffix: text.slice(end, end + 32).join(''), start, end };
    });
    localStorage.setItem(key, JSON.stringify(stored));
  }, orphans);
  await page.reload();
  await page.waitForSelector('[data-ca-ready]');
}

/** Where keyboard focus is: whether on a `selector` button, and its item's position among `item`s. */
const focusedItem = (page, selector, item) => page.evaluate(([selector, item]) => {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  const listed = element.closest(item);
  return { isButton: element.matches(selector), position: [...listed.parentElement.children].indexOf(listed) };
}, [selector, item]);

// With a thousand claims, every change paid for the browser's work on a thousand list items
// (issue 12): the panel lists a page of claims, says how many are not listed yet, and lists a
// page more with a button that works from the keyboard and moves focus to the first new claim.
test('a long claim list is listed a page at a time, and "Show more claims" works from the keyboard', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await storeLongList(page);
  await page.waitForFunction(() => caQueryAll('.ca-claim').length === 100);
  assert.equal(await page.locator('.ca-claims-more').textContent(), '100 of 150 claims listed. Show more claims');
  const results = await new AxeBuilder({ page }).include('claim-annotator').withTags(['wcag2a', 'wcag2aa']).analyze();
  assert.deepEqual(results.violations.map((violation) => violation.id), [], 'no accessibility violations with the list cut short');
  assert.ok(results.passes.some((rule) => rule.id === 'color-contrast'), 'contrast was checked');
  await page.focus('.ca-show-more');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => caQueryAll('.ca-claim').length === 150);
  assert.equal(await page.locator('.ca-show-more').count(), 0, 'nothing more to show');
  assert.deepEqual(await focusedItem(page, '.ca-claim-button', '.ca-claim'), { isButton: true, position: 100 }, 'focus is on the first claim just listed');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

// Regression (issue 12): "Needs review" was drawn in full, so after a correction that changed
// many claims' words every change rebuilt all of them (with 1,000, an Accept took 43 ms to the
// next frame; 11 ms paged).
test('a long "Needs review" list is listed a page at a time, and "Show more claims" works from the keyboard', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await storeLongList(page, { orphans: true });
  await page.waitForFunction(() => caQueryAll('.ca-review-item').length === 100);
  assert.equal(await page.locator('.ca-review h3').textContent(), 'Needs review (150)');
  assert.equal(await page.locator('.ca-review .ca-claims-more').textContent(), '100 of 150 claims listed. Show more claims');
  const results = await new AxeBuilder({ page }).include('claim-annotator').withTags(['wcag2a', 'wcag2aa']).analyze();
  assert.deepEqual(results.violations.map((violation) => violation.id), [], 'no accessibility violations with the review list cut short');
  await page.focus('.ca-review .ca-show-more');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => caQueryAll('.ca-review-item').length === 150);
  assert.equal(await page.locator('.ca-show-more').count(), 0, 'nothing more to show');
  assert.deepEqual(await focusedItem(page, '.ca-reattach', '.ca-review-item'), { isButton: true, position: 100 }, 'focus is on the first claim just listed');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

// End to end, issue 10: a reader with only a keyboard, a screen reader or a phone makes, edits
// and deletes claims; axe-core finds no WCAG 2.2 AA violation in any state, in English and in
// Arabic; forced colours keep the tags apart; reduced motion stops flashing and smooth scrolling;
// French and Arabic screens show no English string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serverAndBrowser, openPage, dragOver, tagPhrase, storedAnnotations, deepQueryScript } from './support.mjs';

const env = serverAndBrowser();
const tables = Object.fromEntries(await Promise.all(['en', 'fr', 'ar'].map(async (code) =>
  [code, JSON.parse(await readFile(new URL(`../../static/i18n/${code}.json`, import.meta.url), 'utf8'))])));

/** The deepest focused element (through shadow roots), as "TAG.class class". */
const focused = (page) => page.evaluate(() => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active ? `${active.tagName}.${[...active.classList].join('.')}` : '';
});

/** What `focused` reads once it equals `expected`, or after a second (what it read then). */
async function focusedSettles(page, expected) {
  let seen = await focused(page);
  for (let tries = 0; seen !== expected && tries < 20; tries += 1) {
    await page.waitForTimeout(50);
    seen = await focused(page);
  }
  return seen;
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after 30. */
async function tabTo(page, selector, key = 'Tab') {
  for (let presses = 0; presses < 30; presses += 1) {
    if (await page.evaluate((selector) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return Boolean(active?.matches(selector));
    }, selector)) return;
    await page.keyboard.press(key);
  }
  assert.fail(`${key} never reached ${selector}; focus is on ${await focused(page)}`);
}

async function press(page, keys) {
  for (const key of keys.split(' ')) await page.keyboard.press(key);
}

/** Waits until the stored claims satisfy `predicate` (saving may wait for a pause in typing). */
async function storedWhen(page, predicate, what) {
  const deadline = Date.now() + 5000;
  let claims = [];
  while (Date.now() < deadline) {
    claims = await storedAnnotations(page);
    if (predicate(claims)) return claims;
    await page.waitForTimeout(50);
  }
  assert.fail(`${what}: stored ${JSON.stringify(claims.map(({ exact, tag, note }) => ({ exact, tag, note })))}`);
}

const pairs = (claims) => claims.map(({ exact, tag }) => [exact, tag]).sort();
const liveRegion = (page) => page.evaluate(() => caQuery('[role="status"][aria-live="polite"]').textContent);

const ALLEGATION = 'urged the United Nations to probe rights violations in China';
const DEMAND = 'called for Olympic chiefs to strip Beijing of the 2022 winter games';

test('keyboard only: three claims by the keys, a retag, a note, a delete and its undo, all read from storage', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await page.waitForSelector('[data-ca-ready]');
  await tabTo(page, '.ca-article');

  // The example: Enter, →, →, Shift+→, Shift+→, 2 tags "letter comes as" as a denial.
  await press(page, 'Enter');
  assert.match(await liveRegion(page), /Selecting with the keyboard: the cursor is on “The”/);
  await press(page, 'ArrowRight ArrowRight Shift+ArrowRight Shift+ArrowRight');
  assert.match(await liveRegion(page), /Selected: “letter comes as”/);
  await press(page, '2');
  await storedWhen(page, (claims) => claims.length === 1, 'the denial');
  assert.deepEqual(pairs(await storedAnnotations(page)), [['letter comes as', 'denial']]);
  assert.match(await liveRegion(page), /Tagged as Denial: “letter comes as”\. 1 claim\./);

  // Down by sentences to the first paragraph, right by words, Shift+→ to extend; 1 tags.
  await press(page, 'ArrowDown ArrowDown ArrowDown');
  assert.match(await liveRegion(page), /“Hundreds”/);
  await press(page, 'ArrowRight ArrowRight ArrowRight ArrowRight');
  for (let word = 0; word < 9; word += 1) await press(page, 'Shift+ArrowRight');
  await press(page, '1');
  await storedWhen(page, (claims) => claims.length === 2, 'the allegation');

  // End of the paragraph, then Shift+← back to "called"; Enter opens the picker with focus in it.
  await press(page, 'End');
  for (let word = 0; word < 11; word += 1) await press(page, 'Shift+ArrowLeft');
  await press(page, 'Enter');
  await page.waitForSelector('.ca-tag-picker');
  assert.match(await focused(page), /ca-tag-button/, 'focus moved into the picker');
  await press(page, '3');
  const three = await storedWhen(page, (claims) => claims.length === 3, 'the demand');
  assert.deepEqual(pairs(three), [[ALLEGATION, 'allegation'], [DEMAND, 'demand'], ['letter comes as', 'denial']].sort());
  assert.equal(await focused(page), 'ARTICLE.ca-article', 'closing the picker returned focus to the article');

  // Escape leaves selecting; Tab goes from highlight to highlight; Enter opens one.
  await press(page, 'Escape');
  assert.match(await liveRegion(page), /Stopped selecting/);
  await press(page, 'Tab');
  assert.match(await focused(page), /MARK\.ca-highlight\.ca-tag-denial/);
  await press(page, 'Tab');
  assert.match(await focused(page), /MARK\.ca-highlight\.ca-tag-allegation/);
  await press(page, 'Enter');
  await page.waitForSelector('.ca-editor');
  await tabTo(page, '.ca-editor .ca-tag-demand');
  await press(page, 'Space');
  await storedWhen(page, (claims) => claims.find((claim) => claim.exact === ALLEGATION)?.tag === 'demand', 'the retag');
  assert.match(await focused(page), /ca-tag-demand/, 'the pressed tag button keeps focus');
  assert.match(await liveRegion(page), /Now tagged as Demand/);
  await tabTo(page, '.ca-editor .ca-note-input');
  await page.keyboard.type('Who says so?');
  await press(page, 'Escape');
  await page.waitForSelector('.ca-editor', { state: 'detached' });
  await storedWhen(page, (claims) => claims.find((claim) => claim.exact === ALLEGATION)?.note === 'Who says so?', 'the note');
  assert.match(await focused(page), /MARK\.ca-highlight\.ca-tag-demand/, 'focus went back to the highlight');

  // Delete the denial: Shift+Tab back to it, Enter, "Delete…", and the confirmation takes focus.
  await press(page, 'Shift+Tab');
  assert.match(await focused(page), /ca-tag-denial/);
  await press(page, 'Enter');
  await page.waitForSelector('.ca-editor');
  await tabTo(page, '.ca-editor .ca-delete');
  await press(page, 'Enter');
  assert.match(await focused(page), /BUTTON\.ca-danger/, '"Yes, delete" has focus');
  await press(page, 'Enter');
  await storedWhen(page, (claims) => claims.length === 2 && !claims.some((claim) => claim.exact === 'letter comes as'), 'the delete');
  assert.match(await liveRegion(page), /Claim deleted\. 2 claims left\./);
  assert.equal(await focusedSettles(page, 'ARTICLE.ca-article'), 'ARTICLE.ca-article', 'focus fell back to the article, not the page');

  // Ctrl+Z brings it back.
  await press(page, 'Control+z');
  const undone = await storedWhen(page, (claims) => claims.length === 3, 'the undo');
  assert.deepEqual(undone.find((claim) => claim.exact === 'letter comes as')?.tag, 'denial');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('in a right-to-left article the arrows follow the screen: ArrowLeft goes to the next word', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, `${env.server.url}/?article=sample-arabic.txt`);
  await page.waitForSelector('[data-ca-ready]');
  await tabTo(page, '.ca-article');
  await press(page, 'Enter');
  assert.match(await liveRegion(page), /“مقدمة”/);
  await press(page, 'ArrowDown ArrowLeft');
  assert.match(await liveRegion(page), /“المنظمات”/, 'ArrowLeft moved to the next word');
  await press(page, 'Shift+ArrowLeft Shift+ArrowLeft');
  assert.match(await liveRegion(page), /“المنظمات إن السلطات”/);
  await press(page, 'ArrowRight');
  await press(page, '1');
  const [claim] = await storedWhen(page, (claims) => claims.length === 1, 'the Arabic claim');
  assert.equal(claim.exact, 'إن', 'ArrowRight went back one word');
  await context.close();
});

test('the help dialog opens with ? and from its button, lists every key, and gives focus back', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await tabTo(page, '.ca-article');
  await press(page, 'Shift+?');
  await page.waitForSelector('.ca-help-dialog');
  assert.match(await focused(page), /ca-help-dialog|ca-close-help/);
  const keys = await page.$$eval('.ca-help-dialog .ca-keys kbd', (terms) => terms.map((term) => term.textContent));
  assert.deepEqual(keys, tables.en.keyboard_help_keys.map(([key]) => key));
  for (const expected of ['Enter', '→', '↓', 'Home', 'Shift', '1 2 3', 'Escape', '?']) assert.ok(keys.some((key) => key.includes(expected)), `the help lists ${expected}`);
  await press(page, 'Escape');
  await page.waitForSelector('.ca-help-dialog', { state: 'detached' });
  assert.equal(await focused(page), 'ARTICLE.ca-article');
  await tabTo(page, '.ca-keys-button');
  await press(page, 'Enter');
  await page.waitForSelector('.ca-help-dialog');
  await press(page, 'Escape');
  assert.match(await focused(page), /ca-keys-button/);
  await context.close();
});

// Regression: opening the list of keys rebuilt the article beside it (Yew matches unkeyed
// children by place, and the dialog came and went as a child), so no selection worked after it.
test('the article survives the help dialog: the same elements, and a drag still offers the picker', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await page.waitForSelector('[data-ca-ready]');
  await page.evaluate(() => { window.articleBefore = caQuery('.ca-article'); });
  await page.click('.ca-keys-button');
  await page.waitForSelector('.ca-help-dialog');
  await page.keyboard.press('Escape');
  assert.ok(await page.evaluate(() => window.articleBefore === caQuery('.ca-article')), 'the article element was kept');
  await tagPhrase(page, 'International Olympic Committee', '3');
  assert.deepEqual(pairs(await storedAnnotations(page)), [['International Olympic Committee', 'demand']]);
  await context.close();
});

test('screen readers: each claim reads as its tag and text, the panel is a list, and tagging is announced', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
  assert.match(await liveRegion(page), /Tagged as Allegation: “urged the United Nations to probe rights violations”\. 1 claim\./);
  await tagPhrase(page, 'are groundless and not worth refuting', '2');
  await tagPhrase(page, 'called on the Human Rights Council to host a special session', '3');
  const article = await page.locator('.ca-article').ariaSnapshot();
  for (const expected of [
    'Allegation: urged the United Nations to probe rights violations',
    'Denial: are groundless and not worth refuting',
    'Demand: called on the Human Rights Council to host a special session',
  ]) assert.ok(article.includes(expected), `the accessibility tree reads "${expected}":\n${article.slice(0, 600)}`);
  const panel = await page.locator('.ca-panel').ariaSnapshot();
  assert.match(panel, /- list/);
  assert.equal((panel.match(/- listitem/g) ?? []).length, 3, 'one list item per claim');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('touch: tap a sentence once, "Select this sentence", choose a tag, and the claim is saved', async () => {
  const context = await env.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await openPage(context, env.server.url);
  await page.waitForSelector('[data-ca-ready]');
  const point = await page.evaluate(() => {
    const run = [...caQueryAll('.ca-article [data-ca-start]')].find((node) => node.textContent.includes('Hundreds of organisations'));
    run.scrollIntoView({ block: 'center' });
    const text = run.firstChild;
    const range = document.createRange();
    const at = text.data.indexOf('organisations');
    range.setStart(text, at + 3);
    range.setEnd(text, at + 4);
    const rect = range.getBoundingClientRect();
    return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
  });
  await page.touchscreen.tap(point.x, point.y);
  await page.waitForSelector('.ca-select-sentence');
  await page.locator('.ca-select-sentence').tap();
  await page.waitForSelector('.ca-tag-picker .ca-tag-allegation');
  await page.locator('.ca-tag-picker .ca-tag-allegation').tap();
  const [claim] = await storedWhen(page, (claims) => claims.length === 1, 'the tapped sentence');
  assert.match(claim.exact, /^Hundreds of organisations have urged the United Nations .* 2022 winter games\.?$/);
  assert.equal(claim.tag, 'allegation');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('focus is never hidden under the panel: each highlight reached by Tab is on top where it is drawn', async () => {
  for (const width of [1280, 420]) {
    const context = await env.browser.newContext({ viewport: { width, height: 700 } });
    const page = await openPage(context, env.server.url);
    await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
    await tagPhrase(page, 'are groundless and not worth refuting', '2');
    await tagPhrase(page, 'called on the Human Rights Council to host a special session', '3');
    await page.evaluate(() => window.scrollTo(0, 0));
    await tabTo(page, '.ca-article');
    for (let claim = 0; claim < 3; claim += 1) {
      await press(page, 'Tab');
      const covered = await page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        const rect = active.getClientRects()[0];
        const x = rect.left + Math.min(rect.width / 2, 20);
        const y = rect.top + rect.height / 2;
        if (y < 0 || y > innerHeight) return `off screen at ${y}`;
        let hit = document.elementFromPoint(x, y);
        while (hit?.shadowRoot?.elementFromPoint(x, y) && hit.shadowRoot.elementFromPoint(x, y) !== hit) hit = hit.shadowRoot.elementFromPoint(x, y);
        return hit === active || active.contains(hit) ? null : `${hit?.tagName}.${hit?.className}`;
      });
      assert.equal(covered, null, `${width}px, highlight ${claim + 1}: focus is covered`);
    }
    await context.close();
  }
});

test('forced colours keep the three tags apart by outline and underline, and reduced motion stops the flash and smooth scrolling', async () => {
  const forced = await env.browser.newContext({ forcedColors: 'active', viewport: { width: 900, height: 700 } });
  const page = await openPage(forced, env.server.url);
  await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
  await tagPhrase(page, 'as other groups called', '2');
  await tagPhrase(page, 'Olympic chiefs to strip Beijing of the 2022 winter games', '3');
  const styles = await page.evaluate(() => ['allegation', 'denial', 'demand'].map((tag) => {
    const style = getComputedStyle(caQuery(`mark.ca-tag-${tag}`));
    return [style.outlineStyle, style.textDecorationLine, style.textDecorationStyle, style.borderBottomStyle].join(' ');
  }));
  assert.equal(new Set(styles).size, 3, `each tag has its own outline or underline style: ${styles.join(' | ')}`);
  assert.ok(styles.every((style) => !style.startsWith('none none')), `each is outlined or underlined: ${styles.join(' | ')}`);
  // docs/forced-colours.png shows them: bench/screenshot.mjs takes it.
  await forced.close();

  for (const reducedMotion of ['no-preference', 'reduce']) {
    const context = await env.browser.newContext({ reducedMotion, viewport: { width: 1280, height: 500 } });
    await context.addInitScript(() => {
      window.scrollCalls = [];
      const original = Element.prototype.scrollIntoView;
      Element.prototype.scrollIntoView = function (options) { window.scrollCalls.push(options?.behavior ?? 'auto'); return original.call(this, options); };
    });
    const motion = await openPage(context, env.server.url);
    await tagPhrase(motion, 'Human Rights Council to host a special session', '3');
    await motion.evaluate(() => { window.scrollTo(0, 0); window.scrollCalls = []; });
    await motion.click('.ca-claim-button');
    await motion.waitForSelector('mark.ca-highlight-flash');
    const animation = await motion.evaluate(() => getComputedStyle(caQuery('mark.ca-highlight-flash')).animationName);
    const behaviours = await motion.evaluate(() => window.scrollCalls);
    if (reducedMotion === 'reduce') {
      assert.equal(animation, 'none', 'no flashing');
      assert.ok(behaviours.length > 0 && behaviours.every((behaviour) => behaviour !== 'smooth'), `no smooth scrolling: ${behaviours}`);
    } else {
      assert.equal(animation, 'ca-flash');
      assert.ok(behaviours.includes('smooth'), `smooth scrolling otherwise: ${behaviours}`);
    }
    await context.close();
  }
});

// ---- axe in every state, and no English left on a French or Arabic screen ----

/** English messages that a translation changes, as patterns over visible text. */
function englishPatterns(code) {
  const patterns = [];
  const add = (english, translated) => {
    if (english === translated) return;
    const literal = english.replace(/\{[a-z_]+\}/g, '');
    if (literal.replace(/[^A-Za-z]/g, '').length < 4) return;
    const escaped = english.split(/\{[a-z_]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?');
    patterns.push([english, new RegExp(`^${escaped}$`, 's')]);
  };
  for (const [key, value] of Object.entries(tables.en)) {
    const other = tables[code][key];
    if (typeof value === 'string') add(value, other);
    else if (Array.isArray(value)) value.forEach(([term, meaning], index) => { add(term, other[index]?.[0]); add(meaning, other[index]?.[1]); });
    else for (const [form, text] of Object.entries(value)) add(text, other[form] ?? other.other);
  }
  return patterns;
}

/** The widget's visible strings: text nodes and the labels and placeholders screen readers say,
 * leaving out the article, quotes and whatever the reader typed. */
const visibleStrings = (page) => page.evaluate(() => {
  const skip = '.ca-article, .ca-quote, .ca-claim-quote, .ca-choice-quote, q, blockquote, textarea, select, input, .ca-claim-note, .ca-claim-speaker, .ca-feedback-quote, .ca-class-table tbody th, .ca-explanation';
  const strings = [];
  for (const element of caQueryAll('.ca-article [data-ca-end-labels], .ca-article figcaption')) {
    strings.push(element.getAttribute('data-ca-end-labels') ?? element.getAttribute('data-ca-label'));
  }
  for (const element of caQueryAll('.ca-root *')) {
    if (element.closest(skip) || !element.checkVisibility?.()) continue;
    for (const node of element.childNodes) if (node.nodeType === 3 && node.data.trim()) strings.push(node.data.trim());
    // Labels drawn by CSS generated content come from these attributes.
    for (const name of ['aria-label', 'placeholder', 'title', 'data-ca-end-labels', 'data-ca-label']) if (element.getAttribute(name)) strings.push(element.getAttribute(name));
  }
  return strings;
});

async function checkState(page, language, state) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = results.violations.map((violation) => `${violation.id}: ${violation.nodes.length} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`);
  assert.deepEqual(found, [], `${language}, ${state}: axe violations`);
  if (language !== 'en') {
    const patterns = englishPatterns(language);
    const english = (await visibleStrings(page)).flatMap((text) => patterns.filter(([, pattern]) => pattern.test(text)).map(([message]) => `"${text}" (${message})`));
    assert.deepEqual(english, [], `${language}, ${state}: English on screen`);
  }
  return results;
}

/** A W3C file with one claim for this article and one item that cannot be read. */
async function importFile() {
  const folder = await mkdtemp(join(tmpdir(), 'import-'));
  const file = join(folder, 'claims.jsonld');
  await writeFile(file, JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: { type: 'AnnotationPage', items: [
      { id: 'urn:uuid:7b0c6a3e-1d2f-4c5b-9a8e-0f1e2d3c4b5a', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'demand' }],
        target: { selector: [{ type: 'TextQuoteSelector', exact: 'strip Beijing of the 2022 winter games' }] } },
      { type: 'Annotation' },
    ] },
  }));
  return file;
}

async function walkWidgetStates(language) {
  const options = { locale: language === 'ar' ? 'ar-EG' : 'en-GB', viewport: { width: 1280, height: 900 } };
  const query = language === 'ar' ? '' : `?lang=${language}`;
  const context = await env.browser.newContext(options);
  const page = await openPage(context, `${env.server.url}/${query}`);
  await page.waitForSelector('[data-ca-ready]');
  await checkState(page, language, 'empty');
  await tagPhrase(page, 'urged the United Nations to probe rights violations in China', '1');
  await tagPhrase(page, 'are groundless and not worth refuting', '2');
  await tagPhrase(page, 'called on the Human Rights Council to host a special session', '3');
  await checkState(page, language, 'with claims');
  if (language === 'ar') {
    assert.equal(await page.evaluate(() => caQuery('.ca-root').getAttribute('dir')), 'rtl');
    const [panel, article] = await page.evaluate(() => ['.ca-panel', '.ca-article'].map((selector) => caQuery(selector).getBoundingClientRect().left));
    assert.ok(panel < article, `the panel is on the left in Arabic (${panel} < ${article})`);
    assert.match(await page.textContent('.ca-filter'), /٣/, 'counts in Arabic-Indic digits');
  }
  await page.click('.ca-keys-button');
  await page.waitForSelector('.ca-help-dialog');
  await checkState(page, language, 'help dialog');
  await page.keyboard.press('Escape');
  await dragOver(page, 'International Olympic Committee');
  await page.waitForSelector('.ca-tag-picker');
  await checkState(page, language, 'tag picker');
  await page.keyboard.press('Escape');
  await page.click('mark.ca-tag-denial');
  await page.waitForSelector('.ca-editor');
  await checkState(page, language, 'claim editor');
  await page.click('.ca-editor .ca-delete');
  await checkState(page, language, 'delete confirmation');
  await page.keyboard.press('Escape');
  await tagPhrase(page, 'the United Nations', '3');
  await page.click('mark.ca-highlight-layered');
  await page.waitForSelector('.ca-chooser');
  await checkState(page, language, 'overlap chooser');
  await page.keyboard.press('Escape');
  await page.click('.ca-share');
  await page.waitForSelector('.ca-notice-share');
  await checkState(page, language, 'share notice');
  const link = await page.inputValue('.ca-share-link');
  await page.setInputFiles('.ca-import-file', await importFile());
  await page.waitForSelector('.ca-notice-import');
  await checkState(page, language, 'import summary');
  assert.deepEqual(page.pageErrors, []);

  const shared = await openPage(await env.browser.newContext(options), link);
  await shared.waitForSelector('.ca-notice-shared');
  await checkState(shared, language, 'share view');

  const review = await openPage(context, `${env.server.url}/?article=fixtures/corrected-v1.txt&id=every-reader-${language}${query.replace('?', '&')}`);
  await tagPhrase(review, 'allegations were completly groundless', '2');
  await tagPhrase(review, 'demanded an independent investigation', '3');
  await review.goto(`${env.server.url}/?article=fixtures/corrected-v2.txt&id=every-reader-${language}${query.replace('?', '&')}`);
  await review.waitForSelector('.ca-review-item');
  await checkState(review, language, 'review list');
  await context.close();

  const full = await env.browser.newContext(options);
  await full.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (this === window.localStorage && key.startsWith('claim-annotator:annotations:')) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const storage = await openPage(full, `${env.server.url}/${query}`);
  await tagPhrase(storage, 'are groundless and not worth refuting', '2');
  await storage.waitForSelector('.ca-notice-storage');
  await checkState(storage, language, 'storage notice');
  await full.close();

  const newer = await env.browser.newContext(options);
  await newer.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('claim-annotator:annotations:text-fnv1a64-2d453631b36583de', JSON.stringify({ v: 99, annotations: [] }));
      sessionStorage.setItem('seeded', '1');
    }
  });
  const recovery = await openPage(newer, `${env.server.url}/${query}`);
  await recovery.waitForSelector('.ca-notice-recovery');
  await checkState(recovery, language, 'recovery notice');
  await newer.close();
  await shared.context().close();
}

async function walkClassroomStates(language) {
  const options = { locale: language === 'ar' ? 'ar-EG' : 'en-GB', viewport: { width: 1280, height: 900 }, acceptDownloads: true };
  const query = language === 'ar' ? '' : `?lang=${language}`;
  const teacherContext = await env.browser.newContext(options);
  const teacher = await teacherContext.newPage();
  await teacher.addInitScript(deepQueryScript);
  await teacher.goto(`${env.server.url}/classroom.html${query}`);
  await teacher.waitForSelector('.ca-exercise-maker');
  await teacher.waitForSelector('[data-ca-ready]');
  await checkState(teacher, language, 'classroom: teacher');
  await tagPhrase(teacher, 'urged the United Nations to probe rights violations in China', '1');
  await tagPhrase(teacher, 'are groundless and not worth refuting', '2');
  await teacher.click('.ca-exercise-link');
  await teacher.waitForSelector('.ca-exercise-link-text');
  await checkState(teacher, language, 'classroom: exercise link');
  const link = await teacher.inputValue('.ca-exercise-link-text');

  const studentContext = await env.browser.newContext(options);
  const student = await studentContext.newPage();
  await student.addInitScript(deepQueryScript);
  await student.goto(link);
  await student.waitForSelector('.ca-check-work');
  await checkState(student, language, 'classroom: student');
  await student.fill('.ca-student-name input', 'Ada');
  await tagPhrase(student, 'urged the United Nations to probe rights violations in China', '1');
  await student.click('.ca-check-work');
  await student.waitForSelector('.ca-score');
  await checkState(student, language, 'classroom: feedback');
  const [download] = await Promise.all([student.waitForEvent('download'), student.click('.ca-hand-in')]);
  const folder = await mkdtemp(join(tmpdir(), 'answers-'));
  const answer = join(folder, 'ada.json');
  await writeFile(answer, await readFile(await download.path()));

  await teacher.click('.ca-exercise-results');
  await teacher.waitForSelector('.ca-answer-files');
  await checkState(teacher, language, 'classroom: class view, empty');
  await teacher.setInputFiles('.ca-answer-files', [answer]);
  await teacher.waitForSelector('.ca-class-table tbody tr');
  await checkState(teacher, language, 'classroom: class view');
  await teacherContext.close();
  await studentContext.close();
}

for (const language of ['en', 'ar', 'fr']) {
  test(`axe finds nothing in any state of the widget (${language})`, () => walkWidgetStates(language));
  test(`axe finds nothing in any classroom view (${language})`, () => walkClassroomStates(language));
}

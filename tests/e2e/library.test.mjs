// End to end in real headless Chromium: the library page (library.html). Paste an article, tag
// claims, reload and find it; drop a saved news page (nothing in it runs, only the story is
// kept); export everything, clear the site's storage, import everything; every bad input
// refused with a message that changes nothing; keyboard alone with announcements; two tabs;
// storage that fails; axe-core on each state. Offline use: library-offline.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { serverAndBrowser, deepQueryScript, tagPhrase, highlights, startServer, settled } from './support.mjs';

const env = serverAndBrowser();
const fixture = (name) => new URL(`fixtures/library/${name}`, import.meta.url).pathname;

const ARTICLE = [
  'Hong Kong: rights groups write to the UN',
  'Hundreds of organisations have urged the United Nations to probe rights violations in China, in a letter sent on Tuesday.',
  "China's foreign ministry said the accusations were groundless and not worth refuting.",
  'A special session',
  'The letter called on the Human Rights Council to host a special session on China.',
].join('\n\n');

/** The library page, failing the test on any page error; CSP violations are recorded. */
async function openLibrary(context, path = '/library.html') {
  const page = await context.newPage();
  await page.addInitScript(deepQueryScript);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(error.message));
  page.on('console', (message) => {
    // Reported by the browser itself, and checked where they are the point: a refused
    // cross-origin request; inline handlers of a dropped page refused by the policy (below).
    if (message.type() === 'error' && !/Failed to load resource|CORS policy|inline event handler/.test(message.text())) page.pageErrors.push(message.text());
  });
  await page.goto(`${env.server.url}${path}`);
  await page.waitForSelector('.ca-library-count, .ca-library-unavailable');
  return page;
}

/** Each article of the list as the reader sees it. */
async function rows(page) {
  return page.$$eval('.ca-library-item', (items) => items.map((item) => ({
    title: item.querySelector('.ca-item-title').textContent,
    origin: item.querySelector('.ca-origin').textContent,
    claims: item.querySelector('.ca-claim-total').textContent,
    tags: [...item.querySelectorAll('.ca-tag-count')].map((chip) => chip.textContent),
  })));
}

async function pasteAndKeep(page, text, title) {
  await page.fill('.ca-paste-text', text);
  await page.click('.ca-open-pasted');
  await page.waitForSelector('.ca-preview');
  if (title !== undefined) await page.fill('.ca-draft-title', title);
  await page.click('.ca-keep-draft');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
}

async function backToLibrary(page) {
  await page.click('.ca-back-to-library');
  await page.waitForSelector('.ca-library-item');
}

/** The message of the problem shown (and only one is shown). */
async function problem(page) {
  await page.waitForSelector('.ca-library-problem');
  return page.textContent('.ca-library-problem p');
}

async function dropFile(page, name, text, type = '') {
  const dataTransfer = await page.evaluateHandle(({ name, text, type }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type }));
    return transfer;
  }, { name, text, type });
  // Anywhere on the page: here, the page's own body, outside the library's element.
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

async function noAxeViolations(page, what) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = results.violations.map((violation) => `${violation.id}: ${violation.nodes.length} (${violation.nodes[0].target})`);
  assert.deepEqual(found, [], `axe, ${what}`);
}

async function liveRegion(page) {
  return page.textContent('.ca-library > .ca-visually-hidden[role="status"]');
}

test('paste an article, tag two claims, reload: it is in the library with its claims', async () => {
  const context = await env.browser.newContext();
  const page = await openLibrary(context);
  assert.equal(await page.textContent('.ca-library-count'), '0 articles');
  await noAxeViolations(page, 'the empty library');
  await page.fill('.ca-paste-text', ARTICLE);
  await page.click('.ca-open-pasted');
  await page.waitForSelector('.ca-preview');
  assert.equal(await page.inputValue('.ca-draft-title'), 'Hong Kong: rights groups write to the UN', 'the first line suggests the title');
  assert.equal(await page.textContent('.ca-preview .ca-origin'), 'Pasted');
  await noAxeViolations(page, 'the preview');
  await page.fill('.ca-draft-title', 'Rights groups write to the UN');
  await page.click('.ca-keep-draft');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
  assert.equal(await page.textContent('.ca-reading-title'), 'Rights groups write to the UN');
  await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
  await tagPhrase(page, 'groundless and not worth refuting', '2');
  await noAxeViolations(page, 'an article open with two claims');

  await page.reload();
  await page.waitForSelector('.ca-library-item');
  assert.deepEqual(await rows(page), [{
    title: 'Rights groups write to the UN',
    origin: 'Pasted',
    claims: '2 claims',
    tags: ['Allegation: 1', 'Denial: 1', 'Demand: 0'],
  }]);
  assert.match(await page.textContent('.ca-last-edit'), /^Last edited \d{4}-\d\d-\d\d \d\d:\d\d$/);
  assert.match(await page.textContent('.ca-library-use'), /^The library uses about [\d.]+ (bytes|KB) of this browser’s storage/);
  await noAxeViolations(page, 'the library with one article');
  await page.click('.ca-open-article');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
  assert.deepEqual(await highlights(page), [
    ['urged the United Nations to probe rights violations', 'allegation'],
    ['groundless and not worth refuting', 'denial'],
  ]);
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'nothing broke the page’s Content-Security-Policy');
  await context.close();
});

test('a saved news page dropped on the page: the story is kept, nothing else, and nothing in it ran', async () => {
  const context = await env.browser.newContext();
  const page = await openLibrary(context);
  const requestsBefore = env.server.requests.length;
  await dropFile(page, 'saved-news-page.html', await readFile(fixture('saved-news-page.html'), 'utf8'), 'text/html');
  await page.waitForSelector('.ca-preview');
  assert.equal(await page.inputValue('.ca-draft-title'), 'UN experts alarmed by Hong Kong security law');
  assert.equal(await page.textContent('.ca-preview .ca-origin'), 'File saved-news-page.html');
  const blocks = await page.$$eval('.ca-preview-article .ca-block', (elements) => elements.map((element) => element.textContent));
  assert.deepEqual(blocks, [
    'A letter from UN experts says the law breaches international obligations.',
    'Hundreds of organisations have urged the United Nations to probe rights violations in China.',
    'Officials in Beijing said the claims were groundless and not worth refuting.',
    'A call for a special session',
    'The letter called on the Human Rights Council to host a special session on China.',
  ], 'the standfirst, the paragraphs and the subheading, in order');
  const shown = await page.textContent('.ca-preview-article');
  for (const furniture of ['NAV-', 'FOOT-', 'AD-', 'SVG-', 'hacked', 'fetch(', 'cookies']) {
    assert.ok(!shown.includes(furniture), `no ${furniture} in the extracted text`);
  }
  // Give anything that could have run (handlers, the image's error, the frame) time to.
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.hacked), undefined, 'no script or handler of the page ran');
  const fetched = env.server.requests.slice(requestsBefore).map((request) => request.path).filter((path) => path.startsWith('/fixtures/'));
  assert.deepEqual(fetched, [], 'nothing of the page was loaded: no script, stylesheet, image or frame');
  // DOMParser's document runs nothing whatever the policy (tests/browser_library.rs shows it
  // without one). Under the page's policy Chromium goes further and refuses to set up the
  // inline handlers at all, as it parses them: one script-src-attr report for each of the
  // page's five, and nothing else (no script element, image, style sheet or frame was tried).
  assert.deepEqual(await page.evaluate(() => window.cspViolations), Array(5).fill('script-src-attr inline'));
  await page.click('.ca-keep-draft');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
  await tagPhrase(page, 'groundless and not worth refuting', '2');
  await backToLibrary(page);
  assert.deepEqual(await rows(page), [{
    title: 'UN experts alarmed by Hong Kong security law',
    origin: 'File saved-news-page.html',
    claims: '1 claim',
    tags: ['Allegation: 0', 'Denial: 1', 'Demand: 0'],
  }]);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('Export everything, clear the site’s storage, Import everything: every article and claim is back', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await openLibrary(context);
  await pasteAndKeep(page, ARTICLE, 'Rights groups write to the UN');
  await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
  await tagPhrase(page, 'groundless and not worth refuting', '2');
  await backToLibrary(page);
  await page.setInputFiles('.ca-file-input', fixture('letter.md'));
  await page.waitForSelector('.ca-preview');
  assert.equal(await page.inputValue('.ca-draft-title'), 'Rights groups demand a probe', 'the front matter’s title');
  await page.click('.ca-keep-draft');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
  await tagPhrase(page, 'special session of the Human Rights Council', '3');
  await backToLibrary(page);
  const before = await rows(page);
  assert.equal(before.length, 2);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.ca-export-everything')]);
  assert.match(download.suggestedFilename(), /^claim-annotator-library-\d{4}-\d\d-\d\d\.json$/);
  const backupPath = await download.path();
  const backup = JSON.parse(await readFile(backupPath, 'utf8'));
  assert.equal(backup.kind, 'claim-annotator-backup');
  assert.equal(backup.articles.length, 2);
  assert.equal(Object.values(backup.annotations).reduce((sum, value) => sum + value.annotations.length, 0), 3);

  const session = await context.newCDPSession(page);
  await session.send('Storage.clearDataForOrigin', { origin: env.server.url, storageTypes: 'all' });
  await page.reload();
  await page.waitForSelector('.ca-library-empty');
  assert.equal(await page.textContent('.ca-library-count'), '0 articles', 'the storage was cleared');

  await page.setInputFiles('.ca-import-everything', backupPath);
  await page.waitForSelector('.ca-restored');
  assert.equal(await page.textContent('.ca-restored p'), 'Restored from the backup: 2 articles added (0 already in the library) and 3 new claims.');
  await page.waitForFunction(() => caQueryAll('.ca-library-item').length === 2);
  assert.deepEqual(await rows(page), before, 'every article with its claims, as before');
  await page.click('.ca-library-item:has-text("Rights groups demand a probe") .ca-open-article');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
  assert.deepEqual(await highlights(page), [['special session of the Human Rights Council', 'demand']]);
  await backToLibrary(page);

  await page.setInputFiles('.ca-import-everything', backupPath);
  await page.waitForFunction(() => caQuery('.ca-restored p')?.textContent.includes('2 already'));
  assert.equal(await page.textContent('.ca-restored p'), 'Restored from the backup: 0 articles added (2 already in the library) and 0 new claims.', 'a second import adds nothing');
  assert.deepEqual(await rows(page), before);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('bad input: each gets a clear message and changes nothing', async () => {
  const context = await env.browser.newContext();
  const page = await openLibrary(context);
  await pasteAndKeep(page, ARTICLE);
  await backToLibrary(page);
  const library = await rows(page);
  const other = await startServer();
  const unchanged = async (what) => {
    assert.equal(await page.$('.ca-preview'), null, `${what}: nothing is shown to keep`);
    assert.deepEqual(await rows(page), library, `${what}: the library is as it was`);
  };

  await page.fill('.ca-paste-text', ' \n\n ');
  await page.click('.ca-open-pasted');
  assert.equal(await problem(page), 'There is no text to open, so nothing was changed: paste the article’s text into the box first.');
  await unchanged('an empty paste');

  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await page.setInputFiles('.ca-file-input', { name: 'photo.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => caQuery('.ca-library-problem p')?.textContent.includes('PNG'));
  assert.equal(await problem(page), 'This file is a PNG image, not text, so it was not opened and nothing was changed.');
  await unchanged('an image');
  await page.setInputFiles('.ca-file-input', { name: 'story.txt', mimeType: 'text/plain', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 6, 0]) });
  await page.waitForFunction(() => caQuery('.ca-library-problem p')?.textContent.includes('ZIP'));
  await unchanged('a binary named .txt');

  await page.setInputFiles('.ca-file-input', { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 'a') });
  await page.waitForFunction(() => caQuery('.ca-library-problem p')?.textContent.includes('10 MB'));
  assert.equal(await problem(page), 'This file is 10.1 MB, more than the 10 MB an article file may be, so it was not opened and nothing was changed.');
  await unchanged('a file over 10 MB');

  await page.setInputFiles('.ca-file-input', fixture('latin-1.txt'));
  await page.waitForFunction(() => caQuery('.ca-library-problem p')?.textContent.includes('UTF-8'));
  assert.equal(await problem(page), 'This file could not be read as text, so nothing was changed: byte 0xE9 at offset 6 is not UTF-8; the file may be saved as Windows-1252 or Latin-1: save it as UTF-8 and try again.');
  await unchanged('text that cannot be decoded');

  const before = env.server.requests.length;
  await dropFile(page, 'only-scripts.html', '<html><body onload="window.hacked=1"><nav>Home</nav><script>window.hacked=2; fetch("/fixtures/library/ran")</script><img src="/fixtures/library/ran.gif" onerror="window.hacked=3"></body></html>', 'text/html');
  await page.waitForFunction(() => caQuery('.ca-library-problem p')?.textContent.includes('No article text'));
  assert.equal(await problem(page), 'No article text was found in this file, so nothing was changed; copy the article\'s text from the page and paste it instead.');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.hacked), undefined, 'a page of scripts: none of them ran');
  assert.deepEqual(env.server.requests.slice(before).filter((request) => request.path.startsWith('/fixtures/')), []);
  await unchanged('HTML with scripts and no story');

  await page.fill('.ca-paste-text', ARTICLE);
  await page.click('.ca-open-pasted');
  await page.waitForFunction(() => caQuery('.ca-library-problem p')?.textContent.includes('already'));
  assert.equal(await problem(page), 'This article is already in your library as “Hong Kong: rights groups write to the UN”, so nothing was changed.');
  await unchanged('an article already in the library');

  await page.fill('.ca-address', 'javascript:alert(1)');
  await page.click('.ca-fetch-address');
  await page.waitForFunction(() => caQuery('.ca-library-problem p')?.textContent.includes('javascript:'));
  assert.equal(await problem(page), '“javascript:alert(1)” is not an http:// or https:// address, so nothing was changed.');
  await unchanged('an address that is not the web');

  const refused = `${other.url}/fixtures/library/saved-news-page.html`;
  await page.fill('.ca-address', refused);
  await page.click('.ca-fetch-address');
  await page.waitForFunction(() => caQuery('.ca-library-problem p')?.textContent.includes('CORS'));
  assert.equal(await problem(page), `${refused} did not let this page read it (most news sites refuse other sites’ requests: a browser rule called CORS), or could not be reached, so nothing was changed; copy the article’s text and paste it here, or save the page and drop the file here.`);
  await unchanged('a site that refuses (CORS)');
  await page.click('.ca-paste-instead');
  assert.equal(await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.className;
  }), 'ca-paste-text', 'paste instead: the paste box has the focus');

  await page.fill('.ca-address', `${env.server.url}/fixtures/library/no-such-page.html`);
  await page.click('.ca-fetch-address');
  await page.waitForFunction(() => caQuery('.ca-library-problem p')?.textContent.includes('404'));
  await unchanged('a page that is not there');
  await noAxeViolations(page, 'a problem shown');

  // Offered to open the one already there.
  await page.fill('.ca-paste-text', ARTICLE);
  await page.click('.ca-open-pasted');
  await page.click('.ca-open-existing');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
  assert.equal(await page.textContent('.ca-reading-title'), 'Hong Kong: rights groups write to the UN');

  // And an address that answers: the same page, fetched from this site.
  await backToLibrary(page);
  await page.fill('.ca-address', `${env.server.url}/fixtures/library/saved-news-page.html`);
  await page.click('.ca-fetch-address');
  await page.waitForSelector('.ca-preview');
  assert.equal(await page.textContent('.ca-preview .ca-origin'), `From ${env.server.url}/fixtures/library/saved-news-page.html`);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  await other.close();
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

/** Presses Tab until the element matching `selector` (in the library's shadow root) has focus. */
async function tabTo(page, selector, reverse = false) {
  for (let presses = 0; presses < 60; presses += 1) {
    const focused = await page.evaluate((selector) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return Boolean(active?.matches(selector));
    }, selector);
    if (focused) return;
    await page.keyboard.press(reverse ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard alone: open, keep, rename, export, delete and undo, each announced', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await openLibrary(context);
  await tabTo(page, '.ca-paste-text');
  await page.keyboard.insertText(ARTICLE);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ca-preview');
  assert.equal(await liveRegion(page), 'Check the article “Hong Kong: rights groups write to the UN” before annotating it.');
  await tabTo(page, '.ca-keep-draft');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ca-reading [data-ca-ready]');
  assert.equal(await liveRegion(page), '“Hong Kong: rights groups write to the UN” is now in your library, open for annotating.');
  await tabTo(page, '.ca-back-to-library', true);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ca-library-item');

  await tabTo(page, '.ca-rename-article');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ca-rename-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('Letter to the UN');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => caQuery('.ca-item-title')?.textContent === 'Letter to the UN');
  assert.equal(await liveRegion(page), 'Renamed to “Letter to the UN”.');
  await noAxeViolations(page, 'after a rename');

  await tabTo(page, '.ca-export-article');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'Letter-to-the-UN.claim-annotator.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.articles[0].title, 'Letter to the UN', 'one article, ready for Import everything');

  await tabTo(page, '.ca-delete-article');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ca-confirm-delete');
  assert.equal(await page.textContent('.ca-confirm-delete p'), 'Delete “Letter to the UN” and its 0 claims from this browser?');
  await noAxeViolations(page, 'asking before a deletion');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ca-deleted');
  assert.equal(await page.$('.ca-library-item'), null, 'deleted');
  assert.equal(await liveRegion(page), '“Letter to the UN” was deleted from this browser.');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ca-library-item');
  assert.equal(await page.textContent('.ca-item-title'), 'Letter to the UN', 'undone: back, with its title');
  assert.equal(await liveRegion(page), '“Letter to the UN” is back in your library.');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a deletion takes the claims too, and undo brings them back', async () => {
  const context = await env.browser.newContext();
  const page = await openLibrary(context);
  await pasteAndKeep(page, ARTICLE);
  await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
  await backToLibrary(page);
  await page.click('.ca-delete-article');
  await page.click('.ca-confirm-delete-yes');
  await page.waitForSelector('.ca-deleted');
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('claim-annotator:annotations:')).length);
  assert.equal(await stored(), 0, 'the claims went with the article');
  await page.click('.ca-undo-delete');
  await page.waitForSelector('.ca-library-item');
  assert.equal(await stored(), 1);
  assert.deepEqual((await rows(page))[0].tags, ['Allegation: 1', 'Denial: 0', 'Demand: 0']);
  await context.close();
});

test('two tabs: an article kept in one appears in the other', async () => {
  const context = await env.browser.newContext();
  const first = await openLibrary(context);
  const second = await openLibrary(context);
  await pasteAndKeep(first, ARTICLE);
  await second.waitForFunction(() => caQueryAll('.ca-library-item').length === 1);
  await tagPhrase(first, 'groundless and not worth refuting', '2');
  await second.waitForFunction(() => caQuery('.ca-claim-total')?.textContent === '1 claim');
  await context.close();
});

test('storage that fails: without IndexedDB the article is still annotated in the tab, and said so', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const page = await openLibrary(context);
  assert.match(await page.textContent('.ca-library-unavailable'), /^This browser does not let the page keep a library \(“SecurityError: denied”\)/);
  await pasteAndKeep(page, ARTICLE);
  assert.match(await problem(page), /kept in this tab only/);
  await tagPhrase(page, 'urged the United Nations to probe rights violations', '1');
  // Claims are saved once the frame that shows them has been painted.
  await settled(page);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('claim-annotator:annotations:')).length), 1, 'the claims are still saved');
  await context.close();
});

test('a library value this version cannot read is left as it is, said, and exported', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await openLibrary(context);
  await pasteAndKeep(page, ARTICLE);
  await page.evaluate(() => new Promise((resolve, reject) => {
    const opening = indexedDB.open('claim-annotator', 1);
    opening.onsuccess = () => {
      const transaction = opening.result.transaction('articles', 'readwrite');
      transaction.objectStore('articles').put('{"v":9,"key":"text-fnv1a64-0000000000000009"}', 'text-fnv1a64-0000000000000009');
      transaction.oncomplete = () => { opening.result.close(); resolve(); };
      transaction.onerror = () => reject(transaction.error);
    };
  }));
  await page.reload();
  await page.waitForSelector('.ca-library-unreadable');
  assert.equal(await page.textContent('.ca-library-unreadable'), '1 article cannot be read by this version; Export everything keeps a copy of it. An article in the library was saved by a newer version (format 9); it is left as it is: reload the page to get the newest version.');
  assert.equal((await rows(page)).length, 1, 'the readable one is listed');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.ca-export-everything')]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(Object.keys(backup.unreadableArticles), ['text-fnv1a64-0000000000000009']);
  await context.close();
});

test('in Arabic: the page is right to left, in Arabic words and digits, with no violations', async () => {
  const context = await env.browser.newContext();
  const page = await openLibrary(context, '/library.html?lang=ar');
  await page.waitForFunction(() => caQuery('.ca-library')?.getAttribute('dir') === 'rtl');
  await pasteAndKeep(page, ARTICLE);
  await tagPhrase(page, 'groundless and not worth refuting', '2');
  await page.click('.ca-back-to-library');
  await page.waitForSelector('.ca-library-item');
  // The list is read again once the claim's save is seen (on a busy machine, a moment later).
  await page.waitForFunction(() => caQuery('.ca-claim-total')?.textContent === 'تصريح واحد');
  assert.match(await page.textContent('.ca-last-edit'), /^آخر تعديل [٠-٩]{2}\/[٠-٩]{2}\/[٠-٩]{4} [٠-٩]{2}:[٠-٩]{2}$/);
  await noAxeViolations(page, 'the library in Arabic');
  await context.close();
});

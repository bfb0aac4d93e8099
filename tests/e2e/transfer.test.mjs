// End to end: exports download and pass the W3C suite's MUST assertions; an import into a fresh
// browser profile restores every highlight; CSV for spreadsheets; bad files change nothing;
// script in a note never runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser, openPage, tagPhrase, highlights, storedAnnotations } from './support.mjs';
import { mustFailures, suiteAvailable, suiteFolder } from './w3c-suite.mjs';

const env = serverAndBrowser();

const ALLEGATION = 'urged the United Nations to probe rights violations';
const DENIAL = 'are groundless and not worth refuting';
const NOTE = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script> "quoted", 人权 حقوق';

async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8') };
}

async function annotatedPage(context) {
  const page = await openPage(context, env.server.url);
  await tagPhrase(page, ALLEGATION, '1');
  await tagPhrase(page, DENIAL, '2');
  await page.click('mark.ca-tag-allegation');
  await page.fill('.ca-editor .ca-note-input', NOTE);
  await page.fill('.ca-editor .ca-speaker-input', 'Hundreds of organisations');
  await page.keyboard.press('Escape');
  // The denial answers the allegation (issue 9): a link that must travel too.
  await page.click('mark.ca-tag-denial');
  const allegation = await page.evaluate(() => caQuery('.ca-answers-input option:nth-child(2)').value);
  await page.selectOption('.ca-answers-input', allegation);
  await page.fill('.ca-editor .ca-speaker-input', 'Zhao Lijian');
  await page.keyboard.press('Escape');
  return page;
}

test('the W3C export downloads, passes the suite, and restores every highlight in a fresh profile', async (t) => {
  const context = await env.browser.newContext();
  const page = await annotatedPage(context);
  const exported = await downloadText(page, '.ca-export-json');
  assert.match(exported.name, /\.jsonld$/);
  const collection = JSON.parse(exported.text);
  assert.equal(collection.type, 'AnnotationCollection');
  assert.equal(collection.first.items.length, 2);
  const [first, second] = collection.first.items;
  assert.match(first.id, /^urn:uuid:[0-9a-f-]{36}$/);
  assert.deepEqual(first.body.map((body) => body.purpose), ['tagging', 'commenting', 'identifying']);
  assert.equal(first.body[2].value, 'Hundreds of organisations', 'the speaker travels as an identifying body');
  const link = second.body.find((body) => body.purpose === 'linking');
  assert.equal(link?.source, first.id, 'the denial links to the allegation it answers');
  assert.deepEqual(first.target.selector.map((selector) => selector.type), ['TextQuoteSelector', 'TextPositionSelector']);
  if (suiteAvailable()) {
    const { failures, checked } = mustFailures(collection);
    assert.deepEqual(failures, [], `W3C MUST assertions failed (${checked} checked)`);
    assert.ok(checked > 40, `only ${checked} assertions checked`);
  } else {
    t.diagnostic(`W3C suite not found at ${suiteFolder}: the export's shape was checked, the suite was not run`);
  }
  await context.close();

  // A fresh profile: nothing stored; import the file.
  const fresh = await env.browser.newContext();
  const freshPage = await openPage(fresh, env.server.url);
  assert.equal(await freshPage.locator('mark.ca-highlight').count(), 0);
  const folder = await mkdtemp(join(tmpdir(), 'claims-'));
  const file = join(folder, exported.name);
  await writeFile(file, exported.text);
  await freshPage.setInputFiles('.ca-import-file', file);
  await freshPage.waitForSelector('.ca-notice-import');
  assert.match(await freshPage.textContent('.ca-notice-import'), /2 added, 0 updated, 0 already here, 0 needing review, 0 rejected/);
  assert.deepEqual(await highlights(freshPage), [[ALLEGATION, 'allegation'], [DENIAL, 'denial']]);
  assert.equal(await freshPage.textContent('.ca-claim-note'), NOTE, 'the note is text');
  assert.deepEqual(await freshPage.$$eval('.ca-claim-speaker', (nodes) => nodes.map((node) => node.textContent)), ['— Hundreds of organisations', '— Zhao Lijian'], 'speakers survive the round trip');
  assert.match(await freshPage.textContent('.ca-claim-answers'), /urged the United Nations/, 'and so does the link');
  assert.equal(await freshPage.evaluate(() => window.hacked), undefined, 'nothing in the note ran');
  // Importing the same file again adds nothing; the import can be undone.
  await freshPage.setInputFiles('.ca-import-file', file);
  await freshPage.waitForFunction(() => /0 added, 0 updated, 2 already here/.test(caQuery('.ca-notice-import')?.textContent ?? ''));
  assert.equal((await storedAnnotations(freshPage)).length, 2);
  assert.deepEqual(freshPage.pageErrors, []);
  await fresh.close();
});

test('CSV export: byte-order mark, header, RFC 4180 quoting', async () => {
  const context = await env.browser.newContext();
  const page = await annotatedPage(context);
  const csv = await downloadText(page, '.ca-export-csv');
  assert.match(csv.name, /\.csv$/);
  assert.ok(csv.text.startsWith('\uFEFFtag,quote,note,start,end,created,modified,speaker,responds_to,explanation\r\n'), JSON.stringify(csv.text.slice(0, 60)));
  const rows = csv.text.split('\r\n');
  assert.ok(rows[1].startsWith(`allegation,${ALLEGATION},"<img src=x onerror=""window.hacked=1""><script>window.hacked=2</script> ""quoted"", 人权 حقوق",`), rows[1]);
  assert.ok(rows[2].startsWith(`denial,${DENIAL},,`), rows[2]);
  await context.close();
});

test('a file from another tool: one selector only, an unknown tag kept and shown', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.url);
  const folder = await mkdtemp(join(tmpdir(), 'other-tool-'));
  const file = join(folder, 'other-tool.json');
  await writeFile(file, JSON.stringify([
    { type: 'Annotation', id: 'https://example.org/anno/1', body: { type: 'TextualBody', purpose: 'tagging', value: 'DENIAL' }, target: { selector: { type: 'TextQuoteSelector', exact: 'groundless and not worth refuting' } } },
    { type: 'Annotation', id: 'https://example.org/anno/2', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Rumour' }], target: { selector: { type: 'TextPositionSelector', start: 353, end: 377 } } },
  ]));
  await page.setInputFiles('.ca-import-file', file);
  await page.waitForSelector('.ca-notice-import');
  assert.match(await page.textContent('.ca-notice-import'), /2 added, 0 updated, 0 already here, 0 needing review, 0 rejected/);
  assert.deepEqual(await highlights(page), [['urged the United Nations', 'other'], ['groundless and not worth refuting', 'denial']]);
  assert.equal(await page.getAttribute('mark.ca-tag-other', 'data-ca-end-labels'), 'Rumour');
  const filters = await page.$$eval('.ca-filter', (buttons) => buttons.map((button) => button.textContent));
  assert.deepEqual(filters, ['All 2', 'Allegation 0', 'Denial 1', 'Demand 0', 'Rumour 1']);
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('bad files are refused with a clear message and change nothing', async () => {
  const context = await env.browser.newContext();
  const page = await annotatedPage(context);
  const before = await storedAnnotations(page);
  const folder = await mkdtemp(join(tmpdir(), 'bad-'));
  const cases = [
    ['not-json.json', '{"type": ', /is not valid JSON/],
    ['wrong-shape.json', '{"hello": "world"}', /is not a W3C annotation file/],
    ['too-big.json', `[${' '.repeat(50 * 1024 * 1024)}]`, /is 50\.1 MB; files over 10 MB are not imported/],
  ];
  for (const [name, contents, message] of cases) {
    const file = join(folder, name);
    await writeFile(file, contents);
    await page.setInputFiles('.ca-import-file', file);
    await page.waitForFunction((name) => (caQuery('.ca-notice-import')?.textContent ?? '').startsWith(name), name, { timeout: 5000 })
      .catch(async (error) => { throw new Error(`${name}: ${await page.evaluate(() => caQuery('.ca-notice-import')?.textContent)} ${error.message}`); });
    assert.match(await page.textContent('.ca-notice-import'), message, name);
    assert.deepEqual(await storedAnnotations(page), before, `${name} changed nothing`);
  }
  // Annotations of another article: nothing changes until the reader asks.
  const foreign = join(folder, 'other-article.json');
  await writeFile(foreign, JSON.stringify({ type: 'Annotation', id: 'urn:uuid:7d1f0c52-2c1e-4d6b-9a51-333333333333', body: { purpose: 'tagging', value: 'demand' },
    target: { source: 'https://example.org/another-article', selector: { type: 'TextQuoteSelector', exact: 'International Olympic Committee' } } }));
  await page.setInputFiles('.ca-import-file', foreign);
  await page.waitForFunction(() => (caQuery('.ca-notice-import')?.textContent ?? '').startsWith('other-article.json'));
  assert.match(await page.textContent('.ca-notice-import'), /0 added.*1 was made on another article and was not imported/);
  assert.deepEqual(await storedAnnotations(page), before, 'another article\'s claims are not imported unasked');
  await page.click('.ca-import-foreign');
  await page.waitForSelector('.ca-review-doubtful');
  assert.equal((await storedAnnotations(page)).length, before.length + 1, 'imported for review when asked');
  assert.deepEqual(page.pageErrors, []);
  await context.close();
});

test('a share link opened in a fresh browser shows the claims read-only, and a copy can be kept', async () => {
  const context = await env.browser.newContext();
  const page = await annotatedPage(context);
  await page.click('.ca-share');
  const link = await page.inputValue('.ca-share-link');
  assert.match(link, /#ca1=text-fnv1a64-2d453631b36583de~/);
  await context.close();

  const fresh = await env.browser.newContext();
  const shared = await openPage(fresh, link);
  await shared.waitForSelector('.ca-notice-shared');
  assert.match(await shared.textContent('.ca-notice-shared'), /2 shared claims, read-only/);
  assert.deepEqual(await highlights(shared), [[ALLEGATION, 'allegation'], [DENIAL, 'denial']]);
  assert.equal(await shared.textContent('.ca-claim-note'), NOTE);
  assert.equal(await shared.evaluate(() => window.hacked), undefined, 'nothing in the shared note ran');
  assert.deepEqual(await storedAnnotations(shared), [], 'opening a link saves nothing');
  assert.equal(await shared.locator('.ca-export-json').count(), 0, 'read-only: no editing controls');
  await tagPhraseIsRefused(shared);
  await shared.click('.ca-keep-copy');
  await shared.waitForSelector('.ca-notice-shared', { state: 'detached' });
  assert.equal((await storedAnnotations(shared)).length, 2, 'the copy is saved');
  assert.equal(await shared.evaluate(() => location.hash), '', 'the link is gone from the address');
  await shared.reload();
  await shared.waitForSelector('mark.ca-highlight');
  assert.deepEqual(await highlights(shared), [[ALLEGATION, 'allegation'], [DENIAL, 'denial']]);
  assert.deepEqual(shared.pageErrors, []);
  await fresh.close();
});

async function tagPhraseIsRefused(page) {
  const { dragOver } = await import('./support.mjs');
  await dragOver(page, 'International Olympic Committee');
  await page.waitForTimeout(600);
  assert.equal(await page.locator('.ca-tag-picker').count(), 0, 'no tagging in a read-only view');
}

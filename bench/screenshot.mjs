// Takes the README's screenshots in headless Chromium:
//   docs/screenshot.png: the demo page, the seed article with a few claims and the picker open;
//   docs/news-screenshot.png: news.html, the site's own story tagged in place;
//   docs/classroom-teacher.png, docs/classroom-student.png, docs/classroom-class.png: the
//   classroom walkthrough (a key, a student's checked work, the class's results);
//   docs/arabic.png: the Arabic interface; docs/forced-colours.png: the tags in forced colours;
//   docs/library.png: the library page with three articles kept and their claims counted.
// Run: scripts/build.sh && node bench/screenshot.mjs (or `node bench/screenshot.mjs library` for
// the library's picture alone)
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, dragOver, deepQueryScript, tagPhrase } from '../tests/e2e/support.mjs';

const server = await startServer();
const browser = await launchBrowser();

/** The library: three articles opened three ways (pasted, a saved page dropped, a Markdown
 * file chosen), each with claims, then the list. */
async function libraryScreenshot() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(deepQueryScript);
  await page.goto(`${server.url}/library.html`);
  await page.waitForSelector('.ca-library-count');
  const keep = async (claims) => {
    await page.waitForSelector('.ca-preview');
    await page.click('.ca-keep-draft');
    await page.waitForSelector('.ca-reading [data-ca-ready]');
    for (const [phrase, key] of claims) await tagPhrase(page, phrase, key);
    await page.click('.ca-back-to-library');
    await page.waitForSelector('.ca-library-item');
  };
  const fixture = (name) => new URL(`../tests/e2e/fixtures/library/${name}`, import.meta.url).pathname;
  await page.fill('.ca-paste-text', [
    'Hong Kong: rights groups write to the UN',
    'Hundreds of organisations have urged the United Nations to probe rights violations in China, in a letter sent on Tuesday.',
    "China's foreign ministry said the accusations were groundless and not worth refuting.",
    'The letter called on the Human Rights Council to host a special session on China.',
  ].join('\n\n'));
  await page.click('.ca-open-pasted');
  await keep([['urged the United Nations to probe rights violations', '1'], ['groundless and not worth refuting', '2'], ['host a special session on China', '3']]);
  await page.setInputFiles('.ca-file-input', fixture('saved-news-page.html'));
  await keep([['groundless and not worth refuting', '2']]);
  await page.setInputFiles('.ca-file-input', fixture('letter.md'));
  await keep([['special session of the Human Rights Council', '3']]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL('../docs/library.png', import.meta.url).pathname, fullPage: true });
  await context.close();
}

if (process.argv[2] === 'library') {
  await libraryScreenshot();
  await browser.close();
  await server.close();
  console.log('wrote docs/library.png');
  process.exit(0);
}

async function tagAll(page, claims, scope) {
  for (const [phrase, key] of claims) {
    await dragOver(page, phrase, scope);
    await page.waitForSelector('.ca-tag-picker');
    await page.keyboard.press(key);
    await page.waitForSelector('.ca-tag-picker', { state: 'detached' });
  }
}

const claims = [
  ['urged the United Nations to probe rights violations in China', '1'],
  ['trample on human rights at home and abroad', '1'],
  ['called for international scrutiny', '3'],
  ['are groundless and not worth refuting', '2'],
];

let page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
await page.addInitScript(deepQueryScript);
await page.goto(server.url);
await page.waitForSelector('[data-ca-ready]');
await tagAll(page, claims);
await page.evaluate(() => window.scrollTo(0, 0));
await dragOver(page, 'pointed to an unprecedented call in June');
await page.waitForSelector('.ca-tag-picker');
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname });
await page.close();

page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(deepQueryScript);
await page.goto(`${server.url}/news.html`);
await page.waitForSelector('.ca-loader');
// The claims in the side drawer, beside the story, so the picture shows both.
await page.evaluate(() => document.querySelector('claim-annotator').setAttribute('panel', 'drawer'));
await tagAll(page, claims.slice(0, 3), '#story');
await page.evaluate(() => getSelection().removeAllRanges());
await page.waitForSelector('.ca-drawer .ca-claim');
await page.evaluate(() => document.querySelector('.standfirst').scrollIntoView({ block: 'start' }));
await page.evaluate(() => window.scrollBy(0, -60));
await page.screenshot({ path: new URL('../docs/news-screenshot.png', import.meta.url).pathname });

await page.close();

// The classroom: a teacher's key with a speaker and an explanation.
const docs = (name) => new URL(`../docs/${name}`, import.meta.url).pathname;
const teacherContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
const teacher = await teacherContext.newPage();
await teacher.addInitScript(deepQueryScript);
await teacher.goto(`${server.url}/classroom.html`);
await teacher.waitForSelector('.ca-exercise-maker');
const key = [...claims, ['called on the Human Rights Council to host a special session', '3']];
await tagAll(teacher, key);
await teacher.click('.ca-claim-button >> nth=0');
await teacher.fill('.ca-editor .ca-speaker-input', 'Hundreds of organisations');
await teacher.fill('.ca-editor .ca-explanation-input', 'They accuse China of rights violations and want the UN to act: an allegation.');
await teacher.evaluate(() => window.scrollTo(0, 0));
await teacher.screenshot({ path: docs('classroom-teacher.png') });
await teacher.keyboard.press('Escape');
await teacher.click('.ca-exercise-link');
const link = await teacher.inputValue('.ca-exercise-link-text');

// A student checks their work.
const answers = [];
for (const [name, picks] of [['Ada', [[0, '1'], [1, '1'], [3, '3'], [4, '3']]], ['Bea', [[0, '1'], [2, '3'], [3, '2']]], ['Cy', [[0, '2'], [4, '3']]]]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const student = await context.newPage();
  await student.addInitScript(deepQueryScript);
  await student.goto(link);
  await student.waitForSelector('.ca-check-work');
  await student.fill('.ca-student-name input', name);
  await tagAll(student, picks.map(([index, tag]) => [key[index][0], tag]));
  await student.click('.ca-check-work');
  await student.waitForSelector('.ca-score');
  if (name === 'Ada') await student.screenshot({ path: docs('classroom-student.png'), fullPage: true });
  const [download] = await Promise.all([student.waitForEvent('download'), student.click('.ca-hand-in')]);
  const saved = join(await mkdtemp(join(tmpdir(), 'answer-')), `${name}.json`);
  await download.saveAs(saved);
  answers.push(saved);
  await context.close();
}

// The teacher's class view.
await teacher.click('.ca-exercise-results');
await teacher.setInputFiles('.ca-answer-files', answers);
await teacher.waitForFunction(() => caQueryAll('.ca-class-table tbody tr').length === 3);
await teacher.screenshot({ path: docs('classroom-class.png'), fullPage: true });
await teacherContext.close();

// Every reader: the Arabic interface (chosen by the browser's language) on an Arabic article,
// with the panel on the left; and the three tags in forced-colours mode.
const arabicContext = await browser.newContext({ viewport: { width: 1100, height: 640 }, locale: 'ar-EG' });
const arabic = await arabicContext.newPage();
await arabic.addInitScript(deepQueryScript);
await arabic.goto(`${server.url}/?article=sample-arabic.txt`);
await arabic.waitForSelector('[data-ca-ready]');
await tagAll(arabic, [['السلطات انتهكت الحقوق', '1'], ['هذه الاتهامات ووصفها بأنها لا أساس لها', '2'], ['بعقد جلسة خاصة', '3']]);
await arabic.evaluate(() => getSelection().removeAllRanges());
await arabic.locator('.ca-root').screenshot({ path: docs('arabic.png') });
await arabicContext.close();

const forcedContext = await browser.newContext({ viewport: { width: 900, height: 700 }, forcedColors: 'active' });
const forced = await forcedContext.newPage();
await forced.addInitScript(deepQueryScript);
await forced.goto(server.url);
await forced.waitForSelector('[data-ca-ready]');
await tagAll(forced, [['urged the United Nations to probe rights violations', '1'], ['as other groups called', '2'], ['Olympic chiefs to strip Beijing of the 2022 winter games', '3']]);
await forced.evaluate(() => getSelection().removeAllRanges());
await forced.locator('.ca-article .ca-paragraph').first().screenshot({ path: docs('forced-colours.png') });
await forcedContext.close();

await libraryScreenshot();

await browser.close();
await server.close();
console.log('wrote docs/screenshot.png, docs/news-screenshot.png, the classroom pictures, docs/arabic.png, docs/forced-colours.png and docs/library.png');

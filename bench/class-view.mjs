// How long the teacher's class view takes to score and show 30 answer files, in headless
// Chromium: from the file input's change event to the 30th row of the table on screen. The
// answers are made from one real hand-in (a student in a fresh profile), varied in name and
// claims. N runs (default 5), medians.
// Run: scripts/build.sh && node bench/class-view.mjs [runs]
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, deepQueryScript, dragOver } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] ?? 5);
const server = await startServer();
const browser = await launchBrowser();
const text = await readFile(new URL('../static/article.txt', import.meta.url), 'utf8');
const phrases = [
  ['urged the United Nations to probe rights violations in China', '1'],
  ['are groundless and not worth refuting', '2'],
  ['called on the Human Rights Council to host a special session', '3'],
  ['trample on human rights at home and abroad', '1'],
  ['called for international scrutiny', '3'],
];
const tag = async (page, phrase, key) => {
  await dragOver(page, phrase);
  await page.waitForSelector('.ca-tag-picker');
  await page.keyboard.press(key);
  await page.waitForSelector('.ca-tag-picker', { state: 'detached' });
};

const context = await browser.newContext({ acceptDownloads: true });
const teacher = await context.newPage();
await teacher.addInitScript(deepQueryScript);
await teacher.goto(`${server.url}/classroom.html`);
await teacher.waitForSelector('.ca-exercise-maker');
for (const [phrase, key] of phrases) await tag(teacher, phrase, key);
await teacher.click('.ca-exercise-link');
const link = await teacher.inputValue('.ca-exercise-link-text');

const studentContext = await browser.newContext({ acceptDownloads: true });
const student = await studentContext.newPage();
await student.addInitScript(deepQueryScript);
await student.goto(link);
await student.waitForSelector('.ca-check-work');
await student.fill('.ca-student-name input', 'Model');
await tag(student, phrases[0][0], '1');
const [download] = await Promise.all([student.waitForEvent('download'), student.click('.ca-hand-in')]);
const model = JSON.parse(await readFile(await download.path(), 'utf8'));
await studentContext.close();

// 30 answers: each takes a different mix of the key's phrases and some other words.
const folder = await mkdtemp(join(tmpdir(), 'class-'));
const files = [];
const words = text.split(/\s+/);
for (let index = 0; index < 30; index += 1) {
  const claims = phrases.filter((_, which) => (index + which) % 3 !== 0).map(([phrase, key], which) => {
    const start = [...text.slice(0, text.indexOf(phrase))].length;
    return { s: start, e: start + phrase.length - (index % 4), t: ['allegation', 'denial', 'demand'][(Number(key) - 1 + (which === index % 5 ? 1 : 0)) % 3] };
  });
  const extra = words.slice(40 + index * 7, 44 + index * 7).join(' ');
  const at = [...text.slice(0, text.indexOf(extra))].length;
  claims.push({ s: at, e: at + [...extra].length, t: 'allegation' });
  const path = join(folder, `student-${index}.json`);
  await writeFile(path, JSON.stringify({ ...model, name: `Student ${index + 1}`, claims }));
  files.push(path);
}

await teacher.click('.ca-exercise-results');
await teacher.waitForSelector('.ca-answer-files');
const times = [];
for (let run = 0; run < runs; run += 1) {
  await teacher.reload();
  await teacher.waitForSelector('.ca-exercise-maker');
  await teacher.click('.ca-exercise-results');
  await teacher.waitForSelector('.ca-answer-files');
  await teacher.evaluate(() => {
    window.classViewTime = null;
    caQuery('.ca-answer-files').addEventListener('change', () => {
      const started = performance.now();
      const look = () => {
        if (caQueryAll('.ca-class-table tbody tr').length === 30) window.classViewTime = performance.now() - started;
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }, { once: true });
  });
  await teacher.setInputFiles('.ca-answer-files', files);
  await teacher.waitForFunction(() => window.classViewTime !== null, null, { timeout: 60000 }).catch(async (error) => {
    throw new Error(`${error.message}: ${await teacher.evaluate(() => caQuery('.ca-answer-count')?.textContent + ' ' + caQuery('.ca-skipped')?.textContent)}`);
  });
  times.push(await teacher.evaluate(() => window.classViewTime));
}
await browser.close();
await server.close();
const median = (values) => { const sorted = [...values].sort((a, b) => a - b); const middle = sorted.length >> 1; return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2; };
console.log(`30 answers, file input change -> 30 rows on screen: median ${median(times).toFixed(1)} ms (${times.map((time) => time.toFixed(1)).join(', ')})`);

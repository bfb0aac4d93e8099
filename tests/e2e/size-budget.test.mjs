// The size budget, kept in CI: the <claim-annotator> loader a news page loads up front, and the
// widget it fetches on engagement (wasm, JS glue and CSS; the CSS is inside the wasm), gzip -9.
// A size check, not a timing. Budgets: size-budget.json. Also checks the precompressed copies
// scripts/build.sh ships (.gz, .br) and reports the brotli sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const budget = JSON.parse(await readFile(new URL('size-budget.json', root), 'utf8'));
const read = (path) => readFile(new URL(path, root));
const gzipped = async (path) => gzipSync(await read(path), { level: 9 }).length;
const brotli = async (path) => (await read(`${path}.br`)).length;
const widgetFiles = ['dist/pkg/claim_annotator_bg.wasm', 'dist/pkg/claim_annotator.js'];
const loaderFile = 'dist/claim-annotator.js';

test('the loader and the widget stay within their gzip budgets', async () => {
  const loader = await gzipped(loaderFile);
  let widget = 0;
  let widgetBrotli = 0;
  for (const file of widgetFiles) {
    widget += await gzipped(file);
    widgetBrotli += await brotli(file);
  }
  console.log(`loader ${loader} B (budget ${budget.loader}), widget ${widget} B (budget ${budget.widget}) gzip -9; brotli: loader ${await brotli(loaderFile)} B, widget ${widgetBrotli} B`);
  assert.ok(loader <= budget.loader, `the loader is ${loader} B gzipped, over its budget of ${budget.loader} B`);
  assert.ok(widget <= budget.widget, `the widget is ${widget} B gzipped, over its budget of ${budget.widget} B`);
});

test('each shipped file has .gz and .br copies that decompress to it', async () => {
  for (const file of [...widgetFiles, loaderFile]) {
    const original = await read(file);
    assert.ok(gunzipSync(await read(`${file}.gz`)).equals(original), `${file}.gz is ${file}`);
    assert.ok(brotliDecompressSync(await read(`${file}.br`)).equals(original), `${file}.br is ${file}`);
  }
});

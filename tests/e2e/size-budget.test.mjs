// The size budget, kept in CI: the <claim-annotator> loader a news page loads up front, and the
// widget it fetches on engagement (wasm, JS glue and CSS; the CSS is inside the wasm), gzip -9.
// A size check, not a timing. Budgets: size-budget.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const budget = JSON.parse(await readFile(new URL('size-budget.json', root), 'utf8'));
const gzipped = async (path) => gzipSync(await readFile(new URL(path, root)), { level: 9 }).length;

test('the loader and the widget stay within their gzip budgets', async () => {
  const loader = await gzipped('dist/claim-annotator.js');
  const widget = (await gzipped('dist/pkg/claim_annotator_bg.wasm')) + (await gzipped('dist/pkg/claim_annotator.js'));
  console.log(`loader ${loader} B (budget ${budget.loader}), widget ${widget} B (budget ${budget.widget}) gzip -9`);
  assert.ok(loader <= budget.loader, `the loader is ${loader} B gzipped, over its budget of ${budget.loader} B`);
  assert.ok(widget <= budget.widget, `the widget is ${widget} B gzipped, over its budget of ${budget.widget} B`);
});

// Writes every language's loader words (the `loader_*` messages of static/i18n/*.json) into the
// built loader, in place of the English it carries between its `loader words` markers.
// Usage: node scripts/loader-words.mjs dist/claim-annotator.js static/i18n
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [loader, folder] = process.argv.slice(2);
const words = {};
for (const file of (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()) {
  const table = JSON.parse(await readFile(join(folder, file), 'utf8'));
  words[file.replace(/\.json$/, '')] = Object.fromEntries(Object.entries(table).filter(([key]) => key.startsWith('loader_')));
}
const source = await readFile(loader, 'utf8');
const marked = /\/\* loader words \*\/[\s\S]*?\/\* end of loader words \*\//;
if (!marked.test(source)) throw new Error(`${loader}: no loader words markers`);
await writeFile(loader, source.replace(marked, () => JSON.stringify(words)));
console.log(`loader words: ${Object.keys(words).join(', ')}`);

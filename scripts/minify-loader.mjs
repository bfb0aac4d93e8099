// Minifies the built <claim-annotator> loader in place, after its words are written in
// (scripts/loader-words.mjs). It is the one file a news page loads up front on every view,
// engaged or not, so its bytes count on every page (4,491 → 2,712 B gzip at stop 26).
// Through scripts/minify-module.mjs, as the glue: exports, property names and strings stay (the
// element's name, its attributes, the storage key prefix), and nothing evaluates code. Its
// documentation stays in its source, static/claim-annotator.js, and in claim-annotator.d.ts.
// Usage: node scripts/minify-loader.mjs dist/claim-annotator.js
import { readFile, writeFile } from 'node:fs/promises';
import { minifyModule } from './minify-module.mjs';

const loader = process.argv[2];
if (!loader) throw new Error('usage: node scripts/minify-loader.mjs <loader file>');
const source = await readFile(loader, 'utf8');
const minified = await minifyModule(source, {
  preamble: '// <claim-annotator>: Claim Annotator\'s loader. Source and documentation: static/claim-annotator.js and claim-annotator.d.ts.',
}, 'loader');
await writeFile(loader, minified);
console.log(`${loader}: ${source.length} -> ${minified.length} bytes`);

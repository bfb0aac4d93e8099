// Minifies the built <claim-annotator> loader in place, after its words are written in
// (scripts/loader-words.mjs). It is the one file a news page loads up front on every view,
// engaged or not, so its bytes count on every page (4,491 → 2,712 B gzip at stop 26).
// terser compresses and mangles local names; exports, property names and strings stay as they
// are (the element's name, its attributes, the storage key prefix). No eval or `new Function`
// is added, so the loader still runs under a strict Content-Security-Policy. Its documentation
// stays in its source, static/claim-annotator.js, and in claim-annotator.d.ts.
// Usage: node scripts/minify-loader.mjs dist/claim-annotator.js
import { readFile, writeFile } from 'node:fs/promises';
import { minify } from 'terser';

const loader = process.argv[2];
if (!loader) throw new Error('usage: node scripts/minify-loader.mjs <loader file>');
const source = await readFile(loader, 'utf8');
const minified = await minify(source, {
  module: true,
  compress: { passes: 2 },
  mangle: true,
  format: { preamble: '// <claim-annotator>: Claim Annotator\'s loader. Source and documentation: static/claim-annotator.js and claim-annotator.d.ts.' },
});
if (!minified.code || /\beval\s*\(|new\s+Function\b/.test(minified.code)) {
  throw new Error('the minified loader is empty or evaluates code');
}
await writeFile(loader, minified.code);
console.log(`${loader}: ${source.length} -> ${minified.code.length} bytes`);

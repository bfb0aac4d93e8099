// Writes into dist/library-sw.js the files the library's service worker keeps for offline use,
// each with the SHA-256 of its bytes, and a version made from all of them: any change to any
// file makes a new worker, which the browser then installs. Run by scripts/build.sh after
// dist/ is complete.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

async function filesUnder(folder) {
  const entries = await readdir(join(dist, folder), { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dist, join(entry.parentPath, entry.name)));
}

// The library page and everything it loads: its script, styles, manifest and icons, the app
// build (glue, wasm, wasm-bindgen's snippets) and the language tables.
const files = [
  'library.html', 'library.js', 'library.webmanifest', 'demo.css',
  ...(await filesUnder('icons')),
  ...(await filesUnder('i18n')),
  ...(await filesUnder('app')).filter((path) => !path.endsWith('.d.ts')),
].map((path) => path.split('\\').join('/')).sort();

const hashes = {};
const whole = createHash('sha256');
for (const path of files) {
  const bytes = await readFile(join(dist, path));
  hashes[path] = createHash('sha256').update(bytes).digest('base64');
  whole.update(`${path}\0${hashes[path]}\n`);
}
const version = whole.digest('hex').slice(0, 16);

const worker = join(dist, 'library-sw.js');
const source = await readFile(worker, 'utf8');
const built = source
  .replace("const VERSION = 'unbuilt';", `const VERSION = '${version}';`)
  .replace('const FILES = {};', `const FILES = ${JSON.stringify(hashes, null, 2)};`);
if (built === source || built.includes("'unbuilt'")) throw new Error('library-sw.js: the VERSION and FILES lines were not found');
await writeFile(worker, built);
console.log(`library-sw.js: version ${version}, ${files.length} files`);

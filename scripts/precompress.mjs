// Writes `<file>.gz` (gzip -9) and `<file>.br` (brotli, quality 11) next to each file given and
// each file under each folder given, so a server can send them with Content-Encoding as they
// are, without compressing on every request. The originals stay: servers that do not
// negotiate encodings (tests/e2e/support.mjs, scripts/serve.sh) keep serving them.
// Usage: node scripts/precompress.mjs dist/pkg dist/claim-annotator.js
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

async function filesIn(path) {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

for (const argument of process.argv.slice(2)) {
  for (const file of await filesIn(argument)) {
    if (file.endsWith('.gz') || file.endsWith('.br')) continue;
    const body = await readFile(file);
    await writeFile(`${file}.gz`, gzipSync(body, { level: 9 }));
    await writeFile(`${file}.br`, brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }));
  }
}

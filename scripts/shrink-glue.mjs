// Shrinks what wasm-bindgen wrote into a package folder, before wasm-opt runs on the wasm:
//   1. every function the wasm imports from its JS glue gets a short name (`a`, `b`, … `aB`)
//      in both files: wasm-bindgen names them like `__wbg_instanceof_HtmlElement_ea32ea7121e0a496`,
//      about 70 bytes each, written once in the wasm's import section and again in the glue;
//   2. the glue is minified with terser (compress and mangle; property names, exports and the
//      strings the wasm reads stay as they are). No eval or `new Function` is added, so the
//      widget still runs under a strict Content-Security-Policy;
//   3. a snippet module that only returns its own `import.meta.url` (how the widget finds the
//      files beside it) becomes a function in the glue returning the same address: one request
//      fewer, made only after the glue had arrived.
// Usage: node scripts/shrink-glue.mjs dist/pkg   (expects claim_annotator_bg.wasm and claim_annotator.js)
import { readFile, writeFile } from 'node:fs/promises';
import { minify } from 'terser';

const folder = process.argv[2];
if (!folder) throw new Error('usage: node scripts/shrink-glue.mjs <package folder>');
const wasmPath = `${folder}/claim_annotator_bg.wasm`;
const gluePath = `${folder}/claim_annotator.js`;
// The module name under which the glue passes its functions to the wasm.
const GLUE_MODULE = './claim_annotator_bg.js';

const wasm = await readFile(wasmPath);
let glue = await readFile(gluePath, 'utf8');

// --- the wasm's import section (id 2): read, rename, write back --------------------------------

function readUnsigned(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function unsigned(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([unsigned(bytes.length), bytes]);
}

// Short names in order: a…z, A…Z, then two letters; never one the glue's object already has.
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let text = '';
  do {
    text = letters[index % letters.length] + text;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return text;
}

// The bytes an import's description takes after its kind byte.
function skipImportDescription(bytes, at, kind) {
  const skipLimits = (position) => {
    const flags = bytes[position++];
    let [, next] = readUnsigned(bytes, position);
    if (flags & 1) [, next] = readUnsigned(bytes, next);
    return next;
  };
  switch (kind) {
    case 0: return readUnsigned(bytes, at)[1]; // function: type index
    case 1: return skipLimits(at + 1); // table: reference type, limits
    case 2: return skipLimits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability (numeric and reference types are one byte)
    case 4: return readUnsigned(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm module`);
const renames = new Map();
const sections = [wasm.subarray(0, 8)];
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, bodyStart] = readUnsigned(wasm, at + 1);
  const bodyEnd = bodyStart + size;
  if (id !== 2) {
    sections.push(wasm.subarray(at, bodyEnd));
  } else {
    let [count, position] = readUnsigned(wasm, bodyStart);
    const entries = [unsigned(count)];
    for (let index = 0; index < count; index++) {
      const [moduleLength, moduleStart] = readUnsigned(wasm, position);
      const module = wasm.toString('utf8', moduleStart, moduleStart + moduleLength);
      const [fieldLength, fieldStart] = readUnsigned(wasm, moduleStart + moduleLength);
      const field = wasm.toString('utf8', fieldStart, fieldStart + fieldLength);
      const kindAt = fieldStart + fieldLength;
      const end = skipImportDescription(wasm, kindAt + 1, wasm[kindAt]);
      let newField = field;
      if (module === GLUE_MODULE) {
        if (!renames.has(field)) renames.set(field, shortName(renames.size));
        newField = renames.get(field);
      }
      entries.push(name(module), name(newField), wasm.subarray(kindAt, end));
      position = end;
    }
    if (position !== bodyEnd) throw new Error('the import section did not parse to its end');
    const body = Buffer.concat(entries);
    sections.push(Buffer.from([2]), unsigned(body.length), body);
  }
  at = bodyEnd;
}

// --- the glue: the same names, then minified ----------------------------------------------------

for (const [long, short] of renames) {
  // Each name is a whole word of the glue, written as a key of the imports object.
  const pattern = new RegExp(`\\b${long}\\b`, 'g');
  const found = glue.match(pattern)?.length ?? 0;
  if (found !== 1) throw new Error(`${long} occurs ${found} times in the glue, expected once`);
  glue = glue.replace(pattern, short);
}
// 3. Snippets that only say where they are: the same address, computed in the glue.
for (const [statement, names, path] of [...glue.matchAll(/import \{ (\w+) \} from '(\.\/snippets\/[^']+)';/g)]) {
  const snippet = await readFile(`${folder}/${path}`, 'utf8');
  if (snippet.trim() !== `export function ${names}() { return import.meta.url; }`) continue;
  glue = glue.replace(statement, `const ${names} = () => new URL('${path}', import.meta.url).href;`);
}
const minified = await minify(glue, {
  module: true,
  compress: { passes: 2 },
  mangle: true,
  // Keeps only the pointer to the glue's TypeScript types.
  format: { comments: /@ts-self-types/ },
});
if (!minified.code || /\beval\s*\(|new\s+Function\b/.test(minified.code)) {
  throw new Error('the minified glue is empty or evaluates code');
}

await writeFile(wasmPath, Buffer.concat(sections));
await writeFile(gluePath, minified.code);
console.log(`${folder}: ${renames.size} imports renamed, glue ${Buffer.byteLength(glue)} -> ${minified.code.length} bytes`);

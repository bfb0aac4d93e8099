// Shrinks what wasm-bindgen wrote into a package folder, before wasm-opt runs on the wasm:
//   1. every function the wasm imports from its JS glue gets a short name (`a`, `b`, … `aB`)
//      in both files: wasm-bindgen names them like `__wbg_instanceof_HtmlElement_ea32ea7121e0a496`,
//      about 70 bytes each, written once in the wasm's import section and again in the glue;
//   2. the glue is minified with terser (compress and mangle; property names, exports and the
//      strings the wasm reads stay as they are). No eval or `new Function` is added, so the
//      widget still runs under a strict Content-Security-Policy;
//   3. the snippet modules (the crate's `inline_js`, one file each under snippets/) become part
//      of the glue, and their files are deleted: each was one more request, made only after the
//      glue had arrived, on the way to the wasm's start. Their `import.meta.url` becomes the
//      same address computed in the glue. A snippet that is not only exported functions stops
//      the build, and so does any import of a snippet left in the glue.
// Usage: node scripts/shrink-glue.mjs dist/pkg   (expects claim_annotator_bg.wasm and claim_annotator.js)
import { readFile, rm, writeFile } from 'node:fs/promises';
import { minifyModule } from './minify-module.mjs';

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
// 3. The snippets, inlined: `import { f } from '<snippet>'` needs nothing more once the
// snippet's functions are in the glue, and `import * as importN from '<snippet>'` (the module
// the wasm imports them from) becomes an object of them.
const snippetImport = /^import (?:\{ ([\w, ]+) \}|\* as (\w+)) from (['"])(\.\/snippets\/[^'"]+)\3;?\n/gm;
const inlined = new Map();
for (const [statement, , namespace, , path] of [...glue.matchAll(snippetImport)]) {
  if (!inlined.has(path)) {
    const snippet = await readFile(`${folder}/${path}`, 'utf8');
    const names = [...snippet.matchAll(/^export function (\w+)\(/gm)].map((match) => match[1]);
    const rest = snippet.replace(/^export function \w+\(.*\}\s*$/gm, '').trim();
    if (!names.length || rest || /\bimport\s*\(|^\s*import\s/m.test(snippet)) {
      throw new Error(`${path}: a snippet to inline must be only one-line exported functions`);
    }
    for (const name of names) {
      if (new RegExp(`\\b(function|const|let|var|class) ${name}\\b`).test(glue)) throw new Error(`${name} is already defined in the glue`);
    }
    const functions = snippet
      .replace(/^export function /gm, 'function ')
      .replaceAll('import.meta.url', `new URL('${path}', import.meta.url).href`);
    inlined.set(path, { names, functions });
    // After the glue's first line, the `@ts-self-types` pointer, which must stay first.
    const firstLine = glue.indexOf('\n') + 1;
    glue = `${glue.slice(0, firstLine)}${functions.trim()}\n${glue.slice(firstLine)}`;
  }
  const { names } = inlined.get(path);
  glue = glue.replace(statement, namespace ? `const ${namespace} = { __proto__: null, ${names.join(', ')} };\n` : '');
}
if (/\bfrom\s*['"]\.\/snippets\/|\bimport\s*\(\s*['"]\.\/snippets\//.test(glue)) {
  throw new Error('the glue still imports a snippet file');
}
// Keeps only the pointer to the glue's TypeScript types.
const minified = await minifyModule(glue, { comments: /@ts-self-types/ }, 'glue');

await writeFile(wasmPath, Buffer.concat(sections));
await writeFile(gluePath, minified);
if (inlined.size) await rm(`${folder}/snippets`, { recursive: true });
console.log(`${folder}: ${renames.size} imports renamed, ${inlined.size} snippet(s) inlined, glue ${Buffer.byteLength(glue)} -> ${minified.length} bytes`);

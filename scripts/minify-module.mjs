// The one way the build minifies its JavaScript modules (the glue, in scripts/shrink-glue.mjs;
// the loader, in scripts/minify-loader.mjs): terser compresses and mangles local names, while
// exports, property names and strings stay as they are. The result is refused if it is empty
// or evaluates code (eval, `new Function`), which a strict Content-Security-Policy forbids.
import { minify } from 'terser';

/** `source` minified; `format` is terser's (which comments stay, a preamble); `what` names it in errors. */
export async function minifyModule(source, format, what) {
  const minified = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format });
  if (!minified.code || /\beval\s*\(|new\s+Function\b/.test(minified.code)) {
    throw new Error(`the minified ${what} is empty or evaluates code`);
  }
  return minified.code;
}

#!/usr/bin/env bash
# Builds the widget into dist/: a release .wasm (opt-level z, LTO), wasm-bindgen's JS glue and
# TypeScript types, short import names and a minified glue (scripts/shrink-glue.mjs), wasm-opt
# (scripts/wasm-opt.sh), the <claim-annotator> loader (its words in every language, minified:
# scripts/loader-words.mjs, scripts/minify-loader.mjs), the demo pages (the seed prerendered into index.html) and
# the articles, and a package.json, so dist/ is a package a site can copy or publish. The widget's files and the loader also get
# precompressed .gz and .br copies beside them. Prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PATH"

wasm=target/wasm32-unknown-unknown/release/claim_annotator.wasm
rm -rf dist
mkdir -p dist

# One build of the crate: bindings, then size optimisation, into dist/$1 (features: $2).
build_package() {
  cargo build --lib --release --target wasm32-unknown-unknown --features "$2"
  wasm-bindgen --target web --out-dir "dist/$1" "$wasm"
  node scripts/shrink-glue.mjs "dist/$1"
  scripts/wasm-opt.sh "dist/$1/claim_annotator_bg.wasm" -o "dist/$1/claim_annotator_bg.wasm"
  rm -f "dist/$1/claim_annotator_bg.wasm.d.ts"
}
# The widget a news page embeds, and the widget's own pages (classroom, library).
build_package pkg ""
build_package app app
cp -r static/* dist/
# The demo page with the seed article prerendered into its <claim-annotator> (a declarative
# shadow root), so the article paints before the WebAssembly has loaded; the widget's
# stylesheet beside the glue, linked from that shadow root.
cargo run --quiet --example prerender -- static/article.txt static/index.html dist/index.html dist/pkg/claim-annotator.css
# The same for an Arabic article: the element's lang="ar" makes the copy Arabic, right to left.
cargo run --quiet --example prerender -- static/sample-arabic.txt static/arabic.html dist/arabic.html dist/pkg/claim-annotator.css
node scripts/loader-words.mjs dist/claim-annotator.js static/i18n
node scripts/minify-loader.mjs dist/claim-annotator.js
# The library's service worker: the files it keeps offline, their hashes and the version.
node scripts/service-worker-files.mjs

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
cat > dist/package.json <<JSON
{
  "name": "claim-annotator",
  "version": "$version",
  "description": "Tag claims in a news article as allegation, denial or demand; kept in the reader's browser.",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "exports": {
    ".": { "types": "./claim-annotator.d.ts", "default": "./claim-annotator.js" },
    "./mount": { "types": "./pkg/claim_annotator.d.ts", "default": "./pkg/claim_annotator.js" },
    "./pkg/claim_annotator_bg.wasm": "./pkg/claim_annotator_bg.wasm"
  },
  "types": "./claim-annotator.d.ts",
  "files": ["claim-annotator.js", "claim-annotator.d.ts", "pkg/", "article.txt"],
  "sideEffects": ["./claim-annotator.js"]
}
JSON

# What a server can send as they are, with Content-Encoding: gzip or br.
node scripts/precompress.mjs dist/pkg dist/claim-annotator.js

size() { printf '%s bytes, %s gzipped, %s brotli' "$(stat -c %s "$1")" "$(gzip -9 -c "$1" | wc -c)" "$(stat -c %s "$1.br" 2>/dev/null || echo -)"; }
printf 'built dist/:\n  wasm   %s\n  glue   %s\n  loader %s\n  app wasm %s\n' \
  "$(size dist/pkg/claim_annotator_bg.wasm)" "$(size dist/pkg/claim_annotator.js)" "$(size dist/claim-annotator.js)" \
  "$(size dist/app/claim_annotator_bg.wasm)"

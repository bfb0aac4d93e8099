#!/usr/bin/env bash
# Builds the widget into dist/: a release .wasm (opt-level z, LTO), wasm-bindgen's JS glue,
# wasm-opt -Oz, the demo page and the articles. Prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --lib --release --target wasm32-unknown-unknown
rm -rf dist
mkdir -p dist/pkg
wasm-bindgen --target web --no-typescript --out-dir dist/pkg target/wasm32-unknown-unknown/release/claim_annotator.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/pkg/claim_annotator_bg.wasm -o dist/pkg/claim_annotator_bg.wasm
cp index.html dist/
cp static/*.txt dist/

wasm=dist/pkg/claim_annotator_bg.wasm
printf 'built dist/: %s bytes of wasm, %s gzipped\n' "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"

#!/usr/bin/env bash
# Where the widget's bytes go: builds the wasm as scripts/build.sh does, but keeps the function
# names (wasm-bindgen --keep-debug, wasm-opt -g) so twiggy can name each item, then prints the
# stripped sizes and `twiggy top`. Needs twiggy (`cargo install twiggy`).
# Usage: bench/size-top.sh [features] [rows] [out dir]   e.g. bench/size-top.sh "" 12 /tmp/size-top
set -euo pipefail
cd "$(dirname "$0")/.."
features="${1:-}"
rows="${2:-12}"
out="${3:-target/size-top}"
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --lib --release --target wasm32-unknown-unknown --features "$features"
rm -rf "$out"
wasm-bindgen --keep-debug --target web --out-dir "$out" target/wasm32-unknown-unknown/release/claim_annotator.wasm
node scripts/shrink-glue.mjs "$out"
scripts/wasm-opt.sh -g "$out/claim_annotator_bg.wasm" -o "$out/named.wasm"
scripts/wasm-opt.sh "$out/claim_annotator_bg.wasm" -o "$out/stripped.wasm"
printf 'wasm %s B raw, %s B gzip -9; glue %s B raw, %s B gzip -9\n' \
  "$(stat -c %s "$out/stripped.wasm")" "$(gzip -9 -c "$out/stripped.wasm" | wc -c)" \
  "$(stat -c %s "$out/claim_annotator.js")" "$(gzip -9 -c "$out/claim_annotator.js" | wc -c)"
twiggy top -n "$rows" "$out/named.wasm"

#!/usr/bin/env bash
# Builds the anchoring benchmark for the browser into target/bench-web/: the library with the
# `bench-support` feature (same release profile and wasm-opt -Oz as the widget), the widget
# itself, approx-string-match, and the benchmark page.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export PATH="$HOME/.cargo/bin:$PATH"
out=target/bench-web
rm -rf "$out"
mkdir -p "$out/pkg" "$out/widget"
cargo build --lib --release --target wasm32-unknown-unknown --features bench-support
wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" target/wasm32-unknown-unknown/release/claim_annotator.wasm
scripts/wasm-opt.sh "$out/pkg/claim_annotator_bg.wasm" -o "$out/pkg/claim_annotator_bg.wasm"
cp -r dist/* "$out/widget/"
cp node_modules/approx-string-match/build/src/index.js "$out/approx-string-match.js"
cp bench/anchoring.html "$out/index.html"

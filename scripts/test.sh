#!/usr/bin/env bash
# Runs every test on a fresh machine, installing what they need first:
#   1. native: cargo test (the pure core, the parser, the reducer, the stored format);
#   2. browser: wasm-bindgen-test in headless Chromium (DOM ranges, localStorage);
#   3. end to end: the built widget driven by Playwright in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"

printf '\n== native tests (every feature), and every target and bench compiles\n'
cargo test --locked --all-features
cargo check --locked --all-targets
cargo check --locked --all-targets --all-features
cargo check --locked --target wasm32-unknown-unknown --lib --features bench-support
# The browser tests too, before anything slow: their compile errors come out here, in seconds.
# They are built with the app's pages (`--features app`): browser_library tests the library's
# browser code, which the widget a news page embeds leaves out.
cargo check --locked --target wasm32-unknown-unknown --features app \
  --test browser_dom_text_position --test browser_local_store --test browser_host_story --test browser_library --test browser_after_paint --test browser_focus_return --test browser_effect_when_changed --test browser_component_state
# The browser benches are scripts: at least they must parse.
for bench in bench/*.mjs; do node --check "$bench"; done

printf '\n== browser tests (wasm-bindgen-test, headless Chromium)\n'
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --features app \
  --test browser_dom_text_position --test browser_local_store --test browser_host_story --test browser_library --test browser_after_paint --test browser_focus_return --test browser_effect_when_changed --test browser_component_state

printf '\n== end-to-end tests (Playwright, headless Chromium)\n'
scripts/build.sh
node --test --test-concurrency=1 tests/e2e/

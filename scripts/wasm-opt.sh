#!/usr/bin/env bash
# wasm-opt as every build of the widget runs it (scripts/build.sh, bench/size-top.sh,
# bench/build-wasm-bench.sh), so a measurement is of what ships. Extra arguments (-g, input,
# -o output) follow the flags.
# --merge-similar-functions first: Yew's many instances of one generic function that differ
# only in constants become one (1.2 KB gzip, December 2026). Then -Oz until nothing changes.
set -euo pipefail
exec "$(dirname "$0")/../node_modules/.bin/wasm-opt" --merge-similar-functions -Oz --converge --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$@"

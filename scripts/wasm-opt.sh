#!/usr/bin/env bash
# wasm-opt as every build of the widget runs it (scripts/build.sh, bench/size-top.sh,
# bench/build-wasm-bench.sh), so a measurement is of what ships. Extra arguments (-g, input,
# -o output) follow the flags.
# --merge-similar-functions first: Yew's many instances of one generic function that differ
# only in constants become one (1.2 KB gzip, December 2026). Then -Oz until nothing changes.
# --one-caller-inline-max-function-size=20: by default a function with one caller is inlined
# whatever its size. Inlining only the small ones makes the wasm 1.6 % larger raw but 6 %
# smaller gzipped (248,683 to 233,130 B) and 5 % smaller brotli, measured on the widget in
# December 2026 (0 gave 235,228 B, 10 gave 233,311 B, 50 gave 236,329 B, 200 gave 245,134 B).
# Likely why: those functions are mostly Yew's per-component copies of its generic code,
# nearly alike, which compress as repeats while they stay functions of their own and do not
# once inlined into different callers.
# --always-inline-max-function-size=6 (default 2): V8 compiles each wasm function on its first
# call, on the main thread, and the start calls about 1,600 of them. Inlining the tiniest ones
# into their callers leaves 3,368 functions instead of 3,717, and the demo page
# compiles 1,369-1,388 on first call before ready instead of 1,596-1,615
# (`node bench/start-compile.mjs 5`, December 2026), for 443 B more gzip (229,359 to 229,802 B).
# 4 gave 3,589 functions and 229,892 B, 5 gave 3,498 and 230,013 B, 7 gave 3,302 and 231,176 B,
# 8 gave 3,287 and 232,992 B.
set -euo pipefail
exec "$(dirname "$0")/../node_modules/.bin/wasm-opt" --merge-similar-functions -Oz --converge --strip-producers \
  --one-caller-inline-max-function-size=20 --always-inline-max-function-size=6 \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$@"

#!/usr/bin/env bash
# Installs what building and testing need on a fresh machine; fast when it is already there.
# Usage: scripts/setup.sh [build|test]   (test also installs Chromium and ChromeDriver)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"

log() { printf '\n== %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen's CLI must be exactly the version in Cargo.lock (Cargo.toml pins it with =).
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wanted" ]; then
  log "installing wasm-bindgen-cli $wanted (about 4 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "$wanted"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing node packages (binaryen's wasm-opt, playwright-core)"
  npm ci --no-audit --no-fund
fi

if [ "$what" = test ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Chromium and ChromeDriver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver
  fi
fi

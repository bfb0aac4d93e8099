#!/usr/bin/env bash
# Builds the widget and serves it on http://localhost:${PORT:-8080}/, opened on the seed article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
port="${PORT:-8080}"
echo "Claim Annotator: open http://localhost:$port/ (Ctrl+C stops the server)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist

#!/usr/bin/env bash
# tests/e2e/run.sh DYAD [OUT_DIR] - the page end to end in headless
# chromium against `dyad serve` on the ingested samples/. Needs chromium,
# node and `npm ci` in tests/e2e (scripts/setup web; scripts/test-all does
# both). Exit 77 (skipped) when one is missing.
set -euo pipefail
dyad=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(realpath -m "${2:-$root/build/e2e-output}")
cd "$root"
skip() { echo "e2e: SKIPPED: $*"; exit 77; }
[ -x /usr/bin/chromium ] || skip "no /usr/bin/chromium (scripts/setup web)"
command -v node >/dev/null || skip "no node (scripts/setup web)"
[ -d tests/e2e/node_modules/playwright-core ] || skip "no playwright-core (cd tests/e2e && npm ci)"

tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
"$dyad" ingest --db "$tmp/e2e.db" samples/ >/dev/null 2>"$tmp/ingest.log"
"$dyad" serve --db "$tmp/e2e.db" --port 0 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 100); do grep -qs 'serving' "$tmp/serve.log" && break; sleep 0.1; done
port=$(sed -n 's/.*:\([0-9][0-9]*\)\/ .*/\1/p' "$tmp/serve.log")
[ -n "$port" ] || { cat "$tmp/serve.log"; exit 1; }
timeout 180 node tests/e2e/serve.e2e.js "http://127.0.0.1:$port/" "$out"

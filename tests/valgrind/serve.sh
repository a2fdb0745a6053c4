#!/usr/bin/env bash
# tests/valgrind/serve.sh DYAD - `dyad serve` under valgrind memcheck: every
# route once (answers and errors), then SIGTERM; fails on any memcheck
# error or definite leak. Run by scripts/test-all's valgrind tier.
set -uo pipefail
dyad=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$dyad" ingest --db "$tmp/s.db" samples/ >/dev/null 2>&1 || exit 1
valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
  "$dyad" serve --db "$tmp/s.db" --port 0 2>"$tmp/log" &
pid=$!
for _ in $(seq 300); do grep -qs serving "$tmp/log" && break; sleep 0.2; done
port=$(sed -n 's/.*:\([0-9][0-9]*\)\/ .*/\1/p' "$tmp/log")
[ -n "$port" ] || { kill "$pid"; cat "$tmp/log"; exit 1; }
for u in "/api/events?dyad=DZA,RUS" "/api/events?actor=DZA&format=csv" "/api/events?format=plover" \
         "/api/timeline?dyad=DZA,RUS&by=week" "/api/timeline?dyad=DZA,RUS&from=2022-03-15&to=2023-02-10&by=month" \
         "/api/timeline?actor=DZA&from=2021-11-20&by=week" "/api/timeline?actor=RUS&to=2022-12-09&by=year" \
         "/api/timeline?from=2022-10-02&to=2022-11-30" "/api/events/1" "/api/search?q=exercise" "/api/actors" \
         "/api/dyads?level=country" "/api/dyads?level=country&mentions=0&actor=DZA" "/api/places" "/api/documents/1" "/api/info" "/api/events?text=%22bad" \
         "/api/nope" "/" "/vendor/leaflet/leaflet.js" "/%2e%2e/etc/passwd" "/%00x" "/api/events?limit=9999" \
         "/api/events?actor=DZA&offset=3&sort=-goldstein"; do
  curl -s -o /dev/null --path-as-is "http://127.0.0.1:$port$u" || { echo "request $u failed"; }
done
curl -s -o /dev/null -X POST -d x=1 "http://127.0.0.1:$port/api/info"
kill "$pid"; wait "$pid"; rc=$?
cat "$tmp/log"
[ "$rc" -eq 0 ] && grep -q 'SIGTERM: stopping' "$tmp/log" && echo "serve valgrind: clean" && exit 0
echo "serve valgrind: FAILED (rc $rc)"; exit 1

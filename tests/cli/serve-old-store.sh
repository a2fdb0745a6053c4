#!/usr/bin/env bash
# tests/cli/serve-old-store.sh DYAD - `dyad serve` opens stores read-only
# and does not migrate them: a store of schema 5 (before mentions kept
# where their date and place came from) still shows an event's evidence,
# with date_source and place_source null; a current store gives them.
set -uo pipefail
dyad=$(realpath "$1")
command -v curl >/dev/null || { echo "serve-old-store: SKIPPED: no curl"; exit 77; }
command -v sqlite3 >/dev/null || { echo "serve-old-store: SKIPPED: no sqlite3"; exit 77; }
command -v python3 >/dev/null || { echo "serve-old-store: SKIPPED: no python3"; exit 77; }
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$dyad" ingest --db "$tmp/v6.db" samples/ >/dev/null 2>&1 || fail "ingest"
cp "$tmp/v6.db" "$tmp/v5.db"
sqlite3 "$tmp/v5.db" "ALTER TABLE mentions DROP COLUMN date_source; ALTER TABLE mentions DROP COLUMN place_source;
  DELETE FROM migrations WHERE version >= 6; UPDATE meta SET value = '5' WHERE key = 'schema_version';" \
  || fail "downgrade to schema 5"
id=$(sqlite3 "$tmp/v6.db" "SELECT min(event_id) FROM mentions")
[ -n "$id" ] || fail "no mentions in the samples' store"

for v in 5 6; do
  "$dyad" serve --db "$tmp/v$v.db" --port 0 2>"$tmp/serve$v.log" &
  pid=$!
  for _ in $(seq 100); do grep -qs 'serving' "$tmp/serve$v.log" && break; sleep 0.1; done
  port=$(sed -n 's/.*:\([0-9][0-9]*\)\/ .*/\1/p' "$tmp/serve$v.log")
  [ -n "$port" ] || fail "schema $v: server did not start: $(cat "$tmp/serve$v.log")"
  code=$(curl -s -o "$tmp/ev$v" -w '%{http_code}' "http://127.0.0.1:$port/api/events/$id")
  [ "$code" = 200 ] || fail "schema $v: /api/events/$id answered $code: $(head -c 300 "$tmp/ev$v")"
  python3 - "$tmp/ev$v" "$v" <<'PY' || fail "schema $v: evidence"
import json, sys
ev = json.load(open(sys.argv[1]))
assert ev["evidence"], "no evidence"
for m in ev["evidence"]:
    assert "date_source" in m and "place_source" in m, m.keys()
    if sys.argv[2] == "5":
        assert m["date_source"] is None and m["place_source"] is None
if sys.argv[2] == "6":
    assert any(m["date_source"] for m in ev["evidence"]), "schema 6: no date_source"
PY
  kill "$pid"; wait "$pid" 2>/dev/null; pid=
done
echo "serve-old-store: ok"

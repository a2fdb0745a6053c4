#!/usr/bin/env bash
# tests/cli/store_queries.sh DYAD - the query commands on the samples coded
# with dyad's own dictionaries: invariants that hold whatever the
# dictionaries code (counts agree with the mentions table, formats parse,
# filters filter, `why` shows the spans), not particular events.
set -euo pipefail
dyad=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 CLI missing (scripts/setup installs it)"
db=$tmp/q.db
q() { sqlite3 "$db" "$1"; }
"$dyad" ingest --db "$db" samples/ >/dev/null 2>"$tmp/err" || fail "ingest: $(cat "$tmp/err")"
ev=$(q "SELECT count(*) FROM events")
[ "$ev" -gt 0 ] || fail "no events coded from samples/ (dictionaries in data/?)"

# Event counts agree with their mentions.
[ "$(q "SELECT count(*) FROM events e WHERE n_mentions <> (SELECT count(DISTINCT doc_id || ':' || sentence) FROM mentions m WHERE m.event_id = e.id)")" = 0 ] || fail "n_mentions"
[ "$(q "SELECT count(*) FROM events e WHERE n_articles <> (SELECT count(DISTINCT doc_id) FROM mentions m WHERE m.event_id = e.id)")" = 0 ] || fail "n_articles"
[ "$(q "SELECT count(*) FROM events e WHERE n_sources <> (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id)")" = 0 ] || fail "n_sources"
[ "$(q "SELECT count(*) FROM mentions WHERE sentence_id IS NULL")" = 0 ] || fail "mentions without sentence_id"

# Formats: every line of jsonl/plover is JSON; gdelt rows have the header's columns; csv has a header.
"$dyad" events --db "$db" -f jsonl > "$tmp/e.jsonl"
"$dyad" events --db "$db" -f plover > "$tmp/e.plover"
python3 - "$tmp/e.jsonl" "$tmp/e.plover" "$ev" <<'PY' || fail "jsonl/plover output"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == int(sys.argv[3]), (len(rows), sys.argv[3])
assert all(r["source"] and r["cameo"] and r["mentions"] >= 1 for r in rows)
dates = [r["date"] or "" for r in rows]
pl = [json.loads(l) for l in open(sys.argv[2])]
assert len(pl) == len(rows) and all(p["id"].startswith("dyad-") for p in pl)
PY
"$dyad" events --db "$db" -f gdelt | awk -F'\t' 'NR == 1 { n = NF } NF != n { exit 1 }' || fail "gdelt columns"
[ "$("$dyad" events --db "$db" -f csv | head -1 | cut -d, -f1-3)" = "id,date,date_end" ] || fail "csv header"

# Filters: --dyad either direction, --actor prefix, --code prefix, dates, limit.
"$dyad" events --db "$db" --dyad DZA,RUS -f jsonl > "$tmp/d.jsonl"
python3 - "$tmp/d.jsonl" <<'PY' || fail "--dyad DZA,RUS"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows, "no DZA-RUS events"
for r in rows:
    s, t = r["source"], r["target"]
    assert (s.startswith("DZA") and t.startswith("RUS")) or (s.startswith("RUS") and t.startswith("DZA")), r
PY
n_dyad=$(grep -c . "$tmp/d.jsonl")
[ "$n_dyad" = "$(q "SELECT count(*) FROM events WHERE (source LIKE 'DZA%' AND target LIKE 'RUS%') OR (source LIKE 'RUS%' AND target LIKE 'DZA%')")" ] || fail "--dyad count"
[ "$("$dyad" events --db "$db" --actor DZA -f csv | tail -n +2 | wc -l)" = "$(q "SELECT count(*) FROM events WHERE source LIKE 'DZA%' OR target LIKE 'DZA%'")" ] || fail "--actor count"
[ "$("$dyad" events --db "$db" --code 04 -f csv | tail -n +2 | wc -l)" = "$(q "SELECT count(*) FROM events WHERE cameo LIKE '04%'")" ] || fail "--code count"
[ "$("$dyad" events --db "$db" --from 2023-01-01 --to 2023-06-30 -f csv | tail -n +2 | wc -l)" = "$(q "SELECT count(*) FROM events WHERE date >= '2023-01-01' AND date <= '2023-06-30'")" ] || fail "--from/--to"
[ "$("$dyad" events --db "$db" --limit 2 -f csv | tail -n +2 | wc -l)" = 2 ] || fail "--limit"

# Timeline: the period counts add up to the dyad's dated events.
tl=$("$dyad" timeline --db "$db" DZA RUS --by year | awk '/^[0-9][0-9][0-9][0-9] / { s += $(NF-3) } END { print s + 0 }')
[ "$tl" = "$(q "SELECT count(*) FROM events WHERE date IS NOT NULL AND coarse < 2 AND ((source LIKE 'DZA%' AND target LIKE 'RUS%') OR (source LIKE 'RUS%' AND target LIKE 'DZA%'))")" ] || fail "timeline total $tl"

# why: each mention with its sentence and marked spans; search finds sentences.
id=$(q "SELECT id FROM events ORDER BY n_mentions DESC, id LIMIT 1")
"$dyad" why --db "$db" "$id" > "$tmp/why"
grep -q "^event $id:" "$tmp/why" || fail "why header"
[ "$(grep -c "^  mention " "$tmp/why")" = "$(q "SELECT count(*) FROM mentions WHERE event_id = $id")" ] || fail "why mentions"
grep -q "\[S: " "$tmp/why" || fail "why: no source span marked"
grep -q "pattern: " "$tmp/why" || fail "why: no pattern"
"$dyad" search --db "$db" '"joint exercise"' > "$tmp/s"
grep -q "hit" "$tmp/s" && ! grep -q "(0 hits)" "$tmp/s" || fail "search found nothing"
"$dyad" actors --db "$db" | grep -q "^  DZA" || fail "actors"
# Errors: missing store, bad options.
"$dyad" events --db "$tmp/none.db" >/dev/null 2>&1 && fail "missing store accepted"
"$dyad" events --db "$db" --dyad DZA >/dev/null 2>&1 && fail "bad --dyad accepted"
"$dyad" timeline --db "$db" DZA RUS --by day >/dev/null 2>&1 && fail "bad --by accepted"
echo "store_queries: ok ($ev events)"

#!/usr/bin/env bash
# tests/cli/serve-summary.sh DYAD - the read side of schema 3:
#  * timeline_counts (kept by triggers on events) equals the same counts
#    recomputed here in Python from the events, after an ingest in two
#    runs (the second re-reads the first's files: duplicates, merges,
#    count bumps), after events are edited and deleted by hand, and after
#    the migration's backfill on a store that lacked the table;
#  * /api/timeline read from timeline_counts equals the timeline computed
#    here from the events, and equals the server's own events-scan path
#    (min_sources=1 forces it: every stored event has a source);
#  * /api/events of a three-letter dyad, read in date order from the
#    events_st3 index, equals the general path (min_sources=1), in every
#    sort by date, page, offset and export format.
set -uo pipefail
dyad=$(realpath "$1")
command -v curl >/dev/null || { echo "serve-summary: SKIPPED: no curl"; exit 77; }
command -v python3 >/dev/null || { echo "serve-summary: SKIPPED: no python3"; exit 77; }

tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fails=0; n=0
ok()   { n=$((n+1)); echo "ok $n - $1"; }
fail() { n=$((n+1)); fails=$((fails+1)); echo "not ok $n - $1"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }

# Python: the counts of timeline_counts recomputed from events, compared
# with the table (rows of zero events are ignored: what the triggers leave
# when a period's last event moves away).
cat > "$tmp/counts.py" <<'PY'
import sqlite3, sys, datetime
EXCL = -1000000
def keys(day, coarse):
    ok = 1721060 <= day <= 5373484
    d = datetime.date.fromordinal(day - 1721425) if ok and day >= 1721426 else None
    y = d.year if d else None
    out = [(0, y * 12 + d.month - 1 if d and coarse <= 1 else EXCL),
           (1, day - day % 7 if ok and coarse == 0 else EXCL),
           (2, y if d and coarse <= 2 else EXCL)]
    if coarse in (1, 2):   # schema 5: month- and year-precise events per month
        out.append((2 + coarse, y * 12 + d.month - 1 if d else EXCL))
    return out
def expected(c):
    out = {}
    for s, t, day, coarse, quad, g, mod in c.execute(
            "SELECT source, target, day, coarse, quad, goldstein, modality FROM events"):
        for by, k in keys(day, coarse):
            r = out.setdefault((s[:3], t[:3], by, k), [0] * 10)
            r[0] += 1
            quad = 0 if quad is None else quad   # no QuadClass counts as neutral
            if quad in (0, 1, 2, 3, 4): r[1 + quad] += 1
            r[6] += mod == 'asserted'
            r[7] += mod in ('planned', 'future')
            if g is not None:
                r[8] += 1; r[9] += int(round(g * 1000))
    return out
c = sqlite3.connect(sys.argv[1])
got = {tuple(r[:4]): list(r[4:]) for r in c.execute(
    "SELECT s3, t3, by, period, events, q0, q1, q2, q3, q4, asserted, planned, n_gold, gold"
    " FROM timeline_counts WHERE events <> 0")}
want = expected(c)
bad = [k for k in set(got) | set(want) if got.get(k) != want.get(k)]
for k in bad[:5]:
    print("  %s: table %s, events %s" % (k, got.get(k), want.get(k)))
n_events = c.execute("SELECT count(*) FROM events").fetchone()[0]
sys.exit(1 if bad or not want or n_events == 0 else 0)
PY

# two ingest runs: half the samples, then all of them again
mkdir -p "$tmp/half"
for f in $(ls samples/ | head -7); do cp "samples/$f" "$tmp/half/"; done
"$dyad" ingest --db "$tmp/s.db" "$tmp/half" >/dev/null 2>&1 || { echo "ingest failed"; exit 1; }
check "timeline_counts = events after a first ingest" python3 "$tmp/counts.py" "$tmp/s.db"
"$dyad" ingest --db "$tmp/s.db" samples/ tests/fixtures/intra-country.jsonl >/dev/null 2>&1 || { echo "ingest failed"; exit 1; }
check "timeline_counts = events after a second ingest (merges, duplicates)" python3 "$tmp/counts.py" "$tmp/s.db"
check "schema version 3" test "$(python3 -c "import sqlite3; print(sqlite3.connect('$tmp/s.db').execute('SELECT max(version) FROM migrations').fetchone()[0])")" -ge 3

# edits by hand go through the triggers: moved dates, changed codes and
# modality, deleted events
cp "$tmp/s.db" "$tmp/edit.db"
python3 - "$tmp/edit.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
ids = [r[0] for r in c.execute("SELECT id FROM events ORDER BY id")]
assert len(ids) >= 6, ids
c.execute("UPDATE events SET day = day + 40, quad = 4, goldstein = -9.5 WHERE id = ?", (ids[0],))
c.execute("UPDATE events SET modality = 'planned', coarse = 1 WHERE id = ?", (ids[1],))
c.execute("UPDATE events SET source = 'XYZGOV', target = 'DZA' WHERE id = ?", (ids[2],))
c.execute("UPDATE events SET goldstein = NULL, coarse = 3, day = 0 WHERE id = ?", (ids[3],))
c.execute("UPDATE events SET n_mentions = n_mentions + 5 WHERE id = ?", (ids[4],))
c.execute("DELETE FROM events WHERE id = ?", (ids[5],))
c.commit()
PY
check "timeline_counts = events after updates and deletes" python3 "$tmp/counts.py" "$tmp/edit.db"

# the migration's backfill: a store without the table gets it filled
cp "$tmp/s.db" "$tmp/old.db"
python3 tests/cli/store-downgrade-v4.py "$tmp/old.db"   # migration 4 first
python3 - "$tmp/old.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for t in ("events_tl_insert", "events_tl_delete", "events_tl_update"):
    c.execute("DROP TRIGGER " + t)
c.execute("DROP TABLE timeline_counts")
c.execute("DROP INDEX events_st3")
c.execute("DELETE FROM migrations WHERE version >= 3")
c.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
c.commit()
PY
"$dyad" events --db "$tmp/old.db" --limit 1 >/dev/null || fail "opening a schema 2 store"
check "timeline_counts = events after the migration's backfill" python3 "$tmp/counts.py" "$tmp/old.db"

# ---- the server: summary path against events computed here and against
# its own general path
"$dyad" serve --db "$tmp/s.db" --port 0 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 100); do grep -qs 'serving' "$tmp/serve.log" && break; sleep 0.1; done
port=$(sed -n 's/.*:\([0-9][0-9]*\)\/ .*/\1/p' "$tmp/serve.log")
[ -n "$port" ] || { cat "$tmp/serve.log"; exit 1; }
base="http://127.0.0.1:$port"
check "every event has a source (min_sources=1 selects them all)" \
  test "$(python3 -c "import sqlite3; print(sqlite3.connect('$tmp/s.db').execute('SELECT count(*) FROM events WHERE n_sources < 1').fetchone()[0])")" = 0

same() {  # same PATH: PATH and PATH&min_sources=1 answer the same bytes
  local ca cb
  ca=$(curl -s -o "$tmp/a" -w '%{http_code}' "$base$1"); cb=$(curl -s -o "$tmp/b" -w '%{http_code}' "$base$1&min_sources=1")
  if [ "$ca" = 200 ] && [ "$cb" = 200 ] && cmp -s "$tmp/a" "$tmp/b"; then ok "same answer: $1"
  else fail "same answer: $1 ($(head -c 200 "$tmp/a") / $(head -c 200 "$tmp/b"))"; fi
}
for q in "dyad=DZA,RUS" "dyad=RUS,DZA" "dyad=DZA,DZA" "actor=DZA" "actor=RUS" "dyad=ZZZ,YYY"; do
  for by in month week year; do same "/api/timeline?$q&by=$by"; done
done
for q in "dyad=DZA,RUS" "dyad=RUS,DZA" "dyad=DZA,DZA" "dyad=DZA,ESP" "dyad=ZZZ,YYY" "dyad=DZA,RUS&from=2022-11&to=2022-12"; do
  for s in date -date; do
    same "/api/events?$q&sort=$s"
    same "/api/events?$q&sort=$s&limit=2&offset=1"
  done
  same "/api/events?$q&format=csv"
  same "/api/events?$q&format=plover"
done
same "/api/events?dyad=DZA,RUS&offset=100000"

# the API's timeline against one computed here from the events
cat > "$tmp/tl.py" <<'PY'
import json, sqlite3, sys, datetime, urllib.request
db, base, q, by = sys.argv[1:5]
c = sqlite3.connect(db)
args = dict(a.split("=") for a in q.split("&"))
def match(s, t):
    if "dyad" in args:
        a, b = args["dyad"].split(",")
        return (s.startswith(a) and t.startswith(b)) or (s.startswith(b) and t.startswith(a))
    return s.startswith(args["actor"]) or t.startswith(args["actor"])
maxc = {"month": 1, "week": 0, "year": 2}[by]
per, excl = {}, 0
for s, t, day, coarse, quad, g in c.execute("SELECT source, target, day, coarse, quad, goldstein FROM events"):
    if not match(s, t): continue
    if coarse > maxc or not 1721060 <= day <= 5373484: excl += 1; continue
    d = datetime.date.fromordinal(day - 1721425)
    k = d.isoformat() if by == "week" and d.weekday() == 0 else \
        (d - datetime.timedelta(days=d.weekday())).isoformat() if by == "week" else \
        "%04d-%02d" % (d.year, d.month) if by == "month" else "%04d" % d.year
    p = per.setdefault(k, [0, [0] * 5, 0, 0])
    p[0] += 1
    quad = 0 if quad is None else quad
    if quad in range(5): p[1][quad] += 1
    if g is not None: p[2] += 1; p[3] += g
j = json.load(urllib.request.urlopen("%s/api/timeline?%s&by=%s" % (base, q, by)))
got = {p["period"]: p for p in j["periods"]}
okay = j["excluded_imprecise"] == excl and sorted(got) == sorted(per) and [p["period"] for p in j["periods"]] == sorted(per)
for k, (n, qd, ng, gs) in per.items():
    p = got.get(k)
    okay = okay and p is not None and p["events"] == n and p["quad"] == qd and \
        (p["mean_goldstein"] is None if ng == 0 else abs(p["mean_goldstein"] - gs / ng) < 0.0011)
sys.exit(0 if okay and per else 1)
PY
for q in "dyad=DZA,RUS" "dyad=DZA,DZA" "actor=DZA"; do
  for by in month week year; do
    check "timeline of $q by $by = the events' own" python3 "$tmp/tl.py" "$tmp/s.db" "$base" "$q" "$by"
  done
done

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "1..$n"
[ "$fails" = 0 ]

#!/usr/bin/env bash
# tests/cli/serve-timeline-range.sh DYAD - /api/timeline over a date range
# read from the summaries (schema 5: whole months from timeline_counts,
# partial months and weeks from the events) answers exactly what the
# events scan answers (min_sources=1 forces the scan: every event has a
# source), on a generated store with day-, month-, year-precise and
# undated events, dates out of the summaries' range, mid-month dates of
# month-precise events and hand edits, for random ranges (both ends,
# one end, one day, across years), every granularity, dyads in both
# orders, a dyad of one actor, an actor and the whole store. Then a
# summary row is falsified: the ranged answers that read it must change
# (the fast path is the one tested).
set -uo pipefail
dyad=$(realpath "$1")
command -v curl >/dev/null || { echo "serve-timeline-range: SKIPPED: no curl"; exit 77; }
command -v python3 >/dev/null || { echo "serve-timeline-range: SKIPPED: no python3"; exit 77; }

tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fails=0; n=0
ok()   { n=$((n+1)); echo "ok $n - $1"; }
fail() { n=$((n+1)); fails=$((fails+1)); echo "not ok $n - $1"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }

"$dyad" ingest --db "$tmp/r.db" samples/ >/dev/null 2>&1 || { echo "ingest failed"; exit 1; }

# random events, written through the triggers like any writer's
python3 - "$tmp/r.db" <<'PY' || { echo "generating events failed"; exit 1; }
import random, sqlite3, sys, datetime
rnd = random.Random(20261121)
c = sqlite3.connect(sys.argv[1])
ACTORS = ["DZA", "DZAGOV", "DZAMIL", "RUS", "RUSGOV", "USA", "FRA", "IGOUNO", "XY"]
MODS = ["asserted", "planned", "future", "negated", None]
JD0 = 1721425   # Julian day number of 0001-01-01 minus one (ordinal 0)
def jd(y, m, d): return datetime.date(y, m, d).toordinal() + JD0
rows = []
for i in range(4000):
    s, t = rnd.choice(ACTORS), rnd.choice(ACTORS)
    y, m, d = rnd.randint(2018, 2023), rnd.randint(1, 12), rnd.randint(1, 28)
    coarse = rnd.choices([0, 1, 2, 3], [80, 10, 6, 4])[0]
    if coarse == 1:
        day, date = jd(y, m, 1), "%04d-%02d" % (y, m)
    elif coarse == 2:
        day, date = jd(y, 1, 1), "%04d" % y
    elif coarse == 3:
        day, date = 0, None
    else:
        day, date = jd(y, m, d), "%04d-%02d-%02d" % (y, m, d)
    quad = rnd.choice([0, 1, 2, 3, 4, None])
    g = None if rnd.random() < 0.1 else round(rnd.uniform(-10, 10), 1)
    rows.append((s, t, s[:3], t[:3], "040", "04", quad, g, date, day, coarse, rnd.choice(MODS)))
# odd ones: a month-precise event dated mid-month, a year-precise one in
# June (hand-made), days outside the years the summaries date, day 0
# events with a coarse that claims a date
rows += [("DZA", "RUS", "DZA", "RUS", "040", "04", 1, 1.0, "2020-05", jd(2020, 5, 17), 1, "asserted"),
         ("RUS", "DZA", "DZA", "RUS", "040", "04", 2, 2.5, "2021", jd(2021, 6, 9), 2, "planned"),
         ("DZA", "RUS", "DZA", "RUS", "040", "04", 3, -2.0, "9999-12-31", jd(9999, 12, 31), 0, None),
         ("DZA", "USA", "DZA", "USA", "040", "04", 4, -9.0, None, 5373490, 0, None),
         ("DZA", "RUS", "DZA", "RUS", "040", "04", 0, 0.0, None, 0, 0, None),
         ("USA", "DZA", "DZA", "USA", "040", "04", 1, None, "0001-01-02", jd(1, 1, 2), 0, "future")]
c.executemany("INSERT INTO events(source, target, actor_a, actor_b, cameo, root, quad, goldstein, date,"
              " day, coarse, modality, symmetric, n_mentions, n_articles, n_sources)"
              " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,0,1,1,1)", rows)
# hand edits: moved days, changed precision, actors and codes, deletions
ids = [r[0] for r in c.execute("SELECT id FROM events ORDER BY id DESC LIMIT 400")]
for i in ids[:60]:
    c.execute("UPDATE events SET day = day + ?, coarse = ? WHERE id = ?", (rnd.randint(-40, 40), rnd.randint(0, 2), i))
for i in ids[60:90]:
    c.execute("UPDATE events SET source = ?, quad = ?, goldstein = ? WHERE id = ?",
              (rnd.choice(ACTORS), rnd.randint(0, 4), rnd.uniform(-10, 10), i))
for i in ids[90:120]:
    c.execute("DELETE FROM events WHERE id = ?", (i,))
# the store lists every actor code it writes (the general path expands
# prefixes through this table)
c.execute("INSERT OR IGNORE INTO actors(code) SELECT source FROM events UNION SELECT target FROM events")
c.commit()
assert c.execute("SELECT count(*) FROM events WHERE n_sources < 1").fetchone()[0] == 0
PY
check "schema 5 (timeline rows of month- and year-precise events)" \
  test "$(python3 -c "import sqlite3; print(sqlite3.connect('$tmp/r.db').execute('SELECT max(version) FROM migrations').fetchone()[0])")" -ge 5

"$dyad" serve --db "$tmp/r.db" --port 0 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 100); do grep -qs 'serving' "$tmp/serve.log" && break; sleep 0.1; done
port=$(sed -n 's/.*:\([0-9][0-9]*\)\/ .*/\1/p' "$tmp/serve.log")
[ -n "$port" ] || { cat "$tmp/serve.log"; exit 1; }
base="http://127.0.0.1:$port"

# compare.py BASE SEED COUNT: COUNT random ranged timelines, the summary
# answer against the scan's, byte for byte; prints the differing ones
cat > "$tmp/compare.py" <<'PY'
import random, sys, urllib.request, urllib.error, calendar
base, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
WHO = ["dyad=DZA,RUS", "dyad=RUS,DZA", "dyad=DZA,DZA", "dyad=DZA,USA", "actor=DZA", "actor=USA", "actor=XY", ""]
def date():
    y = rnd.choice([rnd.randint(2017, 2024)] * 8 + [1, 9999])
    m = rnd.randint(1, 12)
    k = rnd.random()
    if k < 0.15: return "%04d" % y
    if k < 0.35: return "%04d-%02d" % (y, m)
    d = rnd.choice([1, 2, rnd.randint(1, 28), calendar.monthrange(y, m)[1]])
    return "%04d-%02d-%02d" % (y, m, d)
def get(url):
    try:
        with urllib.request.urlopen(url) as r: return r.status, r.read()
    except urllib.error.HTTPError as e: return e.code, e.read()
bad = 0
for i in range(count):
    a, b = sorted([date(), date()])
    k = rnd.random()
    rng = "from=%s&to=%s" % (a, b) if k < 0.7 else ("from=" + a if k < 0.85 else "to=" + b)
    if rnd.random() < 0.1:   # a single day or month
        rng = "from=%s&to=%s" % (a, a)
    q = "&".join(x for x in [rnd.choice(WHO), rng, "by=" + rnd.choice(["month", "week", "year"])] if x)
    fast, slow = get("%s/api/timeline?%s" % (base, q)), get("%s/api/timeline?%s&min_sources=1" % (base, q))
    if fast != slow or fast[0] != 200 and not (fast[0] == 400 and b"from: after to" in fast[1]):
        bad += 1
        if bad <= 5:
            print("  %s\n    summary %s %s\n    scan    %s %s" % (q, fast[0], fast[1][:300], slow[0], slow[1][:300]))
print("  %d of %d ranged timelines differ" % (bad, count))
sys.exit(1 if bad else 0)
PY
check "600 random ranged timelines: summaries = events scan" python3 "$tmp/compare.py" "$base" 1 600
for q in "dyad=DZA,RUS&from=2018-03-15&to=2023-08-20" "actor=DZA&from=2019-01-01&to=2019-01-31" "from=2020-02-03&to=2020-02-09" \
         "dyad=DZA,RUS&from=2018-01-01&to=2023-12-31" "actor=RUS&to=2020-06-15" "dyad=DZA,USA&from=2022-12-31"; do
  for by in month week year; do
    a=$(curl -s "$base/api/timeline?$q&by=$by"); b=$(curl -s "$base/api/timeline?$q&by=$by&min_sources=1")
    check "same ranged timeline: $q&by=$by" test "$a" = "$b" -a -n "$a"
  done
done

# a falsified row of month-precise events (read only for ranges, to
# exclude them from week timelines) and one of year-precise events must
# show in the ranged answers: the summaries are what is read
python3 - "$tmp/r.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for by in (3, 4):
    n = c.execute("UPDATE timeline_counts SET events = events + 7 WHERE (s3, t3, by, period) IN"
                  " (SELECT s3, t3, by, period FROM timeline_counts WHERE s3 = 'DZA' AND t3 = 'RUS' AND by = ?"
                  " AND period BETWEEN 2018*12 AND 2023*12+11 AND events > 0 LIMIT 1)", (by,)).rowcount
    assert n == 1, (by, n)
c.commit()
PY
for by in week month; do
  a=$(curl -s "$base/api/timeline?dyad=DZA,RUS&from=2018-01-01&to=2023-12-31&by=$by")
  b=$(curl -s "$base/api/timeline?dyad=DZA,RUS&from=2018-01-01&to=2023-12-31&by=$by&min_sources=1")
  check "a falsified summary row changes the ranged $by timeline (the summaries are read)" test "$a" != "$b" -a -n "$a"
done

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "1..$n"
[ "$fails" = 0 ]

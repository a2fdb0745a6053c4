#!/usr/bin/env bash
# tests/cli/serve-api.sh DYAD - `dyad serve` API tests against a store of
# the ingested samples/: every endpoint (answers cross-checked with the
# `dyad events` command on the same store), bad parameters (400 with a
# message), unknown ids and routes (404), methods (405), oversized queries
# (413), path traversal (403/404, symlink escape included), security
# headers, a read-only database, and a clean stop on SIGTERM.
set -uo pipefail
dyad=$(realpath "$1")
command -v curl >/dev/null || { echo "serve-api: SKIPPED: no curl"; exit 77; }

tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fails=0; n=0
ok()   { n=$((n+1)); echo "ok $n - $1"; }
fail() { n=$((n+1)); fails=$((fails+1)); echo "not ok $n - $1"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }

"$dyad" ingest --db "$tmp/s.db" samples/ >/dev/null 2>"$tmp/ingest.log" || { echo "ingest failed"; exit 1; }
# One event inside one country (DZAGOV -> DZAMIL), for the overlapping-prefix checks.
"$dyad" ingest --db "$tmp/s.db" tests/fixtures/intra-country.jsonl >/dev/null 2>>"$tmp/ingest.log" || { echo "ingest failed"; exit 1; }
sum_before=$(sha256sum "$tmp/s.db" | cut -d' ' -f1)

start_server() {  # start_server LOG ARGS...
  local log=$1; shift
  "$dyad" serve --db "$tmp/s.db" --port 0 "$@" 2>"$log" &
  pid=$!
  for _ in $(seq 100); do grep -qs 'serving' "$log" && break; sleep 0.1; done
  port=$(sed -n 's/.*:\([0-9][0-9]*\)\/ .*/\1/p' "$log")
  [ -n "$port" ] || { cat "$log"; exit 1; }
  base="http://127.0.0.1:$port"
}
start_server "$tmp/serve.log"
check "binds to 127.0.0.1 by default" grep -q 'http://127.0.0.1:' "$tmp/serve.log"

# get PATH -> body in $tmp/body, status in $code, headers in $tmp/headers
get() { code=$(curl -s --path-as-is -D "$tmp/headers" -o "$tmp/body" -w '%{http_code}' "$base$1"); }
# py EXPR: evaluate a Python expression over the JSON body `j`
py() { python3 -c "import json,sys; j=json.load(open('$tmp/body')); sys.exit(0 if ($1) else 1)"; }
expect() {  # expect STATUS PATH [PY-EXPR] - status, and a JSON condition
  local want=$1 path=$2 cond=${3:-True}
  get "$path"
  if [ "$code" = "$want" ] && py "$cond" 2>/dev/null; then ok "$want $path"
  else fail "$want $path (got $code: $(head -c 300 "$tmp/body"))"; fi
}
err() {  # err STATUS PATH: an error status with {"error": "<message>"}
  expect "$1" "$2" "isinstance(j.get('error'), str) and len(j['error']) > 5"
}

# ---- every endpoint, cross-checked with the CLI on the same store
"$dyad" events --db "$tmp/s.db" --format jsonl > "$tmp/all.jsonl"
"$dyad" events --db "$tmp/s.db" --dyad DZA,RUS --format jsonl > "$tmp/dzarus.jsonl"
all=$(wc -l < "$tmp/all.jsonl"); dr=$(wc -l < "$tmp/dzarus.jsonl")
ids_dr=$(python3 -c "import json; print(sorted(json.loads(l)['id'] for l in open('$tmp/dzarus.jsonl')))")
[ "$dr" -gt 3 ] || { echo "too few DZA-RUS events in samples ($dr)"; exit 1; }

expect 200 "/api/info" "j['events'] == $all and j['documents'] > 10 and j['schema_version'] >= 1 and 'CONSULT' in j['plover_types'] and j['plover_types'] == sorted(set(j['plover_types']))"
# the counts and dates of /api/info are the tables' own (read from indexes)
info_want=$(python3 -c "import sqlite3, json; c = sqlite3.connect('$tmp/s.db'); print(json.dumps(c.execute(
  'SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), (SELECT count(*) FROM mentions),'
  ' (SELECT count(*) FROM events), (SELECT min(date) FROM events WHERE coarse < 3),'
  ' (SELECT max(date) FROM events WHERE coarse < 3)').fetchone()))")
expect 200 "/api/info" "[j[k] for k in ('documents', 'sentences', 'mentions', 'events', 'first_date', 'last_date')] == $info_want and j['mentions'] > j['events'] > 0"
expect 200 "/api/events?limit=500" "j['total'] == $all and len(j['events']) == $all"
expect 200 "/api/events?dyad=DZA,RUS&limit=500" "j['total'] == $dr and sorted(e['id'] for e in j['events']) == $ids_dr"
expect 200 "/api/events?dyad=rus,dza&limit=500" "j['total'] == $dr"
expect 200 "/api/events?dyad=DZA,RUS" "all((e['source'].startswith('DZA') and e['target'].startswith('RUS')) or (e['source'].startswith('RUS') and e['target'].startswith('DZA')) for e in j['events'])"
get "/api/events?dyad=DZA,RUS&limit=500"; cp "$tmp/body" "$tmp/page_all"
expect 200 "/api/events?dyad=DZA,RUS&limit=3&offset=2" "[e['id'] for e in j['events']] == [e['id'] for e in json.load(open('$tmp/page_all'))['events']][2:5]"
expect 200 "/api/events?dyad=DZA,RUS&sort=-date&limit=500" "[e['date'] for e in j['events']] == sorted([e['date'] for e in j['events']], reverse=True)"
expect 200 "/api/events?dyad=DZA,RUS&sort=goldstein&limit=500" "[e['goldstein'] for e in j['events']] == sorted(e['goldstein'] for e in j['events'])"
expect 200 "/api/events?actor=DZA&limit=500" "j['total'] > $dr and all(e['source'].startswith('DZA') or e['target'].startswith('DZA') for e in j['events'])"
expect 200 "/api/events?code=06&limit=500" "j['total'] > 0 and all(e['cameo'].startswith('06') for e in j['events'])"
expect 200 "/api/events?plover=consult&limit=500" "j['total'] > 0 and all(e['plover'] == 'CONSULT' for e in j['events'])"
expect 200 "/api/events?modality=asserted&limit=500" "j['total'] > 0 and all(e['modality'] == 'asserted' for e in j['events'])"
expect 200 "/api/events?from=2022-11&to=2022-11&limit=500" "j['total'] > 0 and all(e['date'].startswith('2022-11') for e in j['events'])"
expect 200 "/api/events?from=2022-11-17&to=2022-11-30&limit=500" "all('2022-11-17' <= e['date'][:10] <= '2022-11-30' for e in j['events'])"
expect 200 "/api/events?min_sources=2&limit=500" "all(e['sources'] >= 2 for e in j['events'])"
expect 200 "/api/events?text=exercise&limit=500" "0 < j['total'] < $all"
expect 200 "/api/events?text=zzzunknownword" "j['total'] == 0 and j['events'] == []"
get "/api/events?dyad=DZA,RUS&format=csv"
check "CSV export: header + one line per event" test "$(wc -l < "$tmp/body")" -eq $((dr + 1))
check "CSV export: attachment" grep -qi '^Content-Disposition: attachment; filename="dyad-events.csv"' "$tmp/headers"
check "CSV export: text/csv" grep -qi '^Content-Type: text/csv' "$tmp/headers"
get "/api/events?dyad=DZA,RUS&format=plover"
check "PLOVER export: one JSON object a line with event_type" python3 -c "
import json,sys
ls=[json.loads(l) for l in open('$tmp/body')]
sys.exit(0 if len(ls)==$dr and all(l['event_type'] and l['id'].startswith('dyad-') and l['actor1'] for l in ls) else 1)"

for by in month week year; do
  expect 200 "/api/timeline?dyad=DZA,RUS&by=$by" "sum(p['events'] for p in j['periods']) + j['excluded_imprecise'] == $dr and all(sum(p['quad']) == p['events'] and p['from'] <= p['to'] for p in j['periods']) and j['by'] == '$by'"
done
expect 200 "/api/timeline?actor=DZA" "len(j['periods']) > 2"
expect 200 "/api/timeline?dyad=ZZZ,YYY" "j['periods'] == [] and j['excluded_imprecise'] == 0"
expect 200 "/api/events?dyad=ZZZ,YYY" "j['total'] == 0 and j['events'] == []"
expect 200 "/api/events?dyad=DZA,DZAGOV&limit=500" "all({e['source'][:3], e['target'][:3]} == {'DZA'} for e in j['events'])"
# overlapping prefixes (DZA within DZA): one OR query, each event once
get "/api/events?dyad=DZA,DZA&limit=500"; dd=$(python3 -c "import json; print(json.load(open('$tmp/body'))['total'])")
expect 200 "/api/events?dyad=DZA,DZA&limit=500" "len(set(e['id'] for e in j['events'])) == len(j['events']) == j['total'] > 0"
expect 200 "/api/timeline?dyad=DZA,DZA&by=year" "sum(p['events'] for p in j['periods']) + j['excluded_imprecise'] == $dd"
expect 200 "/api/timeline?dyad=DZA,RUS&by=month" "all(p['period'] == p['from'][:7] for p in j['periods'])"

id=$(python3 -c "import json; print(json.loads(open('$tmp/dzarus.jsonl').readline())['id'])")
expect 200 "/api/events/$id" "j['id'] == $id and len(j['evidence']) >= 1 and all(''.join(s['text'] for s in m['segments']) == m['sentence'] for m in j['evidence']) and any(s.get('kind') == 'verb' for m in j['evidence'] for s in m['segments']) and all(m['pattern'] for m in j['evidence']) and all(m['date_source'] in ('sentence', 'carried', 'publication') for m in j['evidence']) and all('place_source' in m for m in j['evidence'])"
expect 200 "/api/search?q=exercise&limit=5" "0 < len(j['hits']) <= 5 and all(any(s.get('kind') == 'match' for s in h['segments']) for h in j['hits'])"
expect 200 "/api/search?q=%22joint%20exercise%22" "len(j['hits']) > 0 and all('joint exercise' in h['sentence'].lower() for h in j['hits'])"
expect 200 "/api/actors?limit=5" "len(j['actors']) == 5 and j['actors'][0]['mentions'] >= j['actors'][-1]['mentions']"
expect 200 "/api/dyads?limit=10" "0 < len(j['dyads']) <= 10"
expect 200 "/api/dyads?level=country&actor=DZA" "any(set([d['a'], d['b']]) == {'DZA', 'RUS'} for d in j['dyads'])"
# mentions=0: country-level dyads from timeline_counts, the same as from the events
for q in "" "&actor=DZA" "&actor=RUS"; do
  get "/api/dyads?level=country&limit=500$q"; cp "$tmp/body" "$tmp/dyads_events"
  expect 200 "/api/dyads?level=country&limit=500&mentions=0$q" "(lambda e: len(e) > 0 and len(j['dyads']) == len(e) and all(
    (d['a'], d['b'], d['events'], d['cooperation'], d['conflict']) == (x['a'], x['b'], x['events'], x['cooperation'], x['conflict'])
    and d['mentions'] is None and (d['mean_goldstein'] is None) == (x['mean_goldstein'] is None)
    and (d['mean_goldstein'] is None or abs(d['mean_goldstein'] - x['mean_goldstein']) < 1e-9)
    for d, x in zip(j['dyads'], e)))(json.load(open('$tmp/dyads_events'))['dyads'])"
done
err 400 "/api/dyads?mentions=2"
expect 200 "/api/places?dyad=DZA,RUS" "sum(p['events'] for p in j['places']) + j['unplaced_events'] == $dr"
expect 200 "/api/places" "all(p['drawn_as'] in ('point', 'country', 'list') for p in j['places']) and all(p['lat'] is not None and p['resolution'] not in ('country', 'region') for p in j['places'] if p['drawn_as'] == 'point') and all(p['drawn_as'] == 'country' for p in j['places'] if p['resolution'] == 'country')"
expect 200 "/api/documents/1" "j['id'] == 1 and len(j['sentences']) > 0 and j['text'] and isinstance(j['sources'], list)"

# ---- bad parameters: 400 with a message
for q in "events?dyad=DZA" "events?dyad=DZA,RUS,X" "events?dyad=D%27Z,RUS" "events?actor=DZA%3B" "events?limit=0" \
         "events?limit=501" "events?limit=abc" "events?offset=-1" "events?from=2022-13" "events?from=2022-02-30" \
         "events?to=22" "events?from=2023&to=2022" "events?sort=evil" "events?format=xml" "events?code=0a" \
         "events?plover=CON%20SULT" "events?min_sources=x" "events?text=%22unbalanced" "events?text=AND" \
         "events?nosuch=1" "timeline?by=day" "search" "search?q=%20" "search?limit=1000&q=a" "dyads?level=x" \
         "events/abc" "events/0" "events/-1" "documents/1x" "info?x=1"; do
  err 400 "/api/$q"
done
# ---- unknown ids and routes: 404
err 404 "/api/events/999999999"
err 404 "/api/documents/999999999"
err 404 "/api/nosuch"
err 404 "/api/"
# ---- methods: 405 with Allow
code=$(curl -s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X POST -d 'a=1' "$base/api/events")
check "405 POST /api/events" test "$code" = 405
check "405 names the allowed methods" grep -qi '^Allow: GET, HEAD' "$tmp/headers"
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$base/index.html")
check "405 DELETE /index.html" test "$code" = 405
# ---- oversized queries: 413
long=$(head -c 300 /dev/zero | tr '\0' a)
err 413 "/api/search?q=$long"
err 413 "/api/events?text=$long"
b250=$(head -c 250 /dev/zero | tr '\0' b)
err 413 "/api/events?dyad=DZA,RUS$(for i in 1 2 3 4 5 6 7 8 9; do printf '&text=%s' "$b250"; done)"
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/events?text=$(head -c 100000 /dev/zero | tr '\0' a)")
check "a 100 kB URL is refused (got $code)" test "$code" -ge 400 -a "$code" -lt 500

# ---- static files and path traversal
get "/"; check "200 / (the page)" test "$code" = 200
check "the page is HTML" grep -qi '^Content-Type: text/html' "$tmp/headers"
check "CSP: scripts from self only" grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self';" "$tmp/headers"
check "X-Content-Type-Options: nosniff" grep -qi '^X-Content-Type-Options: nosniff' "$tmp/headers"
check "no inline script in the page" sh -c "! grep -qi '<script>' web/index.html && ! grep -qi ' on[a-z]*=' web/index.html"
get "/app.js"; check "200 /app.js as JavaScript" sh -c "[ $code = 200 ] && grep -qi '^Content-Type: text/javascript' '$tmp/headers'"
get "/vendor/chart.js/chart.min.js"; check "200 /vendor/chart.js/chart.min.js (Debian libjs-chart.js)" test "$code" = 200
get "/vendor/leaflet/leaflet.js"; check "200 /vendor/leaflet/leaflet.js (Debian libjs-leaflet)" test "$code" = 200
get "/world.geojson"; check "200 /world.geojson" test "$code" = 200
for p in "/../etc/passwd" "/..%2f..%2fetc%2fpasswd" "/%2e%2e/%2e%2e/etc/passwd" "/%2E%2E/etc/passwd" \
         "/web/../../etc/passwd" "//etc/passwd" "/etc/passwd" "/vendor/leaflet/../../../../etc/passwd" \
         "/vendor/chart.js/%2e%2e/%2e%2e/%2e%2e/etc/passwd" "/.git/config" "/%00index.html" \
         "/tools/make-world.js" "/app.js/" "/..\\..\\etc\\passwd"; do
  code=$(curl -s --path-as-is -o "$tmp/body" -w '%{http_code}' "$base$p")
  if { [ "$code" = 403 ] || [ "$code" = 404 ] || [ "$code" = 400 ]; } && ! grep -q 'root:' "$tmp/body"; then ok "traversal $p -> $code"
  else fail "traversal $p -> $code"; fi
done
kill "$pid"; wait "$pid"; rc=$?
check "clean exit on SIGTERM (rc $rc)" test "$rc" = 0
check "says it stops" grep -q 'SIGTERM: stopping' "$tmp/serve.log"

# a symlink in the web dir pointing outside it is not followed out
mkdir -p "$tmp/web"; cp web/index.html "$tmp/web/"; ln -s /etc/passwd "$tmp/web/evil.txt"; ln -s /etc "$tmp/web/etc"
start_server "$tmp/serve2.log" --web "$tmp/web"
get "/evil.txt"; check "symlink out of the web dir: 403 (got $code)" sh -c "[ $code = 403 ] && ! grep -q root: '$tmp/body'"
get "/etc/passwd"; check "symlinked dir out of the web dir: 403 (got $code)" sh -c "[ $code = 403 ] && ! grep -q root: '$tmp/body'"
get "/index.html"; check "200 from --web DIR" test "$code" = 200
kill -INT "$pid"; wait "$pid"; rc=$?
check "clean exit on SIGINT (rc $rc)" test "$rc" = 0
pid=

check "the store is unchanged (opened read-only)" test "$(sha256sum "$tmp/s.db" | cut -d' ' -f1)" = "$sum_before"
"$dyad" serve --db "$tmp/nonexistent.db" --port 0 2>"$tmp/bad.log"; rc=$?
check "a missing store is an error (rc $rc)" sh -c "[ $rc = 1 ] && grep -q 'not a dyad store' '$tmp/bad.log'"
[ -f "$tmp/nonexistent.db" ] && fail "serve created a database" || ok "serve creates no database"
"$dyad" serve --db "$tmp/s.db" --bind not-an-address --port 0 2>"$tmp/bad.log"; rc=$?
check "a bad --bind is an error (rc $rc)" test "$rc" = 1

echo "$((n - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]

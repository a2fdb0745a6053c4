#!/usr/bin/env bash
# tests/cli/ingest_threads.sh DYAD - `dyad ingest --threads N` writes the
# same store for any N: documents, duplicate decisions, sentences,
# mentions, events and rejections are identical (only ingest timestamps
# differ), because workers only prepare and code, and the writer takes
# their results in reading order. Also: a re-ingest finds every document
# stored and codes nothing again.
set -euo pipefail
dyad=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 CLI missing (scripts/setup installs it)"

# Input: the samples, the intra-country fixture, a bad JSON line, and
# the samples' JSON Lines again under another name (exact duplicates
# arriving while their first copies may still be with a worker).
cp tests/fixtures/intra-country.jsonl "$tmp/a.jsonl"
printf '{"id":"x","text":"Truncated\n[1]\n' >> "$tmp/a.jsonl"
for f in samples/*.jsonl; do cp "$f" "$tmp/copy-$(basename "$f")"; done

dump() {  # the store's content without timestamps
  sqlite3 "$1" "
    SELECT 'D', id, hash, title, outlet, url, pub_date, language, near_duplicate_of, n_sources, coded FROM documents ORDER BY id;
    SELECT 'S', doc_id, origin, outlet, url FROM document_sources ORDER BY doc_id, origin;
    SELECT 'T', id, doc_id, idx, start, \"end\", repeated FROM sentence_spans ORDER BY id;
    SELECT 'M', id, event_id, doc_id, sentence, source, target, cameo, pattern, date, place_name, modality FROM mentions ORDER BY id;
    SELECT 'E', id, actor_a, actor_b, cameo, n_mentions, n_articles, n_sources FROM events ORDER BY id;
    SELECT 'R', input, record, error FROM rejected ORDER BY id;
    SELECT 'F', rowid FROM sentences_fts WHERE sentences_fts MATCH 'exercise' ORDER BY rowid;"
}

for n in 0 1 3; do
  "$dyad" ingest --threads "$n" --db "$tmp/t$n.db" samples/ "$tmp/a.jsonl" "$tmp"/copy-*.jsonl \
    >"$tmp/out$n" 2>"$tmp/err$n" || fail "ingest --threads $n: $(cat "$tmp/err$n")"
  dump "$tmp/t$n.db" > "$tmp/dump$n"
  grep -q '^cpu: ' "$tmp/out$n" || fail "no cpu line in the summary (--threads $n)"
done
[ "$(grep -c '^M' "$tmp/dump0")" -gt 10 ] || fail "too few mentions to compare: $(grep -c '^M' "$tmp/dump0")"
[ "$(grep -c '^R' "$tmp/dump0")" -ge 2 ] || fail "bad JSON lines not rejected"
for n in 1 3; do
  diff "$tmp/dump0" "$tmp/dump$n" >"$tmp/diff$n" || fail "--threads $n differs from --threads 0: $(head -20 "$tmp/diff$n")"
  diff <(grep -v '^cpu' "$tmp/out0") <(grep -v '^cpu' "$tmp/out$n") || fail "--threads $n: summary differs"
done

# Re-ingest with workers: everything is already stored, nothing changes.
"$dyad" ingest --threads 2 --db "$tmp/t1.db" samples/ "$tmp/a.jsonl" "$tmp"/copy-*.jsonl >"$tmp/again" 2>/dev/null \
  || fail "re-ingest failed"
grep -q ' 0 new ' "$tmp/again" || fail "re-ingest stored new documents: $(head -1 "$tmp/again")"
grep -q '^mentions:  0 coded' "$tmp/again" || fail "re-ingest coded again: $(grep mentions "$tmp/again")"
dump "$tmp/t1.db" | grep -v '^R' > "$tmp/dump-again"
grep -v '^R' "$tmp/dump0" | diff - "$tmp/dump-again" >/dev/null || fail "re-ingest changed the store"

# The ingest codes what `dyad code` codes (same dictionaries, when stage
# and gazetteer: "shelled Kharkiv" is an attack on Ukraine in both).
cat > "$tmp/same.jsonl" <<'JSONL'
{"id":"s1","date":"2023-05-02","text":"Russian forces shelled Kharkiv overnight."}
{"id":"s2","date":"2022-11-28","text":"Algerian and Russian troops held a joint exercise at Hammaguir on 16 November 2022.\n\nThe exercise strengthened cooperation between the two armies, the Algerian defence ministry said."}
{"id":"s3","date":"2021-08-24","text":"Algeria cut diplomatic ties with Morocco on Tuesday, accusing Rabat of hostile acts."}
{"id":"s4","date":"2023-02-06","text":"The head of Algeria's army hosted Russia's top security official on Monday to discuss military cooperation."}
JSONL
"$dyad" code --input jsonl --format jsonl "$tmp/same.jsonl" 2>/dev/null |
  python3 -c 'import json,sys; [print(e["doc"], e["sentence"], e["source"], e["target"], e["cameo"], e["date"]) for e in map(json.loads, sys.stdin) if e["source"] and e["cameo"]]' |
  sort > "$tmp/code.events"
"$dyad" ingest --db "$tmp/same.db" "$tmp/same.jsonl" >/dev/null 2>&1 || fail "ingest same.jsonl"
sqlite3 -separator ' ' "$tmp/same.db" "SELECT substr(d.origin, length(d.origin)) , m.sentence, m.source, m.target, m.cameo, m.date FROM mentions m JOIN documents d ON d.id = m.doc_id" |
  sed 's/^\([0-9]\) /s\1 /' | sort > "$tmp/ingest.events"
grep -q "UKR 194" "$tmp/code.events" || fail "dyad code: no attack on Kharkiv: $(cat "$tmp/code.events")"
diff "$tmp/code.events" "$tmp/ingest.events" >/dev/null || fail "ingest codes otherwise than dyad code: $(diff "$tmp/code.events" "$tmp/ingest.events")"

# Bad thread counts are usage errors.
set +e
"$dyad" ingest --threads -1 --db "$tmp/x.db" samples/ >/dev/null 2>&1; [ $? -eq 2 ] || fail "--threads -1 accepted"
"$dyad" ingest --threads 99 --db "$tmp/x.db" samples/ >/dev/null 2>&1; [ $? -eq 2 ] || fail "--threads 99 accepted"
set -e
echo "ingest_threads: ok"

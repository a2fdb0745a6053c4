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

# Bad thread counts are usage errors.
set +e
"$dyad" ingest --threads -1 --db "$tmp/x.db" samples/ >/dev/null 2>&1; [ $? -eq 2 ] || fail "--threads -1 accepted"
"$dyad" ingest --threads 99 --db "$tmp/x.db" samples/ >/dev/null 2>&1; [ $? -eq 2 ] || fail "--threads 99 accepted"
set -e
echo "ingest_threads: ok"

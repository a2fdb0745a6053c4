#!/usr/bin/env bash
# tests/cli/ingest_store.sh DYAD - dyad ingest into a fresh store:
# documents from every reader, exact and near duplicates, idempotent
# re-ingest, and bad inputs (malformed HTML, truncated JSON line,
# unreachable URL, binary file) each recorded in `rejected` while the
# rest is ingested.
set -euo pipefail
dyad=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/t.db
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { sqlite3 "$db" "$1"; }
command -v sqlite3 >/dev/null || fail "sqlite3 CLI missing (scripts/setup installs it)"

# 1. The samples, stored without coding: every format reads.
"$dyad" ingest --db "$db" --no-code samples/ >"$tmp/out1" 2>"$tmp/err1" || fail "ingest samples: $(cat "$tmp/err1")"
docs=$(q "SELECT count(*) FROM documents")
[ "$docs" -ge 15 ] || fail "expected >= 15 documents from samples/, got $docs"
[ "$(q "SELECT count(*) FROM documents WHERE url LIKE 'https://%.example/%'")" -ge 8 ] || fail "jsonl/rss/html URLs not kept"
[ "$(q "SELECT count(*) FROM documents WHERE language = 'fr'")" = 1 ] || fail "French sample not detected"
[ "$(q "SELECT count(*) FROM documents WHERE pub_date IS NULL")" = 0 ] || fail "a sample without publication date: $(q "SELECT origin FROM documents WHERE pub_date IS NULL")"
# HTML clutter is gone, paragraphs kept.
vostok=$(q "SELECT text FROM documents WHERE origin LIKE '%vostok.html'")
for junk in "Advertisement" "Share on" "Read more" "Subscribe" "Photo: handout" "All rights reserved" "Related"; do
  case "$vostok" in *"$junk"*) fail "HTML clutter kept: $junk";; esac
done
case "$vostok" in *"About 100 soldiers"*"Western governments"*) ;; *) fail "HTML article text missing";; esac
[ "$(q "SELECT title FROM documents WHERE origin LIKE '%vostok.html'")" = "Algerian soldiers take part in Russia's Vostok 2022 drills" ] || fail "HTML title"
[ "$(q "SELECT outlet FROM documents WHERE origin LIKE '%airspace.html'")" = "North Africa Monitor" ] || fail "HTML outlet"
# Datelines: "ALGIERS, Aug. 24, 2021 (North Africa Monitor) -"
[ "$(q "SELECT pub_date || '|' || outlet FROM documents WHERE origin LIKE '%morocco-rupture.txt%'")" = "2021-08-24|North Africa Monitor" ] || fail "dateline date/outlet"

# 2. Duplicates: the jsonl copy of the Hammaguir article is one document
#    with two sources; the republished Shugaev page is linked as near.
[ "$(q "SELECT n_sources FROM documents WHERE origin LIKE '%hammaguir-exercise.txt%'")" = 2 ] || fail "exact duplicate not recorded as a source"
[ "$(q "SELECT count(*) FROM document_sources")" = "$((docs + 1))" ] || fail "sources: expected $((docs + 1))"
near=$(q "SELECT d.origin || ' -> ' || o.origin FROM documents d JOIN documents o ON o.id = d.near_duplicate_of")
case "$near" in *shugaev-chengriha-repost.html*" -> "*shugaev-chengriha.txt*) ;; *) fail "near duplicate not linked: '$near'";; esac
[ "$(q "SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL")" = 1 ] || fail "unexpected near duplicates"

# 3. Idempotent: the same input again changes nothing.
snap() { q "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM document_sources), (SELECT count(*) FROM sentences), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events), (SELECT count(*) FROM rejected)"; }
before=$(snap)
"$dyad" ingest --db "$db" --no-code samples/ >"$tmp/out2" 2>&1 || fail "second ingest"
[ "$(snap)" = "$before" ] || fail "re-ingest changed the store: $before -> $(snap)"
grep -q "0 new" "$tmp/out2" || fail "summary of re-ingest: $(cat "$tmp/out2")"

# 4. Bad inputs: each a row in rejected, the good document still stored.
mkdir "$tmp/in"
printf '<html><body><nav><a href="/">Home</a></nav><script>x()</script></body></html>' > "$tmp/in/empty.html"
printf '{"id":"ok1","date":"2023-01-02","text":"Algeria and Russia held talks in Algiers on Monday about military cooperation."}\n{"id":"cut","text":"Algeria and Ru' > "$tmp/in/cut.jsonl"
head -c 3000 /dev/zero | tr '\0' '\1' > "$tmp/in/blob.bin"; printf '\0\0\0\x7f\x45\x4c\x46' >> "$tmp/in/blob.bin"
printf 'Good article\n\nALGIERS, Jan. 5, 2023 (Test Wire) - Algeria signed a gas agreement with Italy on Thursday, officials said.\n' > "$tmp/in/good.txt"
"$dyad" ingest --db "$db" --no-code --timeout 5 "$tmp/in" http://127.0.0.1:9/unreachable >"$tmp/out3" 2>"$tmp/err3" || fail "ingest with bad inputs must not fail the run"
rej=$(q "SELECT input || ' | ' || COALESCE(record, '') || ' | ' || error FROM rejected")
echo "$rej" | grep -q "empty.html.*no article text" || fail "malformed HTML not rejected: $rej"
echo "$rej" | grep -q "cut.jsonl:2" || fail "truncated JSON line not rejected with its line: $rej"
echo "$rej" | grep -q "blob.bin.*binary" || fail "binary file not rejected: $rej"
echo "$rej" | grep -q "127.0.0.1:9/unreachable.*" || fail "unreachable URL not rejected: $rej"
[ "$(q "SELECT count(*) FROM rejected")" = 4 ] || fail "expected 4 rejected rows: $rej"
[ "$(q "SELECT count(*) FROM documents WHERE origin LIKE '%good.txt%' OR origin LIKE '%cut.jsonl:1'")" = 2 ] || fail "good inputs next to bad ones not stored"
grep -q "4 rejected" "$tmp/out3" || fail "summary does not count rejections: $(cat "$tmp/out3")"
docs_after=$(q "SELECT count(*) FROM documents")
[ "$(q "PRAGMA integrity_check")" = ok ] || fail "integrity"

# 5. Documents stored without coding are coded by a later run that codes.
"$dyad" ingest --db "$db" samples/ >"$tmp/out5" 2>&1 || fail "coding run: $(cat "$tmp/out5")"
grep -q "^coded: .* documents stored earlier without coding" "$tmp/out5" || fail "uncoded documents not coded: $(cat "$tmp/out5")"
[ "$(q "SELECT count(*) FROM documents WHERE coded = 0 AND language IN ('en', 'und') AND origin LIKE 'samples/%'")" = 0 ] || fail "English samples left uncoded"
[ "$(q "SELECT count(*) FROM documents")" = "$docs_after" ] || fail "coding run added documents"

# 6. Where each mention's date and place came from: its own sentence, or
#    carried from an earlier sentence about the same occasion.
printf '%s\n' '{"id":"carry","date":"2022-11-30","source":"Test Wire","text":"Algerian and Russian troops held a joint exercise at Hammaguir on 16 November 2022.\n\nThe exercise strengthened cooperation between the two armies, the Algerian defence ministry said."}' > "$tmp/carry.jsonl"
"$dyad" ingest --db "$db" "$tmp/carry.jsonl" >"$tmp/out6" 2>&1 || fail "carry ingest: $(cat "$tmp/out6")"
got=$(q "SELECT m.sentence || '|' || m.date || '|' || m.date_source || '|' || m.place_name || '|' || m.place_source FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE d.origin LIKE '%carry.jsonl%' GROUP BY m.sentence ORDER BY m.sentence")
[ "$got" = "0|2022-11-16|sentence|Hammaguir|sentence
1|2022-11-16|carried|Hammaguir|carried" ] || fail "date/place sources not stored: $got"
echo "ingest_store: ok"

#!/usr/bin/env bash
# tests/cli/store_migrate.sh DYAD - migration 4 (sentences stored as
# offsets into the document text, `sentences` a view) on a schema-3 store:
# every query answers as before the migration, the sentence texts are the
# ones the schema-3 table held, the full-text index still matches them,
# and the migrated store takes new documents and re-ingests idempotently.
set -u
dyad=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
check() {  # check NAME CMD...
	n=$((n + 1))
	if "${@:2}"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}
q() { python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print("\n".join("|".join(map(str, r)) for r in c.execute(sys.argv[2])))' "$@"; }
queries() {  # queries DB OUTDIR
	mkdir -p "$2"
	for f in table csv jsonl plover gdelt; do
		"$dyad" events --db "$1" --limit 0 --format $f > "$2/events.$f" || return 1
	done
	"$dyad" events --db "$1" --limit 0 --text "joint exercise" > "$2/events.text" || return 1
	"$dyad" search --db "$1" "joint exercise" > "$2/search1" || return 1
	"$dyad" search --db "$1" "Algeria" > "$2/search2" || return 1
	"$dyad" timeline --db "$1" DZA RUS > "$2/timeline" || return 1
	"$dyad" actors --db "$1" > "$2/actors" || return 1
	for id in $(q "$1" "SELECT id FROM events ORDER BY n_mentions DESC, id LIMIT 5"); do
		"$dyad" why --db "$1" "$id" || return 1
	done > "$2/why"
}

"$dyad" ingest --quiet --db "$tmp/s.db" samples/ >/dev/null 2>&1 || { echo "ingest failed"; exit 1; }
queries "$tmp/s.db" "$tmp/new" || { echo "queries failed"; exit 1; }
q "$tmp/s.db" "SELECT id, doc_id, idx, start, \"end\", text, repeated FROM sentences ORDER BY id" > "$tmp/sent.new"
check "sentences have text" test "$(q "$tmp/s.db" "SELECT count(*) FROM sentences WHERE text IS NULL OR text = ''")" = 0
check "a sentence is its span of the document" test "$(q "$tmp/s.db" \
	"SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.doc_id
	 WHERE instr(d.text, s.text) = 0 OR length(CAST(s.text AS BLOB)) <> s.\"end\" - s.start")" = 0

# back to schema 3: the table with its text
cp "$tmp/s.db" "$tmp/old.db"
python3 tests/cli/store-downgrade-v4.py "$tmp/old.db" || { echo "downgrade failed"; exit 1; }
check "downgraded store is schema 3" test "$(q "$tmp/old.db" "SELECT max(version) FROM migrations")" = 3
check "schema 3 has a sentences table" test "$(q "$tmp/old.db" "SELECT type FROM sqlite_schema WHERE name = 'sentences'")" = table

queries "$tmp/old.db" "$tmp/mig" || { echo "queries on the old store failed"; exit 1; }
check "migrated to schema 4 and later" test "$(q "$tmp/old.db" "SELECT max(version) FROM migrations")" -ge 4
check "sentences is a view" test "$(q "$tmp/old.db" "SELECT type FROM sqlite_schema WHERE name = 'sentences'")" = view
check "integrity_check" test "$(q "$tmp/old.db" "PRAGMA integrity_check")" = ok
check "foreign keys hold" test -z "$(q "$tmp/old.db" "PRAGMA foreign_key_check")"
check "full-text index matches its content" q "$tmp/old.db" \
	"INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')"
q "$tmp/old.db" "SELECT id, doc_id, idx, start, \"end\", text, repeated FROM sentences ORDER BY id" > "$tmp/sent.mig"
check "sentence rows and texts unchanged" cmp -s "$tmp/sent.new" "$tmp/sent.mig"
for f in "$tmp"/new/*; do
	b=$(basename "$f")
	# events carry the ingest time (first_seen): the same in both stores
	check "$b identical after the migration" cmp -s "$f" "$tmp/mig/$b"
done

# the migrated store goes on: re-ingest changes nothing, a new document comes in
before=$(q "$tmp/old.db" "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), (SELECT count(*) FROM mentions), (SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'exercise')")
"$dyad" ingest --quiet --db "$tmp/old.db" samples/ >/dev/null 2>&1
check "re-ingest into the migrated store changes nothing" test "$(q "$tmp/old.db" "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), (SELECT count(*) FROM mentions), (SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'exercise')")" = "$before"
printf '%s\n' '{"id":"m1","title":"Drill","source":"Test Wire","date":"2023-05-02","text":"Algerian and Russian marines held a zyxwv landing exercise near Oran on Tuesday, the defence ministry said."}' > "$tmp/new.jsonl"
"$dyad" ingest --quiet --db "$tmp/old.db" "$tmp/new.jsonl" >/dev/null 2>&1 || { echo "ingest of a new document failed"; failed=1; }
check "a new document's sentence is searchable" grep -q "zyxwv" <("$dyad" search --db "$tmp/old.db" zyxwv)
check "integrity_check after new documents" test "$(q "$tmp/old.db" "PRAGMA integrity_check")" = ok
echo "1..$n"
exit $failed

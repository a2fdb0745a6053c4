#!/usr/bin/env bash
# tests/cli/ingest_order.sh DYAD - problems are reported and recorded in
# `rejected` in reading order, whatever the thread count: a bad JSON line
# (parsed on a worker) comes before the files read after it (a binary
# file, an HTML page without text), though the reading side meets those
# while the line is still queued.
set -euo pipefail
dyad=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 CLI missing (scripts/setup installs it)"

mkdir "$tmp/in"
{
  for i in $(seq 1 40); do
    printf '{"id":"a%d","text":"Russia and Algeria signed deal number %d in Algiers on Monday."}\n' "$i" "$i"
    [ "$i" = 35 ] && printf '{"id":"bad","text":"Trunc\n'
  done
  printf '{"id":"end","text":"Trunc\n'
} > "$tmp/in/a.jsonl"
printf 'abc\0\0\0def\0\0ghi\0' > "$tmp/in/b.txt"
printf '<html><body></body></html>' > "$tmp/in/c.html"

want="a.jsonl:36
a.jsonl:42
b.txt
c.html"
for n in 0 1 3; do
  "$dyad" ingest --no-code --threads "$n" --db "$tmp/t$n.db" "$tmp/in" >/dev/null 2>"$tmp/err$n" \
    || fail "ingest --threads $n: $(cat "$tmp/err$n")"
  got=$(sqlite3 "$tmp/t$n.db" "SELECT coalesce(record, input) FROM rejected ORDER BY id" | sed 's|.*/||')
  [ "$got" = "$want" ] || fail "--threads $n: rejected rows out of reading order: $(echo $got)"
  said=$(grep ': error: ' "$tmp/err$n" | sed 's|^dyad: ||; s|: error: .*||; s|.*/||')
  [ "$said" = "$want" ] || fail "--threads $n: errors reported out of reading order: $(echo $said)"
  # a rejection without a record keeps no record (not the word "error")
  [ "$(sqlite3 "$tmp/t$n.db" "SELECT count(*) FROM rejected WHERE record = 'error'")" = 0 ] \
    || fail "--threads $n: a rejection recorded under the record 'error'"
done

# A feed item whose link cannot be fetched (--follow) is rejected under its
# URL, however long (the rejection waits in the queue as "URL: error: ...").
long="http://127.0.0.1:9/$(printf 'p%.0s' $(seq 1 700))?a=1"
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><title>One</title><link>%s</link></item></channel></rss>\n' "$long" > "$tmp/feed.xml"
"$dyad" ingest --no-code --follow --timeout 5 --db "$tmp/feed.db" "$tmp/feed.xml" >/dev/null 2>"$tmp/feed.err" \
  || fail "feed: $(cat "$tmp/feed.err")"
[ "$(sqlite3 "$tmp/feed.db" "SELECT count(*) FROM rejected WHERE record = '$long' AND error NOT LIKE '%: error: %'")" = 1 ] \
  || fail "a long feed link is not the rejected record: $(sqlite3 "$tmp/feed.db" "SELECT substr(record, 1, 40), substr(error, 1, 80) FROM rejected")"

# A store failure met while a reader's diagnostic is queued (queueing can
# write the chunks before it) stops the run with its message: documents
# are not dropped silently. 31 records, the 6th refused by a trigger, then
# a binary file whose diagnostics fill the chunk.
mkdir "$tmp/fail"
for i in $(seq 0 30); do
  title=t$i; [ "$i" = 5 ] && title=boom
  printf '{"id":"r%d","title":"%s","text":"Document %d says Russia and Algeria signed a deal."}\n' "$i" "$title" "$i"
done > "$tmp/fail/a.jsonl"
cp "$tmp/in/b.txt" "$tmp/fail/b.txt"
for n in 0 1 3; do
  printf 'x\n' > "$tmp/seed.txt"
  rm -f "$tmp/f$n.db"
  "$dyad" ingest --no-code --db "$tmp/f$n.db" "$tmp/seed.txt" >/dev/null 2>&1 || fail "seed store"
  sqlite3 "$tmp/f$n.db" "CREATE TRIGGER boom BEFORE INSERT ON documents WHEN new.title = 'boom'
    BEGIN SELECT RAISE(ABORT, 'boom trigger'); END;"
  set +e
  "$dyad" ingest --no-code --threads "$n" --db "$tmp/f$n.db" "$tmp/fail" >/dev/null 2>"$tmp/ferr$n"
  code=$?
  set -e
  [ "$code" = 1 ] || fail "--threads $n: a store failure ended the run with $code, not 1"
  grep -q 'boom trigger' "$tmp/ferr$n" || fail "--threads $n: the store's message is lost: $(cat "$tmp/ferr$n")"
done
echo "ingest_order: ok"

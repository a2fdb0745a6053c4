#!/usr/bin/env bash
# tests/cli/ingest_resume.sh DYAD - kill -9 in the middle of an ingest:
# the store passes PRAGMA integrity_check, holds only whole batches, and
# the next run stores exactly the missing documents.
set -euo pipefail
dyad=$1
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 CLI missing (scripts/setup installs it)"
db=$tmp/r.db
n=40000
batch=100
awk -v n=$n 'BEGIN { for (i = 1; i <= n; i++)
  printf("{\"id\":\"r%d\",\"date\":\"2022-11-%02d\",\"source\":\"Outlet %d\",\"text\":\"Report %d: Algerian and Russian officers met on day %d to discuss exercise %d. Talks number %d went well, the ministry said.\"}\n", i, i % 28 + 1, i % 7, i, i, i * 7, i * 3) }' > "$tmp/in.jsonl"

# Kill the ingest once some batches are committed but (very likely) not all.
killed=no
for attempt in 1 2 3; do
  rm -f "$db" "$db"-wal "$db"-shm
  "$dyad" ingest --db "$db" --no-code --batch $batch "$tmp/in.jsonl" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 2000); do
    c=$(sqlite3 "$db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
    [ "${c:-0}" -ge $((batch * 3)) ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  if kill -9 "$pid" 2>/dev/null; then killed=yes; fi
  wait "$pid" 2>/dev/null || true
  pid=
  got=$(sqlite3 "$db" "SELECT count(*) FROM documents")
  [ "$killed" = yes ] && [ "$got" -lt $n ] && break
  killed=no
done
[ "$killed" = yes ] || fail "could not kill the ingest before it finished (3 attempts)"

[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after kill -9"
got=$(sqlite3 "$db" "SELECT count(*) FROM documents")
[ "$got" -gt 0 ] || fail "nothing committed before the kill"
[ $((got % batch)) -eq 0 ] || fail "$got documents: not whole batches of $batch"
# Every stored document has all its sentences (a batch is all or nothing).
[ "$(sqlite3 "$db" "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) <> 2")" = 0 ] \
  || fail "a document without its sentences"

# The next run resumes: only the missing documents are added.
"$dyad" ingest --db "$db" --no-code --batch $batch "$tmp/in.jsonl" > "$tmp/out" 2>&1 || fail "resume run: $(cat "$tmp/out")"
grep -q "documents: $n read, $((n - got)) new (0 near-duplicate), 0 duplicate, $got already stored" "$tmp/out" \
  || fail "resume summary: $(head -1 "$tmp/out") (had $got)"
[ "$(sqlite3 "$db" "SELECT count(*) FROM documents")" = $n ] || fail "not all documents after resume"
[ "$(sqlite3 "$db" "SELECT count(*) FROM sentences")" = $((2 * n)) ] || fail "sentences after resume"
[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after resume"
echo "ingest_resume: ok (killed after $got of $n documents)"

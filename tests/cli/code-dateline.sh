#!/usr/bin/env bash
# tests/cli/code-dateline.sh DYAD - a plain-text record has no date: dyad
# codes it as of the date of its dateline, else as of today, and says
# which in its warning (dated roles: Shoigu is RUSMIL in 2023).
set -u
dyad=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'MOSCOW, Aug. 2, 2023 (Reuters) - Sergei Shoigu met Algerian army chief Said Chengriha on Wednesday.\n' > "$tmp/a.txt"
"$dyad" code --format jsonl "$tmp/a.txt" > "$tmp/a.out" 2> "$tmp/a.err"
grep -q 'coded as of 2023-08-02, the date of its dateline' "$tmp/a.err" || { echo "FAIL: dateline warning:"; cat "$tmp/a.err"; fail=1; }
grep -q '"source":"RUSMIL"' "$tmp/a.out" || { echo "FAIL: Shoigu not RUSMIL on the dateline date:"; cat "$tmp/a.out"; fail=1; }
grep -q '"date":"2023-08-02"' "$tmp/a.out" || { echo "FAIL: event not dated by the dateline:"; cat "$tmp/a.out"; fail=1; }
printf 'Sergei Shoigu met Algerian army chief Said Chengriha.\n' > "$tmp/b.txt"
"$dyad" code "$tmp/b.txt" > /dev/null 2> "$tmp/b.err"
grep -q 'record has no date: coded as of .*today' "$tmp/b.err" || { echo "FAIL: no-dateline warning:"; cat "$tmp/b.err"; fail=1; }
[ $fail -eq 0 ] && echo "code-dateline: ok"
exit $fail

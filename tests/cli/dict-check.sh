#!/usr/bin/env bash
# tests/cli/dict-check.sh DYAD - `dyad dict check` is clean (no errors) on
# data/, and catches each kind of planted error in a temporary dictionary
# set; `dyad dict lookup` names the entry and the dated row that codes a
# name.
set -u
dyad=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. our dictionaries: no errors (warnings are duplicates that add nothing)
if ! "$dyad" dict check data > "$tmp/data.txt"; then
  echo "FAIL: dict check data/ reports errors:"; grep ': error:' "$tmp/data.txt" | head -20
  fail=1
fi
grep -q '^data: .* 0 errors' "$tmp/data.txt" || { echo "FAIL: no clean summary"; tail -2 "$tmp/data.txt"; fail=1; }

# 2. planted errors, one per kind; each must be reported at its line
mkdir -p "$tmp/bad"
cat > "$tmp/bad/a.actors" <<'X'
ALGERIA_ [DZA]
ALGERIA_ [MAR]
MOROCCO_ [MAR]
MOROCCO_ [MAR]
RUSSIA_ [rus]
CÔTE_D'IVOIRE_ [CIV]
X
cat > "$tmp/bad/b.people" <<'X'
name	variants	code	start	end	office	source
Test Person	Person	DZAGOV	2020-01-01	2022-12-31	Minister	planted
Test Person	Person	DZAMIL	2022-01-01		Chief of staff	planted overlap
Other Person	Other	MARGOV	2019-01-01		Minister	planted
Other Person	Other	MARGOV	2010-01-01	2012-01-01	Minister	planted out of order
X
cat > "$tmp/bad/c.verbs" <<'X'
VISIT_ [042]
- $ * + [042]
- $ * + [043]
- $ * TO_ + [999]
- $ * WITH_ FOO~!BAR + [040]
X
"$dyad" dict check "$tmp/bad" > "$tmp/bad.txt"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL: planted errors: exit $rc, want 1"; fail=1; }
expect() {   # LINE-PATTERN DESCRIPTION
  grep -Eq "$1" "$tmp/bad.txt" || { echo "FAIL: not reported: $2 ($1)"; fail=1; }
}
expect 'a\.actors:2: error: conflicting codes.*\[MAR\].*\[DZA\]' "conflicting codes"
expect 'a\.actors:4: warning: duplicate actor' "duplicate entry"
expect 'a\.actors:5: error: malformed actor code .rus.' "malformed code"
expect 'b\.people:3: error: DZAMIL overlaps DZAGOV' "overlapping dated roles"
expect 'b\.people:5: error: rows out of order' "rows out of order"
expect 'c\.verbs:3: error: shadowed pattern' "shadowed pattern"
expect 'c\.verbs:4: error: unknown CAMEO code 999' "unknown CAMEO code"
expect "c\.verbs:5: error: word 'foo~!bar'|c\.verbs:5: error: word" "word never a token"
# an accented entry is lower-cased like the text: no error for it
if grep -q "a\.actors:6" "$tmp/bad.txt"; then echo "FAIL: accented entry reported"; grep "a\.actors:6" "$tmp/bad.txt"; fail=1; fi
# warnings alone fail without --allow-warnings
printf 'ALGERIA_ [DZA]\nALGERIA_ [DZA]\n' > "$tmp/warn.actors"
mkdir -p "$tmp/w" && mv "$tmp/warn.actors" "$tmp/w/"
"$dyad" dict check "$tmp/w" > /dev/null && { echo "FAIL: warnings should exit 1"; fail=1; }
"$dyad" dict check --allow-warnings "$tmp/w" > /dev/null || { echo "FAIL: --allow-warnings should exit 0"; fail=1; }

# 3. lookup: the dated row of a person, and the pattern of a verb
out=$("$dyad" dict lookup --dict "$tmp/bad" --date 2021-06-01 "Test Person")
echo "$out" | grep -q 'DZAGOV .*b\.people:2' || { echo "FAIL: lookup 2021: $out"; fail=1; }
out=$("$dyad" dict lookup --dict "$tmp/bad" --date 2023-06-01 "Test Person")
echo "$out" | grep -q 'DZAMIL .*b\.people:3' || { echo "FAIL: lookup 2023: $out"; fail=1; }
out=$("$dyad" dict lookup --dict "$tmp/bad" --verb "Morocco visited Algeria")
echo "$out" | grep -q 'event  MAR DZA 042 .*c\.verbs:2' || { echo "FAIL: verb lookup: $out"; fail=1; }

[ $fail -eq 0 ] && echo "dict-check: ok"
exit $fail

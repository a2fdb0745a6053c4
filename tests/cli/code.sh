#!/usr/bin/env bash
# tests/cli/code.sh DYAD - `dyad code` on bad input: a malformed
# dictionary line, an unknown option, a record without a date and an
# overlong sentence each give a clear message and the rest is still
# coded; --strict makes a dictionary problem fatal; formats and fields.
set -u
dyad=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/dict"
cat > "$tmp/dict/t.actors" <<'DICT'
ALGERIA_ [DZA]
MOROCCO_ [MAR]
BROKEN_LINE_ [MAR 991301-000101]
SPAIN_ [ESP]
DICT
cat > "$tmp/dict/t.verbs" <<'DICT'
CONDEMN_ [111]
VISIT_ [042:043]
DICT
cat > "$tmp/dict/t.options" <<'DICT'
FROBNICATE: EVERYTHING
DICT
printf '230802 R1\nAlgeria condemned Morocco on Monday.\n\n' > "$tmp/tabari.txt"
printf '{"id":"J1","text":"Spain visited Algeria."}\n{"id":"J2","date":"2023-08-02","text":"Morocco condemned Spain."}\n' > "$tmp/in.jsonl"
{
  printf '230803 LONG\nAlgeria condemned Morocco'
  for i in $(seq 1 1200); do printf ' and'; done
  printf '.\n\n230804 AFTER\nSpain condemned Morocco.\n\n'
} > "$tmp/long.txt"

passed=0; failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL: $name"; fi
}

"$dyad" code --dict "$tmp/dict" "$tmp/tabari.txt" > "$tmp/out.tsv" 2> "$tmp/err.txt"
rc=$?
check "exit 0 with dictionary warnings" test $rc -eq 0
check "malformed line named file:line" grep -q "t.actors:3: .*bad date restriction" "$tmp/err.txt"
check "unknown option named" grep -q "t.options:1: .*unknown option FROBNICATE" "$tmp/err.txt"
check "TSV header" grep -q "^doc	sentence	date	source	target	cameo	root	quad	goldstein	plover	source_text	target_text	verb_text	pattern	.*	text$" "$tmp/out.tsv"
check "event coded after the bad line, dated by its own \"on Monday\"" grep -q "^R1	0	2023-07-31	DZA	MAR	111	11	" "$tmp/out.tsv"

"$dyad" code --strict --dict "$tmp/dict" "$tmp/tabari.txt" > /dev/null 2> "$tmp/err2.txt"
check "strict fails on a dictionary problem" test $? -ne 0

"$dyad" code --dict "$tmp/dict" --format jsonl "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err3.txt"
check "jsonl exit 0" test $? -eq 0
check "record without date reported" grep -q "J1.*no date\|1: .*no date" "$tmp/err3.txt"
check "undated record still coded" grep -q '"doc":"J1".*"source":"ESP","target":"DZA","cameo":"042"' "$tmp/out.jsonl"
check "paired event" grep -q '"doc":"J1".*"source":"DZA","target":"ESP","cameo":"043"' "$tmp/out.jsonl"
check "dated jsonl record" grep -q '"doc":"J2","sentence":0,"date":"2023-08-02".*"source":"MAR","target":"ESP","cameo":"111"' "$tmp/out.jsonl"
check "fields of the interface" grep -q '"root":"11","quad":3,"goldstein":' "$tmp/out.jsonl"
check "pattern and spans" grep -q '"source_text":"Morocco","target_text":"Spain","verb_text":"condemned","pattern":"CONDEMN_ \[111\]"' "$tmp/out.jsonl"

"$dyad" code --dict "$tmp/dict" "$tmp/long.txt" > "$tmp/out4.tsv" 2> "$tmp/err4.txt"
check "overlong sentence exit 0" test $? -eq 0
check "overlong sentence reported" grep -q "tokens: coded on its first 1000" "$tmp/err4.txt"
check "record after the overlong one coded" grep -q "^AFTER	0	2023-08-04	ESP	MAR	111" "$tmp/out4.tsv"

"$dyad" code --dict "$tmp/dict" --format plover "$tmp/in.jsonl" > "$tmp/out7.jsonl" 2>/dev/null
check "plover output" grep -q '"J2"' "$tmp/out7.jsonl"

"$dyad" code --format xml "$tmp/tabari.txt" > /dev/null 2>&1
check "unknown format is a usage error" test $? -eq 2
"$dyad" code --input nonsense "$tmp/tabari.txt" > /dev/null 2>&1
check "unknown input is a usage error" test $? -eq 2
"$dyad" code --dict "$tmp/nope" "$tmp/tabari.txt" > /dev/null 2> "$tmp/err5.txt"
check "missing dictionary directory fails clearly" grep -q "dictionaries:" "$tmp/err5.txt"

# default dictionaries (data/): works with no flag
printf 'Morocco condemned Spain on Monday.\n' | "$dyad" code --input text > "$tmp/out6.tsv" 2>/dev/null
check "default dictionaries load" test $? -eq 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# tests/cli/sentences_input.sh DYAD - `dyad sentences` on bad and unusual
# input: every file gets a clear "dyad: FILE: ..." message where there is
# something to say, nothing crashes, and the files after a bad one are
# still read. Reports "N passed, N failed".
set -u
dyad=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

printf '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00' > binary.dat
printf 'Caf\xc3\xa9 is open. Bad \xff\xfe bytes here.\n' > invalid.txt
: > empty.txt
yes 'word.' | head -c 10485760 | tr '\n' ' ' > long.txt
printf 'First line.\r\n\r\nSecond paragraph.\r\n' > crlf.txt
printf 'Old Mac.\r\rStill works.\r' > cr.txt
printf '\xef\xbb\xbfThe BOM is gone.\n' > bom.txt
printf 'N\x00UL inside. Done.\n' > nul.txt
printf 'Alg\xe9rie et le Maroc. D\xe9j\xe0 vu.\n' > latin1.txt
printf '\xff\xfeA\x00B\x00' > utf16.txt

passed=0; failed=0
check() {  # check NAME COMMAND...
  if "$@"; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL: $1"; fi
}
has_err() { grep -qF -- "$1" err.txt; }
has_out() { grep -qxF -- "$1" out.txt; }

"$dyad" sentences binary.dat invalid.txt empty.txt long.txt crlf.txt cr.txt bom.txt \
  nul.txt latin1.txt utf16.txt missing.txt . >out.txt 2>err.txt
rc=$?

check has_err "dyad: binary.dat: warning: looks like a binary file"
check has_err "dyad: binary.dat: skipped"
check has_err "dyad: invalid.txt: warning: 2 invalid UTF-8 sequence(s) replaced by U+FFFD"
check has_out "Café is open."
check has_out "Bad �� bytes here."
check has_err "dyad: empty.txt: note: empty document"
check has_err "dyad: long.txt: note: a line of 10485760 bytes"
check has_err "dyad: long.txt: note: "
check has_out "First line."
check has_out "Second paragraph."
check has_out "Old Mac."
check has_out "Still works."
check has_out "The BOM is gone."
check has_err "dyad: nul.txt: warning: 1 NUL byte(s) removed"
check has_out "NUL inside."
check has_err "dyad: latin1.txt: note: not UTF-8: read as Latin-1"
check has_out "Algérie et le Maroc."
check has_out "Déjà vu."
check has_err "dyad: utf16.txt: warning: looks like a binary file (or UTF-16)"
check has_err "dyad: missing.txt: No such file or directory"
check has_err "dyad: .: Is a directory"
# exit status 1: some files could not be read; no crash (>128)
check test "$rc" -eq 1
# no sentence longer than the 4096-byte limit came out of the 10 MB line
check test "$(awk 'length($0) > 4096' out.txt | wc -l)" -eq 0
check test "$(grep -c '^word\.' out.txt)" -ge 2560
# standard input
printf 'From stdin. Two sentences.\n' | "$dyad" sentences >out.txt 2>err.txt
check has_out "From stdin."
check has_out "Two sentences."
# jsonl carries offsets and flags
printf 'ALGIERS (APS) - The talks began.\n' | "$dyad" sentences --format jsonl >out.txt 2>err.txt
check grep -qF '"start":0,"end":15,"paragraph":0,"flags":["dateline"],"text":"ALGIERS (APS) -"' out.txt
check grep -qF '"start":16,"end":32,"paragraph":0,"text":"The talks began."' out.txt
# strict mode turns a repaired file into an error and goes on
"$dyad" sentences --strict invalid.txt bom.txt >out.txt 2>err.txt
check test $? -eq 1
check has_out "The BOM is gone."

echo "sentences_input: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

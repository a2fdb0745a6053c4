#!/usr/bin/env bash
# tests/cli/code-carry.sh DYAD - `dyad code --format jsonl` carries an
# event's date and place from an earlier sentence of the same record when
# its sentence refers back ("The exercise ..."), says so in date_source /
# place_source, and keeps a sentence's own date and place.
set -u
dyad=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/in.jsonl" <<'JSONL'
{"id":"c1","date":"2022-11-30","text":"Algerian and Russian troops held a joint exercise at Hammaguir on 16 November 2022.\n\nThe exercise strengthened cooperation between the two armies, the Algerian defence ministry said.\n\nIn 2019, Algeria and Russia held a joint exercise in Tindouf."}
{"id":"c2","date":"2022-11-30","text":"The exercise strengthened cooperation between the two armies, the Algerian defence ministry said."}
JSONL
"$dyad" code --input jsonl --format jsonl "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err"
line() { grep "\"doc\":\"$1\",\"sentence\":$2," "$tmp/out" | head -1; }
s1=$(line c1 1)
case "$s1" in
*'"date":"2022-11-16"'*'"date_source":"carried"'*'"place":{"name":"Hammaguir"'*'"place_source":"carried"'*) ;;
*) echo "FAIL: 'The exercise' not dated and placed by the sentence before: $s1"; fail=1 ;;
esac
case "$s1" in
*'"date_text":"16 November 2022"'*) ;;
*) echo "FAIL: a carried date shows the words it came from: $s1"; fail=1 ;;
esac
s0=$(line c1 0)
case "$s0" in
*'"date_source":"sentence"'*'"place_source":"sentence"'*) ;;
*) echo "FAIL: the first sentence's own date and place: $s0"; fail=1 ;;
esac
s2=$(line c1 2)
case "$s2" in
*'"date":"2019"'*'"date_source":"sentence"'*'"name":"Tindouf"'*'"place_source":"sentence"'*) ;;
*) echo "FAIL: 'In 2019' keeps its own date and place: $s2"; fail=1 ;;
esac
# nothing is carried from one record to the next
if grep '"doc":"c2"' "$tmp/out" | grep -q '"carried"'; then
	echo "FAIL: carried across records:"; grep '"doc":"c2"' "$tmp/out"; fail=1
fi
[ $fail -eq 0 ] && echo "code-carry: ok"
exit $fail

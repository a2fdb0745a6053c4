#!/usr/bin/env bash
# Validate data/people/*.people with data/tools/check-people, and check
# that the checker itself rejects broken input (so this test can fail).
# $1 (the dyad binary) is not needed here.
set -euo pipefail
command -v python3 >/dev/null || { echo "SKIP: python3 not found"; exit 0; }
tool=data/tools/check-people
python3 "$tool" data/people >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hdr=$'name\tvariants\tcode\tstart\tend\toffice\tsource'
expect_fail() { # label, file body
  printf '%s\n%s\n' "$hdr" "$2" >"$tmp/t.people"
  if python3 "$tool" "$tmp/t.people" >/dev/null 2>&1; then
    echo "FAIL: checker accepted $1"; exit 1
  fi
}
expect_fail "six columns" $'A B\t\tDZAGOV\t2020-01-01\t\tPresident'
expect_fail "bad sector" $'A B\t\tDZAXXX\t2020-01-01\t\tPresident\tx'
expect_fail "bad date" $'A B\t\tDZAGOV\t2020-13-01\t\tPresident\tx'
expect_fail "start after end" $'A B\t\tDZAGOV\t2021-01-01\t2020-01-01\tPresident\tx'
expect_fail "overlap" $'A B\t\tRUSMIL\t2012\t2024-05-12\tMinister\tx\nA B\t\tRUSGOV\t2020\t\tSecretary\tx'
expect_fail "duplicate" $'A B\t\tDZAGOV\t2020\t\tP\tx\nA B\t\tDZAGOV\t2020\t\tP\ty'
expect_fail "split rows" $'A B\t\tDZAGOV\t2020\t2021\tP\tx\nC D\t\tDZAGOV\t2020\t\tP\tx\nA B\t\tDZAGOV\t2022\t\tQ\tx'
expect_fail "organisation row first" $'A B\t\tIGOUNO\t2010\t2012\tP\tx\nA B\t\tDZAGOV\t2013\t\tQ\tx'
expect_fail "shared spelling" $'A B\tBee\tDZAGOV\t2020\t\tP\tx\nC D\tBee\tRUSGOV\t2020\t\tP\tx'
printf '%s\n%s\n' "$hdr" $'A B\tA. B.\tRUSMIL\t2012-11-06\t2024-05-12\tMinister\tx\nA B\tA. B.\tRUSGOV\t2024-05-12\t\tSecretary\ty' >"$tmp/ok.people"
python3 "$tool" "$tmp/ok.people" >/dev/null || { echo "FAIL: checker rejected a valid handover"; exit 1; }
echo "data-people: ok"

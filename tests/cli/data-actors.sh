#!/usr/bin/env bash
# data-actors.sh - lint dyad's own actor and agent dictionaries with
# data/tools/check-actors, and check that the linter catches the faults it
# is meant to catch. $1 (the dyad binary) is not needed: this is a
# stopgap until `dyad dict check` exists.
set -u
cd "$(dirname "$0")/../.." || exit 1

if ! command -v python3 >/dev/null 2>&1; then
	echo "data-actors: python3 not found, skipping"
	exit 0
fi

check=data/tools/check-actors
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. Our dictionaries are clean: no errors, no warnings.
out=$(python3 "$check" data/actors data/agents)
rc=$?
if [ $rc -ne 0 ] || ! grep -q ', 0 errors, 0 warnings$' <<<"$out"; then
	echo "FAIL: data/ is not clean (rc=$rc)"
	echo "$out" | grep -v ' phrases$'
	fail=1
fi
for f in countries institutions institutions-compounds igos nonstate; do
	if ! grep -q "data/actors/$f.actors: [0-9]* phrases" <<<"$out"; then
		echo "FAIL: data/actors/$f.actors was not checked"
		fail=1
	fi
done

# 2. Each fault below must be reported as an error (exit 1) naming the line.
expect_error() { # name, file suffix, expected message fragment, content
	local name=$1 msg=$3 content=$4 f="$tmp/$1.$2"
	printf '%s\n' "$content" >"$f"
	local o
	o=$(python3 "$check" "$f")
	local r=$?
	if [ $r -ne 1 ] || ! grep -q -- "$msg" <<<"$o"; then
		echo "FAIL: $name: expected exit 1 and \"$msg\", got exit $r:"
		echo "$o"
		fail=1
	fi
}
expect_error unknown-country actors "neither a country" 'ALGERIA_ [DZZ]'
expect_error bad-sector actors "country alone or a country and one sector" 'ALGIERS_ [DZAXYZ]'
expect_error two-sectors actors "country alone or a country and one sector" 'ALGIERS_ [DZAGOVMIL]'
expect_error lower-case actors "malformed phrase" 'algeria_ [DZA]'
expect_error no-code actors "has no code" $'ALGERIA_\n+ALGERIE_'
expect_error bad-date actors "bad date" 'SHOIGU_ [RUSMIL 20121306-20240512]'
expect_error reversed-range actors "ends before it starts" 'SHOIGU_ [RUSMIL 20240512-20121106]'
expect_error conflict actors "different code" $'CHAD_ [TCD]\nCHAD_ [TCDGOV]'
expect_error hyphen-conflict actors "different code" $'GUINEA-BISSAU_ [GNB]\nGUINEA_BISSAU_ [GIN]'
expect_error orphan-synonym actors "synonym without an entry" '+ALGERIE_'
expect_error code-on-synonym actors "no \[CODE\] on a + line" $'ALGERIA_ [DZA]\n+ALGERIE_ [DZA]'
expect_error agent-sector agents "sector of the conventions" 'ARMY_ [~XYZ]'
expect_error agent-in-actors actors "agent code" 'ARMY_ [~MIL]'
expect_error org-no-segment actors "no segment after IGO" 'SOME_BODY_ [IGO]'
expect_error junk-after-code actors "unexpected text" 'ALGERIA_ [DZA] extra'
mkdir -p "$tmp/set"
printf 'ALGERIA_ [DZA]\n' >"$tmp/set/countries.actors"
o=$(python3 "$check" "$tmp/set")
if [ $? -ne 1 ] || ! grep -q "no entry codes these ISO 3166-1 entries: .*RUS" <<<"$o"; then
	echo "FAIL: an incomplete countries.actors was not reported"
	echo "$o"
	fail=1
fi

# 3. Valid forms pass: dated codes (TABARI multi-line form), synonyms,
# organisations, null codes, comments.
good="$tmp/good.actors"
cat >"$good" <<'EOF'
; comment
TALIBAN_  ; dated codes on their own lines
+AFGHAN_TALIBAN_
  [AFGREB <20210815]
  [AFGGOV >20210816]
SHOIGU_ [RUSMIL 121106-240512] [RUSGOV >20240512]
NATO_ [IGOWSTNAT]
SOUTH_CHINA_SEA_ [---]
CÔTE_D'IVOIRE_ [CIV]
EOF
if ! o=$(python3 "$check" "$good"); then
	echo "FAIL: valid entries were rejected:"
	echo "$o"
	fail=1
fi

# 4. Overlapping date ranges are reported (as a warning).
printf 'X_ [RUSMIL 20120101-20240512] [RUSGOV 20240101-20250101]\n' >"$tmp/overlap.actors"
o=$(python3 "$check" "$tmp/overlap.actors")
if ! grep -q "overlapping date ranges" <<<"$o"; then
	echo "FAIL: overlapping date ranges were not reported"
	fail=1
fi

# 5. Every organisation code igos.actors presents as CAMEO's (not marked
# "dyad code") is one the published CAMEO/Phoenix dictionaries use.
peers=../shared/peers
if [ -d "$peers/cameo-dictionaries" ] && [ -d "$peers/phoenix-dictionaries" ]; then
	if ! python3 - "$peers" <<'PY'
import re, sys
peers = sys.argv[1]
text = ""
for f in ("cameo-dictionaries/Internatnl.120521.actors",
          "phoenix-dictionaries/Phoenix.International.actors.txt"):
    with open("%s/%s" % (peers, f), encoding="latin-1") as fh:
        text += fh.read()
known = set(re.findall(r"\[([A-Z]+)", text))
bad = 0
with open("data/actors/igos.actors", encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        m = re.match(r"^([^+;\s]\S*)\s*\[([A-Z]+)\](.*)", line)
        if m and "dyad code" not in m.group(3) and m.group(2) not in known:
            print("igos.actors:%d: %s is not a published CAMEO code; "
                  "mark it \"dyad code\"" % (n, m.group(2)))
            bad = 1
sys.exit(bad)
PY
	then
		echo "FAIL: organisation codes presented as CAMEO's are not"
		fail=1
	fi
else
	echo "data-actors: $peers not found, skipping the CAMEO code cross-check"
fi

[ $fail -eq 0 ] && echo "data-actors: ok"
exit $fail

#!/usr/bin/env bash
# Lint dyad's verb dictionaries (data/verbs) with data/tools/check-verbs:
# syntax, CAMEO codes, balanced alternatives, duplicates.
# $1 is the dyad binary (unused: the check needs only python3).
set -eu
if ! command -v python3 >/dev/null 2>&1; then
  echo "data-verbs: python3 not found, skipping"
  exit 0
fi
python3 data/tools/check-verbs data/verbs
# The checker must also fail on a broken file: a pattern without '*',
# an unknown code and an unbalanced alternative.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf ';;dyad match=lemma\nVISIT_ [042]\n- $ TO_ + [042]\n- * { A | B [999]\n' > "$tmp/bad.verbs"
if python3 data/tools/check-verbs "$tmp/bad.verbs" > "$tmp/out" 2>&1; then
  echo "data-verbs: check-verbs accepted a broken file"
  exit 1
fi
grep -q "exactly one" "$tmp/out"
grep -q "unknown CAMEO code" "$tmp/out"
grep -q "unbalanced" "$tmp/out"
echo "data-verbs: ok"

#!/usr/bin/env bash
# tests/cli/validate.sh DYAD - the TABARI validation suite through
# `dyad validate --report-only`: fails when the pass count falls below
# MIN (just under what the coder achieves; see docs/compat.md). Skipped
# when ../shared is absent.
set -u
dyad=$1
MIN=395
project=../shared/peers/tabari/Validate.project
if [ ! -f "$project" ]; then
  echo "validate: $project not found: skipped"
  exit 0
fi
out=$("$dyad" validate --report-only "$project" 2>/dev/null)
rc=$?
summary=$(printf '%s\n' "$out" | tail -n 1)
echo "validate: $summary"
if [ $rc -ne 0 ]; then
  echo "FAIL: dyad validate --report-only exited $rc"
  exit 1
fi
passed=$(printf '%s\n' "$summary" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
if [ -z "$passed" ]; then
  echo "FAIL: no 'N passed, N failed' summary line"
  exit 1
fi
# without --report-only a failing record makes the exit status nonzero
if printf '%s\n' "$summary" | grep -q ', [1-9][0-9]* failed$'; then
  if "$dyad" validate --quiet "$project" >/dev/null 2>&1; then
    echo "FAIL: failures but exit status 0 without --report-only"
    exit 1
  fi
fi
if [ "$passed" -lt "$MIN" ]; then
  echo "FAIL: $passed records pass, fewer than $MIN"
  exit 1
fi
echo "1 passed, 0 failed"

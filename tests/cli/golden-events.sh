#!/usr/bin/env bash
# tests/cli/golden-events.sh DYAD - the golden event cases of
# tests/golden/events/*.txt (format: docs/golden-events.md): each block is
# coded with `dyad code --format jsonl` (dyad's own dictionaries) and
# passes when the set of (source, target, cameo) equals the expected set.
# Prints failures, per-root pass rates and "N passed, N failed"; fails
# only when the pass rate (percent) is below tests/golden/events/THRESHOLD.
# With a second argument DIR (tests/golden/heldout), runs that directory
# instead, against DIR/THRESHOLD; without one, runs events and every
# tests/golden/heldout* set, and fails when any is below its threshold.
set -u
dyad=$1
if [ $# -lt 2 ]; then
  rc=0
  for d in tests/golden/events tests/golden/heldout*/; do
    d=${d%/}
    [ -d "$d" ] || continue
    echo "== $d"
    "$0" "$dyad" "$d" || rc=1
  done
  exit $rc
fi
dir=$2
threshold=$(cat "$dir/THRESHOLD" 2>/dev/null || echo 0)
shopt -s nullglob
files=("$dir"/*.txt)
if [ ${#files[@]} -eq 0 ]; then
  echo "golden-events: no cases in $dir"
  echo "0 passed, 0 failed"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" "${files[@]}" <<'PY' || exit 1
import json, sys
tmp, files = sys.argv[1], sys.argv[2:]
cases = []
for path in files:
    date = "2024-01-15"
    block = None
    def flush():
        global block
        if block and block["text"]:
            cases.append(block)
        block = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                flush(); continue
            if line.startswith("#"):
                continue
            if line.startswith("@date"):
                date = line.split()[1]; continue
            if block is None:
                block = {"id": "%s:%d" % (path, n), "date": date, "text": [], "expect": set(), "none": False}
            if line.startswith("> "):
                block["text"].append(line[2:].strip())
            elif line.startswith("= "):
                f3 = line[2:].split()
                if f3 == ["none"]:
                    block["none"] = True
                elif len(f3) == 3:
                    block["expect"].add(tuple(f3))
                else:
                    print("golden-events: %s:%d: bad expectation line" % (path, n))
        flush()
with open(tmp + "/in.jsonl", "w") as o:
    for c in cases:
        o.write(json.dumps({"id": c["id"], "date": c["date"], "text": " ".join(c["text"])}) + "\n")
with open(tmp + "/cases.json", "w") as o:
    json.dump([{**c, "expect": sorted(c["expect"])} for c in cases], o)
PY
"$dyad" code --input jsonl --format jsonl "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err.txt"
rc=$?
if [ $rc -ne 0 ]; then
  echo "FAIL: dyad code exited $rc"; cat "$tmp/err.txt"; exit 1
fi
python3 - "$tmp" "$threshold" <<'PY'
import json, sys
from collections import defaultdict
tmp, threshold = sys.argv[1], float(sys.argv[2])
cases = json.load(open(tmp + "/cases.json"))
got = defaultdict(set)
for line in open(tmp + "/out.jsonl"):
    e = json.loads(line)
    got[e["doc"]].add((e["source"], e["target"], e["cameo"]))
per = defaultdict(lambda: [0, 0])
passed = failed = 0
for c in cases:
    exp = set(tuple(x) for x in c["expect"])
    g = got.get(c["id"], set())
    root = sorted(exp)[0][2][:2] if exp else "none"
    if c["expect"]:
        root = c["expect"][0][2][:2]
    ok = g == exp
    per[root][0 if ok else 1] += 1
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s: %s" % (c["id"], " ".join(c["text"])))
        print("  expected: %s" % ("; ".join(" ".join(x) for x in sorted(exp)) or "none"))
        print("  produced: %s" % ("; ".join(" ".join(x) for x in sorted(g)) or "none"))
print("per root:")
for r in sorted(per):
    p, f = per[r]
    print("  %-4s %3d/%-3d %5.1f%%" % (r, p, p + f, 100.0 * p / (p + f)))
total = passed + failed
rate = 100.0 * passed / total if total else 100.0
print("pass rate %.1f%% (threshold %.1f%%)" % (rate, threshold))
print("%d passed, %d failed" % (passed, failed))
sys.exit(0 if rate >= threshold else 1)
PY

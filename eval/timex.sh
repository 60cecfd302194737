#!/bin/sh
# Time layer scores: builds the dyad-time example `timex_eval` and prints the
# `score.py timex` figures for TimeBank, AQUAINT, our tune split and our held-out dev
# split (TBAQ documents whose FNV-1a id hash is 0 mod 5), and `score.py seed` for the
# seed article. Run from the repository root: sh eval/timex.sh [--verbose]
# To study misses afterwards, use python3 eval/timex_errors.py: it lists the tune split only.
set -eu
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
DATA=$SHARED/data/temporal
OUT=${OUT:-target/timex-eval}
mkdir -p "$OUT"
[ -n "${SKIP_BUILD:-}" ] || flock /tmp/dyad-cargo.lock cargo build --release -q -p dyad-time --example timex_eval
BIN=target/release/examples/timex_eval
TB=$DATA/timebank_tbaq.jsonl
AQ=$DATA/aquaint_tbaq.jsonl

"$BIN" "$TB" > "$OUT/timebank.jsonl"
"$BIN" "$AQ" > "$OUT/aquaint.jsonl"
for split in tune dev; do
  "$BIN" --split $split --gold "$TB" "$AQ" > "$OUT/gold_$split.jsonl"
  "$BIN" --split $split "$TB" "$AQ" > "$OUT/$split.jsonl"
done
"$BIN" --article "$SHARED/seed/article.txt" --date 2022-02-13 > "$OUT/seed.jsonl"

score() { # name gold output
  if [ "${1:-}" = "" ]; then return; fi
  # The held-out dev split is scored only: its value errors are never listed.
  show=${VERBOSE:+40}
  [ "$1" = dev ] && show=0
  line=$(python3 "$SHARED/tools/score.py" timex "$2" "$3" --show "${show:-10}" 2>&1 | tee "$OUT/$1.report" | tail -n 1)
  python3 - "$1" "$line" <<'PY'
import json, sys
name, line = sys.argv[1], sys.argv[2]
d = json.loads(line)
print(f"{name:<10} docs {d['docs']:>4} gold {d['gold']:>5} sys {d['system']:>5}  "
      f"strict F1 {d['strict_f1']:.3f}  relaxed F1 {d['relaxed_f1']:.3f}  "
      f"value acc {d['value_acc']:.3f}  value F1 {d['value_f1']:.3f}  type acc {d['type_acc']:.3f}")
PY
}
[ "${1:-}" = "--verbose" ] && VERBOSE=1
score timebank "$TB" "$OUT/timebank.jsonl"
score aquaint "$AQ" "$OUT/aquaint.jsonl"
score tune "$OUT/gold_tune.jsonl" "$OUT/tune.jsonl"
score dev "$OUT/gold_dev.jsonl" "$OUT/dev.jsonl"
python3 "$SHARED/tools/score.py" seed "$OUT/seed.jsonl" > "$OUT/seed.report" 2>&1 || true
echo "seed       $(tail -n 1 "$OUT/seed.report")"
echo "reports in $OUT/*.report"

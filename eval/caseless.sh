#!/bin/sh
# Text without case: dyad on the NER sets and the seed article written all in lower case and
# all in capitals (ASCII letters only, so every gold offset holds), and on the lower-case
# Times of India articles of IndiaPoliceEvents. Prints score.py's headline for each.
# Run from the repository root: sh eval/caseless.sh [DYAD_BINARY]
set -eu
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
OUT=${OUT:-target/eval-caseless}
BIN=${1:-target/release/dyad}
mkdir -p "$OUT"
[ $# -gt 0 ] || flock /tmp/dyad-cargo.lock cargo build --release -q -p dyad

# recase lower|upper < in > out: the text of a JSONL record or of a plain file, recased.
recase() {
  python3 -c '
import json, sys
how, kind = sys.argv[1], sys.argv[2]
f = str.lower if how == "lower" else str.upper
fix = lambda t: "".join(f(c) if c.isascii() else c for c in t)
if kind == "jsonl":
    for line in sys.stdin:
        d = json.loads(line)
        d["text"] = fix(d["text"])
        print(json.dumps(d))
else:
    sys.stdout.write(fix(sys.stdin.read()))
' "$1" "$2"
}

for set in uner_en_pud_test conll2003_en_valid; do
  gold=$SHARED/data/ner/$set.jsonl
  for how in lower upper; do
    recase $how jsonl < "$gold" > "$OUT/$set.$how.jsonl"
    "$BIN" extract -q --jsonl "$OUT/$set.$how.jsonl" --format jsonl --text > "$OUT/$set.$how.out.jsonl"
    echo "$set $how: $(python3 "$SHARED/tools/score.py" ner "$gold" "$OUT/$set.$how.out.jsonl" | tail -n 1 | cut -d, -f1-4)"
  done
done

for how in lower upper; do
  recase $how text < "$SHARED/seed/article.txt" > "$OUT/seed.$how.txt"
  echo "seed $how: $("$BIN" extract -q --date 2022-02-13 "$OUT/seed.$how.txt" | python3 "$SHARED/tools/score.py" seed - 2>/dev/null | tail -n 1)"
done

ipe=$SHARED/data/events/india_police_events.jsonl
"$BIN" extract -q --format jsonl --jsonl "$ipe" > "$OUT/ipe.jsonl"
echo "IndiaPoliceEvents (all articles):"
python3 eval/india_police.py "$ipe" "$OUT/ipe.jsonl"

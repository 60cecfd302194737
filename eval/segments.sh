#!/usr/bin/env bash
# Every figure of the "Text layer" section of BENCHMARKS.md that comes from gold data:
# sentence-boundary F1 of dyad, a plain UAX #29 splitter (unicode-segmentation) and the
# sentencex crate, side by side in one run, on UD English EWT test and GUM's 24 news
# documents; token F1 against the gold surface tokens; and the seed article check
# (9 news sentences, one per line, then a boilerplate tail from the heading that
# seed/expected.json names in boilerplate_starts_with).
#
#   eval/segments.sh               # predictions go to target/eval-segments
#   OUT=/tmp/x eval/segments.sh
#
# Run from anywhere; scoring is done by ../shared/tools/score.py (docs-from-conllu, segments).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
OUT=${OUT:-target/eval-segments}
SCORE="python3 $SHARED/tools/score.py"
mkdir -p "$OUT"

flock /tmp/dyad-cargo.lock cargo build --quiet --release -p dyad-text --example segment
BIN=target/release/examples/segment

$SCORE docs-from-conllu "$SHARED"/data/ud/EWT/en_ewt-ud-test.conllu >"$OUT/ewt.docs.jsonl" 2>"$OUT/ewt.docs.log"
$SCORE docs-from-conllu "$SHARED"/data/ner/GUM/conllu/*.conllu >"$OUT/gum.docs.jsonl" 2>"$OUT/gum.docs.log"

for set in ewt gum; do
  for splitter in dyad uax29 sentencex; do
    "$BIN" --splitter "$splitter" "$OUT/$set.docs.jsonl" >"$OUT/$set.$splitter.jsonl" 2>>"$OUT/$set.$splitter.time"
    $SCORE segments "$OUT/$set.docs.jsonl" "$OUT/$set.$splitter.jsonl" --show 50 >"$OUT/$set.$splitter.report"
  done
done

# The seed article as one document.
python3 -c 'import json,sys; print(json.dumps({"id": "seed", "text": open(sys.argv[1]).read()}))' \
  "$SHARED/seed/article.txt" >"$OUT/seed.docs.jsonl"
"$BIN" --splitter dyad "$OUT/seed.docs.jsonl" >"$OUT/seed.dyad.jsonl" 2>/dev/null

python3 - "$OUT" "$SHARED/seed/expected.json" <<'PY'
import json, sys
out = sys.argv[1]
names = {"ewt": "UD EWT test (316 docs)", "gum": "GUM news (24 docs)"}
print(f"{'set':<24} {'splitter':<10} {'sent P':>7} {'sent R':>7} {'sent F1':>7} {'tok F1':>7}")
for s in ("ewt", "gum"):
    for sp in ("dyad", "uax29", "sentencex"):
        h = json.loads(open(f"{out}/{s}.{sp}.report").read().strip().splitlines()[-1])
        tok = "-" if h["tok_f1"] is None else f"{h['tok_f1']:.4f}"
        print(f"{names[s]:<24} {sp:<10} {h['sent_p']:>7.4f} {h['sent_r']:>7.4f} {h['sent_f1']:>7.4f} {tok:>7}")

# Seed: every news line is one sentence, and boilerplate starts exactly at the appeal.
rec = json.loads(open(f"{out}/seed.dyad.jsonl").readline())
text = rec["doc"]["text"]
heading = json.load(open(sys.argv[2]))["boilerplate_starts_with"]
appeal = text.index(heading)
news = [l for l in text[:appeal].splitlines() if l.strip()]
got = [text[x["start"]:x["end"]] for x in rec["sentences"] if not x["boilerplate"]]
wrong_flags = [x for x in rec["sentences"] if x["boilerplate"] != (x["start"] >= appeal)]
ok = got == news and not wrong_flags
tail = sum(x["boilerplate"] for x in rec["sentences"])
print(f"seed: {len(got)} news sentences (want {len(news)}, one per line: {got == news}), "
      f"{tail} boilerplate sentences from '{heading}' on, wrong flags: {len(wrong_flags)} -> "
      + ("OK" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY

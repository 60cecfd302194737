#!/usr/bin/env bash
# Every figure of the "Syntax" section of BENCHMARKS.md: tagger, parser and NER on gold tokens,
# scored by ../shared/tools/score.py, plus model sizes, load time and words/s on one core.
#
#   eval/syntax.sh                 # embedded models
#   OUT=/tmp/x eval/syntax.sh      # where predictions go (default target/eval-syntax)
#
# Run from the repository root. Training is not done here (see crates/dyad-syntax/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
OUT=${OUT:-target/eval-syntax}
SCORE="python3 $SHARED/tools/score.py"
mkdir -p "$OUT"

flock /tmp/dyad-cargo.lock cargo build --quiet --release -p dyad-syntax --examples
BIN=target/release/examples/syntax

headline() { tail -n 1 | sed 's/^/  /'; }

echo "== UD English EWT test (gold tokens, predicted tags)"
$BIN parse --conllu < "$SHARED/data/ud/EWT/en_ewt-ud-test.conllu" > "$OUT/ewt_test.conllu" 2>/dev/null
$SCORE syntax "$SHARED/data/ud/EWT/en_ewt-ud-test.conllu" "$OUT/ewt_test.conllu" | headline

echo "== GUM news, 24 documents (evaluation only, never trained on)"
cat "$SHARED"/data/ner/GUM/conllu/GUM_news_*.conllu > "$OUT/gum_news_gold.conllu"
$BIN parse --conllu < "$OUT/gum_news_gold.conllu" > "$OUT/gum_news.conllu" 2>/dev/null
$SCORE syntax "$OUT/gum_news_gold.conllu" "$OUT/gum_news.conllu" | headline

for split in dev test; do
  echo "== UNER English EWT $split (NER, exact span and label)"
  gold="$SHARED/data/ner/UNER_English-EWT/en_ewt-ud-$split.iob2"
  $BIN parse --conllu < "$gold" > "$OUT/uner_ewt_$split.conllu" 2>/dev/null
  $SCORE ner "$gold" "$OUT/uner_ewt_$split.conllu" | headline
done

echo "== GUM news test split (NER, PER/ORG/LOC)"
gold="$SHARED/data/ner/GUM/gum_news-test.iob2"
$BIN parse --conllu < "$gold" > "$OUT/gum_news_ner_test.conllu" 2>/dev/null
$SCORE ner "$gold" "$OUT/gum_news_ner_test.conllu" | headline

echo "== Model sizes, load time and speed (tagger + parser + NER, one thread, GUM news words)"
ls -l crates/dyad-syntax/models/*.bin | awk '{print "  " $5 " bytes  " $9}'
$BIN bench "$OUT/gum_news_gold.conllu" --repeat 5 | sed 's/^/  /'

#!/usr/bin/env bash
# Retrains the three shipped models (crates/dyad-syntax/models/*.bin) from ../shared/data, the
# way they were made; same data and code give the same bytes. About 40 minutes on one core
# (a few more the first time, to build step 3's older `syntax` example).
# Step 3 reads the news `--as-written`: the case restorer (ninth session) would otherwise change
# the silver candidates with every change of the NER's word table. Checked on 2026-11-26: word
# table, tagger, NER seed and, from step 3's silver treebank on, the parser, all byte for byte.
# Step 3 runs the code of commit 3b88ee9 (its `dyad` for the news's tokens, its `syntax` example
# for the two silver parsers), built from its sources in the work directory: the text stage and
# the tagger's and parser's templates changed after it, and the silver treebank stays the one
# the shipped parser was trained on.
#
#   crates/dyad-syntax/train.sh            # from the repository root; work files in target/train-syntax
#
# Steps (see crates/dyad-syntax/README.md for why):
#   1. the word table from raw news (clusters, capitalisation) and the known names of lexicon/
#      as of commit 917db8a (its gazetteer towns as a type of their own);
#   2. the tagger, with the word table;
#   3. a silver news treebank: the news sentences on which two parsers agree, both run with
#      the models of commit cdcde83 (one its parser, one that parser retrained with word
#      clusters);
#   4. the parser, on UD EWT train plus the silver sentences, with jackknifed tags, seeds 1-3,
#      the one with the best UD EWT dev LAS kept;
#   5. the NER tagger, seeds 1-3, the one with the best UNER EWT dev F1 kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
S=${SHARED:-../shared}/data
W=target/train-syntax
M=crates/dyad-syntax/models
X=target/release/examples/syntax
EWT=$S/ud/EWT
mkdir -p "$W"
flock /tmp/dyad-cargo.lock cargo build --release -q -p dyad                  # dyad extract: the news's tokens
flock /tmp/dyad-cargo.lock cargo build --release -q -p dyad-syntax --examples # the syntax example trains
log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }

log "1. word table"
# The known names come from the lexicon of commit 917db8a, the one the shipped word table was
# made from: the lexicon grows (new armed groups, agencies) without changing what retraining
# the shipped models gives. Move the pin when the models are retrained on a newer lexicon.
LEX=$W/lexicon-917db8a
if [ ! -d "$LEX" ]; then
  mkdir -p "$LEX" && git archive 917db8a lexicon | tar -x -C "$LEX" --strip-components=1
fi
$X wordtable --out $W/words.tsv --lexicon $LEX \
    $S/news_text/reuters21578.jsonl $S/news_text/ukraine_war_2022_2024_gdelt.jsonl

log "2. tagger"
$X train tagger --train $EWT/en_ewt-ud-train.conllu --dev $EWT/en_ewt-ud-dev.conllu \
    --out $M/tagger.bin --epochs 10 --words $W/words.tsv

log "3. silver news treebank"
for m in tagger parser ner; do git show cdcde83:$M/$m.bin > $W/old-$m.bin; done
OLD=$PWD/$W/silver-code
if [ ! -x "$OLD/target/release/examples/syntax" ]; then
  rm -rf "$OLD" && mkdir -p "$OLD"
  git archive 3b88ee9 | tar -x -C "$OLD"
  (cd "$OLD" && flock /tmp/dyad-cargo.lock cargo build --release -q -p dyad && \
    flock /tmp/dyad-cargo.lock cargo build --release -q -p dyad-syntax --example syntax)
fi
XO=$OLD/target/release/examples/syntax
$XO train parser --train $EWT/en_ewt-ud-train.conllu --dev $EWT/en_ewt-ud-dev.conllu \
    --out $W/old-parser-clusters.bin --epochs 12 --tagger $W/old-tagger.bin \
    --jackknife 5 --max-weights 1000000 --words $W/words.tsv
cat $S/news_text/reuters21578.jsonl $S/news_text/ukraine_war_2022_2024_gdelt.jsonl \
    | $OLD/target/release/dyad extract --as-written --annotations --format jsonl -q --threads 2 \
    | python3 crates/dyad-syntax/silver.py tokens > $W/news.conllu
$XO parse --conllu --tagger $W/old-tagger.bin --ner $W/old-ner.bin --parser $W/old-parser.bin \
    < $W/news.conllu > $W/news-a.conllu
$XO parse --conllu --tagger $W/old-tagger.bin --ner $W/old-ner.bin --parser $W/old-parser-clusters.bin \
    < $W/news.conllu > $W/news-b.conllu
python3 crates/dyad-syntax/silver.py agree $W/news-a.conllu $W/news-b.conllu > $W/silver.conllu
cat $EWT/en_ewt-ud-train.conllu $W/silver.conllu > $W/parser-train.conllu

log "4. parser, seeds 1-3"
best=0
for seed in 1 2 3; do
  $X train parser --train $W/parser-train.conllu --dev $EWT/en_ewt-ud-dev.conllu \
      --out $W/parser-seed$seed.bin --epochs 15 --tagger $M/tagger.bin --jackknife 5 --max-weights 1000000 \
      --seed $seed 2> >(tee $W/parser-seed$seed.log >&2)
  dev=$(sed -n 's/^kept epoch .*dev LAS \([0-9.]*\)%.*/\1/p' $W/parser-seed$seed.log)
  if python3 -c "import sys; sys.exit(not float('$dev') > float('$best'))"; then best=$dev; cp $W/parser-seed$seed.bin $M/parser.bin; fi
done
log "kept the parser seed with dev LAS $best"

log "5. NER, seeds 1-3"
best=0
for seed in 1 2 3; do
  $X train ner --train $S/ner/UNER_English-EWT/en_ewt-ud-train.prerelease.iob2 \
      --dev $S/ner/UNER_English-EWT/en_ewt-ud-dev.iob2 --words $W/words.tsv \
      --out $W/ner-seed$seed.bin --epochs 15 --tagger $M/tagger.bin \
      --seed $seed --jackknife 5 --jackknife-epochs 10 --tag-train $EWT/en_ewt-ud-train.conllu \
      --document --forget 0.5 --beam 2 2> >(tee $W/ner-seed$seed.log >&2)
  dev=$(sed -n 's/^kept epoch .*dev F1 \([0-9.]*\)%.*/\1/p' $W/ner-seed$seed.log)
  if python3 -c "import sys; sys.exit(not float('$dev') > float('$best'))"; then best=$dev; cp $W/ner-seed$seed.bin $M/ner.bin; fi
done
log "kept the NER seed with dev F1 $best; done (eval/syntax.sh gives the figures)"

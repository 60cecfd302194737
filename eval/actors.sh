#!/usr/bin/env bash
# Figures of the actors stage (dyad-lexicon + dyad-extract::actors), for BENCHMARKS.md ("Actors")
# and docs/unlinked-names.md. Run from the repository root: eval/actors.sh [SHARED_DIR]
#
# 1. seed article: entities, labels and actor codes (score.py seed), lexicon only and after NER;
# 2. NER F1 on UNER PUD test and CoNLL-2003 valid: syntax NER alone, syntax NER + linking, lexicon alone;
# 3. Russia/Ukraine corpus: share of PER/ORG/GPE entities with an actor code, 50 most frequent unlinked names;
# 4. lexicon load + compile time and memory, record counts.
set -euo pipefail
S=${1:-../shared}
OUT=${OUT:-target/eval-actors}
mkdir -p "$OUT"
flock /tmp/dyad-cargo.lock cargo build -q --release -p dyad-lexicon -p dyad-extract --example actors
A=${CARGO_TARGET_DIR:-target}/release/examples/actors

echo "== seed"
for mode in lexicon syntax; do
  extra=(); [ "$mode" = syntax ] && extra=(--syntax)
  "$A" extract "$S/seed/article.txt" --date 2022-02-13 --text "${extra[@]}" 2>/dev/null > "$OUT/seed_$mode.jsonl"
  echo "$mode: $(python3 "$S/tools/score.py" seed "$OUT/seed_$mode.jsonl" | tail -n 1)"
done

echo "== NER (micro P/R/F1, exact span and label)"
for set in uner_en_pud_test conll2003_en_valid; do
  "$A" extract --jsonl "$S/data/ner/$set.jsonl" --syntax --no-actors 2>/dev/null > "$OUT/${set}_syntax.jsonl"
  "$A" extract --jsonl "$S/data/ner/$set.jsonl" --syntax 2>/dev/null > "$OUT/${set}_linked.jsonl"
  "$A" extract --jsonl "$S/data/ner/$set.jsonl" 2>/dev/null > "$OUT/${set}_lexicon.jsonl"
  for v in syntax linked lexicon; do
    python3 "$S/tools/score.py" ner "$S/data/ner/$set.jsonl" "$OUT/${set}_$v.jsonl" | tail -n 1 |
      python3 -c "import json,sys; d=json.load(sys.stdin); print('$set', '$v', 'P %.3f R %.3f F1 %.3f' % (d['p'], d['r'], d['f1']), ' '.join('%s=%.3f' % (k, v['f1']) for k, v in sorted(d['per_label'].items())))"
  done
done

echo "== Russia/Ukraine corpus"
"$A" extract --jsonl "$S/data/news_text/ukraine_war_2022_2024_gdelt.jsonl" --syntax > "$OUT/ukraine.jsonl"
python3 - "$OUT/ukraine.jsonl" docs/unlinked-names.md <<'PY'
import collections, json, sys
src, md = sys.argv[1], sys.argv[2]
total, linked = collections.Counter(), collections.Counter()
unlinked = collections.Counter()
labels = {}
docs = 0
for line in open(src, encoding="utf-8"):
    d = json.loads(line)
    docs += 1
    for e in d["entities"]:
        l = e["label"]
        total[l] += 1
        if e["actor"]:
            linked[l] += 1
        elif l in ("PER", "ORG", "GPE", "LOC"):
            unlinked[e["text"]] += 1
            labels.setdefault(e["text"], collections.Counter())[l] += 1
main = ("PER", "ORG", "GPE")
t, k = sum(total[l] for l in main), sum(linked[l] for l in main)
print(f"docs {docs}; PER/ORG/GPE entities {t}, with an actor code {k} ({100 * k / t:.1f}%)")
for l in sorted(total):
    print(f"  {l:5} {linked[l]:6} / {total[l]:6} = {100 * linked[l] / total[l]:5.1f}%")
rows = unlinked.most_common(50)
with open(md, "w", encoding="utf-8") as f:
    f.write("# Unlinked names on the Russia/Ukraine corpus\n\n")
    f.write("The 50 most frequent PER/ORG/GPE/LOC entity texts that the actors stage left without an actor code,\n")
    f.write("on `../shared/data/news_text/ukraine_war_2022_2024_gdelt.jsonl` (447 articles, 2022-01..2024-05),\n")
    f.write("with the syntax stage's NER. Produced by `eval/actors.sh`; candidates for `lexicon/` (or NER errors).\n\n")
    f.write(f"Linked share: {k} of {t} PER/ORG/GPE entities ({100 * k / t:.1f}%).\n\n")
    f.write("| # | name | count | labels |\n|---:|---|---:|---|\n")
    for i, (name, n) in enumerate(rows, 1):
        ls = ", ".join(f"{l} {c}" for l, c in labels[name].most_common())
        f.write(f"| {i} | {name.replace('|', '/')} | {n} | {ls} |\n")
print(f"wrote {md}")
PY

echo "== lexicon load"
"$A" load

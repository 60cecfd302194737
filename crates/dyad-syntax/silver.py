#!/usr/bin/env python3
"""Silver news treebank for the parser: sentences of raw news on which two parsers agree.

    silver.py tokens  < dyad-extract-annotations.jsonl > news.conllu
    silver.py agree   A.conllu B.conllu > silver.conllu

`tokens` turns `dyad extract --annotations --format jsonl` output into CoNLL-U with dyad's own
tokens and sentences and no analysis (the parsers fill it in): only sentences of 6 to 40 words
that end in sentence punctuation and hold at most two all-capital words (headlines, tables
and datelines are left out). `agree` keeps the sentences whose two parses (from
`syntax parse --conllu`) give every word the same head and relation, with the first file's
tags. Parsers that differ in their features err in different places, so where they agree the
parse is mostly right (tri-training, Zhou and Li 2005; Weiss et al. 2015 for parsing).
"""
import json
import sys

ENDS = {".", "?", "!", '"', "'"}


def tokens(inp, out):
    kept = 0
    for line in inp:
        doc = json.loads(line)
        words = doc.get("words") or []
        at = 0
        for s in doc.get("sentences", []):
            while at < len(words) and words[at]["start"] < s["start"]:
                at += 1
            forms = []
            while at < len(words) and words[at]["end"] <= s["end"]:
                forms.append(words[at]["text"])
                at += 1
            if s.get("boilerplate") or not 6 <= len(forms) <= 40 or forms[-1] not in ENDS:
                continue
            if any(not f or any(c.isspace() for c in f) for f in forms):
                continue
            if sum(1 for f in forms if len(f) > 1 and f.isupper()) > 2:
                continue
            kept += 1
            out.write(f"# sent_id = news-{kept}\n")
            for k, f in enumerate(forms, 1):
                out.write(f"{k}\t{f}\t_\t_\t_\t_\t0\tdep\t_\t_\n")
            out.write("\n")
    print(f"silver: {kept} news sentences", file=sys.stderr)


def sentences(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield rows
                rows = []
            elif not line.startswith("#"):
                rows.append(line.split("\t"))
    if rows:
        yield rows


def agree(a_path, b_path, out):
    total = kept = 0
    for a, b in zip(sentences(a_path), sentences(b_path), strict=True):
        total += 1
        if len(a) != len(b) or any(x[6:8] != y[6:8] for x, y in zip(a, b)):
            continue
        kept += 1
        out.write(f"# sent_id = silver-{total}\n")
        for x in a:
            out.write("\t".join(x[:8] + ["_", "_"]) + "\n")
        out.write("\n")
    print(f"silver: {kept} of {total} sentences parsed alike", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:2] == ["tokens"]:
        tokens(sys.stdin, sys.stdout)
    elif sys.argv[1:2] == ["agree"] and len(sys.argv) == 4:
        agree(sys.argv[2], sys.argv[3], sys.stdout)
    else:
        sys.exit(__doc__)

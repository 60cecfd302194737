#!/usr/bin/env python3
"""Silver news treebank for the parser: sentences of raw news on which two parsers agree.

    silver.py tokens  < dyad-extract-annotations.jsonl > news.conllu
    silver.py agree   A.conllu B.conllu > silver.conllu
    silver.py reported EWT-train.conllu [EVERY] > reported.conllu

`tokens` turns `dyad extract --annotations --format jsonl` output into CoNLL-U with dyad's own
tokens and sentences and no analysis (the parsers fill it in): only sentences of 6 to 40 words
that end in sentence punctuation and hold at most two all-capital words (headlines, tables
and datelines are left out). `agree` keeps the sentences whose two parses (from
`syntax parse --conllu`) give every word the same head and relation, with the first file's
tags, unless a word has two subjects or two objects. Parsers that differ in their features err in different places, so where they agree the
parse is mostly right (tri-training, Zhou and Li 2005; Weiss et al. 2015 for parsing).

`reported` writes copies of UD EWT train sentences with a news reporting clause added, as
EWT annotates one: "Troops left the town." becomes "Troops left the town, the ministry said."
with `said` the root and the old root its `ccomp`. EWT (web text) has about thirty such
sentences; news has one in every few. Parsers trained without them (and the silver sentences,
which share their parsers' errors) took the reported clause's last noun for a second subject
of `said` in a third of these sentences ("Israeli troops killed three Palestinians in Jenin,
officials said": `Palestinians` nsubj of `said`), and the event coder lost the object.
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


SUBJECTS = {"nsubj", "nsubj:pass", "csubj", "csubj:pass"}


def ill_formed(rows):
    """True when a word has two subjects or two objects: never so in UD EWT train, so both
    parsers erred alike (in news, mostly a reported clause's noun made a subject of "said")."""
    seen = set()
    for r in rows:
        slot = "subj" if r[7] in SUBJECTS else "obj" if r[7] == "obj" else None
        if slot:
            if (r[6], slot) in seen:
                return True
            seen.add((r[6], slot))
    return False


def agree(a_path, b_path, out):
    total = kept = 0
    for a, b in zip(sentences(a_path), sentences(b_path), strict=True):
        total += 1
        if len(a) != len(b) or any(x[6:8] != y[6:8] for x, y in zip(a, b)) or ill_formed(a):
            continue
        kept += 1
        out.write(f"# sent_id = silver-{total}\n")
        for x in a:
            out.write("\t".join(x[:8] + ["_", "_"]) + "\n")
        out.write("\n")
    print(f"silver: {kept} of {total} sentences parsed alike", file=sys.stderr)


# Reporters and reporting verbs, as (form, UPOS, XPOS, head, relation) with the head an
# index within the phrase (None: the phrase's head). Written here, not taken from a treebank.
REPORTERS = [
    [("officials", "NOUN", "NNS", None, "nsubj")],
    [("the", "DET", "DT", 1, "det"), ("ministry", "NOUN", "NN", None, "nsubj")],
    [("a", "DET", "DT", 1, "det"), ("spokesman", "NOUN", "NN", None, "nsubj")],
    [("the", "DET", "DT", 1, "det"), ("company", "NOUN", "NN", None, "nsubj")],
    [("police", "NOUN", "NNS", None, "nsubj")],
    [("the", "DET", "DT", 1, "det"), ("government", "NOUN", "NN", None, "nsubj")],
    [("state", "NOUN", "NN", 1, "compound"), ("media", "NOUN", "NNS", None, "nsubj")],
    [("the", "DET", "DT", 1, "det"), ("Kremlin", "PROPN", "NNP", None, "nsubj")],
    [("the", "DET", "DT", 2, "det"), ("defence", "NOUN", "NN", 2, "compound"), ("ministry", "NOUN", "NN", None, "nsubj")],
    [("a", "DET", "DT", 2, "det"), ("senior", "ADJ", "JJ", 2, "amod"), ("official", "NOUN", "NN", None, "nsubj")],
    [("the", "DET", "DT", 1, "det"), ("army", "NOUN", "NN", None, "nsubj")],
    [("analysts", "NOUN", "NNS", None, "nsubj")],
    [("he", "PRON", "PRP", None, "nsubj")],
    [("she", "PRON", "PRP", None, "nsubj")],
    [("they", "PRON", "PRP", None, "nsubj")],
    [("Peskov", "PROPN", "NNP", None, "nsubj")],
    [("Mr.", "PROPN", "NNP", 1, "compound"), ("Okafor", "PROPN", "NNP", None, "nsubj")],
    [("the", "DET", "DT", 1, "det"), ("agency", "NOUN", "NN", None, "nsubj")],
    [("Russia", "PROPN", "NNP", 3, "nmod:poss"), ("'s", "PART", "POS", 0, "case"),
     ("foreign", "ADJ", "JJ", 3, "amod"), ("ministry", "NOUN", "NN", None, "nsubj")],
    [("diplomats", "NOUN", "NNS", None, "nsubj")],
]
VERBS = [
    [("said", "VERB", "VBD", None, "root")],
    [("says", "VERB", "VBZ", None, "root")],
    [("added", "VERB", "VBD", None, "root")],
    [("told", "VERB", "VBD", None, "root"), ("reporters", "NOUN", "NNS", 0, "obj")],
    [("said", "VERB", "VBD", None, "root"), ("in", "ADP", "IN", 3, "case"),
     ("a", "DET", "DT", 3, "det"), ("statement", "NOUN", "NN", 0, "obl")],
    [("said", "VERB", "VBD", None, "root"), ("on", "ADP", "IN", 2, "case"),
     ("Monday", "PROPN", "NNP", 0, "obl")],
]


def reported(path, out, every=3):
    """EWT train sentences with a reporting clause added (see the module's docstring): every
    `every`-th declarative sentence whose root is a verb with a subject, ends in a full stop and
    holds no quotation, the reporter and verb chosen by the sentence's number; every other one
    is quoted ('"Troops left the town," the ministry said.'), the quotation marks and the comma
    attached to the quoted clause's head as EWT mostly attaches them."""
    made = 0
    for k, rows in enumerate(sentences(path)):
        words = [r for r in rows if r[0].isdigit()]
        if k % every or not 5 <= len(words) <= 40 or words[-1][1] != "." or words[-1][7] != "punct":
            continue
        root = next((r for r in words if r[6] == "0"), None)
        if root is None or root[3] != "VERB" or words[-1][6] != root[0]:
            continue
        if not any(r[6] == root[0] and r[7].startswith("nsubj") for r in words):
            continue
        if any(r[1] in {'"', "'", "``", "''", "“", "”", "‘", "’"} or r[7] == "parataxis" for r in words):
            continue
        made += 1
        quoted = made % 2 == 0
        reporter = REPORTERS[made % len(REPORTERS)]
        verb = VERBS[(made // len(REPORTERS)) % len(VERBS)]
        shift = int(quoted)  # the opening quotation mark moves every word on by one
        clause = words[:-1]  # the full stop goes
        at_verb = shift + len(clause) + 1 + shift + len(reporter) + 1  # comma, closing mark
        old_root = str(int(root[0]) + shift)
        lines = []
        if quoted:
            lines.append(("1", '"', '"', "PUNCT", "``", old_root, "punct"))
        for r in clause:
            head, rel = (str(at_verb), "ccomp") if r[6] == "0" else (str(int(r[6]) + shift), r[7])
            lines.append((str(int(r[0]) + shift), r[1], r[2], r[3], r[4], head, rel, r[5]))
        lines.append((str(len(lines) + 1), ",", ",", "PUNCT", ",", old_root, "punct"))
        if quoted:
            lines.append((str(len(lines) + 1), '"', '"', "PUNCT", "''", old_root, "punct"))
        for phrase in (reporter, verb):
            start = len(lines) + 1
            for i, (form, upos, xpos, head, rel) in enumerate(phrase):
                if phrase is verb and head is None:
                    h, rel = 0, "root"
                else:
                    h = at_verb if head is None else start + head
                lines.append((str(start + i), form, "_", upos, xpos, str(h), rel))
        lines.append((str(len(lines) + 1), ".", ".", "PUNCT", ".", str(at_verb), "punct"))
        out.write(f"# sent_id = reported-{made}\n")
        for line in lines:
            i, form, lemma, upos, xpos, head, rel, *feats = line
            out.write("\t".join([i, form, lemma, upos, xpos, feats[0] if feats else "_", head, rel, "_", "_"]) + "\n")
        out.write("\n")
    print(f"reported: {made} sentences with a reporting clause added", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:2] == ["tokens"]:
        tokens(sys.stdin, sys.stdout)
    elif sys.argv[1:2] == ["agree"] and len(sys.argv) == 4:
        agree(sys.argv[2], sys.argv[3], sys.stdout)
    elif sys.argv[1:2] == ["reported"] and len(sys.argv) in (3, 4):
        reported(sys.argv[2], sys.stdout, *map(int, sys.argv[3:]))
    else:
        sys.exit(__doc__)

#!/usr/bin/env python3
"""Two errors of the parser on news that need no gold treebank to count.

    target/release/dyad extract -q --annotations --format jsonl \
        --jsonl ../shared/data/news_text/ukraine_war_2022_2024_gdelt.jsonl | python3 eval/news_parse.py

- *Two subjects or two objects*: a word given two `nsubj`/`csubj` (passives included) or two
  `obj` dependents. No sentence of UD EWT train has one, so each is an error.
- *Reporting clauses*: of the sentences that end "..., NP said." (said, says, told, added,
  within six words after a comma), those in which more than one word before the comma
  depends on the reporting verb. EWT annotates the reported clause as one `ccomp` of the verb,
  so a second dependent is, nearly always, a piece of the reported clause torn off it
  ("Israeli troops killed three Palestinians, officials said": "Palestinians" a subject of
  "said").

Prints one JSON line with the counts and rates.
"""
import json
import sys

SUBJECTS = {"nsubj", "nsubj:pass", "csubj", "csubj:pass"}
REPORTING = {"said", "says", "told", "added"}


def sentences(doc):
    """(words, heads local to the sentence or None, relations) of each sentence."""
    words = doc.get("words") or []
    at = 0
    for s in doc.get("sentences", []):
        while at < len(words) and words[at]["start"] < s["start"]:
            at += 1
        first = at
        while at < len(words) and words[at]["end"] <= s["end"]:
            at += 1
        ws = words[first:at]
        if not ws or s.get("boilerplate"):
            continue
        heads = [None if w.get("head") is None else w["head"] - first for w in ws]
        yield [w["text"] for w in ws], heads, [w.get("deprel", "_") for w in ws]


def two_of_a_kind(heads, rels):
    seen = set()
    for h, r in zip(heads, rels):
        slot = "subj" if r in SUBJECTS else "obj" if r == "obj" else None
        if slot:
            if (h, slot) in seen:
                return True
            seen.add((h, slot))
    return False


def torn_report(forms, heads, rels):
    """None when the sentence is no "..., NP said." sentence, else whether it is torn."""
    if len(forms) < 6 or forms[-1] != ".":
        return None
    verb = next((i for i in range(len(forms) - 2, max(len(forms) - 8, 0), -1) if forms[i] in REPORTING), None)
    if verb is None:
        return None
    # The first comma of the last six words opens the reporter, which may hold commas of its
    # own ("..., James Smith, the foreign minister, said").
    commas = [i for i in range(max(0, verb - 6), verb) if forms[i] == ","]
    if not commas or commas[0] < 2:
        return None
    comma = commas[0]
    deps = [i for i in range(comma) if heads[i] == verb and rels[i] != "punct"]
    return len(deps) > 1


def main():
    n = bad = reports = torn = 0
    for line in sys.stdin:
        for forms, heads, rels in sentences(json.loads(line)):
            n += 1
            bad += two_of_a_kind(heads, rels)
            t = torn_report(forms, heads, rels)
            if t is not None:
                reports += 1
                torn += t
    print(json.dumps({
        "sentences": n,
        "two_subjects_or_objects": bad,
        "two_subjects_or_objects_rate": round(bad / max(n, 1), 4),
        "reporting_sentences": reports,
        "torn_reports": torn,
        "torn_report_rate": round(torn / max(reports, 1), 4),
    }))


if __name__ == "__main__":
    main()

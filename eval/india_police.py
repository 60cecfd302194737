#!/usr/bin/env python3
"""Police events in real news: dyad's events against IndiaPoliceEvents, sentence by sentence.

    target/release/dyad extract -q --format jsonl \
        --jsonl ../shared/data/events/india_police_events.jsonl > ipe.jsonl
    python3 eval/india_police.py ../shared/data/events/india_police_events.jsonl ipe.jsonl

The 1,257 Times of India articles of March 2002 (IndiaPoliceEvents, Halterman et al. 2021)
have every one of their 21,391 sentences labelled with what the police did in it. Most of
the articles are written in lower case throughout. No rule of dyad was written on them.
Each gold label is read off dyad's events as follows (events that are asserted or
reported, whose source is a police actor, a CAMEO code with `COP`):

- ARREST "did police arrest someone?": CAMEO 173 (arrest, detain);
- FORCE "did police use force?": CAMEO 175 (violent repression) or roots 18, 19, 20;
- KILL "did police kill someone?": FORCE with a trigger of killing, shooting or dying ("died
  in police firing");
- ANY_ACTION "did police do anything?": any such event.

An event belongs to the gold sentence that holds the start of its trigger. Prints
sentence-level precision, recall and F1 per label, then one JSON line with them.

`--split dev` scores only the held-out fifth of the articles (FNV-1a hash of the id 0 mod 5,
as `eval/timex.sh` splits TimeBank); `--split tune` the rest, and `--misses N` lists N missed
tune sentences with dyad's events in them, for study. Rules may be studied on tune only.
"""
import json
import sys
from collections import defaultdict

COUNTED = {"asserted", "reported"}
LABELS = ["ANY_ACTION", "ARREST", "FORCE", "KILL"]
KILLING = ("kill", "shot", "shoot", "murder", "gunned", "die", "dead", "death")


def labels_of(event):
    """The gold labels an event asserts, if its source is the police."""
    source = event.get("source") or {}
    if "COP" not in (source.get("code") or "") or event.get("modality") not in COUNTED:
        return set()
    cameo, root = event["cameo"], event["root"]
    out = {"ANY_ACTION"}
    if cameo.startswith("173"):
        out.add("ARREST")
    if cameo.startswith("175") or root in ("18", "19", "20"):
        out.add("FORCE")
        if event["trigger"]["text"].lower().startswith(KILLING):
            out.add("KILL")
    return out


def fnv1a(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def in_split(doc_id, split):
    if split == "all":
        return True
    return (fnv1a(doc_id) % 5 == 0) == (split == "dev")


def main(gold_path, out_path, split="all", misses=0):
    gold, texts = {}, {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if in_split(d["id"], split):
                gold[d["id"]] = d["sentences"]
                texts[d["id"]] = d["text"]
    shown = 0
    counts = defaultdict(lambda: [0, 0, 0])  # label -> tp, fp, fn
    seen = set()
    with open(out_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            doc = d["doc"]["id"]
            if doc not in gold:
                continue
            seen.add(doc)
            sentences = gold[doc]
            predicted = defaultdict(set)
            for e in d.get("events", []):
                at = e["trigger"]["start"]
                for k, s in enumerate(sentences):
                    if s["start"] <= at < s["end"]:
                        predicted[k] |= labels_of(e)
                        break
            events_at = defaultdict(list)
            for e in d.get("events", []):
                for k, s in enumerate(sentences):
                    if s["start"] <= e["trigger"]["start"] < s["end"]:
                        events_at[k].append(e)
            for k, s in enumerate(sentences):
                for label in LABELS:
                    g, p = label in s["labels"], label in predicted[k]
                    counts[label][0] += g and p
                    counts[label][1] += p and not g
                    counts[label][2] += g and not p
                missed = [x for x in ("ARREST", "FORCE", "KILL") if x in s["labels"] and x not in predicted[k]]
                if missed and shown < misses and split == "tune":
                    shown += 1
                    print(f"MISSED {doc} {missed}: {texts[doc][s['start']:s['end']][:300]}")
                    for e in events_at[k]:
                        src, tgt = e.get("source") or {}, e.get("target") or {}
                        print(f"    {e['cameo']} {e['modality']} {e['trigger']['text']!r} "
                              f"{src.get('code')}:{src.get('text')!r} -> {tgt.get('code')}:{tgt.get('text')!r}")
    missing = len(set(gold) - seen)
    result = {"docs": len(seen), "missing_docs": missing}
    print(f"{'label':<11} {'gold':>5} {'dyad':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for label in LABELS:
        tp, fp, fn = counts[label]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:<11} {tp + fn:>5} {tp + fp:>5} {p:>6.3f} {r:>6.3f} {f1:>6.3f}")
        result[label] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}
    print(json.dumps(result))


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Police events against IndiaPoliceEvents, by sentence.")
    ap.add_argument("gold")
    ap.add_argument("output")
    ap.add_argument("--split", choices=["all", "tune", "dev"], default="all")
    ap.add_argument("--misses", type=int, default=0, help="list this many missed tune sentences")
    a = ap.parse_args()
    main(a.gold, a.output, a.split, a.misses)

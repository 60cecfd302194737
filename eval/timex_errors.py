#!/usr/bin/env python3
"""Lists the time layer's errors on the TUNE split only, for rule work.

    sh eval/timex.sh                                  # writes target/timex-eval/{gold_tune,tune}.jsonl
    python3 eval/timex_errors.py [--kind value|missed|spurious|all] [--context 60]

Reads target/timex-eval/gold_tune.jsonl and target/timex-eval/tune.jsonl (override with
--gold/--output). Every document is checked against the split rule of
crates/dyad-time/examples/timex_eval.rs, and a document of the held-out dev split (FNV-1a
hash of its id is 0 mod 5) stops the script: dev errors must never be looked at.

Alignment is the scorer's (score.py timex): exact spans first, then overlaps by size.
"""
import argparse
import json
import sys
from collections import Counter


def fnv(s):
    h = 0xCBF29CE484222325
    for b in s.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def align(gold, system):
    res, used_g, used_s = {}, set(), set()
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if j not in used_s and s == g:
                res[i] = j
                used_g.add(i)
                used_s.add(j)
                break
    pairs = []
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        for j, s in enumerate(system):
            if j in used_s:
                continue
            ov = min(g[1], s[1]) - max(g[0], s[0])
            if ov > 0:
                pairs.append((-ov, g[0], s[0], i, j))
    for _, _, _, i, j in sorted(pairs):
        if i not in used_g and j not in used_s:
            res[i] = j
            used_g.add(i)
            used_s.add(j)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="target/timex-eval/gold_tune.jsonl")
    ap.add_argument("--output", default="target/timex-eval/tune.jsonl")
    ap.add_argument("--kind", default="all", choices=["value", "missed", "spurious", "all"])
    ap.add_argument("--context", type=int, default=60)
    args = ap.parse_args()

    outs = {}
    for line in open(args.output, encoding="utf-8"):
        rec = json.loads(line)
        outs[rec["doc"]["id"]] = rec
    counts = Counter()
    for line in open(args.gold, encoding="utf-8"):
        g = json.loads(line)
        gid = g["id"]
        if fnv(gid) % 5 == 0:
            sys.exit(f"{gid} belongs to the held-out dev split: refusing to list its errors")
        text = g["text"]
        o = outs.get(gid, {"timexes": []})
        st = [x for x in o.get("timexes") or []]
        gt = g["timexes"]
        al = align([(t["start"], t["end"]) for t in gt], [(x["start"], x["end"]) for x in st])
        matched = set(al.values())

        def ctx(a, b):
            left = text[max(0, a - args.context):a].replace("\n", " ")
            right = text[b:b + args.context].replace("\n", " ")
            return f"{left}[[{text[a:b]}]]{right}"

        for i, t in enumerate(gt):
            if i not in al:
                counts["missed"] += 1
                if args.kind in ("missed", "all"):
                    print(f"MISSED  {gid} dct={g['doc_date']} {t['type']} {t['value']!r}: {ctx(t['start'], t['end'])}")
                continue
            x = st[al[i]]
            if str(x.get("value")) != str(t["value"]):
                counts["value"] += 1
                if args.kind in ("value", "all"):
                    sys_text = text[x["start"]:x["end"]]
                    print(f"VALUE   {gid} dct={g['doc_date']} gold {t['type']} {t['value']!r} sys {x['type']} "
                          f"{x.get('value')!r} sys_text={sys_text!r}: {ctx(t['start'], t['end'])}")
            else:
                counts["right"] += 1
        for j, x in enumerate(st):
            if j not in matched:
                counts["spurious"] += 1
                if args.kind in ("spurious", "all"):
                    print(f"SPURIOUS {gid} dct={g['doc_date']} {x['type']} {x.get('value')!r}: "
                          f"{ctx(x['start'], x['end'])}")
    print(dict(counts), file=sys.stderr)


if __name__ == "__main__":
    main()

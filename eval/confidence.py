#!/usr/bin/env python3
"""Reliability of event confidence on the GSR records: precision per confidence bucket.

    python3 eval/confidence.py GOLD.jsonl OUTPUT.jsonl [--half even|odd|all] [--list]

GOLD is ../shared/data/petrarch2-validation/gsr_phoenix_records.jsonl, OUTPUT the dyad/1 JSONL
of `dyad extract --jsonl GOLD` (eval/confidence.sh makes both halves' tables). Events are
counted as score.py events counts them: asserted and reported events only, one
(source, target, CAMEO) triple per record, at the highest confidence any event gives it. A
triple is right (exact) when the record's gold has it; lenient when the gold has one with the
same source and target country (first three letters) and CAMEO root.

--half even keeps the records on even line numbers (0-based; the calibration half), odd the
others (the report half). --list prints every triple with its verdict, to study the misses.
"""
import argparse
import json
from collections import defaultdict

BUCKETS = [(0.0, 0.65), (0.65, 0.8), (0.8, 1.01)]
NULL = "---"


def code(p):
    return (p or {}).get("code") or NULL if isinstance(p, dict) or p is None else NULL


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("output")
    ap.add_argument("--half", choices=["even", "odd", "all"], default="all")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    gold = {}
    for n, line in enumerate(open(a.gold, encoding="utf-8")):
        if not line.strip():
            continue
        if a.half == "even" and n % 2 or a.half == "odd" and not n % 2:
            continue
        g = json.loads(line)
        if str(g.get("evaluate", "true")).lower() == "false":
            continue
        gold[str(g["id"])] = g
    rows = []
    for line in open(a.output, encoding="utf-8"):
        o = json.loads(line)
        gid = str((o.get("doc") or {}).get("id"))
        g = gold.pop(gid, None)
        if g is None:
            continue
        G = {(str(e.get("source") or NULL).upper(), str(e.get("target") or NULL).upper(), str(e.get("code")))
             for e in g["expected"]}
        L = {(s[:3], t[:3], c[:2]) for s, t, c in G}
        best = defaultdict(float)
        trig = {}
        for e in o.get("events") or []:
            if e.get("modality", "asserted") not in ("asserted", "reported"):
                continue
            k = (code(e.get("source")), code(e.get("target")), e["cameo"])
            if e["confidence"] >= best[k]:
                best[k] = e["confidence"]
                trig[k] = e["trigger"]["text"]
        for k, c in best.items():
            rows.append((c, k in G, (k[0][:3], k[1][:3], k[2][:2]) in L, gid, k, trig[k]))
    print(f"records {len(set(r[3] for r in rows))} with events; triples {len(rows)} (half: {a.half})")
    print("| confidence | events | exact precision | lenient precision |")
    print("|---|---:|---:|---:|")
    for lo, hi in BUCKETS:
        b = [r for r in rows if lo <= r[0] < hi]
        if not b:
            print(f"| {lo:.2f}–{min(hi, 1.0):.2f} | 0 | – | – |")
            continue
        ex = sum(r[1] for r in b)
        le = sum(r[2] for r in b)
        print(f"| {lo:.2f}–{min(hi, 1.0):.2f} | {len(b)} | {ex / len(b):.2f} ({ex}) | {le / len(b):.2f} ({le}) |")
    n = len(rows)
    if n:
        print(f"| all | {n} | {sum(r[1] for r in rows) / n:.2f} | {sum(r[2] for r in rows) / n:.2f} |")
    if a.list:
        for c, ex, le, gid, k, t in sorted(rows):
            print(f"{c:.2f} {'EXACT' if ex else 'LENIENT' if le else 'wrong'} {gid} {k} '{t}'")


if __name__ == "__main__":
    main()

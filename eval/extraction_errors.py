#!/usr/bin/env python3
"""Error listing for the article-extraction benchmark, tuning half only.

Usage: python3 eval/extraction_errors.py OUT.jsonl [--gt GT.json] [--top N] [--id PREFIX] [--min-tokens K] [--width W]

Prints per-page precision/recall (word 4-gram shingles, as the scorer) for the tuning pages
(ids starting 0-b; the held-out half c-f is refused), worst F1 first, and for each page the
runs of words only in the prediction ("+ extra") or only in the truth ("- missed"), from a
word-level diff.
"""
import argparse, difflib, json, re, sys
from collections import Counter

W = re.compile(r"\w+")
TUNE = set("0123456789ab")


def shingles(text):
    t = W.findall(text)
    if not t:
        return Counter()
    if len(t) < 4:
        return Counter([tuple(t)])
    return Counter(tuple(t[i:i + 4]) for i in range(len(t) - 3))


def prf(gt, pr):
    g, p = shingles(gt), shingles(pr)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def diff(pred, gold, min_tokens):
    """Runs of tokens only in the prediction ('+') or only in the truth ('-'), in order."""
    a, b = W.findall(pred), W.findall(gold)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("replace", "delete") and i2 - i1 >= min_tokens:
            yield "+", " ".join(a[i1:i2])
        if op in ("replace", "insert") and j2 - j1 >= min_tokens:
            yield "-", " ".join(b[j1:j2])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pred")
    ap.add_argument("--gt", default="/work/shared/data/article-extraction/scrapinghub-aeb/ground-truth.json")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--id", default="")
    ap.add_argument("--width", type=int, default=220)
    ap.add_argument("--min-tokens", type=int, default=1)
    args = ap.parse_args()
    if args.id and args.id[0] not in TUNE:
        sys.exit("held-out page: not shown")
    gt = {k: v["articleBody"] for k, v in json.load(open(args.gt)).items() if k[0] in TUNE}
    pred = {}
    for line in open(args.pred):
        r = json.loads(line)
        pred[r["id"]] = r.get("text") or ""
    rows = []
    for k, g in gt.items():
        if args.id and not k.startswith(args.id):
            continue
        p, r = prf(g, pred.get(k, ""))
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((f, p, r, k))
    rows.sort()
    ps = [p for _, p, _, _ in rows]
    rs = [r for _, _, r, _ in rows]
    if not args.id:
        mp, mr = sum(ps) / len(ps), sum(rs) / len(rs)
        print(f"tune pages {len(rows)}: P {mp:.4f} R {mr:.4f} F1 {2*mp*mr/(mp+mr):.4f}")
    for f, p, r, k in rows[: args.top]:
        print(f"\n=== {k[:12]} F1 {f:.3f} P {p:.3f} R {r:.3f}")
        for sign, x in diff(pred.get(k, ""), gt[k], args.min_tokens):
            print(f"  {sign} " + x[: args.width])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Exact and near-duplicate groups that `dyad article` finds in ../shared/data/news_text,
and a fixed-seed sample of 20 near-duplicate pairs written to docs/duplicates-sample.md
for review by a person.

    cargo build --release && python3 eval/duplicates.py [--dyad target/release/dyad] [--dedup 0.8]
"""
import argparse, collections, json, os, random, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWS = os.path.join(ROOT, "..", "shared", "data", "news_text")
CORPORA = ["ukraine_war_2022_2024_gdelt.jsonl", "reuters21578.jsonl"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target", "release", "dyad"))
    ap.add_argument("--dedup", default="0.8")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "duplicates-sample.md"))
    a = ap.parse_args()
    pairs = []
    print(f"{'corpus':<36} {'docs':>6} {'exact':>6} {'near':>6} {'groups':>6} {'largest':>7}")
    for name in CORPORA:
        path = os.path.join(NEWS, name)
        p = subprocess.run([a.dyad, "article", "-q", "--dedup", a.dedup, "--jsonl", path],
                           capture_output=True, text=True, check=True)
        docs = {}
        groups = collections.defaultdict(list)
        exact = near = 0
        for line in p.stdout.splitlines():
            r = json.loads(line)
            docs[r["id"]] = r["text"]
            d = r.get("duplicate_of")
            if d:
                groups[d["id"]].append(r["id"])
                exact += d["exact"]
                near += not d["exact"]
                if not d["exact"]:
                    pairs.append((name, d["id"], r["id"], d["similarity"], docs[d["id"]], r["text"]))
        largest = max((len(g) + 1 for g in groups.values()), default=0)
        print(f"{name:<36} {len(docs):>6} {exact:>6} {near:>6} {len(groups):>6} {largest:>7}")
    random.Random(20261125).shuffle(pairs)
    sample = sorted(pairs[: a.sample], key=lambda x: (x[0], x[1], x[2]))
    with open(a.out, "w", encoding="utf-8") as w:
        w.write("# Near-duplicate pairs for review\n\n")
        w.write(f"{len(sample)} of {len(pairs)} near-duplicate pairs found by `dyad article --dedup {a.dedup}` "
                "in `../shared/data/news_text`, drawn with a fixed seed by `eval/duplicates.py`. "
                "Each pair shows the start and the end of both texts (up to 160 characters each), so a "
                "reader can judge whether they are one story. The verdict column is a person's.\n\n")
        for i, (corpus, orig, dup, sim, t1, t2) in enumerate(sample, 1):
            clip = lambda t: " ".join(t.split())
            w.write(f"## {i}. `{orig}` ~ `{dup}` (similarity {sim:.2f}, {corpus})\n\n")
            for label, t in (("original", clip(t1)), ("duplicate", clip(t2))):
                w.write(f"- {label} ({len(t)} chars): {t[:160]} … {t[-160:]}\n")
            w.write("- verdict: \n\n")
    print(f"wrote {len(sample)} sampled pairs to {os.path.relpath(a.out, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())

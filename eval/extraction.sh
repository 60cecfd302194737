#!/usr/bin/env bash
# Article extraction benchmark: builds the html_extract example in release, runs it on the
# 181 Scrapinghub/Zyte article-extraction-benchmark pages (one thread, HTML in memory), and
# scores it with /work/shared/tools/score_extraction.py on all pages and on the two halves of
# a fixed split: ids starting 0-b are the tuning half, c-f the held-out half.
#
# Usage: eval/extraction.sh [OUT_DIR]   (default: target/eval-extraction)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/work/shared/data/article-extraction/scrapinghub-aeb}
SCORER=${SCORER:-/work/shared/tools/score_extraction.py}
OUT=${1:-target/eval-extraction}
mkdir -p "$OUT"

flock /tmp/dyad-cargo.lock cargo build --quiet --release -p dyad-ingest --example html_extract
for run in 1 2 3; do
  target/release/examples/html_extract "$DATA/html" "$OUT/out.jsonl" 2>>"$OUT/timing.txt.new"
done
mv "$OUT/timing.txt.new" "$OUT/timing.txt"

python3 - "$DATA/ground-truth.json" "$OUT" "$SCORER" <<'PY'
import json, subprocess, sys, statistics, re
gt_path, out, scorer = sys.argv[1:4]
gt = json.load(open(gt_path))
preds = [json.loads(l) for l in open(f"{out}/out.jsonl")]
halves = {"all (181)": lambda i: True, "tune 0-b": lambda i: i[0] in "0123456789ab", "held-out c-f": lambda i: i[0] in "cdef"}
rows = []
for name, keep in halves.items():
    tag = name.split()[0].replace("-", "")
    g = {k: v for k, v in gt.items() if keep(k)}
    json.dump(g, open(f"{out}/gt-{tag}.json", "w"))
    r = json.loads(subprocess.run([sys.executable, scorer, f"{out}/out.jsonl", "--gt", f"{out}/gt-{tag}.json", "--json"],
                                  capture_output=True, text=True, check=True).stdout)
    r = r[0] if isinstance(r, list) else r
    r = next(iter(r.values())) if "bench_f1" not in r and len(r) == 1 else r
    rows.append((name, len(g), r))
secs = [float(m) for m in re.findall(r"seconds: ([0-9.]+)", open(f"{out}/timing.txt").read())]
med = statistics.median(secs)
print(f"{'split':<14} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'empty':>5}")
for name, n, r in rows:
    print(f"{name:<14} {n:>5} {r['bench_precision']:6.3f} {r['bench_recall']:6.3f} {r['bench_f1']:6.3f} {r['accuracy']:6.3f} {r['empty']:>5}")
print(f"time: median {med:.3f} s of {len(secs)} runs ({', '.join(f'{s:.3f}' for s in secs)}); {181/med:.0f} pages/s; "
      f"{3.3/med:.1f}x Python trafilatura 2.3.1 (3.3 s)")
cov = {k: sum(1 for p in preds if p.get(k)) for k in ("title", "published", "author", "language", "url")}
print("metadata coverage (of %d): " % len(preds) + ", ".join(f"{k} {v}" for k, v in cov.items()))
PY

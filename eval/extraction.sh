#!/usr/bin/env bash
# Article extraction benchmark: builds the html_extract example in release, runs it on the
# 181 Scrapinghub/Zyte article-extraction-benchmark pages (one thread, HTML in memory, RUNS
# runs in one process), and scores it with /work/shared/tools/score_extraction.py on all
# pages and on the two halves of a fixed split: ids starting 0-b are the tuning half (the only
# pages whose errors were studied, with eval/extraction_errors.py), c-f the held-out half.
#
# Time is the median over the runs of the extraction loop alone: wall clock, and CPU time of
# the extracting thread (the honest figure on a machine shared with other jobs). Pages/s and
# the ratio to trafilatura use CPU time; TRAF_CPU_S is trafilatura 2.3.1's CPU seconds for the
# 181 pages, measured in the same session by eval/extraction_peers.sh (default: its wall time
# from article-extraction/README.md, 3.3 s).
#
# Usage: eval/extraction.sh [OUT_DIR]   (default: target/eval-extraction; RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/work/shared/data/article-extraction/scrapinghub-aeb}
SCORER=${SCORER:-/work/shared/tools/score_extraction.py}
OUT=${1:-target/eval-extraction}
RUNS=${RUNS:-5}
TRAF_CPU_S=${TRAF_CPU_S:-3.3}
mkdir -p "$OUT"

flock /tmp/dyad-cargo.lock cargo build --quiet --release -p dyad-ingest --example html_extract
target/release/examples/html_extract "$DATA/html" "$OUT/out.jsonl" "$RUNS" 2>"$OUT/timing.txt"

python3 - "$DATA/ground-truth.json" "$OUT" "$SCORER" "$TRAF_CPU_S" <<'PY'
import json, subprocess, sys, statistics, re
gt_path, out, scorer, traf = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
gt = json.load(open(gt_path))
preds = [json.loads(l) for l in open(f"{out}/out.jsonl")]
halves = {"all (181)": lambda i: True, "tune 0-b": lambda i: i[0] in "0123456789ab", "held-out c-f": lambda i: i[0] in "cdef"}
rows, summary = [], {}
for name, keep in halves.items():
    tag = name.split()[0].replace("-", "")
    g = {k: v for k, v in gt.items() if keep(k)}
    json.dump(g, open(f"{out}/gt-{tag}.json", "w"))
    r = json.loads(subprocess.run([sys.executable, scorer, f"{out}/out.jsonl", "--gt", f"{out}/gt-{tag}.json", "--json"],
                                  capture_output=True, text=True, check=True).stdout)
    r = next(iter(r.values()))
    rows.append((name, len(g), r))
    summary[tag] = {k: r[k] for k in ("bench_precision", "bench_recall", "bench_f1", "accuracy", "empty")}
t = open(f"{out}/timing.txt").read()
walls = [float(m) for m in re.findall(r"(?<![a-z_])seconds: ([0-9.]+)", t)]
cpus = [float(m) for m in re.findall(r"cpu_seconds: ([0-9.]+)", t)]
wall, cpu = statistics.median(walls), statistics.median(cpus) if cpus else float("nan")
summary["time"] = {"wall_s": walls, "cpu_s": cpus, "wall_median_s": wall, "cpu_median_s": cpu}
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)
print(f"{'split':<14} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'empty':>5}")
for name, n, r in rows:
    print(f"{name:<14} {n:>5} {r['bench_precision']:6.3f} {r['bench_recall']:6.3f} {r['bench_f1']:6.3f} {r['accuracy']:6.3f} {r['empty']:>5}")
print(f"time over {len(walls)} runs: median wall {wall:.3f} s ({', '.join(f'{s:.3f}' for s in walls)}); "
      f"median CPU {cpu:.3f} s ({', '.join(f'{s:.3f}' for s in cpus)})")
print(f"{181 / cpu:.0f} pages/s on one core (CPU time); {traf / cpu:.1f}x trafilatura ({traf} s)")
cov = {k: sum(1 for p in preds if p.get(k)) for k in ("title", "published", "author", "language", "url")}
print("metadata coverage (of %d): " % len(preds) + ", ".join(f"{k} {v}" for k, v in cov.items()))
PY

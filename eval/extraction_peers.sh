#!/usr/bin/env bash
# Same-run side-by-side of dyad's extract_html and its Python peers (trafilatura,
# readability-lxml, newspaper4k, goose3) on the article-extraction benchmark: the peers in a
# throwaway venv (VENV, default /tmp/dyad-peers-venv; created and filled from PyPI if missing,
# never inside this repo), timed by eval/extraction_peers.py like dyad (extraction loop only,
# wall and thread CPU time); then eval/extraction.sh for dyad with the trafilatura CPU time of
# this session; then one table, every output scored by score_extraction.py on all pages and on
# both halves of the split.
#
# Usage: eval/extraction_peers.sh [OUT_DIR]   (default: target/eval-peers; takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/eval-peers}
VENV=${VENV:-/tmp/dyad-peers-venv}
DATA=${DATA:-/work/shared/data/article-extraction/scrapinghub-aeb}
SCORER=${SCORER:-/work/shared/tools/score_extraction.py}
mkdir -p "$OUT"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  # One at a time: pip 23's resolver trips over lxml[html-clean] required twice.
  for pkg in trafilatura==2.3.1 readability-lxml==0.9 newspaper4k==0.9.6 goose3==3.1.22 html-text==0.7.1 nltk tinysegmenter; do
    "$VENV/bin/pip" install -q "$pkg"
  done
fi
"$VENV/bin/python" eval/extraction_peers.py "$OUT/peers" | tee "$OUT/peers.txt"
TRAF_CPU_S=$(python3 -c "import json;print(json.load(open('$OUT/peers/timing.json'))['trafilatura']['cpu_median_s'])")
TRAF_CPU_S=$TRAF_CPU_S eval/extraction.sh "$OUT/dyad" | tee "$OUT/dyad.txt"

python3 - "$OUT" "$DATA/ground-truth.json" "$SCORER" <<'PY'
import json, subprocess, sys
out, gt_path, scorer = sys.argv[1:4]
timing = json.load(open(f"{out}/peers/timing.json"))
dy = json.load(open(f"{out}/dyad/summary.json"))
traf = timing["trafilatura"]["cpu_median_s"]
def score(path, tag):
    r = json.loads(subprocess.run([sys.executable, scorer, path, "--gt", f"{out}/dyad/gt-{tag}.json", "--json"],
                                  capture_output=True, text=True, check=True).stdout)
    return next(iter(r.values()))
rows = [("dyad extract_html", "this commit", dy["all"], dy["tune"]["bench_f1"], dy["heldout"]["bench_f1"],
         dy["time"]["wall_median_s"], dy["time"]["cpu_median_s"])]
for name, t in timing.items():
    p = f"{out}/peers/{t['file']}"
    a = score(p, "all")
    rows.append((name, t["version"], a, score(p, "tune")["bench_f1"], score(p, "heldout")["bench_f1"],
                 t["wall_median_s"], t["cpu_median_s"]))
print("\n| extractor | version | P | R | F1 (181) | F1 tune 0-b | F1 held-out c-f | wall s | CPU s | pages/s (CPU) | CPU vs trafilatura |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for name, ver, a, ft, fh, wall, cpu in rows:
    print(f"| {name} | {ver} | {a['bench_precision']:.3f} | {a['bench_recall']:.3f} | {a['bench_f1']:.3f} | {ft:.3f} | {fh:.3f} "
          f"| {wall:.3f} | {cpu:.3f} | {181 / cpu:,.0f} | {traf / cpu:.1f}x |")
PY

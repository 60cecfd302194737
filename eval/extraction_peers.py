#!/usr/bin/env python3
"""Times the peer extractors the way html_extract times dyad, for a same-run comparison.

Run with the Python of a throwaway venv holding the peers (see eval/extraction_peers.sh).
Uses the tool table of /work/shared/tools/run_peer_extractors.py (same calls and settings as
its published runs, sockets blocked), but times each tool's extraction loop with both the wall
clock and the CPU time of the extracting thread, over RUNS runs after one warm-up call.

Usage: extraction_peers.py OUT_DIR [--tools a,b] [--runs N] [--runs-slow N]
Writes OUT_DIR/<tool>.json.gz (benchmark format) and OUT_DIR/timing.json.
"""
import argparse, gzip, importlib.util, json, os, statistics, sys, time

PEERS = os.environ.get("PEERS_TOOL", "/work/shared/tools/run_peer_extractors.py")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--tools", default="trafilatura,readability-lxml,newspaper4k,goose3")
    ap.add_argument("--runs", type=int, default=3, help="runs for tools faster than 10 s")
    ap.add_argument("--runs-slow", type=int, default=1, help="runs for slower tools")
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("peers", PEERS)
    peers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(peers)
    peers.block_network()
    os.makedirs(args.outdir, exist_ok=True)
    pages, urls = peers.load_pages(peers.DEFAULT_DATA)
    table = peers.tool_table()
    timing = {}
    for name in args.tools.split(","):
        dist, body, _ = table[name]
        try:
            ver = peers.dist_version(dist)
        except Exception:
            ver = "?"
        try:
            body("<html><body><p>warm up</p></body></html>", "https://example.org/")
        except Exception:
            pass
        walls, cpus, out, errors = [], [], {}, 0
        runs = args.runs
        k = 0
        while k < runs:
            errors = 0
            w0, c0 = time.perf_counter(), time.thread_time()
            for pid, html in pages.items():
                try:
                    text = body(html, urls[pid])
                except Exception:
                    errors += 1
                    text = ""
                out[pid] = {"articleBody": text}
            walls.append(time.perf_counter() - w0)
            cpus.append(time.thread_time() - c0)
            if k == 0 and walls[0] > 10:
                runs = args.runs_slow
            k += 1
        with gzip.open(os.path.join(args.outdir, peers.slug(name) + ".json.gz"), "wt", encoding="utf-8") as fh:
            json.dump({"version": ver, "output": out}, fh, ensure_ascii=False, sort_keys=True)
        timing[name] = {"version": ver, "file": peers.slug(name) + ".json.gz", "errors": errors,
                        "wall_s": [round(x, 3) for x in walls], "cpu_s": [round(x, 3) for x in cpus],
                        "wall_median_s": round(statistics.median(walls), 3),
                        "cpu_median_s": round(statistics.median(cpus), 3)}
        print(f"{name:18} {ver:8} wall {timing[name]['wall_median_s']:7.2f} s  cpu {timing[name]['cpu_median_s']:7.2f} s"
              f"  runs {len(walls)}  errors {errors}", flush=True)
    with open(os.path.join(args.outdir, "timing.json"), "w") as fh:
        json.dump(timing, fh, indent=2)


if __name__ == "__main__":
    main()

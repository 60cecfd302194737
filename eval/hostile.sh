#!/usr/bin/env bash
# The 50 MB page of issue #7's robustness item, on the release binary: generates a page of
# about 50 MB (navigation, an article of numbered paragraphs with a related-links box every
# 50 paragraphs, a footer; the same shape as crates/dyad-ingest/tests/large_page.rs, which runs
# a 4 MB version in the test suite), then runs `dyad article` and `dyad extract` on it under
# /usr/bin/time -v. Checks the exit status and the output (one document whose text holds the
# first and the last paragraph and no related links) and prints wall time, CPU time and peak
# resident memory of each command.
#
# Usage: eval/hostile.sh [OUT_DIR] [MB]   (defaults: target/eval-hostile, 50)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/eval-hostile}
MB=${2:-50}
mkdir -p "$OUT"

flock /tmp/dyad-cargo.lock cargo build --quiet --release -p dyad
DYAD=target/release/dyad

python3 - "$OUT/big.html" "$MB" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
target = mb * 1_000_000
parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A very long report - Example News</title>'
         '<meta property="article:published_time" content="2024-01-02T10:00:00Z"></head><body><header><nav><ul>'
         + ''.join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(30))
         + '</ul></nav></header><main><article><h1>A very long report</h1><div class="article-body">']
size, i, last = len(parts[0]), 0, None
while size < target:
    if i % 50 == 49:
        chunk = ('<aside class="related"><h3>Related</h3><ul>'
                 + ''.join(f'<li><a href="/r/{i}/{k}">Related story {i}-{k} about the talks</a></li>' for k in range(5))
                 + '</ul></aside>')
    else:
        chunk = (f'<div class="block"><p>Paragraph {i}: the council said on Monday that the bridge would reopen in '
                 f'the spring, and <a href="/p/{i}">details</a> would follow later in the week.</p></div>\n')
        last = i
    parts.append(chunk)
    size += len(chunk)
    i += 1
parts.append('</div></article></main><footer><p>Copyright Example News</p></footer></body></html>\n')
open(path, 'w').write(''.join(parts))
open(path + '.last', 'w').write(str(last))
PY
LAST=$(cat "$OUT/big.html.last")
echo "page: $(stat -c %s "$OUT/big.html") bytes, last paragraph $LAST"

run() { # NAME ARGS...: run dyad under /usr/bin/time -v, fail on a non-zero exit
  local name=$1; shift
  if ! /usr/bin/time -v "$DYAD" "$@" "$OUT/big.html" >"$OUT/$name.out" 2>"$OUT/$name.time"; then
    echo "FAIL: dyad $* exited non-zero"; tail -5 "$OUT/$name.time"; exit 1
  fi
  python3 - "$name" "$OUT/$name.time" <<'PY'
import re, sys
name, t = sys.argv[1], open(sys.argv[2]).read()
get = lambda k: re.search(re.escape(k) + r": (.*)", t).group(1).strip()
print(f"{name:8} wall {get('Elapsed (wall clock) time (h:mm:ss or m:ss)')}  user {get('User time (seconds)')} s  "
      f"sys {get('System time (seconds)')} s  peak RSS {int(get('Maximum resident set size (kbytes)')) / 1024:.0f} MB")
PY
}

run article article -q
run extract extract -q --format jsonl

python3 - "$OUT" "$LAST" <<'PY'
import json, sys
out, last = sys.argv[1], int(sys.argv[2])
a = [json.loads(l) for l in open(f"{out}/article.out")]
assert len(a) == 1, f"article: {len(a)} documents"
text = a[0]["text"]
assert text.startswith("Paragraph 0: the council said"), text[:80]
assert f"Paragraph {last}: " in text and text.endswith("later in the week."), text[-80:]
assert "Related story" not in text and "Section 1" not in text
e = [json.loads(l) for l in open(f"{out}/extract.out")]
assert len(e) == 1 and e[0]["schema"] == "dyad/1", "extract: one dyad/1 document"
assert e[0]["doc"]["title"] == "A very long report" and len(e[0]["sentences"]) > 100_000, len(e[0]["sentences"])
print(f"ok: article text {len(text) / 1e6:.1f} MB; extract {len(e[0]['sentences'])} sentences, "
      f"{len(e[0].get('events', []))} events")
PY

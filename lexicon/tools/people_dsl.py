#!/usr/bin/env python3
"""Write a people TSV from the compact form the lexicon's authors type in.

Input lines (stdin): `@ source note` sets the source column of the lines after it;
`Name|variant|variant ; CODE ; Role ; from ; to` is one role record (`to` empty: in office).
`# ...` lines are copied as comments. Usage: people_dsl.py OUT.tsv < records.txt
"""
import sys

out = ["name\tvariants\tcode\trole\tfrom\tto\tsource"]
source = ""
for raw in sys.stdin:
    line = raw.strip()
    if not line:
        continue
    if line.startswith("#"):
        out.append(line)
        continue
    if line.startswith("@"):
        source = line[1:].strip()
        continue
    parts = [p.strip() for p in line.split(";")]
    if len(parts) != 5:
        sys.exit(f"bad line: {line}")
    names, code, role, frm, to = parts
    names = names.split("|")
    out.append("\t".join([names[0], "|".join(names[1:]), code, role, frm, to, source]))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print(sys.argv[1], len([l for l in out[1:] if not l.startswith("#")]))

#!/usr/bin/env python3
"""Generate lexicon/gazetteer.tsv: towns and first-level regions with their country, from the
shared offline GeoNames gazetteer (CC BY 4.0; see the attribution in lexicon/README.md).

Usage: python3 lexicon/tools/gen_gazetteer.py ../shared/data [MIN_POPULATION]   (from the repository root)

What it takes (facts only: a name, its country, its GeoNames id):
- every populated place of data/gazetteer/places.tsv with at least MIN_POPULATION people
  (default 15,000), by its name and its ASCII name;
- every first-level region of data/gazetteer/admin1.tsv ("Punjab", "Donetsk Oblast").

What it leaves out:
- names the hand-written lexicon already knows (countries, capitals, demonyms, places,
  organisations, people and their surnames, agent words): those files decide what they mean;
- names longer than five words, shorter than three letters, or without a capital letter;
- one-word names that the raw news of data/news_text writes in lower case at least three times,
  and at least as often as capitalised inside a sentence ("mobile", "reading", "split"): words,
  not places, in most of their uses. (Not the treebanks: their web text writes names in lower
  case too, "punjab", "kerala".)
- words of political names that a span of the NER can hold alone, cut from a longer name
  ("the Donetsk People's | Republic"): "Republic", "Commonwealth", "Federal", "Liberal", "Liberty";
- beyond the three largest places of one name (by population; a region counts the people of its
  places).

A name shared by several places gets one row each, the most populous first: dyad picks the one in
a country the document names, else the first. dyad never searches a text for these names: it looks
one up only where its NER has already found a place of exactly that name, so "Reading" the verb and
"Jackson" the surname never become towns. Rows are sorted by name (byte order, which dyad's binary
search needs), then population.
"""
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
min_population = int(sys.argv[2]) if len(sys.argv) > 2 else 15000
lexicon = Path(__file__).resolve().parent.parent
csv.field_size_limit(1 << 24)


def rows(p):
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))


# ISO alpha-2 → CAMEO country code, from the lexicon's own generated countries file.
cameo_of = {r["iso2"]: r["code"] for r in rows(lexicon / "countries.tsv") if r["iso2"]}

# Every term of the hand-written lexicon, which wins over the gazetteer.
known = set()
for path in [lexicon / f for f in ("countries.tsv", "places.tsv", "orgs.tsv", "companies.tsv", "media.tsv", "parties.tsv", "agents.tsv")]:
    for r in rows(path):
        first = r.get("name") or r.get("term") or ""
        for col in (first, r.get("variants", ""), r.get("demonyms", ""), r.get("capital", "")):
            known.update(t for t in (col or "").split("|") if t)
for path in sorted((lexicon / "people").glob("*.tsv")):
    for r in rows(path):
        known.update(t for t in [r["name"], *r["variants"].split("|")] if t)
        known.add(r["name"].rsplit(" ", 1)[-1])
known_lower = {k.lower() for k in known}


# How often news writes each word in lower case, and capitalised inside a sentence.
lower, capitalised = defaultdict(int), defaultdict(int)


def count(text):
    for m in re.finditer(r"(?<![A-Za-z])([A-Za-z][a-z]+)(?![A-Za-z])", text):
        w = m.group(1)
        if w[0].islower():
            lower[w] += 1
        elif not re.search(r'(^|[.!?:"\n]\s*)$', text[max(0, m.start() - 3):m.start()]):
            capitalised[w.lower()] += 1


for path in sorted((data / "news_text").glob("*.jsonl")):
    with open(path, encoding="utf-8") as f:
        for line in f:
            count(json.loads(line).get("text") or "")


def a_word(name):
    low = name.lower()
    return " " not in name and lower[low] >= 3 and lower[low] >= capitalised[low]


# Words of political names, never taken for a town (see the docstring).
POLITICAL_WORDS = {"Republic", "Commonwealth", "Federal", "Liberal", "Liberty", "Union", "Kingdom", "Federation"}


def usable(name):
    words = name.split()
    return (
        name not in POLITICAL_WORDS
        and 3 <= len(name)
        and len(words) <= 5
        and re.search(r"[A-Z]", name)
        and "\t" not in name
        and "|" not in name
        and name.lower() not in known_lower
        and not a_word(name)
    )


# (name) → [(population, CAMEO code, geonameid, kind)]
by_name = defaultdict(list)
for r in rows(data / "gazetteer/places.tsv"):
    population = int(r["population"] or 0)
    code = cameo_of.get(r["country"])
    if population < min_population or not code:
        continue
    for name in {r["name"], r["asciiname"]}:
        if usable(name):
            by_name[name].append((population, code, r["geonameid"], "town"))
for r in rows(data / "gazetteer/admin1.tsv"):
    code = cameo_of.get(r["country"])
    if not code:
        continue
    population = int(r["population_sum"] or 0)
    for name in {r["name"], r["asciiname"]}:
        if usable(name):
            by_name[name].append((population, code, r["geonameid"], "region"))

out = lexicon / "gazetteer.tsv"
n = 0
with open(out, "w", encoding="utf-8") as f:
    f.write(
        "# Towns and first-level regions with their country: generated by lexicon/tools/gen_gazetteer.py\n"
        "# from GeoNames (CC BY 4.0, see README.md); do not edit by hand, edit the script. kind gazetteer:\n"
        "# a place only where NER finds one of exactly this name; rows of one name, most populous first.\n"
    )
    f.write("name\tvariants\tkind\tcode\tfrom\tto\tsource\n")
    for name in sorted(by_name):
        seen = set()
        for population, code, gid, what in sorted(by_name[name], key=lambda x: (-x[0], x[1], x[2])):
            if code in seen:
                continue  # one row per country: the largest place of that name in it
            seen.add(code)
            f.write(f"{name}\t\tgazetteer\t{code}\t\t\tGeoNames {gid} {what}\n")
            n += 1
            if len(seen) == 3:
                break
print(f"{out}: {n} rows, {len(by_name)} names (places of {min_population:,} people or more)", file=sys.stderr)

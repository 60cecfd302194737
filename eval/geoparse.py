#!/usr/bin/env python3
"""Toponyms in news: does dyad give each gold place name the right country?

    python3 eval/geoparse.py                       # target/release/dyad over the four sets
    python3 eval/geoparse.py --dyad PATH [--show N] [--sets lgl,tr_news]

The four gold sets of ../shared/data/geoparsing (LGL, TR-News, GeoVirus, GeoWebNews; see its
README) mark place names in news articles with their coordinates. dyad has no coordinates; it
gives a place entity the actor code of its country (`IND` for "Lucknow", `UKRGOV` for "Kyiv" as
a government). So this scores geoparsing at country level:

- a gold toponym's country: LGL and TR-News name it; otherwise the country of its GeoNames id,
  else that of the nearest GeoNames town (../shared/data/gazetteer/places.tsv) to its point;
- dyad's answer: the country part of the actor code of the entity that covers the toponym
  (same span, or overlapping it), if that entity has one.

Printed per set: gold toponyms with a country, those dyad gives any country (answered), those
with the right one; recall = right / gold, precision = right / answered. Demonyms and other
non-place uses that the gold marks (GeoWebNews types Demonym, Non_Toponym) are skipped. The last
line is JSON. `--show N` lists N wrong or missing toponyms of each set.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
SETS = ["lgl", "tr_news", "geovirus", "geowebnews"]
SKIP_TYPES = {"Demonym", "Non_Toponym", "Homonym"}


def tsv(path):
    csv.field_size_limit(1 << 24)
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))


class Countries:
    """ISO alpha-2 of a place, by country name, GeoNames id or nearest town; CAMEO of ISO."""

    def __init__(self):
        gaz = os.path.join(DATA, "gazetteer")
        self.by_name, self.by_gid = {}, {}
        for r in tsv(os.path.join(gaz, "countries.tsv")):
            for n in [r["name"], *r["name_variants"].split("|")]:
                self.by_name.setdefault(n.lower(), r["iso2"])
            self.by_gid[r["geonameid"]] = r["iso2"]
        self.grid = defaultdict(list)
        for r in tsv(os.path.join(gaz, "places.tsv")):
            lat, lon = float(r["lat"]), float(r["lon"])
            self.by_gid[r["geonameid"]] = r["country"]
            self.grid[(math.floor(lat), math.floor(lon))].append((lat, lon, r["country"]))
        for r in tsv(os.path.join(gaz, "admin1.tsv")):
            self.by_gid[r["geonameid"]] = r["country"]
        self.cameo = {r["iso2"]: r["code"] for r in tsv(os.path.join(ROOT, "lexicon", "countries.tsv")) if r["iso2"]}

    def nearest(self, lat, lon):
        best = None
        for d in range(0, 4):
            for a in range(-d, d + 1):
                for b in range(-d, d + 1):
                    if max(abs(a), abs(b)) != d:
                        continue
                    for plat, plon, c in self.grid.get((math.floor(lat) + a, math.floor(lon) + b), ()):
                        dist = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
                        if best is None or dist < best[0]:
                            best = (dist, c)
            if best:
                return best[1]
        return None

    def of(self, t):
        iso = None
        if t.get("country"):
            iso = self.by_name.get(t["country"].lower())
        if not iso and t.get("geonameid"):
            iso = self.by_gid.get(str(t["geonameid"]))
        if not iso and t.get("lat") is not None and t.get("lon") is not None:
            iso = self.nearest(float(t["lat"]), float(t["lon"]))
        return self.cameo.get(iso) if iso else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target", "release", "dyad"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    countries = Countries()
    total = {}
    for name in args.sets.split(","):
        gold_path = os.path.join(DATA, "geoparsing", name + ".jsonl")
        gold = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            for d in gold:
                f.write(json.dumps({"id": d["id"], "text": d["text"], "date": d.get("date")}) + "\n")
            inp = f.name
        out = subprocess.run([args.dyad, "extract", "-q", "--format", "jsonl", "--jsonl", inp],
                             capture_output=True, text=True, check=True).stdout
        os.unlink(inp)
        docs = {}
        for l in out.splitlines():
            d = json.loads(l)
            docs[d["doc"]["id"]] = d
        n_gold = answered = right = 0
        shown = 0
        for d in gold:
            out_doc = docs.get(d["id"], {})
            ents = out_doc.get("entities", [])
            for t in d["toponyms"]:
                if t.get("type") in SKIP_TYPES or t.get("non_locational"):
                    continue
                want = countries.of(t)
                if not want:
                    continue
                n_gold += 1
                cover = [e for e in ents if e["start"] < t["end"] and t["start"] < e["end"]]
                exact = [e for e in cover if e["start"] == t["start"] and e["end"] == t["end"]]
                got = None
                for e in exact + cover:
                    code = e.get("actor") or ""
                    if code[:3] in countries.cameo.values():
                        got = code[:3]
                        break
                answered += got is not None
                right += got == want
                if got != want and shown < args.show:
                    shown += 1
                    ctx = d["text"][max(0, t["start"] - 50):t["end"] + 30].replace("\n", " ")
                    print(f"  {name} {t['name']!r}: gold {want}, dyad {got} "
                          f"{[(e['text'], e['label'], e.get('actor')) for e in cover]} | {ctx}")
        p = right / answered if answered else 0.0
        r = right / n_gold if n_gold else 0.0
        print(f"{name:11s} gold {n_gold:5d}  answered {answered:5d}  right {right:5d}  "
              f"recall {r:.3f}  precision {p:.3f}")
        total[name] = {"gold": n_gold, "answered": answered, "right": right, "recall": round(r, 4),
                       "precision": round(p, 4)}
    print(json.dumps(total))


if __name__ == "__main__":
    sys.exit(main())

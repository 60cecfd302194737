#!/usr/bin/env python3
"""Read dyad's exports back with the tools analysts use: the GDELT 2.0 Events and Mentions
TSV with pandas under GDELT's column names, and the PLOVER JSON lines against the fields
`dyad export --help` documents. Runs `dyad run` on the bundled samples into a scratch store.

    python3 eval/check_exports.py [--dyad target/debug/dyad]

Exit status 0 when every check passes; each failure is printed.
"""
import argparse, json, os, subprocess, sys, tempfile

import pandas as pd

GDELT_EVENTS = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode
Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code
Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode
EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type
Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long
Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode
ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()
GDELT_MENTIONS = """GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier
SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone
MentionDocTranslationInfo Extras""".split()
PLOVER_FIELDS = ["event_id", "event_date", "event_type", "event_mode", "event_text", "cameo", "actor", "actor_country",
                 "actor_code", "recipient", "recipient_country", "recipient_code", "location", "modality",
                 "num_mentions", "num_sources", "story_ids"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dyad", default=os.path.join("target", "debug", "dyad"))
    ap.add_argument("--min-events", type=int, default=1)
    a = ap.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "samples.db")
        subprocess.run([a.dyad, "run", "-q", "--db", db], check=True, stdout=subprocess.DEVNULL)
        paths = {}
        for fmt in ("gdelt", "gdelt-mentions", "plover"):
            paths[fmt] = os.path.join(tmp, fmt)
            subprocess.run([a.dyad, "export", "--db", db, "--format", fmt, "--out", paths[fmt]], check=True,
                           stderr=subprocess.DEVNULL)
        events = pd.read_csv(paths["gdelt"], sep="\t", header=None, names=GDELT_EVENTS, dtype={"EventCode": str,
                             "EventBaseCode": str, "EventRootCode": str}, keep_default_na=True)
        mentions = pd.read_csv(paths["gdelt-mentions"], sep="\t", header=None, names=GDELT_MENTIONS)
        with open(paths["gdelt"], encoding="utf-8") as f:
            widths = {len(line.rstrip("\n").split("\t")) for line in f}
        if widths - {61}:
            failures.append(f"GDELT events rows with {sorted(widths)} columns, expected 61")
        if len(events) < a.min_events:
            failures.append(f"{len(events)} events exported, expected at least {a.min_events}")
        if len(events) and not events["EventCode"].str.fullmatch(r"\d{3,4}").all():
            failures.append("EventCode values that are not CAMEO codes")
        if len(events) and not events["QuadClass"].between(1, 4).all():
            failures.append("QuadClass outside 1-4")
        if len(events) and not set(mentions["GLOBALEVENTID"]) <= set(events["GLOBALEVENTID"]):
            failures.append("mentions of events that the events file lacks")
        if len(events) and events["NumMentions"].sum() != len(mentions):
            failures.append(f"NumMentions sums to {events['NumMentions'].sum()} but {len(mentions)} mentions exported")
        with open(paths["plover"], encoding="utf-8") as f:
            plover = [json.loads(line) for line in f]
        for rec in plover:
            missing = [k for k in PLOVER_FIELDS if k not in rec]
            if missing:
                failures.append(f"PLOVER record {rec.get('event_id')} lacks {missing}")
                break
        if len(plover) != len(events):
            failures.append(f"{len(plover)} PLOVER records for {len(events)} events")
        print(f"exports: {len(events)} GDELT events, {len(mentions)} mentions, {len(plover)} PLOVER records; "
              f"{len(failures)} failed checks")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

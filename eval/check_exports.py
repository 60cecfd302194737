#!/usr/bin/env python3
"""Read dyad's exports back with the tools analysts use: the GDELT 2.0 Events and Mentions
TSV with pandas under GDELT's column names, the PLOVER JSON lines against the fields
`dyad export --help` documents, and the Parquet events and mentions with pyarrow against the
schema in docs/parquet.md. Runs `dyad run` on the bundled samples into a scratch store.

    python3 eval/check_exports.py [--dyad target/debug/dyad]

Exit status 0 when every check passes; each failure is printed.
"""
import argparse, json, os, subprocess, sys, tempfile

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

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

# docs/parquet.md, in file order: column -> Arrow type (pyarrow's spelling).
PARQUET_EVENTS = {
    "event_id": "int64", "event_date": "date32[day]", "event_date_timex": "string", "source_code": "string",
    "source_text": "string", "source_country": "string", "target_code": "string", "target_text": "string",
    "target_country": "string", "cameo": "string", "cameo_root": "string", "quad_class": "uint8",
    "goldstein": "double", "plover_type": "string", "plover_mode": "string", "modality": "string",
    "historical": "bool", "num_mentions": "uint32", "num_sources": "uint32", "num_articles": "uint32",
    "place": "string", "place_country": "string", "confidence": "double", "first_seen": "date32[day]",
    "last_seen": "date32[day]", "first_doc": "string", "url": "string", "evidence": "string",
    "doc_ids": "list<item: string not null>",
}
PARQUET_MENTIONS = {
    "event_id": "int64", "doc_id": "string", "mention_id": "string", "url": "string", "publisher": "string",
    "published": "string", "published_date": "date32[day]", "published_utc": "timestamp[ms, tz=UTC]",
    "sentence_index": "uint32", "start_char": "uint32", "end_char": "uint32", "trigger": "string",
    "source_text": "string", "target_text": "string", "modality": "string", "attribution": "string",
    "attribution_code": "string", "event_date": "date32[day]", "event_date_timex": "string", "place": "string",
    "confidence": "double", "evidence": "string",
    "event_start_utc": "timestamp[ms, tz=UTC]", "event_end_utc": "timestamp[ms, tz=UTC]",
}
# The columns declared non-null; every other column may hold nulls.
PARQUET_REQUIRED = {
    "events": {"event_id", "cameo", "cameo_root", "quad_class", "goldstein", "modality", "historical",
               "num_mentions", "num_sources", "num_articles", "first_doc", "doc_ids"},
    "mentions": {"event_id", "doc_id", "mention_id", "sentence_index", "start_char", "end_char", "trigger",
                 "modality", "confidence", "evidence"},
}


def check_parquet(path, table, columns, failures):
    """Schema, metadata and compression of one Parquet export; returns it as a pyarrow Table."""
    f = pq.ParquetFile(path)
    t = f.read()
    got = {field.name: str(field.type) for field in t.schema}
    if list(got) != list(columns):
        failures.append(f"Parquet {table} columns {list(got)}, expected {list(columns)}")
    for name, kind in columns.items():
        if name in got and got[name] != kind:
            failures.append(f"Parquet {table}.{name} is {got[name]}, expected {kind}")
        if name not in got:
            continue
        field = t.schema.field(name)
        if field.nullable == (name in PARQUET_REQUIRED[table]):
            failures.append(f"Parquet {table}.{name}: nullable={field.nullable}, documented otherwise")
        if not field.nullable and t.column(name).null_count:
            failures.append(f"Parquet {table}.{name} is declared non-null but holds nulls")
    meta = {k.decode(): v.decode() for k, v in (f.metadata.metadata or {}).items()}
    if meta.get("dyad.schema") != "dyad-parquet/1" or meta.get("dyad.table") != table:
        failures.append(f"Parquet {table} key-value metadata {sorted(meta)}")
    for g in range(f.metadata.num_row_groups):
        rg = f.metadata.row_group(g)
        codecs = {rg.column(c).compression for c in range(rg.num_columns)}
        if codecs != {"ZSTD"}:
            failures.append(f"Parquet {table} row group {g} compressed with {codecs}, expected ZSTD")
    return t


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
        for fmt in ("gdelt", "gdelt-mentions", "plover", "parquet", "parquet-mentions"):
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
        pe = check_parquet(paths["parquet"], "events", PARQUET_EVENTS, failures).to_pandas()
        pm = check_parquet(paths["parquet-mentions"], "mentions", PARQUET_MENTIONS, failures).to_pandas()
        if len(pe) != len(events) or len(pm) != len(mentions):
            failures.append(f"Parquet has {len(pe)} events and {len(pm)} mentions; GDELT {len(events)} and "
                            f"{len(mentions)}")
        if list(pe.get("event_id", [])) != list(events["GLOBALEVENTID"]):
            failures.append("Parquet events are not the GDELT export's events in its order")
        elif len(pe):
            gd = events.set_index("GLOBALEVENTID")
            pq_day = pd.to_datetime(pe["event_date"]).dt.strftime("%Y%m%d")
            tsv_day = gd.loc[pe["event_id"], "SQLDATE"].map(lambda d: "" if pd.isna(d) else str(int(d))).values
            if list(pq_day.fillna("")) != list(tsv_day):
                failures.append("Parquet event_date differs from GDELT SQLDATE")
            if list(pe["cameo"]) != list(gd.loc[pe["event_id"], "EventCode"]):
                failures.append("Parquet cameo differs from GDELT EventCode")
            if list(pe["num_mentions"]) != list(gd.loc[pe["event_id"], "NumMentions"]):
                failures.append("Parquet num_mentions differs from GDELT NumMentions")
            if (pe["goldstein"] - gd.loc[pe["event_id"], "GoldsteinScale"].values).abs().max() > 0.051:
                failures.append("Parquet goldstein differs from GDELT GoldsteinScale")
            if int(pe["num_mentions"].sum()) != len(pm):
                failures.append(f"Parquet num_mentions sums to {pe['num_mentions'].sum()}, {len(pm)} mention rows")
            if not set(pm["event_id"]) <= set(pe["event_id"]):
                failures.append("Parquet mentions of events that the events file lacks")
            if [len(d) for d in pe["doc_ids"]] != list(pe["num_articles"]):
                failures.append("Parquet doc_ids lengths differ from num_articles")
            if not pe["confidence"].between(0, 1).all():
                failures.append("Parquet confidence outside 0-1")
        print(f"exports: {len(events)} GDELT events, {len(mentions)} mentions, {len(plover)} PLOVER records, "
              f"{len(pe)} + {len(pm)} Parquet rows; {len(failures)} failed checks")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

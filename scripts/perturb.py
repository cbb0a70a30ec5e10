#!/usr/bin/env python3
"""Scraping-defect perturbations of a corpus (docs + gold), for robustness probes.

usage: perturb.py SRC_SET DST_SET MODE   (SRC_SET has docs/ and gold/; gold is copied as is)
modes:
  apos      apostrophes lost: "l'État" -> "l Etat", "d'agglomération" -> "d agglomération"
  accents   capital accents dropped (É -> E, À -> A), as in upper-case PDF titles
  oneline   every paragraph break becomes a space (PDF text on one line)
  nospace   the space after . , ; : removed ("signé.Le préfet")
  upper     the first three non-empty lines upper-cased
  straight  typographic apostrophes and quotes made straight, non-breaking spaces plain
  all       apos + accents + nospace + straight
"""
import os, re, shutil, sys, unicodedata

src, dst, mode = sys.argv[1], sys.argv[2], sys.argv[3]


def apos(t):
    return re.sub(r"\b([lLdDnNsScCjJqQ]|qu|Qu|jusqu|Jusqu|lorsqu|puisqu)['’]", r"\1 ", t)


def accents(t):
    out = []
    for ch in t:
        if ch.isupper():
            ch = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        out.append(ch)
    return "".join(out)


def oneline(t):
    return re.sub(r"\s*\n\s*", " ", t)


def nospace(t):
    return re.sub(r"(?<=[a-zà-ÿ])([.,;:]) (?=[A-Za-zÀ-ÿ])", r"\1", t)


def upper(t):
    lines = t.split("\n")
    n = 0
    for i, l in enumerate(lines):
        if l.strip() and n < 3:
            lines[i] = l.upper()
            n += 1
    return "\n".join(lines)


def straight(t):
    return t.replace("’", "'").replace("«\u00a0", '"').replace("\u00a0»", '"').replace("\u00a0", " ").replace("\u202f", " ")


M = {"apos": [apos], "accents": [accents], "oneline": [oneline], "nospace": [nospace], "upper": [upper],
     "straight": [straight], "all": [straight, apos, accents, nospace]}
shutil.rmtree(dst, ignore_errors=True)
os.makedirs(dst + "/docs")
shutil.copytree(src + "/gold", dst + "/gold")
for f in sorted(os.listdir(src + "/docs")):
    t = open(os.path.join(src, "docs", f), encoding="utf-8").read()
    for fn in M[mode]:
        t = fn(t)
    open(os.path.join(dst, "docs", f), "w", encoding="utf-8").write(t)

#!/usr/bin/env python3
"""Writes large realistic documents for timing runs: the bundled fixtures' texts (written for
this project) shuffled and concatenated under numbered article headings, as a long contract
converted from PDF would read, until each requested size is reached.

Usage: scripts/gen_large.py OUT_DIR SIZE_MB... (e.g. 0.25 0.5 1 2 16)
Writes OUT_DIR/large_<SIZE>mb.txt. Deterministic (fixed seed)."""

import pathlib
import random
import re
import sys


def texts(root: pathlib.Path) -> list[str]:
    out = []
    for p in sorted(root.glob("*")):
        body = p.read_text(encoding="utf-8", errors="replace")
        if p.suffix in (".html", ".htm"):
            body = re.sub(r"(?s)<(script|style)[^>]*>.*?</\1>", " ", body)
            body = re.sub(r"<[^>]+>", "\n", body)
            body = re.sub(r"\n\s*\n+", "\n\n", body)
        # Form feeds would make the whole concatenation read as one PDF conversion whose
        # repeated lines are page headers; a real contract does not repeat its pages.
        out.append(body.replace("\f", "\n").strip() + "\n")
    return out


def main() -> None:
    out_dir = pathlib.Path(sys.argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = texts(pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "docs")
    for size in sys.argv[2:]:
        target = int(float(size) * 1024 * 1024)
        rng = random.Random(13)
        parts, total, n = [], 0, 0
        while total < target:
            n += 1
            body = f"Article {n}\n\n" + rng.choice(docs) + "\n"
            parts.append(body)
            total += len(body.encode("utf-8"))
        text = "".join(parts).encode("utf-8")[:target].decode("utf-8", errors="ignore")
        (out_dir / f"large_{size}mb.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

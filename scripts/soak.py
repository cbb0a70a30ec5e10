#!/usr/bin/env python3
"""Mutation soak through the `cdv` binary: batches of fixture documents mutated at random offsets
(multi-byte characters, the Unicode spaces the normaliser leaves alone, runs of spaces turned
into them, HTML injected, stretches truncated, duplicated or deleted, stray bytes), each batch
extracted with `--emit-text`, then checked: a record per input, no `internal` error, no
`pipeline.rule_failed` warning, every evidence span on character boundaries of the clean text
and equal to its text. A failing input is kept in OUT_DIR/crashes/ to become a regression test.

Usage: scripts/soak.py [--minutes M] [--batch N] [--seed S] [--cdv target/release/cdv]
Prints the cases tried, the minutes run and what failed; exits 1 on any failure.
(The property tests run longer with: CDV_FUZZ_CASES=2000 cargo test --release --test props.)"""

import argparse
import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SPACES = ["\u0085", "\u1680", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
          "\u2008", "\u2028", "\u205f", "\u3000"]
INSERTS = SPACES + ["\u00a0", "\u202f", "é", "É", "œ", "€", "’", "«\u00a0", "\u00a0»", "–", "—",
                    "…", "😀", "\ufeff", "e\u0301", "\ufb01", "\n", "\n\n", "-\n", " ; ", " : ",
                    "(", ")", ",", ". ", "*", "_", "|", "#"]
HTML = ["<div>", "</div>", "<p>", "</p>", "<li>", "<ul><li>un</li><li>deux</li></ul>", "<br>",
        "&amp;", "&nbsp;", "&#8217;", "<td>", "<tr>", "<!-- note -->", "<", ">", "<h1>Titre</h1>"]


def mutate(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    raw = []
    for _ in range(rng.randint(1, 10)):
        at = rng.randint(0, len(text))
        op = rng.choices(["insert", "html", "spaces", "truncate", "dup", "delete", "byte"],
                         [4, 2, 4, 1, 1, 1, 1])[0]
        if op == "insert":
            text = text[:at] + rng.choice(INSERTS) + text[at:]
        elif op == "html":
            text = text[:at] + rng.choice(HTML) + text[at:]
        elif op == "spaces":
            end = at + rng.randint(0, 400)
            text = text[:at] + text[at:end].replace(" ", rng.choice(SPACES)) + text[end:]
        elif op == "truncate":
            text = text[:at]
        elif op == "dup":
            end = at + rng.randint(0, 2000)
            text = text[:end] + text[at:end] + text[end:]
        elif op == "delete":
            text = text[:at] + text[at + rng.randint(0, 300):]
        else:
            raw.append((rng.random(), rng.randint(0, 255)))
    out = bytearray(text.encode("utf-8", errors="surrogatepass"))
    for frac, byte in raw:
        out.insert(int(frac * len(out)), byte)
    return bytes(out)


def check(out: pathlib.Path, inputs: dict[str, pathlib.Path]) -> list[str]:
    problems = []
    seen = set()
    # Split on "\n" only: a record may hold U+2028 or U+0085, which splitlines() would cut on.
    for line in (out / "documents.jsonl").read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        r = json.loads(line)
        seen.add(r["id"])
        for e in r.get("errors", []):
            if e["kind"] == "internal":
                problems.append(f"{r['id']}: internal error: {e['message']}")
        for w in r.get("warnings", []):
            if w["kind"] == "pipeline.rule_failed":
                problems.append(f"{r['id']}: {w['message']}")
        text_path = out / "text" / f"{r['id']}.txt"
        if not text_path.exists():
            continue
        clean = text_path.read_bytes()
        evidences = []

        def walk(v):
            if isinstance(v, dict):
                if "span" in v and "text" in v and "rule" in v:
                    evidences.append(v)
                for x in v.values():
                    walk(x)
            elif isinstance(v, list):
                for x in v:
                    walk(x)

        walk({k: v for k, v in r.items() if k not in ("contracts", "conflicts")})
        for ev in evidences:
            s, e = ev["span"]
            try:
                found = clean[s:e].decode("utf-8")
            except UnicodeDecodeError:
                problems.append(f"{r['id']}: span {s}..{e} ({ev['rule']}) not on char boundaries")
                continue
            if found != ev["text"]:
                problems.append(f"{r['id']}: span {s}..{e} ({ev['rule']}) is {found!r}, "
                                f"evidence says {ev['text']!r}")
    for missing in set(inputs) - seen:
        problems.append(f"{missing}: no record")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=5)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cdv", default=str(ROOT / "target" / "release" / "cdv"))
    ap.add_argument("--keep", default=str(ROOT / "target" / "soak"))
    args = ap.parse_args()
    seeds = sorted(p for p in (ROOT / "fixtures" / "docs").iterdir()
                   if p.suffix in (".txt", ".md", ".html", ".htm"))
    rng = random.Random(args.seed)
    started = time.time()
    cases, rounds, failures = 0, 0, []
    keep = pathlib.Path(args.keep)
    while time.time() - started < args.minutes * 60:
        rounds += 1
        with tempfile.TemporaryDirectory() as tmp:
            src, out = pathlib.Path(tmp) / "in", pathlib.Path(tmp) / "out"
            src.mkdir()
            inputs = {}
            for i in range(args.batch):
                seed = rng.choice(seeds)
                name = f"m{rounds:04d}_{i:04d}{seed.suffix}"
                (src / name).write_bytes(mutate(rng, seed.read_bytes()))
                inputs[pathlib.Path(name).stem] = src / name
            run = subprocess.run([args.cdv, "extract", str(src), "-o", str(out), "--emit-text",
                                  "-q"], capture_output=True, text=True)
            if run.returncode not in (0, 2):
                failures.append(f"round {rounds}: exit {run.returncode}: {run.stderr[-2000:]}")
                problems = []
            else:
                problems = check(out, inputs)
            cases += len(inputs)
            for p in problems:
                failures.append(p)
                doc = p.split(":", 1)[0]
                if doc in inputs:
                    (keep / "crashes").mkdir(parents=True, exist_ok=True)
                    shutil.copy(inputs[doc], keep / "crashes" / inputs[doc].name)
    minutes = (time.time() - started) / 60
    print(f"soak: {cases} mutated documents in {rounds} batches, {minutes:.1f} minutes, "
          f"{len(failures)} failures")
    for f in failures[:50]:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

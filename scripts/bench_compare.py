#!/usr/bin/env python3
"""Throughput, start-up and memory of `cdv` builds, side by side in one run.

Builds a benchmark corpus by replicating document folders (default: the bundled fixtures;
add seeds and dev with --from) into numbered sub-folders until N files, then, for each binary
given, alternately (so a busy machine slows them alike):
  - `extract CORPUS -o TMP -q --full --jobs J`: wall seconds, user+sys CPU seconds, documents/s
    and MB/s (input bytes), peak RSS (from the kernel's rusage of the child);
  - a one-document run (start-up included): median wall milliseconds of 5;
  - peak RSS on the first 1,000 files and on the whole corpus (is memory flat?).
Prints a Markdown table. `--rss-only` measures only the peak RSS (a 100,000-file corpus takes
a long time per run: one run per binary).

Usage: scripts/bench_compare.py [--files N] [--jobs J] [--from DIR ...] [--runs R] [--rss-only] BIN...
e.g.   scripts/bench_compare.py --files 20000 --from fixtures/docs \\
           --from ../shared/corpus/seeds/docs --from ../shared/corpus/dev/docs \\
           /tmp/cdv-before target/release/cdv
"""

import argparse
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def corpus(sources: list[pathlib.Path], files: int, dest: pathlib.Path) -> int:
    docs = sorted(p for s in sources for p in s.iterdir() if p.is_file())
    if not docs:
        sys.exit("no documents in " + ", ".join(map(str, sources)))
    n, round_ = 0, 0
    while n < files:
        sub = dest / f"{round_:04d}"
        sub.mkdir(parents=True)
        for p in docs:
            if n == files:
                break
            shutil.copyfile(p, sub / f"{p.parent.parent.name}_{p.name}")
            n += 1
        round_ += 1
    return sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user+sys) of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 2):
        sys.exit(f"{' '.join(cmd)}: exit {proc.returncode}\n{proc.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def peak_rss(cmd: list[str]) -> int:
    """Peak RSS (KiB) of one run of `cmd`, measured alone by /usr/bin/time when present."""
    timer = "/usr/bin/time"
    if not os.path.exists(timer):
        return 0
    out = subprocess.run([timer, "-f", "%M", *cmd], capture_output=True, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--from", dest="sources", action="append", type=pathlib.Path)
    ap.add_argument("--rss-only", action="store_true", help="measure only the peak RSS")
    args = ap.parse_args()
    sources = args.sources or [pathlib.Path("fixtures/docs")]
    with tempfile.TemporaryDirectory(prefix="cdv-bench-") as tmp:
        root = pathlib.Path(tmp)
        size = corpus(sources, args.files, root / "corpus")
        small = root / "small"
        small.mkdir()
        copied = 0
        for p in sorted((root / "corpus").rglob("*")):
            if p.is_file() and copied < 1000:
                (small / p.parent.name).mkdir(exist_ok=True)
                shutil.copyfile(p, small / p.parent.name / p.name)
                copied += 1
        one = next(p for p in sorted((root / "corpus").rglob("*")) if p.is_file())
        rows = {b: {"wall": [], "cpu": [], "rss": 0, "one": [], "rss_small": 0} for b in args.binaries}
        for _ in range(0 if args.rss_only else args.runs):
            for b in args.binaries:
                out = root / "out"
                shutil.rmtree(out, ignore_errors=True)
                cmd = [b, "extract", str(root / "corpus"), "-o", str(out), "-q", "--full", "--jobs", str(args.jobs)]
                wall, cpu = run(cmd)
                rows[b]["wall"].append(wall)
                rows[b]["cpu"].append(cpu)
        for b in args.binaries:
            out = root / "out"
            shutil.rmtree(out, ignore_errors=True)
            base = [b, "extract", "-q", "--full", "--jobs", str(args.jobs), "-o", str(out)]
            rows[b]["rss"] = peak_rss(base + [str(root / "corpus")])
            rows[b]["rss_small"] = peak_rss(base + [str(small)])
            for _ in range(0 if args.rss_only else 5):
                start = time.perf_counter()
                subprocess.run([b, "extract", str(one), "-o", str(root / "one"), "-q", "--full"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                rows[b]["one"].append(time.perf_counter() - start)
        n_small = sum(1 for p in small.rglob("*") if p.is_file())
        print(f"corpus: {args.files} files, {size / 1e6:.1f} MB, from {', '.join(map(str, sources))}; "
              f"--jobs {args.jobs}; {args.runs} run(s) each, best kept; {os.cpu_count()} cores\n")
        if args.rss_only:
            print(f"| binary | peak RSS {n_small} files (MiB) | peak RSS {args.files} files (MiB) |")
            print("|---|---|---|")
            for b, r in rows.items():
                print(f"| `{b}` | {r['rss_small'] / 1024:.0f} | {r['rss'] / 1024:.0f} |")
            return
        print(f"| binary | wall s | CPU s | docs/s | MB/s | one document (ms) | peak RSS {n_small} files (MiB) | peak RSS {args.files} files (MiB) |")
        print("|---|---|---|---|---|---|---|---|")
        for b, r in rows.items():
            wall = min(r["wall"])
            print(f"| `{b}` | {wall:.1f} | {min(r['cpu']):.1f} | {args.files / wall:.0f} | "
                  f"{size / 1e6 / wall:.2f} | {statistics.median(r['one']) * 1000:.0f} | "
                  f"{r['rss_small'] / 1024:.0f} | {r['rss'] / 1024:.0f} |")


if __name__ == "__main__":
    main()

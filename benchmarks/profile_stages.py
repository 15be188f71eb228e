"""Quick per-stage timing and an optional profile of `extract`, for work on the hot path.

    python benchmarks/profile_stages.py                 # MB/s of each stage on 1 MB of fixtures
    python benchmarks/profile_stages.py --profile tottime --top 40
    python benchmarks/profile_stages.py --mb 0.2 --adversarial "ماي يناير شباط "

Times are process time (CPU seconds of this process), so other work on the machine
disturbs them less than wall time; `benchmarks/run.py` is the measurement of record.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

import arabic_stats

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def corpus(mb: float) -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("**/*.txt")))
    size = len(text.encode())
    return (text + "\n\n") * (int(mb * 1_000_000) // size + 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="size of the text in MB (default 1)")
    ap.add_argument("--adversarial", metavar="UNIT", help="time this unit repeated instead of the fixtures")
    ap.add_argument("--profile", metavar="SORT", help="also profile extract, sorted by tottime or cumtime")
    ap.add_argument("--top", type=int, default=40, help="profile lines to print")
    args = ap.parse_args()
    if args.adversarial:
        unit = args.adversarial
        text = unit * (int(args.mb * 1_000_000) // len(unit))
    else:
        text = corpus(args.mb)
    mb = len(text.encode()) / 1e6
    arabic_stats.extract("بلغ عدد الزوار 12 زائر في 17 ماي 2025")  # lexicons and patterns, once
    print(f"{len(text):,} characters, {mb:.2f} MB")
    stages = [("normalize", arabic_stats.normalize), ("find_numbers", arabic_stats.find_numbers),
              ("find_dates", arabic_stats.find_dates), ("extract", arabic_stats.extract)]
    for name, fn in stages:
        t0 = time.process_time()
        fn(text)
        dt = time.process_time() - t0
        print(f"{name:14s} {dt:7.2f} s  {mb / dt:7.2f} MB/s")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(arabic_stats.extract, text)
        pstats.Stats(prof).sort_stats(args.profile).print_stats(args.top)


if __name__ == "__main__":
    main()

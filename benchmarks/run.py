"""Every performance figure of arabic_stats, side by side, in one run.

    .venv/bin/python benchmarks/run.py              # full run (a few minutes)
    .venv/bin/python benchmarks/run.py --quick      # small sizes, for a smoke test

Two corpora, built here, nothing downloaded:

* ``big``: the fixture articles (``tests/fixtures/*.txt``) repeated to ``--size-mb``
  (one large text, one call per stage);
* ``archive``: ``--articles`` synthetic news articles from :mod:`synth` (varied
  countries, month systems, digits and words, platforms, metrics), one call per
  article.

On both it times ``normalize``, ``find_numbers``, ``find_dates`` (when the installed
arabic_stats has it) and ``extract``, and the peers ``pyarabic.number``
(``extract_number_phrases``) and ``dateparser.search.search_dates(languages=["ar"])``.
dateparser is slow, so it runs on a sample (``--dateparser-kb`` of each corpus), and our
``find_dates``/``extract`` are timed on that same sample for the ratio. It also measures
peak memory (tracemalloc), ``import arabic_stats`` in fresh interpreters, the memory of a
long ``extract_many`` stream (RSS sampled as documents go by), ``extract_many`` and the
command line with ``--jobs 2`` against ``--jobs 1``, and prints everything against the
targets. Results go to ``benchmarks/results/latest.json`` and ``latest.md``.

MB are 10^6 bytes of the UTF-8 input; ``chars/s`` counts Python ``str`` characters.
Rates on the big text are the best of ``--repeat`` runs (wall clock; the archive's 10,000
calls are one pass), so that other processes on the
machine disturb them less; the load average is recorded with the results.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

MB = 1_000_000

TARGETS = {
    "normalize_mb_s": 20.0,
    "find_numbers_mb_s": 1.0,
    "extract_mb_s": 1.0,
    "find_dates_vs_dateparser": 50.0,
    "import_ms": 150.0,
    "cli_jobs2_speedup": 1.8,
    "stream_rss_growth_mb": 20.0,
}


# ---- helpers ----------------------------------------------------------------------------------

def utf8_len(texts: Iterable[str]) -> int:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts)


def rate(chars: int, nbytes: int, seconds: float, **extra: Any) -> dict[str, Any]:
    seconds = max(seconds, 1e-9)
    return {"seconds": round(seconds, 4), "chars": chars, "bytes": nbytes,
            "chars_per_s": round(chars / seconds), "mb_per_s": round(nbytes / seconds / MB, 3), **extra}


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def rss_mb() -> float:
    """Resident set size of this process now, in MB (Linux /proc; else peak RSS)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    import arabic_stats

    return {"cpu_count": os.cpu_count(), "usable_cores": usable, "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform(), "arabic_stats": arabic_stats.__version__,
            "date": dt.datetime.now().isoformat(timespec="seconds"), "load_average_start": load_average()}


# ---- sections -----------------------------------------------------------------------------------

def import_time(runs: int) -> dict[str, Any]:
    """``import arabic_stats`` in fresh interpreters, and the first ``extract`` call
    (lexicons loaded and patterns compiled) after it."""
    code = ("import time; t0 = time.perf_counter(); import arabic_stats; t1 = time.perf_counter(); "
            "arabic_stats.extract('بلغ عدد المتابعين 1,197,335 متابع'); t2 = time.perf_counter(); "
            "print(t1 - t0, t2 - t1)")
    heavy_code = ("import sys, arabic_stats; print(' '.join(sorted(m for m in ('pydantic', 'regex', 'spacy', "
                  "'camel_tools', 'dask', 'pyarrow', 'pandas', 'hijridate') if m in sys.modules)))")
    imports, firsts = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        a, b = map(float, out.stdout.split())
        imports.append(a * 1000)
        firsts.append(b * 1000)
    heavy = subprocess.run([sys.executable, "-c", heavy_code], capture_output=True, text=True, check=True,
                           cwd=ROOT).stdout.split()
    return {"runs": runs, "import_ms_median": round(statistics.median(imports), 1),
            "import_ms_min": round(min(imports), 1), "import_ms_max": round(max(imports), 1),
            "first_extract_ms_median": round(statistics.median(firsts), 1),
            "modules_loaded_by_import": heavy}


def stages() -> dict[str, Callable[[str], Any]]:
    import arabic_stats

    out: dict[str, Callable[[str], Any]] = {"normalize": arabic_stats.normalize,
                                            "find_numbers": arabic_stats.find_numbers}
    find_dates = getattr(arabic_stats, "find_dates", None) if "find_dates" in arabic_stats.__all__ else None
    if find_dates is not None:
        out["find_dates"] = find_dates
    out["extract"] = arabic_stats.extract
    return out


def peers() -> dict[str, Callable[[str], Any]]:
    out: dict[str, Callable[[str], Any]] = {}
    try:
        from pyarabic.number import extract_number_phrases

        out["pyarabic.number.extract_number_phrases"] = extract_number_phrases
    except ImportError:
        log("pyarabic not installed: skipped")
    try:
        from dateparser.search import search_dates

        out["dateparser.search_dates"] = lambda text: search_dates(text, languages=["ar"])
    except ImportError:
        log("dateparser not installed: skipped")
    return out


def found(result: Any) -> int:
    """How many things a stage or a peer found (a sanity check on the timings)."""
    if result is None:
        return 0
    if isinstance(result, str):
        return 1
    if hasattr(result, "numbers"):
        return len(result.numbers) + len(result.dates) + len(result.facts)
    return len(result)


def throughput(name: str, fn: Callable[[str], Any], texts: Sequence[str], repeat: int) -> dict[str, Any]:
    fn("بلغ عدد الزوار 1200 زائر في 17 ماي 2025")  # warm: lexicons, patterns
    seconds, count = best_of(repeat, lambda: sum(found(fn(t)) for t in texts))
    r = rate(sum(map(len, texts)), utf8_len(texts), seconds, found=count)
    log(f"  {name:42s} {r['mb_per_s']:8.3f} MB/s  {r['chars_per_s']:>11,} chars/s  found {count:,}")
    return r


def sample(texts: Sequence[str], kb: int) -> list[str]:
    """The first texts of a corpus up to ``kb`` KB of UTF-8 (a single big text is cut
    at a paragraph break)."""
    limit = kb * 1000
    if len(texts) == 1:
        text = texts[0]
        cut = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
        end = cut.rfind("\n")
        return [cut[:end + 1] if end > 0 else cut]
    out, size = [], 0
    for t in texts:
        if size >= limit:
            break
        out.append(t)
        size += len(t.encode("utf-8"))
    return out


def peak_memory(fn: Callable[[str], Any], text: str) -> dict[str, Any]:
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    result = fn(text)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    nbytes = len(text.encode("utf-8"))
    return {"input_mb": round(nbytes / MB, 2), "peak_mb": round((peak - before) / MB, 1),
            "peak_per_input_byte": round((peak - before) / nbytes, 1),
            "retained_mb": round((current - before) / MB, 1)}


def stream_memory(docs: int, jobs: int) -> dict[str, Any]:
    """RSS while ``extract_many`` consumes a long stream of archive articles (2,000
    different ones, cycled); each result is dropped once read, as a consumer writing
    JSONL would. Run in a fresh process, so the RSS is the stream's alone."""
    import arabic_stats

    n_unique = min(docs, 2000)
    texts = [a.text for a in synth.archive(n_unique)]
    step = max(docs // 20, 1)
    samples: list[tuple[int, float]] = []
    t0 = time.perf_counter()
    stream = (texts[i % n_unique] for i in range(docs))
    for i, ext in enumerate(arabic_stats.extract_many(stream, jobs=jobs), 1):
        del ext
        if i % step == 0:
            samples.append((i, round(rss_mb(), 1)))
    seconds = time.perf_counter() - t0
    warm = samples[len(samples) // 10] if samples else (0, rss_mb())
    last = samples[-1] if samples else warm
    half = samples[len(samples) // 2:]
    slope = 0.0
    if len(half) >= 2:
        xs, ys = [x for x, _ in half], [y for _, y in half]
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        den = sum((x - mx) ** 2 for x in xs)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0
    return {"docs": docs, "jobs": jobs, "seconds": round(seconds, 2), "docs_per_s": round(docs / seconds, 1),
            "rss_mb_after_10pct": warm[1], "rss_mb_end": last[1], "rss_growth_mb": round(last[1] - warm[1], 1),
            "rss_slope_mb_per_1000_docs_second_half": round(slope * 1000, 3), "samples": samples}


def _burn(n: int) -> int:
    x = 0
    for i in range(n):
        x += i
    return x


def parallel_ceiling(repeat: int, n: int = 20_000_000) -> dict[str, Any]:
    """The speed-up two processes get on this machine right now for pure CPU work with
    no communication: the ceiling for --jobs 2 (other processes on a shared machine
    lower it)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_burn, [1000, 1000]))  # workers started
        one, _ = best_of(repeat, lambda: list(pool.map(_burn, [n])))
        two, _ = best_of(repeat, lambda: list(pool.map(_burn, [n, n])))
    return {"one_task_seconds": round(one, 3), "two_tasks_seconds": round(two, 3),
            "speedup": round(2 * one / two, 2)}


def extract_many_speedup(texts: Sequence[str], repeat: int) -> dict[str, Any]:
    import arabic_stats

    out: dict[str, Any] = {"docs": len(texts), "bytes": utf8_len(texts)}
    for jobs in (1, 2):
        seconds, n = best_of(repeat, lambda: sum(1 for _ in arabic_stats.extract_many(texts, jobs=jobs)))
        assert n == len(texts)
        out[f"jobs{jobs}_seconds"] = round(seconds, 3)
        out[f"jobs{jobs}_mb_per_s"] = round(out["bytes"] / seconds / MB, 3)
    out["speedup"] = round(out["jobs1_seconds"] / out["jobs2_seconds"], 2)
    return out


def cli_speedup(texts: Sequence[str], repeat: int) -> dict[str, Any] | None:
    """``arabic-stats extract DIR --jobs N`` on one file per article, as a subprocess."""
    try:
        import arabic_stats.cli  # noqa: F401
    except ImportError:
        log("no arabic_stats.cli: CLI speed-up skipped")
        return None
    out: dict[str, Any] = {"files": len(texts), "bytes": utf8_len(texts)}
    with tempfile.TemporaryDirectory(prefix="arabic-stats-bench-") as tmp:
        corpus = Path(tmp, "corpus")
        corpus.mkdir()
        for i, t in enumerate(texts):
            Path(corpus, f"{i:06d}.txt").write_text(t, encoding="utf-8")
        outputs = {}
        for jobs in (1, 2):
            target = Path(tmp, f"out{jobs}.jsonl")
            cmd = [sys.executable, "-m", "arabic_stats", "extract", str(corpus), "--jobs", str(jobs),
                   "--format", "jsonl", "--output", str(target), "--quiet"]

            def run() -> None:
                subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)

            seconds, _ = best_of(repeat, run)
            out[f"jobs{jobs}_seconds"] = round(seconds, 3)
            out[f"jobs{jobs}_mb_per_s"] = round(out["bytes"] / seconds / MB, 3)
            outputs[jobs] = target.read_bytes()
        lines = outputs[1].count(b"\n")
        out["records"] = lines
        out["same_output"] = outputs[1] == outputs[2]
    out["speedup"] = round(out["jobs1_seconds"] / out["jobs2_seconds"], 2)
    return out


# ---- report -------------------------------------------------------------------------------------

def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**met**" if ok else "**missed**")


def summary(res: dict[str, Any]) -> dict[str, Any]:
    big = res["throughput"]["big"]
    arch = res["throughput"]["archive"]
    rows = []

    def add(target: str, measured: str, ok: bool | None) -> None:
        rows.append({"target": target, "measured": measured, "ok": ok})

    add(f"normalize >= {TARGETS['normalize_mb_s']} MB/s",
        f"{big['normalize']['mb_per_s']} MB/s (big), {arch['normalize']['mb_per_s']} MB/s (archive)",
        big["normalize"]["mb_per_s"] >= TARGETS["normalize_mb_s"])
    add(f"find_numbers >= {TARGETS['find_numbers_mb_s']} MB/s",
        f"{big['find_numbers']['mb_per_s']} MB/s (big), {arch['find_numbers']['mb_per_s']} MB/s (archive)",
        min(big["find_numbers"]["mb_per_s"], arch["find_numbers"]["mb_per_s"]) >= TARGETS["find_numbers_mb_s"])
    add(f"extract >= {TARGETS['extract_mb_s']} MB/s on one core",
        f"{big['extract']['mb_per_s']} MB/s (big), {arch['extract']['mb_per_s']} MB/s (archive)",
        min(big["extract"]["mb_per_s"], arch["extract"]["mb_per_s"]) >= TARGETS["extract_mb_s"])
    ratios = res["ratios"]
    fd = [ratios[c].get("find_dates_vs_dateparser_same_input") for c in ("big", "archive")]
    fd = [x for x in fd if x is not None]
    add(f"find_dates >= {TARGETS['find_dates_vs_dateparser']}x dateparser.search_dates",
        " / ".join(f"{x}x" for x in fd) + " (big / archive, same sample)" if fd else "find_dates not available",
        min(fd) >= TARGETS["find_dates_vs_dateparser"] if fd else None)
    imp = res["import"]
    add(f"import arabic_stats < {TARGETS['import_ms']:.0f} ms",
        f"{imp['import_ms_median']} ms median of {imp['runs']} fresh interpreters",
        imp["import_ms_median"] < TARGETS["import_ms"])
    cli = res.get("cli")
    add(f"CLI --jobs 2 close to 2x --jobs 1 (>= {TARGETS['cli_jobs2_speedup']}x)",
        f"{cli['speedup']}x on {cli['files']} files (two processes of pure CPU work: "
        f"{res['parallel_ceiling']['speedup']}x)" if cli else "CLI not available",
        cli["speedup"] >= TARGETS["cli_jobs2_speedup"] if cli else None)
    st = res["stream"]
    add("memory flat over a long extract_many stream",
        f"RSS {st['rss_mb_after_10pct']} -> {st['rss_mb_end']} MB over {st['docs']:,} docs "
        f"({st['rss_slope_mb_per_1000_docs_second_half']} MB per 1000 docs in the second half)",
        st["rss_growth_mb"] <= TARGETS["stream_rss_growth_mb"])
    return {"rows": rows}


def density(res: dict[str, Any], corpus: str) -> float:
    row = res["throughput"][corpus]["extract"]
    return round(row["found"] / (row["bytes"] / 1000), 1)


def markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = [f"# arabic_stats benchmark, {m['date']}", "",
             f"Machine: {m['cpu_count']} cores ({m['usable_cores']} usable), {m['cpu']}, Python {m['python']}, "
             f"{m['platform']}. Load average at start {m['load_average_start']}, at end {m.get('load_average_end')}.",
             "", f"Corpora: **big** = the fixture articles repeated to {res['corpora']['big']['mb']} MB "
             f"({res['corpora']['big']['chars']:,} chars, one call per stage); **archive** = "
             f"{res['corpora']['archive']['articles']:,} synthetic articles, {res['corpora']['archive']['mb']} MB "
             f"(one call per article). Results per kB (numbers + dates + facts): big "
             f"{density(res, 'big')}, archive {density(res, 'archive')}. MB = 10^6 bytes of UTF-8. "
             f"Big: best of {res['options']['repeat']} runs; archive: one pass.", "",
             "## Targets", "", "| target | measured | |", "|---|---|---|"]
    for row in res["summary"]["rows"]:
        lines.append(f"| {row['target']} | {row['measured']} | {verdict(row['ok'])} |")
    lines += ["", "## Throughput", "", "| stage | big MB/s | big chars/s | archive MB/s | archive chars/s | found (archive) |",
              "|---|---:|---:|---:|---:|---:|"]
    big, arch = res["throughput"]["big"], res["throughput"]["archive"]
    for name in big:
        b, a = big[name], arch.get(name, {})
        lines.append(f"| {name} | {b['mb_per_s']} | {b['chars_per_s']:,} | {a.get('mb_per_s', '')} | "
                     f"{a.get('chars_per_s', 0):,} | {a.get('found', 0):,} |")
    lines += ["", "dateparser runs on a sample of each corpus (it is slow): "
              + "; ".join(f"{c}: {res['dateparser_sample'][c]['bytes'] / 1000:.0f} KB" for c in ("big", "archive"))
              + ". Its rate above is measured on that sample only; the ratios below compare the same sample.",
              "", "## Ratios to the peers", "", "| comparison | big | archive |", "|---|---:|---:|"]
    keys = sorted({k for c in ("big", "archive") for k in res["ratios"][c]})
    for k in keys:
        lines.append(f"| {k.replace('_', ' ')} | {res['ratios']['big'].get(k, '')} | "
                     f"{res['ratios']['archive'].get(k, '')} |")
    imp, mem = res["import"], res["memory"]
    lines += ["", "## Start-up and memory", "",
              f"* `import arabic_stats`: {imp['import_ms_median']} ms median (min {imp['import_ms_min']}, max "
              f"{imp['import_ms_max']}) over {imp['runs']} fresh interpreters; modules it pulls in: "
              f"{', '.join(imp['modules_loaded_by_import']) or 'none of pydantic/regex/spacy/camel/dask/pyarrow/pandas'}.",
              f"* first `extract` call after import (lexicons loaded, patterns compiled): "
              f"{imp['first_extract_ms_median']} ms median.",
              ]
    for name, pm in mem["tracemalloc_peak"].items():
        lines.append(f"* peak memory of `{name}` on {pm['input_mb']} MB: {pm['peak_mb']} MB "
                     f"({pm['peak_per_input_byte']} bytes per input byte; tracemalloc).")
    lines.append(f"* peak RSS of this benchmark process: {mem['max_rss_mb']} MB.")
    st = res["stream"]
    lines.append(f"* long stream: `extract_many` over {st['docs']:,} documents (jobs={st['jobs']}): RSS "
                 f"{st['rss_mb_after_10pct']} MB after 10%, {st['rss_mb_end']} MB at the end "
                 f"(growth {st['rss_growth_mb']} MB; slope {st['rss_slope_mb_per_1000_docs_second_half']} MB per "
                 f"1000 docs over the second half), {st['docs_per_s']} docs/s.")
    lines += ["", "## Parallel", ""]
    pc = res["parallel_ceiling"]
    lines.append(f"* ceiling: two processes of pure CPU work (no communication) run {pc['speedup']}x as fast as "
                 f"one on this machine during this run (load average {m['load_average_start']} at the start): "
                 "the most --jobs 2 can give here.")
    em = res["extract_many"]
    lines.append(f"* `extract_many` on {em['docs']:,} archive articles: jobs=1 {em['jobs1_seconds']} s, jobs=2 "
                 f"{em['jobs2_seconds']} s: **{em['speedup']}x**.")
    cli = res.get("cli")
    if cli:
        lines.append(f"* `arabic-stats extract DIR --jobs N` on {cli['files']:,} files ({cli['bytes'] / MB:.1f} MB): "
                     f"--jobs 1 {cli['jobs1_seconds']} s, --jobs 2 {cli['jobs2_seconds']} s: **{cli['speedup']}x**; "
                     f"{cli['records']:,} records, identical output: {cli['same_output']}.")
    else:
        lines.append("* the command line is not available in this version.")
    return "\n".join(lines) + "\n"


# ---- main -------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes (a smoke test, not a measurement)")
    ap.add_argument("--size-mb", type=float, default=5.0, help="size of the big text (default 5)")
    ap.add_argument("--articles", type=int, default=10_000, help="synthetic articles (default 10000)")
    ap.add_argument("--dateparser-kb", type=int, default=150, help="sample for dateparser, per corpus (default 150)")
    ap.add_argument("--stream-docs", type=int, default=10_000, help="documents in the long stream (default 10000)")
    ap.add_argument("--parallel-docs", type=int, default=2000, help="articles for the --jobs comparisons")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing, the best is kept (default 3)")
    ap.add_argument("--import-runs", type=int, default=9, help="fresh interpreters for the import time")
    ap.add_argument("--out", type=Path, default=HERE / "results", help="directory for latest.json / latest.md")
    ap.add_argument("--stream-only", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.stream_only is not None:  # the long stream alone, in a fresh process: its RSS is the stream's
        print(json.dumps(stream_memory(args.stream_only, jobs=1)))
        return 0
    if args.quick:
        args.size_mb, args.articles, args.dateparser_kb = 0.3, 300, 20
        args.stream_docs, args.parallel_docs, args.repeat, args.import_runs = 600, 120, 1, 3

    res: dict[str, Any] = {"options": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}}
    res["machine"] = machine()
    log(f"machine: {res['machine']['cpu_count']} cores, {res['machine']['cpu']}")

    log("import time ...")
    res["import"] = import_time(args.import_runs)

    log("building corpora ...")
    big = [synth.big_text(int(args.size_mb * MB))]
    archive = [a.text for a in synth.archive(args.articles)]
    corpora = {"big": big, "archive": archive}
    res["corpora"] = {"big": {"mb": round(utf8_len(big) / MB, 2), "chars": len(big[0])},
                      "archive": {"articles": len(archive), "mb": round(utf8_len(archive) / MB, 2),
                                  "chars": sum(map(len, archive))}}

    ours, others = stages(), peers()
    res["stages"] = list(ours)
    res["throughput"], res["dateparser_sample"], res["ratios"] = {}, {}, {}
    for cname, texts in corpora.items():
        log(f"throughput on {cname} ({res['corpora'][cname]['mb']} MB):")
        tp: dict[str, Any] = {}
        # the archive is one pass (10,000 calls already average out the noise)
        repeat = args.repeat if cname == "big" else 1
        for name, fn in ours.items():
            tp[name] = throughput(name, fn, texts, repeat)
        if "pyarabic.number.extract_number_phrases" in others:
            tp["pyarabic.number.extract_number_phrases"] = throughput(
                "pyarabic.number.extract_number_phrases", others["pyarabic.number.extract_number_phrases"], texts,
                repeat)
        ratios: dict[str, Any] = {}
        if "pyarabic.number.extract_number_phrases" in tp:
            peer = tp["pyarabic.number.extract_number_phrases"]["chars_per_s"]
            ratios["find_numbers_vs_pyarabic"] = round(tp["find_numbers"]["chars_per_s"] / peer, 2)
            ratios["extract_vs_pyarabic"] = round(tp["extract"]["chars_per_s"] / peer, 2)
        if "dateparser.search_dates" in others:
            small = sample(texts, args.dateparser_kb)
            res["dateparser_sample"][cname] = {"texts": len(small), "bytes": utf8_len(small)}
            log(f"  dateparser sample: {utf8_len(small) / 1000:.0f} KB")
            dp = throughput("dateparser.search_dates (sample)", others["dateparser.search_dates"], small, 1)
            tp["dateparser.search_dates (sample)"] = dp
            for name in ("find_dates", "extract"):
                if name in ours:
                    same = throughput(f"{name} (same sample)", ours[name], small, args.repeat)
                    ratios[f"{name}_vs_dateparser_same_input"] = round(same["chars_per_s"] / dp["chars_per_s"], 1)
                    ratios[f"{name}_vs_dateparser_full_corpus_rate"] = round(
                        tp[name]["chars_per_s"] / dp["chars_per_s"], 1)
        res["throughput"][cname] = tp
        res["ratios"][cname] = ratios

    log("peak memory (tracemalloc) ...")
    res["memory"] = {"tracemalloc_peak": {name: peak_memory(ours[name], big[0]) for name in ("find_numbers", "extract")}}

    log(f"long stream of {args.stream_docs:,} documents (fresh process) ...")
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--stream-only", str(args.stream_docs)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    res["stream"] = json.loads(out.stdout)
    log(f"  RSS {res['stream']['rss_mb_after_10pct']} -> {res['stream']['rss_mb_end']} MB")

    log("parallel ceiling of this machine ...")
    res["parallel_ceiling"] = parallel_ceiling(max(2, args.repeat))
    log(f"  two processes of pure CPU work: {res['parallel_ceiling']['speedup']}x")
    log("extract_many jobs 1 vs 2 ...")
    par = archive[:args.parallel_docs]
    res["extract_many"] = extract_many_speedup(par, args.repeat)
    log(f"  speed-up {res['extract_many']['speedup']}x")
    log("CLI --jobs 1 vs 2 ...")
    res["cli"] = cli_speedup(par, max(1, min(args.repeat, 2)))
    if res["cli"]:
        log(f"  speed-up {res['cli']['speedup']}x")
    res["memory"]["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    res["machine"]["load_average_end"] = load_average()
    res["summary"] = summary(res)

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md = markdown(res)
    (args.out / "latest.md").write_text(md, encoding="utf-8")
    print(md)
    log(f"written: {args.out / 'latest.json'}, {args.out / 'latest.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

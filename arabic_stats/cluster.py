"""Beyond one machine: arabic_stats over a partitioned corpus with Dask.

``pip install 'arabic-stats[dask]'`` (dask and pyarrow; imported here only, never by
``import arabic_stats``). One article per text file; the files are split into
partitions, every partition is read, extracted and written by one Dask task, so the
results never travel back to the client and memory on each worker is one partition's
worth of records::

    from arabic_stats.cluster import extract_corpus
    extract_corpus("archive/**/*.txt", "out/", format="parquet", what="facts")

writes ``out/part-00000.parquet`` ... (one row per fact, the columns of
:data:`arabic_stats.frames.COLUMNS` plus ``file``), or with ``format="jsonl"`` one JSON
line per article (the record of ``arabic-stats extract --format jsonl``). Files that
cannot be read or extracted are never dropped silently: each gives one line in
``out/_errors-NNNNN.jsonl`` (the leading underscore keeps Parquet readers
from taking it for data) and is counted in the returned summary.

On a cluster, connect a ``dask.distributed.Client`` first (or pass ``scheduler=``); the
paths must then be readable from every worker (a shared file system). Without one,
Dask's local process pool runs the partitions on this machine's cores.
:func:`records` gives the same work as a :class:`dask.bag.Bag` of records to compose
further (filter facts, count by metric...).
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import pyarrow

__all__ = ["extract_corpus", "extract_path", "list_files", "records"]

FORMATS = ("jsonl", "parquet")


def _dask_bag() -> Any:
    try:
        import dask.bag
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError("arabic_stats.cluster needs dask: pip install 'arabic-stats[dask]'") from exc
    return dask.bag


def list_files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files of a corpus, sorted: a glob pattern (``**`` recurses), a directory
    (every ``*.txt`` below it), a file, or a list of any of these."""
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    out: list[str] = []
    for item in items:
        item = os.fspath(item)
        if os.path.isdir(item):
            out += [str(p) for p in Path(item).rglob("*.txt") if p.is_file()]
        elif glob.has_magic(item):
            out += [p for p in glob.glob(item, recursive=True) if os.path.isfile(p)]
        else:
            out.append(item)
    return sorted(dict.fromkeys(out))


def extract_path(path: str, *, encoding: str | None = None,
                 reference_date: dt.date | None = None) -> dict[str, Any]:
    """``{"file": path, "extraction": Extraction}`` for one article, or
    ``{"file": path, "error": reason}`` when it cannot be read or extracted."""
    from .cli import InputError, decode
    from .extract import extract

    try:
        text = decode(Path(path).read_bytes(), encoding)
    except InputError as exc:
        return {"file": path, "error": str(exc)}
    except OSError as exc:
        return {"file": path, "error": f"cannot read: {exc.strerror or exc}"}
    try:
        return {"file": path, "extraction": extract(text, reference_date)}
    except Exception as exc:  # one bad article must not stop a corpus: it is reported
        return {"file": path, "error": f"extraction failed: {type(exc).__name__}: {exc}"}


def records(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, npartitions: int | None = None,
            encoding: str | None = None, reference_date: dt.date | None = None) -> dask.bag.Bag:
    """A Dask bag of :func:`extract_path` records, one per file, in file order."""
    db = _dask_bag()
    files = list_files(paths)
    n = npartitions or _default_partitions(len(files))
    return db.from_sequence(files, npartitions=max(1, min(n, len(files) or 1))).map(
        extract_path, encoding=encoding, reference_date=reference_date)


def _default_partitions(n_files: int) -> int:
    # enough partitions to keep every core busy, each large enough to amortise a task
    return max(1, min(n_files // 50 or 1, 4 * (os.cpu_count() or 1)))


def _chunks(items: list[str], n: int) -> Iterator[list[str]]:
    size = -(-len(items) // n) if items else 1
    for i in range(0, len(items), size):
        yield items[i:i + size]


# ---- writing a partition -------------------------------------------------------------------------------

def _arrow_schema(what: str) -> pyarrow.Schema:
    import pyarrow as pa

    from .frames import COLUMNS

    types = {"count": pa.float64(), "value": pa.float64(), "year": pa.int32(), "start": pa.int64(),
             "end": pa.int64(), "confidence": pa.float64(), "relative": pa.bool_(),
             "period_start": pa.date32(), "period_end": pa.date32(), "start_date": pa.date32(),
             "end_date": pa.date32()}
    return pa.schema([("file", pa.string())] + [(c, types.get(c, pa.string())) for c in COLUMNS[what]])


def _cell(value: Any, typ: Any) -> Any:
    import pyarrow as pa

    if value is None:
        return None
    if pa.types.is_string(typ) and not isinstance(value, str):
        return str(value)
    if pa.types.is_floating(typ):
        return float(value)
    return value


def _write_partition(job: tuple[int, list[str]], out_dir: str, fmt: str, what: str, encoding: str | None,
                     reference_date: dt.date | None) -> dict[str, int]:
    """Extract the files of one partition and write them; return the counts."""
    from .frames import rows
    from .stream import to_json

    index, files = job
    out = Path(out_dir)
    counts = {"files": len(files), "records": 0, "errors": 0, "rows": 0}
    errors: list[str] = []
    lines: list[str] = []
    table_rows: list[dict[str, Any]] = []
    for path in files:
        rec = extract_path(path, encoding=encoding, reference_date=reference_date)
        if "error" in rec:
            counts["errors"] += 1
            errors.append(json.dumps(rec, ensure_ascii=False))
            continue
        counts["records"] += 1
        ext = rec["extraction"]
        if fmt == "jsonl":
            line = to_json(ext)
            lines.append('{"file": ' + json.dumps(path, ensure_ascii=False) + ", " + line[1:])
        else:
            for row in rows(ext, what):
                table_rows.append({"file": path, **row})
    if fmt == "jsonl":
        _atomic_write(out / f"part-{index:05d}.jsonl", "".join(line + "\n" for line in lines))
        counts["rows"] = len(lines)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _arrow_schema(what)
        columns = {f.name: [_cell(r.get(f.name), f.type) for r in table_rows] for f in schema}
        table = pa.table(columns, schema=schema)
        tmp = out / f".part-{index:05d}.parquet.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, out / f"part-{index:05d}.parquet")
        counts["rows"] = table.num_rows
    if errors:
        _atomic_write(out / f"_errors-{index:05d}.jsonl", "".join(e + "\n" for e in errors))
    return counts


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def extract_corpus(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], out_dir: str | os.PathLike[str],
                   *, format: str = "jsonl", what: str = "facts", npartitions: int | None = None,
                   encoding: str | None = None, reference_date: dt.date | None = None,
                   scheduler: str | None = None) -> dict[str, int]:
    """Extract every file of a corpus with Dask and write one output file per
    partition to ``out_dir`` (see the module). ``what`` chooses the rows of a Parquet
    output (``facts``, ``numbers`` or ``dates``); ``scheduler`` is passed to
    ``compute`` (``"processes"``, ``"threads"``, ``"synchronous"``, or None for the
    active client or Dask's default). Returns the totals: files, records, errors, rows,
    partitions."""
    from .frames import check_what

    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {format!r}")
    check_what(what)
    db = _dask_bag()
    files = list_files(paths)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stale = [p for p in out.iterdir() if p.name.startswith(("part-", "_errors-"))]
    if stale:
        raise FileExistsError(f"{out} already holds results ({stale[0].name}...); use an empty directory")
    total = {"files": 0, "records": 0, "errors": 0, "rows": 0, "partitions": 0}
    if not files:
        return total
    n = max(1, min(npartitions or _default_partitions(len(files)), len(files)))
    jobs = list(enumerate(_chunks(files, n)))
    bag = db.from_sequence(jobs, npartitions=len(jobs) or 1).map(
        _write_partition, out_dir=str(out), fmt=format, what=what, encoding=encoding, reference_date=reference_date)
    parts = bag.compute(scheduler=scheduler) if scheduler else bag.compute()
    for c in parts:
        for k in c:
            total[k] += c[k]
    total["partitions"] = len(parts)
    return total

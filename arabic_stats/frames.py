"""Tables of results: facts, numbers or dates as rows, and as pandas DataFrames.

:func:`rows` gives plain dictionaries (no pandas needed); the CLI's ``csv`` and
``table`` formats are built on it. :func:`to_frame` and :meth:`Extraction.to_frame
<arabic_stats.Extraction.to_frame>` turn the same rows into a :class:`pandas.DataFrame`,
so a column has the same name and meaning everywhere. pandas is imported on first use
only (``pip install 'arabic-stats[pandas]'``).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .models import DateMention, Extraction, Fact, HijriDate, NumberMention

__all__ = ["COLUMNS", "WHAT", "format_count", "rows", "to_frame"]

#: The kinds of rows a table can hold.
WHAT = ("facts", "numbers", "dates")

#: The columns of each kind of table, in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "facts": ("metric", "count", "qualifier", "platform", "year", "period_start", "period_end", "subject", "role",
              "metric_text", "text", "start", "end", "sentence", "confidence"),
    "numbers": ("text", "start", "end", "value", "kind", "qualifier", "relative_to", "rule"),
    "dates": ("text", "start", "end", "start_date", "end_date", "granularity", "calendar", "hijri", "relative",
              "reference", "rule"),
}

# pandas dtypes that inference would get wrong (a column of None, a year with gaps)
_DTYPES: dict[str, dict[str, str]] = {
    "facts": {"year": "Int64", "start": "int64", "end": "int64", "confidence": "float64"},
    "numbers": {"start": "int64", "end": "int64"},
    "dates": {"start": "int64", "end": "int64", "relative": "bool"},
}
_DATE_COLUMNS = {"facts": ("period_start", "period_end"), "dates": ("start_date", "end_date")}
_VALUE_COLUMN = {"facts": "count", "numbers": "value"}


def check_what(what: str) -> str:
    """``what`` itself if it names a kind of table, else a ValueError listing them."""
    if what not in COLUMNS:
        raise ValueError(f"what must be one of {', '.join(map(repr, WHAT))}, got {what!r}")
    return what


def _hijri(h: HijriDate | None) -> str | None:
    if h is None:
        return None
    return "-".join([f"{h.year:04d}", *(f"{p:02d}" for p in (h.month, h.day) if p is not None)])


def _fact_row(ext: Extraction, f: Fact) -> dict[str, Any]:
    period = f.period
    return {"metric": f.metric, "count": f.count, "qualifier": f.qualifier, "platform": f.platform, "year": f.year,
            "period_start": period.start if period else None, "period_end": period.end if period else None,
            "subject": f.subject, "role": f.role, "metric_text": f.metric_text, "text": f.text, "start": f.start,
            "end": f.end, "sentence": ext.text[f.sentence.start:f.sentence.end], "confidence": f.confidence}


def _number_row(ext: Extraction, n: NumberMention) -> dict[str, Any]:
    return {"text": n.text, "start": n.start, "end": n.end, "value": n.value, "kind": n.kind,
            "qualifier": n.qualifier, "relative_to": n.relative_to, "rule": n.rule}


def _date_row(ext: Extraction, d: DateMention) -> dict[str, Any]:
    return {"text": d.text, "start": d.start, "end": d.end, "start_date": d.start_date, "end_date": d.end_date,
            "granularity": d.granularity, "calendar": d.calendar, "hijri": _hijri(d.value.hijri),
            "relative": d.value.relative, "reference": d.value.reference, "rule": d.rule}


def rows(extraction: Extraction, what: str = "facts") -> list[dict[str, Any]]:
    """One dictionary per fact, number or date of ``extraction``, keyed by
    ``COLUMNS[what]``. Values stay Python objects (``int``, ``datetime.date``, ``None``).

    >>> from arabic_stats import extract
    >>> [(r["text"], r["value"]) for r in rows(extract("بلغ عدد المنخرطين مليون و268 ألف و153"), "numbers")]
    [('مليون و268 ألف و153', 1268153)]
    """
    check_what(what)
    if what == "facts":
        return [_fact_row(extraction, f) for f in extraction.facts]
    if what == "numbers":
        return [_number_row(extraction, n) for n in extraction.numbers]
    return [_date_row(extraction, d) for d in extraction.dates]


def format_count(value: int | float) -> str:
    """A count for reading: thousands separated from 10,000 up (a year stays 2025).

    >>> format_count(1268153), format_count(1916), format_count(12.5)
    ('1,268,153', '1916', '12.5')
    """
    sep = "," if abs(value) >= 10_000 else ""
    return f"{value:{sep}}" if isinstance(value, int) else f"{value:{sep}.10g}"


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError("arabic_stats tables need pandas, which is not installed: "
                          "pip install 'arabic-stats[pandas]'") from exc
    return pandas


def _frame(records: list[dict[str, Any]], what: str, lead: tuple[str, ...] = ()) -> pandas.DataFrame:
    pd = _pandas()
    frame = pd.DataFrame.from_records(records, columns=[*lead, *COLUMNS[what]])
    for col, dtype in _DTYPES[what].items():
        frame[col] = frame[col].astype(dtype)
    for col in _DATE_COLUMNS.get(what, ()):
        frame[col] = pd.to_datetime(frame[col])
    value = _VALUE_COLUMN.get(what)
    if value is not None:
        integral = all(isinstance(r[value], int) and abs(r[value]) < 2**63 for r in records)
        frame[value] = frame[value].astype("Int64" if integral else "float64")
    return frame


def extraction_frame(extraction: Extraction, what: str = "facts") -> pandas.DataFrame:
    """The rows of one extraction as a DataFrame (see :meth:`Extraction.to_frame`)."""
    return _frame(rows(extraction, what), what)


def to_frame(extractions: Iterable[Extraction] | Mapping[Any, Extraction], what: str = "facts") -> pandas.DataFrame:
    """One DataFrame of the facts, numbers or dates of many extractions.

    The first column, ``doc``, says which extraction a row comes from: its key when
    ``extractions`` is a mapping (file names, URLs...), else its position.

    >>> from arabic_stats import extract
    >>> frame = to_frame({"a.txt": extract("زار المعرض 600 شخص"), "b.txt": extract("نحو 1500 جمعية")},
    ...                  what="numbers")
    >>> frame[["doc", "value", "qualifier"]].values.tolist()
    [['a.txt', 600, 'exact'], ['b.txt', 1500, 'approx']]
    """
    check_what(what)
    items = extractions.items() if isinstance(extractions, Mapping) else enumerate(extractions)
    records = [{"doc": key, **row} for key, ext in items for row in rows(ext, what)]
    return _frame(records, what, lead=("doc",))

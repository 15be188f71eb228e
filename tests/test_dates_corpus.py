"""The date corpus tables of ``tests/corpus/``, Duckling style: rules beside their corpus.

* ``dates_<system>.toml`` (standard, morocco, algeria_tunisia, levant, hijri) and
  ``dates_<expression>.toml`` (numeric, ranges, years, periods, relative): dates ->
  surface forms, each form alone is that date (:func:`arabic_stats.parse_date`);
* ``dates_in_context.toml``: running text and every date in it, with its dates and
  half-open offsets (:func:`arabic_stats.find_dates`);
* ``dates_negative.toml``: things that look like dates and are not.
"""
from __future__ import annotations

import datetime as dt
import doctest
import tomllib
from pathlib import Path
from typing import Any

import pytest

from arabic_stats import extract, find_dates, parse_date

CORPUS = Path(__file__).resolve().parent / "corpus"
WHOLE_TABLES = ["standard", "morocco", "algeria_tunisia", "levant", "hijri", "numeric", "ranges", "years", "periods",
                "relative"]


def _load(name: str) -> dict[str, Any]:
    with (CORPUS / name).open("rb") as fh:
        return tomllib.load(fh)


# ---- whole strings ------------------------------------------------------------------------------

def _whole_cases() -> list[Any]:
    out = []
    for table in WHOLE_TABLES:
        data = _load(f"dates_{table}.toml")
        ref = data["meta"]["reference"]
        for case in data["case"]:
            for form in case["forms"]:
                out.append(pytest.param(form, case.get("reference", ref), case, id=f"{table}-{form}"))
    return out


@pytest.mark.parametrize(("form", "ref", "case"), _whole_cases())
def test_parse_date(form: str, ref: dt.date, case: dict[str, Any]) -> None:
    got = parse_date(form, reference_date=ref)
    assert got is not None, f"{form!r} is not read as a date"
    assert (got.start, got.end) == (case["start"], case["end"]), f"{form!r}: {got.start}..{got.end}"
    assert got.granularity == case["granularity"], form
    assert got.calendar == case.get("calendar", "gregorian"), form


def test_corpus_has_no_form_with_two_meanings() -> None:
    seen: dict[tuple[str, dt.date], tuple[dt.date, dt.date]] = {}
    for table in WHOLE_TABLES:
        data = _load(f"dates_{table}.toml")
        for case in data["case"]:
            ref = case.get("reference", data["meta"]["reference"])
            for form in case["forms"]:
                key = (form, ref)
                assert key not in seen or seen[key] == (case["start"], case["end"]), f"{form!r} listed twice"
                seen[key] = (case["start"], case["end"])


# ---- in context -----------------------------------------------------------------------------------

_CONTEXT = _load("dates_in_context.toml")


@pytest.mark.parametrize("case", _CONTEXT["case"], ids=[c["text"][:40] for c in _CONTEXT["case"]])
def test_find_dates_in_context(case: dict[str, Any]) -> None:
    text = case["text"]
    for m in case["mentions"]:  # the table itself must be consistent
        assert text[m["start"]:m["end"]] == m["text"], f"bad offsets in the corpus for {m['text']!r}"
    got = [(m.text, m.start, m.end, m.start_date, m.end_date, m.granularity)
           for m in find_dates(text, reference_date=case["reference"])]
    want = [(m["text"], m["start"], m["end"], m["start_date"], m["end_date"], m["granularity"])
            for m in case["mentions"]]
    assert got == want


@pytest.mark.parametrize("case", _CONTEXT["case"], ids=[c["text"][:40] for c in _CONTEXT["case"]])
def test_extract_reports_dates_and_no_number_inside_them(case: dict[str, Any]) -> None:
    doc = extract(case["text"], reference_date=case["reference"])
    assert [(d.text, d.start_date, d.end_date) for d in doc.dates] == [
        (m["text"], m["start_date"], m["end_date"]) for m in case["mentions"]]
    for n in doc.numbers:
        for d in doc.dates:
            assert not (d.start <= n.start and n.end <= d.end), f"{n.text!r} is inside the date {d.text!r}"


# ---- negative --------------------------------------------------------------------------------------

_NEGATIVE = _load("dates_negative.toml")


@pytest.mark.parametrize("case", _NEGATIVE["case"], ids=[c["text"][:40] for c in _NEGATIVE["case"]])
def test_not_dates_in_context(case: dict[str, Any]) -> None:
    text = case["text"]
    absent = case.get("absent", text)
    lo = text.index(absent)
    hi = lo + len(absent)
    mentions = find_dates(text, reference_date=dt.date(2025, 6, 10))
    clashes = [(m.text, str(m.start_date)) for m in mentions if m.start < hi and lo < m.end]
    assert not clashes, f"{case['why']}: {clashes}"
    for kept in case.get("kept", []):
        assert any(m.text == kept for m in mentions), f"{kept!r} should still be found in {text!r}"


def test_a_count_that_looks_like_a_year_stays_a_number() -> None:
    doc = extract("استقبل المعرض 2025 زائرا خلال سنة 2024", reference_date=dt.date(2025, 1, 10))
    assert [(n.text, n.value) for n in doc.numbers] == [("2025", 2025)]
    assert [d.text for d in doc.dates] == ["سنة 2024"]


# ---- doctests ------------------------------------------------------------------------------------------

def test_doctests() -> None:
    import arabic_stats.dates as mod

    result = doctest.testmod(mod, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0

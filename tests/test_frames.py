"""Tables of results: frames.rows, Extraction.to_frame and arabic_stats.to_frame.

``sample_extraction()`` builds an Extraction by hand, with facts, a check, every kind of
number and a Hijri date, so that the table, CSV, HTML and spaCy outputs are tested on
known values whatever the recognizers find today. The other interface tests import it.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import arabic_stats
from arabic_stats import Check, DateMention, DateValue, Extraction, Fact, HijriDate, NumberMention, Span, extract
from arabic_stats.frames import COLUMNS, rows

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "002_998fd68fe5c758e3.txt"

SAMPLE_TEXT = ("نشرت المديرية 503 محتوى، وبلغ عدد المنخرطين في حساباتها مليون و268 ألف و153 منخرط سنة 2025، "
               "منهم 512 ألف و523 في حساب إكس، ونحو 12% من الزوار في النسخة السادسة.\n"
               "وفي رمضان 1446 سُجِّلَ <b>\"تراجع\"</b> & لا شيء آخر.")


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _number(part: str, value: int | float, kind: str = "cardinal", qualifier: str = "exact") -> NumberMention:
    s, e = _span(SAMPLE_TEXT, part)
    return NumberMention(text=part, start=s, end=e, value=value, kind=kind, qualifier=qualifier, rule="test")


def _date(part: str, start: dt.date, end: dt.date, granularity: str, hijri: HijriDate | None = None) -> DateMention:
    s, e = _span(SAMPLE_TEXT, part)
    calendar = "hijri" if hijri else "gregorian"
    value = DateValue(start=start, end=end, granularity=granularity, calendar=calendar, hijri=hijri)
    return DateMention(text=part, start=s, end=e, start_date=start, end_date=end, granularity=granularity,
                       calendar=calendar, value=value, rule="test")


def sample_extraction() -> Extraction:
    text = SAMPLE_TEXT
    first = Span(start=0, end=text.index("\n"))
    year = DateValue(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), granularity="year")
    total = _number("مليون و268 ألف و153", 1268153)
    part = _number("512 ألف و523", 512523)
    facts = [
        Fact(metric="followers", metric_text="منخرط", count=1268153, platform=None, year=2025, subject="المديرية",
             role="total", text=total.text, start=total.start, end=total.end, sentence=first, confidence=0.9),
        Fact(metric="followers", metric_text="منخرط", count=512523, platform="x", year=2025, period=year,
             role="part", text=part.text, start=part.start, end=part.end, sentence=first, confidence=0.8),
    ]
    return Extraction(
        text=text, reference_date=dt.date(2025, 12, 17),
        numbers=[_number("503", 503), total, part, _number("نحو 12%", 12, "percent", "approx"),
                 _number("السادسة", 6, "ordinal")],
        dates=[_date("سنة 2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year"),
               _date("رمضان 1446", dt.date(2025, 3, 1), dt.date(2025, 3, 30), "month", HijriDate(year=1446, month=9))],
        facts=facts,
        checks=[Check(total=1268153, parts=[512523], holds=False, metric="followers", total_fact=0, part_facts=[1])],
    )


def test_sample_offsets_are_true() -> None:
    ext = sample_extraction()
    for m in [*ext.numbers, *ext.dates, *ext.facts]:
        assert ext.text[m.start:m.end] == m.text


# ---- rows (no pandas) ----------------------------------------------------------------------------

def test_rows_have_the_columns_in_order() -> None:
    ext = sample_extraction()
    for what in COLUMNS:
        got = rows(ext, what)
        assert got and all(list(r) == list(COLUMNS[what]) for r in got)


def test_fact_rows_flatten_period_and_sentence() -> None:
    total, part = rows(sample_extraction(), "facts")
    assert (total["metric"], total["count"], total["platform"], total["role"]) == ("followers", 1268153, None, "total")
    assert total["period_start"] is None and total["year"] == 2025
    assert (part["period_start"], part["period_end"]) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert total["sentence"] == SAMPLE_TEXT.split("\n")[0]


def test_date_rows_spell_hijri() -> None:
    year, ramadan = rows(sample_extraction(), "dates")
    assert year["hijri"] is None and year["calendar"] == "gregorian"
    assert (ramadan["hijri"], ramadan["calendar"], ramadan["start_date"]) == ("1446-09", "hijri", dt.date(2025, 3, 1))


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="'facts', 'numbers', 'dates'"):
        rows(sample_extraction(), "people")


# ---- DataFrames ----------------------------------------------------------------------------------

@pytest.fixture
def pd():  # noqa: ANN201 - the pandas module
    return pytest.importorskip("pandas")


def test_to_frame_facts_from_a_built_extraction(pd) -> None:
    frame = sample_extraction().to_frame()
    assert list(frame.columns) == list(COLUMNS["facts"])
    assert frame["count"].tolist() == [1268153, 512523]
    assert str(frame["count"].dtype) == "Int64" and str(frame["year"].dtype) == "Int64"
    assert frame["platform"].isna().tolist() == [True, False]
    assert pd.isna(frame.loc[0, "period_start"]) and frame.loc[1, "period_start"] == pd.Timestamp("2025-01-01")
    assert frame["confidence"].tolist() == [0.9, 0.8]


def test_to_frame_numbers_and_dates(pd) -> None:
    ext = sample_extraction()
    numbers = ext.to_frame("numbers")
    assert numbers["kind"].tolist() == ["cardinal", "cardinal", "cardinal", "percent", "ordinal"]
    assert numbers["value"].tolist() == [503, 1268153, 512523, 12, 6]
    dates = ext.to_frame("dates")
    assert dates["granularity"].tolist() == ["year", "month"]
    assert dates["end_date"].tolist() == [pd.Timestamp("2025-12-31"), pd.Timestamp("2025-03-30")]


def test_float_values_make_a_float_column(pd) -> None:
    ext = extract("ارتفع المؤشر بنسبة ١٫٥ بالمائة")
    frame = ext.to_frame("numbers")
    assert frame["value"].tolist() == [1.5] and frame["value"].dtype == "float64"


def test_empty_extraction_gives_empty_frames_with_columns(pd) -> None:
    ext = extract("")
    for what in COLUMNS:
        frame = ext.to_frame(what)
        assert frame.empty and list(frame.columns) == list(COLUMNS[what])


def test_to_frame_of_real_extraction_matches_the_models(pd) -> None:
    ext = extract(SEED.read_text(encoding="utf-8"))
    numbers = ext.to_frame("numbers")
    assert numbers["text"].tolist() == [n.text for n in ext.numbers]
    assert 1268153 in numbers["value"].tolist()
    facts = ext.to_frame("facts")
    assert len(facts) == len(ext.facts)
    assert facts["count"].tolist() == [f.count for f in ext.facts]


def test_helper_for_many_extractions(pd) -> None:
    a, b = extract("زار المعرض 600 شخص"), extract("نحو 1500 جمعية و187 وسيلة إعلامية")
    by_name = arabic_stats.to_frame({"a.txt": a, "b.txt": b}, what="numbers")
    assert by_name.columns[0] == "doc"
    assert by_name[["doc", "value"]].values.tolist() == [["a.txt", 600], ["b.txt", 1500], ["b.txt", 187]]
    by_position = arabic_stats.to_frame([a, b], what="numbers")
    assert by_position["doc"].tolist() == [0, 1, 1]
    facts = arabic_stats.to_frame([sample_extraction(), sample_extraction()])
    assert facts["doc"].tolist() == [0, 0, 1, 1] and list(facts.columns[1:]) == list(COLUMNS["facts"])


def test_missing_pandas_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"pip install 'arabic-stats\[pandas\]'"):
        sample_extraction().to_frame()


def test_import_arabic_stats_stays_light() -> None:
    code = ("import sys, arabic_stats, arabic_stats.cli; from arabic_stats import extract; extract('بلغ 600'); "
            "heavy = {'pandas', 'spacy', 'matplotlib', 'numpy'} & set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

"""Dates: how expressions are resolved (policies, reference date, Hijri, holidays), the
contract of ``date_candidates`` for the facts stage, and lexicon validation.

The corpus tables are in ``test_dates_corpus.py``; properties in
``test_dates_properties.py``.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from arabic_stats import LexiconError, extract, find_dates, parse_date
from arabic_stats.dates import YEARLESS_POLICIES, date_candidates
from arabic_stats.normalize import normalize_with_map

REF = dt.date(2025, 12, 17)  # a Wednesday


def _span(value) -> tuple[dt.date, dt.date]:
    return value.start, value.end


# ---- the reference date ----------------------------------------------------------------------------

def test_relative_dates_without_a_reference_use_today_and_say_so() -> None:
    today = dt.date.today()
    v = parse_date("أمس")
    assert v.start == today - dt.timedelta(days=1)
    assert (v.relative, v.reference) == (True, "today")
    [m] = find_dates("نشر التقرير الأسبوع الماضي")
    assert (m.value.relative, m.value.reference) == (True, "today")


def test_relative_dates_with_a_reference_say_it_was_given() -> None:
    v = parse_date("الأسبوع الماضي", reference_date=REF)
    assert _span(v) == (dt.date(2025, 12, 8), dt.date(2025, 12, 14))
    assert (v.relative, v.reference) == (True, "given")


def test_absolute_dates_are_not_relative() -> None:
    for text in ("17 ديسمبر 2025", "سنة 2024", "17/12/2025", "رمضان 1446"):
        v = parse_date(text)
        assert (v.relative, v.reference) == (False, None), text


def test_a_date_without_a_year_is_relative_to_the_reference() -> None:
    v = parse_date("17 ماي")
    assert v.relative and v.reference == "today"
    v = parse_date("17 ماي", reference_date=REF)
    assert _span(v) == (dt.date(2025, 5, 17),) * 2 and v.reference == "given"


def test_a_datetime_reference_counts_as_its_date() -> None:
    v = parse_date("غدا", reference_date=dt.datetime(2025, 12, 17, 23, 59))
    assert v.start == dt.date(2025, 12, 18)


# ---- dates without a year ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ref", "policy", "want"), [
    # news (default): the reference year...
    ("17 ماي", REF, "news", dt.date(2025, 5, 17)),
    ("3 أكتوبر", dt.date(2025, 2, 12), "news", dt.date(2025, 10, 3)),
    # ... unless more than nine months ahead: then the year before
    ("28 ديسمبر", dt.date(2026, 1, 10), "news", dt.date(2025, 12, 28)),
    ("20 نوفمبر", dt.date(2025, 2, 1), "news", dt.date(2024, 11, 20)),
    # never the next year: an article of December names a past January
    ("5 يناير", REF, "news", dt.date(2025, 1, 5)),
    ("17 ماي", REF, "past", dt.date(2025, 5, 17)),
    ("3 أكتوبر", dt.date(2025, 2, 12), "past", dt.date(2024, 10, 3)),
    ("17 ماي", REF, "future", dt.date(2026, 5, 17)),
    ("5 يناير", REF, "future", dt.date(2026, 1, 5)),
    ("17 ماي", REF, "nearest", dt.date(2026, 5, 17)),
    ("28 ديسمبر", dt.date(2026, 1, 10), "nearest", dt.date(2025, 12, 28)),
])
def test_yearless_policies(text: str, ref: dt.date, policy: str, want: dt.date) -> None:
    assert parse_date(text, reference_date=ref, yearless=policy).start == want


def test_the_policies_are_documented_and_checked() -> None:
    assert set(YEARLESS_POLICIES) == {"news", "past", "future", "nearest"}
    with pytest.raises(ValueError, match="yearless"):
        find_dates("17 ماي", REF, yearless="soon")


def test_an_explicit_shift_overrides_the_policy() -> None:
    assert parse_date("3 جويلية الماضي", reference_date=REF).start == dt.date(2025, 7, 3)
    assert parse_date("3 جويلية المقبل", reference_date=REF).start == dt.date(2026, 7, 3)
    assert _span(parse_date("سبتمبر الماضي", reference_date=REF)) == (dt.date(2025, 9, 1), dt.date(2025, 9, 30))
    assert _span(parse_date("مارس المقبل", reference_date=REF)) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def test_a_stated_weekday_picks_the_nearby_year_where_it_holds() -> None:
    # 15 March 2025 is a Saturday, 15 March 2026 a Sunday
    assert parse_date("الأحد 15 مارس", reference_date=REF).start == dt.date(2026, 3, 15)
    assert parse_date("السبت 15 مارس", reference_date=REF).start == dt.date(2025, 3, 15)


def test_a_weekday_alone_is_the_latest_one_in_news() -> None:
    assert parse_date("الاثنين", reference_date=REF).start == dt.date(2025, 12, 15)
    assert parse_date("الأربعاء", reference_date=REF).start == REF
    assert parse_date("الاثنين", reference_date=REF, yearless="future").start == dt.date(2025, 12, 22)
    assert parse_date("الأربعاء", reference_date=REF, yearless="future").start == dt.date(2025, 12, 24)


def test_weekday_and_day_of_month_is_the_nearest_such_day() -> None:
    assert parse_date("الجمعة 12", reference_date=REF).start == dt.date(2025, 12, 12)
    assert parse_date("الجمعة 16", reference_date=REF).start == dt.date(2026, 1, 16)


# ---- Hijri --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("1 رمضان 1446", dt.date(2025, 3, 1)),
    ("الأول من شوال 1446 هـ", dt.date(2025, 3, 30)),
    ("10 ذي الحجة 1446", dt.date(2025, 6, 6)),
    ("فاتح محرم 1447", dt.date(2025, 6, 26)),
    ("1 رمضان 1445", dt.date(2024, 3, 11)),
])
def test_hijri_dates_are_converted_to_gregorian(text: str, want: dt.date) -> None:
    v = parse_date(text)
    assert v.start == v.end == want
    assert v.calendar == "hijri"
    assert v.hijri.day in (1, 10) and v.hijri.year in (1445, 1446, 1447)


def test_hijri_month_keeps_its_hijri_reading() -> None:
    v = parse_date("رمضان 1445 هـ")
    assert _span(v) == (dt.date(2024, 3, 11), dt.date(2024, 4, 9))
    assert (v.granularity, v.calendar) == ("month", "hijri")
    assert (v.hijri.year, v.hijri.month, v.hijri.day) == (1445, 9, None)


def test_a_hijri_month_in_a_gregorian_year() -> None:
    assert _span(parse_date("رمضان 2024")) == (dt.date(2024, 3, 11), dt.date(2024, 4, 9))


def test_hijri_years_outside_the_conversion_table_are_no_date() -> None:
    assert parse_date("سنة 1300 هـ") is None
    assert find_dates("في سنة 1300 هـ وقع ذلك") == []


@pytest.mark.parametrize(("text", "want"), [
    ("عيد الأضحى 2024", dt.date(2024, 6, 16)),
    ("عيد الفطر 1445", dt.date(2024, 4, 10)),
    ("عيد الفصح 2025", dt.date(2025, 4, 20)),
    ("عيد الميلاد 2024", dt.date(2024, 12, 25)),
    ("المولد النبوي 1446", dt.date(2024, 9, 15)),
])
def test_holidays(text: str, want: dt.date) -> None:
    assert parse_date(text).start == want


def test_a_holiday_without_a_year_follows_the_policy() -> None:
    assert parse_date("عيد الأضحى", reference_date=dt.date(2025, 6, 1)).start == dt.date(2025, 6, 6)
    assert parse_date("عيد الأضحى", reference_date=dt.date(2025, 6, 1), yearless="past").start == dt.date(2024, 6, 16)


@pytest.mark.parametrize(("text", "want"), [
    ("عيد الأضحى المقبل", dt.date(2026, 5, 27)),  # the one of 2025 (6 June) is past on 15 June
    ("عيد الفطر القادم", dt.date(2026, 3, 20)),
    ("عيد الميلاد الماضي", dt.date(2024, 12, 25)),  # (not the 25 December of the reference year)
])
def test_a_shift_after_a_holiday_picks_the_next_or_the_last_one(text: str, want: dt.date) -> None:
    v = parse_date(text, reference_date=dt.date(2025, 6, 15))
    assert v.start == v.end == want and v.relative


# ---- what the facts stage gets -----------------------------------------------------------------------

def _cands(text: str, ref: dt.date | None = REF):
    nt = normalize_with_map(text)
    return nt, date_candidates(nt, ref)


@pytest.mark.parametrize(("text", "prep"), [
    ("واصلت المديرية خلال سنة 2025 عملها", "خلال"),
    ("في حصيلتها برسم سنة 2025، أن", "برسم"),
    ("مقارنة مع 40 في سنة 2024.", "في"),
])
def test_year_candidates_name_their_preposition_and_numbers(text: str, prep: str) -> None:
    nt, [c] = _cands(text)
    year = int(nt.match[c.start:c.end].split()[-1])
    assert (c.start_date, c.end_date, c.granularity) == (dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    assert c.prep == prep and nt.match[c.prep_start:c.prep_start + len(prep)] == prep
    assert [nt.match[a:b] for a, b in c.numbers] == [str(year)]
    assert not c.relative and c.reference is None and c.confident


def test_current_year_candidates_are_relative_to_the_reference() -> None:
    nt, [c] = _cands("سجلت المصالح هذه السنة 260 حالة")
    assert (c.start_date, c.end_date, c.granularity) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year")
    assert (c.relative, c.reference) == (True, "given")
    assert c.numbers == []
    nt, [c] = _cands("سجلت المصالح هذه السنة 260 حالة", None)
    assert c.reference == "today"


def test_a_bare_year_after_a_preposition_is_a_low_confidence_candidate() -> None:
    nt, [c] = _cands("يعمل الفريق منذ 2019 على المشروع")
    assert c.start_date == dt.date(2019, 1, 1) and c.prep == "منذ"
    assert not c.confident


def test_candidates_are_in_text_order_with_match_form_offsets() -> None:
    text = "بين 10 و12 يناير 2025، ثم خلال الربع الثالث من سنة 2024 وأمس."
    nt, cands = _cands(text)
    assert [c.start for c in cands] == sorted(c.start for c in cands)
    for c in cands:
        s, e = nt.span(c.start, c.end)
        assert text[s:e] in ("بين 10 و12 يناير 2025", "الربع الثالث من سنة 2024", "أمس")
        assert c.value.start == c.start_date and c.value.end == c.end_date


def test_extract_drops_numbers_inside_dates_only() -> None:
    doc = extract("بلغ عدد الزوار 1200 زائر في 17 ماي 2025، مقابل 900 في الربع الثالث من 2024.",
                  reference_date=REF)
    assert [n.text for n in doc.numbers] == ["1200", "900"]
    assert [d.text for d in doc.dates] == ["17 ماي 2025", "الربع الثالث من 2024"]


@pytest.mark.parametrize(("text", "date", "numbers"), [
    # a year after a preposition, then a scale word alone: the year ends the date, the scale
    # word is a number of its own (it was 2,024,000,000 tourists)
    ("استقبلت المدينة خلال 2024 مليون سائح.", "2024", [("مليون", 1_000_000)]),
    ("بلغت الصادرات في 2023 مليار دولار.", "2023", [("مليار", 1_000_000_000)]),
    # a numeric date, then a count
    ("وبلغ عدد زوار الموقع 2023-07-22 323 زائر.", "2023-07-22", [("323", 323)]),
    # a number word may run on past a date word: eleven, not Sunday and ten
    ("وصل الأحد عشر لاعبا.", None, [("الأحد عشر", 11)]),
    # العام meaning "public" before a number and a scale word: no year (it was the year 320)
    ("وتبلغ خدمة الدين العام 320 مليون دولار.", None, [("320 مليون", 320_000_000)]),
    ("وبلغ الدين العام 1500 مليار دينار.", None, [("1500 مليار", 1_500_000_000_000)]),
    ("في 1500 مليون دولار.", None, [("1500 مليون", 1_500_000_000)]),
])
def test_no_number_runs_on_past_the_digits_that_end_a_date(text: str, date: str | None,
                                                              numbers: list[tuple[str, int]]) -> None:
    doc = extract(text, reference_date=REF)
    assert [d.text for d in doc.dates] == ([date] if date else [])
    assert [(n.text, n.value) for n in doc.numbers] == numbers


# ---- lexicon validation --------------------------------------------------------------------------------

@pytest.fixture
def lexicon_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from arabic_stats import dates
    from arabic_stats.lexicon import lexicon_dir, load_lexicon

    src = lexicon_dir()
    for f in src.glob("*.toml"):
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setenv("ARABIC_STATS_LEXICONS", str(tmp_path))
    load_lexicon.cache_clear()
    dates._lexicon.cache_clear()
    yield tmp_path
    monkeypatch.delenv("ARABIC_STATS_LEXICONS")
    load_lexicon.cache_clear()
    dates._lexicon.cache_clear()


def test_a_homograph_must_be_a_name_of_its_month(lexicon_copy: Path) -> None:
    from arabic_stats import dates

    path = lexicon_copy / "months.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('homographs = ["مارس"]', 'homographs = ["آذار", "نيسان"]'),
                    encoding="utf-8")
    with pytest.raises(LexiconError, match=r"months\.toml.*\[march\].*نيسان"):
        dates._lexicon()


def test_a_surface_with_two_meanings_across_date_lexicons_is_an_error(lexicon_copy: Path) -> None:
    from arabic_stats import dates

    path = lexicon_copy / "weekdays.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('forms = ["خميس"]', 'forms = ["خميس", "يناير"]'),
                    encoding="utf-8")
    with pytest.raises(LexiconError, match="يناير"):
        dates._lexicon()


def test_every_date_lexicon_loads() -> None:
    from arabic_stats import dates

    lex = dates._lexicon()
    kinds = {s.kind for s in lex.senses.values()}
    assert {"month", "hmonth", "wday", "holiday", "unit", "shift", "deictic", "part", "era"} <= kinds
    months = {s.value for s in lex.senses.values() if s.kind == "month"}
    assert months == set(range(1, 13))
    assert {s.value for s in lex.senses.values() if s.kind == "hmonth"} == set(range(1, 13))
    assert {s.value for s in lex.senses.values() if s.kind == "wday"} == set(range(7))


def test_mentions_are_built_as_model_construct_would_build_them() -> None:
    """find_dates builds its result models without pydantic's model_construct (see
    dates._construct): the objects must be the same, down to the fields set."""
    from arabic_stats import dates
    from arabic_stats.models import DateMention, DateValue, HijriDate

    nt = normalize_with_map("من 17 إلى 21 ماي 2025 و في 1 رمضان 1446 هـ")
    cands = dates.date_candidates(nt, dt.date(2025, 12, 17))
    assert len(cands) == 2
    for c in cands:
        got = dates._to_mention(nt, c)
        s, e = nt.span(c.start, c.end)
        h = c.hijri and HijriDate.model_construct(year=c.hijri[0], month=c.hijri[1], day=c.hijri[2])
        value = DateValue.model_construct(start=c.start_date, end=c.end_date, granularity=c.granularity,
                                          calendar=c.calendar, hijri=h, relative=c.relative,
                                          reference=c.reference if c.relative else None)
        want = DateMention.model_construct(text=nt.original[s:e], start=s, end=e, start_date=c.start_date,
                                           end_date=c.end_date, granularity=c.granularity, calendar=c.calendar,
                                           value=value, rule=c.rule)
        for a, b in ((got, want), (got.value, want.value), (got.value.hijri, want.value.hijri)):
            assert a == b and repr(a) == repr(b)
            if a is not None:
                assert a.model_fields_set == b.model_fields_set
                assert a.__pydantic_extra__ == b.__pydantic_extra__
                assert a.__pydantic_private__ == b.__pydantic_private__
                assert list(a.__dict__) == list(b.__dict__)
        assert got.model_dump() == DateMention.model_validate(want.model_dump()).model_dump()


def test_a_digit_that_is_no_decimal_digit_is_no_number() -> None:
    """² is a digit for str.isdigit but no decimal digit (int() rejects it): it used to
    crash the number reading of a window."""
    assert find_dates("سنة ²") == []
    assert [m.text for m in find_dates("17 ماي ²⁰ و17 ماي 2025")] == ["17 ماي", "17 ماي 2025"]

"""Properties of date recognition (hypothesis).

* every month name of every month lexicon (Gregorian names of every region, Hijri
  names) is found in each of its spellings: alef and hamza variants, teh marbuta and
  alef maqsura, diacritics, tatweel, bidi marks, any run of spaces, Arabic-Indic digits;
* spans always slice the caller's original text, and finding dates never raises;
* noise changes no value.
"""
from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hijridate import Hijri
from strategies import ARABIC_INDIC_DIGITS, BIDI_MARKS, DIACRITICS, TATWEEL, news_text, with_noise

from arabic_stats import extract, find_dates, parse_date
from arabic_stats.dates import HijriMonthName, MonthName
from arabic_stats.lexicon import load_lexicon

REF = dt.date(2025, 12, 17)

#: (lexicon, written surface, month number) for every month name of every lexicon
MONTH_SURFACES = sorted(
    {("months", s.written, s.entry.number) for g in ("standard", "morocco", "algeria_tunisia", "levant")
     for s in load_lexicon("months", MonthName).group(g).values()}
    | {("hijri_months", s.written, s.entry.number)
       for s in load_lexicon("hijri_months", HijriMonthName).group().values()})

#: letters that normalization folds together: any of them may stand for another
_ALEFS = "اأإآٱ"
_SAME = {**{c: _ALEFS for c in _ALEFS}, "ي": "يى", "ى": "يى"}


@st.composite
def spellings(draw: st.DrawFn, written: str) -> str:
    """One spelling of ``written``: folded letters swapped, teh marbuta / heh at the end
    of a word swapped, marks inserted, spaces between words repeated."""
    words = []
    for word in written.split():
        chars = [draw(st.sampled_from(_SAME[c])) if c in _SAME else c for c in word]
        if chars[-1] in "ةه" and len(chars) > 2:
            chars[-1] = draw(st.sampled_from("ةه"))
        out = []
        for i, c in enumerate(chars):
            out.append(c)
            if c.isalpha() and draw(st.integers(0, 4)) == 0:
                out.append(draw(st.sampled_from(DIACRITICS + TATWEEL + BIDI_MARKS)))
        words.append("".join(out))
    return "".join(w + (draw(st.sampled_from([" ", "  ", " \u00a0"])) if k < len(words) - 1 else "")
                   for k, w in enumerate(words))


def _surface_id(s: tuple[str, str, int]) -> str:
    return f"{s[0]}-{s[2]}-{s[1]}"


@pytest.mark.parametrize("surface", MONTH_SURFACES, ids=_surface_id)
@settings(max_examples=8)
@given(data=st.data())
def test_every_month_surface_is_found_in_each_of_its_spellings(surface: tuple[str, str, int],
                                                              data: st.DataObject) -> None:
    lexicon, written, number = surface
    spelled = data.draw(spellings(written), label="spelling")
    if lexicon == "months":
        text, want = f"وقع ذلك في 12 {spelled} 2024 بالمدينة", dt.date(2024, number, 12)
    else:
        g = Hijri(1446, number, 12).to_gregorian()
        text, want = f"وقع ذلك في 12 {spelled} 1446 بالمدينة", dt.date(g.year, g.month, g.day)
    if data.draw(st.booleans(), label="arabic-indic digits"):
        text = text.translate(str.maketrans(string.digits, ARABIC_INDIC_DIGITS))
        spelled = spelled.translate(str.maketrans(string.digits, ARABIC_INDIC_DIGITS))
    found = find_dates(text, reference_date=REF)
    assert [(m.start_date, m.end_date) for m in found] == [(want, want)], text
    [m] = found
    assert text[m.start:m.end] == m.text
    assert m.start <= text.index(spelled.split()[0]) and text.index(spelled.split()[-1]) < m.end


@pytest.mark.parametrize("surface", [s for s in MONTH_SURFACES if s[0] == "months"], ids=_surface_id)
@settings(max_examples=4)
@given(data=st.data())
def test_every_month_surface_alone_is_a_month_in_a_date_context(surface: tuple[str, str, int],
                                                               data: st.DataObject) -> None:
    _, written, number = surface
    spelled = data.draw(spellings(written), label="spelling")
    v = parse_date(f"شهر {spelled} 2023", reference_date=REF)
    assert v is not None and (v.start, v.granularity) == (dt.date(2023, number, 1), "month")


#: pieces of date-looking text to mix with random text
_PIECES = ["17", "2025", "١٧", "٢٠٢٥", "/", "-", "من", "إلى", "بين", "و", "في", "سنة", "عام", "يوم", "الأسبوع",
           "الماضي", "المقبل", "هذه", "السنة", "ماي", "مارس", "آب", "كانون الثاني", "رمضان", "صفر", "1446", "هـ",
           "الثالث عشر", "الأول", "أمس", "غدا", "الثلاثاء", "منذ", "ثلاث", "سنوات", "الربع", "النصف", "عيد الفطر",
           "17/12/2025", "12/2025", "2024-2025", "،", ".", "\n", "أوائل", "منتصف", "السبعينيات", "الموسم"]


@st.composite
def date_like_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(_PIECES), news_text), min_size=1, max_size=12))
    text = " ".join(parts)
    return draw(with_noise(text, digits=False))


@given(text=date_like_text(), ref=st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
       policy=st.sampled_from(["news", "past", "future", "nearest"]))
def test_spans_slice_the_original_text(text: str, ref: dt.date | None, policy: str) -> None:
    for m in find_dates(text, reference_date=ref, yearless=policy):
        assert text[m.start:m.end] == m.text
        assert m.start < m.end and m.start_date <= m.end_date
        assert (m.value.start, m.value.end) == (m.start_date, m.end_date)
    parse_date(text, reference_date=ref, yearless=policy)


@given(text=date_like_text())
def test_extract_reports_no_number_inside_a_date(text: str) -> None:
    doc = extract(text, reference_date=REF)
    for n in doc.numbers:
        for d in doc.dates:
            assert not (d.start <= n.start and n.end <= d.end), (n.text, d.text)


_DATES = ["الثلاثاء 17 ديسمبر 2025", "من 17 إلى 21 ماي 2025", "الربع الثالث من سنة 2024", "15 رمضان 1446 هـ",
          "الأسبوع الماضي", "منذ ثلاث سنوات", "17/12/2025", "ما بين 2020 و2024", "أوائل شهر مارس 2025"]


@given(data=st.data())
def test_diacritics_tatweel_bidi_marks_and_digits_change_no_value(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(_DATES))
    noisy = data.draw(with_noise(text))
    clean, dirty = parse_date(text, reference_date=REF), parse_date(noisy, reference_date=REF)
    assert dirty is not None, noisy
    assert (dirty.start, dirty.end, dirty.granularity) == (clean.start, clean.end, clean.granularity)


#: Sentences with dates that depend on nothing before them (no anaphora, no yearless
#: date: those resolve against what the text named earlier); an ordinal day after a
#: preposition (في الخامس عشر) among them.
INDEPENDENT = [
    "وخلال الأشهر التسعة الأولى من 2025، ارتفعت الصادرات بثمانية في المائة.",
    "وستنطلق الدراسة في الخامس عشر من سبتمبر 2026.",
    "ونظمت التظاهرة من 17 إلى 21 ماي 2025 بمدينة مراكش.",
    "وأعلنت الوزارة يوم الثلاثاء 17 ديسمبر 2024 عن النتائج.",
    "وتم توقيع الاتفاقية في الحادي والعشرين من مارس 2023.",
    "وبلغ عدد الزوار 85 ألفا خلال سنة 2024.",
    "وصدر القرار بتاريخ 12/03/2022 عن المجلس.",
    "وصادفت الزيارة يوم 20 صفر 1447هـ.",
]
FILLER = "وأكد المسؤول أن هذه النتائج تعكس المجهودات المبذولة من طرف مختلف المصالح. "


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(INDEPENDENT), st.integers(0, 3)), min_size=2, max_size=5))
def test_independent_sentences_keep_their_dates_side_by_side(parts: list[tuple[str, int]]) -> None:
    """A text made of independent sentences (with filler between them) has the dates of
    each sentence, at the same place in it: no sentence hides or changes another's."""
    text, want = "", []
    for sentence, fill in parts:
        text += FILLER * fill
        want += [(m.text, m.start + len(text), m.start_date, m.end_date) for m in find_dates(sentence, REF)]
        text += sentence + "\n"
    assert [(m.text, m.start, m.start_date, m.end_date) for m in find_dates(text, REF)] == want

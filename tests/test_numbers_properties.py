"""Properties of the number recognizer, checked on generated input (hypothesis).

* every integer 0..10^12, spelled by num2words, reads back as itself, alone and in a
  sentence;
* digits in every shape read back as their value;
* a decimal in digits times a scale word is the exact product (8.2 مليون = 8,200,000);
* diacritics, tatweel, bidi marks and Arabic-Indic or Persian digits inserted into a
  number change neither its value nor the validity of its span;
* every ordinal 1..999, masculine or feminine, with the article (and 1..99 without it),
  reads back as itself;
* find_numbers and parse_number never raise, whatever the string.
"""
from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from num2words import num2words

from arabic_stats import find_numbers, normalize, parse_number
from strategies import any_text, digit_numbers, integers_to_trillion, news_text, ordinals, with_noise


def examples(*values):
    """Several hypothesis ``@example``s in one decorator."""
    def apply(fn):
        for v in reversed(values):
            fn = example(v)(fn)
        return fn
    return apply


def spell(n: int) -> str:
    return num2words(n, lang="ar")


def _check_spans(text: str, mentions: list) -> None:
    last_end = 0
    for m in mentions:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end, "mentions overlap or are out of order"
        last_end = m.end


# ---- round trip through num2words --------------------------------------------------------------

@given(integers_to_trillion)
@examples(0, 1, 2, 11, 101, 201000, 101_000_000,
          2_000_000, 1_000_001, 10**12, 999_999_999_999)
def test_num2words_round_trip(n: int) -> None:
    words = spell(n)
    got = parse_number(words)
    assert got is not None, f"{n}: {words!r} not read"
    assert (got.value, got.kind) == (n, "cardinal"), f"{n}: {words!r} read as {got.value}"


@pytest.mark.slow
def test_num2words_round_trip_first_ten_thousand() -> None:
    wrong = [(n, spell(n)) for n in range(10_001) if getattr(parse_number(spell(n)), "value", None) != n]
    assert not wrong, wrong[:10]


@given(st.integers(2, 10**12))
@examples(2, 1268153, 100_000_000_000)
def test_num2words_round_trip_in_a_sentence(n: int) -> None:
    words = spell(n)
    text = f"قال المتحدث إن العدد بلغ {words} شخصا في المجموع."
    mentions = find_numbers(text)
    assert [(m.text, m.value) for m in mentions] == [(words, n)]
    _check_spans(text, mentions)


# ---- digits ---------------------------------------------------------------------------------------

@given(digit_numbers())
@examples((1197335, "1,197,335"), (1197335, "1.197.335"), (1197335, "1 197 335"),
          (2.5, "2,5"), (0.23456, "٠,٢٣٤٥٦"), (2.5, "٢٫٥"))
def test_digits_round_trip(case: tuple[float, str]) -> None:
    value, text = case
    got = parse_number(text)
    assert got is not None, text
    assert math.isclose(got.value, value, rel_tol=1e-12), (text, got.value)


# ---- noise changes nothing -------------------------------------------------------------------------

_NUMBER_FORMS = st.one_of(
    integers_to_trillion.filter(lambda n: n >= 2).map(lambda n: (n, spell(n))),
    digit_numbers().filter(lambda c: c[0] != 0),
    st.sampled_from([
        (1268153, "مليون و268 ألف و153"),
        (2400000, "مليونين و400 ألف"),
        (109934, "109 ألف و934"),
        (3500000, "ثلاثة ملايين و500 ألف"),
        (4300, "٤آلاف و٣ مئة"),
        (1500000, "مليون ونصف"),
        (29000000, "29 مليون"),
        (2500000000, "2.5 مليار"),
        (1197335, "١٬١٩٧٬٣٣٥"),
        (1234567, "١،٢٣٤،٥٦٧"),
    ]),
)


@given(_NUMBER_FORMS.flatmap(lambda c: st.tuples(st.just(c[0]), with_noise(c[1]))))
def test_noise_changes_no_value(case: tuple[float, str]) -> None:
    value, noisy = case
    got = parse_number(noisy)
    assert got is not None, repr(noisy)
    assert math.isclose(got.value, value, rel_tol=1e-12), (repr(noisy), got.value)


@given(_NUMBER_FORMS.flatmap(lambda c: st.tuples(st.just(c[0]), with_noise(c[1]))))
def test_noise_keeps_spans_valid(case: tuple[float, str]) -> None:
    value, noisy = case
    text = f"وأوضح التقرير أن {noisy} شخصا شاركوا."
    mentions = find_numbers(text)
    _check_spans(text, mentions)
    assert len(mentions) == 1, [(m.text, m.value) for m in mentions]
    m = mentions[0]
    assert math.isclose(m.value, value, rel_tol=1e-12), (repr(noisy), m.value)
    # the span covers exactly the number, whatever marks were inserted into it
    assert normalize(m.text) == normalize(noisy).strip(), (repr(m.text), repr(noisy))


SCALES = {"ألف": 10**3, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9}


@given(st.integers(1, 999), st.integers(1, 99), st.sampled_from(sorted(SCALES)), st.sampled_from([".", "٫"]))
@example(8, 2, "ملايين", ".")
@example(4, 1, "مليون", ".")
@example(8, 2, "مليار", ".")
@example(3, 7, "مليار", "٫")
def test_a_decimal_times_a_scale_is_exact(whole: int, cents: int, scale: str, point: str) -> None:
    digits = f"{whole}.{cents:02d}".rstrip("0")
    written = digits.replace(".", point)
    want = Decimal(digits) * SCALES[scale]
    got = parse_number(f"{written} {scale}").value
    assert got == want and isinstance(got, int) == (want == want.to_integral_value()), (written, scale, got)
    in_text = [m.value for m in find_numbers(f"يدرس {written} {scale} تلميذ في المدارس")]
    assert in_text == [got]


# ---- never raises -------------------------------------------------------------------------------------

@given(st.one_of(any_text, news_text))
@examples("", "\u200f", "ـ", "٫", "،،،", "%%", "و و و",
          "1" * 400, "ﻻ ﷲ ﷺ", "+" + "٠" * 30, "مليون " * 50)
def test_find_numbers_never_raises(text: str) -> None:
    mentions = find_numbers(text)
    _check_spans(text, mentions)
    for m in mentions:
        assert m.kind in ("cardinal", "ordinal", "percent", "fraction")
        assert isinstance(m.value, int | float)


@given(st.one_of(any_text, news_text))
def test_parse_number_never_raises(text: str) -> None:
    got = parse_number(text)
    if got is not None:
        assert isinstance(got.value, int | float)


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        find_numbers(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_number(b"12")  # type: ignore[arg-type]


# ---- ordinals ------------------------------------------------------------------------------------

@given(st.one_of(ordinals(article=True), ordinals(article=False)))
@examples((11, "الحادي عشر"), (16, "السادسة عشرة"), (93, "الثالثة والتسعين"), (30, "الثلاثين"),
          (125, "المئة والخامسة والعشرون"), (199, "التاسع والتسعون بعد المائة"), (211, "المائتين والحادي عشر"),
          (999, "التسعمائة والتاسع والتسعون"), (25, "خامس وعشرون"))
def test_ordinals_to_999(case: tuple[int, str]) -> None:
    n, words = case
    got = parse_number(words)
    assert got is not None, words
    assert (got.value, got.kind) == (n, "ordinal"), (words, got.value, got.kind)

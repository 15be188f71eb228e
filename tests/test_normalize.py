"""Normalization and its offset map.

The readable form, the match form, and the map back to the caller's offsets: every
span reported in normalized coordinates must slice the original string, across
deletions (diacritics, tatweel, invisible marks), expansions (ligatures and
presentation forms) and one-for-one folds.
"""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_stats import find_numbers, normalize, normalize_with_map
from arabic_stats.normalize import fold
from strategies import BIDI_MARKS, DIACRITICS, TATWEEL, any_text, arabic_words, news_text, noise_marks, with_noise

# ---- the readable form ----------------------------------------------------------------------------

READABLE = [
    # diacritics: harakat, tanween, shadda, sukun, superscript alef
    ("ثَلاثُمِائَةٍ وَخَمْسُونَ", "ثلاثمائة وخمسون"),
    ("مُحَمَّدٌ", "محمد"),
    ("هٰذا", "هذا"),
    ("عِشْرِينَ أَلْفًا", "عشرين الفا"),
    # tatweel
    ("ثلاثـــة", "ثلاثة"),
    ("ـ", ""),
    # alef variants and alef maqsura
    ("أإآٱا", "ااااا"),
    ("إحدى", "احدي"),
    ("مستشفى", "مستشفي"),
    # teh marbuta and hamza seats are kept in the readable form
    ("مدرسة", "مدرسة"),
    ("مئة مسؤول", "مئة مسؤول"),
    # digits and separators
    ("١٢٣٤٥٦٧٨٩٠", "1234567890"),
    ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),
    ("١٬١٩٧٬٣٣٥", "1,197,335"),
    ("٢٫٥", "2.5"),
    ("١٥٪", "15%"),
    ("١،٢٣٤،٥٦٧", "1,234,567"),  # the Arabic comma between digit groups
    ("قال، ثم مضت", "قال، ثم مضت"),  # ... and punctuation elsewhere
    ("1، 2، 3", "1، 2، 3"),
    # presentation forms and ligatures
    ("ﺍﻟﻌﺮﺑﻴﺔ", "العربية"),
    ("ﻻ", "لا"),
    ("ﷲ", "الله"),
    ("ﭐ", "ا"),
    # invisible marks
    ("بلغ\u200f 1500\u200e", "بلغ 1500"),
    ("\ufeff\u202bنص\u202c", "نص"),
    ("a\u200bb\u200cc\u200dd\u2066e\u2069\u061c", "abcde"),
    # quotes and spaces
    ("«نص»", '"نص"'),
    ("“x” ‘y’", "\"x\" 'y'"),
    ("a\u00a0b\u2009c\u202fd", "a b c d"),
    ("٢٠٢٠–٢٠٢٥", "2020-2025"),
]


@pytest.mark.parametrize(("raw", "clean"), READABLE)
def test_normalize(raw: str, clean: str) -> None:
    assert normalize(raw) == clean
    assert normalize_with_map(raw).text == clean


def test_optional_folds() -> None:
    assert normalize("مدرسة", fold_teh_marbuta=True) == "مدرسه"
    assert normalize("مسؤول وقائي", fold_hamza=True) == "مسوول وقايي"
    assert normalize("مئة", fold_teh_marbuta=True, fold_hamza=True) == "ميه"


def test_match_form() -> None:
    nt = normalize_with_map("مِئَةُ مسؤولٍ في المدرسة")
    assert nt.text == "مئة مسؤول في المدرسة"
    assert nt.match == "ميه مسوول في المدرسه"
    assert len(nt.match) == len(nt.text)


def test_fold_is_the_match_form_of_a_word() -> None:
    assert fold("  مِائَة ") == "مايه"
    assert fold("إحدى") == fold("احدى") == fold("أحدي") == "احدي"


def test_wrong_type() -> None:
    with pytest.raises(TypeError):
        normalize(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize_with_map(None)  # type: ignore[arg-type]


# ---- the offset map ------------------------------------------------------------------------------

def _same_after_normalization(original: str, nt, i: int) -> bool:
    """The original characters behind normalized character ``i`` normalize to a text
    that contains it (an expansion gives several normalized characters)."""
    s, e = nt.span(i, i + 1)
    piece = normalize(original[s:e])
    return nt.text[i] in piece or (nt.text[i] == "," and piece == "\u060c")  # ، between digits


def test_identity_map() -> None:
    nt = normalize_with_map("بلغ 1500 متابع")
    assert nt.identity
    assert nt.span(4, 8) == (4, 8)


def test_deletions() -> None:
    raw = "بَلَغَ\u200f ثلاثـــة آلافٍ"
    nt = normalize_with_map(raw)
    assert nt.text == "بلغ ثلاثة الاف"
    start = nt.text.index("ثلاثة")
    s, e = nt.span(start, start + len("ثلاثة"))
    assert raw[s:e] == "ثلاثـــة"
    start = nt.text.index("الاف")
    s, e = nt.span(start, start + len("الاف"))
    assert raw[s:e] == "آلافٍ"  # the tanween after the last letter belongs to the word


def test_expansions() -> None:
    raw = "ﷺ ﻻ 500"
    nt = normalize_with_map(raw)
    assert nt.text == "صلي الله عليه وسلم لا 500"
    # every character of an expansion maps to its one source character
    for i in range(len("صلي الله عليه وسلم")):
        assert nt.span(i, i + 1) == (0, 1)
    la = nt.text.index("لا ")
    assert nt.span(la, la + 2) == (2, 3)
    five = nt.text.index("500")
    assert raw[slice(*nt.span(five, five + 3))] == "500"


def test_bidi_marks_do_not_join_a_span() -> None:
    raw = "\u202b1500\u202c"
    nt = normalize_with_map(raw)
    assert nt.text == "1500"
    assert nt.span(0, 4) == (1, 5)


def test_empty_span() -> None:
    nt = normalize_with_map("اَ")
    assert nt.span(1, 1) == (nt.to_original(1),) * 2


@given(st.one_of(news_text, any_text))
def test_every_span_slices_the_original(raw: str) -> None:
    nt = normalize_with_map(raw)
    assert len(nt.match) == len(nt.text)
    last = 0
    for i in range(len(nt.text)):
        s, e = nt.span(i, i + 1)
        assert 0 <= s < e <= len(raw)
        assert s >= last, "the map goes backwards"
        last = s
        assert _same_after_normalization(raw, nt, i), (i, nt.text[i], raw[s:e])
    if nt.text:
        s, e = nt.span(0, len(nt.text))
        assert normalize(raw[s:e]) == nt.text


@given(st.one_of(news_text, any_text))
def test_normalization_is_idempotent(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once
    assert normalize_with_map(once).identity or normalize_with_map(once).text == once


@given(arabic_words(2, 12).flatmap(lambda w: st.tuples(st.just(w), with_noise(w, noise_marks, digits=False))))
def test_marks_are_removed(case: tuple[str, str]) -> None:
    word, noisy = case
    assert normalize(noisy) == normalize(word)
    assert not set(normalize(noisy)) & set(DIACRITICS + TATWEEL + BIDI_MARKS)


# ---- numbers through the map -------------------------------------------------------------------

def _isolated_forms() -> dict[str, str]:
    table: dict[str, str] = {}
    for cp in range(0xFE70, 0xFEFF):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and parts[0] == "<isolated>":
            table.setdefault(chr(int(parts[1], 16)), chr(cp))
    return table


def test_number_in_presentation_forms() -> None:
    forms = _isolated_forms()
    word = "".join(forms.get(c, c) for c in "ثلاثة آلاف")
    text = f"ﷺ بلغ {word} شخص"
    [m] = find_numbers(text)
    assert (m.value, m.text) == (3000, word)
    assert text[m.start:m.end] == word


def test_number_after_deletions_and_expansions() -> None:
    text = "ﻻ\u200f يَتَجَاوَزُ\u200e ١٬٢٠٠ متابعٍ"
    [m] = find_numbers(text)
    assert (m.value, m.qualifier, m.text) == (1200, "at_most", "ﻻ\u200f يَتَجَاوَزُ\u200e ١٬٢٠٠")

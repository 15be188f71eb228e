"""Hypothesis strategies shared by the test modules.

Everything here describes *inputs*: Arabic letters and marks, numbers spelled the way
num2words and news text spell them, digits in every script and shape, and noise that a
copy-paste from the web adds (diacritics, tatweel, bidi marks). No assertion lives here.
"""
from __future__ import annotations

import string

from hypothesis import strategies as st

# ---- characters ------------------------------------------------------------------------------

#: The 28 letters, hamza and its seats, alef variants, alef maqsura and teh marbuta.
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
ALEF_VARIANTS = "أإآٱ"
#: Tashkeel: tanween, harakat, shadda, sukun, and the superscript (dagger) alef.
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
TATWEEL = "\u0640"
#: Invisible marks that web text carries: zero-width space/joiners, LRM/RLM, ALM,
#: embeddings and overrides, isolates, BOM.
BIDI_MARKS = ("\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
              "\u2066\u2067\u2068\u2069\ufeff")
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
#: Letters and diacritics that camel_tools' Arabic charsets know (its letters minus
#: tatweel, which camel counts as a letter and we delete).
CAMEL_LETTERS = ARABIC_LETTERS + "ٱ" + "پچڤگ"
CAMEL_DIACRITICS = DIACRITICS

arabic_letters = st.sampled_from(ARABIC_LETTERS)
diacritics = st.sampled_from(DIACRITICS)
bidi_marks = st.sampled_from(BIDI_MARKS)
noise_marks = st.sampled_from(DIACRITICS + TATWEEL + BIDI_MARKS)


def arabic_words(min_size: int = 1, max_size: int = 8) -> st.SearchStrategy[str]:
    return st.text(arabic_letters, min_size=min_size, max_size=max_size)


def camel_text() -> st.SearchStrategy[str]:
    """Arabic letters, the diacritics camel_tools knows and spaces."""
    return st.text(st.sampled_from(CAMEL_LETTERS + CAMEL_DIACRITICS + " "), max_size=60)


#: Characters news text is made of, plus the troublemakers: digits of three scripts,
#: separators, percent signs, presentation forms, marks, quotes, newlines.
NEWS_ALPHABET = (ARABIC_LETTERS + DIACRITICS + TATWEEL + BIDI_MARKS + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS
                 + string.digits + " \n\t.,،؛:؟!%٪٫٬-+/()\"'«»" + "\ufefb\ufe8d\ufef7\ufdf2\ufb50"
                 + "abcxyzG@" + "\u00a0\u2009")
news_text = st.text(st.sampled_from(NEWS_ALPHABET), max_size=80)
#: Anything at all, surrogates excluded (they cannot be encoded).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)


# ---- numbers ---------------------------------------------------------------------------------

def _groups_to_int(groups: list[int]) -> int:
    n = 0
    for g in groups:
        n = n * 1000 + g
    return n


#: A group of thousands, biased to the values that spell differently (0, 1, 2, 3..10,
#: teens, round tens and hundreds, x01, x02...).
_group = st.one_of(
    st.sampled_from([0, 0, 1, 2, 3, 10, 11, 12, 19, 20, 21, 100, 101, 102, 110, 111, 200, 201, 999]),
    st.integers(0, 999),
)

#: Integers 0..10^12, half of them built group by group so that the special spellings
#: (ألفان, مائة و ألف ألف, عشرة آلاف...) are frequent.
integers_to_trillion = st.one_of(
    st.integers(0, 10**12),
    st.lists(_group, min_size=1, max_size=4).map(_groups_to_int),
    st.just(10**12),
)


def to_arabic_indic(s: str) -> str:
    return s.translate(str.maketrans(string.digits, ARABIC_INDIC_DIGITS))


@st.composite
def digit_numbers(draw: st.DrawFn) -> tuple[int | float, str]:
    """A number and one way news text writes it in digits."""
    n = draw(st.integers(0, 10**9))
    shape = draw(st.sampled_from(["plain", "comma", "dot", "space", "arabic", "decimal_dot", "decimal_comma",
                                  "arabic_decimal"]))
    if shape == "plain":
        return n, str(n)
    if shape == "comma":
        return n, f"{n:,}"
    if shape == "dot":
        # one dot is a decimal point (4.800 = 4.8): dots separate thousands from two on
        return n, f"{n:,}".replace(",", ".") if n >= 10**6 else str(n)
    if shape == "space":
        return n, f"{n:,}".replace(",", " ")
    if shape == "arabic":
        return n, to_arabic_indic(f"{n:,}").replace(",", "٬")
    whole = draw(st.integers(0, 9999))
    frac = draw(st.integers(1, 99))
    text = f"{whole}.{frac:02d}".rstrip("0")
    value = float(text)
    if shape == "decimal_dot":
        return value, text
    if shape == "decimal_comma":
        return value, text.replace(".", ",")
    return value, to_arabic_indic(text).replace(".", "٫")


@st.composite
def with_noise(draw: st.DrawFn, text: str, marks: st.SearchStrategy[str] = noise_marks,
               digits: bool = True) -> str:
    """``text`` with marks inserted at random places and, maybe, its digits written in
    Arabic-Indic or Persian digits."""
    chars = list(text)
    for _ in range(draw(st.integers(0, 6))):
        pos = draw(st.integers(0, len(chars)))
        chars.insert(pos, draw(marks))
    out = "".join(chars)
    if digits:
        script = draw(st.sampled_from(["ascii", "arabic", "persian"]))
        if script == "arabic":
            out = out.translate(str.maketrans(string.digits, ARABIC_INDIC_DIGITS))
        elif script == "persian":
            out = out.translate(str.maketrans(string.digits, PERSIAN_DIGITS))
    return out


# ---- ordinals ------------------------------------------------------------------------------------

_ORD_M = ["", "أول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"]
_ORD_F = ["", "أولى", "ثانية", "ثالثة", "رابعة", "خامسة", "سادسة", "سابعة", "ثامنة", "تاسعة", "عاشرة"]
_TENS = {20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"), 50: ("خمسون", "خمسين"),
         60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"), 80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين")}
_HUNDREDS = {1: ("مئة", "مائة"), 2: ("مئتين", "مائتين", "مئتان"), 3: ("ثلاثمئة", "ثلاثمائة"), 4: ("أربعمئة", "أربعمائة"),
             5: ("خمسمئة", "خمسمائة"), 6: ("ستمئة", "ستمائة"), 7: ("سبعمئة", "سبعمائة"), 8: ("ثمانمئة", "ثمانمائة"),
             9: ("تسعمئة", "تسعمائة")}


@st.composite
def ordinals(draw: st.DrawFn, article: bool = True) -> tuple[int, str]:
    """An ordinal 1..999 (1..99 but round tens without the article), masculine or feminine,
    in any case,
    spelled as news text does: الحادي عشر, الخامسة والعشرين, المئة والخامس والعشرون,
    التاسع والتسعون بعد المائة."""
    # without the article a round ten is a cardinal (عشرون): only compounds are ordinals
    n = draw(st.integers(1, 999) if article else st.integers(1, 99).filter(lambda k: k < 20 or k % 10))
    fem = draw(st.booleans())
    al = "ال" if article else ""
    units = _ORD_F if fem else _ORD_M
    h, r = divmod(n, 100)

    def below_hundred(r: int, alone: bool) -> str:
        if r <= 10:
            return al + units[r]
        u, t = r % 10, r - r % 10
        one = "حادية" if fem else "حادي"
        if t == 10:
            return al + (one if u == 1 else units[u]) + (" عشرة" if fem else " عشر")
        tens = al + draw(st.sampled_from(_TENS[t]))
        if u == 0:
            return tens
        return al + (one if u == 1 else units[u]) + " و" + tens

    if not h:
        return n, below_hundred(r, True)
    hundreds = "ال" + draw(st.sampled_from(_HUNDREDS[h]))
    if not r:
        return n, hundreds
    if draw(st.booleans()):
        return n, hundreds + " و" + below_hundred(r, False)
    return n, below_hundred(r, False) + " بعد " + hundreds

"""Stage 3a: numbers in digits, in words, or both.

Finding and resolving are separate steps, as in Duckling:

1. one precompiled regex finds *chunks*: runs of digit groups and number words (with
   their clitics) joined by spaces, ``و`` or the fraction connectors;
2. a small grammar reads each chunk left to right and builds values in groups of
   thousands, the way text2num does (``مليون و268 ألف و153`` = 1 x 10^6 + 268 x 10^3 +
   153). Where the grammar cannot go on, one number ends and the next may begin;
3. the words around each number give its qualifier (``أكثر من``, ``حوالي``, a governing
   ``تجاوز``), its percent marker and its sign.

All words come from ``lexicons/``: numbers, ordinals, fractions, number_markers and
qualifiers.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from itertools import accumulate
from typing import ClassVar, Literal

from .lexicon import Entry, load_lexicon
from ._gc import paused_gc
from .models import NumberMention, NumberValue, _construct
from .normalize import NormalizedText, normalize_with_map
from .scan import (ARTICLE, CLITIC_PREFIX, CLITIC_PREFIX_LONGEST, CONJUNCTION, CONJUNCTIONS, LETTER, NOT_LETTER_AFTER,
                   NOT_LETTER_BEFORE, PREPOSITION, PREPOSITION_BEFORE_ARTICLE, clitic_analyses, has_article,
                   phrase_pattern, trie_pattern)

__all__ = ["NumberCandidate", "find_numbers", "number_candidates", "parse_number", "parse_digits"]


# ---- lexicon models ------------------------------------------------------------------------

class NumberWord(Entry):
    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("forms", "dual_forms", "plural_forms")
    value: int
    role: Literal["unit", "ten", "teen", "tens", "hundred", "scale"]
    forms: list[str]
    dual_forms: list[str] = []
    plural_forms: list[str] = []
    standalone: bool = True


class OrdinalWord(Entry):
    value: int
    forms: list[str]
    compound_only: bool = False


class FractionWord(Entry):
    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("forms", "dual_forms", "plural_forms", "homograph_forms")
    denominator: int
    forms: list[str] = []
    dual_forms: list[str] = []
    plural_forms: list[str] = []
    homograph_forms: list[str] = []
    standalone: bool = True


class MarkerWords(Entry):
    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("before", "after", "infix", "forms")
    SURFACE_GROUPS: ClassVar[dict[str, str]] = {"before": "before", "after": "after", "infix": "infix"}
    before: list[str] = []
    after: list[str] = []
    infix: list[str] = []
    forms: list[str] = []


class RelativeOrdinal(Entry):
    offset: int
    relative_to: Literal["end", "current"]
    forms: list[str]


class UnitWords(Entry):
    """``lexicons/units.toml``: what a number can measure (currencies, mass, length...)."""

    kind: Literal["currency", "mass", "volume", "area", "pills", "length", "temperature"]
    label: str
    forms: list[str]
    decimals: int = 2  # of a currency's minor unit (3: the Tunisian dinar, the Omani rial)


class QualifierWords(Entry):
    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("before", "after", "verbs")
    SURFACE_GROUPS: ClassVar[dict[str, str]] = {"before": "before", "after": "after", "verbs": "verbs"}
    before: list[str] = []
    after: list[str] = []
    verbs: list[str] = []


# ---- senses: what a word can mean in the grammar -------------------------------------------

@dataclass(frozen=True, slots=True)
class Sense:
    role: str  # unit ten teen tens hundred scale fraction ordinal
    value: int  # the value; for a scale the scale; for a fraction the denominator
    count: int | None = 1  # scale and fraction: 1 one, 2 dual, None plural (needs a count)
    standalone: bool = True
    homograph: bool = False
    compound_only: bool = False
    construct: bool = False  # ألفا, مليونا: dual in construct alone, accusative singular before و + more


_H, _T, _U = 4, 2, 1
_ALL = _H | _T | _U


@dataclass(frozen=True)
class _Grammar:
    senses: dict[str, tuple[Sense, ...]]
    not_numbers: frozenset[str]
    chunk_re: re.Pattern[str]
    #: where chunk_re may start, found fast (see _chunks): a digit, a dot before a digit...
    digit_start_re: re.Pattern[str]
    #: ... or, a few clitics before, a number word (or the first word of a part_of connector)
    number_word_re: re.Pattern[str]
    token_re: re.Pattern[str]
    connectors: dict[str, str]  # folded phrase -> part_of / over / decimal_point
    qual_before_re: re.Pattern[str]
    #: the phrases of qual_before_re alone, right before the end: where its matches can be
    qual_before_finder_re: re.Pattern[str]
    qual_after_re: re.Pattern[str]
    #: qual_after_re, or else one word and then a qualifier after it (group q2): the two
    #: looks of _decorate after a number in one search
    after_re: re.Pattern[str]
    qual_verb_re: re.Pattern[str]
    qual_before: dict[str, str]
    qual_after: dict[str, str]
    qual_verbs: dict[str, str]
    #: pattern name -> the characters its phrase can end with: a search that needs the phrase
    #: right before a number is skipped when the character there is not one of them
    last_chars: dict[str, frozenset[str]]
    pct_after_re: re.Pattern[str]
    pct_before_re: re.Pattern[str]
    rate_before_re: re.Pattern[str]
    neg_before_re: re.Pattern[str]
    negation_re: re.Pattern[str]
    ordinal_after_re: re.Pattern[str]
    #: right before a number under a verb of exceeding: the number is the margin (بـ 2 مليار)
    margin_before_re: re.Pattern[str]
    #: the words of that margin (ب), for the fact stage's sizes of a change
    margins: tuple[str, ...]
    #: right before an ordinal: a ruler's name, whose number it is (محمد السادس)
    regnal_before_re: re.Pattern[str]
    #: right after a fraction or an ordinal word: a name it is part of (نصف النهائي)
    name_part_after_re: re.Pattern[str]
    #: right after ألفا / مليونا alone: what makes it the accusative singular, not a dual
    construct_singular_re: re.Pattern[str]
    #: fractions with the article (الربع, النصف) -> their denominator
    definite_fractions: dict[str, int]
    #: what makes one a number, right before it: a word of measure (بنسبة الربع, بأكثر من الثلث)
    definite_fraction_before_re: re.Pattern[str]
    #: scale words with the article (الألف, المليون) -> their value: a round count after a
    #: word of measure (قرابة المليون) or before the noun it counts (المليون متابع)
    definite_scales: dict[str, int]
    #: right after a scale word with the article: an indefinite noun it counts (not a particle,
    #: no ل: the article or a preposition)
    definite_scale_noun_re: re.Pattern[str]
    coordination_re: re.Pattern[str]
    relative_re: re.Pattern[str]
    relative: dict[str, tuple[int, str]]
    #: qual_verbs phrases anywhere, clitic and left edge unchecked: finds where a governing
    #: verb may be, scanning fast (see _verb_spans)
    verb_finder_re: re.Pattern[str]
    #: the words and phrases of relative_ordinals alone, for the same fast scan (_relatives)
    relative_finder_re: re.Pattern[str]


def _squash(phrase: str) -> str:
    return " ".join(phrase.split())


#: Whitespace within a line: a number, its qualifier and its markers never reach across a
#: line break (a headline's last word does not qualify the first number of the next line).
_INLINE_SPACE = r"[^\S\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"


@cache
def grammar() -> _Grammar:
    """Build the number grammar from the lexicons (once per process)."""
    numbers = load_lexicon("numbers", NumberWord)
    ordinals = load_lexicon("ordinals", OrdinalWord)
    fractions = load_lexicon("fractions", FractionWord)
    markers = load_lexicon("number_markers", MarkerWords)
    qualifiers = load_lexicon("qualifiers", QualifierWords)
    relatives = load_lexicon("relative_ordinals", RelativeOrdinal)

    senses: dict[str, list[Sense]] = {}
    for folded, s in numbers.group().items():
        w = s.entry
        count: int | None = 1
        if s.field == "dual_forms":
            count = 2
        elif s.field == "plural_forms":
            count = None
        construct = s.field == "dual_forms" and folded.endswith("ا")
        senses.setdefault(folded, []).append(Sense(w.role, w.value, count, w.standalone, construct=construct))
    for folded, s in ordinals.group().items():
        senses.setdefault(folded, []).append(
            Sense("ordinal", s.entry.value, compound_only=s.entry.compound_only))
    for folded, s in fractions.group().items():
        f = s.entry
        count = {"dual_forms": 2, "plural_forms": None}.get(s.field, 1)
        homograph = s.field == "homograph_forms"
        if homograph and folded not in senses:
            from .lexicon import LexiconError

            raise LexiconError(fractions.path, s.key,
                               f"homograph form {s.written!r} is not a cardinal in numbers.toml")
        if not homograph and folded in senses:
            from .lexicon import LexiconError

            raise LexiconError(fractions.path, s.key,
                               f"form {s.written!r} is also a number word; list it in homograph_forms")
        senses.setdefault(folded, []).append(Sense("fraction", f.denominator, count, f.standalone, homograph))

    connectors: dict[str, str] = {}
    for key in ("part_of", "over", "decimal_point"):
        for written in markers.entries[key].infix:
            from .normalize import fold

            connectors[_squash(fold(written))] = key

    words = sorted(senses)
    if not all(w.isalpha() for w in words):  # _chunks counts on number words being one word each
        raise ValueError(f"number words must be single words: {[w for w in words if not w.isalpha()]}")
    word_atom = CLITIC_PREFIX + trie_pattern(words) + NOT_LETTER_AFTER  # after NOT_LETTER_BEFORE
    digit_atom = (r"(?:\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,]\d+)*|(?<![\d.,])\.\d+)"
                  r"(?:[eE][+-]?\d+(?![\d.,])|\^[+-]?\d+(?:[.,]\d+)?)?(?:/\d+(?:[.,]\d+)?)?")
    conn = phrase_pattern(connectors)
    part_words = phrase_pattern([p.split()[0] for p, k in connectors.items() if k == "part_of"])
    # every atom starts at a digit, a dot or the start of a word: saying so first, as the
    # choice between them, lets the engine skip the inside of words in one step (3x faster
    # on news text) and try at a word no digit atom, at a digit no word atom
    atom = (f"(?:(?=[\\d.]){digit_atom}|{NOT_LETTER_BEFORE}(?:{word_atom}"
            f"|{part_words}(?=\\s+من{NOT_LETTER_AFTER})))")
    sp = _INLINE_SPACE  # a number never runs over a line break
    sep = rf"(?:{sp}*(?:و{sp}*)?|{sp}+{conn}{sp}+)"
    chunk_re = re.compile(rf"{atom}(?:{sep}{atom})*")
    token_re = re.compile(
        rf"(?P<digits>{digit_atom})|{NOT_LETTER_BEFORE}(?P<conn>{conn}){NOT_LETTER_AFTER}|(?P<word>[^\W\d_]+)|\S")

    def table(group: str) -> dict[str, str]:
        return {_squash(p): s.key for p, s in qualifiers.group(group).items()}

    qual_before, qual_after, qual_verbs = table("before"), table("after"), table("verbs")
    # An after-phrase that opens the next number's before-phrase qualifies that number, not
    # this one: in 2960 قتيلا وأكثر من 5500 جريح, وأكثر is أكثر من 5500, not "2960 and more".
    # What completes such a before-phrase (من, بقليل من) blocks the after-phrase.
    bodies = {a[1:] if a[0] in CONJUNCTIONS else a for a in qual_after}
    rests = {b[len(a) + 1:] for b in qual_before for a in bodies if b.startswith(a + " ")}
    not_opening = r"(?!\s*(?:" + phrase_pattern(rests) + ")" + NOT_LETTER_AFTER + ")" if rests else ""
    lead = NOT_LETTER_BEFORE + r"(?:" + CONJUNCTION + "?" + PREPOSITION + "?)"
    qual_before_re = re.compile(lead + f"(?P<q>{phrase_pattern(qual_before)})" + sp + r"*\Z")
    qual_after_re = re.compile(sp + r"*(?P<q>" + phrase_pattern(qual_after) + ")" + NOT_LETTER_AFTER)
    # (the same clitics as before a phrase: وتجاوز, ليتجاوز 4 ملايين "so as to exceed")
    qual_verb_re = re.compile(lead + r"(?P<q>" + phrase_pattern(qual_verbs) + ")" + NOT_LETTER_AFTER)

    def marker(key: str, group: str) -> str:
        return phrase_pattern(p for p in markers.group(group) if markers.group(group)[p].key == key)

    pct_after_re = re.compile(sp + r"*(?:" + marker("percent", "after") + ")" + r"(?![^\W\d_])")
    pct_before_re = re.compile("(?:" + marker("percent", "before") + ")" + sp + r"*\Z")
    rate_before_re = re.compile(NOT_LETTER_BEFORE + "(?:" + marker("rate", "before") + ")" + sp + r"*\Z")
    neg_before_re = re.compile(r"(?:(?<![\w.,])-|" + NOT_LETTER_BEFORE + "(?:" + marker("negative", "before")
                               + ")" + sp + r"+)\Z")
    negation_re = re.compile(NOT_LETTER_BEFORE + CONJUNCTION + "?(?:" + marker("negation", "before") + ")" + sp
                             + r"+\Z")
    relative = {_squash(f): (s.entry.offset, s.entry.relative_to) for f, s in relatives.group().items()}
    single = [f for f in relative if " " not in f]
    phrases = [f for f in relative if " " in f]
    starts = "".join(sorted({"ا", "ل"} | {p[0] for p in phrases}))
    relative_re = re.compile(
        NOT_LETTER_BEFORE + rf"(?={CONJUNCTION}?{PREPOSITION_BEFORE_ARTICLE}?[{starts}]){CONJUNCTION}?"
        + rf"(?:(?:{PREPOSITION_BEFORE_ARTICLE}?ال|لل)(?P<w>"
        + trie_pattern(single) + ")|(?P<p>" + phrase_pattern(phrases) + "))" + NOT_LETTER_AFTER)
    return _Grammar(
        senses={k: tuple(v) for k, v in senses.items()},
        not_numbers=frozenset(markers.group("forms")),
        chunk_re=chunk_re,
        digit_start_re=re.compile(r"[\d.](?:(?<=\d)|(?=\d))"),
        number_word_re=re.compile(trie_pattern(set(words) | {p.split()[0] for p, k in connectors.items()
                                                             if k == "part_of"}) + NOT_LETTER_AFTER),
        token_re=token_re,
        connectors=connectors,
        qual_before_re=qual_before_re,
        qual_before_finder_re=re.compile(phrase_pattern(qual_before) + r"\s*\Z"),
        qual_after_re=qual_after_re,
        after_re=re.compile(r"\s*(?P<q>" + phrase_pattern(qual_after) + ")" + NOT_LETTER_AFTER + not_opening
                            + r"|\s+(?P<noun>[^\W\d_]++)\s*(?P<q2>" + phrase_pattern(qual_after) + ")"
                            + NOT_LETTER_AFTER + not_opening),
        qual_verb_re=qual_verb_re,
        qual_before=qual_before,
        qual_after=qual_after,
        qual_verbs=qual_verbs,
        last_chars={
            "qual_before": frozenset(p[-1] for p in qual_before),
            "pct_before": frozenset(p[-1] for p in markers.group("before") if markers.group("before")[p].key
                                    == "percent"),
            "rate_before": frozenset(p[-1] for p in markers.group("before") if markers.group("before")[p].key
                                     == "rate"),
            "neg_before": frozenset(["-"]) | {p[-1] for p in markers.group("before")
                                              if markers.group("before")[p].key == "negative"},
        },
        pct_after_re=pct_after_re,
        pct_before_re=pct_before_re,
        rate_before_re=rate_before_re,
        neg_before_re=neg_before_re,
        margin_before_re=re.compile(NOT_LETTER_BEFORE + "(?:" + marker("margin", "before") + ")" + sp + r"?\Z"),
        margins=tuple(p for p, m in markers.group("before").items() if m.key == "margin"),
        regnal_before_re=re.compile(NOT_LETTER_BEFORE + "(?:" + marker("regnal", "before") + ")" + sp + r"+\Z"),
        name_part_after_re=re.compile(sp + "+(?:" + marker("name_part", "after") + ")" + NOT_LETTER_AFTER),
        definite_fractions={ARTICLE + f: next(x.value for x in ss if x.role == "fraction") for f, ss in senses.items()
                            if any(x.role == "fraction" and x.count == 1 and x.standalone and not x.homograph
                                   for x in ss)},
        definite_scales={ARTICLE + f: x.value * x.count for f, ss in senses.items() for x in ss[:1]
                         if x.role == "scale" and x.value in _SCALES and (x.count == 1 or (
                             x.count == 2 and not x.construct))},  # الألف, المليون; الألفين, المليونين
        definite_scale_noun_re=re.compile(
            # (not ل: الذكرى الألف لتأسيس المدينة is the thousandth)
            sp + r"+(?!" + ARTICLE + r"|ل|(?:" + marker("construct_singular", "before") + ")" + NOT_LETTER_AFTER
            + r")" + LETTER + "{2}"),
        definite_fraction_before_re=re.compile(
            lead + "(?:" + marker("definite_fraction", "before") + "|" + marker("rate", "before") + "|"
            + phrase_pattern(qual_before) + ")" + sp + r"+\Z"),
        construct_singular_re=re.compile(
            sp + r"*(?:(?:" + marker("construct_singular", "before") + ")" + NOT_LETTER_AFTER + "|" + ARTICLE
            + r"|لل|[^\w\s]|\n|\Z)"),
        negation_re=negation_re,
        coordination_re=re.compile(r"\s*" + phrase_pattern(p for p in markers.group("infix")
                                                            if markers.group("infix")[p].key == "coordination")
                                   + r"\s*"),
        ordinal_after_re=re.compile(r"\s+" + phrase_pattern(markers.group("infix")[p].written
                                                             for p in markers.group("infix")
                                                             if markers.group("infix")[p].key == "ordinal_after")
                                    + r"\s+"),
        relative_re=relative_re,
        relative=relative,
        verb_finder_re=re.compile(phrase_pattern(qual_verbs) + NOT_LETTER_AFTER),
        relative_finder_re=re.compile(phrase_pattern(relative) + NOT_LETTER_AFTER),
    )


# ---- digits ----------------------------------------------------------------------------------

_SCI_RE = re.compile(r"^(?P<m>.+?)(?:[eE](?P<e>[+-]?\d+)|\^(?P<p>[+-]?\d+(?:[.,]\d+)?))?$")


def parse_digits(s: str) -> int | float | None:
    """Value of a digit group in any of the shapes news text uses, or None.

    A comma followed by groups of exactly three digits separates thousands, otherwise it
    is a decimal comma; several dots in groups of three separate thousands, one dot is a
    decimal point; with both, the last one is the decimal separator.

    >>> parse_digits("1,197,335"), parse_digits("2,5"), parse_digits("12,220,13")
    (1197335, 2.5, 12220.13)
    >>> parse_digits("1.197.335"), parse_digits("1 197 335"), parse_digits("4.800")
    (1197335, 1197335, 4.8)
    """
    if s.isascii() and s.isdigit():  # the common case: plain digits
        return int(s) if len(s) <= _MAX_DIGITS else None
    m = _SCI_RE.match(s)
    if not m or (len(s) > _MAX_DIGITS and sum(ch.isdigit() for ch in s) > _MAX_DIGITS):
        return None
    mant = _plain_digits(m.group("m"))
    if mant is None:
        return None
    if m.group("e") is not None:
        exp = int(m.group("e"))
        if abs(exp) > _MAX_DIGITS:
            return None
        return _clean(mant * 10 ** exp)
    if m.group("p") is not None:
        exp = _plain_digits(m.group("p").lstrip("+-"))
        if exp is None:
            return None
        if m.group("p").startswith("-"):
            exp = -exp
        try:
            return _clean(float(mant) ** exp)
        except (OverflowError, ZeroDivisionError):
            return None
    return mant


#: Longer digit strings (and larger exponents) are not numbers but data: their value
#: would not fit a float.
_MAX_DIGITS = 300


def _times(x: int | float, scale: int) -> int | float:
    """``x * scale``, exact for the decimals the text writes: 8.2 مليون is 8,200,000, where
    the float product is 8,199,999.999999999 (the shortest repr of a float is the decimal
    it was read from)."""
    if isinstance(x, float) and not x.is_integer():
        return float(Decimal(repr(x)) * scale)
    return x * scale


def _clean(v: float | int) -> int | float:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e18:
        return int(v)
    return v


def _plain_digits(s: str) -> int | float | None:
    s = s.replace(" ", "")
    if "/" in s:
        num, _, den = s.partition("/")
        a, b = _plain_digits(num), _plain_digits(den)
        if a is None or not b:
            return None
        return _clean(a / b)
    if not s or s[-1] in ".,":
        return None
    if s[0] == ".":
        return _clean(float("0" + s))
    seps = [c for c in s if c in ".,"]
    if not seps:
        return int(s)
    groups = re.split(r"[.,]", s)
    if len(groups[0]) == 0:
        return None
    kinds = set(seps)
    if len(kinds) == 2:
        dec = seps[-1]
        if seps.count(dec) != 1:
            return None
        int_part, _, frac = s.rpartition(dec)
        thou = int_part.split("," if dec == "." else ".")
        if not (1 <= len(thou[0]) <= 3 and all(len(g) == 3 for g in thou[1:])):
            return None
        return _clean(float("".join(thou) + "." + frac))
    sep = seps[0]
    # (a group of thousands never leads with 0: 0,985 is a decimal)
    tail_ok = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 and groups[0] != "0"
    if sep == ",":
        if tail_ok:
            return int("".join(groups))
        if all(len(g) == 3 for g in groups[1:-1]) and len(groups[0]) <= 3 or len(groups) == 2:
            return _clean(float("".join(groups[:-1]) + "." + groups[-1]))
        return None
    if len(groups) == 2:
        return _clean(float(s))
    if tail_ok:
        return int("".join(groups))
    return None


# ---- tokens of a chunk -------------------------------------------------------------------------

@dataclass(slots=True)
class _Tok:
    kind: str  # digits word conn other
    start: int  # normalized offsets; core = after the clitic prefix,
    core: int  # lead = after conjunction and preposition but not the article
    end: int
    conj: bool = False  # و (clitic or separate) right before
    definite: bool = False
    senses: tuple[Sense, ...] = ()
    value: int | float | None = None
    digits: str = ""
    conn: str = ""  # part_of / over / decimal_point
    is_fraction_literal: bool = False
    lead: int = -1


@lru_cache(maxsize=65536)
def _analyze(word: str) -> tuple[str, tuple[Sense, ...]] | None:
    g = grammar()
    if word in g.not_numbers:
        return None
    for prefix, stem in clitic_analyses(word):
        senses = g.senses.get(stem)
        if senses:
            return prefix, senses
    return None


@lru_cache(maxsize=65536)
def _word_parts(word: str) -> tuple[int, int, bool, bool, tuple[Sense, ...]] | None:
    """What _tokens needs of a number word, worked out once per word: the offsets of its
    core (after the proclitics) and of its lead (after conjunction and preposition, the
    article kept), whether it starts with و, whether it has the article, its senses."""
    a = _analyze(word)
    if a is None:
        return None
    prefix, senses = a
    lead = len(prefix) - (2 if prefix.endswith("ال") else 1 if prefix.endswith("لل") else 0)
    return len(prefix), lead, prefix.startswith("و"), has_article(prefix), senses


_DIGIT_RUN = re.compile(r"\d+")
#: A chunk that is one group of digits with separators, and no other token (1,197,335, 2.5).
_SEPARATED_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
#: parse_digits for _tokens: news text writes the same figures again and again
_parse_digits = lru_cache(maxsize=8192)(parse_digits)


#: A slash before a four-digit year, as the whole denominator.
_OVER_A_YEAR = re.compile(r"/(?:19|20)\d\d\Z")


def _chained(text: str, s: int, e: int) -> bool:
    """A slash "fraction" that is no fraction: part of a longer chain of numbers (a date,
    a phone), or a reference over a year (القرار رقم 45/2025, the 45th of 2025)."""
    if _OVER_A_YEAR.search(text, s, e):
        return True
    before = text[max(0, s - 2):s]
    after = text[e:e + 2]
    return (len(before) == 2 and before[1] in "/-" and before[0].isdigit()) or (
        len(after) == 2 and after[0] in "/-" and after[1].isdigit())


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    g = grammar()
    out: list[_Tok] = []
    conj = False
    for m in g.token_re.finditer(text, start, end):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "digits":
            raw = m.group()
            value = _parse_digits(raw)
            if value is None or ("/" in raw and _chained(text, s, e)):
                # 192.168.1.2, 5/17/2018, +1-222-2222/2222: separate integers
                for part in _DIGIT_RUN.finditer(raw):
                    kind = "digits" if len(part.group()) <= _MAX_DIGITS else "other"
                    out.append(_Tok(kind, s + part.start(), s + part.start(), s + part.end(), conj,
                                    value=int(part.group()) if kind == "digits" else None, digits=part.group()))
                    conj = False
                continue
            out.append(_Tok("digits", s, s, e, conj, False, (), value, raw, "", "/" in raw))
        elif kind == "conn":
            out.append(_Tok("conn", s, s, e, conj, conn=g.connectors[_squash(m.group("conn"))]))
        elif kind == "word":
            w = m.group()
            if w == "و":
                conj = True
                continue
            a = _word_parts(w)
            if a is None:
                out.append(_Tok("other", s, s, e, conj))
            else:
                core, lead, c, article, senses = a
                out.append(_Tok("word", s, s + core, e, conj or c, article, senses, None, "", "", False, s + lead))
        else:
            out.append(_Tok("other", s, s, e, conj))
        conj = False
    return out


# ---- the grammar ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Read:
    i: int  # first token
    j: int  # one past the last token
    value: int | float
    kind: str  # cardinal ordinal fraction
    rule: str
    needs_context: bool = False


class _Cardinal:
    """Reads a cardinal (or a fraction) from ``toks[i:]``, building groups of thousands.

    The current group (below a thousand) fills three slots, hundreds, tens and units;
    Arabic puts units before tens (خمسة وعشرون), so the two may come in either order, but
    hundreds come first. A scale word closes the group (group x scale goes to the total);
    scales must fall from left to right.
    """

    # The state of a reading starts as these class attributes (a reader is made for every
    # chunk, and most readings touch few of them); each is rebound, never changed in place.
    total: int | float = 0
    group: int | float | None = None
    slots = 0
    low: int | float = 0  # the part of the group below its hundreds
    last_part: int | float = 0  # what the last word added to the group
    group_digits = False
    last_scale: int | None = None
    prev_scale = False
    frac: float = 0.0
    fraction_used = False
    words = 0
    digits = 0
    best: tuple | None = None  # see _commit
    repeat_scale: int | None = None  # مليون ونصف: the scale that may be said again
    #: the number read before a group that و opened after a scale word (10 آلاف | و20):
    #: where the reading ends when a scale word as large follows the group (و20 ألف)
    before_group: tuple | None = None

    def __init__(self, toks: Sequence[_Tok], i: int, *, connectors: bool = True) -> None:
        self.toks = toks
        self.i = i
        self.connectors = connectors

    def value(self) -> int | float:
        whole = self.total + (self.group or 0)
        return whole + self.frac if self.frac else whole

    def read(self) -> _Read | None:
        toks, k, n = self.toks, self.i, len(self.toks)
        while k < n:
            t = toks[k]
            conj = t.conj and k > self.i
            if conj and self.group is None and self.last_scale is not None:
                self.before_group = self.best
            repeat, self.repeat_scale = self.repeat_scale, None
            if repeat and t.kind == "word" and not conj and any(
                    s.role == "scale" and s.value == repeat and s.count == 1 for s in t.senses):
                self.words += 1  # مليون ونصف المليون, مليونان ونصف مليون: the scale again adds nothing
                k += 1
            elif t.kind == "digits":
                if not self._digits(t, conj):
                    break
                self.digits += 1
                k += 1
            elif t.kind == "word":
                step = 0 if t.definite else self._word(t, k, conj)
                if not step:
                    break
                self.words += step
                k += step
            elif t.kind == "conn" and self.connectors and (k > self.i or t.conn == "part_of"):
                step = self._connector(t, k)
                if step:
                    self._commit(k + step)
                break
            else:
                break
            self._commit(k)
        return self._best_read()

    def _commit(self, j: int) -> None:
        """The tokens up to ``j`` make a number: keep the state that says which (the
        _Read is built once, at the end, from the last state kept)."""
        self.best = (j, self.total, self.group, self.frac, self.fraction_used, self.words, self.digits)

    def _best_read(self) -> _Read | None:
        if self.best is None:
            return None
        j, total, group, frac, fraction_used, words, digits = self.best
        whole = total + (group or 0)
        v = _clean(whole + frac if frac else whole)
        fraction = fraction_used and isinstance(v, float) and not v.is_integer()
        rule = "digits" if not words else ("words" if not digits else "mixed")
        lone = j - self.i == 1 and self.toks[self.i].kind == "word"
        needs_context = lone and not any(s.standalone for s in self.toks[self.i].senses)
        return _Read(self.i, j, v, "fraction" if fraction else "cardinal", rule, needs_context)

    def _set_group(self, v: int | float, slots: int, digits: bool = False) -> None:
        self.group = v
        self.slots = slots
        self.group_digits = digits
        self.low = v if not slots & _H and not digits else 0
        self.last_part = v

    # -- digits
    def _digits(self, t: _Tok, conj: bool) -> bool:
        v = t.value
        if v is None:
            return False
        if t.is_fraction_literal:
            if (isinstance(self.group, int) and self.group_digits and not conj and 0 < v < 1
                    and not self.frac and self.last_scale is None):
                self.group += v  # 2 1/4
            elif self.group is None and self.total == 0:
                self._set_group(v, _ALL, digits=True)
            else:
                return False
            self.fraction_used = True
            self.slots = _ALL
            return True
        if self.group is not None:
            # ٣ مائة و ٢١: digits below a hundred complete a group of hundreds
            if self.slots == _H and conj and isinstance(v, int) and v < 100:
                self.group += v
                self.slots = _ALL
                return True
            return False
        # otherwise digits start a number or follow a scale word: مليون و268 ألف و153
        if self.digits + self.words and not self.prev_scale:
            return False
        self._set_group(v, _ALL, digits=True)
        self.prev_scale = False
        return True

    # -- words
    def _word(self, t: _Tok, k: int, conj: bool) -> int:
        """Tokens consumed by the first sense of ``t`` that fits (homographs last)."""
        for homograph in (False, True):
            for s in t.senses:
                if s.homograph == homograph:
                    step = self._sense(s, k, conj)
                    if step:
                        return step
        return 0

    def _sense(self, s: Sense, k: int, conj: bool) -> int:
        role = s.role
        if role == "scale":
            return self._scale(s, k, conj)
        if role == "fraction":
            return self._fraction(s, conj)
        if role == "ordinal":
            return 0
        if self._add(role, s.value, conj):
            self.prev_scale = False
            return 1
        if role == "unit" and conj and self.group is not None:
            return self._proper_fraction(s.value, k)
        return 0

    def _add(self, role: str, v: int, conj: bool) -> bool:
        g = self.group
        if g is None:
            if self.last_scale is not None and v >= self.last_scale:
                return False
            self._set_group(v, {"unit": _U, "ten": _T | _U, "teen": _T | _U, "tens": _T, "hundred": _H}[role])
            return True
        slots = self.slots
        if role == "hundred":
            # ثلاث مائة, ٣ مئة, خمسة وتسعون مائة: a count of hundreds
            if v == 100 and not conj and (self.group_digits or not slots & _H) and g < 100:
                self.group = g * 100
                self.slots = _H if self.group < 1000 and float(g).is_integer() else _ALL
                self.group_digits = False
                self.low = 0
                return True
            return False
        if self.group_digits:
            return False
        if role == "unit":
            ok = not slots & _U and (conj or slots == _H)  # متين تلاتة: no و after hundreds
            filled = _U
        elif role == "ten":
            if slots & _U and not slots & _T and not conj and 0 < self.last_part < 10:  # (مائة و) ستة عشر
                self.group, self.slots, self.low = g + 10, slots | _T, self.low + 10
                self.last_part += 10
                return True
            ok = conj and not slots & (_T | _U)
            filled = _T | _U
        elif role == "teen":
            ok = slots == _H
            filled = _T | _U
        else:  # tens
            ok = not slots & _T and (conj or slots == _H)
            filled = _T
        if ok:
            self.group, self.slots, self.low, self.last_part = g + v, slots | filled, self.low + v, v
        return ok

    def _scale(self, s: Sense, k: int, conj: bool) -> int:
        S = s.value
        if conj and self.slots == _H and s.count == 1 and self._same_scale_next(k, S):
            # مائة و ألف ألف = 101 000: a singular scale word stands for "one" of the
            # group when the same scale word follows it (num2words spells x01 so)
            self.group += 1
            self.low += 1
            self.slots |= _U
            self.last_part = 1
            self.prev_scale = False
            return 1
        if self.last_scale is not None and S >= self.last_scale:
            if self.group is None and not conj and self.total and S > self.last_scale:
                self.total = _times(self.total, S)  # ألف مليون
                self.last_scale = S
                self.prev_scale = True
                return 1
            if self.group is None and not conj and self.total == S and s.count == 1 and self.prev_scale:
                self.total = S * S  # ألف ألف: a thousand thousands, a million
                self.last_scale = S * S
                return 1
            if self.group is not None and not conj and self.before_group is not None:
                if S > self.last_scale:
                    # ألف وخمسمائة مليون: the whole number so far counts the larger scale
                    self._close_group(_times(self.total + self.group, S))
                    self.last_scale = S
                    self.prev_scale = True
                    return 1
                # بين 10 آلاف و20 ألف, 5 ملايين و7 ملايين: the same scale again starts a
                # second number, so the first one ends before و
                self.best = self.before_group
            return 0
        if self.group is not None:
            if conj:
                return 0
            self._close_group(self.total + _times(self.group, S))
        elif s.count is not None and (self.prev_scale or conj or not self.words + self.digits):
            count = s.count
            if s.construct and k + 1 < len(self.toks) and self.toks[k + 1].conj and self.toks[k + 1].kind in (
                    "digits", "word"):
                count = 1  # مليونا و25 ألفا: the accusative of one million, not two
            self.total += count * S  # ألفين, مليون
        else:
            return 0  # آلاف alone is not a number
        self.last_scale = S
        self.prev_scale = True
        return 1

    def _close_group(self, total: int | float) -> None:
        """The group is counted into ``total`` by a scale word: a new group may begin."""
        self.total = total
        self.group = None
        self.slots = 0
        self.low = 0
        self.group_digits = False
        self.before_group = None

    def _same_scale_next(self, k: int, scale: int) -> bool:
        if k + 1 >= len(self.toks):
            return False
        nxt = self.toks[k + 1]
        return (nxt.kind == "word" and not nxt.conj and not nxt.definite
                and any(s.role == "scale" and s.value == scale and s.count == 1 for s in nxt.senses))

    def _fraction(self, s: Sense, conj: bool) -> int:
        d = s.value
        started = self.words + self.digits > 0
        if not started:
            if s.count is None:
                return 0  # أرباع needs a count
            self._set_group(s.count / d, _ALL)
        elif conj:
            if s.count is None:
                return 0
            if self.prev_scale and self.group is None and self.last_scale:
                self.frac += _times(s.count / d, self.last_scale)  # مليون ونصف
                self.repeat_scale = self.last_scale
            elif self.group is not None:
                self.group += s.count / d  # واحد ونصف
                self.slots = _ALL
            else:
                return 0
        elif self.group is not None and not self.prev_scale:
            if s.count is None:  # ثلاثة أرباع; مئة وثلاثة أرباع = 100 + 3/4; عشرون أخماس = 4
                if 0 < self.last_part < d:
                    self.group = self.group - self.last_part + self.last_part / d
                else:
                    self.group = self.group / d
            elif s.count == 1:  # ثلاثة وعشرون خمس = 23/5
                self.group = self.group / d
            else:
                return 0
            self.slots = _ALL
        else:
            return 0
        self.fraction_used = True
        self.prev_scale = False
        return 1

    def _proper_fraction(self, numerator: int, k: int) -> int:
        """``ثلاث وعشرون وثلاثة أخماس``: a unit that cannot join the group, followed by a
        plural fraction, is the numerator of a fraction added to the number."""
        if k + 1 >= len(self.toks):
            return 0
        nxt = self.toks[k + 1]
        if nxt.kind != "word" or nxt.conj or nxt.definite:
            return 0
        for s in nxt.senses:
            if s.role == "fraction" and s.count is None:
                self.frac += numerator / s.value
                self.fraction_used = True
                return 2
        return 0

    # -- connectors
    def _connector(self, t: _Tok, k: int) -> int:
        """Tokens consumed by a connector and the number after it (0: not consumed)."""
        if t.conn == "decimal_point":
            return self._decimal(k) if self.group is not None or self.total else 0
        den_reader = _Cardinal(self.toks, k + 1, connectors=False)
        den = den_reader.read()
        if den is None or den.kind != "cardinal" or not den.value:
            return 0
        if t.conn == "part_of":  # جزء من مئة; مائتان وثلاثة جزء من مائة = 200 + 3/100
            if k == self.i:
                self._set_group(1 / den.value, _ALL)
            elif self.group is None:
                return 0
            elif self.slots & _H and self.low:
                self.group = self.group - self.low + self.low / den.value
            else:
                self.group = self.group / den.value
        else:  # over (على, من): only after a spelled-out count, or the digit 1
            numerator = self.value()
            if self.frac or (self.digits and numerator != 1):
                return 0
            self.total, self.group, self.frac = 0, numerator / den.value, 0.0
        self.fraction_used = True
        self.slots = _ALL
        self.words += den_reader.words + 1
        self.digits += den_reader.digits
        return 1 + (den.j - den.i)

    def _decimal(self, k: int) -> int:
        """اثنان فاصلة خمسة = 2.5; مائتين فاصلة ثلاثة من مائة = 200.03."""
        if k + 1 >= len(self.toks):
            return 0
        nxt = self.toks[k + 1]
        if nxt.kind == "digits" and nxt.digits.isdigit():
            frac = float("0." + nxt.digits)
            used = 1
        else:
            r = _Cardinal(self.toks, k + 1).read()
            if r is None:
                return 0
            used = r.j - r.i
            if r.value < 1:
                frac = float(r.value)
            else:
                iv = int(r.value)
                frac = iv / 10 ** len(str(iv))
        if self.group is not None:
            self.group += frac
        else:
            self.frac += frac
        self.fraction_used = True
        self.slots = _ALL
        self.words += 1
        return 1 + used


def _read_ordinal(toks: Sequence[_Tok], i: int) -> _Read | None:
    """Ordinals: الثالث, الحادي عشر, السادسة عشرة, الخامس والعشرون, المئة والخامسة والعشرون.

    Cardinal words start an ordinal only with the article (العشرين, المئة, الألف), and a
    definite الواحد/الاثنين is an ordinal only inside a compound (الواحد والعشرون).
    """
    t = toks[i]
    if t.kind != "word":
        return None
    if not t.definite and i > 0 and toks[i - 1].kind == "digits" and not t.conj:
        return None  # 30 ثانية: a counted noun, not an ordinal
    definite = t.definite
    value = slots = 0
    has_ordinal = pending = False
    best: _Read | None = None
    k = i
    while k < len(toks):
        tk = toks[k]
        if tk.kind != "word":
            break
        if (k > i and not tk.conj and not tk.definite and slots & (_T | _U) == _U and value % 100 < 10
                and any(s.role == "ten" for s in tk.senses)):
            value, slots, pending = value + 10, slots | _T, False  # الحادي عشر, المائتين والحادي عشر
        else:
            if k > i and (not tk.conj or (tk.definite and not definite)):
                break
            if k > i and definite and not tk.definite and not any(s.role == "tens" for s in tk.senses):
                break
            part = _ordinal_part(tk, k == i, definite, slots)
            if part is None:
                break
            v, filled, is_ordinal, pending = part
            value += v
            slots |= filled
            has_ordinal |= is_ordinal
        k += 1
        if not pending and (has_ordinal or (definite and slots & (_T | _H))):
            best = _Read(i, k, value, "ordinal", "ordinal")
    return best


def _ordinal_part(t: _Tok, first: bool, definite: bool, slots: int) -> tuple[int, int, bool, bool] | None:
    """(value, slots filled, is an ordinal word, needs a compound) of one part."""
    for s in t.senses:
        if s.role == "ordinal" and not slots & _U:
            if s.value == 10:
                if not slots & _T:
                    return 10, _T | _U, True, False
                continue
            return s.value, _U, True, s.compound_only
        if first and not definite:
            continue
        if s.role == "unit" and s.value in (1, 2) and not slots & _U:
            return s.value, _U, False, True
        if s.role == "tens" and not slots & _T:
            return s.value, _T, False, False
        if s.role == "hundred" and first:
            return s.value, _H, False, False
        if s.role == "scale" and s.value == 1000 and s.count == 1 and first:
            return s.value, _H, False, False  # الدورة الألف, المرة الألف: the thousandth
    return None


def _read_chunk(toks: list[_Tok]) -> list[_Read]:
    out: list[_Read] = []
    i = 0
    n = len(toks)
    while i < n:
        best: _Read | None = None
        if toks[i].kind == "word":
            best = _read_ordinal(toks, i)
        if toks[i].kind in ("digits", "word", "conn"):
            c = _Cardinal(toks, i).read()
            if c is not None and (best is None or c.j > best.j):
                best = c
        if best is None:
            i += 1
            continue
        # a lone unit word right before digits is a verb or noun (تسع 500 = "holds 500")
        if (best.rule == "words" and best.j - best.i == 1 and best.j < n and toks[best.j].kind == "digits"
                and not toks[best.j].conj):
            i += 1
            continue
        out.append(best)
        i = best.j
    return out


# ---- candidates in running text ----------------------------------------------------------------

@dataclass(slots=True)
class NumberCandidate:
    """A number found in normalized text, before offsets are mapped back.

    ``start``/``end`` cover the qualifier and percent marker when they join the number;
    ``core_start``/``core_end`` cover the number itself.
    """

    start: int
    end: int
    core_start: int
    core_end: int
    value: int | float
    kind: str
    qualifier: str = "exact"
    rule: str = ""
    needs_context: bool = False
    governed: bool = False  # the qualifier comes from a verb further back
    relative_to: str | None = None
    extra: dict = field(default_factory=dict)


#: What a negation before a verb of exceeding or falling short makes of its qualifier.
_NEGATED = {"more_than": "at_most", "less_than": "at_least"}
_CLAUSE_BREAK = re.compile(r"[.!?؟؛;:\n،,\"()\[\]]|\d")
_VERB_WINDOW = 90
#: Longer than any verb phrase of qualifiers.toml with its clitic.
_VERB_LONGEST = 40
_COMMAS = ("،", ",")
#: The longest name in quotes that a governing verb reaches over.
_QUOTED_NAME = 30
#: The longest insertion between two commas that a governing verb reaches over.
_INSERTION = 40


def number_candidates(nt: NormalizedText, *, whole: bool = False, cuts: Sequence[int] = ()) -> list[NumberCandidate]:
    """Every number in a normalized text (match-form offsets).

    ``whole``: the caller says the text is one number expression, so words that need
    context (a lone واحد) are accepted. ``cuts``: sorted offsets no number runs across
    (the ends of dates: in خلال 2024 مليون سائح, 2024 ends a date and مليون is a number
    of its own, not 2,024,000,000).
    """
    g = grammar()
    text = nt.match
    out: list[NumberCandidate] = []
    for m in _chunks(text):
        if cuts and (k := bisect.bisect_right(cuts, m.start())) < len(cuts) and cuts[k] < m.end():
            # a chunk across a cut: its pieces on either side are read apart
            bounds = [m.start(), *(x for x in cuts[k:bisect.bisect_left(cuts, m.end())]), m.end()]
            for s, e in zip(bounds, bounds[1:]):
                _read_span(text, s, e, whole, out)
            continue
        raw = m.group()
        if raw.isascii() and (raw.isdigit() or _SEPARATED_DIGITS.fullmatch(raw)):
            # one group of digits (plain, half the chunks of news text, or with separators):
            # what the grammar would read of its one token
            value = (int(raw) if len(raw) <= _MAX_DIGITS else None) if raw.isdigit() else _parse_digits(raw)
            if value is not None:
                s, e = m.span()
                out.append(NumberCandidate(s, e, s, e, _clean(value), "cardinal", rule="digits"))
                continue
            if raw.isdigit():
                continue  # too long to be a number (and _tokens would make it "other")
        _read_span(text, m.start(), m.end(), whole, out)
    definite = _definite_numbers(text, out)
    if definite:  # (the same words read alone: الألف as the thousandth; parts of compounds)
        out = _outside_definite(out, definite) + definite
    for m in _relatives(text):
        offset, relative_to = g.relative[_squash(m.group("w") or m.group("p"))]
        begin = m.start() + (1 if text[m.start()] in CONJUNCTIONS and not m.group("p") else 0)
        out.append(NumberCandidate(begin, m.end(), begin, m.end(), offset, "ordinal", rule="relative_ordinal",
                                   relative_to=relative_to))
    out = _ordinals_after_hundreds(text, out)
    out = _drop_glued(text, out)
    out = _drop_names(text, out)
    _dotted_thousands(text, out)
    if _URL_HINT.search(text):
        out = _outside_spans(out, [u.span() for u in _URL_RE.finditer(text)])
    phones = _phone_spans(text)
    if phones:
        out = _outside_spans(out, phones)
    verbs = _verb_spans(text) if out else ([], [])
    for c in out:
        _decorate(text, c, verbs)
    _share_markers(text, out)
    return _resolve(out)


def _definite_numbers(text: str, read: list[NumberCandidate]) -> list[NumberCandidate]:
    """Fractions and scale words with the article that are numbers: after a word of measure
    (بنسبة الربع, بأكثر من الثلث, قرابة المليون) and, for a scale word, before the noun it
    counts (تجاوزت الحصيلة الألف قتيل, المليون متابع) or in a compound: after a fraction
    (نصف المليون: 500,000) or before و and a smaller number of ``read`` (المليون و900 ألف:
    1,900,000; المليون ونصف المليون). Elsewhere they are nouns (النصف الثاني من السنة) or
    ordinals (الذكرى الألف). Each word is found by str.find (rare in text)."""
    g = grammar()
    out: list[NumberCandidate] = []
    n = len(text)
    starting: dict[int, NumberCandidate] = {}  # the longest number read at each start
    fractions: dict[int, NumberCandidate] = {}  # the fraction words read, by their end
    for words, scale in ((g.definite_fractions, False), (g.definite_scales, True)):
        for word, value in words.items():
            s = text.find(word)
            while s >= 0:
                e = s + len(word)
                if (s == 0 or not text[s - 1].isalpha()) and (e == n or not text[e].isalpha()):
                    if not starting:
                        for x in read:
                            if x.start not in starting or x.end > starting[x.start].end:
                                starting[x.start] = x
                            if x.kind == "fraction" and x.rule != "digits":
                                fractions[x.end] = x
                    c = NumberCandidate(s, e, s, e, value if scale else _clean(1 / value),
                                        "cardinal" if scale else "fraction", rule="words")
                    b = s
                    while b > 0 and text[b - 1].isspace():
                        b -= 1
                    f = fractions.get(b) if scale else None
                    if f is not None:  # نصف المليون, ربع المليون
                        c.start = c.core_start = f.start
                        c.value = _clean(f.value * c.value)
                    if g.definite_fraction_before_re.search(text, max(0, c.start - 30), c.start) or (
                            scale and (f is not None or g.definite_scale_noun_re.match(text, e)
                                       or _compound_after(text, c, starting) is not None)):
                        out.append(c)
                        if c.start not in starting or c.end > starting[c.start].end:
                            starting[c.start] = c
                s = text.find(word, e)
    out.sort(key=lambda c: c.start)
    for c in reversed(out):  # المليون و900 ألف, المليون ونصف المليون: one number (the later ones first)
        if c.kind == "cardinal" and (more := _compound_after(text, c, starting)) is not None:
            c.end = c.core_end = more.end
            c.value = more.value
    return out


def _outside_definite(cands: list[NumberCandidate], definite: list[NumberCandidate]) -> list[NumberCandidate]:
    """``cands`` without those inside one of ``definite`` (sorted by start): one bisection
    each, in the running maximum of their ends (the one that reaches furthest among those
    that start by a candidate's start contains it, if any does)."""
    starts = [d.start for d in definite]
    reach = list(accumulate((d.end for d in definite), max))
    kept = []
    for c in cands:
        k = bisect.bisect_right(starts, c.start) - 1
        if k < 0 or reach[k] < c.end:
            kept.append(c)
    return kept


#: و and a number right after a scale word with the article (المليون و900 ألف).
_AND_NUMBER = re.compile(r"\s*و\s*")


def _compound_after(text: str, c: NumberCandidate, starting: dict[int, NumberCandidate]) -> NumberCandidate | None:
    """The compound of the scale word ``c`` and a smaller number after و (the longest that
    starts there), or None; a fraction word alone is a fraction of the scale (المليون ونصف:
    1,500,000)."""
    m = _AND_NUMBER.match(text, c.end)
    if m is None or m.end() == c.end:
        return None
    nxt = starting.get(m.end())
    if nxt is None or nxt is c or not 0 < nxt.value < c.value:
        return None
    value = c.value * nxt.value if nxt.kind == "fraction" and nxt.value < 1 else nxt.value
    return NumberCandidate(c.start, nxt.end, c.start, nxt.end, _clean(c.value + value), "cardinal", rule="words")


def _read_span(text: str, start: int, end: int, whole: bool, out: list[NumberCandidate]) -> None:
    """The numbers the grammar reads in ``text[start:end]`` (a chunk), appended to ``out``."""
    g = grammar()
    toks = _tokens(text, start, end)
    for r in _read_chunk(toks):
        first, last = toks[r.i], toks[r.j - 1]
        begin = first.lead if r.kind == "ordinal" else first.core
        if r.needs_context and not whole and not g.neg_before_re.search(text, max(0, begin - 8), begin):
            continue
        c = NumberCandidate(begin, last.end, begin, last.end, r.value, r.kind, rule=r.rule)
        if r.j - r.i == 1 and first.kind == "word":
            _fraction_of_definite(text, first, c)
            scale = next((s.value for s in first.senses if s.construct), None)
            if scale is not None and r.value == 2 * scale and not whole and g.construct_singular_re.match(
                    text, last.end):
                c.value = scale  # تجاوز العدد ألفا, بلغ مليونا: one thousand, one million (alone, a dual)
        out.append(c)


def _chunks(text: str) -> Iterator[re.Match[str]]:
    """The matches of chunk_re in ``text``, as its finditer gives them, found faster.

    chunk_re starts with look-arounds, so a search tries it at every position of the
    text. It can only match at a digit (or a dot before one) or at the start of a word
    that is a number word after at most CLITIC_PREFIX_LONGEST characters of clitics.
    Searches for those alone start with a character or a letter of a number word and skip
    the rest of the text quickly, and chunk_re is tried only there, in order. A number
    word that number_word_re does not report lies inside one it reports, in the same word:
    the start of that word is within the same reach of the reported one."""
    g = grammar()
    match = g.chunk_re.match
    digit_search = g.digit_start_re.search
    hits = g.number_word_re.finditer(text)
    n = len(text)
    pos = 0  # everything before is matched or tried
    digit = -1  # the first digit start at or after pos (n: none)
    lo = hi = -1  # the positions [lo, hi) a word reported by number_word_re may start at
    while True:
        if digit < pos:
            d = digit_search(text, pos)
            digit = d.start() if d else n
        while hi <= pos:
            h = next(hits, None)
            if h is None:
                lo = hi = n + 1
                break
            lo, hi = h.start() - CLITIC_PREFIX_LONGEST, h.start() + 1
        p = min(digit, max(pos, lo))
        if p >= n:
            return
        m = match(text, p)
        if m:
            yield m
            pos = m.end()
        else:
            pos = p + 1


#: The longest clitics relative_re allows before a relative word: و + بال.
_RELATIVE_LEAD = 4


def _relatives(text: str) -> list[re.Match[str]]:
    """The matches of relative_re in ``text``, as its finditer gives them, found faster.

    relative_re starts with a look-behind, so a search tries it at every position; the
    words and phrases it needs are rare, and a search for them alone starts with their
    first letters and skips the rest quickly. Every match of relative_re has its word or
    phrase starting at most _RELATIVE_LEAD characters in, where that search finds a match
    or inside one it found: relative_re is tried from those places on, in order."""
    g = grammar()
    match = g.relative_re.match
    out = []
    pos = 0  # the end of the last match, or the first place not tried yet
    for f in g.relative_finder_re.finditer(text):
        s = max(pos, f.start() - _RELATIVE_LEAD)
        while s < f.end():
            m = match(text, s)
            if m:
                out.append(m)
                s = m.end()
            else:
                s += 1
        pos = max(pos, s)
    return out


#: Latin letters: digits right after one, or after one and a dash, are a code (G20, COVID-19).
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ONE_DOT_THREE = re.compile(r"\d{1,3}\.\d{3}")
#: ... before a scale word (2.835 مليون): the digits, then the scale word
_ONE_DOT_THREE_SCALED = re.compile(r"(\d{1,3}\.\d{3})\s+[^\W\d_]+")
_DOT_THOUSANDS_STYLE = re.compile(r"\d\.\d{3}\.\d{3}(?!\d)|\d,\d{1,2}(?![\d,.])")
_COMMA_THOUSANDS = re.compile(r"\d,\d{3}(?![\d])")
_SHORT_DOT_DECIMAL = re.compile(r"\d\.\d{1,2}(?![\d.,])")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


@cache
def _unit_words() -> frozenset[str]:
    """The first words of the units before which 2.500 may be a decimal: measures (2.500
    كيلوغرام) and currencies with three decimals (1.500 دينار); not a currency of two
    (50.000 دولار is fifty thousand dollars: no amount of them has three decimals)."""
    units = load_lexicon("units", UnitWords)
    return frozenset(f.split()[0] for f, s in units.group().items()
                     if units.entries[s.key].kind != "currency" or units.entries[s.key].decimals >= 3)


def _dotted_thousands(text: str, cands: list[NumberCandidate]) -> None:
    """``48.612`` is 48612 where the text writes thousands with dots (the Maghreb style:
    1.197.335, 2,5) and 48.612 where it writes decimals with dots (1,197,335, 2.5). A
    short decimal (1.2 مليار) says less: news of the Maghreb writes it beside thousands
    with dots, so before a counted noun (1.500 أستاذ: no one counts half a teacher) the
    number is read as thousands unless the text groups thousands with commas. With no
    evidence either way, a count (48.612 تدخلا) is read as thousands and a measure
    (2.500 كيلوغرام) or a bare number as a decimal. Before a scale word (2.835 مليون
    دينار) only the text's style decides: thousands where it writes them with dots."""
    ambiguous = [c for c in cands if c.rule == "digits" and _ONE_DOT_THREE.fullmatch(text, c.core_start, c.core_end)]
    scaled = [(c, m) for c in cands if c.rule != "digits" and text[c.core_start:c.core_start + 1].isdigit()
              and (m := _ONE_DOT_THREE_SCALED.fullmatch(text, c.core_start, c.core_end))]
    if not ambiguous and not scaled:
        return
    thousands = len(_DOT_THOUSANDS_STYLE.findall(text))
    commas = len(_COMMA_THOUSANDS.findall(text))
    decimals = commas + len(_SHORT_DOT_DECIMAL.findall(text))
    if thousands > decimals:
        for c, m in scaled:  # 2.835 مليون: 2835 millions (the value read is 2.835 millions)
            digits = m.group(1)
            c.value = int(digits.replace(".", "")) * round(c.value / float(digits))
    for c in ambiguous:
        m = _NEXT_WORD.match(text, c.core_end)
        counted = bool(m) and m.group(1) not in _unit_words() and not _analyze(m.group(1))
        counted = counted or text.endswith(".000", c.core_start, c.core_end)  # (100.000: three zeros are no decimals)
        if thousands > decimals:
            as_thousands = True
        elif counted and commas <= thousands:
            as_thousands = True
        elif decimals > thousands:
            as_thousands = False
        else:
            as_thousands = counted
        if as_thousands:
            c.value = int(text[c.core_start:c.core_end].replace(".", ""))
_URL_HINT = re.compile(r"https?:|www\.|@")
#: Phone-number shapes: a plus sign and a country code, a leading zero (national or 00
#: international prefix), or the 3-3-4 groups of North America; the groups may be split
#: by spaces, dots or dashes. Only shapes with enough digits count (_PHONE_DIGITS).
_PHONE_RE = re.compile(
    r"(?=[(+\d])(?<![\w.,/+-])(?<!\d[ .-])"
    r"(?:\(?\+\d+\)?(?:[ .-]?\(?\d+\)?)*"
    r"|0\d+(?:[ .-]\d+)*"
    r"|\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4})"
    r"(?![\w])")
#: A count may carry a plus sign or a leading zero; a phone number has at least this
#: many digits (E.164 numbers have 9 to 15 with their country code).
_PHONE_DIGITS = 9
#: (an address starts where its run of name characters starts: tried there only, not
#: again at every character of every word)
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
_DEFINITE_NEXT = re.compile(r"\s+" + CONJUNCTION + "?" + PREPOSITION + "?ال" + LETTER)


def _ordinals_after_hundreds(text: str, cands: list[NumberCandidate]) -> list[NumberCandidate]:
    """التاسع والتسعون بعد المائة = 199: an ordinal below a hundred, بعد, then an ordinal
    of hundreds, make one ordinal."""
    g = grammar()
    if len(cands) < 2 or not g.ordinal_after_re.search(text):
        return cands
    cands = sorted(cands, key=lambda c: c.start)
    out: list[NumberCandidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == c.kind == "ordinal" and prev.relative_to is None
                and c.relative_to is None and 0 < prev.value < 100 and c.value % 100 == 0 and c.value
                and g.ordinal_after_re.fullmatch(text, prev.end, c.start)):
            out[-1] = NumberCandidate(prev.start, c.end, prev.core_start, c.core_end, prev.value + c.value,
                                      "ordinal", rule="ordinal")
            continue
        out.append(c)
    return out


#: Digits and one scale word (10 آلاف, 300 ألف, 4 ملايين): the end of a range whose
#: first number shares the scale.
_DIGITS_AND_SCALE = re.compile(r"(\d+)\s*[^\W\d_]+")
_SCALES = frozenset({10**3, 10**6, 10**9, 10**12})


def _share_markers(text: str, cands: list[NumberCandidate]) -> None:
    """Numbers joined by a coordinating word share what is written once after the last
    of them, read from the last pair back:

    * a percent marker: بين 30 و40 في المائة, من 20 إلى 25%;
    * a scale word, for plain digits or a number in words smaller than the count before
      it: بين 5 و10 آلاف, من 200 إلى 300 ألف, 3 أو 4 ملايين, بين ثلاثة وخمسة آلاف (the span
      stays the digits: 5 is 5,000);
    * an approximation written before the first: بنحو 20 إلى 30 ألفا (about both)."""
    g = grammar()
    ordered = sorted(cands, key=lambda c: c.start)
    for a, b in zip(reversed(ordered[:-1]), reversed(ordered[1:])):
        if a.kind != "cardinal" or not (a.end <= b.start and g.coordination_re.fullmatch(text, a.end, b.start)):
            continue
        if b.extra.get("percent_after") and a.rule != "relative_ordinal":
            a.kind = "percent"
            a.extra["percent_after"] = True
            continue
        if a.qualifier == "approx" and b.qualifier == "exact" and not b.governed:
            b.qualifier = "approx"  # بنحو 20 إلى 30 ألفا: about both
        if a.rule not in ("digits", "words") or b.kind != "cardinal" or not isinstance(b.value, int):
            continue
        m = _DIGITS_AND_SCALE.fullmatch(text, b.core_start, b.core_end)
        if m is not None:
            lead = int(m.group(1))
            scale = b.value // lead if lead else 0
        elif a.rule == "words" and (scale := _last_scale(text, b)):
            lead = b.value // scale  # بين ثلاثة وخمسة آلاف
        else:
            continue
        if scale in _SCALES and b.value == lead * scale and 0 < a.value < lead:
            a.value = _clean(_times(a.value, scale))
            a.rule = "shared_scale"
            a.extra["scale_after"] = scale


def _last_scale(text: str, c: NumberCandidate) -> int:
    """The value of the scale word that ends ``c`` (آلاف in خمسة آلاف), or 0."""
    m = _LAST_WORD.search(text, c.core_start, c.core_end)
    found = _analyze(m.group()) if m else None
    return next((s.value for s in found[1] if s.role == "scale"), 0) if found and not found[0] else 0


_LAST_WORD = re.compile(LETTER + r"+\Z")


def _outside_spans(cands: list[NumberCandidate], spans: list[tuple[int, int]]) -> list[NumberCandidate]:
    """The candidates whose core overlaps none of ``spans``: one bisection per
    candidate in the spans merged, not a pass over every span."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    kept = []
    for c in cands:
        k = bisect.bisect_right(ends, c.core_start)  # the first span ending after the core starts
        if k == len(ends) or starts[k] >= c.core_end:
            kept.append(c)
    return kept


#: A run of the characters a phone number is written with, long enough to hold one: every
#: phone number lies inside one such run, which a search finds quickly (it starts with a
#: character class) where _PHONE_RE, which starts with assertions, tries every position.
_PHONE_RUN = re.compile(r"[(+\d][\d ().+-]{%d,}" % (_PHONE_DIGITS - 1))


def _phone_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers, which are not counts (+212 661 234 567, 0661234567)."""
    out = []
    for run in _PHONE_RUN.finditer(text):
        # the character after the run is in sight, for the final (?![\w]), and no phone
        # number can take it
        for m in _PHONE_RE.finditer(text, run.start(), run.end() + 1):
            if sum(ch.isdigit() for ch in m.group()) >= _PHONE_DIGITS:
                out.append(m.span())
    return out


def _fraction_of_definite(text: str, tok: _Tok, c: NumberCandidate) -> None:
    """خمس السكان is a fifth of the population, خمس سنوات five years: a word that is
    both a cardinal and a fraction reads as the fraction before a definite noun."""
    for s in tok.senses:
        if s.role == "fraction" and s.homograph and c.kind == "cardinal" and _DEFINITE_NEXT.match(text, tok.end):
            c.value, c.kind = _clean(1 / s.value), "fraction"
            return


def _drop_names(text: str, cands: list[NumberCandidate]) -> list[NumberCandidate]:
    """Numbers that are part of a name:
    * a ruler's number after his name (الملك محمد السادس, مطار محمد الخامس); الأول stays
      (جاء محمد الأول: a rank as often as a name);
    * a fraction or ordinal word before a word of number_markers' name_part (نصف النهائي:
      the semi-final; ثاني أكسيد الكربون)."""
    g = grammar()
    return [c for c in cands if not (
        (c.kind == "ordinal" and c.value != 1 and g.regnal_before_re.search(text, max(0, c.start - 16), c.start))
        or (c.kind in ("ordinal", "fraction") and c.rule != "digits" and g.name_part_after_re.match(text, c.end)))]


def _drop_glued(text: str, cands: list[NumberCandidate]) -> list[NumberCandidate]:
    """Digits glued to a following letter (١٨٠ميلي, ٢٩ك), to Latin letters before them
    (G20), or to a word by a dash (COVID-19, كوفيد-19, إف-16) are codes and units, not
    counts."""
    kept = []
    for c in cands:
        if c.rule == "digits":
            after = text[c.core_end:c.core_end + 1]
            if after and (after.isalpha()):
                continue
            s = c.core_start
            before = text[s - 1] if s else ""
            if before in _LATIN or (before == "-" and s >= 2 and text[s - 2].isalpha()):
                continue
        kept.append(c)
    return kept


#: The article standing before digits, glued or not (الـ40, الـ 500: the tatweel is gone).
_ARTICLE_BEFORE = re.compile(NOT_LETTER_BEFORE + ARTICLE + r"\s*\Z")


def _last_char(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not a space ("" at the start)."""
    if pos and not text[pos - 1].isspace():  # the usual case, with nothing to skip
        return text[pos - 1]
    j = pos
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return text[j - 1] if j else ""


def _decorate(text: str, c: NumberCandidate, verbs: tuple[Sequence[int], Sequence[int]] = ([], [])) -> None:
    g = grammar()
    ends = g.last_chars
    s, e = c.core_start, c.core_end
    # the character before the span, looked at by every search that needs a phrase
    # right before it; found again only when the span grows to the left
    before = _last_char(text, c.start)
    if c.kind != "ordinal":
        m = g.pct_after_re.match(text, e)
        if m:
            c.kind, c.end = "percent", m.end()
            c.extra["percent_after"] = True
        else:
            before_core = before if c.start == s else _last_char(text, s)
            mb = g.pct_before_re.search(text, max(0, s - 12), s) if before_core in ends["pct_before"] else None
            if mb:
                c.kind, c.start = "percent", mb.start()
                before = _last_char(text, c.start)
            elif before_core in ends["rate_before"] and c.kind != "fraction" and g.rate_before_re.search(
                    text, max(0, s - 16), s):  # (بنسبة الربع: a quarter, not a quarter of a percent)
                c.kind = "percent"
        if before in ends["neg_before"]:
            mn = g.neg_before_re.search(text, max(0, c.start - 8), c.start)
            if mn:
                c.value = -c.value
                c.start = mn.start()
                before = _last_char(text, c.start)
    window_start = max(0, c.start - 40)
    qual_end, qual_before = c.start, before
    if before == "ل" and (art := _ARTICLE_BEFORE.search(text, max(0, c.start - 8), c.start)) is not None:
        qual_end = art.start()  # أكثر من الـ40 ألف, قرابة الـ 500: the article before the digits
        qual_before = _last_char(text, qual_end)
    mq = _qualifier_before(text, window_start, qual_end) if qual_before in ends["qual_before"] else None
    if mq:
        c.qualifier = g.qual_before[_squash(mq.group("q"))]
        c.start = mq.start()
        mneg = g.negation_re.search(text, max(0, c.start - 8), c.start)
        if mneg and c.qualifier in _NEGATED:
            c.qualifier = _NEGATED[c.qualifier]  # لن يزيد عن 300: at most 300
            c.start = mneg.start()
    ma = g.after_re.match(text, c.end)
    if ma is None:
        pass
    elif ma.group("q") is not None:
        q = g.qual_after[_squash(ma.group("q"))]
        if c.qualifier == "exact":
            c.qualifier = q
        c.end = ma.end()
    elif c.qualifier == "exact" and c.kind != "ordinal" and not _analyze(ma.group("noun")):
        # 250 زائرا تقريبا: after the counted noun, the qualifier does not join the span
        c.qualifier = g.qual_after[_squash(ma.group("q2"))]
    if c.qualifier == "exact" and c.kind != "ordinal" and _verb_near(verbs, c.start) \
            and not g.margin_before_re.search(text, max(0, c.start - 3), c.start):
        # (فاقت الواردات الصادرات بـ 2 مليار: after ب the number is the margin, not the level)
        q = _governing_verb(text, c.start)
        if q:
            c.qualifier = q
            c.governed = True


#: The longest clitics qual_before_re allows before its phrase (conjunction, preposition).
_QUAL_LEAD = 2


def _qualifier_before(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``qual_before_re.search(text, lo, hi)``, found faster: a match has its phrase at most
    _QUAL_LEAD characters in, and no such phrase ends the window before the first one the
    finder sees (a search that starts with the phrases' letters, where qual_before_re's
    look-behind is tried at every position)."""
    g = grammar()
    f = g.qual_before_finder_re.search(text, lo, hi)
    if f is None:
        return None
    return g.qual_before_re.search(text, max(lo, f.start() - _QUAL_LEAD), hi)


def _verb_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the places a verb of qualifiers.toml may stand, for _verb_near.

    The search is for the verb phrases alone, with no check of the clitic or of the left
    edge of the word, so that it starts with the phrases' first letters and skips the rest
    of the text quickly (qual_verb_re, which starts with a look-behind, tries every
    position): it finds every verb qual_verb_re finds, or a match that overlaps it."""
    starts: list[int] = []
    ends: list[int] = []
    for m in grammar().verb_finder_re.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _verb_near(verbs: tuple[Sequence[int], Sequence[int]], pos: int) -> bool:
    """Whether a governing verb may start close enough before ``pos`` to be looked for
    (a match of the windowed search in _governing_verb starts less than _VERB_WINDOW
    before it; a verb with its clitic is shorter than _VERB_LONGEST).

    ``verbs`` are the matches of _verb_spans, sorted and apart: a verb's phrase starts at
    the verb or one clitic after, inside one of them, so the last of them that starts by
    ``pos`` reaches into the range when a verb starts there."""
    starts, ends = verbs
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and ends[k] > pos - _VERB_WINDOW - _VERB_LONGEST - 1


def _governing_verb(text: str, pos: int) -> str | None:
    """A verb of exceeding or approaching that governs the number from further back in
    its clause (تجاوز عدد متابعي الصفحة 500,550), with no other number or clause break
    in between."""
    g = grammar()
    lo = max(0, pos - _VERB_WINDOW)
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, pos))
    while len(breaks) >= 2 and breaks[-1].group() == breaks[-2].group() == '"' \
            and breaks[-1].start() - breaks[-2].end() <= _QUOTED_NAME:
        del breaks[-2:]  # a name in quotes is no break: تجاوز عدد المسجلين في منصة "رشد" 1,3 مليون
    window_start, window_end = (breaks[-1].end() if breaks else lo), pos
    if (len(breaks) >= 2 and breaks[-1].group() in _COMMAS and breaks[-2].group() in _COMMAS
            and not text[breaks[-1].end():pos].strip() and breaks[-1].start() - breaks[-2].end() <= _INSERTION):
        # an insertion between two commas right before the number is transparent:
        # لم يتجاوز، مع نهاية السنة ذاتها، 28 ألف طبيب
        window_start, window_end = (breaks[-3].end() if len(breaks) >= 3 else lo), breaks[-2].start()
    last = None
    for m in g.qual_verb_re.finditer(text, window_start, window_end):
        last = m
    if last is None:
        return None
    q = g.qual_verbs[_squash(last.group("q"))]
    if q in _NEGATED and g.negation_re.search(text, max(0, last.start() - 8), last.start()):
        return _NEGATED[q]  # لن يتجاوز عدد الحضور 300: at most 300
    return q


def _resolve(cands: list[NumberCandidate]) -> list[NumberCandidate]:
    """Drop candidates that overlap a longer one (a percent marker read as المائة)."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[NumberCandidate] = []
    for c in cands:
        if out and c.start < out[-1].end:
            prev = out[-1]
            if (c.end - c.start) > (prev.end - prev.start):
                out[-1] = c
            continue
        out.append(c)
    return out


# ---- public API ------------------------------------------------------------------------------------

def _to_mention(nt: NormalizedText, c: NumberCandidate) -> NumberMention:
    s, e = nt.span(c.start, c.end)
    value = c.value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        value = int(value)
    # the candidate's fields are checked where they were read: no second validation
    return _construct(NumberMention, {"value": value, "kind": c.kind, "qualifier": c.qualifier,
                                      "relative_to": c.relative_to, "text": nt.original[s:e], "start": s, "end": e,
                                      "rule": c.rule})


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in running text, as :class:`~arabic_stats.NumberMention` objects.

    >>> [(m.text, m.value) for m in find_numbers("بلغ عدد المنخرطين مليون و268 ألف و153 منخرط")]
    [('مليون و268 ألف و153', 1268153)]
    """
    with paused_gc():
        nt = normalize_with_map(text)
        return [_to_mention(nt, c) for c in number_candidates(nt)]


_EDGE_PUNCT = " \t\r\n.,،؛;:!?؟\"'()[]"


def parse_number(text: str) -> NumberValue | None:
    """The value of ``text`` when the whole string is one number expression, else None.

    >>> v = parse_number("حوالي مليونين و400 ألف")
    >>> (v.value, v.kind, v.qualifier)
    (2400000, 'cardinal', 'approx')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number expects str, got {type(text).__name__}")
    nt = normalize_with_map(text)
    body = nt.match.strip(_EDGE_PUNCT)
    if not body:
        return None
    lo = nt.match.index(body)
    hi = lo + len(body)
    cands = [c for c in number_candidates(nt, whole=True)]
    if len(cands) != 1:
        return None
    c = cands[0]
    if c.start > lo or c.end < hi:
        return None
    return NumberValue(value=c.value, kind=c.kind, qualifier=c.qualifier, relative_to=c.relative_to)

"""Stage 3b: dates in every Arabic month system, Hijri dates, ranges, years, periods and
dates relative to the article.

Finding and resolving are separate steps, as in Duckling:

1. a precompiled regex over the match form finds *anchors*: month and weekday names,
   date words (يوم, سنة, الأسبوع...), holidays, numeric dates and four-digit numbers.
   Only the few windows of text around anchors are read further;
2. each window is cut into tokens: date words from the lexicons, numbers read by the
   number grammar of :mod:`arabic_stats.numbers` (so ``الثالث عشر``, ``ألفين وثمانية
   عشر`` and ``17`` are all numbers here), numeric dates and other words;
3. a small grammar composes tokens into date expressions (day month year, month year,
   ranges, periods, relative expressions...) and keeps the longest one at each place;
4. each expression is resolved against the reference date (the article's date) into a
   range of days, ``end`` inclusive.

Every Arabic word lives in ``lexicons/`` (months, hijri_months, weekdays, holidays,
date_words). How expressions are resolved (ranges, dates without a year, relative dates,
Hijri) is described in ``docs/dates.md``.

:func:`date_candidates` is the internal verb (match-form offsets, with the spans of the
numbers each date consumed); :func:`find_dates` and :func:`parse_date` are public.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import accumulate, compress
from operator import attrgetter
from typing import ClassVar, Literal, NamedTuple

from hijridate import Gregorian, Hijri
from pydantic import Field

from . import numbers as _numbers
from ._gc import paused_gc
from .lexicon import Entry, LexiconError, load_lexicon
from .models import DateMention, DateValue, HijriDate, _construct  # _construct: results whose fields are checked
from .normalize import NormalizedText, normalize_with_map
from .scan import (ARTICLE, CLITIC_PREFIXES, CONJUNCTIONS, LETTER, PREPOSITIONS, WORD_RE, WordIndex, has_article,
                   letter_bmp, match_within_bmp, match_words, trie_pattern)

__all__ = ["DateCandidate", "YEARLESS_POLICIES", "date_candidates", "find_dates", "parse_date"]

#: How a date without a year (17 ماي, رمضان, عيد الأضحى) and a bare weekday (الثلاثاء) are
#: placed in time; see :func:`find_dates` and docs/dates.md.
YEARLESS_POLICIES = ("news", "past", "future", "nearest")
#: "news": a date without a year is in the reference year (the year of the article), unless
#: that puts it more than this many months after the reference date: then it is the
#: previous year's (an article of January that names 28 December).
NEWS_HORIZON_MONTHS = 9


# ---- lexicon models ----------------------------------------------------------------------------

class MonthName(Entry):
    """A Gregorian month and its names, region by region (``lexicons/months.toml``)."""

    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("standard", "morocco", "algeria_tunisia", "levant", "homographs")
    SURFACE_GROUPS: ClassVar[dict[str, str]] = {f: f for f in SURFACE_FIELDS}
    number: int = Field(ge=1, le=12)
    standard: list[str] = []
    morocco: list[str] = []
    algeria_tunisia: list[str] = []
    levant: list[str] = []
    homographs: list[str] = []


class HijriMonthName(Entry):
    """A Hijri month and its names (``lexicons/hijri_months.toml``)."""

    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("forms", "homographs")
    SURFACE_GROUPS: ClassVar[dict[str, str]] = {"homographs": "homographs"}
    number: int = Field(ge=1, le=12)
    forms: list[str]
    homographs: list[str] = []


class WeekdayName(Entry):
    """A day of the week, Monday 0 (``lexicons/weekdays.toml``)."""

    number: int = Field(ge=0, le=6)
    forms: list[str]


class DateWord(Entry):
    """A word dates are built from (``lexicons/date_words.toml``)."""

    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("forms", "dual_forms", "plural_forms")
    kind: Literal["unit", "shift", "this", "same", "deictic", "part", "ordinal", "day_one", "rest", "weekend", "era",
                  "from_now", "from_event",
                  "century", "decade", "season", "season_of", "season_year", "from", "to", "between", "since",
                  "before", "after", "in", "approx", "not_today", "follower", "numbering", "few", "equals",
                  "dual_of", "in_a_row", "name_head", "year_of"]
    value: int = 0
    unit: Literal["day", "week", "month", "quarter", "half", "year", "decade"] | None = None
    part: Literal["early", "middle", "mid", "late"] | None = None
    months: list[int] = []
    forms: list[str] = []
    dual_forms: list[str] = []
    plural_forms: list[str] = []
    #: a preposition after which a definite ordinal is a day of the month (في الحادي والعشرين)
    before_ordinal_day: bool = False
    #: a shift that counts from the last date the text named (السنة الموالية), when there is one
    anaphoric: bool = False
    #: an event of the past named by its day (ثورة 25 يناير, هجمات 11 سبتمبر): a day and
    #: month after it, with no year and no shift, are its name, not a date of this year
    historic: bool = False


class Holiday(Entry):
    """A holiday on a fixed Gregorian or Hijri day, or relative to Easter
    (``lexicons/holidays.toml``)."""

    calendar: Literal["gregorian", "hijri", "easter"]
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=30)
    offset: int = 0
    forms: list[str]


# ---- the date lexicon: one sense per folded surface -----------------------------------------------

@dataclass(frozen=True, slots=True)
class _Sense:
    kind: str  # month hmonth wday holiday, or a DateWord kind
    key: str
    value: int = 0
    unit: str | None = None
    count: int | None = 1  # units: 1 one, 2 dual, None plural
    part: str | None = None
    homograph: bool = False
    months: tuple[int, ...] = ()
    holiday: Holiday | None = None
    anaphoric: bool = False
    historic: bool = False


#: Kinds that can start or carry a date: windows of text are read around them only.
_ANCHOR_KINDS = frozenset({"month", "hmonth", "wday", "holiday", "unit", "deictic", "decade", "season", "weekend",
                           "rest", "season_year", "century"})


@dataclass(frozen=True)
class _Lexicon:
    senses: dict[str, _Sense]  # folded surface (words joined by one space) -> sense
    singles: dict[str, _Sense]  # one-word surfaces
    phrases: dict[str, list[tuple[tuple[str, ...], _Sense]]]  # first word -> phrases, longest first
    forms: dict[str, tuple[tuple[str, str], ...]]  # word -> (clitics, date word), fewest clitics first
    anchor_words: frozenset[str]  # the date words that anchor a window (runs of digits: _DIGIT_ANCHOR)
    anchor_forms: dict[str, int]  # the anchor words with their clitics (see _anchors) -> where the anchor starts
    year_context: frozenset[str]  # prepositions that may introduce a bare year (في 2024)
    ordinal_day_re: re.Pattern[str]  # في الحادي والعشرين, للثاني: an ordinal day after a preposition
    ordinal_day_openers: frozenset[str]  # the prepositions ordinal_day_re starts with (as whole words)
    ordinal_day_glued: tuple[str, ...]  # the clitics with ل and the article it starts with (لل, ولل, فلل)
    #: word -> how it reads alone, filled as words are met (see _word_reading)
    readings: dict[str, object] = field(default_factory=dict)


@cache
def _lexicon() -> _Lexicon:
    """Build the date lexicon from the TOML files (once per process)."""
    senses: dict[str, _Sense] = {}
    where: dict[str, tuple[str, str]] = {}

    def add(folded: str, sense: _Sense, path: object, key: str) -> None:
        folded = " ".join(folded.split())
        other = senses.get(folded)
        if other is not None and other != sense:
            f, k = where[folded]
            raise LexiconError(str(path), key, f"surface {folded!r} is also in {f}, entry [{k}], with another meaning")
        senses[folded] = sense
        where[folded] = (str(path), key)

    months = load_lexicon("months", MonthName)
    for key, entry in months:
        own = {s.folded for g in ("standard", "morocco", "algeria_tunisia", "levant")
               for s in months.group(g).values() if s.key == key}
        homs = {s.folded for s in months.group("homographs").values() if s.key == key}
        if homs - own:
            raise LexiconError(months.path, key, f"homographs {sorted(homs - own)} are not names of this month")
        for folded in own:
            add(folded, _Sense("month", key, entry.number, homograph=folded in homs), months.path, key)
    hijri = load_lexicon("hijri_months", HijriMonthName)
    for key, entry in hijri:
        own = {s.folded for s in hijri.group().values() if s.key == key}
        homs = {s.folded for s in hijri.group("homographs").values() if s.key == key}
        if homs - own:
            raise LexiconError(hijri.path, key, f"homographs {sorted(homs - own)} are not names of this month")
        for folded in own:
            add(folded, _Sense("hmonth", key, entry.number, homograph=folded in homs), hijri.path, key)
    weekdays = load_lexicon("weekdays", WeekdayName)
    for folded, s in weekdays.group().items():
        add(folded, _Sense("wday", s.key, s.entry.number), weekdays.path, s.key)
    holidays = load_lexicon("holidays", Holiday)
    for key, entry in holidays:
        if entry.calendar != "easter" and (entry.month is None or entry.day is None):
            raise LexiconError(holidays.path, key, f"a {entry.calendar} holiday needs month and day")
    for folded, s in holidays.group().items():
        add(folded, _Sense("holiday", s.key, holiday=s.entry), holidays.path, s.key)
    words = load_lexicon("date_words", DateWord)
    for key, entry in words:
        if entry.kind == "unit" and entry.unit is None:
            raise LexiconError(words.path, key, "a unit needs unit =")
        if entry.kind == "part" and entry.part is None:
            raise LexiconError(words.path, key, "a part needs part =")
        if entry.kind == "season" and not entry.months:
            raise LexiconError(words.path, key, "a season needs months =")
    day_preps = sorted(f for f, s in words.group().items() if s.entry.before_ordinal_day and " " not in f)
    for folded, s in words.group().items():
        e = s.entry
        count = {"dual_forms": 2, "plural_forms": None}.get(s.field, 1)
        sense = _Sense(e.kind, s.key, e.value, e.unit, count, e.part, months=tuple(e.months), anaphoric=e.anaphoric,
                       historic=e.historic)
        add(folded, sense, words.path, s.key)

    singles = {f: s for f, s in senses.items() if " " not in f}
    phrases: dict[str, list[tuple[tuple[str, ...], _Sense]]] = {}
    for f, s in sorted(senses.items(), key=lambda x: -len(x[0].split())):
        if " " in f:
            words = tuple(f.split())
            phrases.setdefault(words[0], []).append((words, s))
    # Anchors are words of the text (see _anchors): the one-word anchor surfaces, the
    # longest word of anchor phrases that have none (الفطر of عيد الفطر, not عيد; القعدة,
    # not ذو), with their clitics; runs of digits are found apart.
    anchor_words = {f for f, s in singles.items() if s.kind in _ANCHOR_KINDS}
    for f, s in senses.items():
        if " " in f and s.kind in _ANCHOR_KINDS:
            words = f.split()
            if not any(w in anchor_words or w[2:] in anchor_words for w in words):
                anchor_words.add(max(words, key=len))
    for f in anchor_words:
        if not WORD_RE.fullmatch(f):
            path, key = where.get(f, ("date lexicons", f))
            raise LexiconError(path, key, f"date word {f!r} must be letters only")
    # In a word made of clitics and an anchor word, the anchor is its longest ending that
    # is an anchor word (the first a scan of the text would meet), kept when what precedes
    # it in the word is a clitic prefix: each such form, with where its anchor starts.
    anchor_forms = {}
    for w in {pre + f for pre in CLITIC_PREFIXES for f in anchor_words}:
        p = next(p for p in range(len(w)) if w[p:] in anchor_words)
        if w[:p] in _ANCHOR_PREFIXES:
            anchor_forms[w] = p
    context = {f for f, s in singles.items()
               if s.kind in _YEAR_CONTEXT_KINDS | {"from", "between"} or (s.kind == "dual_of" and s.unit == "year")}
    # the last word of a phrase of them (قانون المالية 2025: the word before the year is
    # المالية), as written: a window opens there, and the grammar reads the whole phrase
    context |= {f.split()[-1] for f, s in senses.items() if " " in f and s.kind in _YEAR_CONTEXT_KINDS}
    forms: dict[str, list[tuple[str, str]]] = {}
    for pre in CLITIC_PREFIXES:  # fewest clitics first
        for stem in list(singles) + list(phrases):
            forms.setdefault(pre + stem, []).append((pre, stem))
    ordinals = load_lexicon("ordinals", _numbers.OrdinalWord)
    # NOT_LETTER_BEFORE + (?:<preposition>\s+ال|[وف]?لل) + an ordinal (the prepositions
    # marked before_ordinal_day in date_words; لل is ل with the article), written so that
    # every branch starts with a letter (the regex engine then skips to those letters):
    # the test for no letter before is made after the first letter, one character back.
    nb = r"(?<![^\W\d_].)"
    glued = tuple(p for p in CLITIC_PREFIXES if p.endswith("لل"))
    branches = [f"{re.escape(p[0])}{nb}{re.escape(p[1:])}\\s+ال" for p in day_preps]
    branches += [f"{re.escape(p[0])}{nb}{re.escape(p[1:])}" for p in glued]
    ordinal_day_re = re.compile("(?:" + "|".join(branches) + ")" + trie_pattern(ordinals.group()) + r"(?![^\W\d_])")
    for p in day_preps:
        if not WORD_RE.fullmatch(p):
            path, key = where[p]
            raise LexiconError(path, key, f"{p!r}: a preposition before an ordinal day must be letters only")
    return _Lexicon(senses, singles, phrases, {k: tuple(v) for k, v in forms.items()}, frozenset(anchor_words),
                    anchor_forms, frozenset(context), ordinal_day_re, frozenset(day_preps), glued)


#: Numeric dates: 2025-12-17, 17/12/2025, 17.12.2025, 17/12/25, 3/2015 and day/month pairs
#: (22/4), which are dates only in a date context.
_NUMERIC_PATTERN = r"""(?<![\d.,/-])(?:
    (?P<y1>\d{4})(?P<s1>\ ?[-/.]\ ?)(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})
  | (?P<d2>\d{1,2})(?P<s2>\ ?[-/.]\ ?)(?P<m2>\d{1,2})(?P=s2)(?P<y2>\d{4})
  | (?P<d5>\d{1,2})/(?P<m5>\d{1,2})/(?P<y5>\d{2})
  | (?P<m3>\d{1,2})(?P<s3>[-/])(?P<y3>\d{4})
  | (?P<a4>\d{1,2})(?P<s4>[-/])(?P<b4>\d{1,2})
)(?!\d|[./-]\d)"""
_NUMERIC_RE = re.compile(_NUMERIC_PATTERN, re.X)
_NUMERIC_HINT = re.compile(r"\d ?[-/.] ?\d")


# ---- tokens of a window ------------------------------------------------------------------------

@dataclass(slots=True)
class _Tok:
    kind: str  # num numdate lex gap (other words and punctuation are _Plain tokens)
    start: int  # match-form offsets; a lex token starts at its article, after و/ف and ب/ل/ك
    end: int
    text: str = ""
    sense: _Sense | None = None
    definite: bool = False
    conj: bool = False  # و or ف right before (glued or alone)
    clitic: str = ""  # a preposition glued before: ب ل ك
    value: int | float | None = None  # numbers (and date words that are also numbers: اثنين)
    ordinal: bool = False
    ndigits: int = 0  # digits of a number written in digits, 0 for words
    ymd: tuple[int | None, int | None, int | None] | None = None  # numeric dates
    loose: bool = False  # a day/month numeric date that needs a date context




def _numeric_token(m: re.Match[str], year_hint: int) -> _Tok | None:
    g = m.groupdict()
    if g["y1"]:
        y, mo, d = int(g["y1"]), int(g["m1"]), int(g["d1"])
    elif g["y2"] or g["y5"]:
        a, b = (int(g["d2"]), int(g["m2"])) if g["y2"] else (int(g["d5"]), int(g["m5"]))
        y = int(g["y2"]) if g["y2"] else _two_digit_year(int(g["y5"]), year_hint)
        d, mo = (b, a) if a <= 12 < b else (a, b)  # day first unless only month-first is possible
    elif g["y3"]:
        y, mo, d = int(g["y3"]), int(g["m3"]), None
        if not 1900 <= y <= 2100:
            return None
    else:
        a, b = int(g["a4"]), int(g["b4"])
        # day first; 4/22 may be month first, but 4-23 is rather a range of days
        d, mo = (b, a) if a <= 12 < b and g["s4"] == "/" else (a, b)
        if not _valid_day(2000, mo, d):  # leap year: 29/2 is a date
            return None
        return _Tok("numdate", m.start(), m.end(), m.group(), ymd=(None, mo, d), loose=True)
    hijri = _HIJRI_YEARS[0] <= y <= _HIJRI_YEARS[1]  # (a Hijri month has 29 or 30 days)
    if not (1 <= mo <= 12 and (d is None or (1 <= d <= 30 if hijri else _valid_day(y, mo, d)))):
        return None
    return _Tok("numdate", m.start(), m.end(), m.group(), ymd=(y, mo, d))


#: A numeric date with a year in this range is a Hijri date (1446/09/15 هـ): no news
#: text writes a Gregorian date of those centuries in digits.
_HIJRI_YEARS = (1300, 1600)


def _two_digit_year(yy: int, hint: int) -> int:
    """17/12/25 is 2025: the century that puts the year nearest the reference year, not
    more than 20 years ahead of it."""
    y = hint - hint % 100 + yy
    return y - 100 if y > hint + 20 else y


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _month_length(y, m)


# Calendar computations are pure and asked again and again for the same few months and
# years: they are cached (the values are immutable: ints, dates, tuples of dates).

@lru_cache(maxsize=4096)
def _month_length(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


#: Date words near which number words are worth reading (الثالث عشر من شباط).
_NEAR_KINDS = _ANCHOR_KINDS | {"part", "ordinal", "this", "shift", "from", "to", "between", "since", "before",
                               "after", "century", "season_of"}
_NEAR = 6  # a number word goes with a date word next to it, or one short word (في, من) away


class _NumberWordCache(dict):
    """piece -> whether it is a number word: a word the number grammar knows, with a
    letter first (runs of digits are read apart). Made on first sight."""

    def __missing__(self, w: str) -> bool:
        if len(self) >= 100_000:  # a bound on memory for endless streams of new words
            self.clear()
        known = self[w] = w[0].isalpha() and _numbers._analyze(w) is not None
        return known


_NUMBER_WORDS = _NumberWordCache()


def _number_reads(text: str, pieces: _Pieces, near: list[int], hi: int) -> list[_Tok]:
    """The numbers among the ``pieces`` of a window. A run of digits is read directly,
    unless it is part of a longer number (1,197,335 or 4.5: no part of a date). Number
    words are read by the number grammar (``الحادي والعشرين``, ``ألفين وعشرين``), from
    the word that starts their chunk, and only within a few characters of a date word
    (``near``: the sorted starts and ends of date words)."""
    words, starts, ends = pieces
    # The pieces worth a look, in order: the runs of digits, and the number words (words
    # the number grammar knows) within _NEAR characters of a position in ``near``. Both
    # tests of the pieces run in C, the word test through a cache of the pieces; number
    # words are rare, and only they are checked for a position in reach (by bisection).
    cands = list(compress(range(len(words)), map(str.isdecimal, words)))
    if near:
        last = near[-1]
        reach = [i for i in compress(range(len(words)), map(_NUMBER_WORDS.__getitem__, words))
                 if starts[i] - _NEAR <= last and near[bisect.bisect_left(near, starts[i] - _NEAR)] <= ends[i] + _NEAR]
        # a number in reach that goes on a number before it (الثاني والعشرين من يونيو: والعشرين
        # is in reach) is read from the start of the whole number
        for i in reach[:]:
            while i > 0 and words[i][:1] in _CONJ_PIECES and _NUMBER_WORDS[words[i - 1]]:
                i -= 1
                reach.append(i)
        if reach:
            cands = sorted(set(cands + reach))
    g = _numbers.grammar()
    out: list[_Tok] = []
    covered = -1
    n = len(text)
    for i in cands:
        s = starts[i]
        if s < covered:
            continue
        w, e = words[i], ends[i]
        if w[0].isdecimal():
            if (s >= 2 and text[s - 1] in ".," and text[s - 2].isdigit()) or (
                    e + 1 < n and text[e] in ".," and text[e + 1].isdigit()):
                continue
            # (positional: a window has many runs of digits) value=int(w), ndigits=e - s, conj=(و before)
            out.append(_Tok("num", s, e, w, None, False, text[s - 1:s] == "و", "", int(w), False, e - s))
            continue
        m = g.chunk_re.match(text, s, hi)
        if m is None:
            continue
        chunk = text[s:m.end()]
        reads = _CHUNKS.get(chunk)
        if reads is None:
            reads = _chunk_reads(text, s, m.end())
            if "/" not in chunk:  # (read the same wherever it stands, see _CHUNKS)
                if len(_CHUNKS) >= 100_000:  # a bound on memory for endless streams of new chunks
                    _CHUNKS.clear()
                _CHUNKS[chunk] = reads
        for b, f, value, ordinal, conj in reads:
            covered = max(covered, s + f)
            out.append(_Tok("num", s + b, s + f, chunk[b:f], value=value, ordinal=ordinal, conj=conj))
    return out


#: A chunk that starts with a number word, with no slash in it -> its numbers (see
#: _chunk_reads), read once. The number grammar reads such a chunk the same wherever it
#: stands: it starts a word (no letter before it), and its tokens and their readings look
#: at nothing outside it (only digits with a slash look around them: numbers._chained).
_CHUNKS: dict[str, tuple[tuple[int, int, int | float, bool, bool], ...]] = {}


def _chunk_reads(text: str, s: int, e: int) -> tuple[tuple[int, int, int | float, bool, bool], ...]:
    """The numbers the number grammar reads in the chunk ``text[s:e]`` that starts with a
    word, as (start, end, value, ordinal, conj), offsets from ``s``: those that need no
    context and do not start with digits (read apart, see _number_reads)."""
    toks = _numbers._tokens(text, s, e)
    out = []
    for r in _numbers._read_chunk(toks):
        if r.needs_context or toks[r.i].kind == "digits":
            continue  # digits are read apart
        first, last = toks[r.i], toks[r.j - 1]
        ordinal = r.kind == "ordinal"
        begin = first.lead if ordinal else first.core
        value = r.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out.append((begin - s, last.end - s, value, ordinal, first.conj))
    return tuple(out)


#: Pieces of a window: words, runs of digits, punctuation (and line breaks). Split with
#: the pattern captured, a window gives what lies between pieces (spaces) and the pieces,
#: in turn.
_PIECE_SPLIT = re.compile(r"([^\W\d_]+|\d+|[^\w\s]|_|\n)")


@cache
def _piece_split_bmp() -> re.Pattern[str]:
    """_PIECE_SPLIT for a text within the BMP: its letters listed (see scan.letter_bmp)."""
    return re.compile(_PIECE_SPLIT.pattern.replace(LETTER, letter_bmp(), 1))


class _Pieces(NamedTuple):
    """The pieces of a window as three parallel lists: their text, starts and ends."""

    words: list[str]
    starts: list[int]
    ends: list[int]


def _pieces(text: str, lo: int, hi: int, bmp: bool) -> _Pieces:
    """The pieces of ``text[lo:hi]``; the offsets of the pieces are the running sums of
    the lengths of the parts (all in C: a window has hundreds of pieces). ``bmp``: the
    text is within the BMP (scan.within_bmp)."""
    parts = (_piece_split_bmp() if bmp else _PIECE_SPLIT).split(text[lo:hi])
    offsets = list(accumulate(map(len, parts), initial=lo))
    return _Pieces(parts[1::2], offsets[1:-1:2], offsets[2::2])


def _tokenize(text: str, lo: int, hi: int, lex: _Lexicon, year_hint: int, ordinals: bool = True,
              bmp: bool = False) -> list[_Tok]:
    """The tokens of ``text[lo:hi]``: numeric dates, date words, numbers, other words and
    punctuation, in order; a lone و sets ``conj`` on the token after it. ``ordinals``:
    whether the window may hold an ordinal day after a preposition (see _windows);
    ``bmp``: the text is within the BMP (scan.within_bmp)."""
    pieces = _pieces(text, lo, hi, bmp)
    words, starts, ends = pieces
    special: list[_Tok] = []
    last = lo
    for h in _NUMERIC_HINT.finditer(text, lo, hi):  # a digit, a separator, a digit
        s = h.start()
        while s > last and text[s - 1].isdigit():
            s -= 1
        if s < last:
            continue
        m = _NUMERIC_RE.match(text, s, hi)
        if m is not None:
            t = _numeric_token(m, year_hint)
            if t is not None:
                special.append(t)
                last = m.end()
    lexical: list[_Tok] = []
    forms, readings = lex.forms, lex.readings
    n = len(words)
    after = 0  # the first piece not inside a date word read already
    # only the pieces that are date words, with their clitics, need a look (found in C)
    for i in compress(range(n), map(forms.__contains__, words)):
        if i < after:
            continue
        w = words[i]
        r = readings.get(w, _MISSING)
        if r is _MISSING:
            r = readings[w] = _word_reading(lex, w)
        if r is None:
            continue
        if type(r) is _PhraseStart:
            if i + 1 < n and words[i + 1] in r.seconds:  # a phrase may start here: read in place
                found = _phrase_at(lex, words, i)
                if found is None:
                    continue
                pre, sense, j = found
                cut, conj, clitic = _clitics(pre)
                start = starts[i] + len(pre) - cut
                lexical.append(_Tok("lex", start, ends[j], text[start:ends[j]], sense, bool(cut), conj, clitic))
                after = j + 1
                continue
            r = r.alone  # no phrase goes on with the next piece: the word alone
            if r is None:
                continue
        skip, sense, definite, conj, clitic = r
        start = starts[i] + skip
        lexical.append(_Tok("lex", start, ends[i], text[start:ends[i]], sense, definite, conj, clitic))
        after = i + 1
    if special:
        out = special + [t for t in lexical if not _overlaps([(x.start, x.end) for x in special], t.start, t.end)]
        out.sort(key=_START)
    else:
        out = lexical  # (in order: read piece by piece)
    near = [x for t in lexical if t.sense.kind in _NEAR_KINDS for x in (t.start, t.end)]
    if ordinals:
        near += [m.end() for m in lex.ordinal_day_re.finditer(text, lo, hi)]
    near.sort()
    out = _with_numbers(text, pieces, hi, out, near)
    # a day/month pair right before a month name is a range of days (10-12 يناير)
    split = [k for k, t in enumerate(out) if t.kind == "numdate" and t.loose and any(
        0 <= x < len(out) and out[x].kind == "lex" and out[x].sense.kind in ("month", "hmonth")
        for x in (k - 1, k + 1))] if special else ()
    if split:
        out = _with_numbers(text, pieces, hi, [t for k, t in enumerate(out) if k not in split], near)
    return _with_words(pieces, out)


def _phrase_at(lex: _Lexicon, words: list[str], i: int) -> tuple[str, _Sense, int] | None:
    """The date phrase (or, failing one, the date word) that starts at the piece ``i``,
    as (its clitics, its sense, its last piece), or None (به, له: a pronoun, not the era
    letter; للهجرة is an era)."""
    w, n = words[i], len(words)
    found = None
    for pre, stem in lex.forms[w]:
        for phrase, sense in lex.phrases.get(stem, ()):
            j = i + len(phrase) - 1
            if j < n and all(words[i + k] == phrase[k] for k in range(1, len(phrase))):
                found = (pre, sense, j)
                break
        if found is None and stem in lex.singles:
            found = (pre, lex.singles[stem], i)
        if found is not None:
            break
    if found is None or (found[1].kind == "era" and found[0] and len(w) - len(found[0]) == 1):
        return None
    return found


class _PhraseStart(NamedTuple):
    """The reading of a date form that may start a phrase (من الآن, على الأقل, أكثر من):
    the second words of its phrases, and how it reads when the next piece is none of
    them (as the phrase search reads it then: its first form that is a date word)."""

    seconds: frozenset[str]
    alone: tuple[int, _Sense, bool, bool, str] | None


def _word_reading(lex: _Lexicon, w: str) -> tuple[int, _Sense, bool, bool, str] | _PhraseStart | None:
    """How the date form ``w`` reads alone: (where the token starts in ``w``, sense,
    definite, conj, clitic), None when it is no date word (به, له: a pronoun, not the era
    letter), or a _PhraseStart when a phrase may start with it."""
    options = lex.forms[w]
    if any(stem in lex.phrases for _, stem in options):
        seconds = frozenset(phrase[1] for _, stem in options for phrase, _ in lex.phrases.get(stem, ()))
        alone = None
        pre, sense = next(((pre, lex.singles[stem]) for pre, stem in options if stem in lex.singles), ("", None))
        if sense is not None and not (sense.kind == "era" and pre and len(w) - len(pre) == 1):
            cut, conj, clitic = _clitics(pre)
            alone = len(pre) - cut, sense, bool(cut), conj, clitic
        return _PhraseStart(seconds, alone)
    for pre, stem in options:
        sense = lex.singles.get(stem)
        if sense is not None:
            if sense.kind == "era" and pre and len(w) - len(pre) == 1:
                return None
            cut, conj, clitic = _clitics(pre)
            if sense.kind == "wday" and conj and not cut:
                return None  # واحد is "one", not و + أحد: a weekday after و carries the article (والأحد)
            return len(pre) - cut, sense, bool(cut), conj, clitic
    return None


@cache
def _clitics(pre: str) -> tuple[int, bool, str]:
    """The clitics ``pre`` glued before a date word: how many letters of the article the
    token keeps (``ال``: 2, ``لل``: 1), whether a conjunction leads, and the preposition."""
    cut = 2 if pre.endswith("ال") else 1 if pre.endswith("لل") else 0
    head = pre[:len(pre) - cut] if cut == 2 else pre[:-1] if cut else pre
    conj = head[:1] in _CONJ_PIECES
    clitic = "ل" if cut == 1 else head[1:] if conj else head
    return cut, conj, clitic


#: The clitic prefixes that carry the article: a plain word that starts with one is
#: definite (والمدينة, بالمدينة, للمدينة).
_ARTICLES = tuple(p for p in CLITIC_PREFIXES if has_article(p))
#: The kinds of the tokens that are no date word and no number ("" past the end).
_PLAIN_KINDS = frozenset({"word", "punct", "gap", ""})
#: Range joiners written as punctuation (no other token has these texts).
_JOIN_MARKS = frozenset({"-", "–", "/"})
_FAR = 32


@dataclass(frozen=True, slots=True)
class _Plain:
    """A piece of a window that is no date word and no number read as one: a word, a run
    of digits, a punctuation mark. The grammar reads only its kind, text, ``definite``
    and ``conj`` (never its offsets: no date starts or ends on it), so one frozen object
    stands for every occurrence of the same piece, and a window's plain tokens are
    looked up in C (see _plain_tokens). The other fields of _Tok are class attributes."""

    kind: str  # word punct
    text: str
    definite: bool = False
    conj: bool = False
    sense: ClassVar[None] = None
    clitic: ClassVar[str] = ""
    value: ClassVar[None] = None
    ordinal: ClassVar[bool] = False
    ndigits: ClassVar[int] = 0
    ymd: ClassVar[None] = None
    loose: ClassVar[bool] = False


class _PlainCache(dict):
    """piece -> its _Plain token (made on first sight)."""

    def __missing__(self, w: str) -> _Plain:
        if len(self) >= 100_000:  # a bound on memory for endless streams of new words
            self.clear()
        c = w[0]
        if c.isalpha():
            t = _Plain("word", w, w.startswith(_ARTICLES))
        elif c.isdigit():
            t = _Plain("word", w)
        else:
            t = _Plain("punct", w)
        self[w] = t
        return t


_PLAIN = _PlainCache()
#: The conjunctions, one letter each: standing alone (a lone و or ف) they are no token and
#: set ``conj`` on the token after it; glued, they lead a word (والعشرين).
_CONJ_PIECES = frozenset(CONJUNCTIONS)


def _with_words(pieces: _Pieces, out: list[_Tok]) -> list[_Tok | _Plain]:
    """The tokens ``out`` (sorted, non-overlapping) with the other pieces of the window
    between them: other words and punctuation, and و standing alone, which sets ``conj``
    on the token after it. Far from any token (more than _FAR characters on both sides), a
    run of pieces is one placeholder word (it only separates). The pieces between two
    tokens are found by bisection, and a far run is skipped whole."""
    words, starts, ends = pieces
    n = len(words)
    plain = list(map(_PLAIN.__getitem__, words))
    conjs = list(compress(range(n), map(_CONJ_PIECES.__contains__, words)))
    full: list[_Tok | _Plain] = []
    conj = False
    prev_end = -_FAR
    a = 0  # the first piece after the previous token
    for tok in out:
        # the pieces before tok that do not overlap it: [a, b)
        b = bisect.bisect_right(ends, tok.start, a)
        if tok.start - prev_end <= 2 * _FAR:  # (most tokens) no far piece between the two tokens
            if not conj and (not conjs or bisect.bisect_left(conjs, a) == bisect.bisect_left(conjs, b)):
                full += plain[a:b]  # no lone و among them: the shared tokens as they are
            else:
                conj = _add_plain(full, plain, a, b, conj)
        else:
            conj = _add_runs(full, pieces, plain, conjs, a, b, prev_end, tok.start, conj)
        if conj:
            tok.conj = True
            conj = False
        full.append(tok)
        prev_end = tok.end
        a = bisect.bisect_left(starts, prev_end, b)
    _add_runs(full, pieces, plain, conjs, a, n, prev_end, None, conj)
    return full


def _add_runs(full: list[_Tok | _Plain], pieces: _Pieces, plain: list[_Plain], conjs: list[int], a: int, b: int,
              prev_end: int, start: int | None, conj: bool) -> bool:
    """Appends to ``full`` the pieces ``[a, b)`` between a token that ends at
    ``prev_end`` and one that starts at ``start`` (None: the end of the window), a run of
    them far from both (past _FAR characters) as one gap; returns ``conj`` after them."""
    _, starts, ends = pieces
    # the far ones: [f1, f2), past _FAR after prev_end and before start
    f1 = bisect.bisect_right(starts, prev_end + _FAR, a, b)
    f2 = bisect.bisect_left(ends, start - _FAR, f1, b) if start is not None else b
    for lo_i, hi_i, far in ((a, f1, False), (f1, f2, True), (f2, b, False)) if f1 < f2 else ((a, b, False),):
        if far:
            if not full or full[-1].kind != "gap":
                full.append(_Tok("gap", starts[f1], ends[f1]))
            conj = False
        elif not conj and (not conjs or bisect.bisect_left(conjs, lo_i) == bisect.bisect_left(conjs, hi_i)):
            full += plain[lo_i:hi_i]  # no lone و among them: the shared tokens as they are
        else:
            conj = _add_plain(full, plain, lo_i, hi_i, conj)
    return conj


def _add_plain(full: list[_Tok | _Plain], plain: list[_Plain], a: int, b: int, conj: bool) -> bool:
    """Appends to ``full`` the plain tokens ``[a, b)``, a lone و among them setting
    ``conj`` on the token after it; returns ``conj`` after them."""
    for i in range(a, b):
        t = plain[i]
        if t.text in _CONJ_PIECES:
            conj = True
            continue
        if conj:
            t = replace(t, conj=True)
            conj = False
        full.append(t)
    return conj


def _with_numbers(text: str, pieces: _Pieces, hi: int, out: list[_Tok], near: list[int]) -> list[_Tok]:
    """``out`` (sorted, non-overlapping) with the numbers of the window that do not
    overlap its tokens; a number that is exactly a date word gives it its value (اثنين)."""
    starts = list(map(_START, out))
    m = len(out)
    numbers: list[_Tok] = []
    for t in _number_reads(text, pieces, near, hi):
        s, e = t.start, t.end
        # the tokens of out that may overlap it (sorted and not overlapping, so their ends are
        # sorted too): the first one that starts at s or after, and the one before
        k = bisect.bisect_left(starts, s)
        if k < m:
            o = out[k]
            if o.start == s and o.end == e and o.kind == "lex":
                o.value = t.value
                continue
            if o.start < e:
                continue
        if k and out[k - 1].end > s:
            continue
        numbers.append(t)
    if not numbers:
        return out
    merged = out + numbers
    merged.sort(key=_START)
    return merged


_START = attrgetter("start")
_SENSE = attrgetter("sense")


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


# ---- resolution context and policies ----------------------------------------------------------

@dataclass(slots=True)
class _Ctx:
    """How the dates of one text resolve: the reference date, where it comes from and
    the yearless policy (fixed for the text, its ``key``), and the last date read so far."""

    ref: dt.date
    reference: str  # "given" or "today"
    yearless: str
    #: the last date read so far in the text, as (its last day, whether it depends on the
    #: reference date), updated as the text is read: what an anaphoric shift counts from
    named: tuple[dt.date, bool] | None = None

    @property
    def key(self) -> tuple[dt.date, str, str]:
        """What a value computed without ``named`` depends on (for caches)."""
        return self.ref, self.reference, self.yearless

    def choose(self, options: list[tuple[dt.date, dt.date]], cap: dt.date | None = None
               ) -> tuple[dt.date, dt.date] | None:
        """One occurrence among ``options`` (start, end) by the yearless policy. ``cap``
        is the last day of the reference period (the reference year) for ``news``."""
        if not options:
            return None
        ref = self.ref
        if self.yearless == "future":
            later = [o for o in options if o[1] >= ref]
            return min(later) if later else max(options)
        if self.yearless == "nearest":
            return min(options, key=lambda o: (_distance(o, ref), o[0] > ref))
        if self.yearless == "past":
            limit = ref
        else:
            limit = _shift_date(ref, months=NEWS_HORIZON_MONTHS)
            if cap is not None:
                limit = min(limit, cap)
        earlier = [o for o in options if o[0] <= limit]
        return max(earlier) if earlier else min(options)

    def weekday(self, wd: int) -> dt.date:
        """A weekday named alone (الثلاثاء): in news, the latest one on or before the
        reference date (``future``: the next one after it; ``nearest``: the closest)."""
        ref = self.ref
        back = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
        ahead = ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)
        if self.yearless == "future":
            return ahead
        if self.yearless == "nearest":
            return back if (ref - back) <= (ahead - ref) else ahead
        return back


def _distance(o: tuple[dt.date, dt.date], ref: dt.date) -> int:
    if o[0] <= ref <= o[1]:
        return 0
    return min(abs((o[0] - ref).days), abs((o[1] - ref).days))


@dataclass(frozen=True)
class _Val:
    start: dt.date
    end: dt.date
    gran: str
    calendar: str = "gregorian"
    hijri: tuple[int, int | None, int | None] | None = None
    relative: bool = False


_GRAN_ORDER = {g: i for i, g in enumerate(("day", "week", "month", "quarter", "half", "year", "decade"))}


@lru_cache(maxsize=4096)
def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, _month_length(y, m))


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _shift_date(d: dt.date, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0) -> dt.date:
    y, m = _add_months(d.year, d.month, years * 12 + months)
    day = min(d.day, _month_length(y, m))
    return dt.date(y, m, day) + dt.timedelta(weeks=weeks, days=days)


def _unit_span(unit: str, d: dt.date, k: int = 0) -> tuple[dt.date, dt.date]:
    """The calendar ``unit`` containing ``d``, moved by ``k`` units (weeks start on Monday)."""
    if unit == "day":
        x = d + dt.timedelta(days=k)
        return x, x
    if unit == "week":
        s = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks=k)
        return s, s + dt.timedelta(days=6)
    if unit == "month":
        y, m = _add_months(d.year, d.month, k)
        return dt.date(y, m, 1), _month_end(y, m)
    if unit in ("quarter", "half"):
        size = 3 if unit == "quarter" else 6
        y, m = _add_months(d.year, (d.month - 1) // size * size + 1, k * size)
        y2, m2 = _add_months(y, m, size - 1)
        return dt.date(y, m, 1), _month_end(y2, m2)
    if unit == "year":
        return dt.date(d.year + k, 1, 1), dt.date(d.year + k, 12, 31)
    if unit == "decade":
        y = d.year - d.year % 10 + 10 * k
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    raise ValueError(unit)


@lru_cache(maxsize=4096)
def _hijri_month(hy: int, hm: int) -> tuple[dt.date, dt.date] | None:
    try:
        h = Hijri(hy, hm, 1)
        s = h.to_gregorian()
        start = dt.date(s.year, s.month, s.day)
        return start, start + dt.timedelta(days=h.month_length() - 1)
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def _hijri_day(hy: int, hm: int, hd: int) -> dt.date | None:
    try:
        g = Hijri(hy, hm, hd).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def _hijri_year_of(d: dt.date) -> int | None:
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


#: A year written without an era is Hijri when it lies this near the Hijri year of the
#: reference date (years before it, years after it): عام 1445 in a Saudi article of 2025
#: is 1445 AH, but عام 1453 (the fall of Constantinople) stays Gregorian.
_RECENT_HIJRI = (10, 2)


def _recent_hijri_year(y: int, ref: dt.date) -> bool:
    hy = _hijri_year_of(ref)
    return hy is not None and hy - _RECENT_HIJRI[0] <= y <= hy + _RECENT_HIJRI[1]


@lru_cache(maxsize=1024)
def _easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


# ---- expressions -----------------------------------------------------------------------------------

#: Values of calendar dates already resolved (see _Cal.resolve), cleared when full.
_RESOLVED: dict[tuple, _Val | None] = {}
_RESOLVED_MAX = 8192
_MISSING = object()


def _shift_base(ctx: _Ctx, anaphoric: bool) -> tuple[dt.date, bool]:
    """What a shift counts from, and whether that depends on the reference date: for an
    anaphoric shift (السنة الموالية), the last date the text named before it, when there
    is one; else the reference date."""
    if anaphoric and ctx.named is not None:
        return ctx.named
    return ctx.ref, True


class _Node:
    """A date expression before resolution."""

    def resolve(self, ctx: _Ctx) -> _Val | None:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass
class _Cal(_Node):
    """A calendar date, maybe partial: year, month, day in the Gregorian or the Hijri
    calendar, or relative to the reference (``year_shift``, ``month_shift``)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hijri: bool = False
    greg_year: bool = False  # a Hijri month in a Gregorian year (رمضان 2024)
    year_shift: int | None = None
    month_shift: int | None = None
    weekday: int | None = None
    month_after: int | None = None  # أكتوبر الماضي: the last October before this month (-1, +1, 0)
    #: the shifts count from the last date the text named, when there is one (السنة الموالية)
    anaphoric: bool = False

    def changed(self, **changes: object) -> _Cal:
        """``dataclasses.replace(self, **changes)`` without its walk over the fields and
        its keyword call of __init__ (a _Cal has no __post_init__ and no field out of
        __init__): the grammar changes a _Cal several times for every date it reads."""
        new = object.__new__(_Cal)
        new.__dict__.update(self.__dict__, **changes)
        return new

    @property
    def has_year(self) -> bool:
        return self.year is not None or self.year_shift is not None

    @property
    def has_month(self) -> bool:
        return self.month is not None or self.month_shift is not None

    def resolve(self, ctx: _Ctx) -> _Val | None:
        # The same month name or date comes again and again in a text, and its value
        # depends only on the fields and the context: it is computed once (a _Val is frozen).
        key = (self.year, self.month, self.day, self.hijri, self.greg_year, self.year_shift, self.month_shift,
               self.weekday, self.month_after, ctx.key, self.anaphoric and ctx.named)
        v = _RESOLVED.get(key, _MISSING)
        if v is _MISSING:
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            v = _RESOLVED[key] = self._resolve(ctx)
        return v

    def _resolve(self, ctx: _Ctx) -> _Val | None:
        if self.hijri:
            return self._hijri(ctx)
        ref = self.ref_month(ctx)
        if self.month is None and self.month_shift is None:
            if self.day is not None:  # يوم 21: a day of a month near the reference
                opts = []
                for k in (-1, 0, 1):
                    y, m = _add_months(ctx.ref.year, ctx.ref.month, k)
                    if _valid_day(y, m, self.day):
                        opts.append((dt.date(y, m, self.day),) * 2)
                o = ctx.choose(opts, _month_end(ctx.ref.year, ctx.ref.month))
                return _Val(o[0], o[1], "day", relative=True) if o else None
            if self.year is None and self.year_shift is None:
                return None
            if self.year is not None and _recent_hijri_year(self.year, ctx.ref):
                return self.changed(hijri=True)._hijri(ctx)  # عام 1445 in an article of 2025
            y, relative = self._shifted_year(ctx)
            if not 1 <= y <= 9999:
                return None
            return _Val(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", relative=relative)
        if ref is not None:
            y, m, relative = ref
            return self._span(y, m, relative=relative)
        m = self.month
        if self.year is not None or self.year_shift is not None:
            y, relative = self._shifted_year(ctx)
            if not 1 <= y <= 9999:
                return None
            return self._span(y, m, relative=relative)
        if self.month_after is not None:  # أكتوبر الماضي, 15 يوليوز المقبل, مارس الجاري
            y = ctx.ref.year
            here = (m, self.day or 0) if self.day else (m,)
            now = (ctx.ref.month, ctx.ref.day) if self.day else (ctx.ref.month,)
            if self.month_after < 0:
                y = y if here < now else y - 1
            elif self.month_after > 0:
                y = y if here > now else y + 1
            return self._span(y, m, relative=True)
        return self._yearless(ctx, lambda y: self._span(y, m, relative=True), ctx.ref.year,
                              dt.date(ctx.ref.year, 12, 31))

    def ref_month(self, ctx: _Ctx) -> tuple[int, int, bool] | None:
        """The year and month a month shift gives (الشهر الماضي, الشهر الموالي), and whether
        they depend on the reference date."""
        if self.month_shift is None:
            return None
        base, relative = _shift_base(ctx, self.anaphoric)
        return (*_add_months(base.year, base.month, self.month_shift), relative)

    def _shifted_year(self, ctx: _Ctx) -> tuple[int, bool]:
        """The year and whether it depends on the reference date."""
        if self.year is not None:
            return self.year, False
        base, relative = _shift_base(ctx, self.anaphoric)
        return base.year + self.year_shift, relative

    def _span(self, y: int, m: int, relative: bool) -> _Val | None:
        if self.day is None:
            return _Val(dt.date(y, m, 1), _month_end(y, m), "month", relative=relative)
        if not _valid_day(y, m, self.day):
            return None
        d = dt.date(y, m, self.day)
        return _Val(d, d, "day", relative=relative)

    def _yearless(self, ctx: _Ctx, make: Callable[[int], _Val | None], year: int, cap: dt.date | None
                  ) -> _Val | None:
        """The occurrence the policy picks among the years around the reference ``year``
        (``cap``: its last day); a stated weekday keeps only the nearby years where it
        holds."""
        pairs = [(k, v) for k in (-1, 0, 1) if (v := make(year + k)) is not None]
        if not pairs:  # 29 February: the nearest leap years
            pairs = [(k, v) for k in range(-6, 7) if (v := make(year + k)) is not None]
        if self.weekday is not None and self.day is not None:
            pairs = [(k, v) for k, v in pairs if v.start.weekday() == self.weekday] or pairs
        vals = [v for _, v in pairs]
        o = ctx.choose([(v.start, v.end) for v in vals], cap)
        return next((v for v in vals if (v.start, v.end) == o), None) if o else None

    def _hijri(self, ctx: _Ctx) -> _Val | None:
        m = self.month

        def make(hy: int) -> _Val | None:
            if m is None:
                a, b = _hijri_month(hy, 1), _hijri_month(hy, 12)
                if a is None or b is None:
                    return None
                return _Val(a[0], b[1], "year", "hijri", (hy, None, None))
            span = _hijri_month(hy, m)
            if span is None:
                return None
            if self.day is None:
                return _Val(span[0], span[1], "month", "hijri", (hy, m, None))
            d = _hijri_day(hy, m, self.day)
            if d is None or d > span[1]:
                return None
            return _Val(d, d, "day", "hijri", (hy, m, self.day))

        if self.year is not None and self.greg_year:
            hy0 = _hijri_year_of(dt.date(self.year, 1, 1))
            if hy0 is None:
                return None
            for hy in (hy0, hy0 + 1):
                v = make(hy)
                if v is not None and v.start.year == self.year:
                    return v
            return None
        if self.year is not None:
            return make(self.year)
        hy = _hijri_year_of(ctx.ref)
        if hy is None:
            return None
        if self.month_after is not None:  # رمضان الماضي, شوال المقبل
            vals = [v for v in (make(hy + k) for k in range(-2, 3)) if v is not None]
            if self.month_after < 0:
                vals = [v for v in vals if v.end < ctx.ref][-1:]
            elif self.month_after > 0:
                vals = [v for v in vals if v.start > ctx.ref][:1]
            else:
                vals = [v for v in vals if v.hijri[0] == hy]
            return replace(vals[0], relative=True) if vals else None
        if self.year_shift is not None:
            v = make(hy + self.year_shift)
            return replace(v, relative=True) if v else None
        end = _hijri_month(hy, 12)
        v = self._yearless(ctx, make, hy, end[1] if end else None)
        return replace(v, relative=True) if v else None


@dataclass
class _Rel(_Node):
    """The unit of time containing the reference date, moved by ``shift`` units."""

    unit: str
    shift: int = 0
    anaphoric: bool = False  # counted from the last date named before, when there is one

    def resolve(self, ctx: _Ctx) -> _Val:
        base, relative = _shift_base(ctx, self.anaphoric)  # في 2015 ... العام التالي: 2016
        s, e = _unit_span(self.unit, base, self.shift)
        return _Val(s, e, self.unit, relative=relative)


@dataclass
class _Delta(_Node):
    """A day some years, months, weeks and days before (sign -1) or after the reference
    (قبل يومين, منذ ثلاث سنوات, بعد أسبوعين)."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    sign: int = -1

    def resolve(self, ctx: _Ctx) -> _Val | None:
        s = self.sign
        try:
            d = _shift_date(ctx.ref, s * self.years, s * self.months, s * self.weeks, s * self.days)
        except (ValueError, OverflowError):
            return None
        return _Val(d, d, "day", relative=True)


@dataclass
class _Span(_Node):
    """The ``n`` whole units before (``direction`` -1) or after (+1) the current one
    (الأشهر الثلاثة الماضية, اليومين المقبلين)."""

    unit: str
    n: int
    direction: int

    def resolve(self, ctx: _Ctx) -> _Val | None:
        if not 1 <= self.n <= 100:
            return None
        if self.direction < 0:
            s, _ = _unit_span(self.unit, ctx.ref, -self.n)
            _, e = _unit_span(self.unit, ctx.ref, -1)
        else:
            s, _ = _unit_span(self.unit, ctx.ref, 1)
            _, e = _unit_span(self.unit, ctx.ref, self.n)
        return _Val(s, e, self.unit, relative=True)


@dataclass
class _Part(_Node):
    """The early, middle or late part, or the midpoint, of a period (see docs/dates.md)."""

    base: _Node
    part: str

    def resolve(self, ctx: _Ctx) -> _Val | None:
        v = self.base.resolve(ctx)
        if v is None:
            return None
        s, e, g, p = v.start, v.end, v.gran, self.part
        if g == "month":  # days 1-10, 11-20, 21-end, or the 15th (of a Hijri month too)
            last = (e - s).days
            a, b = {"early": (0, 9), "middle": (10, 19), "mid": (14, 14), "late": (20, last)}[p]
            return replace(v, start=s + dt.timedelta(days=a), end=s + dt.timedelta(days=b), gran="day")
        if g == "year" and v.calendar == "gregorian":
            y = s.year
            table = {"early": ((1, 1), (6, 30), "half"), "late": ((7, 1), (12, 31), "half"),
                     "middle": ((4, 1), (9, 30), "month"), "mid": ((7, 1), (7, 1), "day")}
            (m1, d1), (m2, d2), gran = table[p]
            return replace(v, start=dt.date(y, m1, d1), end=dt.date(y, m2, d2), gran=gran)
        if g == "week":
            a, b = {"early": (0, 2), "middle": (2, 4), "mid": (3, 3), "late": (3, 6)}[p]
            return replace(v, start=s + dt.timedelta(days=a), end=s + dt.timedelta(days=b), gran="day")
        if g == "decade":
            a, b = {"early": (0, 3), "middle": (4, 6), "mid": (5, 5), "late": (7, 9)}[p]
            return replace(v, start=dt.date(s.year + a, 1, 1), end=dt.date(s.year + b, 12, 31), gran="year")
        if g in ("quarter", "half", "season", "year"):
            months = []
            y, m = s.year, s.month
            while dt.date(y, m, 1) <= e:
                months.append((y, m))
                y, m = _add_months(y, m, 1)
            if len(months) < 2:
                return None
            pick = {"early": months[:1], "late": months[-1:]}.get(p, months[len(months) // 2:len(months) // 2 + 1])
            (y1, m1), (y2, m2) = pick[0], pick[-1]
            return replace(v, start=dt.date(y1, m1, 1), end=_month_end(y2, m2), gran="month", hijri=None)
        return None


@dataclass
class _Nth(_Node):
    """The ``n``-th (``-1``: last) day, week, month, quarter or half of a period (a half
    of a month: days 1-15 or 16 to the end), or the first or last ``count`` months or days
    of it (الأشهر الثلاثة الأولى من 2025, الأيام العشرة الأخيرة من الشهر الماضي)."""

    unit: str
    n: int
    base: _Node
    count: int = 1

    def resolve(self, ctx: _Ctx) -> _Val | None:
        v = self.base.resolve(ctx)
        if v is None:
            return None
        s, e, n = v.start, v.end, self.n
        if self.unit == "day" and self.count > 1:  # الأيام العشرة الأخيرة من الشهر الماضي
            span = dt.timedelta(days=self.count - 1)
            a, b = (s, s + span) if n == 1 else (e - span, e)
            return _Val(a, b, "day", relative=v.relative) if s <= a and b <= e else None
        if self.unit == "day":
            d = e if n == -1 else s + dt.timedelta(days=n - 1)
            return _Val(d, d, "day", relative=v.relative) if s <= d <= e else None
        if self.unit == "week":
            first = s + dt.timedelta(days=(7 - s.weekday()) % 7)
            start = e - dt.timedelta(days=e.weekday()) if n == -1 else first + dt.timedelta(weeks=n - 1)
            if not s - dt.timedelta(days=6) <= start <= e:
                return None
            return _Val(start, start + dt.timedelta(days=6), "week", relative=v.relative)
        if self.unit == "half" and v.gran == "month" and n in (1, 2, -1):
            # النصف الثاني من الشهر الماضي: days 16 to the end (the first half: 1 to 15)
            mid = s + dt.timedelta(days=14)
            return _Val(s, mid, "day", relative=v.relative) if n == 1 else _Val(
                mid + dt.timedelta(days=1), e, "day", relative=v.relative)
        size = {"month": 1, "quarter": 3, "half": 6}[self.unit]
        if v.gran != "year" or v.calendar != "gregorian":
            return None
        total = 12 // size
        k = total if n == -1 else n
        if not 1 <= k <= total or not 1 <= self.count * size <= 12:
            return None
        if self.count > 1:  # the first / last count months
            m1 = 1 if n == 1 else 13 - self.count * size
            m2 = m1 + self.count * size - 1
        else:
            m1, m2 = (k - 1) * size + 1, k * size
        return _Val(dt.date(s.year, m1, 1), _month_end(s.year, m2), self.unit if self.count == 1 else "month",
                    relative=v.relative)


@dataclass
class _NthWeekday(_Node):
    """The ``n``-th (``-1``: last) given weekday of a month, or after a date."""

    weekday: int
    n: int
    base: _Node
    after: bool = False  # ثالث ثلاثاء بعد كريسماس: counted after the base day

    def resolve(self, ctx: _Ctx) -> _Val | None:
        v = self.base.resolve(ctx)
        if v is None:
            return None
        if self.after:
            first = v.end + dt.timedelta(days=(self.weekday - v.end.weekday()) % 7 or 7)
            d = first + dt.timedelta(weeks=self.n - 1)
            return _Val(d, d, "day", relative=v.relative) if self.n > 0 else None
        s, e = v.start, v.end
        if self.n == -1:
            d = e - dt.timedelta(days=(e.weekday() - self.weekday) % 7)
        else:
            d = s + dt.timedelta(days=(self.weekday - s.weekday()) % 7) + dt.timedelta(weeks=self.n - 1)
        return _Val(d, d, "day", relative=v.relative) if s <= d <= e else None


@dataclass
class _Weekday(_Node):
    """A weekday: alone (by the policy), the last or next one (``shift``), or in a given
    week (``week``)."""

    weekday: int
    shift: int | None = None
    week: _Node | None = None

    def resolve(self, ctx: _Ctx) -> _Val | None:
        ref = ctx.ref
        if self.week is not None:
            w = self.week.resolve(ctx)
            if w is None:
                return None
            d = w.start + dt.timedelta(days=self.weekday)
        elif self.shift is None:
            d = ctx.weekday(self.weekday)
        elif self.shift < 0:
            d = ref - dt.timedelta(days=(ref.weekday() - self.weekday) % 7 or 7)
        elif self.shift > 0:
            d = ref + dt.timedelta(days=(self.weekday - ref.weekday()) % 7 or 7)
        else:
            d = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=self.weekday)
        return _Val(d, d, "day", relative=True)


@dataclass
class _WeekdayDay(_Node):
    """A weekday and a day of the month with no month (الجمعة 15): the nearest such day
    to the reference date."""

    weekday: int
    day: int

    def resolve(self, ctx: _Ctx) -> _Val | None:
        best = None
        for k in range(-14, 15):
            y, m = _add_months(ctx.ref.year, ctx.ref.month, k)
            if _valid_day(y, m, self.day):
                d = dt.date(y, m, self.day)
                if d.weekday() == self.weekday and (
                        best is None or abs((d - ctx.ref).days) < abs((best - ctx.ref).days)):
                    best = d
        return _Val(best, best, "day", relative=True) if best else None


@dataclass
class _HolidayNode(_Node):
    entry: Holiday
    year: int | None = None
    hijri_year: bool = False
    shift: int = 0  # عيد الأضحى المقبل (+1), عيد الميلاد الماضي (-1)

    def resolve(self, ctx: _Ctx) -> _Val | None:
        h = self.entry
        if self.shift:
            # the next (last) one after (before) the reference date, among the years around it
            ref = ctx.ref
            base = _hijri_year_of(ref) if h.calendar == "hijri" else ref.year
            if base is None:
                return None
            found = [v for y in range(base - 2, base + 3)
                     if (v := replace(self, year=y, hijri_year=True, shift=0).resolve(ctx)) is not None]
            found = [v for v in found if (v.start > ref if self.shift > 0 else v.end < ref)]
            if not found:
                return None
            v = min(found, key=lambda v: v.start) if self.shift > 0 else max(found, key=lambda v: v.start)
            return replace(v, relative=True)
        if h.calendar == "hijri":
            node = _Cal(year=self.year, month=h.month, day=h.day, hijri=True,
                        greg_year=self.year is not None and not self.hijri_year)
            return node.resolve(ctx)

        def make(y: int) -> _Val | None:
            if not 1583 <= y <= 9999:
                return None
            d = _easter(y) + dt.timedelta(days=h.offset) if h.calendar == "easter" else dt.date(y, h.month, h.day)
            return _Val(d, d, "day", relative=self.year is None)

        if self.year is not None:
            return make(self.year)
        return _Cal(day=1)._yearless(ctx, make, ctx.ref.year, dt.date(ctx.ref.year, 12, 31))


@dataclass
class _Century(_Node):
    """A century: by its ordinal (the 19th: 1800-1899), or the current one shifted."""

    century: int | None = None
    shift: int = 0

    def resolve(self, ctx: _Ctx) -> _Val | None:
        if self.century is not None:
            first, relative = (self.century - 1) * 100, False
        else:
            first, relative = ctx.ref.year - ctx.ref.year % 100 + 100 * self.shift, True
        if not 0 <= first <= 9900:
            return None
        return _Val(dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31), "year", relative=relative)


@dataclass
class _Decade(_Node):
    """A decade named by its tens (السبعينيات), of a given century or of the latest one in
    which it has begun."""

    tens: int
    century: int | None = None  # first year of the century (1900)
    century_shift: int | None = None

    def resolve(self, ctx: _Ctx) -> _Val | None:
        if self.century is not None:
            c = self.century
        elif self.century_shift is not None:
            c = ctx.ref.year - ctx.ref.year % 100 + 100 * self.century_shift
        else:
            c = ctx.ref.year - ctx.ref.year % 100
            if c + self.tens > ctx.ref.year:
                c -= 100
        y = c + self.tens
        if not 1 <= y <= 9990:
            return None
        return _Val(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade", relative=self.century is None)


@dataclass
class _Season(_Node):
    """A season: of a year, or the current, last or next one."""

    months: tuple[int, ...]
    year: int | None = None
    shift: int = 0
    #: the season of a year relative to the reference year (صيف العام الماضي: -1)
    year_shift: int | None = None

    def resolve(self, ctx: _Ctx) -> _Val | None:
        def span(y: int) -> tuple[dt.date, dt.date]:
            first = self.months[0]
            y1 = y - 1 if first > self.months[-1] else y  # winter 2024: December 2023 to February 2024
            y2, m2 = _add_months(y1, first, len(self.months) - 1)
            return dt.date(y1, first, 1), _month_end(y2, m2)

        if self.year is not None:
            s, e = span(self.year)
            return _Val(s, e, "month")
        if self.year_shift is not None:
            s, e = span(ctx.ref.year + self.year_shift)
            return _Val(s, e, "month", relative=True)
        ref = ctx.ref
        spans = [span(y) for y in range(ref.year - 2, ref.year + 3)]
        if self.shift == 0:
            cur = [o for o in spans if o[0] <= ref <= o[1]] or [o for o in spans if o[0].year == ref.year]
            o = cur[0]
        elif self.shift < 0:
            o = [o for o in spans if o[1] < ref][-1]
        else:
            o = [o for o in spans if o[0] > ref][0]
        return _Val(o[0], o[1], "month", relative=True)


@dataclass
class _Rest(_Node):
    """The rest of the current period, from the reference date (بقية الشهر)."""

    unit: str

    def resolve(self, ctx: _Ctx) -> _Val:
        _, e = _unit_span(self.unit, ctx.ref)
        return _Val(ctx.ref, e, "day", relative=True)


@dataclass
class _Weekend(_Node):
    """Saturday and Sunday of the current week, or of a week before or after it."""

    shift: int = 0

    def resolve(self, ctx: _Ctx) -> _Val:
        s, _ = _unit_span("week", ctx.ref, self.shift)
        return _Val(s + dt.timedelta(days=5), s + dt.timedelta(days=6), "day", relative=True)


@dataclass
class _WeekOf(_Node):
    """The week (Monday to Sunday) that contains a date (أسبوع 15 سبتمبر)."""

    base: _Node

    def resolve(self, ctx: _Ctx) -> _Val | None:
        v = self.base.resolve(ctx)
        if v is None or v.gran != "day":
            return None
        s = v.start - dt.timedelta(days=v.start.weekday())
        return _Val(s, s + dt.timedelta(days=6), "week", relative=v.relative)


@dataclass
class _Range(_Node):
    """From the start of one expression to the end of another. A side without a year
    takes the other's (من 28 أبريل إلى 3 ماي 2025), a second side without one comes on or
    after the first."""

    first: _Node
    last: _Node
    borrowed: bool = False  # the first side took its year from the last

    def resolve(self, ctx: _Ctx) -> _Val | None:
        first, last = self.first, self.last
        if isinstance(first, _Cal) and not first.has_year and first.month is not None and isinstance(last, _Cal) \
                and last.month_after is not None and not last.has_year and first.hijri == last.hijri:
            # من أكتوبر إلى مارس الماضي: the last side places itself (the last March), and
            # the first side is the last of its months on or before it
            b = last.resolve(ctx)
            if b is None:
                return None
            a = first.changed(year=b.start.year, month_after=None).resolve(ctx)
            if a is not None and a.start > b.end:
                a = first.changed(year=b.start.year - 1, month_after=None).resolve(ctx)
            if a is None:
                return None
            return self._join(a, replace(b, relative=True))
        a = first.resolve(ctx)
        if a is None:
            return None
        if self.borrowed and isinstance(self.first, _Cal) and self.first.year is not None:
            b = self.last.resolve(ctx)
            if b is not None and a.start > b.end:  # من 28 ديسمبر إلى 3 يناير 2025
                a = self.first.changed(year=self.first.year - 1).resolve(ctx)
                if a is None:
                    return None
        last = self.last
        if isinstance(last, _Cal) and not last.has_year and last.month is not None and not last.hijri:
            yearful = last.changed(year=a.start.year, month_after=None)
            b = yearful.resolve(ctx)
            if b is not None and b.end < a.start:
                b = last.changed(year=a.start.year + 1, month_after=None).resolve(ctx)
            if b is not None and isinstance(self.first, _Cal) and not self.first.has_year:
                b = replace(b, relative=True)
        else:
            b = last.resolve(ctx)
            if b is not None and b.end < a.start and isinstance(first, _Weekday) and isinstance(last, _Weekday) \
                    and first.shift is None and last.shift is None and first.week is None and last.week is None:
                # من الأحد إلى الخميس: the Thursday after that Sunday (each alone is the latest one)
                b = replace(b, start=b.start + dt.timedelta(days=7), end=b.end + dt.timedelta(days=7))
        return self._join(a, b)

    @staticmethod
    def _join(a: _Val, b: _Val) -> _Val | None:
        if b is None or b.end < a.start:
            return None
        gran = a.gran if _GRAN_ORDER.get(a.gran, 0) <= _GRAN_ORDER.get(b.gran, 0) else b.gran
        hijri = a.hijri if a.calendar == "hijri" == b.calendar else None
        cal = "hijri" if a.calendar == b.calendar == "hijri" else "gregorian"
        return _Val(a.start, b.end, gran, cal, hijri, a.relative or b.relative)


# ---- the grammar ------------------------------------------------------------------------------------

#: Words before a date that give context to a month name that is also a word, a bare
#: year, a day/month pair.
_CONTEXT_KINDS = frozenset({"in", "since", "before", "after", "from", "to", "between", "part", "this"})
_YEAR_CONTEXT_KINDS = frozenset({"in", "since", "before", "after", "part", "to", "year_of"})


#: The kinds of the tokens a day (day), a month (_month) and a year (_year) may start
#: with: each is None at once at the others (what its first tests would find).
_DAY_OPENERS = frozenset({"num", "unit", "day_one"})
_MONTH_STARTS = frozenset({"month", "hmonth", "unit", "this", "shift"})
_YEAR_STARTS = frozenset({"num", "unit", "this"})


@dataclass
class _Parse:
    node: _Node
    j: int  # one past the last token
    rule: str
    confident: bool = True


class _Parser:
    def __init__(self, toks: list[_Tok], whole: bool) -> None:
        self.toks = toks
        self.n = len(toks)
        self.whole = whole
        self._parses: dict[int, list[_Parse]] = {}
        # month() and year() are asked again for the same token by several rules
        self._months: dict[int, tuple[_Cal, int, bool] | None] = {}
        self._years: dict[tuple[int, str], tuple[_Cal, int, bool] | None] = {}
        #: the kind of each token, a date word's sense kind for date words ("" past the end)
        self.kinds = [t.sense.kind if t.kind == "lex" else t.kind for t in toks] + ["", ""]
        #: the sense of each date word, None for the other tokens
        self.senses = list(map(_SENSE, toks))

    # -- token tests
    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < self.n else None

    def lex(self, i: int, *kinds: str) -> _Sense | None:
        if i < 0 or (kinds and self.kinds[i] not in kinds):
            return None
        return self.senses[i] if i < self.n else None

    def unit(self, i: int, *units: str, count: int | None | str = 1, definite: bool | None = None) -> _Sense | None:
        if i < 0 or self.kinds[i] != "unit":
            return None
        s = self.toks[i].sense
        if (units and s.unit not in units) or (count != "any" and s.count != count):
            return None
        if definite is not None and self.toks[i].definite != definite:
            return None
        return s

    def punct(self, i: int, chars: str) -> bool:
        return 0 <= i < self.n and self.kinds[i] == "punct" and self.toks[i].text in chars

    def number(self, i: int) -> _Tok | None:
        if 0 <= i < self.n and self.kinds[i] == "num" and isinstance(self.toks[i].value, int):
            return self.toks[i]
        return None

    def counted_before(self, i: int) -> bool:
        """Whether token ``i`` ends a count: a number, or a word or two after one (ثلاث
        مرات, 300 ألف برميل, 1.7 مليون برميل: number words far from a date word and
        decimals are plain words here, so a number word or a run of digits counts too)."""
        for k in range(i, max(-1, i - 3), -1):
            if self.number(k) is not None:
                return True
            t = self.tok(k)
            if t is None or t.kind != "word":
                return False
            if t.text.isdecimal() or _NUMBER_WORDS[t.text]:
                return True
        return False

    def skip_comma(self, i: int) -> int:
        return i + 1 if self.punct(i, ",،") else i

    def context_before(self, i: int, kinds: frozenset[str] = _CONTEXT_KINDS) -> bool:
        """A preposition of time (or هذا, a part word) right before token ``i``, or glued
        to it (بيناير, لعام), or شهري before months (خلال شهري مارس وأبريل)."""
        t = self.tok(i)
        if t is not None and t.clitic in ("ب", "ل"):
            return True
        s = self.lex(i - 1)
        return s is not None and (s.kind in kinds or (s.kind == "dual_of" and s.unit == "month"))

    # -- constituents
    def day(self, i: int) -> tuple[int, int] | None:
        """A day of the month: 17, سبعة عشر, السابع عشر (optionally after يوم)."""
        if self.kinds[i] not in _DAY_OPENERS:  # (at once for the other tokens)
            return None
        k = i
        if self.unit(k, "day", definite=False) and (self.number(k + 1) or self.lex(k + 1, "day_one")):
            k += 1
        if self.lex(k, "day_one"):  # فاتح ماي, الفاتح من يناير: the first
            return 1, k + 1
        t = self.number(k)
        if t is None or not 1 <= t.value <= 31 or (t.ndigits > 2):
            return None
        if not t.ndigits and not t.ordinal and t.text[:1] in ("ل", "ب", "ك"):
            return None  # أب لثلاثة أطفال: a preposition and a count, not a day
        if t.ordinal and not t.ndigits and k > 0 and self.kinds[k - 1] == "word" and self.toks[k - 1].definite \
                and not (t.text[:1] in PREPOSITIONS and not t.text.startswith("ال")):
            # المرحلة الثانية في شباط: an ordinal after a noun is its adjective, not a day
            # (unless a preposition is glued to it: الاجتماع للخامس عشر من يونيو)
            return None
        return t.value, k + 1

    def month(self, i: int) -> tuple[_Cal, int, bool] | None:
        if self.kinds[i] not in _MONTH_STARTS:  # (at once for the other tokens)
            return None
        m = self._months.get(i, _MISSING)
        if m is _MISSING:
            m = self._months[i] = self._month(i)
        return m

    def _month(self, i: int) -> tuple[_Cal, int, bool] | None:
        """A month: a name (with شهر and a paired name: أيار/مايو), شهر 3, الشهر الثامن,
        or a month relative to the reference (الشهر المقبل, هذا الشهر). The flag says
        whether the month is named in a way that is a date by itself."""
        k = i
        marker = False
        if self.unit(k, "month", definite=False):
            marker = True
            k += 1
        s = self.lex(k, "month", "hmonth")
        if s is not None:
            k += 1
            if self.punct(k, "/(-") and (p := self.lex(k + 1, "month", "hmonth")) and p.value == s.value:
                k += 2
                if self.punct(k, ")"):
                    k += 1
            return _Cal(month=s.value, hijri=s.kind == "hmonth"), k, marker or not s.homograph
        if marker:
            t = self.number(k)
            if t is not None and not t.ordinal and 1 <= t.value <= 12 and t.ndigits <= 2:
                return _Cal(month=t.value), k + 1, True
            return None
        if self.unit(k, "month", definite=True):
            if (sh := self.lex(k + 1, "shift")) is not None:
                return _Cal(month_shift=sh.value, anaphoric=sh.anaphoric), k + 2, True
            t = self.number(k + 1)
            if t is not None and t.ordinal and 1 <= t.value <= 12 and not self.lex(k + 2, "in_a_row"):
                return _Cal(month=t.value), k + 2, True  # (للشهر الثالث على التوالي: a count of months)
            return None
        if self.lex(k, "this") and self.unit(k + 1, "month", definite=True):
            return _Cal(month_shift=0), k + 2, True
        if (sh := self.lex(k, "shift")) is not None and sh.value == 0 and self.toks[k].definite and (
                d := self.number(k - 1)) is not None and 1 <= d.value <= 31 and d.ndigits <= 2:
            return _Cal(month_shift=0), k + 1, True  # في 12 الجاري: the 12th of this month
        return None

    def year(self, i: int, mode: str) -> tuple[_Cal, int, bool] | None:
        if self.kinds[i] not in _YEAR_STARTS:  # (at once for the other tokens)
            return None
        y = self._years.get((i, mode), _MISSING)
        if y is _MISSING:
            y = self._years[i, mode] = self._year(i, mode)
        return y

    def _year(self, i: int, mode: str) -> tuple[_Cal, int, bool] | None:
        """A year: 2025, عام 2024, سنة ألفين وعشرين, 1446 هـ; relative: السنة الماضية,
        هذا العام. ``mode``: ``after`` (after a month), ``marker`` (needs سنة/عام or an
        era), ``bare`` (a four-digit year alone). The flag is True for a Hijri era."""
        k = i
        marker = False
        if self.unit(k, "year", count=1):
            marker = True
            k += 1
        elif self.lex(k, "season_year"):
            return None
        if marker and self.toks[k - 1].definite:
            if self.lex(k, "same"):
                return None  # السنة ذاتها: see same_unit
            sh = self.lex(k, "shift")
            if sh is not None:
                return _Cal(year_shift=sh.value, anaphoric=sh.anaphoric), k + 1, False
            if mode == "current":
                return _Cal(year_shift=0), k, False
        if not marker and self.lex(k, "this") and self.unit(k + 1, "year", count=1, definite=True):
            return _Cal(year_shift=0), k + 2, False
        era_before = self.lex(k, "era") if marker and self.number(k + 1) is not None else None
        if era_before is not None:
            k += 1  # العام الهجري 1446, السنة الميلادية 2025: the era between the unit and the year
        t = self.number(k)
        if t is None or t.ordinal or t.value <= 0:
            return None
        v, nd = t.value, t.ndigits
        era = era_before or self.lex(k + 1, "era")
        if marker or era is not None:
            ok = nd in (3, 4) or (nd == 0 and 100 <= v <= 9999) or (era is not None and 1 <= v <= 9999)
        elif mode == "after":
            ok = nd == 4 or (nd == 0 and 1000 <= v <= 2999)
        elif mode != "bare":
            return None
        else:
            ok = (nd == 4 or nd == 0) and 1000 <= v <= 2100
        if not ok or (marker and self.toks[i].definite and era is None and not self.year_follows(k + 1)):
            return None  # القطاع العام 2025 موظف: العام is "public", 2025 a count
        k += 1
        hijri = False
        if era is not None:
            hijri = era.value == 1
            k += era_before is None
        return _Cal(year=v), k, hijri

    def same_unit(self, i: int) -> bool:
        """السنة ذاتها, نفس الشهر, اليوم نفسه: the same unit as a date named before. Which
        one is a matter of discourse (مقابل 970 في سنة 2022 is a comparison, not the
        topic): no date is read here, and السنة is not the current year."""
        return bool((self.unit(i, definite=True) and self.lex(i + 1, "same"))
                    or (self.lex(i, "same") and self.unit(i + 1, definite=True)))

    def week_ref(self, i: int) -> tuple[_Node, int] | None:
        """A week relative to the reference: هذا الأسبوع, الأسبوع المقبل, الأسبوع الماضي."""
        if self.lex(i, "this") and self.unit(i + 1, "week", definite=True):
            return _Rel("week", 0), i + 2
        if self.unit(i, "week", definite=True) and (sh := self.lex(i + 1, "shift")) is not None:
            return _Rel("week", sh.value), i + 2
        return None

    def year_base(self, i: int, bare: bool = True) -> tuple[_Node, int] | None:
        """A year as the base of a period (من 2025, من سنة 2024, من هذا العام, من العام
        الماضي, من العام)."""
        for mode in (("marker", "current", "bare") if bare else ("marker", "current")):
            y = self.year(i, mode)
            if y is not None:
                cal, j, hijri = y
                if hijri:
                    cal = cal.changed(hijri=True)
                return cal, j
        return None

    def month_base(self, i: int) -> tuple[_Cal, int] | None:
        """A month and maybe its year or a shift (من شهر ايلول من عام 2014, من الشهر
        القادم, أغسطس الماضي)."""
        mo = self.month(i)
        if mo is None:
            return None
        cal, k, _ = mo
        yr = self.month_year(k, cal)
        if yr is not None:
            return yr
        if cal.month is not None and (sh := self.lex(k, "shift")) is not None:
            return cal.changed(month_after=sh.value), k + 1  # منتصف أغسطس الماضي
        return cal, k

    def month_year(self, k: int, cal: _Cal) -> tuple[_Cal, int] | None:
        """The year after a month (ماي 2025, مارس، 2024, من عام 2014, السنة المقبلة)."""
        if cal.month_shift is not None:
            return None
        k2 = self.skip_comma(k)
        if self.lex(k2, "from", "in"):
            k2 += 1
        for mode in ("after", "marker"):
            y = self.year(k2, mode)
            if y is not None:
                ycal, j, hijri_era = y
                if ycal.year_shift is not None:
                    return cal.changed(year_shift=ycal.year_shift, anaphoric=ycal.anaphoric), j
                v = ycal.year
                if mode == "after" and not hijri_era and self.counted_year(k2, j, v, cal.hijri):
                    return None
                if cal.hijri:
                    return cal.changed(year=v, greg_year=not hijri_era and v > 1600), j
                if hijri_era:
                    return None
                return cal.changed(year=v), j
        if self.unit(k, "year", count=1, definite=True) and (sh := self.lex(k + 1, "shift")) is not None:
            return cal.changed(year_shift=sh.value, anaphoric=sh.anaphoric), k + 2
        return None

    def counted_year(self, k: int, j: int, v: int, hijri: bool) -> bool:
        """Whether the number at ``k`` read as the year ``v`` of a month (ending at ``j``)
        is a count: ألف or ألفا alone (ماي ألفا, أبريل 12 ألف زائر: not the year 1000 or
        2000; سبتمبر ألفين is 2000), or a number outside recent years before a noun (في يونيو
        1500 زائر)."""
        t = self.toks[k]
        if not t.ndigits and _counted_thousand(t.text):
            return True
        return not hijri and not _RECENT_YEARS[0] <= v <= _RECENT_YEARS[1] and self.kinds[j] == "word" \
            and not self.toks[j].definite

    # -- rules: each returns the parses that start at token i
    #: The rules that may start at a token, by the token's kind (a date word: its kind).
    RULES: ClassVar[dict[str, tuple[str, ...]]] = {
        "num": ("r_dmy", "r_year", "r_nth_weekday", "r_nth", "r_delta", "r_ordinal_day"),
        "day_one": ("r_dmy",),
        "numdate": ("r_numeric",),
        "month": ("r_mdy", "r_month"),
        "hmonth": ("r_mdy", "r_month"),
        "wday": ("r_dmy", "r_mdy", "r_nth_weekday", "r_weekday"),
        "unit": ("r_dmy", "r_month", "r_year", "r_numeric", "r_relative", "r_today", "r_deictic", "r_delta", "r_span",
                 "r_nth", "r_nth_weekday", "r_weekday", "r_week_of", "r_day_only", "r_season_years"),
        "this": ("r_month", "r_year", "r_relative", "r_season"),
        "deictic": ("r_deictic",),
        "since": ("r_delta",),
        "few": ("r_delta",),
        "before": ("r_delta",),
        "after": ("r_delta",),
        "part": ("r_part",),
        "ordinal": ("r_nth_weekday", "r_nth"),
        "holiday": ("r_holiday",),
        "decade": ("r_decade",),
        "century": ("r_century",),
        "rest": ("r_rest",),
        "weekend": ("r_weekend",),
        "season": ("r_season",),
        "season_of": ("r_season",),
        "season_year": ("r_season_years",),
    }

    def parses(self, i: int) -> list[_Parse]:
        """Every parse that starts at token ``i``."""
        if i >= self.n:
            return []
        out = self._parses.get(i)  # ranges ask again for the parses of their sides
        if out is None:
            out = []
            kind = self.kinds[i]
            if kind == "unit":  # the rules its unit can start (see _UNIT_GUARDS)
                t = self.toks[i]
                names = _unit_rules(t.sense.unit, t.sense.count, t.definite)
            elif kind == "num" and not self.toks[i].ordinal:
                names = self.cardinal_rules(i)
            else:
                names = self.RULES.get(kind, ())
            for name in names:
                p = getattr(self, name)(i)
                if p is not None:
                    out.append(p)
            self._parses[i] = out
        return out

    def cardinal_rules(self, i: int) -> tuple[str, ...]:
        """The rules a cardinal number at ``i`` can start, by the tokens around it: a day
        before a month (17 ماي, 17 من شهر ماي), a year after a preposition of time or
        before an era (في 2025, 1446 هـ), a duration before its unit (3 أيام). The
        others (r_nth, r_nth_weekday, r_ordinal_day) need an ordinal."""
        kinds = self.kinds
        after = kinds[i + 1]
        dmy = after in _MONTH_OPENERS
        year = self.whole or after == "era" or kinds[i - 1] in _YEAR_CONTEXT_KINDS or kinds[i - 1] == "dual_of" or (
            self.listed(i) and self.toks[i - 1].ndigits == 4)  # في 2023 و2024
        return _CARDINAL_RULES[dmy, year, after == "unit"]

    def r_dmy(self, i: int) -> _Parse | None:
        """[weekday] day [من] month [year]: الثلاثاء 17 ديسمبر 2025, الثالث عشر من شباط,
        15 من الشهر الجاري."""
        k = i
        wd = None
        if (s := self.lex(k, "wday")) is not None and self.toks[k].definite:
            wd = s.value
            k = self.after_weekday(k + 1)
        elif self.unit(k, "day", definite=False) and (s := self.lex(k + 1, "wday")):
            wd = s.value
            k = self.after_weekday(k + 2)
        d = self.day(k)
        if d is None:
            return None
        t = self.number(d[1] - 1)
        if wd is not None and t is not None and t.ordinal and t.value <= 5 and not self.punct(k - 1, ",،"):
            return None  # الثلاثاء الثالث من أيلول: the third Tuesday
        day, k = d
        if self.lex(k, "from", "in") and self.month(k + 1):
            if self.lex(k, "in") and wd is None and t is not None and t.ndigits and not t.ordinal:
                return None  # مقابل 28 في أبريل: a count in April (a day in digits takes no في)
            k += 1
        mo = self.month(k)
        if mo is None:
            return None
        cal, k, _ = mo
        cal = cal.changed(day=day, weekday=wd)
        yr = self.month_year(k, cal)
        if yr is not None:
            cal, k = yr
        elif cal.month is not None and (sh := self.lex(k, "shift")) is not None:
            cal, k = cal.changed(month_after=sh.value), k + 1  # 3 جويلية الماضي
        return _Parse(cal, self.apposed_day(k), "day_month_year" if cal.has_year else "day_month")

    def r_mdy(self, i: int) -> _Parse | None:
        """[weekday] month day [year]: يناير 5, أكتوبر السابع عشر, الخميس، أبريل الثالث
        والعشرين، 2026."""
        k = i
        wd = None
        if (s := self.lex(k, "wday")) is not None and self.toks[k].definite:
            wd = s.value
            k = self.skip_comma(k + 1)
        s = self.lex(k, "month", "hmonth")
        if s is None:
            return None
        mo = self.month(k)
        cal, k, standalone = mo
        d = self.day(k)
        if d is None:
            return None
        day, k2 = d
        if not (standalone or self.whole or wd is not None or self.context_before(i)) \
                and self.month_year(k2, cal) is None:
            return None  # آب 3: a month that is also a word needs more than a number after it
        if self.unit(k2, count="any") or self.lex(k2, "month", "hmonth") or self.punct(k2, "-/") \
                or self.lex(k2, "to"):
            return None  # مارس 3 سنوات; يوليو 13-15 is a range
        cal = cal.changed(day=day, weekday=wd)
        yr = self.month_year(k2, cal)
        if yr is not None:
            cal, k2 = yr
        elif self.kinds[k2 - 1] == "num" and not self.toks[k2 - 1].ordinal and (
                self.kinds[k2] == "word" or (self.kinds[k2] == "num" and not self.toks[k2].ndigits)):
            return None  # في مارس 5 آلاف زائر, في يناير 12 حالة, في يناير 2 مليون: a month, then a count
        return _Parse(cal, self.apposed_day(k2), "month_day_year" if cal.has_year else "month_day")

    def r_month(self, i: int) -> _Parse | None:
        """month [year] | month shift | هذا month: ماي 2025, أكتوبر الماضي, في مارس."""
        k = i
        this = False
        if self.lex(k, "this") and self.lex(k + 1, "month", "hmonth"):
            this = True
            k += 1
        mo = self.month(k)
        if mo is None:
            return None
        cal, k, standalone = mo
        yr = self.month_year(k, cal)
        if yr is not None:
            return _Parse(yr[0], yr[1], "month_year")
        if cal.month_shift is not None:
            return _Parse(cal, k, "relative_month")
        if (sh := self.lex(k, "shift")) is not None and cal.month is not None:
            return _Parse(cal.changed(month_after=sh.value), k + 1, "month_shift")
        if this:
            return _Parse(cal.changed(month_after=0) if not cal.hijri else cal.changed(year_shift=0), k,
                          "this_month")
        if standalone or self.whole or self.context_before(i):
            return _Parse(cal, k, "month", confident=standalone)
        return None

    def r_numeric(self, i: int) -> _Parse | None:
        """17/12/2025, 2025-12-17, 3/2025, يوم 22/4 [, 2016]."""
        if self.unit(i, "day", definite=False) and self.kinds[i + 1] == "numdate":
            p = self.r_numeric(i + 1)
            return _Parse(p.node, p.j, p.rule, p.confident) if p is not None else None
        t = self.tok(i)
        if t is None or t.kind != "numdate":
            return None
        y, m, d = t.ymd
        k = i + 1
        if t.loose:
            prev = self.lex(i - 1)
            if prev is not None and prev.kind == "numbering":
                return None
            if not (self.whole or self.context_before(i) or t.text[0] == "0"
                    or (prev is not None and prev.kind == "unit" and prev.unit == "day")
                    or self.month_year(k, _Cal(month=m, day=d)) is not None):
                return None
        hijri = y is not None and _HIJRI_YEARS[0] <= y <= _HIJRI_YEARS[1]  # 15/09/1446هـ, 1446/09/15
        if (era := self.lex(k, "era")) is not None and era.value == int(hijri):
            k += 1
        cal = _Cal(year=y, month=m, day=d, hijri=hijri)
        if y is None:
            yr = self.month_year(k, cal)
            if yr is not None:
                cal, k = yr
            elif t.loose and "-" in t.text and not self.whole and (
                    (self.kinds[k] == "word" and (not self.toks[k].definite or _NUMBER_WORDS[self.toks[k].text]))
                    or self.unit(k, count=None) or (self.kinds[k] == "num" and not self.toks[k].ndigits)):
                # (بين 3-5 آلاف: آلاف folds to الاف, which looks definite)
                return None  # إلى 2-4 درجات, من 1-3 سنوات: a range of counts before their noun
        elif d is None and self.lex(i - 1, "numbering"):
            return None
        return _Parse(cal, k, "numeric")

    def r_year(self, i: int) -> _Parse | None:
        """سنة 2025, عام 1446 هـ, 1446هـ, a bare year after في / منذ / خلال..."""
        j = i - 1
        while j >= 0 and (self.toks[j].kind in ("num", "numdate") or self.punct(j, "./-")
                          or self.toks[j].text.isdigit()):
            j -= 1
        if j < i - 1 and self.lex(j, "numbering"):
            return None  # القانون رقم 101 لسنة 2015: the year is part of the law's number
        y = self.year(i, "marker")
        confident = True
        if y is None:
            y = self.year(i, "bare")
            if y is None:
                return None
            cal, j, hijri = y
            follows = self.year_follows(j) or (self.lex(i - 1, "year_of") and not self.toks[i - 1].definite) or (
                _RECENT_YEARS[0] <= cal.year <= _RECENT_YEARS[1] and self.scale_follows(j))
            if not (self.whole or hijri or (self.year_context(i) and follows)):
                return None  # (after انتخابات, حرب: a year whatever follows; after الحرب, as after في)
            confident = hijri or self.whole
        cal, j, hijri = y
        if cal.year_shift is not None:
            return _Parse(_Rel("year", cal.year_shift, cal.anaphoric), j, "relative_year")
        return _Parse(cal.changed(hijri=hijri), j, "year" if confident else "bare_year", confident)

    def year_context(self, i: int) -> bool:
        """What makes the number at ``i`` a bare year: a preposition of time before it or
        glued to it (في 2024, لعام), عامي before it (عامي 2023 و2024), or a year in such a
        context right before it and و (في 2023 و2024)."""
        for k in range(i, max(i - _LISTED_YEARS, 0) - 1, -1):  # back along the list, a few years at most
            if self.context_before(k, _YEAR_CONTEXT_KINDS):
                return True
            if (s := self.lex(k - 1, "dual_of")) is not None:
                return s.unit == "year"
            p = self.number(k - 1)
            if p is None or p.ndigits != 4 or not self.listed(k) or abs(p.value - self.toks[k].value) > _LIST_SPAN:
                return False  # (في أفق 2030 و1000 مدرسة: 1000 is no year of the list)
        return False

    def listed(self, i: int) -> bool:
        """Whether the number at ``i`` follows a number and و (the second of a list:
        2024 in في 2023 و2024)."""
        return self.kinds[i - 1] == "num" and self.toks[i].conj

    def year_follows(self, j: int) -> bool:
        """What may follow a bare year: nothing, punctuation, a date word, a definite word,
        a function word, a number after و (في 2023 و1800 إصابة), not a counted noun (في
        2000 قرية)."""
        t = self.tok(j)
        if t is None or t.kind in ("punct", "numdate") or (t.kind == "num" and t.conj):
            return True
        if t.kind == "lex":
            return t.sense.kind not in ("unit",) or t.definite
        if t.kind == "word":
            return t.definite
        return False

    def scale_follows(self, j: int) -> bool:
        """Whether a scale word alone follows (خلال 2024 مليون سائح: the scale word counts
        what follows it, and the four digits before it are the year)."""
        t = self.tok(j)
        if t is None or t.conj:
            return False
        if t.kind == "num":
            return t.ndigits == 0 and t.value in _numbers._SCALES
        return t.kind == "word" and _lone_scale(t.text)  # (the scale word as a plain word, far from date words)

    def r_relative(self, i: int) -> _Parse | None:
        """هذا الأسبوع, هذه السنة, الأسبوع الماضي, العام المقبل, اليوم التالي, with a
        weekday in the week: الأسبوع المقبل يوم الأحد, الأسبوع الجاري من الاثنين إلى الأربعاء."""
        if self.same_unit(i):
            return None
        if self.lex(i, "this") and (u := self.unit(i + 1, definite=True)) is not None:
            node, k = _Rel(u.unit, 0), i + 2
        elif (u := self.unit(i, definite=True)) is not None and (sh := self.lex(i + 1, "shift")) is not None:
            node, k = _Rel(u.unit, sh.value, sh.anaphoric), i + 2
        else:
            return None
        rule = "relative"
        if u.unit == "week":
            wk = self.weekday_in_week(k, node)
            if wk is not None:
                return wk
        if u.unit == "day" and node.shift == 0:
            rule = "today"
        return _Parse(node, k, rule)

    def weekday_in_week(self, k: int, week: _Node) -> _Parse | None:
        """After a week: [يوم] weekday, or بين weekday و weekday / من weekday إلى weekday."""
        k2 = k + 1 if self.unit(k, "day", definite=False) else k
        if (s := self.lex(k2, "wday")) is not None:
            return _Parse(_Weekday(s.value, week=week), k2 + 1, "weekday_of_week")
        opener = self.lex(k, "between", "from")
        if opener and (a := self.lex(k + 1, "wday")) is not None:
            k3 = k + 2
            if self.lex(k3, "to"):
                k3 += 1
            elif not (opener.kind == "between" and self.toks[k3].conj if k3 < self.n else False):
                return None
            if (b := self.lex(k3, "wday")) is not None:
                return _Parse(_Range(_Weekday(a.value, week=week), _Weekday(b.value, week=week)), k3 + 1,
                              "weekdays_of_week")
        return None

    def r_today(self, i: int) -> _Parse | None:
        """اليوم (today), unless a named day (اليوم العالمي) or the day of a count (اليوم
        الثالث)."""
        if not self.unit(i, "day", definite=True):
            return None
        if self.lex(i - 1, "in") and self.counted_before(i - 2):
            return None  # ينتج 500 طن في اليوم, 1.7 مليون برميل في اليوم: a rate, per day
        if self.lex(i - 1, "same"):
            return None  # في نفس اليوم: the day named before, not today
        nxt = self.tok(i + 1)
        if nxt is not None:
            if nxt.kind == "num" and (nxt.ordinal or (not nxt.conj and self.lex(i + 2, "from"))) or (
                    nxt.kind == "word" and nxt.text in _ARTICLES and self.number(i + 2) is not None):
                return None  # اليوم الثالث, اليوم 100 من الحرب, اليوم الـ600 للحرب: a day counted from an event
            if self.lex(i + 1, "not_today", "shift", "ordinal", "same"):  # (اليوم نفسه: see same_unit)
                return None
            if nxt.kind == "word" and nxt.text in ("الذي", "التي") and (s := self.lex(i + 2, "deictic")):
                return _Parse(_Rel("day", s.value), i + 3, "deictic")
        return _Parse(_Rel("day", 0), self.apposed_weekday(i + 1), "today")

    def r_deictic(self, i: int) -> _Parse | None:
        """أمس, أول أمس, غدا, بعد غد, يوم أمس."""
        k = i + 1 if self.unit(i, "day", definite=False) else i
        s = self.lex(k, "deictic")
        if s is None:
            return None
        return _Parse(_Rel("day", s.value), self.apposed_weekday(k + 1), "deictic")

    def after_weekday(self, k: int) -> int:
        """Where the day starts after a weekday: past a comma, then في, or الموافق (الموافق
        لـ 15 مارس: one phrase of date_words)."""
        k = self.skip_comma(k)
        if self.lex(k, "in") or (self.lex(k, "equals") and self.toks[k].definite):
            return k + 1
        return k

    def apposed_day(self, k: int) -> int:
        """الأول من رمضان 1446 هـ يوم السبت: a weekday right after a full date names the
        same day."""
        k2 = k + 1 if self.unit(k, "day", definite=False) else k
        if self.lex(k2, "wday") and self.toks[k2].definite and not self.lex(k2 + 1, "shift", "from") \
                and self.ordinal(k2 + 1) is None and self.number(k2 + 1) is None:
            return k2 + 1
        return k

    def apposed_weekday(self, k: int) -> int:
        """أمس الأحد, اليوم الاثنين: a weekday in apposition names the same day."""
        if self.lex(k, "wday") and self.toks[k].definite and not self.lex(k + 1, "shift") \
                and self.ordinal(k + 1) is None and self.number(k + 1) is None:
            return k + 1
        return k

    def duration(self, i: int) -> tuple[dict[str, int], int] | None:
        """A duration: ثلاث سنوات, يومين, شهر, 2 عام و شهر و 21 يوم, بضعة أشهر."""
        parts: dict[str, int] = {}
        k = i
        while True:
            t = self.number(k)
            if t is not None and not t.ordinal and (u := self.unit(k + 1, count="any", definite=False)) is not None:
                n, k2 = t.value, k + 2
            elif (u := self.unit(k, count="any", definite=False)) is not None and u.count is not None:
                n, k2 = u.count, k + 1
            elif ((few := self.lex(k, "few")) is not None and not self.toks[k].definite
                  and (u := self.unit(k + 1, count=None, definite=False)) is not None):
                n, k2 = few.value, k + 2  # بضعة أشهر: a few months
            else:
                break
            if u.unit not in ("day", "week", "month", "year", "decade") or u.unit in parts or not 0 < n <= 1000:
                break
            parts[u.unit] = n
            k = k2
            if not (k < self.n and self.toks[k].conj):
                break
        if not parts:
            return None
        return parts, k

    def r_delta(self, i: int) -> _Parse | None:
        """قبل يومين, منذ ثلاث سنوات, بعد أسبوعين, أسبوعين من الآن."""
        s = self.lex(i, "since", "before", "after")
        k = i + 1 if s is not None else i
        if s is not None and self.lex(k, "approx"):
            k += 1  # قبل نحو عامين, منذ أكثر من 40 عاما: about as long ago
        d = self.duration(k)
        if d is None:
            return None
        parts, k = d
        if parts == {"day": 1} and (self.lex(k, "wday") or (self.number(k) and self.month(k + 1))):
            return None  # منذ يوم الخميس الماضي, منذ يوم 12 مارس: يوم names the day, no duration
        if parts == {"year": 1} and self.number(k) is not None:
            return None  # منذ عام 2015, قبل عام 1948: عام names the year, no duration
        if parts == {"month": 1} and self.lex(k, "month", "hmonth"):
            return None  # منذ شهر أغسطس: شهر names the month, no duration
        sign = -1 if s is not None and s.kind in ("since", "before") else 1
        if self.lex(k, "from_now"):
            k += 1
        elif s is None:
            return None
        elif self.lex(k, "from", "from_event"):
            return None  # بعد ثلاث سنوات من الحرب, على الحرب: counted from another event
        node = _Delta(parts.get("year", 0) + 10 * parts.get("decade", 0), parts.get("month", 0),
                      parts.get("week", 0), parts.get("day", 0), sign)
        return _Parse(node, k, "ago" if sign < 0 else "later")

    def r_span(self, i: int) -> _Parse | None:
        """The last or next n units: الأشهر الثلاثة الماضية, الأسابيع 4 المقبلة, العامين
        الماضيين, السنوات العشر الأخيرة, الأيام القليلة المقبلة (a few: see the lexicon)."""
        u = self.unit(i, count="any", definite=True)
        if u is None or u.count == 1:
            return None
        k = i + 1
        if u.count == 2:
            n = 2
        else:
            t = self.tok(k)
            if t is None:
                return None
            if t.kind == "word" and t.text == ARTICLE and self.number(k + 1) is not None:
                k += 1  # الأيام الـ10 الأخيرة (the tatweel is gone: ال and 10)
                t = self.toks[k]
            if t.kind == "num" and not t.ordinal and isinstance(t.value, int):
                n = t.value
            elif t.kind == "word" and (v := _definite_cardinal(t.text)) is not None:
                n = v
            elif (few := self.lex(k, "few")) is not None and t.definite:
                n = few.value  # الأسابيع القليلة الماضية
            else:
                return None
            k += 1
        sh = self.lex(k, "shift", "ordinal")
        if sh is None or sh.value not in (-1, 1):
            return None
        return _Parse(_Span(u.unit, n, sh.value), k + 1, "span")

    def r_part(self, i: int) -> _Parse | None:
        """أوائل مارس, منتصف شهر 3, أواخر السنة الماضية, بداية الأسبوع الجاري, مطلع 2025."""
        p = self.lex(i, "part")
        if p is None:
            return None
        k = i + 1
        base: tuple[_Node, int] | None = None
        if self.lex(k, "from") and self.month(k + 1) is not None:
            k += 1  # العشر الأواخر من رمضان
        mo = self.month_base(k)
        if mo is not None:
            base = mo
        if base is None:
            wk = self.week_ref(k)
            if wk is not None:
                base = wk
        if base is None and self.same_unit(k):
            return None
        if base is None and (u := self.unit(k, "week", "month", "year", "decade", definite=True)):
            sh = self.lex(k + 1, "shift")
            base = (_Rel(u.unit, sh.value if sh else 0), k + 2 if sh else k + 1)
        if base is None and self.lex(k, "this") and (u := self.unit(k + 1, definite=True)):
            base = (_Rel(u.unit, 0), k + 2)
        if base is None:
            base = self.year_base(k)
        if base is None:
            for rule in (self.r_season, self.r_decade):
                p2 = rule(k)
                if p2 is not None:
                    base = (p2.node, p2.j)
                    break
        if base is None:
            return None
        return _Parse(_Part(base[0], p.part), base[1], "part")

    def r_nth(self, i: int) -> _Parse | None:
        """The n-th unit of a period: الربع الثالث من سنة 2024, النصف الأول من 2025, الأسبوع
        الثاني من مارس, اليوم الأخير من شهر 6, ثاني أسبوع بشهر ماي 2025, الأشهر الثلاثة
        الأولى من 2025."""
        k = i
        count = 1
        u = self.unit(k, "day", "week", "month", "quarter", "half", definite=True)
        if u is not None:
            k += 1
            n = self.ordinal(k)
            if n is None:
                return None
            k += 1
        elif (u := self.unit(k, "month", "day", "week", count=None, definite=True)) is not None:
            t = self.tok(k + 1)
            if t is None:
                return None
            c = t.value if t.kind == "num" and not t.ordinal else _definite_cardinal(t.text) if t.kind == "word" \
                else None
            n = self.ordinal(k + 2)
            if not isinstance(c, int) or n not in (1, -1) or u.unit not in ("month", "day"):
                return None
            count, k = c, k + 3
        else:
            n = self.ordinal(k)
            u = self.unit(k + 1, "day", "week", "month", definite=False)
            if n is None or u is None:
                return None
            k += 2
        base = None
        if self.lex(k, "from", "in"):
            k += 1
        elif not (k < self.n and self.toks[k].clitic == "ب"):
            if u.unit not in ("quarter", "half") and not (count > 1 and n == 1):
                return None
        of = self.lex(k - 1, "from", "in") is not None
        if u.unit in ("day", "week", "half"):
            base = self.month_base(k)
        if base is None:
            base = self.year_base(k)
        if base is None:
            # الربع الثالث, خلال الأشهر الخمسة الأولى: of the current year (not الأشهر الخمسة
            # الأولى من الحرب, and not the last months: a span, see r_span)
            if not of and (self.whole or self.context_before(i)) and (
                    (u.unit in ("quarter", "half") and count == 1) or (u.unit == "month" and count > 1 and n == 1)):
                base = (_Rel("year", 0), k)
            else:
                return None
        node, j = base
        return _Parse(_Nth(u.unit, n, node, count), j, "nth")

    def ordinal(self, i: int) -> int | None:
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "num" and t.ordinal and isinstance(t.value, int) and t.value > 0:
            return t.value
        s = self.lex(i, "ordinal")
        return s.value if s is not None else None

    def r_nth_weekday(self, i: int) -> _Parse | None:
        """ثاني يوم خميس من مارس, الجمعة الأولى من يونيو, آخر أحد من الشهر المقبل,
        الأربعاء الأخير من شهر 9, أول سبت بعد عيد الفطر 1446, الخميس الثاني (of this month)."""
        n = self.ordinal(i)
        if n is not None:
            k = i + 1
            if self.unit(k, "day", definite=False):
                k += 1
            s = self.lex(k, "wday")
            if s is None:
                return None
            wd, k = s.value, k + 1
        else:
            k = i + 1 if self.unit(i, "day", definite=False) else i
            s = self.lex(k, "wday")
            if s is None or not (self.toks[k].definite or k > i):
                return None
            n = self.ordinal(k + 1)
            if n is None:
                return None
            wd, k = s.value, k + 2
        if self.lex(k, "after") and (h := self.r_holiday(k + 1)) is not None and n > 0:
            return _Parse(_NthWeekday(wd, n, h.node, after=True), h.j, "nth_weekday_after")
        if self.lex(k, "from", "in") and (mb := self.month_base(k + 1)) is not None:
            return _Parse(_NthWeekday(wd, n, mb[0]), mb[1], "nth_weekday")
        if 1 <= n <= 5 and self.toks[k - 1].kind == "num":
            return _Parse(_NthWeekday(wd, n, _Cal(month_shift=0)), k, "nth_weekday")
        return None

    def r_weekday(self, i: int) -> _Parse | None:
        """الثلاثاء, يوم الخميس, الأحد الماضي, الاثنين من هذا الأسبوع, سبت الأسبوع الماضي,
        الأربعاء 10, الأحد في 28."""
        k = i
        yom = False
        if self.unit(k, "day", definite=False) and self.lex(k + 1, "wday"):
            yom = True
            k += 1
        s = self.lex(k, "wday")
        if s is None:
            return None
        definite = self.toks[k].definite
        wd, k = s.value, k + 1
        if (sh := self.lex(k, "shift")) is not None and (definite or yom):
            return _Parse(_Weekday(wd, shift=sh.value), k + 1, "weekday_shift")
        wk = None
        if self.lex(k, "from") and (wk := self.week_ref(k + 1)) is not None:
            return _Parse(_Weekday(wd, week=wk[0]), wk[1], "weekday_of_week")
        if (wk := self.week_ref(k)) is not None and not self.lex(k, "this"):
            return _Parse(_Weekday(wd, week=wk[0]), wk[1], "weekday_of_week")
        if not (definite or yom):
            return None
        k2 = k + 1 if self.lex(k, "in") else k
        d = self.day(k2)
        if d is not None and not self.counted(d[1]):
            t = self.number(d[1] - 1)
            if not (t is not None and t.ordinal and t.value <= 5 and k2 == k):
                day, k3 = d
                return _Parse(_WeekdayDay(wd, day), k3, "weekday_day")
        return _Parse(_Weekday(wd), k, "weekday")

    def counted(self, k: int) -> bool:
        """Whether the token at ``k``, right after a number, makes it a count: a scale
        word (3 آلاف) or an indefinite word (30 زائرا). A weekday and such a number are
        the weekday and a count (يوم الجمعة 3 آلاف زائر), not a day of the month."""
        t = self.tok(k)
        return t is not None and t.kind == "word" and t.text[:1].isalpha() and (
            not t.definite or bool(_numbers._analyze(t.text)))  # (آلاف folds to الاف: no article)

    def r_holiday(self, i: int) -> _Parse | None:
        s = self.lex(i, "holiday")
        if s is None:
            return None
        k = i + 1
        y = self.year(k, "after") or self.year(k, "marker")
        if y is not None and y[0].year is not None:
            cal, j, hijri = y
            hijri = hijri or (s.holiday.calendar == "hijri" and cal.year <= 1600)
            return _Parse(_HolidayNode(s.holiday, cal.year, hijri), j, "holiday")
        if (sh := self.lex(k, "shift")) is not None and sh.value in (-1, 1) and not sh.anaphoric:
            return _Parse(_HolidayNode(s.holiday, shift=sh.value), k + 1, "holiday")
        return _Parse(_HolidayNode(s.holiday), k, "holiday")

    def r_decade(self, i: int) -> _Parse | None:
        """السبعينيات, ثمانينيات القرن الماضي, تسعينيات القرن العشرين."""
        s = self.lex(i, "decade")
        if s is None:
            return None
        k = i + 1
        if self.lex(k, "from"):
            k += 1
        if self.lex(k, "century"):
            if (sh := self.lex(k + 1, "shift")) is not None:
                return _Parse(_Decade(s.value, century_shift=sh.value), k + 2, "decade")
            if (n := self.ordinal(k + 1)) is not None and 1 <= n <= 30:
                return _Parse(_Decade(s.value, century=(n - 1) * 100), k + 2, "decade")
        return _Parse(_Decade(s.value), i + 1, "decade")

    def r_century(self, i: int) -> _Parse | None:
        """القرن التاسع عشر (1800-1899), القرن الماضي, القرن الحالي: a century with the
        article and its ordinal or a shift (the years whose hundreds it counts, as
        ثمانينيات القرن التاسع عشر are the 1880s)."""
        if not self.lex(i, "century") or not self.toks[i].definite:
            return None
        if (sh := self.lex(i + 1, "shift")) is not None and not sh.anaphoric:
            return _Parse(_Century(shift=sh.value), i + 2, "century")
        n = self.ordinal(i + 1)
        if n is None and (t := self.number(i + 1)) is not None and 1 <= t.ndigits <= 2:
            n = t.value  # القرن 19
        if n is None or not 1 <= n <= 30:
            return None
        return _Parse(_Century(century=n), i + 2, "century")

    def r_rest(self, i: int) -> _Parse | None:
        """بقية الأسبوع, باقي السنة, بقية هذا الشهر."""
        if not self.lex(i, "rest"):
            return None
        k = i + 1
        if self.lex(k, "this"):
            k += 1
        u = self.unit(k, "week", "month", "year", definite=True)
        if u is None:
            return None
        k += 1
        if (sh := self.lex(k, "shift")) is not None and sh.value == 0:
            k += 1
        return _Parse(_Rest(u.unit), k, "rest")

    def r_weekend(self, i: int) -> _Parse | None:
        if not self.lex(i, "weekend"):
            return None
        k = i + 1
        shift = 0
        if (sh := self.lex(k, "shift")) is not None:
            shift, k = sh.value, k + 1
        elif self.lex(k, "after") and (sh := self.lex(k + 1, "shift")) and sh.value > 0:
            shift, k = sh.value + 1, k + 2
        return _Parse(_Weekend(shift), k, "weekend")

    def r_season(self, i: int) -> _Parse | None:
        """هذا الشتاء, الصيف المقبل, خريف 2023, فصل الشتاء الماضي."""
        k = i
        this = False
        if self.lex(k, "this"):
            this, k = True, k + 1
        marker = False
        if self.lex(k, "season_of"):
            marker, k = True, k + 1
        s = self.lex(k, "season")
        if s is None:
            return None
        k += 1
        if (sh := self.lex(k, "shift")) is not None:
            return _Parse(_Season(s.months, shift=sh.value), k + 1, "season")
        y = self.year(k, "after") or self.year(k, "marker")
        if y is not None and y[0].year is not None:
            year, j = y[0].year, y[1]
            b = self.number(j + 1) if self.punct(j, "-/") else None
            second = None if b is None else b.value if b.ndigits == 4 else (
                year - year % 100 + b.value if b.ndigits == 2 else None)
            if s.months[0] > s.months[-1] and second == year + 1:
                # شتاء 2023-2024, شتاء 2023/24: the winter across the two years
                return _Parse(_Season(s.months, year=second), j + 2, "season")
            return _Parse(_Season(s.months, year=year), j, "season")
        if y is not None and y[0].year_shift is not None and not y[0].anaphoric:
            return _Parse(_Season(s.months, year_shift=y[0].year_shift), y[1], "season")  # صيف العام الماضي
        if this or (marker and (self.whole or self.context_before(i))) or self.lex(i - 1, "part"):
            return _Parse(_Season(s.months), k, "season")
        return None

    def r_season_years(self, i: int) -> _Parse | None:
        """الموسم 2024-2025, موسم 2024/2025, الموسم الفلاحي 2023-2024, العام الدراسي
        2024/2025, السنة المالية 2024-2025; one year after a year and its adjective: العام
        المالي 2024 (a calendar year, as for two)."""
        k = i + 1
        t = self.tok(k)
        adjective = t is not None and t.definite and (t.kind == "word" or self.lex(k, "not_today") is not None)
        if not (self.lex(i, "season_year") or (adjective and self.unit(i, "year", definite=True))):
            return None
        if adjective:
            k += 1
        a = self.number(k)
        if a is None or a.ndigits != 4:
            return None
        if not self.punct(k + 1, "-/"):
            if adjective and _RECENT_YEARS[0] <= a.value <= _RECENT_YEARS[1]:
                return _Parse(_Cal(year=a.value), k + 1, "year")
            return None
        b = self.number(k + 2)
        if b is None or b.ndigits not in (2, 4):
            return None
        y2 = b.value if b.ndigits == 4 else a.value - a.value % 100 + b.value
        if y2 != a.value + 1:
            return None
        return _Parse(_Range(_Cal(year=a.value), _Cal(year=y2)), k + 3, "season_years")

    def r_week_of(self, i: int) -> _Parse | None:
        """أسبوع 8 مارس: the week that contains the day."""
        if not self.unit(i, "week", definite=False):
            return None
        p = self.r_dmy(i + 1)
        if p is None:
            return None
        return _Parse(_WeekOf(p.node), p.j, "week_of")

    def r_ordinal_day(self, i: int) -> _Parse | None:
        """في الحادي والعشرين, للثاني: a definite ordinal up to 31 right after a preposition
        (في, إلى or a glued ل), with no noun before it that it could qualify and none after
        it, is a day of the current (or nearest) month."""
        t = self.tok(i)
        if t is None or not t.ordinal or not isinstance(t.value, int) or not 1 <= t.value <= 31 or t.ndigits:
            return None
        glued = t.text.startswith("ل") and not t.text.startswith("ال")
        if not glued and not (t.text.startswith("ال") and self.lex(i - 1, "in", "to")):
            return None
        nxt = self.tok(i + 1)
        if nxt is not None and nxt.kind not in ("punct", "gap"):
            return None
        return _Parse(_Cal(day=t.value), i + 1, "ordinal_day", confident=False)

    def r_day_only(self, i: int) -> _Parse | None:
        """يوم 21: a day of the current (or nearest) month."""
        if not self.unit(i, "day", definite=False):
            return None
        t = self.number(i + 1)
        if t is None or t.ndigits > 2 or not 1 <= t.value <= 31:
            return None
        nxt = self.tok(i + 2)
        if nxt is not None and nxt.kind in ("num", "word") and not nxt.definite:
            return None
        return _Parse(_Cal(day=t.value), i + 2, "day_of_month")

    # -- ranges
    def r_range(self, i: int) -> _Parse | None:
        """من 17 إلى 21 ماي 2025, 17-21 ماي, بين 10 و12 يناير, من 28 أبريل إلى 3 ماي 2025,
        ما بين 2020 و2024, 2016-2019, من سنة 2010 حتى سنة 2012."""
        k = i
        opener = self.lex(k, "from", "between", "since")
        if opener is not None:
            k += 1
            if opener.kind == "between" and self.lex(k, "dual_of"):
                k += 1  # بين عامي 2020 و2023, بين يومي 3 و5 ماي: the dual names the unit of both sides
            if self.kinds[k] in _PLAIN_KINDS:
                return None  # من المؤسسات: no side of a range starts with a plain word (nor a month after من)
        if not self.joiner_ahead(k):
            return None
        if opener is None and self.kinds[k] == "num" and self.toks[k].ndigits != 4 and not any(
                self.kinds[x] in ("month", "hmonth", "from", "in", "unit", "wday")
                for x in range(k + 1, min(k + 6, self.n))):
            return None  # 17-21 needs its month (17-21 ماي); two years need no more (2020-2024)
        best: _Parse | None = None
        for first, jx, kind in self.range_sides(k, opener is not None, first=True):
            jy = jx
            if self.lex(jy, "to") or self.punct(jy, "-–/"):
                if self.punct(jy, "/") and kind != "year":
                    continue
                jy += 1
            elif opener is not None and opener.kind == "between" and jy < self.n and self.toks[jy].conj:
                pass
            else:
                continue
            if opener is None and kind == "year" and not self.punct(jx, "-"):
                continue
            for last, j, kind2 in self.range_sides(jy, True, first=False):
                node = _merge(first, kind, last, kind2)
                if node is not None and (best is None or j > best.j):
                    best = _Parse(node, j, "range")
        for p in (self.month_days(i), self.day_list(i)):
            if p is not None and (best is None or p.j > best.j):
                best = p
        return best

    def day_list(self, i: int) -> _Parse | None:
        """Consecutive days joined by و before their month, one range: يومي 3 و4 ماي,
        أيام 12 و13 و14 أكتوبر 2025 (days that are not consecutive are not a range)."""
        dual = self.lex(i, "dual_of")
        k = i + 1 if (dual is not None and dual.unit == "day") or self.unit(i, "day", count=None, definite=False) \
            else i
        days: list[int] = []
        while (t := self.number(k)) is not None and 1 <= t.value <= 31 and not t.ordinal and t.ndigits <= 2 \
                and t.conj == bool(days) and (not days or t.value == days[-1] + 1):
            days.append(t.value)
            k += 1
        if len(days) < 2 or (self.number(k) is not None and self.toks[k].conj):
            return None  # (a list that goes on with other numbers: 3 و4 و9 ماي is no range)
        last = self.r_dmy(k - 1)
        if last is None or not isinstance(last.node, _Cal) or last.node.weekday is not None:
            return None
        return _Parse(_Range(last.node.changed(day=days[0]), last.node), last.j, "range")

    def joiner_ahead(self, k: int) -> bool:
        """Whether a range joiner (a token after و, a dash or slash, إلى) is among the 8
        tokens after k; the end of the window counts as one."""
        n = self.n
        stop = k + 9
        toks, kinds = self.toks, self.kinds
        for x in range(k + 1, min(stop, n)):
            t = toks[x]
            if t.conj or kinds[x] == "to" or t.text in _JOIN_MARKS:
                return True
        return n < stop

    def range_sides(self, k: int, opened: bool, first: bool) -> list[tuple[_Node, int, str]]:
        out: list[tuple[_Node, int, str]] = []
        for p in self.parses(k):
            if p.rule in ("bare_year",) and not opened:
                continue
            kind = "cal" if isinstance(p.node, _Cal) and p.node.month is not None else "other"
            if isinstance(p.node, _Cal) and p.node.month is None and p.node.year is not None:
                kind = "year"
            if isinstance(p.node, _WeekdayDay):
                out += _weekday_day_sides(p.node, p.j)
                continue
            out.append((p.node, p.j, kind))
        d = self.day(k)
        if d is not None:
            t = self.number(k + (1 if self.unit(k, "day", definite=False) else 0))
            out.append((_Cal(day=d[0]), d[1], "day"))
            if not first and t is not None:
                # 27-29 من الشهر الثامن, 4 إلى 23 في الشهر المقبل
                kk = d[1]
                if self.lex(kk, "from", "in") and (mo := self.month(kk + 1)) is not None:
                    out.append((mo[0].changed(day=d[0]), mo[1], "cal"))
        if (s := self.lex(k, "wday")) is not None and self.toks[k].definite:
            d2 = self.day(k + 1)
            if d2 is not None:
                out += _weekday_day_sides(_WeekdayDay(s.value, d2[0]), d2[1])
        y = self.year(k, "bare")
        if y is not None and y[0].year is not None and (opened or not first or self.punct(y[1], "-")):
            out.append((_Cal(year=y[0].year), y[1], "year"))
        elif not first:
            t = self.number(k)
            if t is not None and t.ndigits == 2 and self.punct(k - 1, "-/"):
                out.append((_Cal(year=t.value), k + 1, "year2"))  # 2024-25
        mo = self.month(k)
        if mo is not None and (opened or mo[2]):
            out.append((mo[0], mo[1], "cal"))
        return out

    def month_days(self, i: int) -> _Parse | None:
        """A month, then the days: شهر مارس بين 4 و 9, أبريل بين الثاني والسادس, غشت
        20-25, آب 20 إلى 25."""
        mo = self.month(i)
        if mo is None or mo[0].month is None:
            return None
        cal, k, _ = mo
        opener = self.lex(k, "between", "from")
        if opener is not None:
            k += 1
        a = self.day(k)
        if a is None:
            return None
        k = a[1]
        if self.lex(k, "to") or self.punct(k, "-"):
            k += 1
        elif not (opener is not None and opener.kind == "between" and k < self.n and self.toks[k].conj):
            return None
        b = self.day(k)
        if b is None:
            return None
        first, last, j = cal.changed(day=a[0]), cal.changed(day=b[0]), b[1]
        yr = self.month_year(j, last)
        if yr is not None:
            last, j = yr
            first = first.changed(year=last.year, year_shift=last.year_shift, greg_year=last.greg_year)
        return _Parse(_Range(first, last), j, "range")


def _weekday_day_sides(node: _WeekdayDay, j: int) -> list[tuple[_Node, int, str]]:
    """A weekday and a day as a side of a range: first a day of the other side's month
    (من الاثنين 3 إلى الجمعة 7 نوفمبر), then, when no side names a month, the nearest
    such day."""
    return [(_Cal(day=node.day, weekday=node.weekday), j, "day"), (node, j, "other")]


def _merge(first: _Node, kind: str, last: _Node, kind2: str) -> _Node | None:
    """The range of two sides; a partial first side takes what it lacks from the last."""
    if kind == "year":
        if kind2 == "year2":
            y2 = first.year - first.year % 100 + last.year
            if y2 <= first.year:
                return None
            return _Range(first, _Cal(year=y2))
        if kind2 != "year" or last.year <= first.year or last.year - first.year > 200:
            return None
        return _Range(first, last)
    if kind2 in ("year", "year2"):
        return None
    if kind == "day":
        if not isinstance(last, _Cal) or not last.has_month or last.day is None:
            return None
        merged = last.changed(day=first.day, weekday=first.weekday)  # (a "day" side is a _Cal)
        return _Range(merged, last)
    if kind == "cal" and isinstance(first, _Cal):
        if kind2 == "day":
            if first.day is None:
                return None
            return _Range(first, first.changed(day=last.day, weekday=last.weekday))
        if isinstance(last, _Cal):
            if (first.day is None) != (last.day is None) and last.month is not None:
                return None
            borrowed = not first.has_year and last.has_year and first.hijri == last.hijri
            if borrowed:
                first = first.changed(year=last.year, year_shift=last.year_shift, greg_year=last.greg_year,
                                month_after=None)
            return _Range(first, last, borrowed)
    if kind2 == "day":
        return None
    return _Range(first, last)


def _definite_cardinal(word: str) -> int | None:
    """الثلاثة -> 3: a cardinal word with the article, which the number grammar leaves
    alone (it reads definite cardinals only inside ordinals)."""
    a = _numbers._analyze(word)
    if a is None:
        return None
    for s in a[1]:
        if s.role in ("unit", "ten", "teen", "tens") and s.count == 1 and not s.homograph:
            return int(s.value)
    return None


# ---- candidates --------------------------------------------------------------------------------------

@dataclass(slots=True)
class DateCandidate:
    """A date found in normalized text, before offsets are mapped back.

    ``start``/``end`` are match-form offsets of the date expression (a range includes its
    opening من / بين; a preposition before the date is not included but named in
    ``prep``, with its offset in ``prep_start``: ``خلال``, ``برسم``, ``في``, ``منذ``...).
    ``start_date``/``end_date`` are the dates it means, ``end_date`` inclusive, with their
    ``granularity``. ``relative`` is true when the dates were computed from the reference
    date, which is ``reference``: ``"given"`` or ``"today"``. ``numbers`` are the
    match-form spans of the numbers the date consumed (a number inside a date is not also
    a count). ``confident`` is false for readings that rest on a preposition alone (a bare
    year after في, a month name that is also a word); ``rule`` names the grammar rule.
    """

    start: int
    end: int
    start_date: dt.date
    end_date: dt.date
    granularity: str
    calendar: str = "gregorian"
    hijri: tuple[int, int | None, int | None] | None = None
    relative: bool = False
    reference: str | None = None
    rule: str = ""
    numbers: list[tuple[int, int]] = field(default_factory=list)
    prep: str | None = None
    prep_start: int | None = None
    confident: bool = True

    @property
    def value(self):
        """The :class:`~arabic_stats.DateValue` of this candidate."""
        return self._value(validate=True)

    def _value(self, validate: bool):
        if validate:
            hijri = None
            if self.hijri is not None:
                hijri = HijriDate(year=self.hijri[0], month=self.hijri[1], day=self.hijri[2])
            return DateValue(start=self.start_date, end=self.end_date, granularity=self.granularity,
                             calendar=self.calendar, hijri=hijri, relative=self.relative,
                             reference=self.reference if self.relative else None)
        hijri = None
        if self.hijri is not None:
            hijri = _construct(HijriDate, {"year": self.hijri[0], "month": self.hijri[1], "day": self.hijri[2]})
        return _construct(DateValue, {
            "start": self.start_date, "end": self.end_date, "granularity": self.granularity,
            "calendar": self.calendar, "hijri": hijri, "relative": self.relative,
            "reference": self.reference if self.relative else None})


_WINDOW_BEFORE = 64
_WINDOW_AFTER = 64
#: What may stand glued before a date word: a conjunction, a preposition, the article.
_ANCHOR_PREFIXES = frozenset(CLITIC_PREFIXES)
_ERA_AFTER = re.compile(r"\s*[هم](?![^\W\d_])")
#: A dash between spaces and a second year after four digits: 2020 - 2023.
_YEAR_PAIR_AFTER = re.compile(r"\s+[-–]\s+\d{4}(?!\d)")
#: A whole run of digits (str.isdecimal) of four digits or before a date separator; the
#: other runs never anchor a window (checked again in _windows).
_DIGIT_ANCHOR = re.compile(r"\d(?<!\d\d)(?:\d{3}(?!\d)|\d*(?=[/.-]))")  # (a first digit: fast scan)


def _ordinal_days(text: str, words: WordIndex, lex: _Lexicon) -> list[tuple[int, int]]:
    """The spans of ordinal days after a preposition (في الحادي والعشرين, للثاني) in
    ``text``, as ``lex.ordinal_day_re.finditer`` gives them. Every match starts at a word
    that is a preposition of ``lex.ordinal_day_openers`` or starts with لل (ولل, فلل): the
    pattern is tried at those words only."""
    # (the prepositions by a set lookup of every word, in C; the words that start with
    # لل by a search of the text for their clitics, rare in text)
    hits = set(words.indices_of(lex.ordinal_day_openers))
    hits.update(words.starting_with(text, lex.ordinal_day_glued))
    return [m.span() for m in words.matches_at(lex.ordinal_day_re, text, sorted(hits))]


def _anchors(words: WordIndex, lex: _Lexicon) -> list[tuple[int, int]]:
    """The spans of the anchor date words of the text that stand alone or after clitics
    (وفي الشهر, والشهر, بشهر). In a word made of clitics and an anchor word, the anchor
    is its longest ending that is an anchor word (the first a scan of the text would
    meet), kept when what precedes it in the word is a clitic prefix."""
    texts, starts, ends = words
    at = lex.anchor_forms  # (where the anchor starts in each form, found once)
    return [(starts[i] + at[texts[i]], ends[i]) for i in words.indices_of(at)]


def _windows(text: str, words: WordIndex, lex: _Lexicon, extra: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of ``text`` around anchors, merged when they overlap, cut at spaces.
    Anchors are date words (with at most their clitics before them), four-digit numbers,
    numbers followed by a date separator (17/12/2025), and the ordinal days ``extra``."""
    out: list[tuple[int, int]] = []
    n = len(text)
    # the runs of digits that may be a date: four digits, or digits before a separator
    anchors = [(*m.span(), True) for m in _DIGIT_ANCHOR.finditer(text)]
    anchors += [(s, e, False) for s, e in _anchors(words, lex)]
    anchors += [(s, e, False) for s, e in extra]
    anchors.sort()  # (in text order: each window is merged into the one before it)
    for s, e, digits in anchors:
        if digits:
            if not (e + 1 < n and text[e] in "/-." and text[e + 1].isdigit()):
                if e - s != 4:
                    continue
                prev = text[max(0, s - 12):s].split()
                # (the word before, or the letters glued to the digits: مقارنة بـ2023)
                word = prev[-1] if prev and (text[s - 1:s].isspace() or text[s - 1:s].isalpha()) else ""
                if not (word and (word in lex.year_context
                                  or any(stem in lex.year_context for _, stem in lex.forms.get(word, ())))) \
                        and not _ERA_AFTER.match(text, e) and not _YEAR_PAIR_AFTER.match(text, e):
                    continue  # 1916 مؤسسة: a count, unless a preposition, an era or a second year makes it a year
        lo = max(0, s - _WINDOW_BEFORE)
        hi = min(n, e + _WINDOW_AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    snapped = []
    for lo, hi in out:
        if lo > 0:
            sp = text.rfind(" ", 0, lo)
            lo = sp + 1 if sp >= 0 else 0
        if hi < n:
            sp = text.find(" ", hi)
            hi = sp if sp >= 0 else n
        if snapped and lo <= snapped[-1][1]:
            snapped[-1] = (snapped[-1][0], max(snapped[-1][1], hi))
        else:
            snapped.append((lo, hi))
    return snapped


def _policy(yearless: str) -> str:
    if yearless not in YEARLESS_POLICIES:
        raise ValueError(f"yearless must be one of {YEARLESS_POLICIES}, got {yearless!r}")
    return yearless


def date_candidates(nt: NormalizedText, reference_date: dt.date | None = None, *, yearless: str = "news",
                    whole: bool = False, names: list[tuple[int, int]] | None = None) -> list[DateCandidate]:
    """Every date in a normalized text, in text order (match-form offsets).

    ``reference_date`` is the article's date: relative expressions (الأسبوع الماضي, هذه
    السنة, قبل يومين) and dates without a year resolve against it; without one, today's
    date is used and the candidates say so (``reference == "today"``). ``yearless`` is the
    policy for a date without a year and a bare weekday (``news``, ``past``, ``future``,
    ``nearest``; see :func:`find_dates`). ``whole``: the caller says the text
    is one date expression, so a month name that is also a word (مارس) or a bare year
    needs no context. A date that completes a name (ملعب 5 جويلية, مدينة 6 أكتوبر) is no
    date: its span is appended to ``names`` when a list is given (its numbers are no
    counts either).
    """
    if reference_date is None:
        ctx = _Ctx(dt.date.today(), "today", _policy(yearless))
    else:
        if isinstance(reference_date, dt.datetime):
            reference_date = reference_date.date()
        ctx = _Ctx(reference_date, "given", _policy(yearless))
    lex = _lexicon()
    text = nt.match
    out: list[DateCandidate] = []
    if whole:
        return _read_window(_tokenize(text, 0, len(text), lex, ctx.ref.year), ctx, whole, names)
    words = match_words(nt)
    bmp = match_within_bmp(nt)
    ordinal_days = _ordinal_days(text, words, lex)
    ends = [e for _, e in ordinal_days]
    for lo, hi in _windows(text, words, lex, ordinal_days):
        # Only a window that an ordinal day of the whole text meets can hold one (a match
        # in the window starts where the whole text has one, or inside one that began
        # earlier): the others are not searched again.
        k = bisect.bisect_right(ends, lo)
        ordinals = k < len(ends) and ordinal_days[k][0] < hi
        toks = _tokenize(text, lo, hi, lex, ctx.ref.year, ordinals, bmp)
        out.extend(_read_window(toks, ctx, whole, names))
    return out


#: Of the rules a date word of kind "unit" may start, those it can start, by what the
#: rule asks of the unit first: (unit, count, definite) -> whether the rule can match.
#: A rule left out would return None at its first test (the parses are the same).
_UNIT_GUARDS: dict[str, Callable[[str | None, int | None, bool], bool]] = {
    "r_dmy": lambda u, c, d: u == "day" and c == 1 and not d,  # يوم 17 ماي, يوم الخميس 17
    "r_month": lambda u, c, d: u == "month" and c == 1,  # شهر ماي, الشهر المقبل
    "r_year": lambda u, c, d: u == "year" and c == 1,  # سنة 2025, العام الماضي
    "r_numeric": lambda u, c, d: u == "day" and c == 1 and not d,  # يوم 22/4
    "r_relative": lambda u, c, d: c == 1 and d,  # الأسبوع الماضي
    "r_today": lambda u, c, d: u == "day" and c == 1 and d,  # اليوم
    "r_deictic": lambda u, c, d: u == "day" and c == 1 and not d,  # يوم أمس
    "r_delta": lambda u, c, d: c is not None and not d,  # يومين من الآن
    "r_span": lambda u, c, d: c != 1 and d,  # الأشهر الثلاثة الماضية
    "r_nth": lambda u, c, d: d and ((c == 1 and u in ("day", "week", "month", "quarter", "half"))
                                    or (c is None and u in ("month", "day", "week"))),  # الربع الثالث من
    "r_nth_weekday": lambda u, c, d: u == "day" and c == 1 and not d,  # يوم الخميس الثاني من
    "r_weekday": lambda u, c, d: u == "day" and c == 1 and not d,  # يوم الخميس
    "r_week_of": lambda u, c, d: u == "week" and c == 1 and not d,  # أسبوع 8 مارس
    "r_day_only": lambda u, c, d: u == "day" and c == 1 and not d,  # يوم 21
    "r_season_years": lambda u, c, d: u == "year" and c == 1 and d,  # العام الدراسي 2024/2025
}
assert set(_UNIT_GUARDS) == set(_Parser.RULES["unit"])


@cache
def _unit_rules(unit: str | None, count: int | None, definite: bool) -> tuple[str, ...]:
    return tuple(r for r in _Parser.RULES["unit"] if _UNIT_GUARDS[r](unit, count, definite))


#: The kinds of the token after a day that a month may follow: a month opens with its
#: name, شهر, هذا (هذا الشهر), or comes after من / في (17 من شهر ماي).
_MONTH_OPENERS = frozenset({"month", "hmonth", "unit", "this", "from", "in"})
#: (r_dmy possible, r_year possible, r_delta possible) -> the rules a cardinal tries, in
#: the order of _Parser.RULES (see _Parser.cardinal_rules).
_CARDINAL_RULES = {(dmy, year, delta): tuple(r for r, ok in (("r_dmy", dmy), ("r_year", year), ("r_delta", delta))
                                             if ok)
                   for dmy in (False, True) for year in (False, True) for delta in (False, True)}
assert [r for r in _Parser.RULES["num"] if r in ("r_dmy", "r_year", "r_delta")] == ["r_dmy", "r_year", "r_delta"]

#: The years a scale word may follow (في 2024 مليون سائح); before them a scale word makes
#: a number (في 1500 مليون دولار).
_RECENT_YEARS = (1900, 2100)
@cache
def _counted_thousand(word: str) -> bool:
    """Whether ``word`` is ألف or ألفا (one thousand, or the dual before its noun), words
    of a count rather than of a year (the year 2000 is ألفين)."""
    found = _numbers._analyze(word)
    return found is not None and not found[0] and any(
        s.role == "scale" and s.value == 1000 and (s.count == 1 or s.construct) for s in found[1])


@cache
def _lone_scale(word: str) -> bool:
    """Whether ``word`` is a scale word that makes a number alone (مليون, مليار, ألف)."""
    found = _numbers._analyze(word)
    return found is not None and not found[0] and any(
        s.role == "scale" and s.count == 1 and s.value in _numbers._SCALES for s in found[1])


#: The longest list of bare years read back to its preposition (في 2020 و2021 و2022), and
#: how far apart two years of a list may be.
_LISTED_YEARS = 12
_LIST_SPAN = 100
#: Tokens a date may start with: those with rules, and the openers of ranges.
_STARTERS = frozenset(_Parser.RULES) | {"from", "between", "dual_of"}
#: A date that starts with a number has one of these right after it, or one of
#: _BEFORE_NUMBER right before it (a preposition before a bare year).
_AFTER_NUMBER = frozenset({"", "month", "hmonth", "unit", "from", "in", "era", "punct", "wday", "num", "numdate", "to",
                           "from_now", "ordinal", "day_one", "shift"})
_BEFORE_NUMBER = _YEAR_CONTEXT_KINDS | {"from", "between", "unit", "wday", "month", "hmonth", "this"}


#: Date words before a date that are named as its preposition.
_PREP_KINDS = _CONTEXT_KINDS | {"approx"}


def _longest_first(p: _Parse) -> int:
    return -p.j


#: An event named by its day within this many days before the article's date is news, not
#: history: أسفر هجوم 10 يونيو عن مقتل 40 شخصا (in an article of 15 June) names a date.
_RECENT_EVENT_DAYS = 60


def _recent_event(val: _Val, ctx: _Ctx) -> bool:
    return ctx.reference == "given" and 0 <= (ctx.ref - val.start).days <= _RECENT_EVENT_DAYS


def _shared_year(parser: _Parser, p: _Parse, ctx: _Ctx) -> tuple[_Parse, _Val] | None:
    """A month (or day and month) without a year, then و and a date of the same calendar
    that has one, shares its year: يناير وفبراير 2023, مارس وأبريل من العام الماضي, 3
    يناير و5 فبراير 2024; or its shift: يونيو ويوليو الماضيين. The parse with that year
    and its value, or None."""
    node = p.node
    if not (isinstance(node, _Cal) and node.month is not None and not node.has_year and node.month_after is None):
        return None
    j = p.j
    for _ in range(_LISTED_YEARS):  # along the list to a date with a year (أكتوبر ونوفمبر وديسمبر 2024)
        t = parser.tok(j)
        if t is None or not t.conj:
            return None
        after = max(parser.parses(j), key=lambda q: q.j, default=None)
        if after is None:
            return None
        other = after.node
        if not (isinstance(other, _Cal) and other.month is not None and other.hijri == node.hijri):
            return None
        if other.has_year or other.month_after is not None:
            break
        j = after.j
    else:
        return None  # (a list too long to follow)
    shared = node.changed(year=other.year, year_shift=other.year_shift, anaphoric=other.anaphoric,
                          greg_year=other.greg_year, month_after=other.month_after)
    try:
        val = shared.resolve(ctx)
    except (ValueError, OverflowError):
        return None
    return (_Parse(shared, p.j, p.rule, p.confident), val) if val is not None else None


def _read_window(toks: list[_Tok], ctx: _Ctx, whole: bool, names: list[tuple[int, int]] | None = None
                 ) -> list[DateCandidate]:
    parser = _Parser(toks, whole)
    out: list[DateCandidate] = []
    kinds = parser.kinds
    nxt = 0  # the first token after the last date read
    # only the tokens a date may start with need a look (found in C)
    for i in compress(range(len(toks)), map(_STARTERS.__contains__, kinds)):
        if i < nxt:
            continue
        kind = kinds[i]
        if kind == "num" and kinds[i - 1] not in _BEFORE_NUMBER and (
                kinds[i + 1] not in _AFTER_NUMBER or (kinds[i + 1] == "punct" and toks[i + 1].text not in "-–/")) \
                and not parser.listed(i):
            continue  # a number between two ordinary words is a count (not the second of a list: في 2023 و2024)
        cands = parser.parses(i)
        r = parser.r_range(i)
        if r is not None:
            cands.append(r)
        best = val = None
        if len(cands) > 1:
            cands = sorted(cands, key=_longest_first)
        for p in cands:  # the longest parse that means a date
            try:
                val = p.node.resolve(ctx)
            except (ValueError, OverflowError):  # outside the calendar (year 0, year 10000)
                val = None
            if val is not None:
                best = p
                break
        if best is None:
            continue
        if (shared := _shared_year(parser, best, ctx)) is not None:
            best, val = shared
        if val.relative and val.start > ctx.ref and ctx.yearless == "news" and parser.lex(i - 1, "since"):
            # منذ مطلع يوليو, منذ شهر أغسطس: a start in the past, whatever the policy puts ahead
            val = best.node.resolve(replace(ctx, yearless="past")) or val
        while best.j > i + 1 and toks[best.j - 1].kind == "punct":
            best = _Parse(best.node, best.j - 1, best.rule, best.confident)
        first, last = toks[i], toks[best.j - 1]
        before = parser.tok(i - 1)
        if before is not None and before.kind == "lex" and not before.definite and (
                before.sense.kind == "name_head" or (before.sense.historic and isinstance(best.node, _Cal)
                                                     and not best.node.has_year and best.node.month_after is None
                                                     and not _recent_event(val, ctx))):
            if names is not None:  # ملعب 5 جويلية, ثورة 25 يناير: a name, not a date
                names.append((first.start, last.end))
            nxt = best.j
            continue
        nums = [(x.start, x.end) for x in toks[i:best.j] if x.kind in ("num", "numdate")]
        prep = prep_start = None
        if before is not None and before.kind == "lex" and before.sense.kind in _PREP_KINDS:
            prep, prep_start = before.text, before.start
        elif first.clitic:
            prep, prep_start = first.clitic, first.start - 1
        out.append(DateCandidate(
            first.start, last.end, val.start, val.end, val.gran, val.calendar, val.hijri, val.relative,
            ctx.reference if val.relative else None, best.rule, nums, prep, prep_start, best.confident))
        ctx.named = (val.end, val.relative)
        nxt = best.j
    return out


# ---- public API ------------------------------------------------------------------------------------------

def _to_mention(nt: NormalizedText, c: DateCandidate):
    s, e = nt.span(c.start, c.end)
    # the candidate's fields are already checked (dates in order, known names): no
    # second validation for every mention
    return _construct(DateMention, {
        "text": nt.original[s:e], "start": s, "end": e, "start_date": c.start_date, "end_date": c.end_date,
        "granularity": c.granularity, "calendar": c.calendar, "value": c._value(validate=False), "rule": c.rule})


def find_dates(text: str, reference_date: dt.date | None = None, *, yearless: str = "news") -> list:
    """Every date in running text, as :class:`~arabic_stats.DateMention` objects.

    ``reference_date`` is the article's date. Relative expressions (أمس, الأسبوع الماضي,
    هذه السنة, منذ ثلاث سنوات) and dates without a year resolve against it; without one,
    today's date is used and each such value says so (``value.relative`` and
    ``value.reference == "today"``).

    ``yearless`` places a date without a year (17 ماي, رمضان, عيد الأضحى) in time:

    * ``"news"`` (default): the occurrence in the year of the reference date, unless it
      would start more than nine months after the reference date, then the previous
      year's (an article of January that names 28 December). Never the next year: an
      article reports past events and announces events of its own year;
    * ``"past"``: the latest occurrence on or before the reference date;
    * ``"future"``: the next occurrence (Duckling's reading);
    * ``"nearest"``: the occurrence closest to the reference date.

    A weekday named with the day (الخميس 15 أغسطس) picks the year where it holds. A
    weekday alone (الثلاثاء) is the latest one on or before the reference date, or the
    next one after it with ``"future"``.

    >>> [(m.text, str(m.start_date), str(m.end_date)) for m in find_dates("من 17 إلى 21 ماي 2025")]
    [('من 17 إلى 21 ماي 2025', '2025-05-17', '2025-05-21')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates expects str, got {type(text).__name__}")
    with paused_gc():
        nt = normalize_with_map(text)
        return [_to_mention(nt, c) for c in date_candidates(nt, reference_date, yearless=yearless)]


_EDGE = " \t\r\n.,،؛;:!?؟\"'()[]"


def parse_date(text: str, reference_date: dt.date | None = None, *, yearless: str = "news"):
    """The :class:`~arabic_stats.DateValue` of ``text`` when the whole string is one date
    expression (a preposition such as في or قرابة may lead it), else None.

    >>> v = parse_date("الربع الثالث من سنة 2024")
    >>> (str(v.start), str(v.end), v.granularity)
    ('2024-07-01', '2024-09-30', 'quarter')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_date expects str, got {type(text).__name__}")
    nt = normalize_with_map(text)
    body = nt.match.strip(_EDGE)
    if not body:
        return None
    lo = nt.match.index(body)
    hi = lo + len(body)
    cands = date_candidates(nt, reference_date, yearless=yearless, whole=True)
    if len(cands) != 1:
        return None
    c = cands[0]
    start = c.prep_start if c.prep_start is not None and c.prep_start < c.start else c.start
    if start > lo:
        lead = nt.match[lo:start].split()
        lex = _lexicon()
        if not all((s := lex.senses.get(w)) is not None and s.kind in ("in", "approx") for w in lead):
            return None
    if c.end < hi:
        return None
    return c.value

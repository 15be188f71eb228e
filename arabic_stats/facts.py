"""Stage 4: facts. Who counted what, how many, where and when.

For every count in a text (cardinal numbers that are not part of a date, an ordinal, a
percent or an identifier such as ``المادة 12``), :func:`attach_facts` reads:

* the **metric**: the counted noun right after the number (tamyiz: ``1916 مؤسسة
  تعليمية``), or a metric named after a count noun earlier in the clause (``بلغت أعداد
  المتابعين 472,285``), or, in a list with an elided noun, the metric of the previous
  count in the sentence (``512 ألف و523 منخرط ...، و502 ألف و280 في حساب فايسبوك``).
  A generic noun is refined by cue words in its clause or by a specific metric named
  earlier in the paragraph (``المحتويات العنيفة ... 260 محتوى`` = violent_contents);
* a **unit** when the noun is a currency or a measure (``5 ملايين درهم`` = amount);
* the **platform** named in the count's clause, or in a clause before it in the same
  sentence that holds no other count (``على منصة "فيسبوك"، فقد بلغت ...``);
* the **year**: a date in the count's clause (unless a comparison word separates them),
  then the latest framing date before it (``خلال سنة 2025``, ``هذه السنة``), else none;
* the **subject**: the nearest organisation name before the count in its sentence;
* the **role**: a total (``ما مجموعه``, ``الإجمالي``, a breakdown marker after it) and its
  parts, with a :class:`~arabic_stats.models.Check` that says whether they add up.

All words come from ``lexicons/``: metrics, platforms, units, fact_words, organizations.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import ClassVar, Literal, Protocol

from .lexicon import Entry, load_lexicon
from .normalize import NormalizedText, fold
from .numbers import NumberCandidate
from .scan import CLITIC_PREFIX, NOT_LETTER_AFTER, NOT_LETTER_BEFORE, clitic_analyses, phrase_pattern, trie_pattern

__all__ = ["FactCandidate", "attach_facts"]


# ---- lexicon models -------------------------------------------------------------------------

class MetricWords(Entry):
    forms: list[str]
    refines: list[str] = []
    cues: list[str] = []


class PlatformWords(Entry):
    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("forms", "framed_forms")
    forms: list[str]
    framed_forms: list[str] = []


class UnitWords(Entry):
    kind: Literal["currency", "mass", "volume", "area", "pills", "length", "temperature"]
    label: str
    forms: list[str]


class WordList(Entry):
    forms: list[str]


# ---- words and phrases ------------------------------------------------------------------------

_SUFFIXES = ("هما", "ها", "هم", "هن", "كم", "نا", "ه", "ا")


@lru_cache(maxsize=1 << 16)
def _keys(word: str) -> frozenset[str]:
    """The lexicon keys a word of the match form may stand for: itself, without its
    proclitics, without the accusative alef or a pronoun suffix, and the full form of a
    construct plural (متابعي -> متابعين)."""
    out: list[str] = []
    for _, stem in clitic_analyses(word):
        out.append(stem)
        for suf in _SUFFIXES:
            if stem.endswith(suf) and len(stem) - len(suf) >= 2:
                out.append(stem[: -len(suf)])
    out += [k + "ن" for k in out if k.endswith("ي")]
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def keys(self) -> frozenset[str]:
        return _keys(self.text)


class _Phrases:
    """Surfaces of one or more words, indexed by their first word, longest first."""

    def __init__(self, items: dict[str, str]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for surface, key in items.items():
            words = tuple(surface.split())
            self.by_first.setdefault(words[0], []).append((words, key))
        for lst in self.by_first.values():
            lst.sort(key=lambda wk: -len(wk[0]))

    def match(self, words: Sequence[_Word], i: int) -> tuple[str, int] | None:
        """(key, number of words) of the longest surface starting at ``words[i]``."""
        if i >= len(words):
            return None
        best: tuple[str, int] | None = None
        for k in words[i].keys:
            for phrase, key in self.by_first.get(k, ()):
                n = len(phrase)
                if best is not None and n <= best[1]:
                    continue
                if i + n <= len(words) and all(phrase[j] in words[i + j].keys for j in range(1, n)):
                    best = (key, n)
        return best


def _squash(s: str) -> str:
    return " ".join(s.split())


def _folded(entries: dict[str, WordList], key: str) -> list[str]:
    return [_squash(fold(f)) for f in entries[key].forms]


@dataclass(frozen=True)
class _Lexicons:
    metrics: _Phrases
    metric_entries: dict[str, MetricWords]
    cues: dict[str, frozenset[str]]  # metric -> folded cue words
    refinable: dict[str, list[str]]  # generic metric -> metrics that refine it
    metric_phrases_multi: dict[str, list[str]]  # metric -> its multi-word surfaces
    units: _Phrases
    unit_entries: dict[str, UnitWords]
    non_counts: _Phrases
    count_nouns: frozenset[str]
    anaphors: frozenset[str]
    function_words: frozenset[str]
    labels_re: re.Pattern[str]
    total_before_re: re.Pattern[str]
    total_after_re: re.Pattern[str]
    breakdown_re: re.Pattern[str]
    comparison_re: re.Pattern[str]
    framing_re: re.Pattern[str]
    platform_re: re.Pattern[str]
    platform_of: dict[str, str]
    org_re: re.Pattern[str]


_FRAME_NOUNS = ("منصه", "منصات", "حساب", "حسابات", "صفحه", "صفحات", "موقع", "تطبيق", "شبكه", "قناه")


@cache
def _lexicons() -> _Lexicons:
    metrics = load_lexicon("metrics", MetricWords)
    platforms = load_lexicon("platforms", PlatformWords)
    units = load_lexicon("units", UnitWords)
    words = load_lexicon("fact_words", WordList)
    orgs = load_lexicon("organizations", WordList)
    w = words.entries

    metric_items = {_squash(f): s.key for f, s in metrics.group().items()}
    cues = {k: frozenset(_squash(fold(c)) for c in e.cues) for k, e in metrics.entries.items()}
    refinable: dict[str, list[str]] = {}
    for k, e in metrics.entries.items():
        for generic in e.refines:
            if generic not in metrics.entries:
                from .lexicon import LexiconError

                raise LexiconError(metrics.path, k, f"refines unknown metric {generic!r}")
            refinable.setdefault(generic, []).append(k)
    multi: dict[str, list[str]] = {}
    for f, key in metric_items.items():
        if " " in f:
            multi.setdefault(key, []).append(f)

    def phrase_re(key: str, tail: str = "") -> re.Pattern[str]:
        return re.compile(NOT_LETTER_BEFORE + r"[وفبل]?(?:" + phrase_pattern(_folded(w, key)) + ")" + NOT_LETTER_AFTER
                          + tail)

    platform_of: dict[str, str] = {}
    free, framed = [], []
    for f, s in platforms.group().items():
        platform_of[f.lower()] = s.key
        (framed if s.field == "framed_forms" else free).append(f)
    frame = r"(?:" + CLITIC_PREFIX + "(?:" + "|".join(_FRAME_NOUNS) + r"))\s*[\"'(]?\s*"
    platform_re = re.compile(
        r"(?<![^\W_])(?:" + CLITIC_PREFIX + r")?(?P<free>" + phrase_pattern(free) + r")(?![^\W_])"
        + r"|" + NOT_LETTER_BEFORE + frame + r"(?P<framed>" + phrase_pattern(framed) + r")(?![^\W_])",
        re.IGNORECASE)
    org_heads = [_squash(fold(f)) for f in orgs.entries["heads"].forms]
    org_re = re.compile(NOT_LETTER_BEFORE + r"[وف]?[بلك]?(?P<name>(?:ال)?(?P<head>" + phrase_pattern(org_heads) + "))"
                        + NOT_LETTER_AFTER + r"(?P<chain>(?:\s+(?:ال|لل)[^\W\d_]{2,}){0,6})")
    return _Lexicons(
        metrics=_Phrases(metric_items),
        metric_entries=dict(metrics.entries),
        cues=cues,
        refinable=refinable,
        metric_phrases_multi=multi,
        units=_Phrases({_squash(f): s.key for f, s in units.group().items()}),
        unit_entries=dict(units.entries),
        non_counts=_Phrases({f: "non_count" for f in _folded(w, "non_counts")}),
        count_nouns=frozenset(_folded(w, "count_nouns")),
        anaphors=frozenset(_folded(w, "anaphors")),
        function_words=frozenset(_folded(w, "function_words")),
        labels_re=re.compile(NOT_LETTER_BEFORE + r"[وفبل]?(?:" + phrase_pattern(_folded(w, "labels")) + r")"
                             + r"\s*(?:رقم\s*)?[-:]?\s*\Z"),
        total_before_re=phrase_re("total_before", r"\s*\Z"),
        total_after_re=phrase_re("total_after"),
        breakdown_re=phrase_re("breakdown"),
        comparison_re=phrase_re("comparison"),
        framing_re=phrase_re("framing", r"\s*\Z"),
        platform_re=platform_re,
        platform_of=platform_of,
        org_re=org_re,
    )


# ---- the document: sentences, clauses, paragraphs ----------------------------------------------

_SENTENCE_END = re.compile(r"[.!?؟]+(?=\s|$|[\"')\]])|\n+")
_CLAUSE_BREAK = re.compile(r"[،؛;:]|,(?!\d)|\s[-–]\s")
_WORD_RE = re.compile(r"[^\W\d_]+")


def _spans(text: str, breaks: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in breaks.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = _spans(text, _SENTENCE_END, 0, len(text)) or [(0, len(text))]
        self._starts = [s for s, _ in self.sentences]
        self._clauses: dict[int, list[tuple[int, int]]] = {}
        self._words: dict[int, list[_Word]] = {}
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def clauses(self, si: int) -> list[tuple[int, int]]:
        if si not in self._clauses:
            s, e = self.sentences[si]
            self._clauses[si] = _spans(self.text, _CLAUSE_BREAK, s, e) or [(s, e)]
        return self._clauses[si]

    def clause_of(self, si: int, pos: int) -> tuple[int, int]:
        for c in self.clauses(si):
            if c[0] <= pos < c[1]:
                return c
        s, e = self.sentences[si]
        return s, e

    def words(self, si: int) -> list[_Word]:
        if si not in self._words:
            s, e = self.sentences[si]
            self._words[si] = [_Word(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(self.text, s, e)]
        return self._words[si]

    def paragraph_start(self, pos: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, pos) - 1]


# ---- dates as the facts see them -------------------------------------------------------------

class DateLike(Protocol):
    """What facts need of a date found in the text (match-form offsets)."""

    start: int
    end: int
    start_date: dt.date
    end_date: dt.date
    granularity: str


# ---- facts --------------------------------------------------------------------------------------

@dataclass(slots=True)
class FactCandidate:
    """A fact before offsets are mapped back (match-form offsets)."""

    number: NumberCandidate
    metric: str | None
    metric_span: tuple[int, int] | None
    sentence: tuple[int, int]
    confidence: float
    unit: str | None = None
    platform: str | None = None
    year: int | None = None
    period: DateLike | None = None
    subject: str | None = None
    role: str | None = None
    how: str = ""  # after, before, unit, inherited, anaphor, unknown
    base_metric: str | None = None  # the metric before refinement (people for arrests)
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class CheckCandidate:
    total: int
    parts: list[int]  # indices into the fact list


_GRANULAR_NARROWER = {"day", "week", "month", "quarter", "half"}


def attach_facts(nt: NormalizedText, numbers: Sequence[NumberCandidate], dates: Sequence[DateLike]
                 ) -> tuple[list[FactCandidate], list[CheckCandidate]]:
    """Facts for the counts among ``numbers`` (already free of date numbers), in text order."""
    lex = _lexicons()
    text = nt.match
    doc = _Doc(text)
    dates = sorted(dates, key=lambda d: d.start)
    framing = _framing_dates(text, doc, dates, lex)
    facts: list[FactCandidate] = []
    last_in_sentence: dict[int, FactCandidate] = {}
    for c in sorted(numbers, key=lambda c: c.start):
        if not _countable(c):
            continue
        if lex.labels_re.search(text, max(0, c.start - 30), c.start):
            continue
        si = doc.sentence_index(c.core_start)
        words = doc.words(si)
        wi = bisect.bisect_left([w.start for w in words], c.core_end)
        fact = _read_metric(text, doc, si, words, wi, c, last_in_sentence.get(si), lex)
        if fact is None:
            continue
        _refine(text, doc, si, fact, lex)
        fact.platform = _platform(text, doc, si, c, numbers, lex)
        _year(text, doc, si, fact, dates, framing, lex)
        facts.append(fact)
        last_in_sentence[si] = fact
    _subjects(text, doc, facts, lex)
    checks = _totals(text, doc, facts, lex)
    return facts, checks


def _countable(c: NumberCandidate) -> bool:
    if c.kind in ("ordinal", "percent") or c.relative_to:
        return False
    if c.kind == "fraction" and abs(c.value) < 1:
        return False
    return c.value >= 0


def _read_metric(text: str, doc: _Doc, si: int, words: list[_Word], wi: int, c: NumberCandidate,
                 previous: FactCandidate | None, lex: _Lexicons) -> FactCandidate | None:
    sentence = doc.sentences[si]
    near = wi < len(words) and text[c.core_end:words[wi].start].strip(" \t\"'") == ""
    if near:
        w0 = wi
        # 500 ألف من الزوار: the counted noun after من and the article
        if words[w0].text == "من" and w0 + 1 < len(words) and words[w0 + 1].text.startswith(("ال", "لل")):
            w0 += 1
        if lex.non_counts.match(words, w0):
            return None
        unit = lex.units.match(words, w0)
        metric = lex.metrics.match(words, w0)
        if unit and (not metric or unit[1] >= metric[1]):
            entry = lex.unit_entries[unit[0]]
            if entry.kind in ("length", "temperature"):
                return None
            label = "amount" if entry.kind == "currency" else (
                "seizures" if _has_cue(text, doc.clause_of(si, c.core_start), lex.cues.get("seizures", ()), doc, si)
                else "quantity")
            span = (words[w0].start, words[w0 + unit[1] - 1].end)
            return FactCandidate(c, label, span, sentence, 0.85, unit=entry.label, how="unit")
        if metric:
            span = (words[w0].start, words[w0 + metric[1] - 1].end)
            return FactCandidate(c, metric[0], span, sentence, 0.9, how="after")
        if previous is not None and words[w0].keys & lex.anaphors and previous.metric is not None:
            # وأصيب 17 آخرون: "others" of the same kind as the previous count, refined anew
            return FactCandidate(c, previous.base_metric or previous.metric, (words[w0].start, words[w0].end),
                                 sentence, 0.7, unit=previous.unit, how="anaphor")
    before = _metric_before(text, doc, si, words, c, lex)
    if before is not None:
        key, span = before
        return FactCandidate(c, key, span, sentence, 0.8, how="before")
    unknown_noun = near and not _is_function(words[wi], lex)
    if previous is not None and not unknown_noun and previous.metric is not None:
        # a list with an elided noun: the metric of the previous count in the sentence,
        # unless another counted noun comes between them
        after_prev = previous.metric_span[1] if previous.metric_span else previous.number.core_end
        lo = bisect.bisect_left([w.start for w in words], after_prev)
        hi = bisect.bisect_left([w.start for w in words], c.start)
        if not any(lex.metrics.match(words, k) for k in range(lo, hi)):
            return FactCandidate(c, previous.metric, previous.metric_span, sentence, 0.7, unit=previous.unit,
                                 how="inherited")
    if unknown_noun and not _looks_like_verb(words[wi].text):
        return FactCandidate(c, None, (words[wi].start, words[wi].end), sentence, 0.35, how="unknown")
    return None


def _is_function(w: _Word, lex: _Lexicons) -> bool:
    return w.text in lex.function_words or (len(w.text) <= 6 and bool(w.keys & lex.function_words))


_VERB_PREFIX = re.compile(r"^(?:[وف]?(?:سي|ست|سن|ي|ت|ن)[^\W\d_]{2,}(?:ون|ان|ين|وا)?|[^\W\d_]{3,}(?:وا|تم|ت))$")


def _looks_like_verb(word: str) -> bool:
    """A crude guard against reading a verb as a counted noun (يتوزعون, شاركوا)."""
    return bool(_VERB_PREFIX.match(word)) and not word.endswith(("ات", "ة", "ه"))


def _metric_before(text: str, doc: _Doc, si: int, words: list[_Word], c: NumberCandidate, lex: _Lexicons
                   ) -> tuple[str, tuple[int, int]] | None:
    """A metric named after a count noun earlier in the clause: عدد زوارها حوالي مليونين."""
    clause = doc.clause_of(si, c.core_start)
    first = bisect.bisect_left([w.start for w in words], clause[0])
    last = bisect.bisect_left([w.start for w in words], c.start)
    for i in range(last - 1, first - 1, -1):
        w = words[i]
        if w.keys & lex.count_nouns and not any(ch.isdigit() for ch in text[w.end:c.start]):
            m = lex.metrics.match(words, i + 1)
            if m is not None and i + 1 < last:
                return m[0], (words[i + 1].start, words[i + m[1]].end)
            return None
    return None


def _has_cue(text: str, span: tuple[int, int], cues: frozenset[str] | tuple, doc: _Doc, si: int) -> bool:
    if not cues:
        return False
    for w in doc.words(si):
        if span[0] <= w.start < span[1] and w.keys & cues:
            return True
    return False


def _refine(text: str, doc: _Doc, si: int, fact: FactCandidate, lex: _Lexicons) -> None:
    """A generic noun (شخص, محتوى) takes a specific metric from cue words in its clause, or
    from a specific multi-word metric named earlier in its paragraph."""
    fact.base_metric = fact.metric
    if fact.metric is None or fact.metric not in lex.refinable:
        return
    clause = doc.clause_of(si, fact.number.core_start)
    para = doc.paragraph_start(fact.number.core_start)
    earlier = text[para:fact.number.start]
    pos = fact.number.core_start
    nearest: tuple[int, str] | None = None
    for w in doc.words(si):
        if clause[0] <= w.start < clause[1]:
            for specific in lex.refinable[fact.metric]:
                if w.keys & lex.cues.get(specific, frozenset()):
                    d = abs(w.start - pos)
                    if nearest is None or d < nearest[0]:
                        nearest = (d, specific)
    if nearest is not None:  # the cue nearest the count: لقي 5 أشخاص مصرعهم وأصيب 17 آخرون
        fact.metric, fact.confidence = nearest[1], fact.confidence - 0.05
        return
    for specific in lex.refinable[fact.metric]:
        for phrase in lex.metric_phrases_multi.get(specific, ()):
            if _phrase_in(earlier, phrase):
                fact.metric, fact.confidence = specific, fact.confidence - 0.1
                return


def _phrase_in(text: str, phrase: str) -> bool:
    words = [_Word(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    target = phrase.split()
    for i in range(len(words) - len(target) + 1):
        if all(target[j] in words[i + j].keys for j in range(len(target))):
            return True
    return False


def _platform(text: str, doc: _Doc, si: int, c: NumberCandidate, numbers: Sequence[NumberCandidate],
              lex: _Lexicons) -> str | None:
    """The platform named in the count's clause, else in a clause before it in the same
    sentence that holds no count of its own (a frame such as على منصة فيسبوك،)."""
    clause = doc.clause_of(si, c.core_start)
    found = _platforms_in(text, clause, lex)
    if found:
        return min(found, key=lambda pf: abs(pf[0] - c.core_start))[1]
    for cl in reversed(doc.clauses(si)):
        if cl[1] > clause[0]:
            continue
        if any(cl[0] <= n.core_start < cl[1] and _countable(n) for n in numbers):
            break
        found = _platforms_in(text, cl, lex)
        if found:
            return found[-1][1]
    return None


def _platforms_in(text: str, span: tuple[int, int], lex: _Lexicons) -> list[tuple[int, str]]:
    out = []
    for m in lex.platform_re.finditer(text, span[0], span[1]):
        name = m.group("free") or m.group("framed")
        key = lex.platform_of.get(_squash(name).lower())
        if key:
            out.append((m.start(), key))
    return out


# ---- years ----------------------------------------------------------------------------------------

def _single_year(d: DateLike) -> int | None:
    return d.start_date.year if d.start_date.year == d.end_date.year else None


def _framing_dates(text: str, doc: _Doc, dates: Sequence[DateLike], lex: _Lexicons) -> list[DateLike]:
    """Dates that govern the passage after them: introduced by a framing word (خلال,
    برسم), opening their sentence, or naming the current year relative to the article."""
    out = []
    for d in dates:
        if _single_year(d) is None:
            continue
        si = doc.sentence_index(d.start)
        s0 = doc.sentences[si][0]
        lead = text[s0:d.start]
        if lex.framing_re.search(text, max(0, d.start - 40), d.start) or not _WORD_RE.search(
                re.sub(r"\b(?:في|و|ف|منذ)\b", "", lead)) or getattr(d, "relative", False):
            out.append(d)
    return out


def _year(text: str, doc: _Doc, si: int, fact: FactCandidate, dates: Sequence[DateLike],
          framing: Sequence[DateLike], lex: _Lexicons) -> None:
    """An explicit year in the count's clause wins, unless a comparison word stands
    between them (29 تكذيبا، مقارنة مع 40 في سنة 2024: 2024 is the 40's); then the
    latest framing date before the count; else no year."""
    c = fact.number
    clause = doc.clause_of(si, c.core_start)
    best: DateLike | None = None
    for d in dates:
        if d.start >= clause[1]:
            break
        if d.end <= clause[0] or _single_year(d) is None:
            continue
        lo, hi = (c.end, d.start) if d.start >= c.end else (d.end, c.start)
        if lex.comparison_re.search(text, lo, max(lo, hi)):
            continue
        if best is None or abs(d.start - c.core_start) < abs(best.start - c.core_start):
            best = d
    if best is None:
        before = [d for d in framing if d.start < c.core_start]
        if before:
            best = before[-1]
    if best is None:
        return
    fact.year = _single_year(best)
    if best.granularity in _GRANULAR_NARROWER:
        fact.period = best


# ---- subjects ----------------------------------------------------------------------------------------

def _subjects(text: str, doc: _Doc, facts: list[FactCandidate], lex: _Lexicons) -> None:
    if not facts:
        return
    """The nearest organisation name before each count in its sentence. A name runs on
    through definite words after its head; it is cut back to the longest prefix the
    document names at least twice (المديرية العامة للأمن الوطني, not ... النسخة السادسة)."""
    names: list[tuple[int, list[tuple[str, int]]]] = []  # start, [(word, end offset)]
    for m in lex.org_re.finditer(text):
        if not m.group("chain") and " " not in m.group("head"):
            continue  # a lone head noun (جمعية) is a common noun, not a name
        if re.search(r"\d\s*\Z", text[max(0, m.start() - 12):m.start()]):
            continue  # 1500 جمعية: a counted noun
        parts = [(m.group("name"), m.end("head"))]
        parts += [(x.group(), m.start("chain") + x.end()) for x in re.finditer(r"\S+", m.group("chain"))]
        names.append((m.start("name"), parts))
    if not names:
        return
    counts = Counter(" ".join(w for w, _ in parts[:k]) for _, parts in names for k in range(1, len(parts) + 1))

    def end_of(parts: list[tuple[str, int]]) -> int:
        for k in range(len(parts), 0, -1):
            if k <= 2 or counts[" ".join(w for w, _ in parts[:k])] >= 2:
                return parts[k - 1][1]
        return parts[0][1]

    starts = [n[0] for n in names]
    for f in facts:
        i = bisect.bisect_left(starts, f.number.start) - 1
        if i >= 0 and names[i][0] >= f.sentence[0]:
            start, parts = names[i]
            f.extra["subject_span"] = (start, end_of(parts))


# ---- totals and parts --------------------------------------------------------------------------------

def _totals(text: str, doc: _Doc, facts: list[FactCandidate], lex: _Lexicons) -> list[CheckCandidate]:
    checks: list[CheckCandidate] = []
    i = 0
    while i < len(facts):
        f = facts[i]
        c = f.number
        marked_before = bool(lex.total_before_re.search(text, max(0, c.start - 30), c.start))
        clause = doc.clause_of(doc.sentence_index(c.core_start), c.core_start)
        marked_after = bool(lex.total_after_re.search(text, clause[0], c.start))
        tail_end = min(len(text), c.end + 60)
        breakdown = lex.breakdown_re.search(text, c.end, tail_end)
        breakdown_ok = breakdown is not None and not any(
            ch.isdigit() for ch in text[c.end:breakdown.start()]) and doc.sentence_index(breakdown.start()) == \
            doc.sentence_index(c.core_start)
        if not (marked_before or marked_after or breakdown_ok):
            i += 1
            continue
        parts = _parts(doc, facts, i, same_metric=not marked_before)
        if parts:
            f.role = "total"
            for j in parts:
                facts[j].role = "part"
            checks.append(CheckCandidate(i, parts))
            i = parts[-1] + 1
        else:
            i += 1
    return checks


def _parts(doc: _Doc, facts: list[FactCandidate], i: int, same_metric: bool) -> list[int]:
    """The parts of the total ``facts[i]`` (at least two): the facts after it in its
    sentence (of the same metric, unless the total was announced as a sum: ما مجموعه
    6862 نشاطا، إذ نشرت 1973 بلاغا ...); if none, the following facts of the same metric,
    each on its own platform, in the next sentences of the same or the next paragraph."""
    total = facts[i]
    si = doc.sentence_index(total.number.core_start)
    same = [j for j in range(i + 1, len(facts)) if doc.sentence_index(facts[j].number.core_start) == si]
    if same_metric:
        same = [j for j in same if facts[j].metric == total.metric]
    if len(same) >= 2:
        return same
    parts: list[int] = []
    seen: set[str] = set()
    para_limit = 2
    para = doc.paragraph_start(total.number.core_start)
    for j in range(i + 1, len(facts)):
        f = facts[j]
        p = doc.paragraph_start(f.number.core_start)
        if p != para:
            para_limit -= 1
            para = p
            if para_limit <= 0:
                break
        if f.metric != total.metric or f.platform is None or f.platform in seen:
            break
        seen.add(f.platform)
        parts.append(j)
    return parts if len(parts) >= 2 else []


# ---- public models ------------------------------------------------------------------------------

def build_facts(nt: NormalizedText, facts: Sequence[FactCandidate], checks: Sequence[CheckCandidate]):
    """Turn candidates into :class:`~arabic_stats.models.Fact` and
    :class:`~arabic_stats.models.Check` objects with offsets in the caller's string."""
    from .models import Check, Fact, Span

    original = nt.original

    def text_of(span: tuple[int, int] | None) -> str | None:
        if span is None:
            return None
        s, e = nt.span(*span)
        return original[s:e]

    out: list = []
    for f in facts:
        c = f.number
        s, e = nt.span(c.start, c.end)
        ss, se = nt.span(*f.sentence)
        period = getattr(f.period, "value", None) if f.period is not None else None
        out.append(Fact(
            metric=f.metric, metric_text=text_of(f.metric_span), count=c.value, unit=f.unit,
            qualifier=c.qualifier, platform=f.platform, year=f.year, period=period,
            subject=text_of(f.extra.get("subject_span")), role=f.role, text=original[s:e], start=s, end=e,
            sentence=Span(start=ss, end=se), confidence=round(max(0.0, min(1.0, f.confidence)), 2)))
    out_checks = []
    for ch in checks:
        total = facts[ch.total].number.value
        parts = [facts[j].number.value for j in ch.parts]
        holds = abs(sum(parts) - total) <= 1e-9 * max(1, abs(total))
        out_checks.append(Check(total=total, parts=parts, holds=holds, metric=facts[ch.total].metric,
                                total_fact=ch.total, part_facts=list(ch.parts)))
    return out, out_checks

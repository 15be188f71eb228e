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
  then the latest date before it that governs the passage, else none (see :func:`_year`);
* the **subject**: the nearest organisation name before the count in its sentence;
* the **role**: a total (``ما مجموعه``, ``الإجمالي``, a breakdown marker after it) and its
  parts, with a :class:`~arabic_stats.models.Check` that says whether they add up.

All words come from ``lexicons/``: metrics, platforms, units, fact_words, organizations.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import ClassVar, Literal, Protocol

from .lexicon import Entry, LexiconError, load_lexicon
from .normalize import MATCH_FOLDS, NormalizedText, fold
from .numbers import NumberCandidate, UnitWords, _squash
from .numbers import grammar as numbers_grammar
from .scan import (ARTICLE, CLITIC_PREFIX, CLITIC_PREFIXES, CONJUNCTION, CONJUNCTIONS, LETTER, NOT_LETTER_AFTER,
                   NOT_LETTER_BEFORE, PREPOSITION, PREPOSITIONS, WORD_RE, WordIndex, clitic_analyses, has_article,
                   match_words, phrase_pattern, trie_pattern)

__all__ = ["FactCandidate", "attach_facts"]


# ---- lexicon models -------------------------------------------------------------------------

class MetricWords(Entry):
    forms: list[str]
    refines: list[str] = []
    cues: list[str] = []
    cue_scope: Literal["clause", "sentence", "paragraph", "document"] = "clause"
    #: counted on a platform (followers, views): a platform named in a frame clause earlier
    #: in the sentence applies to it; other metrics take a platform from their own clause only.
    online: bool = False


class PlatformWords(Entry):
    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("forms", "framed_forms")
    forms: list[str]
    framed_forms: list[str] = []


class WordList(Entry):
    """A lexicon of independent word lists (fact_words, organizations): a word may be in
    several lists."""

    UNIQUE_ACROSS_ENTRIES: ClassVar[bool] = False
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


@lru_cache(maxsize=1 << 16)
def _has_key(word: str, keys: frozenset[str]) -> bool:
    """Whether a lexicon key ``word`` may stand for is in ``keys`` (asked of every word of a
    sentence: remembered, and called from ``map`` in C)."""
    return not _keys(word).isdisjoint(keys)


@lru_cache(maxsize=1 << 16)
def _bare_keys(word: str) -> frozenset[str]:
    """Keys of a word read with no proclitic: a counted noun right after a number never
    carries a preposition or the article (رقم 5 بالمستشفى, الدورة 93 للجمعية)."""
    out = [word] + [word[: -len(suf)] for suf in _SUFFIXES if word.endswith(suf) and len(word) - len(suf) >= 2]
    out += [k + "ن" for k in out if k.endswith("ي")]
    return frozenset(out)


@dataclass(slots=True)
class _Words:
    """The words of a sentence (runs of letters of the match form) as parallel lists:
    ``text[i]`` runs from ``start[i]`` to ``end[i]``. Sliced from the word index of the
    whole text (:meth:`_Doc.words`), so a word is never an object of its own."""

    text: list[str]
    start: list[int]
    end: list[int]

    def __len__(self) -> int:
        return len(self.text)

    def keys(self, i: int) -> frozenset[str]:
        return _keys(self.text[i])


def _fewest_stripped(key: str) -> tuple[int, str]:
    return -len(key), key


class _Phrases:
    """Surfaces of one or more words, indexed by their first word, longest first."""

    def __init__(self, items: dict[str, str]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for surface, key in items.items():
            words = tuple(surface.split())
            self.by_first.setdefault(words[0], []).append((words, key))
        for lst in self.by_first.values():
            lst.sort(key=lambda wk: -len(wk[0]))
        self.firsts = frozenset(self.by_first)

    def match(self, words: _Words, i: int, bare: bool = False) -> tuple[str, int] | None:
        """(key, number of words) of the longest surface starting at word ``i``;
        ``bare``: the first word may carry no proclitic."""
        texts = words.text
        if i >= len(texts):
            return None
        best: tuple[str, int] | None = None
        for phrase, key in _openers(self, texts[i], bare):
            n = len(phrase)
            if best is not None and n <= best[1]:
                continue
            if n == 1 or (i + n <= len(texts) and all(phrase[j] in _keys(texts[i + j]) for j in range(1, n))):
                best = (key, n)
        return best


@lru_cache(maxsize=1 << 16)
def _openers(phrases: _Phrases, word: str, bare: bool) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The surfaces of ``phrases`` that ``word`` may open, in the order they are tried: the
    keys that strip fewest letters first (مدرسة is a school before it is مدرس and a pronoun
    suffix), the same reading whatever the order of the set of keys; longest first. A
    word is asked about after every count: remembered."""
    keys = _bare_keys(word) if bare else _keys(word)
    if keys.isdisjoint(phrases.firsts):
        return ()  # (most words open no phrase: one set operation says so)
    return tuple(item for k in sorted(keys, key=_fewest_stripped) for item in phrases.by_first.get(k, ()))


def _with_possessives(words: list[str]) -> list[str]:
    """``words`` and, for one word ending in teh marbuta (ه once folded), its forms with a
    pronoun suffix, where the teh marbuta is written ت (دورة: دورته, دورتها)."""
    return words + [_before_suffix(w) + suf for w in words if " " not in w and w.endswith(_TEH_MARBUTA)
                    for suf in _SUFFIXES if suf != "ا"]


#: Teh marbuta as the match form folds it (ة -> ه), and as it is written before a suffix.
_TEH_MARBUTA, _TEH = MATCH_FOLDS["ة"], "ت"


def _before_suffix(word: str) -> str:
    """``word`` as written before a suffix: its teh marbuta is ت (حالة: حالت-ان, دورة: دورت-ه)."""
    return word[:-1] + _TEH if word.endswith(_TEH_MARBUTA) else word


def _folded(entries: dict[str, WordList], key: str) -> list[str]:
    return [_squash(fold(f)) for f in entries[key].forms]


@dataclass(frozen=True)
class _Lexicons:
    metrics: _Phrases
    cues: dict[str, frozenset[str]]  # metric -> folded cue words
    cue_scope: dict[str, str]
    online: frozenset[str]
    refinable: dict[str, list[str]]  # generic metric -> metrics that refine it
    metric_phrases_multi: dict[str, list[str]]  # metric -> its multi-word surfaces
    units: _Phrases
    unit_entries: dict[str, UnitWords]
    non_counts: _Phrases
    count_nouns: frozenset[str]
    sources: frozenset[str]  # nouns a name after ل and the article is the subject after (بلاغ للمديرية)
    anaphors: frozenset[str]
    person_anaphors: frozenset[str]  # آخرون: others who are persons
    function_words: frozenset[str]
    partitive: frozenset[str]
    pair_after_re: re.Pattern[str]  # a joiner before the next number (ما بين 24 و51 سنة)
    pair_joiners: frozenset[str]  # و, إلى: what joins two items of a list or a range
    accusative_scales: tuple[str, ...]  # ألفا, مليونا: a count that ends so has no noun after it
    #: the dual of a metric noun, with its conjunction or preposition (قتل شخصان, وإصابة
    #: طفلين) -> (the dual without them, its metric)
    duals: dict[str, tuple[str, str]]
    verb_re: re.Pattern[str]  # the shape of a verb (see _looks_like_verb)
    noun_endings: tuple[str, ...]
    nisba_re: re.Pattern[str]  # a relative adjective (الوطني, الحديدية)
    participle_starts: tuple[str, ...]  # المستقلة, المتحدة: participles of derived verbs
    feminine_endings: tuple[str, ...]
    labels_re: re.Pattern[str]  # a label or a rank right before a number (المادة 12, المرتبة 3)
    label_anywhere_re: re.Pattern[str]  # a label right before a date (ظهير 21 ماي 1974)
    total_before_re: re.Pattern[str]
    #: a change or a proportion right before a number (بزيادة 400 ألف, من كل 10): no count
    uncounted_before_re: re.Pattern[str]
    #: the words a match of uncounted_before_re holds one of (looked up in the word index)
    uncounted_words: frozenset[str]
    proportion_after_re: re.Pattern[str]  # 7 من كل 10
    total_after_re: re.Pattern[str]
    breakdown_re: re.Pattern[str]
    #: the breakdown markers of some of the parts only (بينهم: among them)
    inclusion_re: re.Pattern[str]
    #: the breakdown markers of all the parts or some (منها: of which)
    of_which_re: re.Pattern[str]
    comparison_re: re.Pattern[str]
    out_of_re: re.Pattern[str]  # right before a total after its part (245 ألفا من أصل 380 ألفا)
    change_words: frozenset[str]  # بزيادة, وارتفاع: a change between two figures
    change_verbs: frozenset[str]  # ارتفع, وانخفض, فاقت: before ب and a number, the size of a change
    change_margins: tuple[str, ...]  # ب (number_markers margin)
    baseline_re: re.Pattern[str]  # عن right before a date after a change: the compared period
    addition_re: re.Pattern[str]
    historical_re: re.Pattern[str]
    since_re: re.Pattern[str]
    anaphoric_re: re.Pattern[str]
    platform_re: re.Pattern[str]
    platform_of: dict[str, str]
    org_re: re.Pattern[str]
    cue_re: re.Pattern[str]
    cue_metrics: dict[str, tuple[str, ...]]  # folded cue -> metrics it selects
    specific_re: re.Pattern[str] | None
    specific_of: dict[str, str]  # folded multi-word surface -> metric (for refinement)
    #: id(pattern) -> the words a match of it starts with, for the patterns read over the
    #: whole text (see _Doc.finditer)
    openings: dict[int, frozenset[str]]
    #: id(pattern) -> its anchor: what every match of the pattern holds (the phrase without
    #: its context), found in the whole text at a fraction of the pattern's cost (see
    #: _Doc.may_match); for the patterns searched near every count. Patterns are keyed by id
    #: here and in _Doc: hashing a compiled pattern hashes all its code, every time.
    anchors: dict[int, re.Pattern[str]]
    #: id(pattern) -> its anchor words (see _phrase_anchor), for the patterns searched near
    #: every count whose phrases are whole words: their anchor is those words of the text
    #: (found in the word index, a cheaper pass than a scan of the text: see _Doc.may_match)
    anchor_words: dict[int, frozenset[str]]
    #: ids of the patterns of anchor_words whose anchor also holds every word that ends in a
    #: letter outside the Arabic block (names in another script, in any letter case)
    foreign_anchored: frozenset[int]
    #: word -> id() of the word sets above that hold it (duals, uncounted_words, change_words,
    #: change_verbs, the openings): all looked up in one pass over the words of a text (see
    #: _Doc.indices_of); and the ids of those sets
    listed: dict[str, tuple[int, ...]] = field(default_factory=dict)
    listed_ids: frozenset[int] = frozenset()


def _listing(word_sets: Sequence[Collection[str]]) -> tuple[dict[str, tuple[int, ...]], frozenset[int]]:
    """``listed`` and ``listed_ids`` of :class:`_Lexicons` for ``word_sets``."""
    owners: dict[str, list[int]] = {}
    for words in word_sets:
        for word in words:
            owners.setdefault(word, []).append(id(words))
    return {w: tuple(ids) for w, ids in owners.items()}, frozenset(map(id, word_sets))


def _open(openings: dict[int, frozenset[str]], pattern: re.Pattern[str], prefixes: Sequence[str],
          firsts: Sequence[str], suffixes: Sequence[str] = ("",)) -> None:
    """Record the words a match of ``pattern`` starts with: a prefix, the first word of a
    phrase, a suffix (the pattern is ``NOT_LETTER_BEFORE`` + prefix + phrase, where the
    first word of a phrase ends before a space or ``NOT_LETTER_AFTER``). Only when they
    are all letters, so that each is a whole word of the text; otherwise the pattern is
    scanned over the text."""
    if id(pattern) in openings and not openings[id(pattern)]:
        return
    found = {p + w + s for p in prefixes for w in firsts for s in suffixes}
    if all(WORD_RE.fullmatch(o) for o in found):
        openings[id(pattern)] = openings.get(id(pattern), frozenset()) | found
    else:
        openings[id(pattern)] = frozenset()  # none: scan


def _phrase_anchor(phrases: Sequence[str]) -> frozenset[str]:
    """The anchor words of a pattern of ``phrases`` (NOT_LETTER_BEFORE + CLITIC_PREFIX +
    the phrases as words): a word that every match holds whole, the longest of each phrase
    (a long word is a rare one: موزعة in موزعة على, بينها in من بينها; يلي in كما يلي), with the clitics
    that may lead it if it is the first. Empty if one is not a whole word (a run of letters)."""
    found: set[str] = set()
    for phrase in phrases:
        words = phrase.split()
        k = max(range(len(words)), key=lambda i: (len(words[i]), i))  # (the last of the longest)
        found |= {p + words[0] for p in CLITIC_PREFIXES} if k == 0 else {words[k]}
    return frozenset(found) if all(WORD_RE.fullmatch(word) for word in found) else frozenset()


def _arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def _platform_anchor(free: Sequence[str], framed: Sequence[str], frames: Sequence[str]) -> frozenset[str]:
    """The anchor words of platform_re: the words a name starts in. The name's first word
    (a run of letters) ends its word, after a clitic (free names), a conjunction or a
    preposition (وإكس), a frame glued to it (منصةإكس), or nothing. An Arabic name gives
    those words; a name in another script, which matches in any letter case, gives none:
    a word that ends in a letter outside the Arabic block is taken instead (see
    _Doc.foreign_words). Empty (no anchor words) if a name does not start with letters
    or its first word ends in an Arabic letter without being all Arabic."""
    glues = {p + f for p in CLITIC_PREFIXES for f in frames if " " not in f} | {
        f.split()[-1] for f in frames if " " in f}
    leads = {n: CLITIC_PREFIXES for n in free}
    for n in framed:
        leads[n] = (*leads.get(n, ()), *CONJUNCTIONS, *PREPOSITIONS, "", *glues)
    found: set[str] = set()
    for name, before in leads.items():
        first = WORD_RE.match(name)
        if first is None or first.start():
            return frozenset()
        run = first.group()
        if all(map(_arabic, run)):
            found |= {b + run for b in before}
        elif _arabic(run[-1]):
            return frozenset()
    return frozenset(found) if all(WORD_RE.fullmatch(word) for word in found) else frozenset()


def _duals(metric_items: dict[str, str], endings: list[str], plural_endings: list[str]
           ) -> dict[str, tuple[str, str]]:
    """The duals of the one-word metric nouns, by the ``endings`` of fact_words: شخص ->
    شخصان, شخصين; حالة -> حالتان, حالتين (ة, ه in the match form, is ت before an ending).
    A form that the lexicon lists (مصابين, a plural) is no dual, nor a dual ending that is
    also a plural ending (ين) where the lexicon lists the noun's plural (ون)."""
    out: dict[str, tuple[str, str]] = {}
    for form, metric in metric_items.items():
        if " " in form or len(form) < 3:
            continue
        stem = _before_suffix(form)
        plural = any(stem + p in metric_items for p in plural_endings)
        for ending in endings:
            dual = stem + ending
            if dual in metric_items or (plural and ending in plural_endings):
                continue
            for lead in _DUAL_LEADS:
                out.setdefault(lead + dual, (dual, metric))
    return out


#: What may stand glued before a dual noun: the clitics without the article (الشخصان are
#: two persons named before).
_DUAL_LEADS = tuple(p for p in CLITIC_PREFIXES if not has_article(p))


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
                raise LexiconError(metrics.path, k, f"refines unknown metric {generic!r}")
            refinable.setdefault(generic, []).append(k)
    multi: dict[str, list[str]] = {}
    for f, key in metric_items.items():
        if " " in f:
            multi.setdefault(key, []).append(f)

    anchors: dict[int, re.Pattern[str]] = {}
    anchor_words: dict[int, frozenset[str]] = {}

    def phrase_re(key: str, tail: str = "", anchored: bool = False, also: Sequence[str] = ()) -> re.Pattern[str]:
        """The phrases of ``fact_words[key]`` (and of ``also``) as words; ``anchored``:
        searched near every count or date, so that finding its anchor once in the whole text
        pays. The anchor is a word of each phrase (see _phrase_anchor), looked up in the word
        index with the other word sets (next to no cost); a regex of the phrases, scanned
        over the whole text, if one of them is not a whole word."""
        forms = _folded(w, key) + [f for k in also for f in _folded(w, k)]
        phrases = phrase_pattern(forms)
        pattern = re.compile(NOT_LETTER_BEFORE + CLITIC_PREFIX + r"(?:" + phrases + ")" + NOT_LETTER_AFTER + tail)
        if anchored:
            words = _phrase_anchor(forms)
            if words:
                anchor_words[id(pattern)] = words
            else:
                anchors[id(pattern)] = re.compile(phrases)
        return pattern

    link = r"(?:(?:" + phrase_pattern(_folded(w, "date_links")) + r")\s*)?\Z"
    date_link = r"\s*" + link
    changes, proportions = phrase_pattern(_folded(w, "changes")), phrase_pattern(_folded(w, "proportions"))
    averages = phrase_pattern(_folded(w, "averages"))
    change_words = frozenset(p + f for p in CLITIC_PREFIXES for f in _folded(w, "changes"))
    uncounted_before_re = re.compile(
        NOT_LETTER_BEFORE + CLITIC_PREFIX + r"(?:(?:" + changes + r")" + NOT_LETTER_AFTER + r"(?:\s+(?:"
        + phrase_pattern(_folded(w, "change_links")) + r")" + NOT_LETTER_AFTER + r")?|(?:" + proportions + r")"
        + NOT_LETTER_AFTER + r"|(?:" + averages + r")" + NOT_LETTER_AFTER + r")\s*\Z")

    platform_of: dict[str, str] = {}
    free, framed = [], []
    for f, s in platforms.group().items():
        platform_of[f.lower()] = s.key
        (framed if s.field == "framed_forms" else free).append(f)
    frame = r"(?:" + CLITIC_PREFIX + "(?:" + phrase_pattern(_folded(w, "platform_frames")) + r"))\s*[\"'(]?\s*"
    platform_re = re.compile(
        r"(?<![^\W_])(?:" + CLITIC_PREFIX + r")?(?P<free>" + phrase_pattern(free) + r")(?![^\W_])"
        + r"|" + NOT_LETTER_BEFORE + frame + r"(?P<framed>" + phrase_pattern(framed) + r")(?![^\W_])"
        # a framed name glued to a conjunction or a preposition is no letter either (وإكس 720 ألفا)
        + r"|" + NOT_LETTER_BEFORE + "[" + CONJUNCTIONS + PREPOSITIONS + r"](?P<glued>" + phrase_pattern(framed)
        + r")(?![^\W_])",
        re.IGNORECASE)
    # Its anchor: the words the names start in (see _platform_anchor), or else the names
    # themselves. Arabic letters have no case, so the Arabic names are found without
    # IGNORECASE (a scan several times faster); a name in another script starts with a
    # letter that (?i:[...]) matches as the name's own IGNORECASE would.
    platform_words = _platform_anchor(free, framed, _folded(w, "platform_frames"))
    if platform_words:
        anchor_words[id(platform_re)] = platform_words
    else:
        uncased = [f for f in free + framed if all(_arabic(ch) or ch.isspace() for ch in f)]
        cased_firsts = sorted({f.split()[0][0] for f in free + framed if f not in uncased})
        anchors[id(platform_re)] = re.compile(
            phrase_pattern(uncased) + (r"|(?i:[" + "".join(map(re.escape, cased_firsts)) + "])+" if cased_firsts else ""))
    cue_metrics: dict[str, list[str]] = {}
    for k, cs in cues.items():
        for cue in cs:
            cue_metrics.setdefault(cue, []).append(k)
    suffix = "(?:" + "|".join(_SUFFIXES) + ")?"
    cue_re = re.compile(NOT_LETTER_BEFORE + CLITIC_PREFIX + r"(?P<cue>" + phrase_pattern(cue_metrics) + ")" + suffix
                        + NOT_LETTER_AFTER)
    openings: dict[int, frozenset[str]] = {}
    one_word = [c for c in cue_metrics if len(c.split()) == 1]
    _open(openings, cue_re, CLITIC_PREFIXES, one_word, ("", *_SUFFIXES))
    _open(openings, cue_re, CLITIC_PREFIXES, [c.split()[0] for c in cue_metrics if len(c.split()) > 1])
    specific_of = {f: metric for generic in refinable.values() for metric in generic
                   for f in multi.get(metric, ())}
    specific_re = None
    if specific_of:
        def word(w: str) -> str:
            return r"(?:ال|لل)?" + re.escape(w) + "ا?"
        alts = [r"\s+".join(word(w) for w in f.split()) for f in sorted(specific_of, key=len, reverse=True)]
        specific_re = re.compile(NOT_LETTER_BEFORE + "[" + CONJUNCTIONS + PREPOSITIONS + "]?(?:"
                                 + "|".join(f"(?P<s{i}>{a})" for i, a in enumerate(alts))
                                 + ")" + NOT_LETTER_AFTER)
        # (a surface is two words or more: its first word ends before a space)
        _open(openings, specific_re, [p + a for p in ("", *CONJUNCTIONS, *PREPOSITIONS) for a in ("", "ال", "لل")],
              [f.split()[0] for f in specific_of], ("", "ا"))
        specific_of = {f"s{i}": specific_of[f] for i, f in enumerate(sorted(specific_of, key=len, reverse=True))}
    org_heads = [_squash(fold(f)) for f in orgs.entries["heads"].forms]
    # a head written with its article loses the alef after ل (للحماية المدنية): after لل, the
    # rest of it
    after_ll = [h[2:] for h in org_heads if h.startswith("ال")]
    # (للمديرية: ل and the article, whose alef is dropped; the name is read from the second ل)
    org_re = re.compile(NOT_LETTER_BEFORE + CONJUNCTION + "?" + PREPOSITION + r"?(?P<name>(?:ال|(?<=ل)ل)?(?P<head>"
                        + phrase_pattern(org_heads) + "|(?<=لل)(?:" + phrase_pattern(after_ll) + ")))"
                        + NOT_LETTER_AFTER + r"(?P<chain>(?:\s+" + CONJUNCTION + r"?(?:ال|لل)[^\W\d_]{2,}){0,6})")
    _open(openings, org_re, [c + p + a for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS)
                             for a in ("", "ال", "ل") if a != "ل" or p == "ل"],
          [h.split()[0] for h in org_heads + after_ll])
    lex = _Lexicons(
        metrics=_Phrases(metric_items),
        cues=cues,
        cue_scope={k: e.cue_scope for k, e in metrics.entries.items()},
        online=frozenset(k for k, e in metrics.entries.items() if e.online),
        refinable=refinable,
        metric_phrases_multi=multi,
        units=_Phrases({_squash(f): s.key for f, s in units.group().items()}),
        unit_entries=dict(units.entries),
        non_counts=_Phrases({f: "non_count" for f in _folded(w, "non_counts")}),
        count_nouns=frozenset(_folded(w, "count_nouns")),
        sources=frozenset(_folded(orgs.entries, "sources")),
        anaphors=frozenset(_folded(w, "anaphors")),
        person_anaphors=frozenset(_folded(w, "person_anaphors")),
        function_words=frozenset(_folded(w, "function_words")),
        partitive=frozenset(_folded(w, "partitive")),
        pair_after_re=re.compile(r"\s*" + trie_pattern(_folded(w, "pair_joiners")) + r"\s*"),
        pair_joiners=frozenset(_folded(w, "pair_joiners")),
        accusative_scales=tuple(_folded(w, "accusative_scales")),
        duals=_duals(metric_items, _folded(w, "dual_endings"), _folded(w, "plural_endings")),
        verb_re=re.compile(
            r"(?:" + CONJUNCTION + r"?" + trie_pattern(_folded(w, "verb_prefixes")) + LETTER + r"{2,}"
            + trie_pattern(_folded(w, "verb_suffixes")) + r"?|" + LETTER + r"{3,}"
            + trie_pattern(_folded(w, "past_verb_suffixes")) + r")\Z"),
        noun_endings=tuple(_folded(w, "noun_endings")),
        nisba_re=re.compile(trie_pattern(_folded(w, "nisba_endings")) + r"\Z"),
        participle_starts=tuple(_folded(w, "participle_starts")),
        feminine_endings=tuple(_folded(w, "feminine_endings")),
        # a label, maybe رقم, and maybe the article glued to the digits (الدورة الـ19)
        labels_re=re.compile(NOT_LETTER_BEFORE + CLITIC_PREFIX + r"(?:"
                             + phrase_pattern(_with_possessives(_folded(w, "labels") + _folded(w, "ranks")))
                             + r")\s*(?:"
                             + phrase_pattern(_folded(w, "label_numbering")) + r"\s*)?[-:]?\s*(?:ال)?\Z"),
        # right before a date, maybe with في between (ظهير 21 ماي 1974, المزداد في 1974; not
        # عدد المواليد خلال عام 2024, قانون المالية لسنة 2025)
        label_anywhere_re=phrase_re("labels", date_link, anchored=True),
        total_before_re=phrase_re("total_before", r"\s*\Z", anchored=True),
        uncounted_before_re=uncounted_before_re,
        uncounted_words=change_words | frozenset(p + f for p in CLITIC_PREFIXES for f in _folded(w, "averages"))
        | {f.split()[-1] for f in _folded(w, "proportions")},
        proportion_after_re=re.compile(r"\s*(?:" + phrase_pattern(_folded(w, "proportions")) + r")\s*\d"),
        total_after_re=phrase_re("total_after", anchored=True),
        breakdown_re=phrase_re("breakdown", anchored=True, also=("inclusion", "of_which")),
        inclusion_re=phrase_re("inclusion"),
        of_which_re=phrase_re("of_which"),
        out_of_re=phrase_re("out_of", r"\s*\Z", anchored=True),
        comparison_re=phrase_re("comparison", anchored=True),
        change_words=change_words,
        change_verbs=frozenset(c + f for c in ("", *CONJUNCTIONS) for f in _folded(w, "change_verbs")),
        change_margins=numbers_grammar().margins,  # (the margin of number_markers: بـ 2 مليار)
        # (up to three words between: عن الفترة نفسها من العام الماضي)
        baseline_re=phrase_re("baselines", r"(?:\s+" + LETTER + r"+){0,3}\s*\Z"),
        addition_re=phrase_re("addition", anchored=True),
        # (a definite subject may stand between: تأسست الشركة سنة 1933, ولد اللاعب عام 1992; not
        # a preposition: عدد المواليد خلال عام 2024)
        historical_re=phrase_re("historical", r"\s*(?:" + ARTICLE + LETTER + r"+\s+){0,2}" + link, anchored=True),
        since_re=phrase_re("since", anchored=True),
        anaphoric_re=phrase_re("anaphoric", anchored=True),
        platform_re=platform_re,
        platform_of=platform_of,
        org_re=org_re,
        cue_re=cue_re,
        cue_metrics={k: tuple(v) for k, v in cue_metrics.items()},
        specific_re=specific_re,
        specific_of=specific_of,
        openings=openings,
        anchors=anchors,
        anchor_words=anchor_words,
        foreign_anchored=frozenset({id(platform_re)} if platform_words else ()),
    )
    # (the sets themselves, whose ids the lookups are keyed by)
    listed, listed_ids = _listing([lex.duals, lex.uncounted_words, lex.change_words, lex.change_verbs,
                                   *(o for o in openings.values() if o), *anchor_words.values()])
    return dataclasses.replace(lex, listed=listed, listed_ids=listed_ids)


# ---- the document: sentences, clauses, paragraphs ----------------------------------------------

#: (in one capturing group each, for re.split: see _spans)
#: (each alternative opens with a character class, which lets the regex engine skip to
#: the next candidate character instead of trying the pattern at every position)
_SENTENCE_END = re.compile(r"([.!?؟][.!?؟]*(?=\s|$|[\"')\]])|\n\n*)")
_CLAUSE_BREAK = re.compile(r"([،؛;:]|,(?!\d)|\s[-–]\s)")
#: The characters a clause break holds one of (its only character, or the dash between
#: two spaces): see _Doc.clauses.
_CLAUSE_MARKS = "،؛;:,-–"
_NON_SPACE = re.compile(r"\S")
_NOT_ARABIC = re.compile("[^\u0600-\u06ff]")
#: A match that ends exactly where a search stops (its look-ahead sees the cut) is
#: shorter than this: lexicon phrases are a few words.
_TAIL = 80
_Prefix = tuple[tuple[int, str] | None, bool]


def _spans(text: str, breaks: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    """The non-empty stretches of ``text[start:end]`` between matches of ``breaks`` (a
    pattern in one capturing group, no match empty): one split of the stretch, offsets
    summed in C, rather than a match object per break."""
    parts = breaks.split(text[start:end])  # stretch, break, stretch, ..., stretch
    bounds = list(accumulate(map(len, parts), initial=start))
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(parts), 2) if bounds[i] < bounds[i + 1]]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """``_spans(text, _SENTENCE_END, 0, len(text))``, read from the sentence marks of the
    text (``str.find``) instead of a regex scan: a run of end marks is a break when a
    space, the end of the text or a closing quote or bracket follows it (all of it or no
    part of it: a shorter run is followed by an end mark); a run of line breaks is one."""
    n = len(text)
    out = []
    last = skip = 0  # where the last break ends; where the last run read ends
    for p in sorted(_positions(text, ".!?؟\n")):
        if p < skip:
            continue  # (inside a run already read)
        q = p + 1
        if text[p] == "\n":
            while q < n and text[q] == "\n":
                q += 1
        else:
            while q < n and text[q] in ".!?؟":
                q += 1
            if q < n and not text[q].isspace() and text[q] not in "\"')]":
                skip = q
                continue
        if last < p:
            out.append((last, p))
        last = skip = q
    if last < n:
        out.append((last, n))
    return out


def _positions(text: str, chars: str) -> list[int]:
    """The offsets of the characters ``chars`` in ``text`` (for characters that are rare
    in it: a ``str.find`` in C per occurrence), grouped by character."""
    out = []
    find = text.find
    for ch in chars:
        at = find(ch)
        while at >= 0:
            out.append(at)
            at = find(ch, at + 1)
    return out


class _Doc:
    """Sentences, clauses, paragraphs and words of the match form, computed on demand."""

    def __init__(self, nt: NormalizedText, lex: _Lexicons, dates: Sequence[DateLike] = ()) -> None:
        text = self.text = nt.match
        #: the words of the whole text (runs of letters, as ``scan.WORD_RE`` finds them), read
        #: by every lookup that goes word by word, shared with the date stage
        self.words_of_text: WordIndex = match_words(nt)
        self.lex = lex
        #: id(pattern) -> the spans of its anchor in the text, its anchor words (or None) and
        #: whether the words that end in a foreign letter are anchors too
        self._anchored: dict[int, tuple[list[int], list[int], frozenset[str] | None, bool] | tuple[()]] = {}
        self._foreign: list[int] | None = None
        self._word_starts: dict[int, list[int]] = {}  # id(word set) -> where its words start
        self._listed: dict[int, list[int]] | None = None  # id(word set) -> indices of its words
        self.sentences = _sentence_spans(text) or [(0, len(text))]
        self._starts = [s for s, _ in self.sentences]
        self._clauses: dict[int, list[tuple[int, int]]] = {}
        self._marks: list[int] | None = None  # where the characters of _CLAUSE_MARKS are
        self._words: dict[int, _Words] = {}
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self._cues: dict[str, list[int]] | None = None
        self._cue_spans: list[tuple[int, int, tuple[str, ...]]] = []  # (end, start, metrics) of every cue word
        self._cue_ends: list[int] = []
        self._specific: list[tuple[int, str]] | None = None
        self._clause_starts: dict[int, list[int]] = {}
        self._clause_of: dict[int, tuple[int, int]] = {}
        self._leads: dict[tuple[int, int], int] = {}
        self._count_nouns: dict[int, list[int]] = {}
        self._digit_scan: tuple[int, int] = (0, -1)  # (from, first digit at or after it)
        self._matches: dict[tuple[int, tuple[int, int]], list[re.Match[str]]] = {}  # (id(pattern), span)
        self._match_ends: dict[tuple[int, tuple[int, int]], list[int]] = {}
        self._platform_clauses: dict[int, dict[int, int]] = {}
        self._clause_ends: dict[int, list[int]] = {}
        self._platform_prefix: dict[tuple[int, int], list[_Prefix]] = {}
        #: where the dates of the text start
        self.date_starts = frozenset(d.start for d in dates)
        #: where the numbers of the text start (with their qualifiers), set by attach_facts
        self.number_starts: frozenset[int] = frozenset()
        #: the number that starts at an offset (with its qualifier, or without), set by attach_facts
        self.number_at: dict[int, NumberCandidate] = {}
        self.number_start_list: list[int] = []  # the same, sorted
        self.number_end_list: list[int] = []  # where the numbers end, sorted

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def clauses(self, si: int) -> list[tuple[int, int]]:
        if si not in self._clauses:
            s, e = self.sentences[si]
            self._clauses[si] = self._clause_spans(s, e) or [(s, e)]
            self._clause_starts[si] = [c[0] for c in self._clauses[si]]
        return self._clauses[si]

    def _clause_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """``_spans(text, _CLAUSE_BREAK, start, end)``, read from the characters of
        ``_CLAUSE_MARKS`` in the stretch instead of a scan of it (a regex that may open on
        any space tries every one: several times the cost). The marks of the whole text are
        found once, by ``str.find``. A comma is a break unless a digit follows it in the
        stretch; a dash is one with a space on each side in the stretch, unless the break
        before it took the space before it (`` - - ``: the first dash only)."""
        marks = self._marks
        if marks is None:
            marks = self._marks = sorted(_positions(self.text, _CLAUSE_MARKS))
        text = self.text
        out = []
        last = start  # where the stretch after the last break starts
        for p in marks[bisect.bisect_left(marks, start):bisect.bisect_left(marks, end)]:
            ch = text[p]
            if ch in "-–":
                a, b = p - 1, p + 2
                if a < last or b > end or not text[a].isspace() or not text[p + 1].isspace():
                    continue
            elif ch == "," and p + 1 < end and text[p + 1].isdecimal():
                continue
            else:
                a, b = p, p + 1
            if last < a:
                out.append((last, a))
            last = b
        if last < end:
            out.append((last, end))
        return out

    def clause_of(self, pos: int) -> tuple[int, int]:
        """The clause around ``pos`` (asked of every count at every step: remembered)."""
        found = self._clause_of.get(pos)
        if found is None:
            si = self.sentence_index(pos)
            clauses = self.clauses(si)
            k = bisect.bisect_right(self._clause_starts[si], pos) - 1  # clauses are sorted and disjoint
            found = clauses[k] if k >= 0 and pos < clauses[k][1] else self.sentences[si]
            self._clause_of[pos] = found
        return found

    def clause_lead(self, clause: tuple[int, int]) -> int:
        """Offset of the first non-space character of ``clause`` (or its end)."""
        lead = self._leads.get(clause)
        if lead is None:
            m = _NON_SPACE.search(self.text, clause[0], clause[1])
            lead = self._leads[clause] = m.start() if m else clause[1]
        return lead

    def count_nouns(self, si: int, lex: _Lexicons) -> list[int]:
        """Indices of the words of sentence ``si`` that are count nouns (عدد, أعداد)."""
        found = self._count_nouns.get(si)
        if found is None:
            texts = self.words(si).text
            found = self._count_nouns[si] = list(compress(range(len(texts)), map(_has_key, texts,
                                                                                  repeat(lex.count_nouns))))
        return found

    def counted_noun_at(self, pos: int) -> bool:
        """Whether a number ends right before ``pos``, with only spaces between (the word at
        ``pos`` is its counted noun: 1850 وفاة)."""
        k = bisect.bisect_right(self.number_end_list, pos) - 1
        return k >= 0 and not self.text[self.number_end_list[k]:pos].strip()

    def number_between(self, start: int, end: int) -> bool:
        """Whether a number of the text starts in ``text[start:end]``."""
        k = bisect.bisect_left(self.number_start_list, start)
        return k < len(self.number_start_list) and self.number_start_list[k] < end

    def word_between(self, words: frozenset[str], start: int, end: int) -> bool:
        """Whether a word of ``words`` starts in ``text[start:end]`` (the words of the
        text are looked up once per set)."""
        found = self._word_starts.get(id(words))
        if found is None:
            starts = self.words_of_text.starts
            found = self._word_starts[id(words)] = [starts[i] for i in self.indices_of(words)]
        k = bisect.bisect_left(found, start)
        return k < len(found) and found[k] < end

    def indices_of(self, words: Collection[str]) -> list[int]:
        """The indices of the words of the text that are in ``words``, in order (the list is
        shared: not to be changed). The word sets of ``lex.listed`` are looked up together,
        in one pass over the words, when the first of them is asked for: a pass per set
        would cost as much each."""
        listed = self._listed
        if listed is None:
            lex = self.lex
            index = self.words_of_text
            texts, owners = index.texts, lex.listed
            listed = self._listed = {key: [] for key in lex.listed_ids}
            for i in index.indices_of(owners):
                for key in owners[texts[i]]:
                    listed[key].append(i)
        found = listed.get(id(words))
        if found is None:  # (a set the lexicons do not list)
            found = listed[id(words)] = self.words_of_text.indices_of(words)
        return found

    def may_match(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """False when ``pattern`` (a lexicon pattern with an anchor) cannot match in
        ``text[start:end]``, which spares most searches: every match holds a match of the
        anchor, so a search finds nothing where no anchor starts. The anchor is found once
        in the whole text; an anchor match hidden inside another one (finditer reports no
        overlaps) lies in that other one, so "no reported anchor match overlaps the span"
        means "no anchor starts in the span".

        Anchor words (``lex.anchor_words``) are whole words of the text: a match in the
        span holds one, unless the span cuts a word that, read up to the cut, is an anchor
        word (a search stops at ``end`` as if the text did there)."""
        found = self._anchored.get(id(pattern))
        if found is None:
            found = self._anchored[id(pattern)] = self._anchor_spans(pattern)
        if not found:
            return True  # a pattern without an anchor may match anywhere
        starts, ends, words, foreign = found
        k = bisect.bisect_left(starts, end) - 1  # the last anchor match starting before ``end``
        if k >= 0 and ends[k] > start:  # (anchor matches are disjoint: ends are sorted too)
            return True
        if words is None:
            return False
        text = self.text
        if not (start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()):
            return False  # (a letter is alphanumeric: no word is cut at ``end``)
        index = self.words_of_text
        k = bisect.bisect_right(index.starts, end - 1) - 1  # the word cut at ``end``, if any
        return k >= 0 and index.ends[k] > end and index.starts[k] >= start and (
            text[index.starts[k]:end] in words or (foreign and not _arabic(text[end - 1])))

    def _anchor_spans(self, pattern: re.Pattern[str]
                      ) -> tuple[list[int], list[int], frozenset[str] | None, bool] | tuple[()]:
        """The spans of the anchor of ``pattern`` in the text, its anchor words and whether
        foreign words are anchors too, for may_match; () for a pattern without an anchor."""
        lex = self.lex
        words = lex.anchor_words.get(id(pattern))
        if words is not None:
            index = self.words_of_text
            hits = self.indices_of(words)
            foreign = id(pattern) in lex.foreign_anchored
            if foreign:
                hits = sorted(set(hits).union(self.foreign_words()))
            return [index.starts[i] for i in hits], [index.ends[i] for i in hits], words, foreign
        anchor = lex.anchors.get(id(pattern))
        if anchor is None:
            return ()
        spans = [m.span() for m in anchor.finditer(self.text)]
        return [a for a, _ in spans], [b for _, b in spans], None, False

    def foreign_words(self) -> list[int]:
        """The indices of the words that end in a letter outside the Arabic block (Latin
        words, Arabic words glued to one), in order: the last letters of all the words, as
        one string, searched for such a letter."""
        found = self._foreign
        if found is None:
            lasts = "".join(map(itemgetter(-1), self.words_of_text.texts))
            found = self._foreign = [m.start() for m in _NOT_ARABIC.finditer(lasts)]
        return found

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        """``pattern.search(text, start, end)``, skipped where ``pattern`` has an anchor and
        none is in the span."""
        if not self.may_match(pattern, start, end):
            return None
        return pattern.search(self.text, start, end)

    def matches(self, pattern: re.Pattern[str], span: tuple[int, int]) -> list[re.Match[str]]:
        """``pattern.finditer`` over ``span`` (a clause), computed once."""
        key = (id(pattern), span)
        found = self._matches.get(key)
        if found is None:
            if self.may_match(pattern, span[0], span[1]):
                found = list(pattern.finditer(self.text, span[0], span[1]))
            else:
                found = []
            self._matches[key] = found
            self._match_ends[key] = [m.end() for m in found]
        return found

    def match_ends(self, pattern: re.Pattern[str], span: tuple[int, int]) -> list[int]:
        self.matches(pattern, span)
        return self._match_ends[(id(pattern), span)]

    def clause_ends(self, si: int) -> list[int]:
        ends = self._clause_ends.get(si)
        if ends is None:
            ends = self._clause_ends[si] = [c[1] for c in self.clauses(si)]
        return ends

    def platform_prefix(self, clause: tuple[int, int], lex: _Lexicons) -> list[_Prefix]:
        """For every k, (the first platform, whether all agree) among the first k platform
        matches of ``clause``."""
        prefix = self._platform_prefix.get(clause)
        if prefix is None:
            prefix = [(None, True)]
            first, uniform = None, True
            for m in self.matches(lex.platform_re, clause):
                keyed = _keyed([m], lex)
                if keyed:
                    if first is None:
                        first = keyed[0]
                    elif keyed[0][1] != first[1]:
                        uniform = False
                prefix.append((first, uniform))
            self._platform_prefix[clause] = prefix
        return prefix

    def search_before(self, pattern: re.Pattern[str], clause: tuple[int, int], start: int, end: int) -> bool:
        """``bool(pattern.search(text, start, end))`` for ``clause[0] <= start <= end <=
        clause[1]``, without scanning the clause again for every figure in it: a match of
        the whole clause that lies in ``[start, end)`` (its look-ahead before ``end``), else
        a search of the last ``_TAIL`` characters, where a match that needs the cut at
        ``end`` must lie."""
        if not self.may_match(pattern, start, end):
            return False
        if end <= start or start < clause[0] or end > clause[1]:
            return bool(pattern.search(self.text, start, end))
        found = self.matches(pattern, clause)
        ends = self._match_ends[(id(pattern), clause)]
        k = bisect.bisect_right(ends, end - 1) - 1  # the last match ending before ``end``
        if k >= 0 and found[k].start() >= start:
            return True
        return bool(self.search(pattern, max(start, end - _TAIL), end))

    def digit_between(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a digit (``str.isdigit``). Scans each stretch
        of the text once however many questions are asked about it, in increasing order."""
        if end <= start:
            return False
        scanned_from, first = self._digit_scan
        if not (scanned_from <= start <= first):
            text = self.text
            first = next((i for i in range(start, len(text)) if text[i].isdigit()), len(text))
            self._digit_scan = (start, first)
        elif start > scanned_from:
            self._digit_scan = (start, first)
        return first < end

    def words(self, si: int) -> _Words:
        """The words of sentence ``si``. A word never crosses a sentence boundary (a
        sentence is cut at punctuation or a line break), so they are a slice of the
        words of the text."""
        ws = self._words.get(si)
        if ws is None:
            texts, starts, ends = self.words_of_text
            s, e = self.sentences[si]
            lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            ws = self._words[si] = _Words(texts[lo:hi], starts[lo:hi], ends[lo:hi])
        return ws

    def word_index(self, si: int, pos: int) -> int:
        """Index of the first word of sentence ``si`` starting at or after ``pos``."""
        return bisect.bisect_left(self.words(si).start, pos)

    def paragraph_start(self, pos: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, pos) - 1]

    def finditer(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """``pattern.finditer`` over the whole text, for a lexicon pattern whose matches
        start at a word of ``lex.openings``: the pattern is tried at those words only (a
        set lookup per word of the word index), skipping those inside the last match as
        finditer does. The same matches, a scan of the text by a long alternation spared."""
        openings = self.lex.openings.get(id(pattern))
        if not openings:
            return list(pattern.finditer(self.text))
        return self.words_of_text.matches_at(pattern, self.text, self.indices_of(openings))

    def cue_positions(self, lex: _Lexicons) -> dict[str, list[int]]:
        """Metric -> sorted offsets of its cue words in the whole text (computed once)."""
        if self._cues is None:
            self._cues = {}
            self._cue_spans = []
            for m in self.finditer(lex.cue_re):
                metrics = lex.cue_metrics.get(_squash(m.group("cue")), ())
                self._cue_spans.append((m.end(), m.start(), metrics))
                for metric in metrics:
                    self._cues.setdefault(metric, []).append(m.start())
            self._cue_ends = [e for e, _, _ in self._cue_spans]  # (cue matches do not overlap)
        return self._cues

    def cue_before(self, pos: int, lex: _Lexicons) -> tuple[int, int, tuple[str, ...]] | None:
        """The cue word that ends right before ``pos``, with only spaces between (مقتل 3,
        وأصيب 17): its start, end and the metrics it names."""
        self.cue_positions(lex)
        k = bisect.bisect_right(self._cue_ends, pos) - 1
        if k < 0 or self.text[self._cue_ends[k]:pos].strip():
            return None
        end, start, metrics = self._cue_spans[k]
        return start, end, metrics

    def specific_mentions(self, lex: _Lexicons) -> list[tuple[int, str]]:
        """(offset, metric) of the specific multi-word metrics named in the text."""
        if self._specific is None:
            self._specific = []
            if lex.specific_re is not None:
                for m in self.finditer(lex.specific_re):  # the alternative that matched names the metric
                    name = next(k for k in lex.specific_of if m.group(k) is not None)
                    self._specific.append((m.start(), lex.specific_of[name]))
        return self._specific


# ---- dates as the facts see them -------------------------------------------------------------

class DateLike(Protocol):
    """What facts need of a date found in the text (match-form offsets)."""

    start: int
    end: int
    start_date: dt.date
    end_date: dt.date
    granularity: str


@dataclass(slots=True)
class _Period:
    """A date read for facts: the year it gives a count, and how far it reaches."""

    date: DateLike
    year: int
    governs: bool  # a frame for the passage after it, not tied to one count
    comparison: bool  # on a compared figure (مقارنة مع 40 في سنة 2024)
    since: bool = False  # starts a running total (منذ مطلع جانفي 2025): reaches no other count


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
    #: the parts are meant to make up the whole total (not بينهم); None: the whole when they
    #: add up to it (منها)
    complete: bool | None = True


_GRANULAR_NARROWER = {"day", "week", "month", "quarter", "half"}


def attach_facts(nt: NormalizedText, numbers: Sequence[NumberCandidate], dates: Sequence[DateLike],
                 reference_date: dt.date | None = None) -> tuple[list[FactCandidate], list[CheckCandidate]]:
    """Facts for the counts among ``numbers`` (already free of date numbers), in text order.

    ``reference_date`` is the article's date: a running total since a date (منذ 2023)
    stands at it. Dates computed from today's date (no reference date given) never give
    a fact its year.
    """
    lex = _lexicons()
    text = nt.match
    doc = _Doc(nt, lex, dates)
    numbers = _Starts(sorted(numbers, key=lambda c: c.core_start))
    doc.number_starts = frozenset(c.start for c in numbers)
    doc.number_start_list = sorted(doc.number_starts)
    doc.number_end_list = sorted(c.core_end for c in numbers)
    doc.number_at = {**{c.core_start: c for c in numbers}, **{c.start: c for c in numbers}}
    duals = _dual_counts(text, doc, lex)
    facts: list[FactCandidate] = []
    last_in_sentence: dict[int, FactCandidate] = {}
    for c in sorted([*numbers, *duals], key=lambda c: c.core_start) if duals else numbers:
        if not _countable(c):
            continue
        si = doc.sentence_index(c.core_start)
        if c.rule == "dual":
            fact = FactCandidate(c, c.extra["metric"], (c.core_start, c.core_end), doc.sentences[si], 0.75,
                                 how="dual")
            _refine(doc, si, fact, lex)
            facts.append(fact)
            last_in_sentence[si] = fact
            continue
        words = doc.words(si)
        wi = doc.word_index(si, c.core_end)
        fact = _read_metric(text, doc, si, words, wi, c, last_in_sentence.get(si), lex)
        if fact is None:
            continue
        _refine(doc, si, fact, lex)
        facts.append(fact)
        last_in_sentence[si] = fact
    periods = _periods(text, doc, dates, facts, reference_date, lex)
    for f in facts:
        f.platform = _platform(text, doc, f.number, numbers, f.metric in lex.online or f.metric is None, lex)
        _year(text, doc, f, periods, lex)
    _subjects(doc, facts, lex)
    checks = _totals(text, doc, facts, lex)
    return facts, checks


def _dual_counts(text: str, doc: _Doc, lex: _Lexicons) -> list[NumberCandidate]:
    """Counts of two written as the dual of a metric noun, with no number beside it (قتل
    شخصان, وإصابة طفلين): a count of 2 whose span is the noun. Not in a date (يومين is no
    metric anyway), not right after a number (3 شخصين would be a count of 3), not before
    one (شخصان اثنان)."""
    index = doc.words_of_text
    hits = doc.indices_of(lex.duals)
    if not hits:
        return []
    out = []
    for i in hits:
        dual, metric = lex.duals[index.texts[i]]
        e = index.ends[i]
        s = e - len(dual)
        if doc.counted_noun_at(s) or e in doc.number_starts or s in doc.date_starts:
            continue
        nxt = _NON_SPACE.search(text, e)
        if nxt is not None and nxt.start() in doc.number_starts:
            continue
        c = NumberCandidate(s, e, s, e, 2, "cardinal", rule="dual")
        c.extra["metric"] = metric
        out.append(c)
    return out


def _countable(c: NumberCandidate) -> bool:
    if c.kind in ("ordinal", "percent") or c.relative_to:
        return False
    if c.kind == "fraction" and abs(c.value) < 1:
        return False
    return c.value >= 0


_NUMBER_GLUE_BEFORE = re.compile(r"\d[-/.]\Z")  # (2015-159, 45/13, المرسوم رقم 2.24.123)
#: Digits, a dash and the start of a count: the first side of a range (200-300 مهاجر).
_RANGE_START = re.compile(r"(?<![\d/.,-])([1-9]\d*)-\Z")


def _range_end(text: str, c: NumberCandidate) -> bool:
    """Whether ``c`` ends a range written with a dash (وصل 200-300 مهاجر, 15-20 ألف
    مشارك): a smaller number with no leading zero before it, itself after no other number or
    separator (2015-159 and 12-03-2024 are identifiers and dates)."""
    m = _RANGE_START.search(text, max(0, c.core_start - 12), c.core_start)
    return m is not None and 0 < int(m.group(1)) < c.value and not text[c.core_end:c.core_end + 1] in "-/"

def _read_metric(text: str, doc: _Doc, si: int, words: _Words, wi: int, c: NumberCandidate,
                 previous: FactCandidate | None, lex: _Lexicons) -> FactCandidate | None:
    """The metric of the count ``c``, or None when ``c`` is not a fact."""
    sentence = doc.sentences[si]
    if _NUMBER_GLUE_BEFORE.search(text, max(0, c.core_start - 2), c.core_start) and not _range_end(text, c):
        return None  # 2015-159, 45/13, 2.24.123: part of an identifier
    if lex.proportion_after_re.match(text, c.core_end) or (
            doc.word_between(lex.uncounted_words, max(0, c.start - 30), c.start)
            and lex.uncounted_before_re.search(text, max(0, c.start - 30), c.start)):
        return None  # 7 من كل 10 مغاربة: a proportion; أي بزيادة 400 ألف متابع: a difference
    if _after_margin(text, c, lex) and doc.word_between(lex.change_verbs, doc.clause_of(c.core_start)[0], c.start):
        return None  # ارتفع عدد السياح بـ 300 ألف سائح: the size of the change, not a count
    if _after_time_noun(words, wi, c, lex):
        return None  # خلال الساعات الـ24 الماضية: a span of time, not a count
    # the word right after the count, unless a number starts in it (43 أكثر من 1.8 مليون,
    # مليون ومليوني) or a date starts at it (10 ملايين عام 2024)
    near = wi < len(words) and text[c.core_end:words.start[wi]].strip(" \t\"'") == "" \
        and not doc.number_between(words.start[wi], words.end[wi]) and words.start[wi] not in doc.date_starts
    if near and text[max(c.core_start, c.core_end - 8):c.core_end].endswith(lex.accusative_scales) \
            and _integral(c.value) and (named := _metric_before(text, doc, si, words, c, lex)) is not None \
            and named[0] is not None:
        # an accusative scale word has its noun before it (بلغ عدد الناخبين 17 مليونا صوت
        # منهم: صوت is a verb), when the clause names one
        return FactCandidate(c, named[0], named[1], sentence, 0.8, how="before")
    if (pair := lex.pair_after_re.match(text, c.core_end)) is not None and (
            nxt := doc.number_at.get(pair.end())) is not None:
        # ما بين 24 و51 سنة, بين 10 و20 شخصا, بين 10 آلاف و20 ألف درهم: the pair shares the
        # noun after the second number (a date after the joiner is no number: من 30 إلى 28 مايو)
        if nxt is not c and _countable(nxt):  # (من 5 إلى السابعة صباحا: no pair)
            pos = nxt.core_end
            wj = doc.word_index(si, pos)
            if wj < len(words) and text[pos:words.start[wj]].strip() == "" \
                    and not doc.number_between(words.start[wj], words.end[wj]):
                wi, near = wj, True
    if near:
        w0 = wi
        bare = True
        # 500 ألف من الزوار: the counted noun after من and the article (in a list, من
        # names a subgroup instead: و126 ألفا من الجنسيات الأخرى)
        if (words.text[w0] in lex.partitive and w0 + 1 < len(words) and words.text[w0 + 1].startswith(("ال", "لل"))
                and previous is None):
            if _after_label(doc, c, lex):
                return None  # النسخة 12 من الملتقى, المادة 3 من القانون: a rank or a reference, not a count
            w0, bare = w0 + 1, False
        if lex.non_counts.match(words, w0, bare):
            return None
        unit = lex.units.match(words, w0, bare)
        metric = lex.metrics.match(words, w0, bare)
        if unit and (not metric or unit[1] >= metric[1]):
            entry = lex.unit_entries[unit[0]]
            if entry.kind in ("length", "temperature"):
                return None
            label = "amount" if entry.kind == "currency" else (
                "seizures" if _nearest_cue(doc, si, c, ["seizures"], lex) else "quantity")
            span = (words.start[w0], words.end[w0 + unit[1] - 1])
            return FactCandidate(c, label, span, sentence, 0.85, unit=entry.label, how="unit")
        if metric:
            if not _integral(c.value):
                return None  # بمتوسط 5.1 فرد: an average, not a count
            span = (words.start[w0], words.end[w0 + metric[1] - 1])
            return FactCandidate(c, metric[0], span, sentence, 0.9, how="after")
        if words.keys(w0) & lex.anaphors:
            cue = doc.cue_before(c.start, lex)
            if cue is not None and len(cue[2]) == 1:
                # سقط 14 شهيدا وأصيب 37 آخرون: the verb right before says what the others count
                return FactCandidate(c, cue[2][0], (words.start[w0], words.end[w0]), sentence, 0.7, how="anaphor")
            if previous is not None and previous.metric is not None:
                # وأصيب 17 آخرون: "others" of the same kind as the previous count, refined anew
                # (persons when a cue named the previous one: استشهد 3 فلسطينيين وأصيب 12 آخرون)
                base = _PERSONS if previous.how == "cue" else previous.base_metric or previous.metric
                return FactCandidate(c, base, (words.start[w0], words.end[w0]),
                                     sentence, 0.7, unit=previous.unit, how="anaphor")
            if bare and _integral(c.value) and words.text[w0] in lex.person_anaphors:  # (not أخرى)
                # أصيب 3 آخرون with no count before: persons, refined by the verb's cue
                return FactCandidate(c, _PERSONS, (words.start[w0], words.end[w0]), sentence, 0.6, how="anaphor")
    if not _integral(c.value) or _after_label(doc, c, lex):
        return None  # المادة 12, الرقم الأخضر 3033: an identifier
    before = _metric_before(text, doc, si, words, c, lex)
    if before is not None:
        if _a_year(c) and doc.number_between(c.core_end, doc.clause_of(c.core_start)[1]):
            return None  # عدد الحجاج لموسم 1446 نحو 1.6 مليون: the year names the season, the count follows
        key, span = before
        return FactCandidate(c, key, span, sentence, 0.8 if key else 0.4, how="before")
    # (a cue word after the count opens the next item: مقتل 3 وإصابة 17)
    unknown_noun = near and not _is_function(words.text[wi], lex) and not _platforms_in(
        doc, (words.start[wi], words.end[wi]), lex) and not words.text[wi].startswith(_DEFINITE) \
        and words.keys(wi).isdisjoint(lex.cue_metrics)
    verb_after = unknown_noun and _looks_like_verb(words.text[wi], lex)
    cue = doc.cue_before(c.start, lex)
    if cue is not None and len(cue[2]) == 1 and not _year_like(c):
        # مقتل 3 وإصابة 17, توفي 3 أشخاص وأصيب 17, قتل 40 مدنيا: a verb or a verbal noun of a
        # metric right before a count with no known noun after it says what it counts
        span = (words.start[wi], words.end[wi]) if unknown_noun and not verb_after else cue[:2]
        return FactCandidate(c, cue[2][0], span, sentence, 0.6, how="cue")
    if previous is not None and (not unknown_noun or verb_after) and previous.metric is not None and not _year_like(c):
        # a list with an elided noun: the metric of the previous count in the sentence (a
        # verb after the number opens a clause about it: و600 تتعلق بالإشارات)
        return FactCandidate(c, previous.metric, previous.metric_span, sentence, 0.7, unit=previous.unit,
                             how="inherited")
    if unknown_noun and not verb_after and not _year_like(c):
        return FactCandidate(c, None, (words.start[wi], words.end[wi]), sentence, 0.35, how="unknown")
    return None


def _after_time_noun(words: _Words, wi: int, c: NumberCandidate, lex: _Lexicons) -> bool:
    """Whether the count follows a unit of time with the article and comes before no noun
    of its own (الساعات الـ24 الماضية, الأيام الـ10 الأخيرة: the article of الـ24 stands
    alone; ``wi`` is the word after the count)."""
    if wi < len(words) and not words.text[wi].startswith(ARTICLE):
        return False  # في اليوم 3 أشخاص: a count after the time
    b = bisect.bisect_right(words.end, c.core_start) - 1
    if b >= 0 and words.text[b] == ARTICLE:
        b -= 1
    return b >= 0 and words.text[b].startswith(ARTICLE) and lex.non_counts.match(words, b) is not None


def _after_margin(text: str, c: NumberCandidate, lex: _Lexicons) -> bool:
    """Whether ب stands right before the count or leads its qualifier (بـ 300, بنحو 160)."""
    if c.start < c.core_start and text.startswith(lex.change_margins, c.start):
        return True
    before = text[max(0, c.start - 3):c.start].rstrip()
    return before.endswith(lex.change_margins) and (len(before) < 2 or not before[-2].isalpha())


def _after_label(doc: _Doc, c: NumberCandidate, lex: _Lexicons) -> bool:
    """Whether a label or a rank stands right before the count (المادة 12, المرتبة 3)."""
    return bool(doc.search(lex.labels_re, max(0, c.start - 30), c.start))


_RUN_OF_DIGITS = re.compile(r"\d+")
#: Four-digit numbers in this range may be years, Gregorian or Hijri (موسم 1446).
_YEARS = range(1300, 2101)


#: The metric of "others" (آخرون) with no count before them: persons.
_PERSONS = "people"
#: The clitics that carry the article: a word that starts with one is definite, and a
#: counted noun is not (40 مقعدا والاستقلال على 35: الاستقلال is no noun of 35).
_DEFINITE = tuple(p for p in CLITIC_PREFIXES if has_article(p))


def _a_year(c: NumberCandidate) -> bool:
    return c.rule == "digits" and c.core_end - c.core_start == 4 and c.value in _YEARS


def _only_years(text: str, start: int, end: int) -> bool:
    """Whether every run of digits in ``text[start:end]`` is a four-digit year."""
    return all(len(m) == 4 and int(m) in _YEARS for m in _RUN_OF_DIGITS.findall(text, start, end))


def _integral(v: int | float) -> bool:
    return float(v).is_integer()


def _year_like(c: NumberCandidate) -> bool:
    return c.rule == "digits" and isinstance(c.value, int) and 1900 <= c.value <= 2100


def _is_function(t: str, lex: _Lexicons) -> bool:
    return t in lex.function_words or (len(t) > 2 and t[0] in CONJUNCTIONS and t[1:] in lex.function_words) or t == "و"


def _looks_like_verb(word: str, lex: _Lexicons) -> bool:
    """A crude guard against reading a verb as a counted noun (يتوزعون, شاركوا): the
    shape of a verb (fact_words: verb_prefixes, verb_suffixes, past_verb_suffixes) and no
    noun ending."""
    return bool(lex.verb_re.match(word)) and not word.endswith(lex.noun_endings)


def _metric_before(text: str, doc: _Doc, si: int, words: _Words, c: NumberCandidate, lex: _Lexicons
                   ) -> tuple[str | None, tuple[int, int]] | None:
    """A metric named after a count noun earlier in the clause: عدد زوارها حوالي مليونين.
    An unknown noun there (عدد التفاعلات 27 مليونا) gives a fact of unknown metric."""
    clause = doc.clause_of(c.core_start)
    first, last = doc.word_index(si, clause[0]), doc.word_index(si, c.start)
    # the nearest count noun before the count (an earlier one would see the same digits)
    nouns = doc.count_nouns(si, lex)
    k = bisect.bisect_left(nouns, last) - 1
    if k < 0 or nouns[k] < first:
        return None
    i = nouns[k]
    if doc.digit_between(words.end[i], c.start) and not _only_years(text, words.end[i], c.start):
        return None  # (عدد المسافرين في 2024 إلى 9 ملايين: a year between is no other count)
    if i + 1 >= last:
        return None
    m = lex.metrics.match(words, i + 1)
    if m is not None:
        return m[0], (words.start[i + 1], words.end[i + m[1]])
    if _is_function(words.text[i + 1], lex):
        return None  # وصل عددهم على يوتيوب إلى 850 ألفا: no noun named (a list may give it)
    return None, (words.start[i + 1], words.end[i + 1])


def _scope(doc: _Doc, si: int, c: NumberCandidate, scope: str) -> tuple[int, int]:
    if scope == "sentence":
        return doc.sentences[si]
    if scope == "paragraph":
        return doc.paragraph_start(c.core_start), doc.sentences[si][1]
    if scope == "document":
        return 0, doc.sentences[si][1]
    return doc.clause_of(c.core_start)


def _nearest_cue(doc: _Doc, si: int, c: NumberCandidate, metrics: Sequence[str], lex: _Lexicons) -> str | None:
    """Of ``metrics``, the one whose cue word is nearest the count, within its cue scope."""
    best: tuple[int, str] | None = None
    pos = c.core_start
    positions = doc.cue_positions(lex)
    for metric in metrics:
        found = positions.get(metric)
        if not found:
            continue
        lo, hi = _scope(doc, si, c, lex.cue_scope.get(metric, "clause"))
        k = bisect.bisect_left(found, pos)
        # the nearest cue on either side of the count; not a cue after the next count (it is
        # that count's), nor a cue that is another count's noun (1850 وفاة من بين 65 ألف حالة)
        for q in (k - 1, k):
            if 0 <= q < len(found) and lo <= found[q] < hi and not (
                    q == k and doc.number_between(c.core_end, found[q])) and not (
                    q < k and doc.counted_noun_at(found[q])):
                d = abs(found[q] - pos)
                if best is None or d < best[0]:
                    best = (d, metric)
    return best[1] if best else None


def _refine(doc: _Doc, si: int, fact: FactCandidate, lex: _Lexicons) -> None:
    """A generic noun (شخص, حالة, محتوى) takes a specific metric from the count noun
    before it (عدد الجرحى 25 شخصا = injuries), else from the nearest cue word (شخصا
    أوقفوا = arrests), or from a specific multi-word metric named earlier in its paragraph
    (المحتويات العنيفة ... 260 محتوى)."""
    fact.base_metric = fact.metric
    if fact.metric is None or fact.metric not in lex.refinable:
        return
    if fact.how == "after":
        named = _metric_before(doc.text, doc, si, doc.words(si), fact.number, lex)
        if named is not None and named[0] in lex.refinable[fact.metric]:
            fact.metric = named[0]
            if fact.metric not in lex.refinable:
                return
            # (and on from there: عدد حالات الإصابة بالحصبة 25 ألف حالة is cases of a disease)
    specific = _nearest_cue(doc, si, fact.number, lex.refinable[fact.metric], lex)
    if specific is not None:
        fact.metric, fact.confidence = specific, fact.confidence - 0.05
        return
    para = doc.paragraph_start(fact.number.core_start)
    mentions = doc.specific_mentions(lex)
    k = bisect.bisect_left(mentions, (fact.number.start, ""))
    candidates = set(lex.refinable[fact.metric])
    for pos, specific in reversed(mentions[:k]):
        if pos < para:
            break
        if specific in candidates:
            fact.metric, fact.confidence = specific, fact.confidence - 0.1
            return


# ---- platforms --------------------------------------------------------------------------------

class _Starts(list):
    """Numbers in text order with their start offsets, for bisecting."""

    def __init__(self, numbers: Sequence[NumberCandidate]) -> None:
        super().__init__(numbers)
        self.starts = [n.core_start for n in numbers]


_BOUND_PLATFORM = re.compile(r"(?:[^\W\d_]+|[A-Za-z]+)\s*(?:ب|:|-)?\s*\Z")


def _platform(text: str, doc: _Doc, c: NumberCandidate, numbers: Sequence[NumberCandidate], online: bool,
              lex: _Lexicons) -> str | None:
    """The platform of a count:

    1. one named after the count and before the next number, in its clause (٤٥ قناة على
       تيليجرام و١٨ صفحة على فيسبوك);
    2. else, for a metric counted online (followers, views...; or an unknown one), the
       ones named before it in its clause (two different ones joined together, as in على
       انستقرام وتيك توك أكثر من 96 مليون مشاهدة, give none);
    3. else, for such a metric, the one named in the nearest earlier clause of its
       sentence that names one (a frame: على منصة "فيسبوك"، فقد بلغت ...).

    A platform right before the number (فيسبوك بـ 500 ألف) binds to it first.
    """
    clause = doc.clause_of(c.core_start)
    si = doc.sentence_index(c.core_start)
    if not doc.may_match(lex.platform_re, doc.sentences[si][0], clause[1]):
        return None  # all that is read below lies in the sentence up to the end of the clause
    window = max(clause[0], c.start - 40)
    # (a bound platform lies in the window: no need to look for one where none is named)
    bound = _BOUND_PLATFORM.search(text, window, c.start) if doc.may_match(lex.platform_re, window, c.start) else None
    if bound:
        found = _platforms_in(doc, (bound.start(), bound.end()), lex)
        if found:
            return found[-1][1]  # موزعين على فيسبوك بـ 500 ألف
    starts = [n.core_start for n in numbers] if not isinstance(numbers, _Starts) else numbers.starts
    k = bisect.bisect_left(starts, c.end)
    nxt = starts[k] if k < len(starts) else clause[1]
    after = _platforms_in(doc, (c.end, min(clause[1], nxt)), lex)
    if after and not (nxt < clause[1] and _opens_item(text, c.end, after[0][0], lex)):
        return after[0][1]
    p = bisect.bisect_left(starts, c.core_start) - 1
    if p >= 0 and numbers[p].end >= clause[0]:
        # a platform between the count before and this one, after و, frames this one (عدد
        # المتابعين في فيسبوك إلى 500 ألف وفي إنستغرام إلى 200 ألف)
        between = _platforms_in(doc, (numbers[p].end, c.start), lex)
        if between and _opens_item(text, numbers[p].end, between[0][0], lex):
            return between[-1][1]
    if not online:
        return None  # نشرت على صفحتها في فيسبوك خبر وفاة 34 شخصا: deaths are not counted on facebook
    named, one = _platform_before(doc, clause, c.start, lex)
    if named:
        return one
    listed = _platform_after_list(doc, c, numbers, starts, clause, lex)
    if listed is not None:
        return listed
    k = bisect.bisect_right(doc.clause_ends(si), clause[0])  # clauses[:k] end before this one starts
    q = _nearest_naming_platform(doc, si, k, lex)
    if q >= 0:
        return _one(_platforms_in(doc, doc.clauses(si)[q], lex, clause=True))
    return None


#: The most items after a count read to find the platform that closes their list (a bound
#: on the work per count: a list of hundreds of items is no list of one platform).
_LIST_REACH = 12


def _platform_after_list(doc: _Doc, c: NumberCandidate, numbers: Sequence[NumberCandidate], starts: list[int],
                         clause: tuple[int, int], lex: _Lexicons) -> str | None:
    """The platform named after the last item of a list that ``c`` opens, when no item
    names one of its own: حصد المقطع 3 ملايين مشاهدة و150 ألف إعجاب و20 ألف تعليق على
    إنستغرام (the views and likes are on Instagram too)."""
    j = bisect.bisect_left(starts, c.end)
    last = c.end
    stop = j + _LIST_REACH
    while j < min(stop, len(numbers)) and starts[j] < clause[1] and _LIST_JOIN.search(
            doc.text, max(last, starts[j] - 3), numbers[j].start):
        if _platforms_in(doc, (last, numbers[j].start), lex):
            return None
        last, j = numbers[j].end, j + 1
    if last == c.end or j == stop:
        return None  # no list, or one too long to follow
    after = _platforms_in(doc, (last, min(clause[1], starts[j] if j < len(starts) else clause[1])), lex)
    return after[0][1] if after else None


def _opens_item(text: str, end: int, platform: int, lex: _Lexicons) -> bool:
    """Whether what stands between a count's ``end`` and a platform named after it opens
    the next item of a list: its first word starts with و (500 ألف وفي إنستغرام إلى 200
    ألف), or the platform's name is glued to و (500 ألف متابع وإكس 720 ألفا; واتساب is a
    name)."""
    m = lex.platform_re.match(text, platform)
    if m is not None and m.group("glued") is not None:
        return text[platform] == "و"
    before = text[end:platform].split()
    return bool(before) and before[0].startswith("و")


def _one(found: list[tuple[int, str]]) -> str | None:
    return found[0][1] if len({p for _, p in found}) == 1 else None


def _platform_before(doc: _Doc, clause: tuple[int, int], end: int, lex: _Lexicons) -> tuple[bool, str | None]:
    """Whether platforms are named in ``clause`` before ``end``, and ``_one`` of them: the
    same as ``_platforms_in(doc, (clause[0], end))`` but read from the clause's
    platforms, found once (a scan of the clause per count is quadratic in a long
    clause). The matches that end before ``end`` are those of the whole clause; one that
    needs the cut at ``end`` (its look-ahead sees the end of the string) lies in the
    last ``_TAIL`` characters."""
    if end <= clause[0]:
        return False, None
    found = doc.matches(lex.platform_re, clause)
    k = bisect.bisect_right(doc.match_ends(lex.platform_re, clause), end - 1)
    first, uniform = doc.platform_prefix(clause, lex)[k]
    tail_from = found[k - 1].end() if k else clause[0]
    tail = _platforms_in(doc, (max(tail_from, end - _TAIL), end), lex)
    if first is None and not tail:
        return False, None
    keys = {p for _, p in tail} | ({first[1]} if first is not None else set())
    return True, (next(iter(keys)) if uniform and len(keys) == 1 else None)


def _keyed(found: Sequence[re.Match[str]], lex: _Lexicons) -> list[tuple[int, str]]:
    out = []
    for m in found:
        name = m.group("free") or m.group("framed") or m.group("glued")
        key = lex.platform_of.get(_squash(name).lower())
        if key:
            out.append((m.start(), key))
    return out


def _nearest_naming_platform(doc: _Doc, si: int, k: int, lex: _Lexicons) -> int:
    """Index of the nearest clause before ``clauses[k]`` in sentence ``si`` that names a
    platform, or -1. Walks back from ``k`` like a loop over the clauses would, and
    remembers every answer on the way, so no clause is read twice."""
    memo = doc._platform_clauses.setdefault(si, {})
    clauses = doc.clauses(si)
    path = []
    j = k
    while True:
        if j in memo:
            found = memo[j]
            break
        i = j - 1
        if i < 0 or _platforms_in(doc, clauses[i], lex, clause=True):
            found = memo[j] = i if i >= 0 else -1
            break
        path.append(j)
        j = i
    for p in path:
        memo[p] = found
    return found


def _platforms_in(doc: _Doc, span: tuple[int, int], lex: _Lexicons, clause: bool = False) -> list[tuple[int, str]]:
    """(offset, platform) of the platforms named in ``span``, remembered for a span that is
    a whole ``clause``. Platforms are rare: most spans name none and are not scanned."""
    if span[1] <= span[0] or not doc.may_match(lex.platform_re, span[0], span[1]):
        return []
    if clause:
        return _keyed(doc.matches(lex.platform_re, span), lex)
    return _keyed(list(lex.platform_re.finditer(doc.text, span[0], span[1])), lex)


# ---- years ----------------------------------------------------------------------------------------

#: How far before a date the baseline word of a change may stand (عن الفترة نفسها من ...).
_BASELINE_REACH = 40
#: How far into a date a since-word may start (منذ خمس سنوات: the date's span holds it).
_SINCE_INSIDE = 6


def _periods(text: str, doc: _Doc, dates: Sequence[DateLike], facts: Sequence[FactCandidate],
             reference_date: dt.date | None, lex: _Lexicons) -> _Periods:
    """The dates that can give a count its year, in text order.

    Left out: dates computed from today's date (no reference date was given: a year from
    them would be invented), ranges over several years, and dates that name a law, a birth
    or a founding (ظهير 21 ماي 1974). A running total since a date (منذ 2023) stands at
    the reference date, and its date reaches no other count. A date that names "the
    same" period (السنة نفسها) takes the year of the last one named. A date governs the
    passage after it when its clause holds no count of its own (خلال سنة 2025، ...), or
    when it names the article's current period (هذه السنة, اليوم); otherwise it belongs
    to the count beside it.
    """
    out: list[_Period] = []
    count_starts = sorted(f.number.core_start for f in facts)
    last_year: int | None = None
    for d in sorted(dates, key=lambda d: d.start):
        if getattr(d, "reference", None) == "today":
            continue
        clause = doc.clause_of(d.start)
        lead = (max(clause[0], d.start - 40), d.start)
        window = (max(clause[0], d.start - 25), d.start)
        if ((h := doc.search(lex.historical_re, *window)) is not None and not doc.counted_noun_at(h.start())) \
                or doc.search(lex.label_anywhere_re, *window):
            continue  # (836 ألف مولود في 2023: مولود is what is counted, not a birth date)
        since = False
        if doc.search(lex.anaphoric_re, d.start, d.end) and last_year is not None:
            year = last_year
        elif (m := doc.search(lex.since_re, lead[0], min(d.end, d.start + _SINCE_INSIDE))) is not None \
                and reference_date is not None and not doc.number_between(m.end(), d.start) \
                and not doc.search(lex.comparison_re, *lead):
            # (منذ اندلاع الحرب في 15 أبريل 2023, or منذ in the date: الأعلى منذ خمس سنوات; but in
            # انطلاقا من ليبيا 45 ألفا خلال 2024, a count stands between: من is a place)
            year, since = reference_date.year, True
        elif d.start_date.year == d.end_date.year:
            year = d.start_date.year
        else:
            continue
        last_year = year
        k = bisect.bisect_left(count_starts, clause[0])
        own_count = k < len(count_starts) and count_starts[k] < clause[1]
        current = bool(getattr(d, "relative", False)) and d.start_date <= (reference_date or d.start_date) <= d.end_date
        comparison = doc.search_before(lex.comparison_re, clause, clause[0], d.start) or (
            doc.word_between(lex.change_words, clause[0], d.start)
            and bool(doc.search(lex.baseline_re, max(clause[0], d.start - _BASELINE_REACH), d.start)))
        # (a change's baseline governs no passage: بانخفاض 12% عن الفترة نفسها من العام الماضي.
        # وبلغت الحوادث 18 ألف حادث is this year's)
        governs = (current if own_count else not comparison) and not since
        out.append(_Period(d, year, governs=governs, comparison=comparison, since=since and own_count))
    return _Periods(out)


class _Periods(list):
    """Periods in text order, with their start offsets and, for every index, the index of
    the latest governing (and of the latest not compared) period up to it, or -1."""

    def __init__(self, periods: list[_Period]) -> None:
        super().__init__(periods)
        self.starts = [p.date.start for p in periods]
        self.last_governing: list[int] = []
        self.last_plain: list[int] = []
        g = a = -1
        for i, p in enumerate(periods):
            if not p.comparison and not p.since:
                a = i
                if p.governs:
                    g = i
            self.last_governing.append(g)
            self.last_plain.append(a)


def _year(text: str, doc: _Doc, fact: FactCandidate, periods: _Periods, lex: _Lexicons) -> None:
    """The year of a count, in this order:

    1. a date in its clause, unless a comparison word separates them (29 تكذيبا، مقارنة
       مع 40 في سنة 2024: 2024 is the 40's);
    2. the latest date before it that governs the passage (see :func:`_periods`);
    3. the latest date before it in the text that is not on a compared figure;
    4. the first governing date after it in its sentence (شارك 38 ألف عداء في ماراثون
       بيروت، الذي أقيم يوم 16 نوفمبر 2025);
    5. none: a year is never invented.
    """
    c = fact.number
    clause = doc.clause_of(c.core_start)
    chosen: _Period | None = None
    starts = periods.starts
    for q in range(bisect.bisect_left(starts, clause[0] - 400), bisect.bisect_left(starts, clause[1])):
        p = periods[q]
        d = p.date
        if d.end <= clause[0] or d.start >= clause[1]:
            continue
        lo, hi = (c.end, d.start) if d.start >= c.end else (d.end, c.start)
        if doc.search_before(lex.comparison_re, clause, lo, max(lo, hi)):
            continue
        if chosen is None or _nearer(text, c, d, chosen.date, lex):
            chosen = p
    if chosen is None:
        k = bisect.bisect_left(starts, c.start) - 1
        while k >= 0 and periods[k].date.end > c.start:
            k -= 1
        if k >= 0:
            g = periods.last_governing[k]
            a = periods.last_plain[k]
            chosen = periods[g] if g >= 0 else (periods[a] if a >= 0 else None)
    if chosen is None:
        s_end = fact.sentence[1]
        for q in range(bisect.bisect_left(starts, c.end), bisect.bisect_left(starts, s_end)):
            p = periods[q]
            if p.governs and not p.comparison:
                chosen = p
                break
    if chosen is None:
        return
    fact.year = chosen.year
    if chosen.date.granularity in _GRANULAR_NARROWER:
        fact.period = chosen.date


def _nearer(text: str, c: NumberCandidate, d: DateLike, other: DateLike, lex: _Lexicons) -> bool:
    """Whether the date ``d`` is the year of the count ``c`` rather than ``other``: the
    nearer one, except that a date right before the count, with only a joiner (و, إلى)
    between them, closes the item before it (2500 إصابة في 2023 و1800 إصابة في 2022: 2022
    is the 1800's; من 80 ألفا في 2023 إلى 145 ألفا في 2024: 2024 is the 145,000's)."""
    def rank(x: DateLike) -> tuple[bool, int]:
        gap = text[x.end:c.core_start].strip(" ،,") if x.end <= c.core_start else None
        return gap is not None and (not gap or gap in lex.pair_joiners), abs(x.start - c.core_start)
    return rank(d) < rank(other)


# ---- subjects ----------------------------------------------------------------------------------------

_NON_SPACE_RUN = re.compile(r"\S+")


def _spaced(a: str, b: str) -> str:
    return a + " " + b


def _subjects(doc: _Doc, facts: list[FactCandidate], lex: _Lexicons) -> None:
    """The nearest organisation name before each count in its sentence. A name runs on
    through definite words after its head; it is cut back to the longest prefix the
    document names at least twice (المديرية العامة للأمن الوطني, not ... النسخة السادسة)."""
    if not facts:
        return
    # start, [(word, end offset)], prefixes, the letters of the article put back (see below)
    names: list[tuple[int, list[tuple[str, int]], list[str], str]] = []
    text = doc.text
    for m in doc.finditer(lex.org_re):
        if not m.group("chain") and " " not in m.group("head"):
            continue  # a lone head noun (جمعية) is a common noun, not a name
        if re.search(r"\d\s*\Z", text[max(0, m.start() - 12):m.start()]):
            continue  # 1500 جمعية: a counted noun
        # ل before the article drops its alef (للمديرية: المديرية), and the article's lam
        # too before a lam (للجنة: اللجنة): put back, as the name is written alone
        name = m.group("name")
        if m.start("head") - m.start("name") == 1:
            restored = "ا"
        elif m.start("head") == m.start("name") > m.start() and text[m.start("name") - 1] == "ل" == name[0]:
            restored = "ال"
        else:
            restored = ""
        if restored and not _after_source(doc, m.start(), lex):
            continue  # الدورة 93 للجمعية العامة: the name of the event's body, not the subject
        parts = [(restored + name, m.end("head"))]
        for x in _NON_SPACE_RUN.finditer(m.group("chain")):
            if m.start("chain") + x.start() in doc.date_starts or doc.number_between(
                    m.start("chain") + x.start(), m.start("chain") + x.end()):
                break  # أعلنت الوزارة اليوم, استقبل المستشفى ألفا: a date or a number is no part of a name
            parts.append((x.group(), m.start("chain") + x.end()))
        if len(parts) == 1 and " " not in m.group("head"):
            continue  # (a lone head noun again, once the date is cut off)
        # with the name's prefixes of one, two, ... words, one space between words
        names.append((m.start("name"), parts, list(accumulate((w for w, _ in parts), _spaced)), restored))
    if not names:
        return
    counts = Counter(p for _, _, prefixes, _ in names for p in prefixes)

    def end_of(parts: list[tuple[str, int]], prefixes: list[str]) -> int:
        for k in range(len(parts), 2, -1):
            if counts[prefixes[k - 1]] >= 2:
                return parts[k - 1][1]
        # named once: the head, the word after it, then ل-constructs and adjectives
        # (المكتب الوطني للسكك الحديدية, الهيئة العليا المستقلة), but not a noun after
        # them (... النسخة السادسة)
        k = 2 if len(parts) > 1 and parts[1][0][:1] not in CONJUNCTIONS else 1
        # nouns coordinated with it (حزب العدالة والتنمية, وزارة الصحة والحماية الاجتماعية), not
        # a relative pronoun (وزارة الصحة والتي)
        while k < len(parts) and parts[k][0][:1] in CONJUNCTIONS and not _is_function(parts[k][0], lex):
            k += 1
        feminine = parts[0][0].endswith(lex.feminine_endings)
        while k < len(parts) and not _is_function(parts[k][0], lex) and (
                parts[k][0].startswith("لل") or lex.nisba_re.search(parts[k][0]) or (
                    parts[k][0].startswith(lex.participle_starts)
                    and parts[k][0].endswith(lex.feminine_endings) == feminine)):
            k += 1
        return parts[k - 1][1]

    starts = [n[0] for n in names]
    for f in facts:
        i = bisect.bisect_left(starts, f.number.start) - 1
        if i >= 0 and names[i][0] >= f.sentence[0]:
            start, parts, prefixes, restored = names[i]
            f.extra["subject_span"] = (start, end_of(parts, prefixes))
            f.extra["subject_restored"] = restored


def _after_source(doc: _Doc, pos: int, lex: _Lexicons) -> bool:
    """Whether the word before ``pos`` is a source of figures (بلاغ, معطيات, تقرير)."""
    texts, starts, _ = doc.words_of_text
    k = bisect.bisect_left(starts, pos) - 1
    return k >= 0 and not _keys(texts[k]).isdisjoint(lex.sources)


# ---- totals and parts --------------------------------------------------------------------------------

def _totals(text: str, doc: _Doc, facts: list[FactCandidate], lex: _Lexicons) -> list[CheckCandidate]:
    """Totals and their parts. A total is announced before its figure (ما مجموعه 6862),
    by an adjective between noun and figure (عدد المتابعين الإجمالي 1,197,335), or by a
    breakdown marker after it, before any other count (يتوزعون كالآتي, موزعة على, من
    بينها, توزع ... على النحو التالي in the next sentence)."""
    checks: list[CheckCandidate] = []
    i = 0
    while i < len(facts):
        f = facts[i]
        c = f.number
        if i + 1 < len(facts) and f.role is None and facts[i + 1].sentence == f.sentence and doc.search(
                lex.out_of_re, c.end, facts[i + 1].number.start):
            # نجح 245 ألف طالب من أصل 380 ألفا: a part, then its total (one part: no check)
            f.role, facts[i + 1].role = "part", "total"
            i += 2
            continue
        clause = doc.clause_of(c.core_start)
        marked_before = bool(doc.search(lex.total_before_re, max(0, c.start - 30), c.start))
        marked_after = doc.search_before(lex.total_after_re, clause, clause[0], max(clause[0], c.start))
        next_start = facts[i + 1].number.start if i + 1 < len(facts) else len(text)
        breakdown = doc.search(lex.breakdown_re, c.end, min(next_start, c.end + 250))
        if not (marked_before or marked_after or breakdown):
            i += 1
            continue
        inclusive = bool(breakdown and lex.inclusion_re.match(text, breakdown.start()))
        of_which = bool(breakdown and lex.of_which_re.match(text, breakdown.start()))
        parts = _parts(doc, facts, i, breakdown.start() if breakdown else None, lex,
                       breakdown.end() if inclusive or of_which else None)
        if parts:
            f.role = "total"
            for j in parts:
                facts[j].role = "part"
            checks.append(CheckCandidate(i, parts, False if inclusive else None if of_which else True))
            i = parts[-1] + 1
        else:
            i += 1
    return checks


_LIST_JOIN = re.compile(r"(?:[،,:]\s*|(?<![^\W\d_])و\s*)\Z")


def _list_item(doc: _Doc, f: FactCandidate) -> bool:
    """Whether a count continues a list: joined by و or a comma (و311 امرأة, ، 502 ألف),
    or in a clause that opens with و (وشاركت في ... 4386 ربورتاجا). على 161 مقعدا is not."""
    c = f.number
    if _LIST_JOIN.search(doc.text, max(0, c.start - 3), c.start):
        return True
    clause = doc.clause_of(c.core_start)
    lead = doc.clause_lead(clause)
    return lead < c.start and doc.text[lead] == "و"


def _adding_prefix(facts: list[FactCandidate], total: FactCandidate, parts: list[int]) -> list[int]:
    """When the parts overshoot the total but their first ones add up to it exactly, the
    rest were extra items of the list, not parts."""
    target = total.number.value
    if sum(facts[j].number.value for j in parts) <= target:
        return parts
    acc = 0
    for k, j in enumerate(parts):
        acc += facts[j].number.value
        if k >= 1 and abs(acc - target) <= 1e-9 * max(1, abs(target)):
            return parts[: k + 1]
    return parts


def _parts(doc: _Doc, facts: list[FactCandidate], i: int, marker: int | None, lex: _Lexicons,
           some: int | None = None) -> list[int]:
    """The parts of the total ``facts[i]`` (at least two, or one right after a marker of
    some of them, which ends at ``some``: قتل 25 شخصا بينهم 6 أطفال): the facts after it in its
    sentence, or in the sentence of its breakdown marker, up to an "on top of" word
    (علاوة على تعميم 29 تكذيبا), a count that is not smaller than the total or one in
    another unit (a weight after a count of people); if none,
    the following facts of the same metric, each on its own platform, in the next
    sentences of the same or the next paragraph."""
    total = facts[i]
    si = doc.sentence_index(total.number.core_start if marker is None else marker)
    same: list[int] = []
    for j in range(i + 1, len(facts)):
        f = facts[j]
        if doc.sentence_index(f.number.core_start) != si:
            if not same and doc.sentence_index(f.number.core_start) < si:
                continue
            break
        if doc.search(lex.addition_re, facts[j - 1].number.end, f.number.start):
            break
        if f.number.value >= total.number.value or (same and not _list_item(doc, f)) or f.unit != total.unit:
            break  # (a measure is no part of a count: أوقفت 1250 شخصا ... وحجزت 3,5 أطنان)
        same.append(j)
    if len(same) >= 2:
        return _adding_prefix(facts, total, same)
    if some is not None and len(same) == 1 and not doc.text[some:facts[same[0]].number.start].strip():
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

def _subject(name: str | None, restored: str) -> str | None:
    """The subject as written, with the letters of its article that a preposition took
    put back (بلاغ للمديرية العامة: المديرية العامة; للجنة الوطنية: اللجنة الوطنية)."""
    return restored + name if name is not None else None


def build_facts(nt: NormalizedText, facts: Sequence[FactCandidate], checks: Sequence[CheckCandidate]):
    """Turn candidates into :class:`~arabic_stats.models.Fact` and
    :class:`~arabic_stats.models.Check` objects with offsets in the caller's string."""
    from .models import Check, Fact, Span, _construct

    original = nt.original
    span_of = nt.span

    def text_of(span: tuple[int, int] | None) -> str | None:
        if span is None:
            return None
        s, e = span_of(*span)
        return original[s:e]

    sentences: dict[tuple[int, int], Span] = {}  # the facts of a sentence share its Span
    periods: dict[int, object] = {}  # id(date) -> its DateValue (the dates outlive this loop)
    out: list = []
    for f in facts:
        c = f.number
        s, e = span_of(c.start, c.end)
        sentence = sentences.get(f.sentence)
        if sentence is None:
            ss, se = span_of(*f.sentence)
            sentence = sentences[f.sentence] = _construct(Span, {"start": ss, "end": se})
        period = None
        if f.period is not None:
            period = periods.get(id(f.period))
            if period is None:  # one value per date, however many facts it gives a period
                value_of = getattr(f.period, "_value", None)
                period = value_of(validate=False) if value_of is not None else getattr(f.period, "value", None)
                periods[id(f.period)] = period
        # every field is already checked where it was read: no second validation per fact
        out.append(_construct(Fact, {
            "metric": f.metric, "metric_text": text_of(f.metric_span), "count": c.value, "unit": f.unit,
            "qualifier": c.qualifier, "platform": f.platform, "year": f.year, "period": period,
            "subject": _subject(text_of(f.extra.get("subject_span")), f.extra.get("subject_restored", "")),
            "role": f.role, "text": original[s:e], "start": s,
            "end": e, "sentence": sentence, "confidence": round(max(0.0, min(1.0, f.confidence)), 2)}))
    out_checks = []
    for ch in checks:
        total = facts[ch.total].number.value
        parts = [facts[j].number.value for j in ch.parts]
        slack = 1e-9 * max(1, abs(total))
        adds_up = abs(sum(parts) - total) <= slack
        complete = adds_up or sum(parts) > total if ch.complete is None else ch.complete
        holds = adds_up if complete else sum(parts) <= total + slack
        out_checks.append(Check(total=total, parts=parts, holds=holds, complete=complete,
                                metric=facts[ch.total].metric, total_fact=ch.total, part_facts=list(ch.parts)))
    return out, out_checks

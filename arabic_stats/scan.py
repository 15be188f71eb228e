"""Stage 2: tokens of the match form, with clitics as sub-spans.

Arabic glues conjunctions, prepositions and the article to the word they belong to
(``والتسعين`` = و + ال + تسعين, ``بألفين`` = ب + ألفين) and news text glues digits to
words (``و268``, ``الأمن97``). :func:`scan` cuts a stretch of match-form text into words,
digit groups and punctuation; :func:`clitic_analyses` lists the ways a word can be split
into a clitic prefix and a stem, shortest prefix first, so that a lexicon lookup can take
the first stem it knows.

The module also builds the compact regex alternations the recognizers use to find
candidates quickly (:func:`trie_pattern`).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .normalize import NormalizedText

__all__ = [
    "ARTICLE",
    "LETTER",
    "NOT_LETTER_BEFORE",
    "NOT_LETTER_AFTER",
    "CLITIC_PREFIX",
    "CLITIC_PREFIX_LONGEST",
    "CONJUNCTIONS",
    "CONJUNCTION",
    "PREPOSITIONS",
    "PREPOSITION",
    "PREPOSITION_BEFORE_ARTICLE",
    "Token",
    "WORD_RE",
    "WordIndex",
    "clitic_analyses",
    "match_words",
    "word_index",
    "letter_bmp",
    "within_bmp",
    "match_within_bmp",
    "scan",
    "trie_pattern",
    "phrase_pattern",
]

#: A letter (any script), digits and underscore excluded.
LETTER = r"[^\W\d_]"
NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
NOT_LETTER_AFTER = r"(?![^\W\d_])"
#: The definite article as written glued to its word.
ARTICLE = "ال"
#: The conjunctions glued before a word, and the prepositions glued to a word (after a
#: conjunction, before the article): as strings of letters and as regex character classes.
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
CONJUNCTION = "[" + CONJUNCTIONS + "]"
PREPOSITION = "[" + PREPOSITIONS + "]"
#: The prepositions written whole before the article (بال, كال); ل and the article make لل.
PREPOSITION_BEFORE_ARTICLE = "[" + PREPOSITIONS.replace("ل", "") + "]"
#: Optional proclitics of a word in the match form: conjunction, then preposition or
#: article (لل is ل + ال with the alef dropped; ل takes the article only so).
CLITIC_PREFIX = r"(?:" + CONJUNCTION + r"?(?:" + PREPOSITION_BEFORE_ARTICLE + r"?ال|لل|" + PREPOSITION + r")?)"
#: Every text CLITIC_PREFIX matches, fewest letters first (for lookups by prefix).
CLITIC_PREFIXES: tuple[str, ...] = tuple(sorted(
    {c + p for c in ("", *CONJUNCTIONS) for p in ("", "ال", "لل", *PREPOSITIONS,
                                                   *(q + "ال" for q in PREPOSITIONS if q != "ل"))},
    key=lambda p: (len(p), p)))
#: The longest text CLITIC_PREFIX matches (و + بال).
CLITIC_PREFIX_LONGEST = 4
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the match form; ``start``/``end`` are match-form offsets."""

    text: str
    start: int
    end: int
    kind: str  # "word", "digits", "punct"

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


_TOKEN_RE = re.compile(r"(?P<digits>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+)|(?P<punct>[^\s\w]|_)")


def scan(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` (offsets stay those of ``text``)."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end(), m.lastgroup or "punct")
            for m in _TOKEN_RE.finditer(text, start, stop)]


#: A word: a run of letters (LETTER).
WORD_RE = re.compile(LETTER + "+")
#: WORD_RE in one capturing group, for the split of the word index.
_WORD_SPLIT = re.compile("(" + WORD_RE.pattern + ")")


def _listed(test: Callable[[str], bool]) -> str:
    """A regex character class that lists, as ranges, the characters of the Basic
    Multilingual Plane (U+0000-U+FFFF) that pass ``test``."""
    ranges: list[list[int]] = []
    for c in range(0x10000):
        if test(chr(c)):
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


@cache
def letter_bmp() -> str:
    """LETTER for a text with no character beyond the BMP (see within_bmp): the same
    characters (word characters that are no digit), listed. The regex engine tests a
    listed class in a bitmap, and LETTER by several lookups in the Unicode tables (\\W,
    \\d): a split of a text in words takes a third less. (Listed once, when first used.)"""
    return _listed(lambda c: c.isalnum() and not c.isdecimal())


@cache
def _word_split_bmp() -> re.Pattern[str]:
    return re.compile("(" + letter_bmp() + "+)")


def within_bmp(text: str) -> bool:
    """Whether every character of ``text`` is in the BMP: in UTF-16, two bytes each (an
    encoding in C, faster than a search for the others)."""
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


def match_within_bmp(nt: NormalizedText) -> bool:
    """within_bmp of the match form of ``nt``, computed once."""
    found = nt._derived.get("bmp")
    if found is None:
        found = nt._derived["bmp"] = within_bmp(nt.match)
    return found


class WordIndex(NamedTuple):
    """The words of a text (runs of letters) as three parallel lists: their texts, starts
    and ends. Stages that look words up in a lexicon test the texts in C
    (``map(some_set.__contains__, index.texts)``) instead of scanning the text with a
    long alternation."""

    texts: list[str]
    starts: list[int]
    ends: list[int]

    def indices_of(self, words: Collection[str]) -> list[int]:
        """The indices of the words that are in ``words``, in order (tested in C)."""
        return list(compress(range(len(self.texts)), map(words.__contains__, self.texts)))

    def starting_with(self, text: str, prefixes: Iterable[str]) -> list[int]:
        """The indices of the words of ``text`` that start with one of ``prefixes`` (runs
        of letters), in order. For prefixes that are rare in the text: the text is
        searched for each (in C), and a place where a word starts is kept; a test of
        every word would cost more than the whole search."""
        starts = self.starts
        n = len(starts)
        found = set()
        for p in prefixes:
            at = text.find(p)
            while at >= 0:
                i = bisect.bisect_left(starts, at)
                if i < n and starts[i] == at:  # (a word that starts with letters p starts with p)
                    found.add(i)
                at = text.find(p, at + 1)
        return sorted(found)

    def matches_at(self, pattern: re.Pattern[str], text: str, indices: Iterable[int]) -> list[re.Match[str]]:
        """What ``pattern.finditer(text)`` gives for a pattern whose every match starts at
        one of the words ``indices`` (in order): the pattern is tried at those words only,
        skipping those inside the last match, as finditer does."""
        out = []
        last_end = 0
        starts = self.starts
        for i in indices:
            if starts[i] >= last_end:
                m = pattern.match(text, starts[i])
                if m is not None:
                    out.append(m)
                    last_end = m.end()
        return out


def word_index(text: str, bmp: bool | None = None) -> WordIndex:
    """The words of ``text``: one split, the offsets summed in C (no object per word).
    ``bmp``: within_bmp(text), when the caller knows it."""
    if bmp is None:
        bmp = within_bmp(text)
    parts = (_word_split_bmp() if bmp else _WORD_SPLIT).split(text)  # gap, word, gap, word, ..., gap
    bounds = list(accumulate(map(len, parts)))  # the end of every part
    texts = parts[1::2]
    return WordIndex(texts, bounds[0:2 * len(texts):2], bounds[1::2])


def match_words(nt: NormalizedText) -> WordIndex:
    """The word index of the match form of ``nt``, computed once and shared by the
    stages that read it (dates, facts)."""
    found = nt._derived.get("words")
    if found is None:
        found = nt._derived["words"] = word_index(nt.match, match_within_bmp(nt))
    return found


def clitic_analyses(word: str) -> list[tuple[str, str]]:
    """Ways to split ``word`` into (proclitics, stem), the whole word first.

    >>> clitic_analyses("والتسعين")[:3]
    [('', 'والتسعين'), ('و', 'التسعين'), ('وال', 'تسعين')]
    >>> ('لل', 'ثانية') in clitic_analyses("للثانية")
    True
    """
    out = [("", word)]
    conj = ""
    rest = word
    heads = [("", word)]
    if len(word) > _MIN_STEM and word[0] in CONJUNCTIONS:
        conj, rest = word[0], word[1:]
        heads.append((conj, rest))
    for pre, body in heads:
        if pre:
            out.append((pre, body))
        if len(body) > _MIN_STEM + 1 and body.startswith("ال"):
            out.append((pre + "ال", body[2:]))
        if len(body) > _MIN_STEM and body[0] in PREPOSITIONS:
            p, b = body[0], body[1:]
            out.append((pre + p, b))
            if p == "ل" and len(b) > _MIN_STEM and b[0] == "ل":
                out.append((pre + "لل", b[1:]))
            elif p in "بك" and len(b) > _MIN_STEM + 1 and b.startswith("ال"):
                out.append((pre + p + "ال", b[2:]))
    return out


def has_article(prefix: str) -> bool:
    """Whether a proclitic string carries the definite article."""
    return prefix.endswith("ال") or prefix.endswith("لل")


def _trie(words: Iterable[str], space: str | None = None) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append((space if ch == " " and space else re.escape(ch)) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(trie) + ")" if trie else "(?!)"


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie (no backtracking blow-up,
    fast first-character dispatch). Longer words win over their prefixes."""
    return _trie(words)


def phrase_pattern(phrases: Iterable[str]) -> str:
    """Alternation of multi-word phrases (already folded) where any run of spaces may
    separate the words, factored as a trie like :func:`trie_pattern`. Longer phrases win
    over their prefixes.

    >>> import re
    >>> re.fullmatch(phrase_pattern(["اكثر من", "اكثر"]), "اكثر   من") is not None
    True
    """
    return _trie({" ".join(p.split()) for p in phrases if p.split()}, space=r"\s+")

"""Stage 1: normalization with an offset map back to the caller's string.

Everything later in the pipeline works on a *folded* copy of the text, and every span it
reports is mapped back through :class:`NormalizedText` so that
``text[m.start:m.end] == m.text`` holds for the caller's original string.

Two levels of folding exist:

* :func:`normalize` returns readable clean text: diacritics, tatweel and invisible marks
  removed, alef variants and alef maqsura folded, Arabic-Indic and Persian digits made
  ASCII, presentation forms decomposed, quotes and spaces unified. Teh marbuta and hamza
  seats are kept unless asked for.
* the *match form* (``NormalizedText.match``) additionally folds teh marbuta to heh and
  hamza seats (``ؤ`` ``ئ``) to their bare letters. Lexicon surfaces are folded the same
  way when they are loaded, so every word is written once in the lexicons.

Both folds are character-for-character after the first one, so a single offset map
serves the readable and the match form alike.
"""
from __future__ import annotations

from bisect import bisect_right
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

__all__ = ["NormalizedText", "normalize", "normalize_with_map", "fold"]

# ---- character tables ------------------------------------------------------------------

#: Removed outright: harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = (
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
TATWEEL = "\u0640"
#: Zero-width and bidirectional controls, BOM, soft hyphen, word joiner.
INVISIBLE = (
    [chr(c) for c in range(0x200B, 0x2010)]
    + ["\u061C", "\u00AD", "\u2060", "\uFEFF"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
#: Marks that belong to the letter before them: a span ending on that letter covers them.
ATTACHED_MARKS = "".join(DIACRITICS) + TATWEEL

_BASE_MAP: dict[str, str] = {}
for _c in DIACRITICS + INVISIBLE + [TATWEEL]:
    _BASE_MAP[_c] = ""
for _c in "أإآٱ":
    _BASE_MAP[_c] = "ا"
_BASE_MAP["ى"] = "ي"
_BASE_MAP["\u06CC"] = "ي"  # Farsi yeh
_BASE_MAP["\u06A9"] = "ك"  # keheh
for _i in range(10):
    _BASE_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _BASE_MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits
_BASE_MAP["\u066B"] = "."  # Arabic decimal separator
_BASE_MAP["\u066C"] = ","  # Arabic thousands separator
_BASE_MAP["\u066A"] = "%"  # Arabic percent sign
_BASE_MAP["\u06D4"] = "."  # Arabic full stop
for _c in "“”„‟«»〝〞＂":
    _BASE_MAP[_c] = '"'
for _c in "‘’‚‛‹›`´":
    _BASE_MAP[_c] = "'"
for _c in ["\u00A0", "\u1680", "\u202F", "\u205F", "\u3000"] + [chr(c) for c in range(0x2000, 0x200B)]:
    _BASE_MAP[_c] = " "
for _c in "‐‑‒–—―−":
    _BASE_MAP[_c] = "-"
_BASE_MAP["\uFF05"] = "%"
_BASE_MAP["\uFE6A"] = "%"


def _fold_presentation_forms() -> None:
    """Decompose Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) to base letters."""
    for code in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        char = chr(code)
        if char in _BASE_MAP or unicodedata.category(char) == "Cn":
            continue
        decomposed = unicodedata.normalize("NFKC", char)
        if decomposed != char:
            _BASE_MAP[char] = "".join(_BASE_MAP.get(c, c) for c in decomposed)


_fold_presentation_forms()
#: Characters that do not map to exactly one character (deleted or expanded).
_RESIZING = frozenset(c for c, r in _BASE_MAP.items() if len(r) != 1)

#: Applied on top of the readable form to get the match form (one character for one).
MATCH_FOLDS = {"ة": "ه", "ؤ": "و", "ئ": "ي"}
_TEH_FOLD = str.maketrans({"ة": "ه"})
_HAMZA_FOLD = str.maketrans({"ؤ": "و", "ئ": "ي"})
_MATCH_FOLD = str.maketrans(MATCH_FOLDS)

#: The characters that map to exactly one character, and what they map to.
_ONE_MAP = {c: r for c, r in _BASE_MAP.items() if len(r) == 1}
_ONE_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_ONE_MAP)) + "]")
_RESIZING_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_RESIZING)) + "]+")
# _readable maps each character once: nothing a character maps to is mapped again
assert not any(c in _BASE_MAP for r in _BASE_MAP.values() for c in r)
# the comma first, then the digit before it: a search for a literal skips fast
_ARABIC_COMMA_IN_DIGITS = re.compile(r"\u060C(?<=\d\u060C)(?=\d)")
_MARKS_RE = re.compile("[" + re.escape(ATTACHED_MARKS) + "]*")
_ATTACHED_SET = frozenset(ATTACHED_MARKS)


# ---- the offset map --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized string and the way back to the original.

    ``text`` is the readable normalized form, ``match`` the match form used by the
    recognizers (same length as ``text``). Positions in either map to the original
    string with :meth:`to_original` and :meth:`span`.
    """

    original: str
    text: str
    match: str
    # Piecewise-linear map: normalized position _norm[k] corresponds to original
    # position _orig[k]; between checkpoints both advance together. Deletions add a
    # checkpoint after the deleted run; expansions add one per output character.
    _norm: list[int] = field(repr=False)
    _orig: list[int] = field(repr=False)
    #: What later stages derive from ``match`` once and share (the word index of
    #: :func:`arabic_stats.scan.match_words`), filled on first use.
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def to_original(self, pos: int) -> int:
        """Original offset of the character at normalized position ``pos``."""
        norm = self._norm
        if not norm or pos < norm[0]:  # before the first change, offsets are the same
            return pos
        k = bisect_right(norm, pos) - 1
        return self._orig[k] + (pos - norm[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Half-open original span for the normalized span ``[start, end)``.

        The end is extended over diacritics and tatweel that follow the last character
        in the original, so a highlighted word keeps its marks.
        """
        # Called for every mention, so the two lookups of to_original are inlined and
        # share their work; the result is the same.
        norm = self._norm
        original = self.original
        n = len(original)
        if not norm and end <= n:
            # identity map: every mark is a deletion and leaves a checkpoint, so the
            # original has no mark to extend the end over
            return (start, end) if end > start else (start, start)
        orig = self._orig
        k = bisect_right(norm, start) - 1
        s = start if k < 0 else orig[k] + (start - norm[k])
        if end <= start:
            return s, s
        last = end - 1
        if k + 1 < len(norm) and norm[k + 1] <= last:  # a checkpoint inside the span
            k = bisect_right(norm, last, k + 1) - 1
        e = (last if k < 0 else orig[k] + (last - norm[k])) + 1
        if e < n:
            if original[e] in _ATTACHED_SET:
                e = _MARKS_RE.match(original, e).end()
        elif e > n:
            e = n  # (as a regex match from past the end would say)
        return s, max(e, s)

    @property
    def identity(self) -> bool:
        """True when normalization changed no offsets."""
        return not self._norm


def normalize_with_map(text: str) -> NormalizedText:
    """Normalize ``text`` and keep the map back to its offsets.

    >>> n = normalize_with_map("بلغ ١٬٢٠٠ متابعٍ")
    >>> n.text
    'بلغ 1,200 متابع'
    >>> n.span(4, 9)
    (4, 9)
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize expects str, got {type(text).__name__}")
    readable, norm, orig = _readable(text)
    return NormalizedText(text, readable, _fold_match(readable), norm, orig)


def _fold_match(readable: str) -> str:
    """The match form of readable text (one ``str.replace`` per fold: several times
    faster than ``str.translate`` on non-ASCII text)."""
    for src, dst in MATCH_FOLDS.items():
        readable = readable.replace(src, dst)
    return readable


def _readable(text: str) -> tuple[str, list[int], list[int]]:
    """The readable form of ``text`` and its offset checkpoints (see NormalizedText).

    Two passes, since every character maps on its own and no output character is mapped
    again: the characters that map to one character are replaced first, one
    ``str.replace`` for each that occurs (news text holds a dozen of them, thousands of
    times), which moves no offset; then runs of the characters that are deleted or
    expanded go through one ``re.sub``, which records a checkpoint for each of them, so
    each output char maps to its own source character.
    """
    one = _ONE_MAP
    pos = 0
    while True:
        m = _ONE_RE.search(text, pos)
        if m is None:
            break
        c = m.group()
        text = text.replace(c, one[c])
        pos = m.start()  # what is before holds none of the characters still to replace

    norm: list[int] = []
    orig: list[int] = []
    delta = 0  # output length minus input length, so far
    table = _BASE_MAP

    def replace(m: re.Match[str]) -> str:
        nonlocal delta
        run = m.group()
        pos = m.start()
        out_len = pos + delta
        for c in run:
            r = table[c]
            # every output char of an expansion maps to its one source char
            for i in range(len(r)):
                norm.append(out_len + i)
                orig.append(pos)
            out_len += len(r)
            norm.append(out_len)
            orig.append(pos + 1)
            pos += 1
        delta = out_len - m.end()
        return "".join([table[c] for c in run])

    readable = _RESIZING_RE.sub(replace, text)
    if "\u060C" in readable:
        readable = _ARABIC_COMMA_IN_DIGITS.sub(",", readable)
    return readable, norm, orig


def normalize(text: str, *, fold_teh_marbuta: bool = False, fold_hamza: bool = False) -> str:
    """Return clean Arabic text.

    Removes diacritics, tatweel and invisible bidi marks; folds ``أ إ آ ٱ`` to ``ا`` and
    ``ى`` to ``ي``; turns Arabic-Indic and Persian digits, ``٫`` and ``٬`` into ASCII
    (``،`` becomes ``,`` only between digits); decomposes presentation forms; unifies
    quotes and spaces. ``fold_teh_marbuta`` also maps ``ة`` to ``ه`` and ``fold_hamza``
    maps ``ؤ`` ``ئ`` to ``و`` ``ي``, as the recognizers do internally.

    >>> normalize("ثَلاثُمِائَةٍ وَخَمْسُونَ")
    'ثلاثمائة وخمسون'
    >>> normalize("١٬١٩٧٬٣٣٥")
    '1,197,335'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize expects str, got {type(text).__name__}")
    result = _readable(text)[0]
    if fold_teh_marbuta:
        result = result.translate(_TEH_FOLD)
    if fold_hamza:
        result = result.translate(_HAMZA_FOLD)
    return result


@cache
def fold(word: str) -> str:
    """The match form of a lexicon word: the same folding the text gets."""
    return normalize_with_map(word).match.strip()

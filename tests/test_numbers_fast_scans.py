"""The fast scans of the number stage give what the plain regex scans they stand for give.

``_chunks``, ``_relatives`` and ``_phone_spans`` try their regex only where a quick
search says it can match; ``_verb_near`` uses a coarser scan as a filter; mentions are
built without ``model_construct``; normalization folds in two passes. Each is checked
here against the straightforward way, on texts made of the pieces that matter.
"""
from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_stats import numbers as N
from arabic_stats.models import NumberMention
from arabic_stats.normalize import _BASE_MAP, _MARKS_RE, normalize_with_map
from arabic_stats.scan import CLITIC_PREFIX, CLITIC_PREFIX_LONGEST

_G = N.grammar()
_PIECES = ["و", "ف", "ب", "ك", "ال", "لل", " ", "  ", "\n", "x", "A-", "ه", "س", "ا", "_", ".", ",", "،", "/", "-",
           "+", "(", ")", "1", "23", "0661", "555", " 234", "e5", "^2", "٣", "²", "%", "من", "جزء", "علي", "فاصله"]
_WORDS = sorted(_G.senses) + sorted(_G.relative) + sorted(_G.qual_verbs)
_texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.sampled_from(_WORDS)), max_size=14).map("".join)


@settings(max_examples=400)
@given(_texts)
def test_chunks_are_the_matches_of_chunk_re(text: str) -> None:
    assert [m.span() for m in N._chunks(text)] == [m.span() for m in _G.chunk_re.finditer(text)]


@settings(max_examples=400)
@given(_texts)
def test_relatives_are_the_matches_of_relative_re(text: str) -> None:
    assert [m.span() for m in N._relatives(text)] == [m.span() for m in _G.relative_re.finditer(text)]


@settings(max_examples=400)
@given(st.text(st.sampled_from("0123456789 ().+-/,aب_٣\n"), max_size=40))
def test_phone_spans_are_the_matches_of_the_phone_pattern(text: str) -> None:
    plain = [m.span() for m in N._PHONE_RE.finditer(text)
             if sum(ch.isdigit() for ch in m.group()) >= N._PHONE_DIGITS]
    assert N._phone_spans(text) == plain


@settings(max_examples=400)
@given(_texts, st.integers(0, 200))
def test_verb_near_misses_no_verb(text: str, pos: int) -> None:
    starts = [m.start() for m in _G.qual_verb_re.finditer(text)]
    k = bisect.bisect_left(starts, pos)
    if k > 0 and starts[k - 1] >= pos - N._VERB_WINDOW - N._VERB_LONGEST:
        assert N._verb_near(N._verb_spans(text), pos)


def test_clitic_prefix_longest() -> None:
    import re

    clitics = ["", *"وفبكل", "ال", "لل", "بال", "كال"]
    found = {a + b for a in clitics for b in clitics if re.fullmatch(CLITIC_PREFIX, a + b)}
    assert max(map(len, found)) == CLITIC_PREFIX_LONGEST


def test_mentions_are_what_model_construct_builds() -> None:
    """Mentions are built by models._construct, the one fast constructor of the package."""
    fast = N.find_numbers("بلغ نحو 12%")[0]
    args = {name: getattr(fast, name) for name in NumberMention.model_fields}
    assert args["text"] == "نحو 12%" and args["value"] == 12 and args["qualifier"] == "approx"
    slow = NumberMention.model_construct(**args)
    assert fast == slow and repr(fast) == repr(slow) and fast.model_dump() == slow.model_dump()
    assert fast.__pydantic_fields_set__ == slow.__pydantic_fields_set__
    assert fast.model_copy(update={"value": 13}).value == 13 and fast.value == 12


def _readable_char_by_char(text: str) -> str:
    return "".join(_BASE_MAP.get(c, c) for c in text)


@settings(max_examples=400)
@given(st.text(st.sampled_from(sorted(_BASE_MAP)[:60] + sorted(_BASE_MAP)[-60:] + list("ثلاثة 12،٣")), max_size=30))
def test_normalization_maps_each_character_once(text: str) -> None:
    nt = normalize_with_map(text)
    expected = _readable_char_by_char(text)
    if "\u060c" not in expected:
        assert nt.text == expected
    for i in range(len(nt.text) + 1):
        for j in range(i, len(nt.text) + 1):
            s, e = nt.span(i, j)
            assert 0 <= s <= e <= len(text)
            if j > i:  # the plain computation of the span
                k = bisect.bisect_right(nt._norm, j - 1) - 1
                last = j - 1 if k < 0 else nt._orig[k] + (j - 1 - nt._norm[k])
                assert e == max(_MARKS_RE.match(text, last + 1).end(), s)


@settings(max_examples=400)
@given(_texts, st.integers(0, 60))
def test_qualifier_before_is_the_search_of_qual_before_re(text: str, cut: int) -> None:
    text += " " + "".join(sorted(_G.qual_before)[cut % len(_G.qual_before)])
    for hi in range(len(text) + 1):
        lo = max(0, hi - 40)
        fast, plain = N._qualifier_before(text, lo, hi), _G.qual_before_re.search(text, lo, hi)
        assert (fast and fast.span()) == (plain and plain.span())


@given(st.text(st.sampled_from("Ab-_ 12x٣"), max_size=12))
def test_digits_after_latin_letters_are_dropped(text: str) -> None:
    import re

    kept = {(c.core_start, c.core_end) for c in N._drop_glued(text, N.number_candidates(normalize_with_map(text)))}
    for m in re.finditer(r"\d+", text):
        if re.search(r"[A-Za-z]-?\Z", text[:m.start()]):
            assert m.span() not in kept

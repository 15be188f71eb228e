"""The scanner the number grammar stands on: tokens, clitic analyses and the compiled
alternations built from lexicon surfaces."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from arabic_stats.scan import (LETTER, clitic_analyses, has_article, letter_bmp, phrase_pattern, scan, trie_pattern,
                               within_bmp, word_index)
from strategies import arabic_words


def test_scan_tokens() -> None:
    text = "بلغ و268 منخرطا، أي 1,197,335."
    toks = [(t.text, t.kind) for t in scan(text)]
    assert toks == [("بلغ", "word"), ("و", "word"), ("268", "digits"), ("منخرطا", "word"), ("،", "punct"),
                    ("أي", "word"), ("1,197,335", "digits"), (".", "punct")]
    for t in scan(text):
        assert text[t.start:t.end] == t.text


def test_scan_keeps_offsets_of_a_slice() -> None:
    text = "قبل ثلاثة آلاف بعد"
    toks = scan(text, 4, 14)
    assert [(t.text, t.start) for t in toks] == [("ثلاثة", 4), ("آلاف", 10)]


def test_clitic_analyses() -> None:
    assert clitic_analyses("والتسعين")[:3] == [("", "والتسعين"), ("و", "التسعين"), ("وال", "تسعين")]
    assert ("لل", "ثانيه") in clitic_analyses("للثانيه")
    assert ("بال", "مئه") in clitic_analyses("بالمئه")
    assert ("وب", "الفين") in clitic_analyses("وبالفين")
    assert clitic_analyses("ست") == [("", "ست")]  # too short to lose a letter
    assert has_article("وال") and has_article("لل") and not has_article("وب")


@given(arabic_words(1, 10))
def test_clitic_analyses_rebuild_the_word(word: str) -> None:
    analyses = clitic_analyses(word)
    assert analyses[0] == ("", word)
    for prefix, stem in analyses:
        assert prefix + stem == word
        assert not prefix or len(stem) >= 2  # a clitic never leaves less than two letters


@given(st.sets(arabic_words(1, 6), min_size=1, max_size=30), arabic_words(1, 6))
def test_trie_pattern_matches_exactly_its_words(words: set[str], other: str) -> None:
    pattern = re.compile(trie_pattern(words))
    for w in words:
        assert pattern.fullmatch(w)
    assert bool(pattern.fullmatch(other)) == (other in words)


def test_trie_pattern_prefers_longer_words() -> None:
    pattern = re.compile(trie_pattern(["ثلاث", "ثلاثه", "ثلاثمايه"]))
    assert pattern.match("ثلاثمايه").group() == "ثلاثمايه"
    assert pattern.match("ثلاثه").group() == "ثلاثه"
    assert re.compile(trie_pattern([])).match("x") is None


def test_phrase_pattern_allows_any_run_of_spaces() -> None:
    pattern = re.compile(phrase_pattern(["في المايه", "بالمايه"]))
    assert pattern.fullmatch("في   المايه")
    assert pattern.fullmatch("في\tالمايه")
    assert pattern.fullmatch("بالمايه")
    assert not pattern.fullmatch("فيالمايه")
    assert re.compile(phrase_pattern([])).match("x") is None


def test_letter_bmp_lists_the_letters_of_the_bmp() -> None:
    letter, listed = re.compile(LETTER), re.compile(letter_bmp())
    assert all(bool(letter.match(chr(c))) == bool(listed.match(chr(c))) for c in range(0x10000))


def test_word_index_beyond_the_bmp() -> None:
    text = "في 17 ماي 2025 \U0001D49C\U0001D49Cb 😀 الحادي²"  # (mathematical letters, an emoji)
    assert not within_bmp(text) and within_bmp(text.replace("\U0001D49C", "x").replace("😀", "-"))
    index = word_index(text)
    assert index.texts == re.findall(LETTER + "+", text)
    assert index.starts == [m.start() for m in re.finditer(LETTER + "+", text)]
    plain = text.replace("\U0001D49C", "x")
    assert word_index(plain, bmp=True) == word_index(plain, bmp=False)

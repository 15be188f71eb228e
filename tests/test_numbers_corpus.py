"""The number corpus tables of ``tests/corpus/``, Duckling style: rules beside their
corpus.

* ``numbers.toml``: value -> surface forms, each form alone is that number
  (:func:`arabic_stats.parse_number`);
* ``numbers_in_context.toml``: running text and every number in it, with kind,
  qualifier and half-open offsets (:func:`arabic_stats.find_numbers`);
* ``numbers_negative.toml``: things that look like numbers and are not.
"""
from __future__ import annotations

import doctest
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest

import arabic_stats
from arabic_stats import find_numbers, parse_number

CORPUS = Path(__file__).resolve().parent / "corpus"


def _load(name: str) -> dict[str, Any]:
    with (CORPUS / name).open("rb") as fh:
        return tomllib.load(fh)


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


# ---- whole strings --------------------------------------------------------------------------

_WHOLE = _load("numbers.toml")
_WHOLE_CASES = [
    pytest.param(form, case["value"], case.get("kind", "cardinal"), case.get("qualifier", "exact"),
                 id=f"{case['value']}-{form}")
    for case in _WHOLE["case"]
    for form in case["forms"]
]


@pytest.mark.parametrize(("form", "value", "kind", "qualifier"), _WHOLE_CASES)
def test_parse_number(form: str, value: float, kind: str, qualifier: str) -> None:
    got = parse_number(form)
    assert got is not None, f"{form!r} is not read as a number"
    assert (got.kind, got.qualifier) == (kind, qualifier), form
    assert _same(got.value, value), f"{form!r} = {got.value}, expected {value}"
    # value is an int unless the number has a fractional part
    assert isinstance(got.value, int) == float(value).is_integer()


@pytest.mark.parametrize("form", _WHOLE["not_a_number"]["forms"])
def test_not_a_number(form: str) -> None:
    assert parse_number(form) is None


def test_corpus_has_no_duplicate_forms() -> None:
    seen: dict[tuple[str, str], float] = {}
    for case in _WHOLE["case"]:
        for form in case["forms"]:
            key = (form, case.get("kind", "cardinal") + case.get("qualifier", "exact"))
            assert key not in seen, f"{form!r} is listed for {seen[key]} and {case['value']}"
            seen[key] = case["value"]


# ---- in context -----------------------------------------------------------------------------

_CONTEXT = _load("numbers_in_context.toml")


@pytest.mark.parametrize("case", _CONTEXT["case"], ids=[c["text"][:40] for c in _CONTEXT["case"]])
def test_find_numbers_in_context(case: dict[str, Any]) -> None:
    text = case["text"]
    for m in case["mentions"]:  # the table itself must be consistent
        assert text[m["start"]:m["end"]] == m["text"], f"bad offsets in the corpus for {m['text']!r}"
    got = [(m.text, m.value, m.kind, m.qualifier, m.start, m.end) for m in find_numbers(text)]
    want = [(m["text"], m["value"], m["kind"], m["qualifier"], m["start"], m["end"]) for m in case["mentions"]]
    assert [g[:1] + g[2:] for g in got] == [w[:1] + w[2:] for w in want]
    for g, w in zip(got, want):
        assert _same(g[1], w[1]), f"{w[0]!r} = {g[1]}, expected {w[1]}"
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text


# ---- negative ---------------------------------------------------------------------------------

_NEGATIVE = _load("numbers_negative.toml")


@pytest.mark.parametrize("case", _NEGATIVE["case"], ids=[c["text"][:40] for c in _NEGATIVE["case"]])
def test_not_numbers_in_context(case: dict[str, Any]) -> None:
    """No number mention overlaps the ``absent`` part of the text (the whole text when
    not given); ``kept`` numbers elsewhere in the text are still found."""
    text = case["text"]
    absent = case.get("absent", text)
    lo = text.index(absent)
    hi = lo + len(absent)
    mentions = find_numbers(text)
    clashes = [(m.text, m.value, m.kind) for m in mentions if m.start < hi and lo < m.end]
    assert not clashes, f"{case['why']}: {clashes}"
    for kept in case.get("kept", []):
        assert any(m.text == kept for m in mentions), f"{kept!r} should still be found in {text!r}"


# ---- doctests of the modules this corpus covers -----------------------------------------------

@pytest.mark.parametrize("module", ["numbers", "normalize", "scan", "lexicon"])
def test_doctests(module: str) -> None:
    import importlib

    mod = importlib.import_module(f"arabic_stats.{module}")
    result = doctest.testmod(mod, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_package_doctest() -> None:
    assert doctest.testmod(arabic_stats).failed == 0


def test_readme_examples() -> None:
    """The examples in README.md are true."""
    readme = Path(__file__).resolve().parent.parent / "README.md"
    result = doctest.testfile(str(readme), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0

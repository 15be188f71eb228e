"""Lexicons: malformed or contradictory files fail at load time, naming file, entry and
problem; every shipped lexicon loads; every number-word surface is read as its value in
each of its spellings."""
from __future__ import annotations

import importlib
import re
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from arabic_stats import numbers as numbers_module
from arabic_stats import parse_number
from arabic_stats.lexicon import Entry, LexiconError, Meta, lexicon_dir, load_lexicon, parse_lexicon
from arabic_stats.numbers import FractionWord, NumberWord, OrdinalWord

PACKAGE = Path(numbers_module.__file__).resolve().parent
META = '[meta]\nname = "test"\ndescription = "a lexicon written by a test"\n\n'


def _clear_caches() -> None:
    load_lexicon.cache_clear()
    numbers_module.grammar.cache_clear()
    numbers_module._analyze.cache_clear()


@pytest.fixture
def lexicons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A lexicon directory of the test's own, in force through ARABIC_STATS_LEXICONS;
    the real lexicons are back (and the caches clean) afterwards."""
    monkeypatch.setenv("ARABIC_STATS_LEXICONS", str(tmp_path))
    _clear_caches()
    yield tmp_path
    monkeypatch.delenv("ARABIC_STATS_LEXICONS")
    _clear_caches()


def _write(directory: Path, name: str, body: str, meta: bool = True) -> Path:
    path = directory / f"{name}.toml"
    path.write_text((META if meta else "") + textwrap.dedent(body), encoding="utf-8")
    return path


def _error(directory: Path, name: str, body: str, model: type[Entry] = NumberWord, meta: bool = True) -> LexiconError:
    path = _write(directory, name, body, meta)
    with pytest.raises(LexiconError) as info:
        load_lexicon(name, model)
    err = info.value
    assert err.file == str(path)
    assert str(path) in str(err)
    return err


# ---- malformed and contradictory lexicons --------------------------------------------------------

def test_duplicate_surface_in_one_entry(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", """
        [thousand]
        value = 1000
        role = "scale"
        forms = ["ألف", "الف"]
    """)
    assert err.entry == "thousand"
    assert "'الف'" in err.problem and "duplicate" in err.problem


def test_one_surface_for_two_values(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", """
        [one]
        value = 1
        role = "unit"
        forms = ["واحد"]

        [uno]
        value = 1
        role = "unit"
        forms = ["واحِد"]
    """)
    assert err.entry == "uno"
    assert "[one]" in err.problem and "'واحِد'" in err.problem


def test_surface_in_two_fields(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", """
        [thousand]
        value = 1000
        role = "scale"
        forms = ["ألف"]
        dual_forms = ["ألفان", "أَلْف"]
    """)
    assert err.entry == "thousand"
    assert "dual_forms" in err.problem


def test_unknown_field(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", """
        [one]
        value = 1
        role = "unit"
        forms = ["واحد"]
        colour = "red"
    """)
    assert err.entry == "one"
    assert "colour" in err.problem


def test_wrong_type_and_missing_field(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", """
        [one]
        value = "one"
        forms = ["واحد"]
    """)
    assert err.entry == "one"
    assert "value" in err.problem and "role" in err.problem


def test_unknown_role(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", """
        [one]
        value = 1
        role = "digit"
        forms = ["واحد"]
    """)
    assert "role" in err.problem


def test_bad_toml(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", """
        [one
        value = 1
    """)
    assert err.entry is None
    assert "not valid TOML" in err.problem


def test_missing_meta(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", """
        [one]
        value = 1
        role = "unit"
        forms = ["واحد"]
    """, meta=False)
    assert "missing [meta]" in err.problem


def test_bad_meta(lexicons: Path) -> None:
    path = lexicons / "numbers.toml"
    path.write_text('[meta]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon("numbers", NumberWord)
    assert info.value.entry == "meta" and "description" in info.value.problem


def test_entry_not_a_table(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", 'one = "واحد"\n' + META, meta=False)  # a key before the first table
    assert err.entry == "one" and "table" in err.problem


def test_empty_surface(lexicons: Path) -> None:
    err = _error(lexicons, "numbers", """
        [one]
        value = 1
        role = "unit"
        forms = ["واحد", "ـــ"]
    """)
    assert err.entry == "one" and "empty surface" in err.problem


def test_missing_file(lexicons: Path) -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon("no_such_lexicon", NumberWord)
    assert "file not found" in str(info.value) and "no_such_lexicon.toml" in str(info.value)


def test_parse_lexicon_directly(tmp_path: Path) -> None:
    data = tomllib.loads(META + '[one]\nvalue = 1\nrole = "unit"\nforms = ["واحد", "واحِدٌ"]\n')
    with pytest.raises(LexiconError, match=r"fake\.toml, entry \[one\]: surface 'واحِدٌ'"):
        parse_lexicon(tmp_path / "fake.toml", data, NumberWord)


def test_fraction_spelled_like_a_number_word(lexicons: Path) -> None:
    """A contradiction across two files is found when the grammar is built."""
    for name in ("ordinals", "number_markers", "qualifiers", "relative_ordinals"):
        (lexicons / f"{name}.toml").write_text((lexicon_dir_real() / f"{name}.toml").read_text("utf-8"), "utf-8")
    _write(lexicons, "numbers", """
        [five]
        value = 5
        role = "unit"
        forms = ["خمسة", "خمس"]
    """)
    _write(lexicons, "fractions", """
        [fifth]
        denominator = 5
        forms = ["خمس"]
    """)
    with pytest.raises(LexiconError) as info:
        numbers_module.grammar()
    assert info.value.file.endswith("fractions.toml")
    assert info.value.entry == "fifth" and "homograph_forms" in info.value.problem


def test_a_lexicon_edit_changes_the_grammar(lexicons: Path) -> None:
    """The grammar really is built from the files: a new word in numbers.toml is read."""
    for path in lexicon_dir_real().glob("*.toml"):
        (lexicons / path.name).write_text(path.read_text("utf-8"), "utf-8")
    numbers_toml = lexicons / "numbers.toml"
    numbers_toml.write_text(numbers_toml.read_text("utf-8") + '\n[googol]\nvalue = 100\nrole = "hundred"\n'
                            'forms = ["قوقل"]\n', "utf-8")
    assert parse_number("قوقل وخمسة").value == 105


def lexicon_dir_real() -> Path:
    return PACKAGE.parent / "lexicons" if (PACKAGE.parent / "lexicons").is_dir() else PACKAGE / "lexicons"


# ---- the shipped lexicons -------------------------------------------------------------------------

_LOADER = re.compile(r"load_lexicon\(\s*\"(?P<name>\w+)\"\s*,\s*(?P<model>\w+)\s*\)")


def _loaders() -> dict[str, tuple[str, str]]:
    """lexicon name -> (module, entry model), from the load_lexicon calls in the package."""
    found: dict[str, tuple[str, str]] = {}
    for source in PACKAGE.glob("*.py"):
        for m in _LOADER.finditer(source.read_text("utf-8")):
            found[m.group("name")] = (f"arabic_stats.{source.stem}", m.group("model"))
    return found


def _shipped() -> list[str]:
    return sorted(p.stem for p in lexicon_dir().glob("*.toml"))


def test_the_number_lexicons_are_shipped() -> None:
    for name in ("numbers", "ordinals", "fractions", "number_markers", "qualifiers", "relative_ordinals"):
        assert name in _shipped()


@pytest.mark.parametrize("name", _shipped())
def test_every_shipped_lexicon_loads(name: str) -> None:
    path = lexicon_dir() / f"{name}.toml"
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    Meta.model_validate(data["meta"])
    loader = _loaders().get(name)
    if loader is None:
        pytest.skip(f"no load_lexicon({name!r}, ...) call in the package to take the entry model from")
    module, model = loader
    lexicon = load_lexicon(name, getattr(importlib.import_module(module), model))
    assert lexicon.entries, f"{name}.toml has no entries"


def test_the_grammar_builds_from_the_shipped_lexicons() -> None:
    g = numbers_module.grammar()
    assert g.senses and g.qual_before and g.qual_verbs


# ---- every surface in each of its spellings -------------------------------------------------------

def _spellings(word: str) -> set[str]:
    """The ways news text writes a word: as in the lexicon, with bare alef for hamza on
    alef, with heh for teh marbuta, with yeh for alef maqsura and the other way round."""
    out = {word, re.sub("[أإآ]", "ا", word), word.replace("ة", "ه"), word.replace("ى", "ي")}
    if word.endswith("ي"):
        out.add(word[:-1] + "ى")
    return out


def _number_surfaces() -> list:
    numbers = load_lexicon("numbers", NumberWord)
    cases = []
    for key, entry in numbers:
        for field, count in (("forms", 1), ("dual_forms", 2), ("plural_forms", 3)):
            for written in getattr(entry, field):
                if entry.role == "scale" and count == 1 and entry.value == 12:
                    continue  # دستة (a dozen) is a unit of counting, not read alone
                text = f"ثلاثة {written}" if count == 3 else written
                cases.append(pytest.param(text, entry.value * count, id=f"{key}-{written}"))
    return cases


@pytest.mark.parametrize(("written", "value"), _number_surfaces())
def test_every_number_word_is_read(written: str, value: int) -> None:
    for spelling in _spellings(written):
        got = parse_number(spelling)
        assert got is not None and got.value == value, (spelling, got)


def _ordinal_surfaces() -> list:
    ordinals = load_lexicon("ordinals", OrdinalWord)
    return [pytest.param(f"ال{w}", e.value, id=f"{k}-{w}") for k, e in ordinals for w in e.forms
            if not e.compound_only]


@pytest.mark.parametrize(("written", "value"), _ordinal_surfaces())
def test_every_ordinal_word_is_read(written: str, value: int) -> None:
    for spelling in _spellings(written):
        got = parse_number(spelling)
        assert got is not None and (got.value, got.kind) == (value, "ordinal"), (spelling, got)


def _fraction_surfaces() -> list:
    fractions = load_lexicon("fractions", FractionWord)
    cases = []
    for key, entry in fractions:
        for field, count in (("forms", 1), ("dual_forms", 2), ("plural_forms", 3)):
            for written in getattr(entry, field):
                text = f"ثلاثة {written}" if count == 3 else written
                cases.append(pytest.param(text, count / entry.denominator, id=f"{key}-{written}"))
    return cases


@pytest.mark.parametrize(("written", "value"), _fraction_surfaces())
def test_every_fraction_word_is_read(written: str, value: float) -> None:
    for spelling in _spellings(written):
        got = parse_number(spelling)
        assert got is not None and abs(got.value - value) < 1e-12, (spelling, got)


def _qualifier_surfaces() -> list:
    from arabic_stats.numbers import QualifierWords

    qualifiers = load_lexicon("qualifiers", QualifierWords)
    cases = []
    for key, entry in qualifiers:
        for w in entry.before:
            cases.append(pytest.param(f"قال إن {w} 500 شخص حضروا", key, f"{w} 500", id=f"{key}-before-{w}"))
        for w in entry.after:
            cases.append(pytest.param(f"قال إن 500 {w} حضروا", key, f"500 {w}", id=f"{key}-after-{w}"))
        for w in entry.verbs:
            cases.append(pytest.param(f"{w} عدد الزوار 500 زائر", key, "500", id=f"{key}-verb-{w}"))
    return cases


@pytest.mark.parametrize(("text", "qualifier", "span"), _qualifier_surfaces())
def test_every_qualifier_is_read(text: str, qualifier: str, span: str) -> None:
    """A qualifier before or after the number joins its span; a verb only sets it."""
    from arabic_stats import find_numbers

    [m] = find_numbers(text)
    assert (m.value, m.qualifier, m.text) == (500, qualifier, span)


def _percent_surfaces() -> list:
    from arabic_stats.numbers import MarkerWords

    markers = load_lexicon("number_markers", MarkerWords)
    entry = markers.entries["percent"]
    return ([pytest.param(f"{w} 15", id=f"before-{w}") for w in entry.before]
            + [pytest.param(f"15 {w}", id=f"after-{w}") for w in entry.after])


@pytest.mark.parametrize("text", _percent_surfaces())
def test_every_percent_marker_is_read(text: str) -> None:
    got = parse_number(text)
    assert got is not None and (got.value, got.kind) == (15, "percent")

"""Lexicons: the language data of arabic_stats, kept as TOML files in ``lexicons/``.

Each file describes one concept family (number words, months, metrics...). It has a
``[meta]`` table and one table per concept; a concept lists its *surface forms* (words,
never regexes) in fields the entry model names in ``SURFACE_FIELDS``. On load:

* the file is validated by a pydantic model (unknown fields, wrong types and missing
  fields are errors);
* every surface is folded exactly like the text (:func:`arabic_stats.normalize.fold`), so
  spelling variants that differ only in hamza, alef, teh marbuta or diacritics are
  written once;
* a surface that appears twice, in one concept or in two, is an error.

Errors are :class:`LexiconError` and name the file, the entry and the problem. Loaded
lexicons are cached for the life of the process.
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .normalize import fold

__all__ = ["LexiconError", "Entry", "Lexicon", "Meta", "lexicon_dir", "load_lexicon"]


class LexiconError(ValueError):
    """A lexicon file is malformed or contradicts itself."""

    def __init__(self, file: str | Path, entry: str | None, problem: str) -> None:
        self.file = str(file)
        self.entry = entry
        self.problem = problem
        where = f"{self.file}" + (f", entry [{entry}]" if entry else "")
        super().__init__(f"{where}: {problem}")


class Meta(BaseModel):
    """The ``[meta]`` table every lexicon starts with."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    description: str
    version: int = 1


class Entry(BaseModel):
    """Base of every lexicon entry model."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    #: Names of the list-of-string fields that hold surface forms.
    SURFACE_FIELDS: ClassVar[tuple[str, ...]] = ("forms",)
    #: Surfaces must be unique within a group; fields not named here are in "forms".
    #: (A qualifier may sit before or after a number: ``before`` and ``after`` are
    #: separate groups, so one word may be in both.)
    SURFACE_GROUPS: ClassVar[dict[str, str]] = {}
    #: True for concept lexicons (a surface names one concept). False for lexicons that
    #: are sets of independent word lists (a word may play several roles); duplicates
    #: inside one entry are still errors.
    UNIQUE_ACROSS_ENTRIES: ClassVar[bool] = True


E = TypeVar("E", bound=Entry)


@dataclass(frozen=True)
class Surface(Generic[E]):
    """One folded surface form and where it comes from."""

    folded: str
    written: str
    key: str
    field: str
    entry: E


@dataclass(frozen=True)
class Lexicon(Generic[E]):
    """A validated lexicon: its meta, its entries by key, and its folded surfaces by
    group."""

    path: Path
    meta: Meta
    entries: dict[str, E]
    surfaces: dict[str, dict[str, Surface[E]]]

    def __iter__(self) -> Iterator[tuple[str, E]]:
        return iter(self.entries.items())

    def group(self, name: str = "forms") -> dict[str, Surface[E]]:
        """Folded surface -> where it comes from, for one surface group."""
        return self.surfaces.get(name, {})

    def lookup(self, folded: str, group: str = "forms") -> Surface[E] | None:
        return self.surfaces.get(group, {}).get(folded)


def lexicon_dir() -> Path:
    """Where the lexicon files are: ``$ARABIC_STATS_LEXICONS``, inside the installed
    package (wheel), or at the top of the source tree (editable install)."""
    override = os.environ.get("ARABIC_STATS_LEXICONS")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    for candidate in (here / "lexicons", here.parent / "lexicons"):
        if candidate.is_dir():
            return candidate
    raise LexiconError(here / "lexicons", None, "lexicon directory not found")


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise LexiconError(path, None, "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(path, None, f"not valid TOML: {exc}") from None


def _problem(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        parts.append(f"{loc}: {err['msg']}" if loc else err["msg"])
    return "; ".join(parts)


def parse_lexicon(path: Path, data: dict, model: type[E]) -> Lexicon[E]:
    """Validate raw TOML data against ``model`` and index its folded surfaces."""
    if "meta" not in data:
        raise LexiconError(path, None, "missing [meta] table")
    try:
        meta = Meta.model_validate(data["meta"])
    except ValidationError as exc:
        raise LexiconError(path, "meta", _problem(exc)) from None
    entries: dict[str, E] = {}
    surfaces: dict[str, dict[str, Surface[E]]] = {}
    for key, raw in data.items():
        if key == "meta":
            continue
        if not isinstance(raw, dict):
            raise LexiconError(path, key, "expected a table")
        try:
            entry = model.model_validate(raw)
        except ValidationError as exc:
            raise LexiconError(path, key, _problem(exc)) from None
        entries[key] = entry
        own: dict[str, dict[str, Surface[E]]] = {}
        for field in model.SURFACE_FIELDS:
            group_name = model.SURFACE_GROUPS.get(field, "forms")
            group = surfaces.setdefault(group_name, {}) if model.UNIQUE_ACROSS_ENTRIES else own.setdefault(
                group_name, {})
            for written in getattr(entry, field):
                folded = fold(written)
                if not folded:
                    raise LexiconError(path, key, f"empty surface in {field}")
                other = group.get(folded)
                if other is not None:
                    if other.key == key:
                        problem = (f"surface {written!r} in {field} is a duplicate of {other.written!r} "
                                   f"in {other.field} (same word once folded)")
                    else:
                        problem = (f"surface {written!r} in {field} is also in entry [{other.key}] "
                                   f"({other.field}: {other.written!r})")
                    raise LexiconError(path, key, problem)
                group[folded] = Surface(folded, written, key, field, entry)
        for group_name, group in own.items():
            merged = surfaces.setdefault(group_name, {})
            for folded, surface in group.items():
                merged.setdefault(folded, surface)
    return Lexicon(path, meta, entries, surfaces)


@cache
def load_lexicon(name: str, model: type[E]) -> Lexicon[E]:
    """Load ``lexicons/<name>.toml`` validated by ``model`` (cached)."""
    path = lexicon_dir() / f"{name}.toml"
    return parse_lexicon(path, _read(path), model)

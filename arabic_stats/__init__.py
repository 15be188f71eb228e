"""arabic_stats: structured, trustworthy numbers from Arabic news text.

>>> import arabic_stats
>>> arabic_stats.parse_number("مليون و268 ألف و153").value
1268153

The public API is listed in ``__all__``. Submodules are imported on first use, so
``import arabic_stats`` stays fast and never imports optional dependencies.
"""
from __future__ import annotations

import sys as _sys
from importlib import import_module
from types import ModuleType as _ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Calendar",
    "Check",
    "DateMention",
    "DateValue",
    "Extraction",
    "Fact",
    "Granularity",
    "HijriDate",
    "LexiconError",
    "NormalizedText",
    "NumberKind",
    "NumberMention",
    "NumberValue",
    "Passage",
    "Qualifier",
    "Role",
    "Span",
    "__version__",
    "extract",
    "extract_file",
    "extract_many",
    "extract_passages",
    "find_dates",
    "find_numbers",
    "normalize",
    "normalize_with_map",
    "parse_date",
    "parse_number",
    "to_frame",
]

# public name -> submodule that defines it
_EXPORTS: dict[str, str] = {
    "normalize": "normalize",
    "normalize_with_map": "normalize",
    "NormalizedText": "normalize",
    "extract": "extract",
    "extract_many": "stream",
    "extract_file": "stream",
    "extract_passages": "stream",
    "Passage": "stream",
    "find_numbers": "numbers",
    "parse_number": "numbers",
    "find_dates": "dates",
    "parse_date": "dates",
    "LexiconError": "lexicon",
    "to_frame": "frames",
    **{name: "models" for name in (
        "Calendar", "Check", "DateMention", "DateValue", "Extraction", "Fact", "Granularity", "HijriDate",
        "NumberKind", "NumberMention", "NumberValue", "Qualifier", "Role", "Span")},
}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from .lexicon import LexiconError
    from .models import (Calendar, Check, DateMention, DateValue, Extraction, Fact, Granularity, HijriDate,
                         NumberKind, NumberMention, NumberValue, Qualifier, Role, Span)
    from .normalize import NormalizedText, normalize, normalize_with_map
    from .extract import extract
    from .numbers import find_numbers, parse_number
    from .dates import find_dates, parse_date
    from .stream import Passage, extract_file, extract_many, extract_passages
    from .frames import to_frame


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'arabic_stats' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(_ModuleType):
    """The package module. Importing a submodule binds it as an attribute of its package,
    and ``arabic_stats.normalize`` and ``arabic_stats.extract`` are both submodules and
    public functions: once anything has imported the submodule, the function must still
    win (``arabic_stats.normalize("...")`` after ``find_numbers``)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if (isinstance(value, _ModuleType) and _EXPORTS.get(name) == name
                and value.__name__ == f"{__name__}.{name}" and hasattr(value, name)):
            value = getattr(value, name)
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package

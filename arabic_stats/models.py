"""The typed, frozen results of arabic_stats.

Naming scheme, the same in every model:

* on a *mention* (something found in a text), ``text``, ``start`` and ``end`` are the
  words as written and their half-open character offsets in the caller's string, so
  ``source[m.start:m.end] == m.text``;
* on a *value* (what a mention means), ``start`` and ``end`` are dates, ``end``
  inclusive (:class:`DateValue`);
* a :class:`DateMention` therefore carries its dates as ``start_date`` and ``end_date``
  (and the whole value as ``value``).

Enumerations are lowercase snake case strings (``more_than``, ``followers``, ``x``) and
compare equal to plain strings.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticSerializationError

__all__ = [
    "Calendar",
    "Check",
    "DateMention",
    "DateValue",
    "Extraction",
    "Fact",
    "Granularity",
    "HijriDate",
    "NumberKind",
    "NumberMention",
    "NumberValue",
    "Qualifier",
    "Role",
    "Span",
]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogates(json_text: str) -> str:
    """``json_text`` with its lone surrogates (which ``str`` allows and UTF-8 does not)
    written as ``\\udXXX`` escapes: it encodes as UTF-8 and reads back the same."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=True)

    def model_dump_json(self, *, indent: int | None = None, **dump: Any) -> str:
        """JSON of the model, as pydantic writes it; a text holding lone surrogates (which
        ``str`` allows and UTF-8 does not: a file decoded with ``surrogateescape``, say)
        is written with ``\\udXXX`` escapes instead of raising, so ``json.loads`` gives the
        same string back."""
        try:
            return super().model_dump_json(indent=indent, **dump)
        except PydanticSerializationError as exc:
            if "surrogates not allowed" not in str(exc):
                raise
        text = json.dumps(self.model_dump(mode="json", **dump), ensure_ascii=False, indent=indent,
                          separators=None if indent is not None else (",", ":"))
        return _escape_surrogates(text)

    def __reduce__(self) -> Any:
        """Pickle as the class, the fields and the names of the fields set: unpickling
        rebuilds the model without validating it again (its fields were checked when it
        was made), in about a third of pydantic's own time. Results travel back from the
        worker processes of extract_many this way."""
        if type(self) not in _PLAIN:
            return super().__reduce__()
        return _rebuild, (type(self), self.__dict__, self.__pydantic_fields_set__)


class Qualifier(StrEnum):
    """How exact a figure is, as the text says it."""

    EXACT = "exact"
    APPROX = "approx"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class NumberKind(StrEnum):
    CARDINAL = "cardinal"
    ORDINAL = "ordinal"
    PERCENT = "percent"
    FRACTION = "fraction"


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"


class Calendar(StrEnum):
    GREGORIAN = "gregorian"
    HIJRI = "hijri"


class Role(StrEnum):
    """The place of a fact in a breakdown: the total, or one of its parts."""

    TOTAL = "total"
    PART = "part"


class Span(_Model):
    """A half-open character span of the caller's string."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


# ---- numbers -----------------------------------------------------------------------------

class NumberValue(_Model):
    """What a number expression means.

    ``value`` is an ``int`` unless the number has a fractional part. A *relative*
    ordinal (الأخير "the last", التالي "the next") has ``relative_to`` set to ``"end"``
    or ``"current"`` and its offset from there as ``value`` (قبل الأخير: end, -1).
    """

    value: int | float
    kind: NumberKind = NumberKind.CARDINAL
    qualifier: Qualifier = Qualifier.EXACT
    relative_to: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _integral_as_int(cls, data: Any) -> Any:
        if isinstance(data, dict):
            v = data.get("value")
            if isinstance(v, float) and v.is_integer() and abs(v) < 2**63:
                data = {**data, "value": int(v)}
        return data


class NumberMention(NumberValue):
    """A number found in a text, with its span in the caller's string.

    ``rule`` names the recognizer that found it (``digits``, ``words``, ``mixed``,
    ``ordinal``...), which helps when a value looks wrong.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str = ""


# ---- dates ---------------------------------------------------------------------------------

class HijriDate(_Model):
    """The Hijri reading a Hijri date was written in (month and day when given)."""

    year: int
    month: int | None = None
    day: int | None = None


class DateValue(_Model):
    """What a date expression means: an inclusive range of days.

    A single day has ``start == end``; ``ماي 2025`` is 2025-05-01..2025-05-31.
    ``relative`` is true when the dates were computed from a reference date, and
    ``reference`` says which one: ``"given"`` (the caller's ``reference_date``, usually
    the article's date) or ``"today"`` (none was given, so today's date was used).
    """

    start: dt.date
    end: dt.date
    granularity: Granularity
    calendar: Calendar = Calendar.GREGORIAN
    hijri: HijriDate | None = None
    relative: bool = False
    reference: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> DateValue:
        if self.end < self.start:
            raise ValueError(f"date range ends ({self.end}) before it starts ({self.start})")
        return self


class DateMention(_Model):
    """A date found in a text: its span, and its value (also flattened as
    ``start_date``/``end_date``, ``end_date`` inclusive)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    start_date: dt.date
    end_date: dt.date
    granularity: Granularity
    calendar: Calendar = Calendar.GREGORIAN
    value: DateValue
    rule: str = ""


# ---- facts -----------------------------------------------------------------------------------

class Fact(_Model):
    """One statistic: who counted what, how many, where, and when.

    ``metric`` is a label from ``lexicons/metrics.toml`` (``None`` when the counted noun
    is unknown; ``metric_text`` is the noun as written). ``unit`` is set for amounts and
    measures (``MAD``, ``USD``, ``kg``). ``period`` is set when the text gives a period
    narrower than the year. ``text``/``start``/``end`` are the span of the count,
    ``sentence`` the span of the sentence it was read from.
    """

    metric: str | None
    metric_text: str | None = None
    count: int | float
    unit: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    platform: str | None = None
    year: int | None = None
    period: DateValue | None = None
    subject: str | None = None
    role: Role | None = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: Span
    confidence: float = Field(ge=0.0, le=1.0)


class Check(_Model):
    """A total broken down into parts, and whether the parts add up to it.

    ``complete``: the text gives the parts as the whole of the total (يتوزعون كالآتي,
    موزعة على, منها); ``holds`` says they add up to it. A list of some of them only
    (بينهم, من بينهم: "among them") is not complete, and ``holds`` says they do not
    exceed the total."""

    total: int | float
    parts: list[int | float]
    holds: bool
    complete: bool = True
    metric: str | None = None
    total_fact: int = Field(ge=0, description="index of the total in Extraction.facts")
    part_facts: list[int] = Field(description="indices of the parts in Extraction.facts")


class Extraction(_Model):
    """Everything arabic_stats found in one text."""

    text: str
    reference_date: dt.date | None = None
    numbers: list[NumberMention] = []
    dates: list[DateMention] = []
    facts: list[Fact] = []
    checks: list[Check] = []

    def to_frame(self, what: str = "facts") -> Any:
        """The facts, numbers or dates (``what``) as a pandas DataFrame, one row each
        (see :mod:`arabic_stats.frames`; needs the ``pandas`` extra)."""
        from .frames import extraction_frame

        return extraction_frame(self, what)

    def _repr_html_(self) -> str:
        """The text right-to-left with every number, date and fact highlighted, and the
        facts table (how notebooks show an Extraction; see :mod:`arabic_stats.render`)."""
        from .render import render_html

        return render_html(self)


# ---- building results whose fields are already checked ----------------------------------------

_set_attr = object.__setattr__


def _plain(cls: type[BaseModel]) -> bool:
    """Whether ``model_construct`` of ``cls`` does no more than set ``__dict__`` and the
    three bookkeeping attributes (no aliases, private attributes, post-init hook, root
    model or extra fields kept)."""
    return (not cls.__pydantic_post_init__ and not cls.__pydantic_root_model__
            and not cls.__private_attributes__ and cls.model_config.get("extra") != "allow"
            and all(f.alias is None and f.validation_alias is None for f in cls.__pydantic_fields__.values()))


def _construct(cls: type[BaseModel], fields: dict[str, Any]) -> Any:
    """``cls.model_construct(**fields)`` for a result model of which ``fields`` gives every
    field, already checked, in declaration order: the same object (``__dict__``, fields
    set, no extra, no private attributes) without model_construct's per-field alias and
    default handling, which costs more than the rest of building a fact. A model that is
    not :func:`_plain` is built by ``model_construct`` itself (tests/test_facts_rules.py
    checks both give the same objects)."""
    if cls not in _PLAIN:
        return cls.model_construct(**fields)
    return _rebuild(cls, fields, set(fields))


def _rebuild(cls: type[BaseModel], fields: dict[str, Any], fields_set: set[str]) -> Any:
    """A _plain model of ``fields`` (checked already) and the names of the fields set, as
    model_construct builds it; also how a pickled result model is rebuilt (see
    _Model.__reduce__)."""
    m = cls.__new__(cls)
    _set_attr(m, "__dict__", fields)
    _set_attr(m, "__pydantic_fields_set__", fields_set)
    _set_attr(m, "__pydantic_extra__", None)
    _set_attr(m, "__pydantic_private__", None)
    return m


#: The result models that are _plain (all of them, unless one changes).
_PLAIN = frozenset(c for c in (Span, Fact, Check, NumberValue, NumberMention, DateMention, DateValue, HijriDate,
                               Extraction) if _plain(c))

"""The whole pipeline: normalize -> numbers / dates -> facts -> one Extraction."""
from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from typing import Any

from ._gc import paused_gc
from .dates import _to_mention as _date_mention
from .dates import date_candidates
from .facts import attach_facts, build_facts
from .models import Extraction
from .normalize import normalize_with_map
from .numbers import _to_mention, number_candidates

__all__ = ["extract"]


def extract(text: str, reference_date: dt.date | None = None) -> Extraction:
    """Find every number, date and fact in ``text``.

    ``reference_date`` is the article's date; relative dates resolve against it.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract expects str, got {type(text).__name__}")
    with paused_gc():
        return _extract(text, reference_date)


def _extract(text: str, reference_date: dt.date | None) -> Extraction:
    nt = normalize_with_map(text)
    names: list[tuple[int, int]] = []  # dates inside names (ملعب 5 جويلية): no dates, no counts
    date_cands = date_candidates(nt, reference_date, names=names)
    spans = [(d.start, d.end) for d in date_cands] + names
    # no number runs on past digits that end a date (خلال 2024 | مليون سائح, 2023-07-22 | 323
    # زائر); a number word may (الأحد عشر: eleven, not Sunday)
    cuts = sorted(e for _, e in spans if nt.match[e - 1].isdigit())
    number_cands = _outside_dates(number_candidates(nt, cuts=cuts), spans)
    date_cands = _outside_numbers(date_cands, number_cands)
    fact_cands, check_cands = attach_facts(nt, number_cands, date_cands, reference_date)
    facts, checks = build_facts(nt, fact_cands, check_cands)
    numbers = [_to_mention(nt, c) for c in number_cands]
    dates = [_date_mention(nt, c) for c in date_cands]
    return Extraction(text=text, reference_date=reference_date, numbers=numbers, dates=dates, facts=facts,
                      checks=checks)


def _outside_dates(numbers: list, dates: list[tuple[int, int]]) -> list:
    """A number inside a date (17 and 2025 in 17 ماي 2025, 2024 in سنة 2024) is part of
    the date, not also a number; a year-like count (2025 زائر) is no date and stays.
    ``dates`` are spans: of the dates, and of the dates inside names."""
    return _outside(numbers, lambda c: (c.core_start, c.core_end), dates, strictly=False)


def _outside_numbers(dates: list, numbers: list) -> list:
    """A date word inside a longer number is part of the number (الأحد عشر is eleven, not
    Sunday): such a date is dropped."""
    return _outside(dates, lambda d: (d.start, d.end), [(c.core_start, c.core_end) for c in numbers], strictly=True)


def _outside(items: list, span_of: Callable[[Any], tuple[int, int]], spans: list[tuple[int, int]],
             strictly: bool) -> list:
    """The ``items`` whose span lies in none of ``spans`` (non-overlapping), or, with
    ``strictly``, in none that is longer: one bisection per item."""
    if not items or not spans:
        return items
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    kept = []
    for x in items:
        s, e = span_of(x)
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and spans[k][0] <= s and e <= spans[k][1] and (
                not strictly or spans[k][1] - spans[k][0] > e - s):
            continue
        kept.append(x)
    return kept

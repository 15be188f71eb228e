"""The whole pipeline: normalize -> numbers / dates -> facts -> one Extraction."""
from __future__ import annotations

import datetime as dt

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
    nt = normalize_with_map(text)
    number_cands = number_candidates(nt)
    date_cands: list = []
    fact_cands, check_cands = attach_facts(nt, number_cands, date_cands)
    facts, checks = build_facts(nt, fact_cands, check_cands)
    numbers = [_to_mention(nt, c) for c in number_cands]
    return Extraction(text=text, reference_date=reference_date, numbers=numbers, facts=facts, checks=checks)

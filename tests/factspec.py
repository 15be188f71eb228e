"""Expected facts, checks, numbers and dates, and how a produced :class:`~arabic_stats.Extraction`
is compared with them. Shared by ``test_facts_fixtures.py`` and ``test_facts_rules.py``.

An expected fact is a dict with the five keys every fact is matched on::

    {"platform": "x" | None, "metric": "followers" | None, "count": 512523,
     "qualifier": "exact", "year": 2025 | None}

plus, only when given, ``unit`` and ``role`` (``None`` there means "must be None"). Other keys
(``metric_text``, ``note``) document the expectation and are not compared.

Every expected fact must be matched by exactly one produced fact, and every produced fact by
one expected fact (a maximum bipartite matching, so that a fact with a role or a unit is not
taken by a looser expectation that another produced fact could serve).
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "FACT_KEYS",
    "OPTIONAL_KEYS",
    "as_date",
    "check_mismatches",
    "date_misses",
    "describe_expected",
    "describe_produced",
    "fact_report",
    "match_facts",
    "number_misses",
]

FACT_KEYS = ("platform", "metric", "count", "qualifier", "year")
OPTIONAL_KEYS = ("unit", "role")


def _same_number(a: Any, b: Any) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _plain(v: Any) -> Any:
    """Enum members as their string value (models use StrEnum, which compares equal anyway)."""
    return getattr(v, "value", v)


def as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def fits(expected: dict[str, Any], got: Any) -> bool:
    """Whether the produced fact ``got`` satisfies the expected fact."""
    for key in FACT_KEYS:
        want, have = expected[key], _plain(getattr(got, key, None))
        if key == "count":
            if not _same_number(want, have):
                return False
        elif want != have:
            return False
    for key in OPTIONAL_KEYS:
        if key in expected and expected[key] != _plain(getattr(got, key, None)):
            return False
    return True


def match_facts(expected: Sequence[dict[str, Any]], produced: Sequence[Any]) -> tuple[list[int], list[int]]:
    """Indices of the expected facts left unmatched and of the produced facts left unmatched."""
    edges = [[j for j, g in enumerate(produced) if fits(e, g)] for e in expected]
    owner: dict[int, int] = {}  # produced index -> expected index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        augment(i, set())
    matched_expected = set(owner.values())
    missing = [i for i in range(len(expected)) if i not in matched_expected]
    extra = [j for j in range(len(produced)) if j not in owner]
    return missing, extra


def describe_expected(e: dict[str, Any]) -> str:
    parts = [f"{e['metric']} {e['count']:,} {e['qualifier']}", f"platform={e['platform']}", f"year={e['year']}"]
    parts += [f"{k}={e[k]}" for k in OPTIONAL_KEYS if k in e]
    if e.get("metric_text"):
        parts.append(f"noun «{e['metric_text']}»")
    line = "  ".join(parts)
    if e.get("note"):
        line += f"   # {e['note']}"
    return line


def _snippet(text: str, start: int, end: int, width: int = 40) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    s = text[a:start] + "[" + text[start:end] + "]" + text[end:b]
    return ("…" if a else "") + " ".join(s.split()) + ("…" if b < len(text) else "")


def describe_produced(f: Any, text: str | None = None) -> str:
    count = f.count
    shown = f"{count:,}" if isinstance(count, (int, float)) else str(count)
    parts = [f"{_plain(f.metric)} {shown} {_plain(f.qualifier)}", f"platform={_plain(f.platform)}",
             f"year={f.year}", f"unit={f.unit}", f"role={_plain(f.role)}"]
    if getattr(f, "metric_text", None):
        parts.append(f"noun «{f.metric_text}»")
    line = "  ".join(parts)
    if text is not None and getattr(f, "start", None) is not None:
        line += f"   at «{_snippet(text, f.start, f.end)}»"
    return line


def _differences(e: dict[str, Any], g: Any) -> str:
    diffs = []
    for k in [*FACT_KEYS, *(k for k in OPTIONAL_KEYS if k in e)]:
        have = _plain(getattr(g, k, None))
        same = _same_number(e[k], have) if k == "count" else e[k] == have
        if not same:
            diffs.append(f"{k}: got {have!r}, want {e[k]!r}")
    return "; ".join(diffs)


def fact_report(name: str, expected: Sequence[dict[str, Any]], produced: Sequence[Any], text: str) -> str | None:
    """None when the produced facts are exactly the expected ones, else a readable report."""
    missing, extra = match_facts(expected, produced)
    if not missing and not extra:
        return None
    lines = [f"{name}: {len(expected) - len(missing)}/{len(expected)} expected facts found, "
             f"{len(missing)} missing, {len(extra)} extra"]
    if missing:
        lines.append("  missing (expected, not produced):")
        for i in missing:
            e = expected[i]
            lines.append(f"    - {describe_expected(e)}")
            near = [g for j, g in enumerate(produced) if j in extra and _same_number(g.count, e["count"])]
            for g in near:
                lines.append(f"        closest: {_differences(e, g)}")
    if extra:
        lines.append("  extra (produced, not expected):")
        for j in extra:
            lines.append(f"    + {describe_produced(produced[j], text)}")
    return "\n".join(lines)


def _check_key(total: Any, parts: Iterable[Any], holds: Any) -> tuple[float, tuple[float, ...], bool]:
    return float(total), tuple(sorted(float(p) for p in parts)), bool(holds)


def check_mismatches(expected: Sequence[dict[str, Any]], produced: Sequence[Any]) -> str | None:
    """None when the produced checks are exactly the expected ones (total, parts as a
    multiset, holds, and ``complete`` where the expected check gives it), else a readable
    report."""
    complete = {i: c["complete"] for i, c in enumerate(expected) if "complete" in c}
    for i, want_complete in complete.items():
        c = expected[i]
        if not any(_same_number(p.total, c["total"]) and p.complete == want_complete for p in produced):
            return f"  check of total {c['total']:,.0f}: complete should be {want_complete}"
    want = [_check_key(c["total"], c["parts"], c["holds"]) for c in expected]
    have = [_check_key(c.total, c.parts, c.holds) for c in produced]
    left = list(have)
    missing = []
    for w in want:
        hit = next((h for h in left if _same_number(h[0], w[0]) and len(h[1]) == len(w[1])
                    and all(_same_number(a, b) for a, b in zip(h[1], w[1])) and h[2] == w[2]), None)
        if hit is None:
            missing.append(w)
        else:
            left.remove(hit)
    if not missing and not left:
        return None
    lines = []
    for m in missing:
        lines.append(f"  missing check: total {m[0]:,.0f} = parts {[f'{p:,.10g}' for p in m[1]]}, holds={m[2]}")
    for e in left:
        lines.append(f"  extra check:   total {e[0]:,.0f} = parts {[f'{p:,.10g}' for p in e[1]]}, holds={e[2]}")
    return "\n".join(lines)


def number_misses(expected: Sequence[dict[str, Any]], numbers: Sequence[Any], text: str) -> list[str]:
    """Expected numbers (value, kind, qualifier) with no produced mention whose text contains,
    or is contained in, the expected text (as ``shared/tools/score.py`` does for the seeds)."""
    out = []
    for n in expected:
        assert n["text"] in text, f"fixture error: number text {n['text']!r} is not in the passage"
        hit = any(_same_number(m.value, n["value"]) and _plain(m.kind) == n["kind"]
                  and _plain(m.qualifier) == n["qualifier"] and (m.text in n["text"] or n["text"] in m.text)
                  for m in numbers)
        if not hit:
            near = [f"{m.text!r}={m.value} {_plain(m.kind)} {_plain(m.qualifier)}" for m in numbers
                    if m.text in n["text"] or n["text"] in m.text]
            want = f"{n['value']} {n['kind']} {n['qualifier']}"
            out.append(f"  number {n['text']!r}: want {want}; got {near or 'nothing'}")
    return out


def date_misses(expected: Sequence[dict[str, Any]], dates: Sequence[Any], text: str) -> list[str]:
    """Expected dates (start, end inclusive) with no produced mention whose text contains, or is
    contained in, the expected text."""
    out = []
    for d in expected:
        assert d["text"] in text, f"fixture error: date text {d['text']!r} is not in the passage"
        hit = any((m.text in d["text"] or d["text"] in m.text)
                  and as_date(m.start_date) == as_date(d["start"]) and as_date(m.end_date) == as_date(d["end"])
                  for m in dates)
        if not hit:
            near = [f"{m.text!r}={m.start_date}..{m.end_date}" for m in dates
                    if m.text in d["text"] or d["text"] in m.text]
            out.append(f"  date {d['text']!r}: want {d['start']}..{d['end']}; got {near or 'nothing'}")
    return out

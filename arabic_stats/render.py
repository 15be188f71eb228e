"""A highlighted view of an Extraction, in HTML.

The article is shown right-to-left with every number, date and fact highlighted in its
own colour; hovering (or focusing) a highlight shows its value, as spaCy's displaCy
does, and so does a highlight given the class ``as-open`` (for a picture or a
presentation). The facts table follows. The HTML is self-contained (no script, no external
file) and every piece of the text is escaped.

* :func:`render_html` gives a fragment, used by ``Extraction._repr_html_`` in notebooks;
* :func:`render_page` gives a whole page for many texts (``arabic-stats extract
  --format html``); :func:`page_head`, :func:`page_section` and :func:`page_tail`
  write the same page piece by piece.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from .frames import format_count, rows

if TYPE_CHECKING:  # pragma: no cover
    from .models import DateMention, Extraction, Fact, NumberMention

__all__ = ["LABELS", "labelled_spans", "page_head", "page_section", "page_tail", "render_html", "render_page"]

#: Every label, most specific first: where two share a span the first one gives the colour.
LABELS = ("FACT", "DATE", "PERCENT", "ORDINAL", "NUMBER")

#: What each ``--only`` choice shows.
_SHOWN = {"all": {"numbers", "dates", "facts"}, "numbers": {"numbers"}, "dates": {"dates"}, "facts": {"facts"}}

_NUMBER_LABELS = {"ordinal": "ORDINAL", "percent": "PERCENT"}  # cardinal and fraction: NUMBER


def number_label(kind: str) -> str:
    """The span label of a number of this kind: NUMBER, ORDINAL or PERCENT."""
    return _NUMBER_LABELS.get(kind, "NUMBER")


def labelled_spans(extraction: Extraction, what: str = "all") -> list[tuple[int, int, str, Any]]:
    """``(start, end, label, mention)`` for every number, date and fact shown for
    ``what`` (``all``, ``numbers``, ``dates`` or ``facts``), in text order; empty spans
    are left out."""
    shown = _SHOWN.get(what)
    if shown is None:
        raise ValueError(f"what must be one of {', '.join(map(repr, _SHOWN))}, got {what!r}")
    spans: list[tuple[int, int, str, Any]] = []
    if "numbers" in shown:
        spans += [(n.start, n.end, number_label(n.kind), n) for n in extraction.numbers]
    if "dates" in shown:
        spans += [(d.start, d.end, "DATE", d) for d in extraction.dates]
    if "facts" in shown:
        spans += [(f.start, f.end, "FACT", f) for f in extraction.facts]
    spans = [s for s in spans if s[1] > s[0]]
    spans.sort(key=lambda s: (s[0], -s[1], LABELS.index(s[2])))
    return spans


# ---- what a hover says -------------------------------------------------------------------------

def _number_tip(label: str, n: NumberMention) -> str:
    if n.relative_to:
        value = f"{n.relative_to} {n.value:+d}" if isinstance(n.value, int) else f"{n.relative_to} {n.value}"
    else:
        value = format_count(n.value) + ("%" if n.kind == "percent" else "")
    extra = [n.kind] if n.kind == "fraction" else []
    return " · ".join([f"{label}: {value}", *extra, n.qualifier])


def _date_tip(d: DateMention) -> str:
    days = str(d.start_date) if d.start_date == d.end_date else f"{d.start_date} → {d.end_date}"
    parts = [f"DATE: {days}", d.granularity]
    if d.value.hijri is not None:
        h = d.value.hijri
        parts.append("hijri " + "-".join(str(p) for p in (h.year, h.month, h.day) if p is not None))
    if d.value.relative:
        parts.append(f"relative to {d.value.reference or 'reference'} date")
    return " · ".join(parts)


def _fact_tip(f: Fact) -> str:
    parts = [f"FACT: {f.metric or '?'} = {format_count(f.count)}", f.qualifier]
    if f.platform:
        parts.append(f"platform {f.platform}")
    if f.period is not None:
        parts.append(f"{f.period.start} → {f.period.end}")
    elif f.year is not None:
        parts.append(str(f.year))
    if f.subject:
        parts.append(f.subject)
    if f.role:
        parts.append(f.role)
    return " · ".join(parts)


def _tip(label: str, mention: Any) -> str:
    if label == "FACT":
        return _fact_tip(mention)
    if label == "DATE":
        return _date_tip(mention)
    return _number_tip(label, mention)


# ---- nesting highlights --------------------------------------------------------------------------

@dataclass
class _Mark:
    """Everything found on one span: its labels (most specific first) and hover lines."""

    ident: int
    labels: list[str]
    tips: list[str]


@dataclass
class _Node:
    start: int
    end: int
    mark: _Mark | None
    children: list[_Node] = field(default_factory=list)


def _tree(length: int, spans: list[tuple[int, int, str, Any]]) -> _Node:
    """Highlights as properly nested nodes. Mentions on the same span share a node; a
    span that crosses the end of another is cut there, and both pieces keep its id."""
    marks: dict[tuple[int, int], _Mark] = {}
    for start, end, label, mention in spans:
        mark = marks.setdefault((start, end), _Mark(len(marks), [], []))
        mark.labels.append(label)
        mark.tips.append(_tip(label, mention))
    heap = [(s, -e, m.ident, m) for (s, e), m in marks.items()]
    heapq.heapify(heap)
    root = _Node(0, length, None)
    stack = [root]
    while heap:
        start, neg_end, ident, mark = heapq.heappop(heap)
        end = -neg_end
        while len(stack) > 1 and stack[-1].end <= start:
            stack.pop()
        top = stack[-1]
        if end > top.end:
            heapq.heappush(heap, (top.end, -end, ident, mark))
            end = top.end
        node = _Node(start, end, mark)
        top.children.append(node)
        stack.append(node)
    return root


def _write(node: _Node, text: str, out: list[str]) -> None:
    pos = node.start
    for child in node.children:
        out.append(escape(text[pos:child.start]))
        mark = child.mark
        assert mark is not None
        labels = sorted(set(mark.labels), key=LABELS.index)
        kind = "fact" if labels[0] == "FACT" else "date" if labels[0] == "DATE" else "number"
        out.append(f'<mark class="as-m as-{kind}" tabindex="0" data-id="{mark.ident}" '
                   f'data-label="{" ".join(labels)}" data-tip="{escape(chr(10).join(mark.tips))}">')
        _write(child, text, out)
        out.append("</mark>")
        pos = child.end
    out.append(escape(text[pos:node.end]))


# ---- tables ----------------------------------------------------------------------------------------

_TABLE_COLUMNS = {
    "facts": ("metric", "count", "text", "qualifier", "platform", "year", "period", "role", "subject"),
    "numbers": ("text", "value", "kind", "qualifier", "start", "end"),
    "dates": ("text", "start_date", "end_date", "granularity", "calendar", "hijri"),
}
_NUMERIC = {"count", "value", "year", "start", "end"}
_AMOUNTS = {"count", "value"}


def _cell(row: dict[str, Any], column: str) -> str:
    if column == "period":
        start, end = row["period_start"], row["period_end"]
        return "" if start is None else str(start) if start == end else f"{start} → {end}"
    value = row[column]
    if value is None:
        return ""
    if column in _AMOUNTS:
        return format_count(value)
    return str(value)


def _table(extraction: Extraction, what: str) -> str:
    columns = _TABLE_COLUMNS[what]
    records = rows(extraction, what)
    if not records:
        return f'<p class="as-empty">No {what} found.</p>'
    head = "".join(f"<th>{c}</th>" for c in ("#", *columns))
    body = []
    for i, r in enumerate(records, 1):
        cells = "".join(f'<td class="{"as-n" if c in _NUMERIC else "as-t"}"><bdi>{escape(_cell(r, c))}</bdi></td>'
                        for c in columns)
        body.append(f"<tr><td class=\"as-n\">{i}</td>{cells}</tr>")
    return (f'<div class="as-scroll"><table class="as-table as-{what}"><caption>{what}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


def _checks(extraction: Extraction) -> str:
    if not extraction.checks:
        return ""
    items = []
    for c in extraction.checks:
        if c.complete:
            sign, mark, verdict = ("=", "✓", "the parts add up") if c.holds else ("≠", "✗", "the parts do not add up")
        else:  # some of the parts only (بينهم)
            sign, mark, verdict = ("≥", "✓", "some of the parts") if c.holds else ("<", "✗", "the parts exceed the total")
        parts = " + ".join(format_count(p) for p in c.parts)
        items.append(f'<li class="as-check as-{"ok" if c.holds else "bad"}">{mark} {escape(c.metric or "")}: '
                     f'{format_count(c.total)} {sign} {parts} ({verdict})</li>')
    return f'<ul class="as-checks" dir="ltr">{"".join(items)}</ul>'


# ---- pages -------------------------------------------------------------------------------------------

_STYLE = """
.arabic-stats { font-family: "Noto Naskh Arabic", "Amiri", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif;
  color: #1b1b1b; background: #fff; direction: rtl; text-align: right; }
.arabic-stats .as-doc { margin: 0 0 2.5em; }
.arabic-stats .as-file { font-size: 1em; font-family: monospace; color: #555; margin: .5em 0; }
.arabic-stats .as-text { white-space: pre-wrap; line-height: 2.3; font-size: 17px; max-width: 60em; }
.arabic-stats .as-legend { font-size: 13px; margin: .3em 0 .8em; }
.arabic-stats .as-legend mark { margin-inline-end: .6em; }
.arabic-stats mark.as-m { position: relative; border-radius: .35em; padding: .1em .2em; color: inherit;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; cursor: help; }
.arabic-stats mark.as-number { background: #cfe3ff; }
.arabic-stats mark.as-date { background: #c9f2cf; }
.arabic-stats mark.as-fact { background: #ffd79a; box-shadow: inset 0 -2px 0 #e08a00; }
.arabic-stats mark.as-m mark.as-m { padding: 0 .1em; }
.arabic-stats mark.as-m:is(:hover, :focus, .as-open):not(:has(mark:hover))::after { content: attr(data-tip);
  position: absolute; top: 100%; right: 0; z-index: 10; white-space: pre; direction: ltr;
  unicode-bidi: isolate; text-align: left; font: 12px/1.5 "DejaVu Sans", sans-serif; color: #fff;
  background: #333; padding: .35em .6em; border-radius: .3em; }
.arabic-stats .as-scroll { overflow-x: auto; max-width: 100%; }
.arabic-stats table.as-table { border-collapse: collapse; font-size: 13px; margin: 1em 0; }
.arabic-stats table.as-table caption { text-align: right; font-weight: bold; padding: .3em 0; }
.arabic-stats table.as-table th, .arabic-stats table.as-table td { border: 1px solid #ddd; padding: .25em .6em;
  white-space: nowrap; }
.arabic-stats table.as-table th { background: #f3f3f3; font-family: monospace; font-weight: normal; }
.arabic-stats td.as-n { text-align: right; font-variant-numeric: tabular-nums; }
.arabic-stats .as-empty { color: #777; }
.arabic-stats ul.as-checks { list-style: none; text-align: right; padding: 0; font-size: 14px; }
.arabic-stats .as-check.as-bad { color: #b00020; }
"""

_LEGEND = ('<p class="as-legend"><mark class="as-m as-number">NUMBER · عدد</mark>'
           '<mark class="as-m as-date">DATE · تاريخ</mark>'
           '<mark class="as-m as-fact">FACT · معطى إحصائي</mark></p>')


def _section(extraction: Extraction, what: str, name: str | None) -> str:
    spans = labelled_spans(extraction, what)
    out: list[str] = []
    _write(_tree(len(extraction.text), spans), extraction.text, out)
    table_kind = "facts" if what in ("all", "facts") else what
    heading = f'<h2 class="as-file" dir="ltr"><bdi>{escape(name)}</bdi></h2>' if name is not None else ""
    data = f' data-file="{escape(name)}"' if name is not None else ""
    return (f'<section class="as-doc"{data}>{heading}{_LEGEND}'
            f'<div class="as-text" lang="ar" dir="rtl">{"".join(out)}</div>'
            f'{_table(extraction, table_kind)}{_checks(extraction) if table_kind == "facts" else ""}</section>')


def render_html(extraction: Extraction, what: str = "all") -> str:
    """An HTML fragment (with its own ``<style>``) showing ``extraction``: the text
    right-to-left with its numbers, dates and facts highlighted (``what`` picks one
    kind), then the facts table, or the table of the kind picked."""
    return (f'<div class="arabic-stats" dir="rtl" lang="ar"><style>{_STYLE}</style>'
            f'{_section(extraction, what, None)}</div>')


def page_head(title: str = "arabic-stats") -> str:
    """The start of a whole page: doctype, styles, and the opening of the body."""
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{escape(title)}</title>\n<style>{_STYLE}body {{ margin: 2em; }}</style>\n</head>\n'
            f'<body>\n<main class="arabic-stats">\n')


def page_section(extraction: Extraction, what: str = "all", name: str | None = None) -> str:
    """One text of a page: its name (a file name, say), highlighted text and table."""
    return _section(extraction, what, name) + "\n"


def page_tail() -> str:
    return "</main>\n</body>\n</html>\n"


def render_page(items: Iterable[tuple[str | None, Extraction]], what: str = "all",
                title: str = "arabic-stats") -> str:
    """A self-contained HTML page with a section per ``(name, extraction)``."""
    return page_head(title) + "".join(page_section(ext, what, name) for name, ext in items) + page_tail()

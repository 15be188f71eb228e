"""The highlighted HTML view: structure and escaping here, rendering in headless Chromium
below (Debian's ``chromium``; .ci/run installs it)."""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from arabic_stats import DateMention, DateValue, Extraction, NumberMention, extract
from arabic_stats.render import labelled_spans, render_html, render_page
from test_frames import SAMPLE_TEXT, SEED, sample_extraction

SEED_TEXT = SEED.read_text(encoding="utf-8")


class Marks(HTMLParser):
    """The highlight <mark> elements of a page, with their attributes and text; fails
    on a tag closed out of order."""

    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.open_marks: list[dict | None] = []  # one per open <mark>; None for the legend's
        self.marks: list[dict] = []
        self.tags: set[str] = set()
        self.article_text: list[str] = []
        self.article_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        if tag in self.VOID:
            return
        self.stack.append(tag)
        attributes = dict(attrs)
        if "as-text" in (attributes.get("class") or "").split():
            self.article_depth = len(self.stack)
        if tag == "mark":
            mark = {**attributes, "text": ""} if "data-id" in attributes else None
            self.open_marks.append(mark)
            if mark is not None:
                self.marks.append(mark)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        if self.article_depth == len(self.stack):
            self.article_depth = 0
        self.stack.pop()
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        for mark in self.open_marks:
            if mark is not None:
                mark["text"] += data
        if self.article_depth:
            self.article_text.append(data)


def parse(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    return parser


# ---- structure ----------------------------------------------------------------------------------------

def test_every_mention_is_a_mark_with_its_labels_and_value() -> None:
    ext = sample_extraction()
    page = parse(render_html(ext))
    assert "".join(page.article_text) == ext.text  # the whole text, unescaped, in order
    by_text = {m["text"]: m for m in page.marks}
    assert set(by_text) == {m.text for m in [*ext.numbers, *ext.dates, *ext.facts]}
    total = by_text["مليون و268 ألف و153"]
    assert total["data-label"] == "FACT NUMBER" and total["class"] == "as-m as-fact"
    assert total["data-tip"].splitlines() == ["FACT: followers = 1,268,153 · exact · 2025 · المديرية · total",
                                              "NUMBER: 1,268,153 · exact"]
    assert by_text["512 ألف و523"]["data-tip"].startswith("FACT: followers = 512,523 · exact · platform x · "
                                                          "2025-01-01 → 2025-12-31")
    assert by_text["نحو 12%"]["data-tip"] == "PERCENT: 12% · approx"
    assert by_text["السادسة"]["data-label"] == "ORDINAL" and by_text["السادسة"]["class"] == "as-m as-number"
    assert by_text["رمضان 1446"]["data-tip"] == "DATE: 2025-03-01 → 2025-03-30 · month · hijri 1446-9"
    assert by_text["سنة 2025"]["class"] == "as-m as-date"


def test_text_and_values_are_escaped() -> None:
    html = render_html(sample_extraction())
    assert "<b>" not in html and '&lt;b&gt;&quot;تراجع&quot;&lt;/b&gt; &amp;' in html
    assert parse(html).tags <= {"div", "style", "section", "p", "mark", "table", "caption", "thead", "tbody", "tr",
                                "th", "td", "bdi", "ul", "li"}
    text = 'قال "المدير" <script>alert(1)</script> إن العدد 600'
    ext = extract(text)
    page = render_page([('a "b" <c>.txt', ext)])
    assert "<script>" not in page and 'data-file="a &quot;b&quot; &lt;c&gt;.txt"' in page
    assert "".join(parse(page).article_text) == text


def test_nested_and_crossing_spans_stay_well_formed() -> None:
    text = "من 17 إلى 21 ماي 2025 زار المعرض 600 شخص"
    day = dt.date(2025, 5, 17)

    def number(part: str, value: int, offset: int = 0) -> NumberMention:
        s = text.index(part, offset)
        return NumberMention(text=part, start=s, end=s + len(part), value=value)

    value = DateValue(start=day, end=dt.date(2025, 5, 21), granularity="day")
    date = DateMention(text=text[:21], start=0, end=21, start_date=day, end_date=value.end, granularity="day",
                       value=value)
    crossing = NumberMention(text=text[17:25], start=17, end=25, value=2025)  # "2025 زار" crosses the date's end
    ext = Extraction(text=text, numbers=[number("17", 17), number("21", 21), crossing, number("600", 600)],
                     dates=[date])
    page = parse(render_html(ext))
    assert "".join(page.article_text) == text
    ids = [m["data-id"] for m in page.marks]
    pieces = [m for m in page.marks if ids.count(m["data-id"]) == 2]
    assert [p["text"] for p in pieces] == ["2025", " زار"]  # cut at the end of the date, same id
    assert page.marks[0]["text"] == text[:21] and page.marks[0]["data-label"] == "DATE"


def test_only_one_kind() -> None:
    ext = sample_extraction()
    assert {s[2] for s in labelled_spans(ext, "dates")} == {"DATE"}
    assert {s[2] for s in labelled_spans(ext, "numbers")} == {"NUMBER", "PERCENT", "ORDINAL"}
    html = render_html(ext, what="numbers")
    assert "as-m as-fact" not in html.split("</p>", 1)[1] and "<caption>numbers</caption>" in html
    with pytest.raises(ValueError):
        labelled_spans(ext, "people")


def test_facts_table_and_checks() -> None:
    html = render_html(sample_extraction())
    table = html[html.index("<table"):html.index("</table>")]
    assert table.count("<tr>") == 3 and "1,268,153" in table and ">x<" in table
    assert "<th>period</th>" in table and "2025-01-01 → 2025-12-31" in table
    assert "✗ followers: 1,268,153 ≠ 512,523 (the parts do not add up)" in html
    assert "No facts found." in render_html(extract("لا شيء هنا"))


def test_repr_html_of_a_real_extraction() -> None:
    ext = extract(SEED_TEXT, dt.date(2025, 12, 17))
    page = parse(ext._repr_html_())
    assert "".join(page.article_text) == SEED_TEXT
    fact_marks = [m for m in page.marks if m["data-label"].startswith("FACT")]
    assert [m["text"] for m in fact_marks] == [f.text for f in ext.facts if f.end > f.start]


# ---- in a real browser ------------------------------------------------------------------------------------

def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    if os.environ.get("ARABIC_STATS_REQUIRE_BROWSER") or os.environ.get("CI"):
        pytest.fail("chromium is not installed (.ci/run installs Debian's chromium package)")
    pytest.skip("chromium is not installed (apt-get install -y chromium)")


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run([chromium(), *flags, *args], capture_output=True, text=True, timeout=120)


# Runs in the page: what the browser made of it.
PROBE = """
<script>
const out = {marks: [], direction: {}, tip: null, rows: 0, bold: 0};
document.querySelectorAll(".as-doc").forEach(doc => {
  const text = doc.querySelector(".as-text");
  out.direction[doc.dataset.file] = getComputedStyle(text).direction;
  out.bold += text.querySelectorAll("b, script").length;
  out.rows += doc.querySelectorAll("table.as-facts tbody tr").length;
  text.querySelectorAll("mark.as-m").forEach(m => {
    const r = m.getClientRects()[0];
    out.marks.push({file: doc.dataset.file, id: m.dataset.id, label: m.dataset.label, text: m.textContent,
                    kind: m.classList[1], background: getComputedStyle(m).backgroundColor,
                    left: r.left, right: r.right, top: r.top, width: r.width, height: r.height});
  });
});
// the hover text: the rule that shows it, and what it shows (opened with the as-open class,
// as :hover cannot be set from a script and :focus needs the window to have focus)
const first = document.querySelector(".as-text mark.as-fact");
const hidden = getComputedStyle(first, "::after").content;
first.classList.add("as-open");
const rule = [...document.styleSheets[0].cssRules].find(r => (r.selectorText || "").includes("::after"));
out.tip = {expected: first.dataset.tip, hidden: hidden, shown: getComputedStyle(first, "::after").content,
           selector: rule ? rule.selectorText : null};
const pre = document.createElement("pre");
pre.id = "probe";
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>
"""


@pytest.fixture(scope="module")
def browser_view(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict[str, Extraction]]:
    tmp = tmp_path_factory.mktemp("chromium")
    docs = {"seed": extract(SEED_TEXT, dt.date(2025, 12, 17)), "sample": sample_extraction()}
    page = render_page(docs.items()).replace("</body>", PROBE + "</body>")
    (tmp / "page.html").write_text(page, encoding="utf-8")
    proc = run_chromium(tmp, "--dump-dom", (tmp / "page.html").as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    start = proc.stdout.index('<pre id="probe">') + len('<pre id="probe">')
    raw = proc.stdout[start:proc.stdout.index("</pre>", start)]
    return json.loads(html.unescape(raw)), docs


def _crossing(spans: list[tuple[int, int, str, object]]) -> set[tuple[int, int]]:
    """Spans that cross another one (cut in two when drawn; see the nesting test)."""
    return {(s, e) for s, e, *_ in spans for s2, e2, *_ in spans if s < s2 < e < e2 or s2 < s < e2 < e}


def test_browser_shows_every_mention_highlighted(browser_view: tuple[dict, dict[str, Extraction]]) -> None:
    probe, docs = browser_view
    assert probe["direction"] == {"seed": "rtl", "sample": "rtl"}
    assert probe["bold"] == 0  # the <b> of the sample text stayed text
    for name, ext in docs.items():
        marks = [m for m in probe["marks"] if m["file"] == name]
        assert marks and all(m["width"] > 0 and m["height"] > 0 for m in marks)
        shown = {(m["text"], m["label"]) for m in marks}
        spans = labelled_spans(ext)
        labels: dict[tuple[int, int], list[str]] = {}
        for start, end, label, _ in spans:
            labels.setdefault((start, end), []).append(label)
        for (start, end), names in labels.items():
            if (start, end) not in _crossing(spans):
                assert (ext.text[start:end], " ".join(names)) in shown, (name, ext.text[start:end], names)
    assert probe["rows"] == sum(len(ext.facts) for ext in docs.values())


def test_browser_paints_three_colours(browser_view: tuple[dict, dict[str, Extraction]]) -> None:
    probe, _ = browser_view
    colours: dict[str, set[str]] = {}
    for m in probe["marks"]:
        colours.setdefault(m["kind"], set()).add(m["background"])
    assert set(colours) == {"as-number", "as-date", "as-fact"}
    assert all(len(c) == 1 for c in colours.values())
    assert len(set.union(*colours.values())) == 3 and "rgba(0, 0, 0, 0)" not in set.union(*colours.values())


def test_browser_lays_text_out_right_to_left(browser_view: tuple[dict, dict[str, Extraction]]) -> None:
    probe, docs = browser_view
    marks = [m for m in probe["marks"] if m["file"] == "sample"]
    first_line = [m for m in marks if abs(m["top"] - marks[0]["top"]) < 2]
    assert [m["text"] for m in first_line][:2] == ["503", "مليون و268 ألف و153"]
    for earlier, later in zip(first_line, first_line[1:]):  # in reading order, each is left of the one before
        assert later["right"] <= earlier["left"] + 1


def test_browser_hover_shows_the_value(browser_view: tuple[dict, dict[str, Extraction]]) -> None:
    probe, _ = browser_view
    tip = probe["tip"]
    assert ":hover" in tip["selector"] and ":focus" in tip["selector"]
    assert tip["hidden"] in ("none", "normal")  # nothing shown until hovered
    shown = re.sub(r"\\a ?", "\n", tip["shown"][1:-1]).replace('\\"', '"')  # a CSS string: "...\a ..."
    assert tip["shown"][0] == tip["shown"][-1] == '"', tip
    assert tip["expected"].startswith("FACT: ") and "\n" in tip["expected"]
    assert shown == tip["expected"]


def test_screenshot_shows_the_highlights(tmp_path: Path) -> None:
    image = pytest.importorskip("matplotlib.image")
    (tmp_path / "page.html").write_text(render_page([("sample", sample_extraction())]), encoding="utf-8")
    proc = run_chromium(tmp_path, "--window-size=900,700", f"--screenshot={tmp_path / 'shot.png'}",
                        (tmp_path / "page.html").as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    pixels = (image.imread(tmp_path / "shot.png")[..., :3] * 255).round().astype(int)
    found = {tuple(p) for p in pixels.reshape(-1, 3).tolist()}
    for colour in ("#cfe3ff", "#c9f2cf", "#ffd79a"):  # number, date, fact backgrounds
        assert tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)) in found, colour
    # the text is right-aligned: the right half of the picture holds more ink than the left
    ink = (pixels.sum(axis=2) < 200).sum(axis=0)
    assert ink[ink.size // 2:].sum() > ink[:ink.size // 2].sum()

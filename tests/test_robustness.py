"""Hostile input: adversarial megabyte lines in linear time, arbitrary Unicode that never
breaks extract or its spans, idempotent normalization, degenerate texts, and lexicons
that contradict themselves failing loudly."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_stats import Extraction, extract, normalize, normalize_with_map
from arabic_stats.lexicon import lexicon_dir
from strategies import BIDI_MARKS, news_text

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))

# ---- linear time on adversarial input ----------------------------------------------------------------------

#: One line of about a megabyte of each of the inputs the issue names: a regex with
#: nested quantifiers over overlapping alternatives, or a scan per number over its whole
#: sentence, shows up here as minutes or hours.
ADVERSARIAL = {
    "digits": "1234567890",
    "waw": "و",
    "waw_spaced": "و ",
    "number_words": "ثلاثة وعشرين ألفا و",
    "punctuation": ".,،؛!?-/:()%٪«»",
    "month_names": "ماي يناير شباط كانون الثاني ذو الحجة ",
    "mixed_scripts": "abc ١٢٣ مليون xyz 45,6 日本 Ω ",
}
#: Inputs where nearly every word is a number, a date or a fact (a hundred thousand
#: results per 200 kB): the work per result dominates, so they are read at 200 kB.
DENSE = {
    "mixed_numbers": "مليون و268 ألف و",
    "digit_groups": "1,2.3 4/5-",
    "dates": "17 ماي 2025 و",
    "counts": "1000 شخص، ",
    "platform_counts": "على فيسبوك 12 متابع و",
    # phone numbers and addresses among counts: the numbers inside them are dropped by
    # one bisection each (a pass over every phone number per count was quadratic)
    "phones_and_urls": "الرقم 0661234567 أو www.site12.ma و12 شخص، ",
    # lists read back and forth: years after a preposition (no recursion along the
    # chain), days before a month, numbers sharing a scale word
    "listed_years": "في 2023 و2024 و",
    "listed_days": "يومي 3 و4 و5 ماي ",
    "shared_scales": "بين 5 و10 آلاف شخص، ",
    # a year after a count noun, with the count after it (one bisection for the number
    # after the year, not a pass over every number), dual nouns, dates inside names
    "years_before_counts": "عدد الزوار 2024 نحو 5 آلاف، ",
    "dual_nouns": "قتل شخصان و",
    "dates_in_names": "على ملعب 5 جويلية ",
    # lists read along to the platform or the year that closes them (a bounded walk per
    # item), scale words with the article found by str.find and removed by bisection
    "list_without_platform": "12 متابع و",
    "months_listed": "يناير وفبراير و",
    "definite_scales": "قرابة المليون و900 ألف زائر و",
}

_TIMER = """
import json, sys, time
import arabic_stats
arabic_stats.extract("بلغ عدد الزوار 12 زائر في 17 ماي 2025")  # lexicons and patterns
unit, size = sys.argv[1], int(sys.argv[2])
times = {}
for n in (size // 10, size):
    text = unit * (n // len(unit))
    t0 = time.perf_counter()
    ext = arabic_stats.extract(text)
    times[n] = time.perf_counter() - t0
    for m in [*ext.numbers, *ext.dates, *ext.facts]:
        assert text[m.start:m.end] == m.text
    found = len(ext.numbers) + len(ext.dates) + len(ext.facts)
print(json.dumps({"small": times[size // 10], "big": times[size], "found": found}))
"""


@pytest.mark.parametrize("name, unit, size", [(k, v, 1_000_000) for k, v in ADVERSARIAL.items()]
                         + [(k, v, 200_000) for k, v in DENSE.items()], ids=[*ADVERSARIAL, *DENSE])
def test_adversarial_input_in_linear_time(name: str, unit: str, size: int) -> None:
    """Ten times the text takes about ten times as long (up to 30x here, for noisy
    machines) and never more than a generous bound; a quadratic scan or catastrophic
    backtracking would take minutes to hours (the subprocess is killed at the bound)."""
    bound = 30.0
    try:
        out = subprocess.run([sys.executable, "-c", _TIMER, unit, str(size)], capture_output=True, text=True,
                             timeout=bound + 15, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: {size} characters took more than {bound + 15:.0f} s")
    t = json.loads(out.stdout)
    assert t["big"] < bound, f"{name}: {t['big']:.1f} s for {size} characters"
    assert t["big"] < 30 * t["small"] + 0.5, f"{name}: {t['small']:.2f} s for a tenth, {t['big']:.2f} s for all"


# ---- arbitrary text ------------------------------------------------------------------------------------------

WORDS = ["ثلاثة", "وعشرين", "ألفا", "و", "مليون", "و268", "ألف", "متابع", "مشاهدة", "زائر", "فيسبوك", "إكس",
         "منصة", "حساب", "خلال", "سنة", "2025", "ماي", "يناير", "شباط", "كانون", "الثاني", "17", "من", "إلى",
         "عدد", "تجاوز", "أكثر", "حوالي", "الإجمالي", "مجموعه", "منها", "كالآتي", "%", "في", "المائة", "شخص",
         "درهم", "الأول", "هذه", "السنة", "الماضي", "أمس", "رمضان", "1446هـ", "المديرية", "العامة", "١٢٣",
         "1,197,335", "٢٫٥", "تلميذ", "مؤسسة", "تعليمية", "مقارنة", "مع", "نصف", "ربع", "الأسبوع", "المقبل",
         "17/12/2025", "2024-2025", "بين", "و12", "الثالث", "عشر", "ما", "يزيد", "عن"]
SEPARATORS = [" ", " ", " ", "", "\n", "، ", ". ", ": ", "\u200f", "\u0640", "\u064b", "\xa0", "\x00"]


@st.composite
def news_like(draw: st.DrawFn) -> str:
    """Words of news text about numbers, dates and platforms, in any order, glued by
    spaces, punctuation, line breaks, marks or nothing."""
    parts = draw(st.lists(st.sampled_from(WORDS), max_size=30))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps))


def check_spans(text: str, ext: Extraction) -> None:
    assert ext.text == text
    for m in [*ext.numbers, *ext.dates, *ext.facts]:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text
    for d in ext.dates:
        assert d.start_date <= d.end_date
    for f in ext.facts:
        assert f.sentence.start <= f.start <= f.end <= f.sentence.end <= len(text)
        assert 0.0 <= f.confidence <= 1.0
    for c in ext.checks:
        assert all(0 <= i < len(ext.facts) for i in [c.total_fact, *c.part_facts])


@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=200))
def test_extract_never_raises_on_any_unicode(text: str) -> None:
    check_spans(text, extract(text))


@given(st.one_of(news_like(), news_text))
@settings(max_examples=300)
def test_extract_spans_on_news_like_text(text: str) -> None:
    check_spans(text, extract(text))


@given(st.one_of(st.text(max_size=200), news_text, news_like()))
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    for kw in ({"fold_teh_marbuta": True}, {"fold_hamza": True}):
        folded = normalize(text, **kw)
        assert normalize(folded, **kw) == folded
    nt = normalize_with_map(text)
    assert nt.text == once and len(nt.match) == len(nt.text)
    assert normalize_with_map(nt.match).match == nt.match


# ---- degenerate inputs ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", " ", " \t\n\r\n ", "\u200f" * 50, "\ufeff", "\x00", "\x00" * 1000,
                                  "\n" * 10_000, "ـــــ", "\u064b\u064c\u064d"])
def test_empty_and_invisible_texts_give_an_empty_extraction(text: str) -> None:
    ext = extract(text)
    assert ext.text == text
    assert ext.numbers == ext.dates == ext.facts == ext.checks == []


def test_nul_bytes_and_lone_surrogates_inside_text() -> None:
    for text in ["بلغ عدد المتابعين\x00 1200\x00 متابع", "بلغ عدد المتابعين \ud800 1200 متابع \udfff"]:
        ext = extract(text)
        check_spans(text, ext)
        assert [n.value for n in ext.numbers] == [1200]
        assert [f.metric for f in ext.facts] == ["followers"]
    check_spans("١٢\ud800٣٤", extract("١٢\ud800٣٤"))


def test_model_dump_json_escapes_lone_surrogates() -> None:
    """The JSON of a result over a text with lone surrogates encodes as UTF-8 and reads
    back to the same text; without surrogates it is pydantic's own JSON."""
    text = "بلغ عدد المتابعين \ud800 1200 متابع"
    ext = extract(text)
    out = ext.model_dump_json()
    out.encode("utf-8")
    back = json.loads(out)
    assert back["text"] == text and back["facts"][0]["count"] == 1200
    assert json.loads(ext.model_dump_json(indent=2, include={"text"})) == {"text": text}
    clean = extract("بلغ عدد المتابعين 1200 متابع")
    assert clean.model_dump_json() == pydantic.BaseModel.model_dump_json(clean)


def insert_everywhere(text: str, mark: str) -> str:
    return mark + mark.join(text) + mark


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u2067", "\u200b"])
def test_right_to_left_marks_everywhere_change_no_value(mark: str) -> None:
    clean = FIXTURES[1].read_text(encoding="utf-8")
    marked = insert_everywhere(clean, mark)
    a, b = extract(clean), extract(marked)
    check_spans(marked, b)
    assert [(n.value, n.kind, n.qualifier) for n in b.numbers] == [(n.value, n.kind, n.qualifier) for n in a.numbers]
    assert [(d.start_date, d.end_date) for d in b.dates] == [(d.start_date, d.end_date) for d in a.dates]
    assert [(f.metric, f.count, f.platform, f.year) for f in b.facts] == \
        [(f.metric, f.count, f.platform, f.year) for f in a.facts]
    for m in b.numbers:  # a span starts on a character of the number, not on a mark
        assert m.text[0] != mark


def test_latin_only_text() -> None:
    text = "The company had 1,200 employees in 2024 and 3.5 million users; call +1-222-333-4444."
    ext = extract(text)
    check_spans(text, ext)
    assert 1200 in [n.value for n in ext.numbers]
    assert not any(f.metric for f in ext.facts)


def test_all_bidi_marks_and_a_very_long_line() -> None:
    line = " ".join(FIXTURES[0].read_text(encoding="utf-8").split()) * 20  # one line, no paragraph
    ext = extract(line)
    check_spans(line, ext)
    assert len(ext.numbers) >= 20 * len(extract(FIXTURES[0].read_text(encoding="utf-8")).numbers) * 0.9
    noisy = BIDI_MARKS.join(["بلغ", "عدد", "الزوار", "1200", "زائر"])
    check_spans(noisy, extract(noisy))


# ---- lexicons that contradict themselves -----------------------------------------------------------------------

BROKEN = {
    "unknown field": ("numbers.toml", lambda s: s.replace("[zero]\n", '[zero]\ncolour = "red"\n', 1),
                      ["numbers.toml", "[zero]", "colour", "Extra inputs are not permitted"]),
    "one surface for two values": ("numbers.toml", lambda s: s.replace('forms = ["صفر"]', 'forms = ["صفر", "واحد"]', 1),
                                   ["numbers.toml", "[zero]", "[one]", "واحد"]),
    "duplicate surface": ("numbers.toml", lambda s: s.replace('forms = ["صفر"]', 'forms = ["صفر", "صِفْر"]', 1),
                          ["numbers.toml", "[zero]", "duplicate", "صِفْر"]),
    "malformed TOML": ("metrics.toml", lambda s: s + "\n[broken\n", ["metrics.toml", "not valid TOML"]),
    "missing file": ("platforms.toml", None, ["platforms.toml", "file not found"]),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_lexicon_makes_extract_fail_naming_file_entry_and_problem(case: str, tmp_path: Path) -> None:
    name, edit, expected = BROKEN[case]
    lexicons = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), lexicons)
    path = lexicons / name
    if edit is None:
        path.unlink()
    else:
        original = path.read_text(encoding="utf-8")
        changed = edit(original)
        assert changed != original, "the edit must change the file"
        path.write_text(changed, encoding="utf-8")
    code = ("import arabic_stats\n"
            "try:\n    arabic_stats.extract('بلغ عدد المتابعين 1200 متابع')\n"
            "except arabic_stats.LexiconError as exc:\n    print(exc)\n    raise SystemExit(3)\n")
    env = {**os.environ, "ARABIC_STATS_LEXICONS": str(lexicons)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 3, out.stderr[-2000:]
    message = out.stdout
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"
    assert str(lexicons) in message  # the file is named by its full path


def test_the_lexicons_as_shipped_load() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ARABIC_STATS_LEXICONS"}
    out = subprocess.run([sys.executable, "-c", "import arabic_stats; print(len(arabic_stats.extract("
                          "'بلغ عدد المتابعين 1200 متابع').facts))"], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.stdout.strip() == "1", out.stderr[-2000:]

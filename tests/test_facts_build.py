"""How facts are built, apart from what they say: the result models made without
``model_construct`` are the objects it would make, and the shortcuts of the facts stage
find what a plain scan finds."""
from __future__ import annotations

import datetime as dt
import pickle

import arabic_stats
from arabic_stats.models import Fact, Span, _construct

TEXT = ("أعلنت المديرية العامة للأمن الوطني أنها أوقفت خلال شهر ماي 2025 ما مجموعه 6862 شخصا، "
        "وبلغ عدد متابعي صفحتها على فيسبوك 1,197,335 متابعا. "
        "وأضافت المديرية العامة للأمن الوطني أن 5 ملايين درهم حجزت.")


def _same(a: object, b: object) -> None:
    assert a == b and repr(a) == repr(b)
    assert a.model_fields_set == b.model_fields_set
    assert a.__pydantic_extra__ == b.__pydantic_extra__
    assert a.__pydantic_private__ == b.__pydantic_private__
    assert list(a.__dict__) == list(b.__dict__)


def test_facts_are_built_as_model_construct_would_build_them() -> None:
    ex = arabic_stats.extract(TEXT, reference_date=dt.date(2025, 6, 1))
    assert len(ex.facts) >= 3 and any(f.period for f in ex.facts) and any(f.subject for f in ex.facts)
    for f in ex.facts:
        want = Fact.model_construct(**{k: getattr(f, k) for k in Fact.model_fields})
        _same(f, want)
        _same(f.sentence, Span.model_construct(start=f.sentence.start, end=f.sentence.end))
        assert Fact.model_validate(f.model_dump()) == f
        assert pickle.loads(pickle.dumps(f)) == f
    assert pickle.loads(pickle.dumps(ex)) == ex
    assert type(ex).model_validate_json(ex.model_dump_json()) == ex


def test_construct_falls_back_to_model_construct_for_other_models() -> None:
    from pydantic import BaseModel, Field

    class Aliased(BaseModel):
        x: int = Field(alias="y")

    assert _construct(Aliased, {"y": 1}).x == 1
    _same(_construct(Span, {"start": 1, "end": 2}), Span.model_construct(start=1, end=2))


# ---- the shortcuts of the facts stage ------------------------------------------------------

def _texts() -> list[str]:
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures"
    latin = ("تابع الصفحة 500 ألف متابع على FACEBOOK، و20 ألفا على tiktok - و3 آلاف على منصة X "
             "و7 آلاف على Instagram وعلى يوتيوب 90 ألف مشترك.")
    glued = ("تابع الحساب على منصةإكس 500 ألف متابع، وإكس 20 ألفا، وبFACEBOOK 30 ألفا، وعلى ſnapchat 12 ألفا، "
             "وعلى منصة \"X\" 9 آلاف وعبرإكس 4 آلاف وعلىتيك توك 3 آلاف.")
    cut = "بلغ عدد المشاركين 1200 مشارك في دورات منهاجية"
    return [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("**/*.txt"))] + [TEXT, latin, glued, cut]


def _doc(text: str):
    from arabic_stats import facts
    from arabic_stats.normalize import normalize_with_map

    lex = facts._lexicons()
    return facts._Doc(normalize_with_map(text), lex), lex


def test_the_word_index_holds_the_words_of_every_sentence() -> None:
    from arabic_stats.scan import WORD_RE

    for text in _texts():
        doc, _ = _doc(text)
        for si, (s, e) in enumerate(doc.sentences):
            ws = doc.words(si)
            found = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(doc.text, s, e)]
            assert list(zip(ws.text, ws.start, ws.end)) == found


def test_clauses_are_the_stretches_between_clause_breaks() -> None:
    import random

    from arabic_stats import facts

    rng = random.Random(3)
    odd = ["".join(rng.choice(" ،,-–:؛1٣ا\n.\t") for _ in range(rng.randrange(1, 40))) for _ in range(3000)]
    for text in _texts() + odd + [" - - x", "a -\n- b", "،,1 ,", "x - ", "- x", "1,2, 3 – 4"]:
        doc, _ = _doc(text)
        n = len(doc.text)
        stretches = list(doc.sentences) + [(0, n)] + [tuple(sorted(rng.randrange(n + 1) for _ in range(2)))
                                                      for _ in range(20)]
        for s, e in stretches:
            assert doc._clause_spans(s, e) == facts._spans(doc.text, facts._CLAUSE_BREAK, s, e), (text, s, e)


def test_sentences_are_the_stretches_between_sentence_ends() -> None:
    import random

    from arabic_stats import facts

    rng = random.Random(5)
    odd = ["".join(rng.choice(" .!?؟\n\"')]ا1\t") for _ in range(rng.randrange(1, 40))) for _ in range(3000)]
    for text in _texts() + odd + ["", "...", "a...b. c", "x.\n\ny", "1.5 مليون. ", "x!)", "\n", "a.\n"]:
        assert facts._sentence_spans(text) == facts._spans(text, facts._SENTENCE_END, 0, len(text)), text


def test_specific_metrics_are_found_as_a_scan_of_the_text_finds_them() -> None:
    texts = _texts() + ["المحتويات العنيفة والمحتويات الإجرامية، وللمحتويات الزائفة ... 260 محتوى",
                        "حالات الإصابة\nحالات الوفاة؛ والحالات المرضية"]
    for text in texts:
        doc, lex = _doc(text)
        want = [(m.start(), lex.specific_of[m.lastgroup]) for m in lex.specific_re.finditer(doc.text)]
        assert doc.specific_mentions(lex) == want


def test_a_search_skipped_for_want_of_an_anchor_would_have_found_nothing() -> None:
    import random

    rng = random.Random(7)
    for text in _texts():
        doc, lex = _doc(text)
        n = len(doc.text)
        spans = [(a, min(n, a + rng.choice((1, 5, 30, 80, 250)))) for a in (rng.randrange(n) for _ in range(300))]
        spans += [c for si in range(len(doc.sentences)) for c in doc.clauses(si)]
        assert lex.anchor_words  # (anchored by their words, and by a regex)
        # a span that cuts a word: منهاجية cut after منها reads as منها (a breakdown)
        cut = text.find("منهاجية")
        if cut >= 0:
            spans += [(max(0, cut - 20), cut + 4), (cut, cut + 4), (cut + 1, cut + 4)]
        for key in [*lex.anchors, *lex.anchor_words]:
            pattern = next(p for p in vars(lex).values() if id(p) == key)
            for a, b in spans:
                got, want = doc.search(pattern, a, b), pattern.search(doc.text, a, b)
                assert (got and got.span()) == (want and want.span())
                assert [m.span() for m in doc.matches(pattern, (a, b))] == [
                    m.span() for m in pattern.finditer(doc.text, a, b)]


def test_the_platform_anchor_holds_every_name_in_any_letter_case() -> None:
    """Platform names match in any letter case; the anchor words hold the words an Arabic
    name starts in, and a word that ends in a letter outside the Arabic block stands for
    the others: every character such a name's first word can end with, in any letter
    case, is outside the block."""
    import re
    import sys

    from arabic_stats import facts
    from arabic_stats.scan import CLITIC_PREFIXES, WORD_RE

    lex = facts._lexicons()
    words = lex.anchor_words[id(lex.platform_re)]
    assert id(lex.platform_re) in lex.foreign_anchored
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    lasts = set()
    for form, entry in facts.load_lexicon("platforms", facts.PlatformWords).group().items():
        run = WORD_RE.match(form).group()
        if all(map(facts._arabic, run)):
            leads = CLITIC_PREFIXES if entry.field == "forms" else ("", "و", "ب", "منصه", "وعلي")
            assert all(lead + run in words for lead in leads), form
        else:
            lasts.add(run[-1])
    assert lasts  # Latin names are in the lexicon
    for last in lasts:
        for ch in re.findall(re.escape(last), every, re.IGNORECASE):
            assert not facts._arabic(ch), (last, ch)


def test_the_clitics_are_those_the_clitic_prefix_matches() -> None:
    """scan.CLITIC_PREFIXES (read by facts and dates) lists exactly what CLITIC_PREFIX matches."""
    import itertools
    import re

    from arabic_stats.scan import CLITIC_PREFIX, CLITIC_PREFIXES

    letters = sorted({ch for c in CLITIC_PREFIXES for ch in c} | {"م", "ت"})
    strings = {"".join(p) for n in range(6) for p in itertools.product(letters, repeat=n)}
    assert {s for s in strings if re.fullmatch(CLITIC_PREFIX, s)} == set(CLITIC_PREFIXES)


def test_whole_text_patterns_are_read_at_their_opening_words_as_a_scan_reads_them() -> None:
    extra = ["وبالمديرية العامة للأمن الوطني والجمعية المغربية لحقوق الإنسان 1500 جمعية",
             "أوقفوا وحجزوا واعتقالهم ... والموقوفين للمحتوياتا العنيفة"]
    for text in _texts() + extra:
        doc, lex = _doc(text)
        assert all(lex.openings.get(id(p)) for p in (lex.cue_re, lex.org_re, lex.specific_re))
        for pattern in (lex.cue_re, lex.org_re, lex.specific_re):
            assert [m.span() for m in doc.finditer(pattern)] == [m.span() for m in pattern.finditer(doc.text)]

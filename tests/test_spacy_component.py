"""The spaCy component, through a blank Arabic pipeline."""
from __future__ import annotations

import datetime as dt
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from arabic_stats import Extraction, extract  # noqa: E402
from arabic_stats.render import labelled_spans  # noqa: E402
from test_frames import SEED, sample_extraction  # noqa: E402

SEED_TEXT = SEED.read_text(encoding="utf-8")
LABELS = {"NUMBER", "ORDINAL", "PERCENT", "DATE", "FACT"}
COMPONENT = importlib.import_module("arabic_stats.spacy_component")


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    nlp = spacy.blank("ar")
    nlp.add_pipe("arabic_stats")
    return nlp


def test_factory_found_through_the_entry_point_without_importing_arabic_stats() -> None:
    # (torch, when installed, takes seconds to import through thinc and plays no part here)
    code = """
import json, sys
sys.modules["torch"] = None
import spacy
before = "arabic_stats" in sys.modules
nlp = spacy.blank("ar")
nlp.add_pipe("arabic_stats", config={"reference_date": "2025-12-17"})
doc = nlp("بلغ عدد المنخرطين مليون و268 ألف و153 منخرط")
print(json.dumps({"before": before, "spans": [(s.text, s.label_) for s in doc.spans["arabic_stats"]],
                  "reference": str(doc._.arabic_stats.reference_date)}, ensure_ascii=False))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["before"] is False
    assert ["مليون و268 ألف و153", "NUMBER"] in got["spans"] and got["reference"] == "2025-12-17"


def test_entry_point_is_declared() -> None:
    from importlib.metadata import entry_points

    (point,) = [p for p in entry_points(group="spacy_factories") if p.name == "arabic_stats"]
    assert point.value == "arabic_stats.spacy_component:make_arabic_stats"
    assert point.load() is COMPONENT.make_arabic_stats


def test_spans_and_extension_on_a_seed_article(nlp) -> None:  # noqa: ANN001
    doc = nlp(SEED_TEXT)
    ext = doc._.arabic_stats
    assert isinstance(ext, Extraction) and ext == extract(SEED_TEXT)
    spans = list(doc.spans["arabic_stats"])
    assert {s.label_ for s in spans} <= LABELS and "NUMBER" in {s.label_ for s in spans}
    expected = ([(n.start, n.end) for n in ext.numbers] + [(d.start, d.end) for d in ext.dates]
                + [(f.start, f.end) for f in ext.facts])
    assert len(spans) == len(expected)
    for span, (start, end) in zip(sorted(spans, key=lambda s: (s.start_char, s.label_)),
                                  sorted(expected, key=lambda e: e[0])):
        # "expand" widens a span to the whole tokens it touches (و268, 24)///, الأمن97)
        first = next(t for t in doc if t.idx <= start < t.idx + len(t.text))
        last = next(t for t in doc if t.idx < end <= t.idx + len(t.text))
        assert (span.start_char, span.end_char) == (first.idx, last.idx + len(last.text)), span.text
    # و268 is one spaCy token: the number still covers it
    total = next(s for s in spans if "268" in s.text and s.label_ == "NUMBER")
    assert total.text == "مليون و268 ألف و153" and "و268" in [t.text for t in total]


def test_every_label_from_a_built_extraction(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    sample = sample_extraction()
    monkeypatch.setattr(COMPONENT, "extract", lambda text, reference_date=None: sample)
    doc = nlp(sample.text)
    got = [(s.text, s.label_) for s in doc.spans["arabic_stats"]]
    assert {label for _, label in got} == LABELS
    assert ("مليون و268 ألف و153", "FACT") in got and ("مليون و268 ألف و153", "NUMBER") in got
    assert ("512 ألف و523", "FACT") in got and ("رمضان 1446", "DATE") in got
    assert ("السادسة", "ORDINAL") in got and ("سنة 2025", "DATE") in got
    percent = [text for text, label in got if label == "PERCENT"]
    assert percent == ["ونحو 12%"]  # "ونحو" is one token: the span starts at its و
    assert doc._.arabic_stats.facts[0].metric == "followers"


def test_reference_date_in_config_and_per_call() -> None:
    nlp = spacy.blank("ar")
    nlp.add_pipe("arabic_stats", config={"reference_date": "2025-12-17"})
    assert nlp.get_pipe_config("arabic_stats")["reference_date"] == "2025-12-17"
    assert nlp("زار المعرض 600 شخص")._.arabic_stats.reference_date == dt.date(2025, 12, 17)
    doc = nlp("زار المعرض 600 شخص", component_cfg={"arabic_stats": {"reference_date": "2024-01-31"}})
    assert doc._.arabic_stats.reference_date == dt.date(2024, 1, 31)
    with pytest.raises(ValueError, match="reference_date must be an ISO date"):
        spacy.blank("ar").add_pipe("arabic_stats", config={"reference_date": "17/12/2025"})


def test_config_survives_saving_and_loading(tmp_path: Path) -> None:
    nlp = spacy.blank("ar")
    nlp.add_pipe("arabic_stats", config={"reference_date": "2025-12-17", "spans_key": "stats"})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    doc = loaded("نحو 1500 جمعية")
    assert [(s.text, s.label_) for s in doc.spans["stats"] if s.label_ == "NUMBER"] == [("نحو 1500", "NUMBER")]
    assert doc._.arabic_stats.reference_date == dt.date(2025, 12, 17)


def test_pipe_over_many_texts(nlp) -> None:  # noqa: ANN001
    texts = ["زار المعرض 600 شخص", "", "نحو 1500 جمعية و187 وسيلة إعلامية", "لا أرقام هنا", SEED_TEXT]
    docs = list(nlp.pipe(texts, batch_size=2))
    assert [d.text for d in docs] == texts
    for doc, text in zip(docs, texts):
        assert doc._.arabic_stats == extract(text)
        numbers = [s for s in doc.spans["arabic_stats"] if s.label_ == "NUMBER"]
        expected = [n for n in extract(text).numbers if n.kind in ("cardinal", "fraction")]
        assert len(numbers) == len(expected)
        assert all(s.start_char <= n.start and n.end <= s.end_char for s, n in zip(numbers, expected))


def test_reads_numbers_spacy_does_not(nlp) -> None:  # noqa: ANN001
    doc = nlp("ارتفع المؤشر بنسبة ١٫٥ بالمائة وبلغ عدد الزوار ثلاثمائة ألف")
    values = [(n.text, n.value) for n in doc._.arabic_stats.numbers]
    assert ("ثلاثمائة ألف", 300000) in values and any(v == 1.5 for _, v in values)
    assert not any(t.like_num for t in doc if t.text == "١٫٥")  # spaCy's own like_num misses it


def test_extension_is_registered_once() -> None:
    for _ in range(2):
        nlp = spacy.blank("ar")
        nlp.add_pipe("arabic_stats")
    assert spacy.tokens.Doc.has_extension("arabic_stats")
    assert spacy.blank("ar").make_doc("نص")._.arabic_stats is None


def test_the_extraction_survives_serialization(nlp) -> None:  # noqa: ANN001
    from spacy.tokens import Doc, DocBin

    texts = ["زار المعرض 600 شخص", "نحو 1500 جمعية و187 وسيلة إعلامية", ""]
    docs = list(nlp.pipe(texts))
    again = Doc(nlp.vocab).from_bytes(docs[1].to_bytes())
    assert again._.arabic_stats == docs[1]._.arabic_stats == extract(texts[1])
    assert [(s.text, s.label_) for s in again.spans["arabic_stats"]] == [
        (s.text, s.label_) for s in docs[1].spans["arabic_stats"]]
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    assert [d._.arabic_stats for d in DocBin().from_bytes(stored).get_docs(nlp.vocab)] == [
        extract(t) for t in texts]


def test_pipe_over_several_processes(nlp) -> None:  # noqa: ANN001
    texts = ["زار المعرض 600 شخص", "نحو 1500 جمعية", "لا أرقام هنا", "أكثر من 29 مليون مشاهدة"]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d.text for d in docs] == texts
    assert [d._.arabic_stats for d in docs] == [extract(t) for t in texts]
    assert [len(d.spans["arabic_stats"]) for d in docs] == [len(labelled_spans(extract(t))) for t in texts]

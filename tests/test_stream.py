"""Streaming: extract_many (order, laziness, bounded memory, pools, pickling) and the
passage-by-passage path for very long documents (extract_passages, extract_file)."""
from __future__ import annotations

import codecs
import functools
import gc
import itertools
import json
import pickle
import tracemalloc
from pathlib import Path

import pytest

import arabic_stats
from arabic_stats import Extraction, Passage, extract, extract_file, extract_many, extract_passages
from arabic_stats.stream import read_chunks, sniff_encoding, split_passages, to_json

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))

SENTENCES = [
    "بلغ عدد متابعي الصفحة على فيسبوك 1,197,335 متابع خلال سنة 2025.",
    "وسجلت المصالح 29 مليون مشاهدة و512 ألف و523 منخرط في حساب إكس.",
    "نظمت الوزارة الدورة من 17 إلى 21 ماي 2025 بحضور حوالي مليونين و400 ألف زائر.",
    "ارتفعت النسبة إلى ١٥٪ مقارنة مع 40 في المائة في السنة الماضية.",
    "لا أرقام في هذه الجملة.",
    "وتم توقيف 120 شخصا وحجز 3 أطنان يوم الثلاثاء 16 دجنبر 2025.",
]


def texts(n: int) -> list[str]:
    """``n`` small articles, all different."""
    out = []
    for i in range(n):
        picked = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 4)]
        out.append(f"خبر رقم {i + 1}: " + " ".join(picked))
    return out


def mentions(items) -> list[tuple]:
    return [(m.text, m.start, m.end) for m in items]


# ---- extract_many ---------------------------------------------------------------------------------------

def test_extract_many_in_order_with_a_pool() -> None:
    docs = texts(24)
    one = list(extract_many(docs, jobs=1))
    two = list(extract_many(iter(docs), jobs=2, window=3))
    assert [e.text for e in two] == docs
    assert two == one == [extract(d) for d in docs]


def _facts_of(ext: object, kind: str) -> list:
    return [(f.metric, f.count) for f in ext.facts] if kind == "facts" else []


def test_extract_many_applies_then_in_the_workers() -> None:
    """``then`` runs where the result is made and only its value comes back, in order,
    the same as applied after the fact."""
    docs = [f"بلغ عدد المتابعين {i} متابع في حساب إكس" for i in range(1, 30)]
    then = functools.partial(_facts_of, kind="facts")
    pooled = list(extract_many(docs, jobs=2, window=4, then=then))
    assert pooled == [then(e) for e in extract_many(docs)] == [[("followers", i)] for i in range(1, 30)]


def test_extract_many_passes_the_reference_date() -> None:
    import datetime as dt

    ref = dt.date(2025, 12, 17)
    docs = ["نشرت الصفحة أمس 12 منشورا"] * 3
    for jobs in (1, 2):
        got = list(extract_many(docs, reference_date=ref, jobs=jobs))
        assert all(e.reference_date == ref for e in got)
        assert got[0] == extract(docs[0], ref)


@pytest.mark.parametrize("jobs, window", [(1, None), (2, 3)])
def test_extract_many_reads_its_input_lazily(jobs: int, window: int | None) -> None:
    pulled = 0

    def source():
        nonlocal pulled
        for t in itertools.cycle(texts(5)):  # endless: only laziness lets this finish
            pulled += 1
            yield t

    stream = extract_many(source(), jobs=jobs, window=window)
    first = [next(stream) for _ in range(4)]
    stream.close()  # stop early: the pool shuts down, nothing hangs
    assert len(first) == 4
    assert pulled <= 4 + (window or 1)


def test_extract_many_raises_the_error_of_a_bad_input() -> None:
    with pytest.raises(TypeError, match="expects str"):
        list(extract_many(["12 متابعا", 12, "13 متابعا"], jobs=2))  # type: ignore[list-item]
    with pytest.raises(ValueError, match="jobs"):
        next(extract_many(["x"], jobs=-1))
    with pytest.raises(ValueError, match="window"):
        next(extract_many(["x"], jobs=2, window=0))


def test_an_error_comes_at_its_place_in_the_stream() -> None:
    """Texts go to the workers in batches; a failing text still fails where it stands,
    after every result before it (the command line counts on this to name the file)."""
    docs: list = texts(13)
    docs.insert(9, 12)  # not a text
    got = []
    with pytest.raises(TypeError, match="expects str"):
        for ext in extract_many(docs, jobs=2):
            got.append(ext)
    assert [e.text for e in got] == docs[:9]


def test_extract_many_jobs_zero_uses_every_cpu() -> None:
    docs = texts(3)
    assert list(extract_many(docs, jobs=0)) == [extract(d) for d in docs]


def test_memory_does_not_grow_with_the_number_of_documents() -> None:
    """A long stream holds one result at a time: after a warm-up (lexicons, caches),
    600 more documents leave the traced memory where it was (a leak of half a
    kilobyte per document would show)."""
    docs = texts(40)
    for _ in extract_many(docs * 3):  # warm-up: grammar, lexicons, word caches
        pass
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        for i, ext in enumerate(extract_many(itertools.islice(itertools.cycle(docs), 600))):
            assert ext.text == docs[i % len(docs)]
            del ext
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    assert grown < 300_000, f"{grown} bytes kept after 600 documents"


def test_results_pickle() -> None:
    for path in FIXTURES:
        ext = extract(path.read_text(encoding="utf-8"))
        assert ext.numbers and ext.facts
        back = pickle.loads(pickle.dumps(ext))
        assert back == ext
        assert isinstance(back, Extraction)
    p = next(extract_passages(SENTENCES[0] * 3, max_chars=100))
    assert pickle.loads(pickle.dumps(p)) == p


# ---- passages of a long document ------------------------------------------------------------------------

def long_document(paragraphs: int = 60) -> str:
    out = []
    for i, t in enumerate(texts(paragraphs)):
        out.append(t + ("\n\n" if i % 3 else "\n"))
    return "".join(out)


def test_split_passages_gives_the_text_back_and_respects_the_limit() -> None:
    doc = long_document()
    pieces = [doc[i:i + 97] for i in range(0, len(doc), 97)]  # blocks cut anywhere
    parts = list(split_passages(pieces, max_chars=700))
    assert "".join(p for _, p in parts) == doc
    assert all(len(p) <= 700 for _, p in parts)
    assert [o for o, _ in parts] == list(itertools.accumulate([0] + [len(p) for _, p in parts[:-1]]))
    assert all(p.endswith("\n") for _, p in parts[:-1])  # cut at paragraph breaks


def test_split_passages_without_line_breaks_cuts_at_spaces_but_not_inside_numbers() -> None:
    doc = "بلغ العدد 1 197 335 متابع " * 50
    parts = [p for _, p in split_passages([doc], max_chars=100)]
    assert "".join(parts) == doc
    for p in parts[:-1]:
        assert p.endswith(" ")
        assert not p.rstrip().endswith(("1", "197"))  # 1 197 335 stays whole
    one_word = "x" * 250
    assert [p for _, p in split_passages([one_word], max_chars=100)] == ["x" * 100, "x" * 100, "x" * 50]


def test_passages_have_document_offsets_and_the_same_numbers_and_dates() -> None:
    doc = long_document()
    whole = extract(doc)
    passages = list(extract_passages(doc, max_chars=800))
    assert len(passages) > 3
    assert passages[0].start == 0 and passages[-1].end == len(doc)
    assert all(a.end == b.start for a, b in zip(passages, passages[1:]))
    for p in passages:
        for m in [*p.numbers, *p.dates, *p.facts]:
            assert p.start <= m.start <= m.end <= p.end
            assert doc[m.start:m.end] == m.text
        for f in p.facts:
            assert p.start <= f.sentence.start <= f.start < f.end <= f.sentence.end <= p.end
        for c in p.checks:
            assert all(0 <= i < len(p.facts) for i in [c.total_fact, *c.part_facts])
    # numbers and dates do not depend on other paragraphs: cutting changes nothing
    assert mentions(n for p in passages for n in p.numbers) == mentions(whole.numbers)
    assert mentions(d for p in passages for d in p.dates) == mentions(whole.dates)
    assert [f.count for p in passages for f in p.facts] == [f.count for f in whole.facts]


def test_passages_in_parallel_are_the_same() -> None:
    doc = long_document(30)
    assert list(extract_passages(doc, max_chars=600, jobs=2)) == list(extract_passages(doc, max_chars=600))


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "cp1256", "utf-16", "utf-16-be", "utf-32"])
def test_extract_file_in_every_encoding(tmp_path: Path, codec: str) -> None:
    doc = long_document(12).replace("\n", "\r\n")  # Windows line ends are kept, not translated
    if codec == "cp1256":  # it has no Arabic-Indic digits
        doc = doc.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩٪", "0123456789%"))
    data = doc.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = tmp_path / f"doc.{codec}.txt"
    path.write_bytes(data)
    passages = list(extract_file(path, max_chars=500))
    assert "".join(read_chunks(path)) == doc
    got = [(m.text, m.start) for p in passages for m in p.numbers]
    assert got and got == [(m.text, m.start) for m in extract(doc).numbers]
    for p in passages:
        for m in [*p.numbers, *p.dates, *p.facts]:
            assert doc[m.start:m.end] == m.text


def test_a_file_that_is_not_text_is_a_clear_error(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(ValueError, match=r"image\.txt: binary file"):
        list(extract_file(binary))
    no_bom = tmp_path / "utf16le.txt"
    no_bom.write_bytes("بلغ 12 متابعا".encode("utf-16-le"))
    with pytest.raises(ValueError, match="UTF-16 without a byte order mark"):
        list(extract_file(no_bom))
    assert [len(p.numbers) for p in extract_file(no_bom, encoding="utf-16-le")] == [1]
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("café crème 12 £".encode("latin-1"))
    with pytest.raises(ValueError, match="undecodable"):
        list(extract_file(latin))


def test_undecodable_bytes_far_into_a_file_name_their_offset(tmp_path: Path) -> None:
    good = ("بلغ عدد الزوار 1200 زائر.\n" * 5000).encode("utf-8")  # past the sniffed head
    path = tmp_path / "broken.txt"
    path.write_bytes(good + b"\xff\xfe broken" + b"\n" * 10)
    with pytest.raises(ValueError, match=rf"broken\.txt: not valid utf-8: .* at byte offset {len(good)}\b"):
        for _ in extract_file(path, max_chars=10_000):
            pass


def test_sniff_agrees_with_the_command_line(tmp_path: Path) -> None:
    from arabic_stats.cli import InputError, decode

    samples = {"utf8": "بلغ 12 متابعا".encode(), "cp1256": "بلغ 12 متابعا".encode("cp1256"),
               "bom16": "بلغ 12".encode("utf-16"), "bom8": codecs.BOM_UTF8 + "بلغ".encode(),
               "nul": b"ab\x00cd", "latin": "café".encode("latin-1"), "ascii": b"12 apples",
               "damaged": "بلغ عدد الزوار".encode() + b"\xff"}
    for name, data in samples.items():
        try:
            expected = decode(data)
        except InputError:
            with pytest.raises(ValueError):
                sniff_encoding(data, name)
            continue
        assert data.decode(sniff_encoding(data, name)).removeprefix("\ufeff") == expected, name


_STREAM_50MB = """
import json, resource, sys
from arabic_stats import extract_file
block = open(sys.argv[2], encoding="utf-8", newline="").read()
period, seen, wrong = len(block), 0, 0
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for p in extract_file(sys.argv[1], max_chars=500_000):
    for m in p.numbers:  # the document repeats ``block``: an offset says what it must slice
        r = m.start % period
        seen += 1
        wrong += block[r:r + (m.end - m.start)] != m.text
print(json.dumps({"seen": seen, "wrong": wrong, "base_kb": base,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


@pytest.mark.slow
def test_a_50_mb_document_streams_with_bounded_memory(tmp_path: Path) -> None:
    """50 MB of news text read from a file, in a fresh process: its peak memory stays
    a small multiple of one passage (extracting the whole text at once takes over a
    gigabyte), and every offset is right in the whole document."""
    import subprocess
    import sys

    unit = "".join(Path(p).read_text(encoding="utf-8") + "\n\n" for p in FIXTURES)
    plain = ("وأكد المسؤول أن هذه النتائج تعكس المجهودات المبذولة من طرف مختلف المصالح. "
             "ويأتي ذلك في إطار تنزيل الاستراتيجية الوطنية التي أطلقتها الحكومة.\n\n")
    block = unit + plain * 300  # an article with its numbers, then plain paragraphs
    copies = -(-50_000_000 // len(block.encode()))
    path = tmp_path / "dump.txt"
    with path.open("w", encoding="utf-8", newline="") as fh:
        for _ in range(copies):
            fh.write(block)
    (tmp_path / "block.txt").write_text(block, encoding="utf-8", newline="")
    assert path.stat().st_size >= 50_000_000
    out = subprocess.run([sys.executable, "-c", _STREAM_50MB, str(path), str(tmp_path / "block.txt")],
                         capture_output=True, text=True, check=True)
    res = json.loads(out.stdout)
    assert res["wrong"] == 0
    assert res["seen"] == len(extract(block).numbers) * copies
    grown_mb = (res["peak_kb"] - res["base_kb"]) / 1024
    assert grown_mb < 250, f"peak memory grew by {grown_mb:.0f} MB for a 50 MB file"


# ---- JSON -------------------------------------------------------------------------------------------------

def test_to_json_escapes_lone_surrogates() -> None:
    text = "عدد \ud800 المتابعين ١٢٠٠ متابع \udfff"
    ext = extract(text)
    assert [m.value for m in ext.numbers] == [1200]
    line = to_json(ext)
    line.encode("utf-8")  # no UnicodeEncodeError
    assert "\\ud800" in line and "\\udfff" in line and "\n" not in line
    back = json.loads(line)
    assert back["text"] == text
    assert Extraction.model_validate(back) == ext
    plain = extract("بلغ 12 متابعا")
    assert json.loads(to_json(plain)) == json.loads(plain.model_dump_json())


def test_stream_names_are_public() -> None:
    for name in ("extract_many", "extract_file", "extract_passages", "Passage"):
        assert name in arabic_stats.__all__
        assert getattr(arabic_stats, name) is not None
    assert Passage.model_config["frozen"]

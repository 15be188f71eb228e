"""The cluster recipe: arabic_stats over a partitioned corpus with Dask (local
schedulers here), writing JSONL or Parquet, with every unreadable file reported."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pq = pytest.importorskip("pyarrow.parquet")

from arabic_stats import extract  # noqa: E402
from arabic_stats.cluster import extract_corpus, extract_path, list_files, records  # noqa: E402
from arabic_stats.frames import COLUMNS, rows  # noqa: E402

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))
SENTENCES = [
    "بلغ عدد متابعي الصفحة على فيسبوك 1,197,335 متابع خلال سنة 2025.",
    "وسجلت المصالح 29 مليون مشاهدة و512 ألف و523 منخرط في حساب إكس.",
    "نظمت الوزارة الدورة من 17 إلى 21 ماي 2025 بحضور حوالي مليونين و400 ألف زائر.",
    "وتم توقيف 120 شخصا وحجز 3 أطنان يوم الثلاثاء 16 دجنبر 2025.",
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small archive in nested folders: 24 articles, one file in Windows-1256, one
    binary file posing as text, one empty file."""
    root = tmp_path / "archive"
    for i in range(24):
        folder = root / f"{2020 + i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        text = f"خبر {i}: " + " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3))
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    (root / "2020" / "cp1256.txt").write_bytes(SENTENCES[0].encode("cp1256"))
    (root / "2021" / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    (root / "2022" / "empty.txt").write_bytes(b"")
    (root / "2022" / "notes.md").write_text("12 متابعا", encoding="utf-8")  # not *.txt: not in the corpus
    return root


def read_text(path: str) -> str:
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1256")


def test_list_files(corpus: Path) -> None:
    files = list_files(corpus)
    assert len(files) == 27 and files == sorted(files)
    assert not any(f.endswith(".md") for f in files)
    assert list_files(str(corpus / "**" / "0*.txt")) == [f for f in files if Path(f).name[0] == "0"]
    assert list_files([corpus / "2020", str(corpus / "2020" / "000.txt")]) == [f for f in files if "/2020/" in f]


def test_jsonl_output_is_the_extraction_of_every_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = extract_corpus(corpus, out, format="jsonl", npartitions=4, scheduler="synchronous")
    files = list_files(corpus)
    assert summary == {"files": 27, "records": 26, "errors": 1, "rows": 26, "partitions": 4}
    lines = [json.loads(line) for p in sorted(out.glob("part-*.jsonl")) for line in p.read_text("utf-8").splitlines()]
    errors = [json.loads(line) for p in sorted(out.glob("_errors-*.jsonl")) for line in p.read_text().splitlines()]
    # nothing dropped: one record or one error per file, in file order
    assert [r["file"] for r in lines] + [e["file"] for e in errors] == \
        [f for f in files if not f.endswith("broken.txt")] + [f for f in files if f.endswith("broken.txt")]
    assert "binary" in errors[0]["error"]
    for rec in lines:
        expected = json.loads(extract(read_text(rec["file"])).model_dump_json())
        assert {k: v for k, v in rec.items() if k != "file"} == expected


def test_parquet_rows_match_the_frames_rows(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "facts"
    summary = extract_corpus(str(corpus / "**" / "*.txt"), out, format="parquet", what="facts", npartitions=3,
                             scheduler="processes")
    table = pq.read_table(out)  # the _errors file is not taken for data
    assert table.column_names == ["file", *COLUMNS["facts"]]
    assert summary["rows"] == table.num_rows > 20
    got = table.to_pylist()
    expected = [{"file": f, **r} for f in list_files(corpus) if not f.endswith("broken.txt")
                for r in rows(extract(read_text(f)), "facts")]
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g["file"] == e["file"] and g["metric"] == e["metric"] and g["text"] == e["text"]
        assert g["count"] == float(e["count"]) and g["year"] == e["year"] and g["start"] == e["start"]
        assert g["period_start"] == e["period_start"] and g["platform"] == e["platform"]
    for what in ("numbers", "dates"):
        extract_corpus(corpus, tmp_path / what, format="parquet", what=what, scheduler="synchronous")
        t = pq.read_table(tmp_path / what)
        assert t.num_rows == sum(len(rows(extract(read_text(f)), what)) for f in list_files(corpus)
                                 if not f.endswith("broken.txt"))


def test_a_bag_of_records(corpus: Path) -> None:
    got = records(corpus, npartitions=5).compute(scheduler="synchronous")
    assert [r["file"] for r in got] == list_files(corpus)
    ok = [r for r in got if "extraction" in r]
    assert len(ok) == 26
    assert ok[0]["extraction"] == extract(read_text(ok[0]["file"]))
    counts = records(corpus).filter(lambda r: "extraction" in r).map(lambda r: len(r["extraction"].facts)).sum()
    assert counts.compute(scheduler="synchronous") == sum(len(r["extraction"].facts) for r in ok)


def test_unreadable_inputs_are_records_of_errors(tmp_path: Path) -> None:
    assert extract_path(str(tmp_path / "missing.txt"))["error"] == "cannot read: No such file or directory"
    (tmp_path / "utf16.txt").write_bytes("بلغ 12 متابعا".encode("utf-16-le"))
    assert "binary" in extract_path(str(tmp_path / "utf16.txt"))["error"]
    rec = extract_path(str(tmp_path / "utf16.txt"), encoding="utf-16-le")
    assert rec["extraction"].numbers[0].value == 12


def test_refuses_bad_arguments_and_old_results(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        extract_corpus(corpus, tmp_path / "x", format="csv")
    with pytest.raises(ValueError, match="what"):
        extract_corpus(corpus, tmp_path / "x", what="people")
    out = tmp_path / "again"
    extract_corpus(corpus / "2020", out, scheduler="synchronous")
    with pytest.raises(FileExistsError, match="already holds results"):
        extract_corpus(corpus / "2020", out, scheduler="synchronous")
    (tmp_path / "nothing-here").mkdir()
    assert extract_corpus(tmp_path / "nothing-here", tmp_path / "empty")["files"] == 0
    missing = extract_corpus(tmp_path / "missing.txt", tmp_path / "missing", scheduler="synchronous")
    assert missing["files"] == missing["errors"] == 1  # a path that is not there is reported, not skipped


def test_import_arabic_stats_does_not_import_dask() -> None:
    code = ("import sys, arabic_stats; arabic_stats.extract('12 متابعا'); "
            "print(sorted(m for m in ('dask', 'pyarrow', 'arabic_stats.cluster') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

"""The arabic-stats command, driven through main(argv) (and once or twice as a real
process of the installed entry point)."""
from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import arabic_stats
from arabic_stats import Extraction, extract
from arabic_stats.cli import PROGRESS_MIN_FILES, decode, display_width, main, record_schema, table
from arabic_stats.frames import COLUMNS
from test_frames import SAMPLE_TEXT, SEED, sample_extraction

SEED_TEXT = SEED.read_text(encoding="utf-8")
FOLLOWERS = "بلغ عدد المنخرطين مليون و268 ألف و153 منخرط"
FSI, PDI = "\u2068", "\u2069"
EXTRACT_MODULE = importlib.import_module("arabic_stats.extract")  # arabic_stats.extract is the function
#: where the command line's extract_many finds extract (patched by the tests below)
STREAM_MODULE = importlib.import_module("arabic_stats.stream")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    return feed


@pytest.fixture
def sample_everywhere(monkeypatch: pytest.MonkeyPatch) -> Extraction:
    """extract() returns the hand-built sample (with facts and checks) for any text."""
    sample = sample_extraction()
    monkeypatch.setattr(STREAM_MODULE, "extract", lambda text, reference_date=None: sample)
    return sample


# ---- extract: formats --------------------------------------------------------------------------------

def test_one_file_gives_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(SEED))
    assert code == 0
    rec = json.loads(out)
    assert rec["file"] == str(SEED) and rec["text"] == SEED_TEXT
    assert 1268153 in [n["value"] for n in rec["numbers"]]
    assert set(rec) == {"file", "text", "reference_date", "numbers", "dates", "facts", "checks"}
    assert err == "arabic-stats: 1 record, 0 errors\n"
    # the record is the library's Extraction plus its file name
    assert Extraction.model_validate({k: v for k, v in rec.items() if k != "file"}) == extract(SEED_TEXT)


def test_several_files_give_json_lines_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    b = write(tmp_path / "b.txt", "زار المعرض 600 شخص")
    a = write(tmp_path / "a.txt", "نحو 1500 جمعية")
    code, out, _ = run(capsys, "extract", str(b), str(a), "--only", "numbers")
    assert code == 0
    got = records(out)
    assert [(r["file"], [n["value"] for n in r["numbers"]]) for r in got] == [(str(b), [600]), (str(a), [1500])]
    assert set(got[0]) == {"file", "text", "reference_date", "numbers"}


def test_json_format_for_several_files_is_an_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(write(tmp_path / f"{i}.txt", f"بلغ {i}00 زائر")) for i in range(1, 4)]
    code, out, _ = run(capsys, "extract", *files, "--format", "json")
    assert code == 0
    assert [r["numbers"][0]["value"] for r in json.loads(out)] == [100, 200, 300]


def test_only_facts_keeps_facts_and_checks(capsys: pytest.CaptureFixture[str], sample_everywhere: Extraction) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--only", "facts")
    rec = json.loads(out)
    assert code == 0 and set(rec) == {"file", "text", "reference_date", "facts", "checks"}
    assert [f["count"] for f in rec["facts"]] == [1268153, 512523]
    assert rec["checks"][0]["holds"] is False


def test_reference_date_reaches_the_extraction(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--reference-date", "2025-12-17")
    assert code == 0 and json.loads(out)["reference_date"] == "2025-12-17"


def test_csv_numbers_of_a_real_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--format", "csv", "--only", "numbers")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["file", *COLUMNS["numbers"]]
    assert [r["text"] for r in rows] == [n.text for n in extract(SEED_TEXT).numbers]
    assert {"text": "مليون و268 ألف و153", "value": "1268153"}.items() <= next(
        r for r in rows if r["value"] == "1268153").items()


def test_csv_facts_columns(capsys: pytest.CaptureFixture[str], sample_everywhere: Extraction) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--format", "csv")  # facts is the default for csv
    assert code == 0
    total, part = csv.DictReader(io.StringIO(out))
    assert list(total) == ["file", *COLUMNS["facts"]]
    assert (total["metric"], total["count"], total["platform"], total["role"], total["year"]) == (
        "followers", "1268153", "", "total", "2025")
    assert (part["platform"], part["period_start"], part["period_end"]) == ("x", "2025-01-01", "2025-12-31")
    assert total["sentence"] == SAMPLE_TEXT.split("\n")[0] and total["file"] == str(SEED)


def test_csv_facts_of_a_real_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--format", "csv", "--only", "facts")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["count"] for r in rows] == [str(f.count) for f in extract(SEED_TEXT).facts]


def test_csv_needs_one_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(SEED), "--format", "csv", "--only", "all")
    assert code == 2 and out == "" and "--only facts, numbers or dates" in err


def test_html_format_is_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               sample_everywhere: Extraction) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in out and out.endswith("</html>\n")
    assert out.count('data-label="FACT NUMBER"') == 2 and "<script>" not in out and "&lt;b&gt;" in out
    assert f'data-file="{SEED}"' in out and "<caption>facts</caption>" in out


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "extract", str(SEED), str(SEED), "--output", str(target))
    assert code == 0 and out == ""
    assert [r["file"] for r in records(target.read_text(encoding="utf-8"))] == [str(SEED), str(SEED)]


def test_a_jsonl_line_is_the_record_json_dumps_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the workers serialize the record without its file name, and the writer puts the
    # name in front: the line is byte for byte the one json.dumps makes of the record
    path = write(tmp_path / 'ملف "الأرقام", 2025.txt', FOLLOWERS)
    code, out, _ = run(capsys, "extract", str(path), "--only", "facts", "--format", "jsonl")
    fields = extract(FOLLOWERS).model_dump(mode="json", include={"text", "reference_date", "facts", "checks"})
    assert code == 0 and out == json.dumps({"file": str(path), **fields}, ensure_ascii=False) + "\n"


def test_output_to_an_impossible_place_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", str(SEED), "--output", str(tmp_path / "no" / "such" / "dir" / "x"))
    assert code == 2 and "cannot write" in err


# ---- the table format ---------------------------------------------------------------------------------

def _columns_at(line: str, starts: list[int]) -> list[str]:
    """Cells of a table line cut at display columns ``starts`` (isolates removed)."""
    plain = line.replace(FSI, "").replace(PDI, "")
    cells, pos, col = [], 0, 0
    bounds = [*starts[1:], 10**6]
    current: list[str] = []
    for c in plain:
        if col >= bounds[len(cells)]:
            cells.append("".join(current).strip())
            current = []
        current.append(c)
        col += display_width(c)
        pos += 1
    cells.append("".join(current).strip())
    return cells


def test_table_aligns_by_display_width_and_isolates_arabic() -> None:
    body = [["followers", "1,268,153", "مليون و268 ألف و153"],
            ["views", "12", "سُجِّلَ اثنا عشر"],  # diacritics take no column
            ["posts", "503", "503"]]
    lines = table(["metric", "count", "text"], body, numeric={"count"})
    header, rule, *rows = lines
    starts = [m.start() for m in re.finditer(r"-+", rule)]
    widths = [len(r) for r in rule.split("  ")]
    assert starts == [0, widths[0] + 2, widths[0] + widths[1] + 4]
    assert _columns_at(header, starts) == ["metric", "count", "text"]
    for line, expected in zip(rows, body):
        assert _columns_at(line, starts) == expected
    assert FSI + "مليون و268 ألف و153" + PDI in rows[0] and FSI not in rows[2]
    # numbers are right-aligned: their last digit sits at the end of the column
    count_end = starts[1] + widths[1]
    for line in rows:
        assert display_width(line.replace(FSI, "").replace(PDI, "")[:count_end]) == count_end


def test_display_width() -> None:
    assert display_width("سُجِّلَ") == 3 and display_width("abc") == 3 and display_width("中文") == 4
    assert display_width(FSI + "عدد" + PDI) == 3


def test_table_of_facts(capsys: pytest.CaptureFixture[str], sample_everywhere: Extraction) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--format", "table")
    assert code == 0
    header, rule, total, part = out.splitlines()
    assert header.split() == ["metric", "count", "qualifier", "platform", "year", "role", "text"]
    assert total.split()[:4] == ["followers", "1,268,153", "exact", "2025"]
    assert part.split()[:5] == ["followers", "512,523", "exact", "x", "2025"]
    assert total.endswith(FSI + "مليون و268 ألف و153" + PDI)


def test_table_of_everything_for_several_files(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    a = write(Path("a.txt"), FOLLOWERS)
    b = write(Path("b.txt"), "نحو 1500 جمعية")
    code, out, _ = run(capsys, "extract", str(a), str(b), "--format", "table", "--only", "all")
    assert code == 0
    sections = out.split("\n\n")
    assert [s.splitlines()[0] for s in sections][:2] == ["numbers (2)", f"dates ({len(extract(FOLLOWERS).dates)})"]
    numbers = sections[0].splitlines()
    assert numbers[1].split()[0] == "file" and numbers[3].startswith(str(a)) and numbers[4].startswith(str(b))


def test_table_with_nothing_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(write(tmp_path / "e.txt", "لا شيء")), "--format", "table")
    assert code == 0 and out == "no facts found\n"
    code, out, _ = run(capsys, "extract", str(tmp_path / "missing.txt"), "--format", "table")
    assert code == 1 and out == ""  # nothing was read: nothing to say on stdout


# ---- inputs: directories, stdin, encodings ----------------------------------------------------------------

def test_directory_is_walked_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "news" / "b.txt", "بلغ 2 زائر")
    write(tmp_path / "news" / "a" / "z.txt", "بلغ 1 زائر")
    write(tmp_path / "news" / "c.md", "بلغ 3 زائر")  # another text file
    write(tmp_path / "news" / ".hidden.txt", "بلغ 9 زائر")
    write(tmp_path / "news" / ".git" / "x.txt", "بلغ 9 زائر")
    (tmp_path / "news" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = run(capsys, "extract", str(tmp_path / "news"), "--only", "numbers")
    assert code == 0
    assert [Path(r["file"]).relative_to(tmp_path / "news").as_posix() for r in records(out)] == [
        "a/z.txt", "b.txt", "c.md"]
    assert err == "arabic-stats: 3 records, 0 errors, 1 skipped (not text)\n"


def test_stdin(stdin, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    stdin(FOLLOWERS.encode("cp1256"))
    code, out, _ = run(capsys, "extract", "-", "--only", "numbers")
    rec = json.loads(out)
    assert code == 0 and rec["file"] == "<stdin>" and rec["numbers"][0]["value"] == 1268153


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1256"])
def test_encodings_are_detected(encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = FOLLOWERS.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    code, out, _ = run(capsys, "extract", str(path), "--only", "numbers")
    rec = json.loads(out)
    assert code == 0 and rec["text"] == FOLLOWERS and rec["numbers"][0]["value"] == 1268153


def test_seed_article_in_windows_1256(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SEED_TEXT.replace("“", '"').replace("”", '"')  # the only characters Windows-1256 lacks
    path = write(tmp_path / "seed.txt", text, "cp1256")
    code, out, _ = run(capsys, "extract", str(path))
    assert code == 0 and json.loads(out)["numbers"] == json.loads(extract(text).model_dump_json())["numbers"]


def test_explicit_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "f.txt", FOLLOWERS, "utf-16-le")  # no byte order mark: looks binary
    code, _, err = run(capsys, "extract", str(path))
    assert code == 1 and "binary" in err and "--encoding utf-16-le" in err
    code, out, _ = run(capsys, "extract", str(path), "--encoding", "utf-16-le")
    assert code == 0 and json.loads(out)["text"] == FOLLOWERS
    code, _, err = run(capsys, "extract", str(write(tmp_path / "g.txt", FOLLOWERS)), "--encoding", "ascii")
    assert code == 1 and "not valid ascii" in err


def test_decode_tells_damaged_utf8_from_windows_1256() -> None:
    damaged = FOLLOWERS.encode() + b"\xff"
    with pytest.raises(Exception, match="not valid UTF-8: byte 0xff at offset"):
        decode(damaged)
    with pytest.raises(Exception, match="not Arabic Windows-1256"):
        decode("Le café coûte 3 euros".encode("latin-1"))
    assert decode("السنة 2025، زار".encode("cp1256")) == "السنة 2025، زار"
    with pytest.raises(Exception, match="starts with a UTF-8 byte order mark but is not valid UTF-8"):
        decode(b"\xef\xbb\xbf" + FOLLOWERS.encode() + b"\xff")


# ---- bad inputs never lose the rest ------------------------------------------------------------------------

def test_bad_files_are_reported_and_the_rest_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    good1 = write(tmp_path / "good1.txt", "بلغ 100 زائر")
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    latin = write(tmp_path / "latin.txt", "Le café coûte 3 euros", "latin-1")
    locked = write(tmp_path / "locked.txt", "بلغ 5 زائر")
    not_dir = tmp_path / "good1.txt" / "child.txt"
    empty = write(tmp_path / "empty.txt", "")
    good2 = write(tmp_path / "good2.txt", "بلغ 200 زائر")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # root can read anything: make one file unreadable
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    inputs = [good1, missing, binary, latin, locked, not_dir, empty, good2]
    code, out, err = run(capsys, "extract", *map(str, inputs), "--only", "numbers")
    assert code == 1
    got = records(out)
    assert [r["file"] for r in got] == [str(good1), str(empty), str(good2)]
    assert [[n["value"] for n in r["numbers"]] for r in got] == [[100], [], [200]]
    assert got[1]["text"] == ""  # an empty file gives an empty record
    lines = err.splitlines()
    assert lines == [
        f"arabic-stats: {missing}: no such file",
        f"arabic-stats: {binary}: binary file (it contains NUL bytes); if it is UTF-16 without a byte order mark, "
        "pass --encoding utf-16-le",
        f"arabic-stats: {latin}: undecodable: not UTF-8 (byte 0xe9 at offset 6) and not Arabic Windows-1256 text; "
        "pass --encoding",
        f"arabic-stats: {locked}: permission denied",
        f"arabic-stats: {not_dir}: cannot read: Not a directory",
        "arabic-stats: 3 records, 5 errors",
    ]


_REAL_EXTRACT = EXTRACT_MODULE.extract


def fragile(text: str, reference_date=None) -> Extraction:  # noqa: ANN001 - module level: pickled to workers
    if "BOOM" in text:
        raise RuntimeError("kaboom")
    return _REAL_EXTRACT(text, reference_date)


def test_a_failing_extraction_is_reported_and_the_rest_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(STREAM_MODULE, "extract", fragile)
    files = [write(tmp_path / f"{i}.txt", "BOOM" if i == 1 else f"بلغ {i + 1}00 زائر") for i in range(3)]
    code, out, err = run(capsys, "extract", *map(str, files), "--only", "numbers")
    assert code == 1
    assert [(r["file"], r["numbers"][0]["value"]) for r in records(out)] == [(str(files[0]), 100), (str(files[2]), 300)]
    assert f"{files[1]}: extraction failed: RuntimeError: kaboom" in err


def test_jobs_keep_the_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # texts of very different lengths finish out of order in the pool
    files = []
    for i in range(12):
        body = ("وقال المتحدث إن العمل مستمر. " * (300 if i % 3 == 0 else 1)) + f"بلغ عدد الزوار {i + 1}00 زائر"
        files.append(write(tmp_path / f"{i:02d}.txt", body))
    files.insert(5, tmp_path / "missing.txt")
    code, out, err = run(capsys, "extract", *map(str, files), "--jobs", "2", "--only", "numbers")
    assert code == 1 and "missing.txt: no such file" in err
    got = records(out)
    assert [r["file"] for r in got] == [str(f) for f in files if f.exists()]
    assert [r["numbers"][-1]["value"] for r in got] == [(i + 1) * 100 for i in range(12)]


def test_jobs_recover_from_a_failing_extraction(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched extract reaches the workers only when they are forked")
    monkeypatch.setattr(STREAM_MODULE, "extract", fragile)
    files = [write(tmp_path / f"{i}.txt", "BOOM" if i in (2, 3) else f"بلغ {i + 1}00 زائر") for i in range(7)]
    code, out, err = run(capsys, "extract", *map(str, files), "--jobs", "2", "--only", "numbers")
    assert code == 1
    assert [r["numbers"][0]["value"] for r in records(out)] == [100, 200, 500, 600, 700]
    assert err.count("extraction failed") == 2 and err.endswith("arabic-stats: 5 records, 2 errors\n")


# ---- stderr: progress and summary ------------------------------------------------------------------------

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    files = [str(write(tmp_path / f"{i:02d}.txt", f"بلغ {i} زائر")) for i in range(PROGRESS_MIN_FILES)]
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["extract", *files])
    out = capsys.readouterr().out
    assert code == 0 and len(records(out)) == PROGRESS_MIN_FILES and "\r" not in out
    shown = terminal.getvalue()
    assert f"] {PROGRESS_MIN_FILES}/{PROGRESS_MIN_FILES} files" in shown
    assert shown.endswith(f"\r\x1b[Karabic-stats: {PROGRESS_MIN_FILES} records, 0 errors\n")
    # not a terminal, or too few files, or --quiet: no bar
    code, _, err = run(capsys, "extract", *files)
    assert "\r" not in err and "files" not in err
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["extract", *files[:PROGRESS_MIN_FILES - 1]])
    assert "\r" not in terminal.getvalue().replace("\r\x1b[K", "") and "files" not in terminal.getvalue()
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["extract", "--quiet", *files])
    assert terminal.getvalue() == ""


# ---- usage errors and help ----------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    [], ["extract"], ["extract", "x.txt", "--format", "xml"], ["extract", "x.txt", "--reference-date", "17/12/2025"],
    ["extract", "x.txt", "--reference-date", "2025-02-30"], ["extract", "x.txt", "--jobs", "-1"],
    ["extract", "x.txt", "--encoding", "klingon"], ["extract", "-", "-"], ["frobnicate"],
])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err


@pytest.mark.parametrize("command", [None, "extract", "normalize", "number", "date", "schema"])
def test_help_on_every_command_has_an_arabic_example(command: str | None,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *([command] if command else []), "--help")
    assert code == 0 and "example" in out
    assert any("arabic-stats " in line and re.search("[\u0600-\u06ff]", line) for line in out.splitlines())


# ---- the small commands ------------------------------------------------------------------------------------------

def test_number(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "number", "مليون و268 ألف و153", "حوالي مليونين و400 ألف")
    first, second = records(out)
    assert code == 0
    assert (first["text"], first["value"], first["kind"], first["qualifier"]) == (
        "مليون و268 ألف و153", 1268153, "cardinal", "exact")
    assert (second["value"], second["qualifier"]) == (2400000, "approx")
    code, out, _ = run(capsys, "number", "--value", "الثالثة والتسعين")
    assert code == 0 and out == "93\n"


def test_number_refuses_what_is_not_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "number", "ثلاثة", "مرحبا")
    assert code == 1 and records(out)[0]["value"] == 3 and err == "arabic-stats: 'مرحبا': not a number\n"


def test_number_reads_lines_from_stdin(stdin, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    stdin("ثلاثة\n\n١٬٢٠٠\n".encode())
    code, out, _ = run(capsys, "number", "--value")
    assert code == 0 and out == "3\n1200\n"


def test_date_reads_a_range_and_a_month(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "date", "17 إلى 21 ماي 2025")
    rec = json.loads(out)
    assert code == 0 and (rec["start"], rec["end"], rec["granularity"]) == ("2025-05-17", "2025-05-21", "day")
    code, out, _ = run(capsys, "date", "ديسمبر 2025")
    assert code == 0 and (json.loads(out)["start"], json.loads(out)["end"]) == ("2025-12-01", "2025-12-31")


def test_date_without_a_year(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "date", "17 ماي", "--reference-date", "2025-12-17", "--yearless", "past")
    assert code == 0 and json.loads(out)["start"] == "2025-05-17"
    code, out, _ = run(capsys, "date", "17 ماي", "--reference-date", "2025-12-17", "--yearless", "future")
    assert code == 0 and json.loads(out)["start"] == "2026-05-17"
    code, out, err = run(capsys, "date", "17 ماي", "--yearless", "someday")
    assert code == 2 and out == "" and "yearless must be one of" in err


def test_date_resolves_against_the_reference_date_and_reports_each_failure(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "date", "أمس", "غدا لا", "--reference-date", "2025-12-17")
    assert code == 1
    assert json.loads(out) == {"text": "أمس", "start": "2025-12-16", "end": "2025-12-16", "granularity": "day",
                               "calendar": "gregorian", "hijri": None, "relative": True, "reference": "given"}
    assert err == "arabic-stats: 'غدا لا': not a date\n"


def test_normalize(stdin, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    code, out, _ = run(capsys, "normalize", "ثَلاثُمِائَةٍ وَخَمْسُونَ", "١٬١٩٧٬٣٣٥")
    assert code == 0 and out == "ثلاثمائة وخمسون\n1,197,335\n"
    code, out, _ = run(capsys, "normalize", "--fold-teh-marbuta", "--fold-hamza", "مسؤولة")
    assert out == "مسوولة\n".replace("ة", "ه")
    stdin("سطر أَوّل\nسطر ٢\n".encode())
    code, out, _ = run(capsys, "normalize")
    assert code == 0 and out == "سطر اول\nسطر 2\n"
    stdin("سطر أَوّل".encode("cp1256"))
    code, out, _ = run(capsys, "normalize")
    assert code == 0 and out == "سطر اول"


def test_schema_describes_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema == record_schema()
    model = Extraction.model_json_schema()
    assert schema["properties"] == {"file": schema["properties"]["file"], **model["properties"]}
    assert schema["required"] == ["file", *model["required"]] and schema["$defs"] == model["$defs"]
    assert schema["additionalProperties"] is False
    code, out, _ = run(capsys, "extract", str(SEED))
    assert set(json.loads(out)) == set(schema["properties"])


# ---- the installed command, as a real process -----------------------------------------------------------------------

def _installed() -> str:
    exe = shutil.which("arabic-stats", path=str(Path(sys.executable).parent)) or shutil.which("arabic-stats")
    if exe is None:
        pytest.fail("the arabic-stats entry point is not installed (pip install -e .)")
    return exe


def test_installed_entry_point(tmp_path: Path) -> None:
    bad = tmp_path / "missing.txt"
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    proc = subprocess.run([_installed(), "extract", str(SEED), str(bad), "-", "--only", "numbers"],
                          input=FOLLOWERS.encode("cp1256"), capture_output=True, env=env, timeout=60)
    assert proc.returncode == 1
    got = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["file"] for r in got] == [str(SEED), "<stdin>"]
    assert got[1]["numbers"][0]["text"] == "مليون و268 ألف و153"
    assert proc.stderr.decode() == f"arabic-stats: {bad}: no such file\narabic-stats: 2 records, 1 error\n"


def test_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "arabic_stats", "number", "--value", "مليون و268 ألف و153"],
                          capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout) == (0, "1268153\n")
    proc = subprocess.run([sys.executable, "-m", "arabic_stats", "extract", "--format", "yaml", str(SEED)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.startswith("usage: arabic-stats extract")


def test_the_entry_point_flushes_everything_before_it_exits(tmp_path: Path) -> None:
    # run() leaves with os._exit once the output is flushed: nothing may be lost
    files = [str(SEED)] * 12
    proc = subprocess.run([_installed(), "extract", *files, "--jobs", "2"], capture_output=True, timeout=120)
    lines = proc.stdout.decode("utf-8").splitlines()
    assert proc.returncode == 0 and len(lines) == 12 and len(proc.stdout) > 12 * len(SEED_TEXT.encode())
    assert all(json.loads(line)["text"] == SEED_TEXT for line in lines)
    assert proc.stderr.decode() == "arabic-stats: 12 records, 0 errors\n"
    out = tmp_path / "out.csv"
    proc = subprocess.run([_installed(), "extract", str(SEED), "-f", "csv", "--only", "numbers", "-o", str(out)],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0 and out.read_text(encoding="utf-8").count("\n") == 1 + len(extract(SEED_TEXT).numbers)

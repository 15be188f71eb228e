"""The command line on hostile inputs: every input gives one record or one error line,
the closing count adds up, the output is valid UTF-8 JSON, and --jobs changes nothing."""
from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from arabic_stats import extract
from arabic_stats.cli import main

FIXTURE = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))[1]
ARTICLE = "بلغ عدد متابعي الصفحة على فيسبوك 1,197,335 متابع خلال سنة 2025، مقابل 40 ألف مشترك في يوتيوب."


def hostile_inputs(root: Path) -> dict[str, bytes | None]:
    """name -> bytes (None: an error is expected for it), in the order the CLI walks them."""
    arabic = ARTICLE
    cases: dict[str, tuple[bytes, bool]] = {
        "a_utf8.txt": (arabic.encode(), True),
        "b_cp1256.txt": (arabic.encode("cp1256"), True),
        "c_utf16_bom.txt": (arabic.encode("utf-16"), True),
        "d_utf16be_bom.txt": (codecs.BOM_UTF16_BE + arabic.encode("utf-16-be"), True),
        "e_utf16_no_bom.txt": (arabic.encode("utf-16-le"), False),
        "f_empty.txt": (b"", True),
        "g_whitespace.txt": (b" \n\t\r\n  \n", True),
        "h_rtl_marks.txt": ("\u200f".join(arabic).encode(), True),
        "i_nul_inside.txt": (arabic.encode().replace(b" ", b"\x00 ", 3), False),
        "j_surrogate_bytes.txt": (arabic.encode() + b" \xed\xa0\x80 " + b"12", False),  # UTF-8 of a lone surrogate
        "k_latin_only.txt": (b"The ministry counted 1,200 visitors in 2024.", True),
        "l_invalid_utf8.txt": (arabic.encode() + b"\xc3\x28", False),
        "m_long_line.txt": ((arabic + " ") .encode() * 3000, True),
        "n_bom_utf8.txt": (codecs.BOM_UTF8 + arabic.encode(), True),
        "o_truncated_utf8.txt": (arabic[:-1].encode()[:-1], False),  # the last character cut in half
    }
    root.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, (data, ok) in cases.items():
        (root / name).write_bytes(data)
        out[name] = data if ok else None
    return out


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_input_gives_one_record_or_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = hostile_inputs(tmp_path / "in")
    code, out, err = run(capsys, "extract", str(tmp_path / "in"), "--format", "jsonl")
    assert code == 1
    out.encode("utf-8")  # what was written is valid UTF-8
    records = [json.loads(line) for line in out.splitlines()]
    errors = err.splitlines()[:-1]
    ok = [n for n, d in cases.items() if d is not None]
    bad = [n for n, d in cases.items() if d is None]
    assert [Path(r["file"]).name for r in records] == ok
    assert [e.split(": ")[1].rsplit("/", 1)[-1] for e in errors] == bad
    assert err.splitlines()[-1] == f"arabic-stats: {len(ok)} records, {len(bad)} errors"
    for line in errors:
        assert line.startswith("arabic-stats: ") and len(line.split(": ", 2)[2]) > 10  # a reason, not a code
    expected = extract(ARTICLE)
    for rec in records:
        name = Path(rec["file"]).name
        if name[0] in "abcdn":  # the same article in five encodings: the same extraction
            assert rec["text"] == ARTICLE
            assert rec["numbers"] == json.loads(expected.model_dump_json())["numbers"]
            assert rec["facts"] == json.loads(expected.model_dump_json())["facts"]
    by_name = {Path(r["file"]).name: r for r in records}
    assert by_name["f_empty.txt"]["numbers"] == by_name["g_whitespace.txt"]["numbers"] == []
    marked = by_name["h_rtl_marks.txt"]
    assert [n["value"] for n in marked["numbers"]] == [n.value for n in expected.numbers]
    assert all(marked["text"][n["start"]:n["end"]] == n["text"] for n in marked["numbers"])
    assert 1200 in [n["value"] for n in by_name["k_latin_only.txt"]["numbers"]]
    assert len(by_name["m_long_line.txt"]["facts"]) == 3000 * len(expected.facts)


def test_error_lines_say_what_is_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile_inputs(tmp_path / "in")
    _, _, err = run(capsys, "extract", str(tmp_path / "in"), "--only", "numbers")
    reasons = {line.split(": ")[1].rsplit("/", 1)[-1]: line.split(": ", 2)[2] for line in err.splitlines()[:-1]}
    assert "--encoding utf-16-le" in reasons["e_utf16_no_bom.txt"]
    assert "NUL" in reasons["i_nul_inside.txt"]
    assert "not valid UTF-8" in reasons["j_surrogate_bytes.txt"] or "not UTF-8" in reasons["j_surrogate_bytes.txt"]
    assert "offset" in reasons["l_invalid_utf8.txt"] and "offset" in reasons["o_truncated_utf8.txt"]


def test_an_explicit_encoding_reads_nul_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nul.txt"
    text = ARTICLE.replace(" ", "\x00 ", 3)
    path.write_bytes(text.encode())
    code, out, _ = run(capsys, "extract", str(path), "--encoding", "utf-8", "--format", "jsonl")
    rec = json.loads(out)
    assert code == 0 and rec["text"] == text and "\\u0000" in out
    assert [n["value"] for n in rec["numbers"]] == [n.value for n in extract(ARTICLE).numbers]


def test_jobs_two_gives_the_same_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile_inputs(tmp_path / "in")
    one = run(capsys, "extract", str(tmp_path / "in"), "--format", "jsonl")
    two = run(capsys, "extract", str(tmp_path / "in"), "--format", "jsonl", "--jobs", "2")
    assert one == two


def test_a_real_process_counts_records_and_errors(tmp_path: Path) -> None:
    cases = hostile_inputs(tmp_path / "in")
    out = subprocess.run([sys.executable, "-m", "arabic_stats", "extract", str(tmp_path / "in"), "--jobs", "2",
                          "-o", str(tmp_path / "out.jsonl")], capture_output=True, timeout=300)
    ok = sum(1 for d in cases.values() if d is not None)
    assert out.returncode == 1
    assert out.stderr.decode().splitlines()[-1] == f"arabic-stats: {ok} records, {len(cases) - ok} errors"
    lines = (tmp_path / "out.jsonl").read_bytes().decode("utf-8").splitlines()
    assert len(lines) == ok and all(json.loads(line)["file"] for line in lines)

"""examples/facts_to_csv.py runs, writes the CSV and the chart, and goes without matplotlib."""
from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from arabic_stats import extract, to_frame
from arabic_stats.frames import COLUMNS
from test_frames import FIXTURES, sample_extraction

pytest.importorskip("pandas")

SCRIPT = Path(__file__).resolve().parent.parent / "examples" / "facts_to_csv.py"


def load_example():  # noqa: ANN201 - the example, as a module
    spec = importlib.util.spec_from_file_location("facts_to_csv", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_is_a_runnable_script() -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "--out" in proc.stdout


def test_example_writes_csv_and_chart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_example().main(["--out", str(tmp_path)]) == 0
    stdout = capsys.readouterr().out
    with (tmp_path / "facts.csv").open(encoding="utf-8") as fh:
        header, *rows = list(csv.reader(fh))
    articles = sorted(FIXTURES.glob("*.txt"))
    expected = [(p.name, f) for p in articles for f in extract(p.read_text(encoding="utf-8")).facts]
    assert header == ["doc", *COLUMNS["facts"]]
    assert [(r[0], r[2]) for r in rows] == [(name, str(f.count)) for name, f in expected]
    followers = [f for _, f in expected if f.metric == "followers" and f.platform]
    assert (tmp_path / "followers.png").exists() == bool(followers)
    if followers:
        assert (tmp_path / "followers.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert "followers per platform in" in stdout


def test_followers_per_platform_table() -> None:
    example = load_example()
    facts = to_frame({"a.txt": sample_extraction(), "b.txt": sample_extraction()}, what="facts")
    table = example.followers_per_platform(facts)
    assert table.index.tolist() == ["x"] and table.columns.tolist() == ["a.txt", "b.txt"]
    assert table.loc["x"].tolist() == [512523, 512523]


def test_without_matplotlib_the_chart_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    example = load_example()
    monkeypatch.setattr(example, "extract_articles", lambda paths: {"a.txt": sample_extraction()})
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    assert example.main(["a.txt", "--out", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "2 facts from 1 articles" in out and "matplotlib is not installed: no chart" in err
    assert (tmp_path / "facts.csv").exists() and not (tmp_path / "followers.png").exists()

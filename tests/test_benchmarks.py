"""The benchmark command runs end to end (tiny sizes) and its synthetic archive is
deterministic and varied."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402


def test_the_archive_is_deterministic_and_varied() -> None:
    first = [a.text for a in synth.archive(60)]
    assert first == [a.text for a in synth.archive(60)]
    assert synth.article(42).text == first[42]
    assert len(set(first)) == 60
    arts = list(synth.archive(300))
    assert len({a.country for a in arts}) == len(synth.COUNTRIES)
    joined = "".join(a.text for a in arts)
    for name, system in synth.MONTHS.items():  # every month system shows up, with its own names
        own = [m for m in system if name == "msa" or m not in synth.MONTHS["msa"]]
        assert any(m in joined for m in own), name
    assert any(m in joined for m in synth.HIJRI_MONTHS)
    assert any(c in joined for c in "٠١٢٣٤٥٦٧٨٩") and any(w in joined for w in ("مليون", "ألف", "آلاف"))
    assert sum(p in joined for p in synth.PLATFORMS) >= 10


def test_spell_reads_back() -> None:
    import arabic_stats

    for n in (0, 7, 11, 20, 99, 100, 101, 2000, 2400000, 1268153, 10**9 + 5):
        assert arabic_stats.parse_number(synth.spell(n)).value == n, synth.spell(n)


def test_the_benchmark_command_writes_its_results(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--size-mb", "0.05", "--articles", "30", "--dateparser-kb", "5",
         "--stream-docs", "60", "--parallel-docs", "12", "--repeat", "1", "--import-runs", "2", "--out",
         str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    res = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    md = (tmp_path / "latest.md").read_text(encoding="utf-8")
    assert res["machine"]["cpu_count"] >= 1
    for corpus in ("big", "archive"):
        tp = res["throughput"][corpus]
        for stage in ("normalize", "find_numbers", "find_dates", "extract", "pyarabic.number.extract_number_phrases",
                      "dateparser.search_dates (sample)"):
            assert tp[stage]["chars_per_s"] > 0 and tp[stage]["mb_per_s"] > 0, (corpus, stage)
        assert tp["extract"]["found"] > 0
        assert res["ratios"][corpus]["find_dates_vs_dateparser_same_input"] > 0
    assert res["import"]["import_ms_median"] > 0
    assert res["stream"]["docs"] == 60 and res["extract_many"]["speedup"] > 0
    assert res["cli"]["records"] == 12 and res["cli"]["same_output"]
    assert [r["target"] for r in res["summary"]["rows"]][0].startswith("normalize")
    assert "| target | measured |" in md and "## Parallel" in md

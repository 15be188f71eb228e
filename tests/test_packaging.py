"""The wheel ships the lexicons, and an install from it finds them.

Builds the wheel into a temporary directory, installs it (``--no-deps``) into a fresh
virtual environment that borrows this environment's packages for the dependencies, and
runs the number API there, away from the source tree. Deselect with
``-m "not packaging"``; CI runs it.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.packaging


def _run(*cmd: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    if importlib.util.find_spec("build") and importlib.util.find_spec("hatchling"):
        # the dev extra has both: no isolated build environment to download
        _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT)
    else:
        _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", dist, ROOT)
    [built] = dist.glob("arabic_stats-*.whl")
    return built


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for lexicon in sorted((ROOT / "lexicons").glob("*.toml")):
        assert f"arabic_stats/lexicons/{lexicon.name}" in names, f"{lexicon.name} is not in the wheel"
    assert "arabic_stats/py.typed" in names
    assert "arabic_stats/__init__.py" in names and "arabic_stats/numbers.py" in names
    assert not [n for n in names if n.startswith("tests/")]


def test_installed_wheel_finds_its_lexicons(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    # the dependencies (regex, pydantic...) come from this environment, after the venv's own
    # packages; .pth files of this environment (an editable install) are not processed
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "_borrowed_deps.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "--quiet", wheel)

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ARABIC_STATS_LEXICONS")}
    code = textwrap.dedent("""
        import json
        import arabic_stats
        from arabic_stats.lexicon import lexicon_dir
        from arabic_stats.numbers import grammar
        grammar()
        m = arabic_stats.find_numbers("يتابعها حوالي مليونين و400 ألف شخص")[0]
        print(json.dumps({"package": arabic_stats.__file__, "lexicons": str(lexicon_dir()),
                          "files": sorted(p.name for p in lexicon_dir().glob("*.toml")),
                          "mention": [m.text, m.value, m.qualifier]}, ensure_ascii=False))
    """)
    got = json.loads(_run(python, "-c", code, cwd=tmp_path, env=env).strip().splitlines()[-1])
    assert Path(got["package"]).is_relative_to(site), got["package"]
    assert Path(got["lexicons"]).is_relative_to(site), got["lexicons"]
    assert got["files"] == sorted(p.name for p in (ROOT / "lexicons").glob("*.toml"))
    assert got["mention"] == ["حوالي مليونين و400 ألف", 2400000, "approx"]

"""``import arabic_stats`` is light: no optional heavy dependency, and fast.

Measured in a fresh interpreter, so that nothing this test session imported counts.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import arabic_stats

HEAVY = ("spacy", "camel_tools", "pandas", "torch", "numpy", "transformers", "dask")
IMPORT_BUDGET_S = 0.150


def _run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                         check=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_pulls_in_no_heavy_dependency() -> None:
    got = _run(f"""
        import json, sys
        import arabic_stats
        print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
    """)
    assert got == []


def test_numbers_pull_in_no_heavy_dependency() -> None:
    """Using the number API imports only the core dependencies."""
    got = _run(f"""
        import json, sys
        import arabic_stats
        arabic_stats.find_numbers("بلغ عدد المتابعين أكثر من 29 مليون")
        arabic_stats.parse_number("مليون و268 ألف و153")
        arabic_stats.normalize("ثَلاثُمِائَةٍ")
        print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
    """)
    assert got == []


def test_import_is_fast() -> None:
    # best of three fresh interpreters: the time of a cold disk cache is not ours
    times = []
    for _ in range(3):
        got = _run("""
            import json, time
            t = time.perf_counter()
            import arabic_stats
            print(json.dumps(time.perf_counter() - t))
        """)
        times.append(got)
    assert min(times) < IMPORT_BUDGET_S, f"import arabic_stats took {min(times) * 1000:.0f} ms"


def test_public_api() -> None:
    """Every name of ``__all__`` is defined or lazily exported (without importing it here:
    optional extras need not be installed), and nothing else is invented."""
    assert all(isinstance(name, str) for name in arabic_stats.__all__)
    for name in arabic_stats.__all__:
        assert name in vars(arabic_stats) or name in arabic_stats._EXPORTS, name
    assert callable(arabic_stats.find_numbers) and callable(arabic_stats.parse_number)
    with pytest.raises(AttributeError):
        arabic_stats.no_such_thing  # noqa: B018


def test_functions_win_over_their_submodules() -> None:
    """``arabic_stats.normalize`` and ``arabic_stats.extract`` are functions even after
    their submodules were imported."""
    got = _run("""
        import json
        import arabic_stats
        import arabic_stats.normalize, arabic_stats.extract
        arabic_stats.find_numbers("3")
        print(json.dumps([callable(arabic_stats.normalize) and arabic_stats.normalize("أ") == "ا",
                          type(arabic_stats.extract).__name__]))
    """)
    assert got == [True, "function"]

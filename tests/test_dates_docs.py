"""docs/dates.md stays true: its examples run."""
from __future__ import annotations

import doctest
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_dates_page_examples() -> None:
    result = doctest.testfile(str(DOCS / "dates.md"), module_relative=False, encoding="utf-8",
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 10
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of docs/dates.md failed (see stdout)"

"""Shared test set-up: import path for ``strategies``, hypothesis profiles and markers."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent

# pytest runs with --import-mode=importlib, which does not put tests/ on sys.path:
# do it here so that test modules can ``import strategies``.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

# No per-example deadline: the first example of a run also builds the grammar, and CI
# machines are slow and shared. "ci" runs more examples, "dev" is quick.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", deadline=None, max_examples=300, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None, max_examples=30)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "packaging: builds and installs the wheel (deselect with -m 'not packaging')")
    config.addinivalue_line("markers", "slow: takes more than a few seconds (deselect with -m 'not slow')")


"""The cyclic garbage collector, paused while a stage runs.

The stages make many small objects and no reference cycles: the collector would only walk
the caller's heap again and again (a quarter of the time of ``extract`` on a large text).
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector inside the block; restore its state after, even on error."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()

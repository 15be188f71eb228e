"""Many texts at once: results in input order, with bounded memory."""
from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from .extract import extract
from .models import Extraction

__all__ = ["extract_many"]


def extract_many(texts: Iterable[str], *, reference_date: dt.date | None = None, jobs: int = 1,
                 window: int | None = None) -> Iterator[Extraction]:
    """Yield ``extract(text)`` for every text, in input order.

    ``jobs`` > 1 spreads the work over a process pool; at most ``window`` texts (default
    ``4 * jobs``) are in flight at once, so memory does not grow with the length of the
    input. ``jobs=0`` uses one process per CPU.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be >= 0, got {jobs}")
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs == 1:
        for text in texts:
            yield extract(text, reference_date)
        return
    limit = window or 4 * jobs
    if limit < 1:
        raise ValueError(f"window must be >= 1, got {window}")
    pending: deque[Future[Extraction]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for text in texts:
            pending.append(pool.submit(extract, text, reference_date))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

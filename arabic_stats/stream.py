"""Many texts, and very long ones: results in input order, with bounded memory.

* :func:`extract_many` runs :func:`~arabic_stats.extract` over an iterable of texts,
  in one process or a pool, and yields the results in input order; at most ``window``
  texts are in flight, so a stream of millions of articles never sits in memory.
* :func:`extract_file` reads one very long document (a 50 MB dump, a whole book) in
  blocks and yields a :class:`Passage` per block, cut at paragraph breaks, with every
  offset counted from the start of the *document*; memory depends on ``max_chars``,
  not on the size of the file. :func:`extract_passages` does the same for a string or
  any iterable of string pieces.
* :func:`to_json` writes an :class:`~arabic_stats.Extraction` (or a passage) as one
  JSON line with spaces after separators and lone surrogates escaped (as
  ``model_dump_json`` escapes them).

Passages are cut at a blank line when there is one in the second half of the block,
else at a line break, else at a space that is not between two digits (``1 197 335`` is
one number), else hard at ``max_chars``. Sentences and clauses never cross a line
break, so only context that reaches across paragraphs (a year governing several
paragraphs) can be lost at a cut; keep ``max_chars`` large (the default is a million
characters) and such cuts are rare.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from .encoding import detect_encoding
from .extract import extract
from .models import Check, DateMention, Extraction, Fact, NumberMention, Span, _escape_surrogates

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["Passage", "extract_file", "extract_many", "extract_passages", "read_chunks", "split_passages",
           "sniff_encoding", "to_json"]

#: Default size of a passage of a long document, in characters.
MAX_CHARS = 1_000_000


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


#: Texts sent to a worker at once (fewer, larger messages: the parent process, which
#: also reads the results, spends about half the time it would on one text per task).
BATCH = 8
#: ... unless they are long: a batch closes at this many characters.
BATCH_CHARS = 64_000


def _extract_batch(texts: list[str], reference_date: dt.date | None,
                   then: Callable[[Extraction], Any] | None = None) -> list[tuple[bool, Any]]:
    """``extract`` (then ``then``) over a batch in a worker; an error is returned in its
    place, so that the texts before it still come back and the error is raised where it
    belongs."""
    out: list[tuple[bool, Any]] = []
    for text in texts:
        try:
            ext = extract(text, reference_date)
            out.append((True, ext if then is None else then(ext)))
        except Exception as exc:  # re-raised by extract_many at this text's place in the stream
            out.append((False, exc))
    return out


def extract_many(texts: Iterable[str], *, reference_date: dt.date | None = None, jobs: int = 1,
                 window: int | None = None, then: Callable[[Extraction], Any] | None = None) -> Iterator[Any]:
    """Yield ``extract(text)`` for every text, in input order.

    ``jobs`` > 1 spreads the work over a process pool; at most ``window`` texts (default
    ``16 * jobs``) are in flight at once, so memory does not grow with the length of the
    input, and ``texts`` is read lazily (a generator over a huge archive is fine). Texts
    travel to the workers in small batches. An exception raised by one text is raised
    at that text's place, after the results before it. ``jobs=0`` uses one process per
    CPU this process may run on.

    ``then``, when given, is applied to every result where it is made (in the workers
    when ``jobs`` > 1) and its value is yielded instead: what the caller keeps of a
    result (a JSON record, a row) is then made in parallel too, and only that travels
    back. It must pickle (a module-level function, or a ``functools.partial`` of one).

    >>> [len(e.numbers) for e in extract_many(["بلغ 12 متابعا", "لا شيء", "3 زوار و4 متابعين"])]
    [1, 0, 2]
    >>> list(extract_many(["بلغ 12 متابعا"], then=lambda e: len(e.facts)))
    [1]
    """
    if jobs < 0:
        raise ValueError(f"jobs must be >= 0, got {jobs}")
    if jobs == 0:
        jobs = _cpus()
    if window is not None and window < 1:
        raise ValueError(f"window must be >= 1, got {window}")
    if jobs == 1:
        for text in texts:
            ext = extract(text, reference_date)
            yield ext if then is None else then(ext)
        return
    from concurrent.futures import ProcessPoolExecutor  # (only here: one process needs no pool)

    limit = window or 16 * jobs
    batch_size = max(1, min(BATCH, limit // (2 * jobs)))  # at least two batches per worker in flight
    pending: deque[Future[list[tuple[bool, Any]]]] = deque()
    in_flight: deque[int] = deque()  # texts per pending batch

    def results(future: Future[list[tuple[bool, Any]]]) -> Iterator[Extraction]:
        in_flight.popleft()
        for ok, value in future.result():
            if not ok:
                raise value
            yield value

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            batch: list[str] = []
            size = 0
            for text in texts:
                batch.append(text)
                size += len(text) if isinstance(text, str) else 0
                if len(batch) >= batch_size or size >= BATCH_CHARS:
                    pending.append(pool.submit(_extract_batch, batch, reference_date, then))
                    in_flight.append(len(batch))
                    batch, size = [], 0
                    while pending and sum(in_flight) >= limit:
                        yield from results(pending.popleft())
            if batch:
                pending.append(pool.submit(_extract_batch, batch, reference_date, then))
                in_flight.append(len(batch))
            while pending:
                yield from results(pending.popleft())
        finally:  # the consumer stopped early or a text failed: drop what is queued
            for f in pending:
                f.cancel()


# ---- long documents ------------------------------------------------------------------------------

class Passage(BaseModel):
    """What was found in one passage of a long document.

    ``start``/``end`` are the passage's span in the whole document, and every mention,
    fact and sentence span in it is an offset into the whole document too
    (``document[m.start:m.end] == m.text``). The indices in ``checks`` point into this
    passage's ``facts``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    numbers: list[NumberMention] = []
    dates: list[DateMention] = []
    facts: list[Fact] = []
    checks: list[Check] = []


def _shift(ext: Extraction, offset: int) -> Passage:
    def move(m: Any) -> Any:
        return m.model_copy(update={"start": m.start + offset, "end": m.end + offset})

    facts = [f.model_copy(update={"start": f.start + offset, "end": f.end + offset,
                                  "sentence": Span(start=f.sentence.start + offset, end=f.sentence.end + offset)})
             for f in ext.facts]
    return Passage(start=offset, end=offset + len(ext.text), numbers=[move(n) for n in ext.numbers],
                   dates=[move(d) for d in ext.dates], facts=facts, checks=list(ext.checks))


def _cut(buf: str, limit: int) -> int:
    """Where to end a passage of ``buf`` (len(buf) > limit): after a blank line, a line
    break or a space in the second half of ``buf[:limit]``, else at ``limit``."""
    half = limit // 2
    for sep in ("\n\n", "\n"):
        i = buf.rfind(sep, half, limit)
        if i >= 0:
            return i + len(sep)
    # a space, but not inside a number grouped by spaces (1 197 335)
    i = buf.rfind(" ", half, limit)
    while i >= 0:
        if not (buf[i - 1].isdigit() and buf[i + 1].isdigit()):
            return i + 1
        i = buf.rfind(" ", half, i)
    return limit


def split_passages(pieces: Iterable[str], max_chars: int = MAX_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, passage)`` for a text given as pieces (file blocks, lines...): each
    passage at most ``max_chars`` long, cut as the module describes, ``offset`` its
    position in the whole text. The passages joined give the text back.

    >>> list(split_passages(["one two\\n\\nthr", "ee four\\n"], max_chars=12))
    [(0, 'one two\\n\\n'), (9, 'three four\\n')]
    >>> list(split_passages(["1 197 335 and 12 345"], max_chars=16))
    [(0, '1 197 335 and '), (14, '12 345')]
    """
    if max_chars < 2:
        raise ValueError(f"max_chars must be >= 2, got {max_chars}")
    buf = ""
    offset = 0
    for piece in pieces:
        buf += piece
        while len(buf) > max_chars:
            k = _cut(buf, max_chars)
            yield offset, buf[:k]
            offset += k
            buf = buf[k:]
    if buf:
        yield offset, buf


def extract_passages(text: str | Iterable[str], *, reference_date: dt.date | None = None,
                     max_chars: int = MAX_CHARS, jobs: int = 1) -> Iterator[Passage]:
    """:func:`extract` over a long text passage by passage (``jobs`` > 1 reads several
    passages at once), offsets counted from the start of the whole text.

    >>> doc = "بلغ عدد المتابعين 1200 متابع.\\n" * 3
    >>> [(f.count, f.start) for p in extract_passages(doc, max_chars=40) for f in p.facts]
    [(1200, 18), (1200, 48), (1200, 78)]
    """
    pieces = [text] if isinstance(text, str) else text
    offsets: deque[int] = deque()

    def passages() -> Iterator[str]:
        for offset, passage in split_passages(pieces, max_chars):
            offsets.append(offset)
            yield passage

    for ext in extract_many(passages(), reference_date=reference_date, jobs=jobs, window=2 * max(jobs, 1)):
        yield _shift(ext, offsets.popleft())


# ---- reading files -------------------------------------------------------------------------------------

_SNIFF = 1 << 16


def sniff_encoding(head: bytes, name: str = "input") -> str:
    """The encoding of a file that starts with ``head`` (see :func:`detect_encoding`).
    Raises ValueError naming ``name`` and the reason.

    >>> sniff_encoding("عدد".encode("cp1256")), sniff_encoding("عدد".encode("utf-16"))
    ('cp1256', 'utf-16')
    """
    try:
        return detect_encoding(head, complete=len(head) < _SNIFF)
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from None


def read_chunks(source: str | os.PathLike[str] | IO[bytes], *, encoding: str | None = None,
                block: int = 1 << 20) -> Iterator[str]:
    """The text of a file, decoded block by block (``encoding`` as given, else
    :func:`sniff_encoding`). Line ends are kept as they are (no ``\\r\\n`` translation),
    so offsets count the characters of the file. A byte order mark is dropped. Raises
    ValueError with the file name and the byte offset of undecodable bytes."""
    own = not hasattr(source, "read")
    fh: IO[bytes] = open(source, "rb") if own else source  # type: ignore[arg-type, assignment]
    name = str(source) if own else getattr(source, "name", "input")
    try:
        head = fh.read(_SNIFF)
        codec = codecs.lookup(encoding).name if encoding else sniff_encoding(head, name)
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        consumed = 0
        data = head
        first = True
        while True:
            final = not data
            buffered = len(decoder.getstate()[0])  # bytes of a character cut by the last block
            try:
                text = decoder.decode(data, final=final)
            except UnicodeDecodeError as exc:
                where = consumed - buffered + exc.start
                raise ValueError(f"{name}: not valid {codec}: {exc.reason} at byte offset {where}") from None
            if first and text:
                text = text.removeprefix("\ufeff")
                first = False
            if text:
                yield text
            if final:
                return
            consumed += len(data)
            data = fh.read(block)
    finally:
        if own:
            fh.close()


def extract_file(path: str | os.PathLike[str] | IO[bytes], *, encoding: str | None = None,
                 reference_date: dt.date | None = None, max_chars: int = MAX_CHARS, jobs: int = 1
                 ) -> Iterator[Passage]:
    """:func:`extract` over a file of any size, passage by passage, with bounded memory;
    offsets are characters from the start of the decoded file (see :func:`read_chunks`)."""
    return extract_passages(read_chunks(path, encoding=encoding, block=max(1 << 16, max_chars)),
                            reference_date=reference_date, max_chars=max_chars, jobs=jobs)


# ---- JSON ---------------------------------------------------------------------------------------------------

def to_json(obj: BaseModel, **dump: Any) -> str:
    """``obj`` as one line of JSON. Lone surrogates (which ``str`` allows and UTF-8
    does not) are written as ``\\udXXX`` escapes, so the line can always be written
    as UTF-8 and ``json.loads`` gives the same string back.

    >>> to_json(extract("\\ud800 ١٢"), include={"text"})
    '{"text": "\\\\ud800 ١٢"}'
    """
    return _escape_surrogates(json.dumps(obj.model_dump(mode="json", **dump), ensure_ascii=False))

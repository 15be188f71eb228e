"""The ``arabic-stats`` command.

``main(argv)`` parses the arguments and returns the exit status: 0, 1 when some input
could not be read (the others are still processed), 2 for a usage error. Everything
heavy is imported inside the subcommands, so ``--help`` and start-up stay fast.
"""
from __future__ import annotations

import argparse
import codecs
import datetime as dt
import json
import os
import re
import sys
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from .encoding import byte_order_mark, detect_encoding

if TYPE_CHECKING:  # pragma: no cover
    from .models import Extraction

__all__ = ["InputError", "decode", "main", "run"]

PROG = "arabic-stats"
FORMATS = ("json", "jsonl", "csv", "table", "html")
ONLY = ("facts", "numbers", "dates", "all")
#: Files inside a walked directory with these suffixes are always read (and their
#: problems reported); other files are read only if they turn out to be text.
TEXT_SUFFIXES = {".txt", ".text"}
#: A progress bar is drawn on a terminal's stderr from this many files on.
PROGRESS_MIN_FILES = 10
STDIN_NAME = "<stdin>"


class InputError(Exception):
    """An input that cannot be read as text; the message is the reason."""


# ---- reading ------------------------------------------------------------------------------------

_SNIFF = 8192


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text in ``data``: decoded with ``encoding`` if given, else detected among
    UTF-8, UTF-8/UTF-16/UTF-32 with a byte order mark, and Windows-1256 (Arabic), by
    :func:`arabic_stats.encoding.detect_encoding`, the detector the API uses too.

    Raises :class:`InputError` naming the reason (binary data, undecodable bytes).

    >>> decode("عدد".encode("cp1256"))
    'عدد'
    >>> decode(b"\\xef\\xbb\\xbf" + "عدد".encode())
    'عدد'
    """
    detected = encoding is None
    if encoding is None:
        try:
            encoding = detect_encoding(data, option="--encoding ")
        except ValueError as exc:
            raise InputError(str(exc)) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if detected and byte_order_mark(data):
            label = encoding.upper().removesuffix("-SIG")
            raise InputError(f"starts with a {label} byte order mark but is not valid {label} "
                             f"(offset {exc.start})") from None
        raise InputError(f"not valid {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
    except LookupError:
        raise InputError(f"unknown encoding: {encoding}") from None
    return text.removeprefix("\ufeff")


@dataclass(frozen=True)
class Source:
    """One input: a path, or stdin (``path`` None). ``named`` is true for a path given
    on the command line or a ``*.txt`` file found in a directory; other files found
    in a directory are skipped quietly when they are not text."""

    name: str
    path: Path | None
    named: bool = True

    def read(self, encoding: str | None) -> str:
        try:
            if not self.named and self.path is not None and encoding is None:
                with self.path.open("rb") as fh:  # a file that was not asked for: look before reading it all
                    head = fh.read(_SNIFF)
                if b"\x00" in head and not byte_order_mark(head):
                    raise InputError("binary file")
            data = self.path.read_bytes() if self.path is not None else _stdin_bytes()
        except FileNotFoundError:
            raise InputError("no such file") from None
        except IsADirectoryError:
            raise InputError("is a directory") from None
        except PermissionError:
            raise InputError("permission denied") from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}") from None
        return decode(data, encoding)


def _stdin_bytes() -> bytes:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    return buffer.read() if buffer is not None else stream.read().encode("utf-8")


def expand(items: list[str]) -> list[Source]:
    """Sources in command-line order; directories are walked recursively in name order,
    leaving out hidden files and directories."""
    sources: list[Source] = []
    for item in items:
        if item == "-":
            sources.append(Source(STDIN_NAME, None))
            continue
        path = Path(item)
        if not path.is_dir():
            sources.append(Source(item, path))
            continue
        found = []
        for top, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += [Path(top, f) for f in files if not f.startswith(".")]
        for p in sorted(found, key=lambda p: p.parts):
            sources.append(Source(str(p), p, named=p.suffix.lower() in TEXT_SUFFIXES))
    return sources


# ---- reporting -----------------------------------------------------------------------------------

class Reporter:
    """Everything the command says on stderr: one line per bad input, a progress bar on
    a terminal, and the closing count."""

    def __init__(self, stream: IO[str], total: int, quiet: bool = False) -> None:
        self.stream = stream
        self.total = total
        self.quiet = quiet
        self.records = self.errors = self.skipped = self.done = 0
        isatty = getattr(stream, "isatty", None)
        self.bar = not quiet and total >= PROGRESS_MIN_FILES and bool(isatty and isatty())
        self._drawn = 0.0

    def _clear(self) -> None:
        if self.bar:
            self.stream.write("\r\x1b[K")

    def error(self, name: str, reason: str) -> None:
        self.errors += 1
        self.done += 1
        self._clear()
        self.stream.write(f"{PROG}: {name}: {reason}\n")
        self.progress(force=True)

    def skip(self) -> None:
        self.skipped += 1
        self.done += 1

    def record(self) -> None:
        self.records += 1
        self.done += 1
        self.progress()

    def progress(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self.bar or (not force and now - self._drawn < 0.1 and self.done < self.total):
            return
        self._drawn = now
        width = 30
        filled = width * self.done // max(self.total, 1)
        self.stream.write(f"\r{PROG} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files")
        self.stream.flush()

    def summary(self) -> None:
        self._clear()
        if self.quiet:
            return
        parts = [f"{self.records} record{'s' * (self.records != 1)}", f"{self.errors} error{'s' * (self.errors != 1)}"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped (not text)")
        self.stream.write(f"{PROG}: {', '.join(parts)}\n")


# ---- display width and bidi isolation, for the table format ------------------------------------------

_FSI, _PDI = "\u2068", "\u2069"  # first-strong isolate ... pop directional isolate
_CONTROL = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def display_width(s: str) -> int:
    """Terminal columns ``s`` takes: combining marks (Arabic diacritics) and format
    characters take none, East Asian wide characters two."""
    width = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    return width


def _clip(s: str, limit: int, keep_end: bool = False) -> str:
    """``s`` cut to ``limit`` terminal columns with an ellipsis, keeping its start (or,
    for a file name, its end)."""
    if display_width(s) <= limit:
        return s
    out, width = [], 0
    for c in reversed(s) if keep_end else s:
        w = display_width(c)
        if width + w > limit - 1:
            break
        out.append(c)
        width += w
    return "…" + "".join(reversed(out)) if keep_end else "".join(out) + "…"


def _rtl(s: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in s)


def table(columns: list[str], body: list[list[str]], numeric: set[str], limit: int = 40) -> list[str]:
    """Aligned lines for a terminal. Each cell with right-to-left text is wrapped in a
    bidi isolate (FSI ... PDI), so a terminal that applies the Unicode bidi algorithm
    shows it right-to-left inside its own column and cannot pull the neighbouring
    numbers across; widths count terminal columns, not characters."""
    clean = [[_clip(_CONTROL.sub(" ", cell).translate(_BIDI_CONTROLS), limit, keep_end=columns[i] == "file")
              for i, cell in enumerate(row)] for row in body]
    widths = [max([display_width(c), *(display_width(r[i]) for r in clean)]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        out = []
        for i, (cell, width) in enumerate(zip(cells, widths)):
            pad = " " * (width - display_width(cell))
            shown = f"{_FSI}{cell}{_PDI}" if _rtl(cell) else cell
            out.append(pad + shown if columns[i] in numeric else shown + pad)
        return "  ".join(out).rstrip()

    return [line(columns), "  ".join("-" * w for w in widths), *(line(r) for r in clean)]


# ---- output formats --------------------------------------------------------------------------------

_TABLE_COLUMNS = {
    "facts": ["metric", "count", "qualifier", "platform", "year", "role", "text"],
    "numbers": ["start", "value", "kind", "qualifier", "text"],
    "dates": ["start", "start_date", "end_date", "granularity", "text"],
}
_TABLE_NUMERIC = {"count", "value", "year", "start"}


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class Writer:
    """Writes records as they come. ``kinds`` are the lists asked for (``--only``)."""

    def __init__(self, out: IO[str], kinds: tuple[str, ...], many: bool) -> None:
        self.out, self.kinds, self.many = out, kinds, many

    def start(self) -> None:
        pass

    def write(self, name: str, ext: Any) -> None:
        """Write the result of one input: an Extraction, or what :meth:`prepare` made of it."""
        raise NotImplementedError

    def finish(self) -> None:
        pass

    def prepare(self) -> Callable[[Extraction], Any] | None:
        """What to make of each Extraction where it is made (in the workers with --jobs):
        a picklable function, or None to receive the Extraction itself."""
        return None


def _record_body(ext: Extraction, include: frozenset[str]) -> dict[str, Any]:
    """The JSON record of an extraction, without its file name (made in the workers)."""
    return ext.model_dump(mode="json", include=include)


def _record_line(ext: Extraction, include: frozenset[str]) -> str:
    """The JSON line of an extraction, without its file name, serialized where it is made
    (in the workers: one string travels back instead of a tree of small objects, and the
    writing process has only the file name to add)."""
    return json.dumps(ext.model_dump(mode="json", include=include), ensure_ascii=False)


class JsonlWriter(Writer):
    def included(self) -> frozenset[str]:
        """The fields of an Extraction a record keeps."""
        lists = set(self.kinds) | ({"checks"} if "facts" in self.kinds else set())
        return frozenset({"text", "reference_date", *lists})

    def prepare(self) -> Callable[[Extraction], Any]:
        return partial(_record_line, include=self.included())

    def write(self, name: str, body: str) -> None:
        # body is a JSON object, never empty (it holds the text): the record is the same
        # object with "file" first, exactly as json.dumps({"file": name, **fields}) writes it
        self.out.write('{"file": ' + json.dumps(name, ensure_ascii=False) + ", " + body[1:] + "\n")


class JsonWriter(JsonlWriter):
    """One object for one input, an array for several."""

    count = 0

    def prepare(self) -> Callable[[Extraction], Any]:
        return partial(_record_body, include=self.included())

    def record(self, name: str, body: dict[str, Any]) -> dict[str, Any]:
        return {"file": name, **body}

    def start(self) -> None:
        if self.many:
            self.out.write("[")

    def write(self, name: str, body: dict[str, Any]) -> None:
        text = json.dumps(self.record(name, body), ensure_ascii=False, indent=2)
        if self.many:
            text = ("," if self.count else "") + "\n" + text
        self.out.write(text if self.many else text + "\n")
        self.count += 1

    def finish(self) -> None:
        if self.many:
            self.out.write("\n]\n" if self.count else "]\n")


class CsvWriter(Writer):
    def start(self) -> None:
        import csv

        from .frames import COLUMNS

        (self.what,) = self.kinds
        self.columns = COLUMNS[self.what]
        self.csv = csv.writer(self.out, lineterminator="\n")
        self.csv.writerow(["file", *self.columns])

    def write(self, name: str, ext: Extraction) -> None:
        from .frames import rows

        for row in rows(ext, self.what):
            self.csv.writerow([name, *(_csv_value(row[c]) for c in self.columns)])


class TableWriter(Writer):
    """Buffers the rows (column widths depend on all of them), then prints one aligned
    table per kind."""

    def start(self) -> None:
        self.bodies: dict[str, list[list[str]]] = {k: [] for k in self.kinds}
        self.records = 0

    def write(self, name: str, ext: Extraction) -> None:
        from .frames import format_count, rows

        self.records += 1
        for what in self.kinds:
            for row in rows(ext, what):
                cells = [format_count(row[c]) if c in ("count", "value") else _csv_value(row[c])
                         for c in _TABLE_COLUMNS[what]]
                self.bodies[what].append([name, *cells] if self.many else cells)

    def finish(self) -> None:
        for i, (what, body) in enumerate(self.bodies.items()):
            lines = []
            if len(self.kinds) > 1:
                lines.append(("\n" if i else "") + f"{what} ({len(body)})")
            if body:
                columns = (["file"] if self.many else []) + _TABLE_COLUMNS[what]
                lines += table(columns, body, _TABLE_NUMERIC)
            elif len(self.kinds) == 1 and self.records:
                lines.append(f"no {what} found")
            self.out.write("".join(line + "\n" for line in lines))


class HtmlWriter(Writer):
    def start(self) -> None:
        from .render import page_head

        self.out.write(page_head())

    def write(self, name: str, ext: Extraction) -> None:
        from .render import page_section

        what = self.kinds[0] if len(self.kinds) == 1 else "all"
        self.out.write(page_section(ext, what, name))

    def finish(self) -> None:
        from .render import page_tail

        self.out.write(page_tail())


WRITERS: dict[str, type[Writer]] = {"json": JsonWriter, "jsonl": JsonlWriter, "csv": CsvWriter,
                                    "table": TableWriter, "html": HtmlWriter}


# ---- subcommands -------------------------------------------------------------------------------------

class UsageError(Exception):
    """A usage error found after parsing: exit status 2."""


def _date_arg(value: str) -> dt.date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r}: {exc}") from None


def _jobs_arg(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return jobs


def _encoding_arg(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def _extractions(sources: list[Source], args: argparse.Namespace, report: Reporter,
                 then: Callable[[Extraction], Any] | None = None) -> Iterator[tuple[str, Any]]:
    """``(name, extraction)`` for every readable source, in input order, through
    :func:`arabic_stats.extract_many` (``--jobs``); with ``then``, ``(name,
    then(extraction))``, computed in the workers. Unreadable sources are reported and
    left out; if extraction itself fails on a text, that text is reported and the rest
    goes on."""
    from .stream import extract_many

    def run(texts: Iterator[str]) -> Iterator[Any]:
        return extract_many(texts, reference_date=args.reference_date, jobs=args.jobs, then=then)

    def readable() -> Iterator[tuple[str, str]]:
        for src in sources:
            try:
                text = src.read(args.encoding)
            except InputError as exc:
                if src.named:
                    report.error(src.name, str(exc))
                else:
                    report.skip()
                continue
            yield src.name, text

    fresh = readable()
    pending: deque[tuple[str, str]] = deque()  # handed to extract_many, result not yet back

    def feed(replay: list[tuple[str, str]]) -> Iterator[str]:
        for item in chain(replay, fresh):
            pending.append(item)
            yield item[1]

    replay: list[tuple[str, str]] = []
    while True:
        try:
            for ext in run(feed(replay)):
                yield pending.popleft()[0], ext
            return
        except Exception as exc:  # a bug in extraction: name the text, then go on with the others
            if not pending:
                raise
            name, _ = pending.popleft()
            report.error(name, f"extraction failed: {type(exc).__name__}: {exc}")
            replay = list(pending)
            pending.clear()


def _open_output(path: str | None) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def cmd_extract(args: argparse.Namespace) -> int:
    fmt = args.format
    only = args.only or ("facts" if fmt in ("csv", "table") else "all")
    if fmt == "csv" and only == "all":
        raise UsageError("csv writes one kind of row: choose --only facts, numbers or dates")
    if args.files.count("-") > 1:
        raise UsageError("'-' (stdin) can be given only once")
    sources = expand(args.files)
    many = len(sources) != 1
    fmt = fmt or ("jsonl" if many else "json")
    kinds = ("numbers", "dates", "facts") if only == "all" else (only,)
    report = Reporter(sys.stderr, len(sources), quiet=args.quiet)
    out = _open_output(args.output)
    writer = WRITERS[fmt](out, kinds, many)
    try:
        writer.start()
        for name, ext in _extractions(sources, args, report, writer.prepare()):
            writer.write(name, ext)
            report.record()
        writer.finish()
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
        report.summary()
    return 1 if report.errors else 0


def _texts(values: list[str], encoding: str | None = None) -> Iterator[str]:
    """The TEXT arguments; ``-`` (or none) reads stdin, one text per line."""
    for value in values or ["-"]:
        if value == "-":
            yield from (line for line in decode(_stdin_bytes(), encoding).splitlines() if line.strip())
        else:
            yield value


def cmd_normalize(args: argparse.Namespace) -> int:
    from .normalize import normalize

    if args.text:
        for text in args.text:
            sys.stdout.write(normalize(text, fold_teh_marbuta=args.fold_teh_marbuta, fold_hamza=args.fold_hamza) + "\n")
        return 0
    try:
        text = decode(_stdin_bytes(), args.encoding)
    except InputError as exc:
        sys.stderr.write(f"{PROG}: {STDIN_NAME}: {exc}\n")
        return 1
    sys.stdout.write(normalize(text, fold_teh_marbuta=args.fold_teh_marbuta, fold_hamza=args.fold_hamza))
    return 0


def _parse_each(values: list[str], parse: Callable[[str], Any], what: str, value_only: bool) -> int:
    status = 0
    try:
        for text in _texts(values):
            result = parse(text)
            if result is None:
                sys.stderr.write(f"{PROG}: {text!r}: not {what}\n")
                status = 1
                continue
            dumped = result.model_dump(mode="json")
            line = json.dumps(dumped["value"], ensure_ascii=False) if value_only else json.dumps(
                {"text": text, **dumped}, ensure_ascii=False)
            sys.stdout.write(line + "\n")
    except InputError as exc:
        sys.stderr.write(f"{PROG}: {STDIN_NAME}: {exc}\n")
        return 1
    return status


def cmd_number(args: argparse.Namespace) -> int:
    from .numbers import parse_number

    return _parse_each(args.text, parse_number, "a number", args.value)


def cmd_date(args: argparse.Namespace) -> int:
    from .dates import parse_date

    def parse(text: str) -> Any:
        try:
            options = {"yearless": args.yearless} if args.yearless else {}
            return parse_date(text, reference_date=args.reference_date, **options)
        except ValueError as exc:  # an unknown --yearless policy
            raise UsageError(str(exc)) from None

    return _parse_each(args.text, parse, "a date", False)


def record_schema() -> dict[str, Any]:
    """The JSON Schema of a record of ``arabic-stats extract``: an
    :class:`~arabic_stats.Extraction` with the name of its input in ``file``."""
    from .models import Extraction

    schema = Extraction.model_json_schema()
    schema["title"] = "ExtractionRecord"
    schema["description"] = ("One record of `arabic-stats extract`: an Extraction and the file it was read from. "
                             "With --only, the lists not asked for are left out.")
    schema["properties"] = {"file": {"description": f"the input file, or {STDIN_NAME!r}", "title": "File",
                                     "type": "string"}, **schema["properties"]}
    schema["required"] = ["file", *schema.get("required", [])]
    return schema


def cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


# ---- the parser ---------------------------------------------------------------------------------------

class _Help(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog=PROG, formatter_class=_Help,
        description="Numbers, dates and facts from Arabic news text.",
        epilog="examples:\n"
               "  arabic-stats extract article.txt\n"
               "  arabic-stats extract news/ --format csv --only facts --output facts.csv\n"
               '  arabic-stats number "مليون و268 ألف و153"\n'
               '  arabic-stats date "17 إلى 21 ماي 2025"\n\n'
               "Run 'arabic-stats COMMAND --help' for the options of a command.")
    from . import __version__

    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "extract", formatter_class=_Help, help="numbers, dates and facts of text files",
        description="Read text files and write what was found in them: one record per input, in input order.",
        epilog="examples:\n"
               "  arabic-stats extract article.txt                     # one JSON object\n"
               "  arabic-stats extract أخبار/ --jobs 4 > out.jsonl     # a directory, one JSON line per file\n"
               "  arabic-stats extract a.txt --format table --only facts\n"
               "  arabic-stats extract a.txt --format html --output a.html\n"
               '  echo "بلغ عدد المنخرطين مليون و268 ألف و153 منخرط" | arabic-stats extract - --format table '
               "--only numbers\n\n"
               "Unreadable files are reported on stderr and skipped; the exit status is then 1.")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="text file, directory (walked recursively) or - for stdin")
    p.add_argument("-f", "--format", choices=FORMATS, default=None,
                   help="json (default for one input), jsonl (default for several), csv, table or html")
    p.add_argument("--only", choices=ONLY, default=None,
                   help="what to write (default: all; facts for csv and table)")
    p.add_argument("--reference-date", type=_date_arg, metavar="YYYY-MM-DD",
                   help="the articles' date, for relative dates")
    p.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    p.add_argument("-j", "--jobs", type=_jobs_arg, default=1, metavar="N",
                   help="processes to use (0: one per CPU); the output keeps the input order")
    p.add_argument("--encoding", type=_encoding_arg, default=None,
                   help="encoding of the files (default: detect UTF-8, UTF-8/UTF-16 with BOM, Windows-1256)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no closing count on stderr")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser(
        "normalize", formatter_class=_Help, help="clean Arabic text (diacritics, digits, letter variants)",
        description="Print TEXT normalized: no diacritics or tatweel, Western digits, one alef.",
        epilog='example:\n  arabic-stats normalize "ثَلاثُمِائَةٍ وَخَمْسُونَ"      # ثلاثمائة وخمسون')
    p.add_argument("text", nargs="*", metavar="TEXT", help="text to normalize (default: stdin)")
    p.add_argument("--fold-teh-marbuta", action="store_true", help="also write ة as ه")
    p.add_argument("--fold-hamza", action="store_true", help="also write ؤ ئ as و ي")
    p.add_argument("--encoding", type=_encoding_arg, default=None, help="encoding of stdin (default: detect)")
    p.set_defaults(run=cmd_normalize)

    p = sub.add_parser(
        "number", formatter_class=_Help, help="the value of a number written in Arabic",
        description="Print the value of each TEXT, which must be one number expression, as a JSON line.",
        epilog='examples:\n  arabic-stats number "مليون و268 ألف و153"\n'
               '  arabic-stats number --value "حوالي مليونين و400 ألف"      # 2400000')
    p.add_argument("text", nargs="*", metavar="TEXT", help="number expression (- or none: one per line of stdin)")
    p.add_argument("--value", action="store_true", help="print the value only")
    p.set_defaults(run=cmd_number)

    p = sub.add_parser(
        "date", formatter_class=_Help, help="the days a date written in Arabic covers",
        description="Print the dates of each TEXT, which must be one date expression, as a JSON line "
                    "(start and end inclusive).",
        epilog='examples:\n  arabic-stats date "17 إلى 21 ماي 2025"\n'
               '  arabic-stats date "أمس" --reference-date 2025-12-17\n'
               '  arabic-stats date "17 ماي" --reference-date 2025-12-17 --yearless future')
    p.add_argument("text", nargs="*", metavar="TEXT", help="date expression (- or none: one per line of stdin)")
    p.add_argument("--reference-date", type=_date_arg, metavar="YYYY-MM-DD",
                   help="the article's date, for relative dates and dates without a year")
    p.add_argument("--yearless", metavar="POLICY",
                   help="where a date without a year falls: news (the default), past, future or nearest "
                        "(see docs/dates.md)")
    p.set_defaults(run=cmd_date)

    p = sub.add_parser(
        "schema", formatter_class=_Help, help="the JSON Schema of the records 'extract' writes",
        description="Print the JSON Schema of one record of 'arabic-stats extract'.",
        epilog="example:\n  arabic-stats schema > schema.json\n"
               '  arabic-stats extract خبر.txt | python -m json.tool')
    p.set_defaults(run=cmd_schema)
    return top


def _utf8(stream: IO[str]) -> None:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run ``arabic-stats`` with ``argv`` (default: the command line); return the exit
    status."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    top = parser()
    try:
        args = top.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else 0
    if args.command is None:
        top.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except UsageError as exc:
        sys.stderr.write(f"{PROG} {args.command}: error: {exc}\n")
        return 2
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def run() -> NoReturn:
    """The ``arabic-stats`` console script and ``python -m arabic_stats``: :func:`main`
    on the command line, then an immediate exit. Once the output is flushed nothing is
    left to do, and the interpreter's own teardown (freeing every module, model and
    compiled pattern one by one) would add about a sixth to a one-file run."""
    status = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        status = status or 1
    os._exit(status)

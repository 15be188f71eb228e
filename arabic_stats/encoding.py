"""Which encoding a file of Arabic text is in: the one detector of the package.

The command line (:func:`arabic_stats.cli.decode`) and the API
(:func:`arabic_stats.stream.read_chunks`, :func:`~arabic_stats.stream.sniff_encoding`)
both use :func:`detect_encoding`, so a file reads the same way everywhere. No imports
beyond the standard library: the command line loads it before anything heavy.
"""
from __future__ import annotations

import codecs

__all__ = ["byte_order_mark", "detect_encoding"]

# UTF-32 first: its little-endian mark starts like UTF-16's
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _arabic_share(text: str) -> float:
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 1.0
    return sum(1 for c in wide if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff") / len(wide)


def byte_order_mark(data: bytes) -> bool:
    """Whether ``data`` starts with a UTF-8, UTF-16 or UTF-32 byte order mark."""
    return data.startswith(tuple(bom for bom, _ in _BOMS))


def detect_encoding(data: bytes, *, complete: bool = True, option: str = "encoding=") -> str:
    """The encoding of ``data`` (a whole file, or its first block when ``complete`` is
    false): a byte order mark (UTF-8, UTF-16, UTF-32), else UTF-8, else Windows-1256 when
    that reads as Arabic. Raises ValueError with the reason otherwise, ending with how to
    give an encoding: ``option`` is ``"encoding="`` for the API, ``"--encoding "`` for
    the command line.

    This is the one detector of the package: the command line and :func:`read_chunks`
    both use it, so a file reads the same way everywhere.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    if b"\x00" in data:
        raise ValueError("binary file (it contains NUL bytes); if it is UTF-16 without a byte order mark, "
                         f"pass {option}utf-16-le")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(data, final=complete)  # a first block may end inside a character
        return "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc
    # Mostly valid UTF-8 with a few broken bytes is damaged UTF-8, not Windows-1256.
    loose = data.decode("utf-8", errors="replace")
    broken = loose.count("\ufffd")
    if len([c for c in loose if ord(c) > 0x7F]) - broken > broken:
        raise ValueError(f"not valid UTF-8: byte 0x{data[bad.start]:02x} at offset {bad.start}")
    if _arabic_share(data.decode("cp1256", errors="replace")) >= 0.5:
        return "cp1256"
    raise ValueError(f"undecodable: not UTF-8 (byte 0x{data[bad.start]:02x} at offset {bad.start}) and not "
                     f"Arabic Windows-1256 text; pass {option.strip()}")

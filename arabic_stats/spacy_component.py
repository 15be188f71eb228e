"""arabic_stats as a spaCy pipeline component (``pip install 'arabic-stats[spacy]'``)::

    import spacy
    nlp = spacy.blank("ar")
    nlp.add_pipe("arabic_stats", config={"reference_date": "2025-12-17"})
    doc = nlp("بلغ عدد المنخرطين مليون و268 ألف و153 منخرط")
    [(s.text, s.label_) for s in doc.spans["arabic_stats"]]
    # [('مليون و268 ألف و153', 'NUMBER')]

The factory ``"arabic_stats"`` is registered through the ``spacy_factories`` entry
point, so ``add_pipe`` finds it without ``import arabic_stats``. The component puts every
number, date and fact of the text in ``doc.spans[spans_key]`` (labels ``NUMBER``,
``ORDINAL``, ``PERCENT``, ``DATE``, ``FACT``) and the whole
:class:`~arabic_stats.Extraction` in ``doc._.arabic_stats``. It reads the text itself:
spaCy's Arabic ``like_num`` and ``norm_`` are not used. Spans are placed with
``doc.char_span(..., alignment_mode="expand")`` because spaCy keeps ``و268`` as one token,
so a span may start a clitic early.

The Extraction survives ``Doc.to_bytes``/``from_bytes``, ``DocBin`` and
``nlp.pipe(texts, n_process=2)``: the module registers a msgpack encoder and decoder
for it with srsly, spaCy's serializer.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from .extract import extract
from .models import Extraction
from .render import labelled_spans

__all__ = ["ArabicStats", "make_arabic_stats"]

EXTENSION = "arabic_stats"
_PACKED = "__arabic_stats_extraction__"


# spaCy serializes a Doc's extension values with msgpack (Doc.to_bytes, DocBin, and
# nlp.pipe(n_process=...) sending docs back from its workers): teach it an Extraction.
@srsly.msgpack_encoders("arabic_stats")
def _pack(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, Extraction):
        return {_PACKED: obj.model_dump(mode="json")}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("arabic_stats")
def _unpack(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and _PACKED in obj:
        return Extraction.model_validate(obj[_PACKED])
    return obj if chain is None else chain(obj)


def _reference(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"arabic_stats: reference_date must be an ISO date (YYYY-MM-DD) or null, "
                         f"got {value!r}") from None


class ArabicStats:
    """Finds numbers, dates and facts in a Doc (see the module documentation)."""

    def __init__(self, nlp: Language, name: str = "arabic_stats", *, reference_date: str | None = None,
                 spans_key: str = "arabic_stats") -> None:
        self.name = name
        self.reference_date = _reference(reference_date)
        self.spans_key = spans_key
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)

    def __call__(self, doc: Doc, reference_date: str | dt.date | None = None) -> Doc:
        """``reference_date`` overrides the configured one for this call, e.g.
        ``nlp(text, component_cfg={"arabic_stats": {"reference_date": "2025-12-17"}})``."""
        ref = _reference(reference_date) if reference_date is not None else self.reference_date
        extraction = extract(doc.text, ref)
        spans = []
        for start, end, label, _ in labelled_spans(extraction):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.set(EXTENSION, extraction)
        return doc


@Language.factory("arabic_stats", default_config={"reference_date": None, "spans_key": "arabic_stats"})
def make_arabic_stats(nlp: Language, name: str, reference_date: str | None, spans_key: str) -> ArabicStats:
    """The ``"arabic_stats"`` factory: ``nlp.add_pipe("arabic_stats", config={...})``."""
    return ArabicStats(nlp, name, reference_date=reference_date, spans_key=spans_key)

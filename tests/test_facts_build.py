"""How facts are built, apart from what they say: the result models made without
``model_construct`` are the objects it would make, and the shortcuts of the facts stage
find what a plain scan finds."""
from __future__ import annotations

import datetime as dt
import pickle

import arabic_stats
from arabic_stats.models import Fact, Span, _construct

TEXT = ("أعلنت المديرية العامة للأمن الوطني أنها أوقفت خلال شهر ماي 2025 ما مجموعه 6862 شخصا، "
        "وبلغ عدد متابعي صفحتها على فيسبوك 1,197,335 متابعا. "
        "وأضافت المديرية العامة للأمن الوطني أن 5 ملايين درهم حجزت.")


def _same(a: object, b: object) -> None:
    assert a == b and repr(a) == repr(b)
    assert a.model_fields_set == b.model_fields_set
    assert a.__pydantic_extra__ == b.__pydantic_extra__
    assert a.__pydantic_private__ == b.__pydantic_private__
    assert list(a.__dict__) == list(b.__dict__)


def test_facts_are_built_as_model_construct_would_build_them() -> None:
    ex = arabic_stats.extract(TEXT, reference_date=dt.date(2025, 6, 1))
    assert len(ex.facts) >= 3 and any(f.period for f in ex.facts) and any(f.subject for f in ex.facts)
    for f in ex.facts:
        want = Fact.model_construct(**{k: getattr(f, k) for k in Fact.model_fields})
        _same(f, want)
        _same(f.sentence, Span.model_construct(start=f.sentence.start, end=f.sentence.end))
        assert Fact.model_validate(f.model_dump()) == f
        assert pickle.loads(pickle.dumps(f)) == f
    assert pickle.loads(pickle.dumps(ex)) == ex
    assert type(ex).model_validate_json(ex.model_dump_json()) == ex


def test_construct_falls_back_to_model_construct_for_other_models() -> None:
    from pydantic import BaseModel, Field

    class Aliased(BaseModel):
        x: int = Field(alias="y")

    assert _construct(Aliased, {"y": 1}).x == 1
    _same(_construct(Span, {"start": 1, "end": 2}), Span.model_construct(start=1, end=2))

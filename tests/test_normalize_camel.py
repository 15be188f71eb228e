"""Our folds agree with CAMeL Tools' on generated Arabic text.

camel_tools is an optional extra (``pip install -e ".[camel]"``); the module is skipped
where it is not installed. CI installs it, so these tests run there.
"""
from __future__ import annotations

import pytest
from hypothesis import given

from arabic_stats import normalize, normalize_with_map
from strategies import ALEF_VARIANTS, CAMEL_DIACRITICS, camel_text

dediac = pytest.importorskip("camel_tools.utils.dediac")
camel_normalize = pytest.importorskip("camel_tools.utils.normalize")


def camel(text: str) -> str:
    """CAMeL's dediacritization, then its alef and alef-maqsura folds."""
    text = dediac.dediac_ar(text)
    text = camel_normalize.normalize_alef_ar(text)
    return camel_normalize.normalize_alef_maksura_ar(text)


@given(camel_text())
def test_dediacritization_agrees(text: str) -> None:
    # without alef variants or alef maqsura only the diacritics differ
    plain = "".join(c for c in text if c not in ALEF_VARIANTS + "ى")
    assert normalize(plain) == dediac.dediac_ar(plain)


@given(camel_text())
def test_alef_fold_agrees(text: str) -> None:
    bare = "".join(c for c in text if c not in CAMEL_DIACRITICS + "ى")
    assert normalize(bare) == camel_normalize.normalize_alef_ar(bare)


@given(camel_text())
def test_alef_maksura_fold_agrees(text: str) -> None:
    bare = "".join(c for c in text if c not in CAMEL_DIACRITICS + ALEF_VARIANTS)
    assert normalize(bare) == camel_normalize.normalize_alef_maksura_ar(bare)


@given(camel_text())
def test_all_folds_agree(text: str) -> None:
    assert normalize(text) == camel(text)


@given(camel_text())
def test_match_form_agrees_with_teh_marbuta_fold(text: str) -> None:
    bare = "".join(c for c in text if c not in "ؤئ")  # hamza seats: a fold CAMeL does not make
    assert normalize_with_map(bare).match == camel_normalize.normalize_teh_marbuta_ar(camel(bare))


def test_the_examples_camel_documents() -> None:
    assert normalize("أَحْمَد") == camel("أَحْمَد") == "احمد"
    assert normalize("مُسْتَشْفَى") == camel("مُسْتَشْفَى") == "مستشفي"
    assert normalize("ٱلْقُرْآن") == camel("ٱلْقُرْآن") == "القران"

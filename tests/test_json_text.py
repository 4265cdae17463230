"""The fast indented JSON writer gives exactly what `json.dumps(..., indent=2)` gives."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilotc.json_text import dumps_indented

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.tuples(children, children)
        | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


def expected(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@given(VALUES)
@settings(max_examples=400)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert dumps_indented(value) == expected(value)


class Colour(StrEnum):
    RED = "red"


def test_what_it_leaves_to_json_dumps_still_comes_out_the_same() -> None:
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    for value in (
        {"kind": Colour.RED},  # a str subclass
        {1: "one", None: [True]},  # keys json.dumps converts
        [{"nested": {"deep": [1.5, float("nan"), float("-inf"), 'é\n"\\u2028']}}],
    ):
        assert dumps_indented(value) == expected(value)
    with pytest.raises(ValueError, match="Circular reference"):  # json.dumps's own error
        dumps_indented(cyclic)

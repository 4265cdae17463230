"""The indented JSON writer gives exactly what `json.dumps(..., indent=2)` gives, then `escaped`
(the characters no reader should meet raw as `\\u` escapes), and the same value."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilotc.output.json_text import dumps_indented, escaped

# what records are made of; integers beyond 64 bits go to json.dumps
SCALARS = st.none() | st.booleans() | st.integers() | st.text()
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
    return escaped(json.dumps(value, ensure_ascii=False, indent=2))


@given(VALUES)
@settings(max_examples=400)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert dumps_indented(value) == expected(value)
    assert json.loads(dumps_indented(value)) == json.loads(json.dumps(value))


def test_every_character_is_escaped_as_json_dumps_escapes_it() -> None:
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    assert dumps_indented([everything]) == expected([everything])


class Colour(StrEnum):
    RED = "red"


def test_what_orjson_refuses_comes_out_as_json_dumps_writes_it() -> None:
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    for value in (
        {"kind": Colour.RED},  # a str subclass (orjson writes it itself)
        {1: "one", None: [True]},  # keys json.dumps converts
        [2**64, -(2**63) - 1],  # beyond 64 bits
        ["\ud800"],  # a lone surrogate
    ):
        assert dumps_indented(value) == expected(value)
    deep: Any = []
    for _ in range(300):  # deeper than orjson goes
        deep = [deep]
    assert dumps_indented(deep) == expected(deep)
    with pytest.raises(ValueError, match="Circular reference"):  # json.dumps's own error
        dumps_indented(cyclic)

"""The YAML reader: plain values only, bounded, and every failure located."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilotc.store.yaml import reader as safe_yaml
from ilotc.store.yaml.reader import (
    _MAYBE_NOT_STRING,
    MAX_DEPTH,
    PositionIndex,
    YamlProblem,
    _plain_scalar,
    decode,
    parse_yaml,
    read_yaml,
)


def problem(text: str) -> tuple[int, int, str]:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    return caught.value.line, caught.value.column, caught.value.message


def test_core_schema_scalars() -> None:
    data = parse_yaml("a: [x, NO, yes, 2000-04-30, '2000-04', 1.5, ~, true, 12, 0x1F]\n")
    assert data == {"a": ["x", "NO", "yes", "2000-04-30", "2000-04", 1.5, None, True, 12, 31]}


def test_explicit_core_tags_are_read() -> None:
    assert parse_yaml("a: !!str 276\nb: !!int '7'\n") == {"a": "276", "b": 7}


def test_duplicate_key_is_located_at_the_second_key() -> None:
    assert problem("a: 1\nb: 2\na: 3\n") == (
        3,
        1,
        "duplicate key 'a' (first defined on line 1); each key may appear once",
    )


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo hacked']\n",
        "a: !!python/name:os.system\n",
        "a: !custom value\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x}\n",
    ],
)
def test_tags_that_build_objects_are_refused(text: str) -> None:
    line, column, message = problem(text)
    assert (line, column) == (1, 4)
    assert "is not allowed: data files hold plain YAML values only" in message


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        previous, name = chr(96 + n), chr(97 + n)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    line, _, message = problem("\n".join(lines) + "\n")
    assert "aliases expand the data to more than" in message
    assert line <= 7


def test_small_aliases_are_allowed() -> None:
    assert parse_yaml("a: &x {k: 1}\nb: *x\n") == {"a": {"k": 1}, "b": {"k": 1}}


def _amplified(size: int, aliases: int) -> str:
    return f"big: &big {'x' * size}\nrefs:\n" + "- *big\n" * aliases


def test_aliases_may_not_make_the_data_four_times_the_file() -> None:
    text = _amplified(100_000, 20_000)
    line, column, message = problem(text)
    # the data counts each scalar's characters plus one; the alias that crosses the bound is
    # the first one that takes the data past 4 times the text's length
    own = len("big") + 1 + 100_000 + 1 + len("refs") + 1 + 1
    crossing = next(n for n in range(1, 20_001) if own + n * 100_001 > 4 * len(text))
    assert (line, column) == (2 + crossing, 3)
    assert message == (
        "aliases expand the data to more than 4 times the size of the file; "
        "write the data out instead of repeating it through aliases"
    )


def test_aliases_within_the_bound_are_read() -> None:
    text = _amplified(1000, 2)
    assert parse_yaml(text)["refs"] == ["x" * 1000] * 2


def test_aliases_never_expand_past_the_absolute_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_yaml, "MAX_ALIASED_SIZE", 2**20)  # 64 MiB in real use
    text = _amplified(100_000, 12) + "pad: " + "y" * 1_000_000 + "\n"
    line, column, message = problem(text)
    assert (line, column) == (2 + 10, 3)
    assert message.startswith("aliases expand the data to more than 1 MiB;")


def test_deep_nesting_is_refused_without_crashing() -> None:
    depth = 100_000
    line, column, message = problem("[" * depth + "]" * depth)
    assert (line, column) == (1, MAX_DEPTH + 1)
    assert message == f"nesting is deeper than {MAX_DEPTH} levels"


@pytest.mark.parametrize("opening", ["[", "{a: ", "[{a: "])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 999, 1001, 5000])
def test_ilotcs_nesting_limit_applies_before_the_parsers(opening: str, depth: int) -> None:
    # libyaml's scanner has a flow nesting limit of its own (1000 in PyYAML 6.0.4), reached
    # while it looks ahead; ilotc's lower limit still gives the position and the message
    text = "k: " + opening * depth
    line, column, message = problem(text)
    brackets = [n for n, char in enumerate(text) if char in "[{"]
    assert (line, column) == (1, brackets[MAX_DEPTH - 1] + 1)  # under `k`, the 100th is one too many
    assert message == f"nesting is deeper than {MAX_DEPTH} levels"


def test_duplicate_keys_are_all_reported_and_reading_goes_on() -> None:
    read = read_yaml("a: 1\nb:\n  c: 2\n  c: 3\na: 4\nd: [x\n")
    assert read.stopped  # the syntax error at the end stops it, the duplicates found are kept
    assert [(p.line, p.column, p.message) for p in read.problems[:2]] == [
        (4, 3, "duplicate key 'c' (first defined on line 3); each key may appear once"),
        (5, 1, "duplicate key 'a' (first defined on line 1); each key may appear once"),
    ]
    assert len(read.problems) == 3
    read = read_yaml("a: 1\nb: 2\na: 3\n")
    assert not read.stopped
    assert read.data == {"a": 3, "b": 2}  # the later value, as the position index has it
    assert [p.line for p in read.problems] == [3]


def test_tab_indentation_says_to_use_spaces() -> None:
    assert problem("a:\n\tb: 1\n") == (
        2,
        1,
        "a tab character cannot indent YAML; indent with spaces",
    )


def test_file_cut_off_mid_string() -> None:
    line, column, message = problem("a: 1\nb: 'unterminated\n")
    assert (line, column) == (2, 4)  # where the string starts, not a line past the end
    assert message  # the parser's own words: not pinned


def test_second_document_is_refused() -> None:
    assert problem("a: 1\n---\nb: 2\n")[:2] == (2, 1)


def test_control_character_is_located() -> None:
    line, column, message = problem("a: ok\nb: x\x01y\n")
    assert (line, column) == (2, 5)
    assert "is not allowed in a YAML file" in message


def test_complex_keys_are_refused() -> None:
    assert problem("? [a, b]\n: 1\n")[2] == "a mapping key must be a plain value, not a list or mapping"


def test_undefined_alias() -> None:
    assert "names no anchor" in problem("a: *nothing\n")[2]


def test_multi_megabyte_scalar_is_fine() -> None:
    big = "x" * 5_000_000
    assert parse_yaml(f"a: {big}\n") == {"a": big}


def test_bom_and_crlf_are_valid() -> None:
    text = decode("\ufeffa: 1\r\nb: [x]\r\n".encode())
    assert parse_yaml(text) == {"a": 1, "b": ["x"]}


def test_latin1_bytes_are_located() -> None:
    with pytest.raises(YamlProblem) as caught:
        decode("a: ok\nb: Genève\n".encode("latin-1"))
    assert (caught.value.line, caught.value.column) == (2, 7)
    assert caught.value.message == "byte 0xE8 is not valid UTF-8; the file must be saved as UTF-8 text"


def test_empty_text_is_none() -> None:
    assert parse_yaml("") is None
    assert parse_yaml("# only a comment\n") is None


def test_positions_of_values_and_keys() -> None:
    text = "x:\n  - id: a\n    é: 1\n  - id: b\n    k: [1, 2]\n"
    index = PositionIndex(text)
    assert index.locate(("x", 1, "k", 1)) == (5, 12)
    assert index.locate(("x", 0, "é"), at_key=True) == (3, 5)
    assert index.locate(("x", 0, "é")) == (3, 8)
    # a key that is not there: the deepest value found
    assert index.locate(("x", 0, "missing")) == (2, 5)


@given(st.text(min_size=1, max_size=12).filter(lambda text: text == text.strip()))
@settings(max_examples=500)
def test_plain_scalars_that_cannot_be_anything_else_skip_the_core_schema(value: str) -> None:
    # The reader takes a plain scalar whose first character starts no null, boolean or number
    # of the core schema as a string without trying the schema's patterns; that must be what
    # the patterns would say. (A plain scalar never starts or ends with white space.)
    if value[0] not in _MAYBE_NOT_STRING:
        assert _plain_scalar(value) is value


CORE_VALUES = ["~", "null", "Null", "NULL", "true", "False", "12", "-3", "+4", "0o17", "0x1F", "1.5", ".5"]
NEAR_CORE_VALUES = ["1e3", "-.inf", ".Inf", ".nan", "no", "n", "nulls", "t", "12a", "."]


@pytest.mark.parametrize("value", CORE_VALUES + NEAR_CORE_VALUES)
def test_every_first_character_of_a_core_value_is_checked(value: str) -> None:
    assert value[0] in _MAYBE_NOT_STRING
    assert repr(parse_yaml(f"a: {value}\n")) == repr({"a": _plain_scalar(value)})


def test_a_number_too_long_for_python_is_a_located_problem() -> None:
    assert problem("a: 1\nb: " + "7" * 5000 + "\n") == (
        2,
        4,
        "a number of 5000 characters is too long to read; quote it if it is text",
    )
    assert problem("a: !!int " + "7" * 5000 + "\n")[:2] == (1, 4)

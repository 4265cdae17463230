"""Read YAML text into plain Python data, safely, reporting problems with positions.

The data is built straight from the parser's event stream (libyaml's C parser where it
is available) rather than from PyYAML's composer and constructors, because that lets us:
- refuse every tag that would build a Python object (only the YAML core types are built);
- bound nesting depth (libyaml's own composer recurses in C and crashes on deep input);
- bound alias expansion ("billion laughs");
- report a duplicate key as a problem instead of silently keeping the last value;
- read scalars by the YAML 1.2 core schema, so `NO` (Norway) stays a string and
  `2000-04-30` stays the date string the schema expects, as JSON Schema tools read it.
Positions are looked up only when a problem needs one (see `PositionIndex`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from ilotc.problems import Problem, Severity

try:  # the C parser is much faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

MAX_DEPTH = 100
MAX_ALIAS_EXPANSION = 100_000

_CORE = "tag:yaml.org,2002:"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


class YamlProblem(Exception):
    """Reading stopped at a problem that leaves no usable data."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


@dataclass(slots=True)
class Position:
    """Where a value (and, in a mapping, its key) stands.

    `line`/`column` are 1-based; `start`, `end` and `key_start` are character offsets into
    the text (`end` is just past the value's last character, for a block collection just
    past its last scalar), used to edit the text in place.
    """

    line: int
    column: int
    key_line: int | None = None
    key_column: int | None = None
    start: int = 0
    end: int = 0
    key_start: int | None = None
    flow: bool = False
    items: int = 0


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _plain_scalar(value: str) -> Any:
    """The YAML 1.2 core schema's reading of an untagged plain scalar."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _INT_OCT.match(value):
        return int(value[2:], 8)
    if _INT_HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NAN.match(value):
        return float("nan")
    return value


_TAG_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "float": (int, float),
    "bool": bool,
    "null": type(None),
}


def _too_long(value: str, mark: Any) -> YamlProblem:
    line, column = _mark(mark)
    return YamlProblem(
        line,
        column,
        f"a number of {len(value)} characters is too long to read; quote it if it is text",
    )


def _tagged_scalar(tag: str, value: str, mark: Any) -> Any:
    """A scalar with an explicit core tag (`!!str 276`); any other tag is refused."""
    if tag in ("!", _CORE + "str"):
        return value
    kind = tag.removeprefix(_CORE)
    try:
        parsed: Any = _plain_scalar(value)
    except ValueError:
        raise _too_long(value, mark) from None
    expected = _TAG_TYPES.get(kind)
    if expected is None:
        raise _refused_tag(tag, mark)
    if (kind == "int" and isinstance(parsed, bool)) or not isinstance(parsed, expected):
        line, column = _mark(mark)
        raise YamlProblem(line, column, f"{value!r} is not a valid !!{kind}")
    return float(str(parsed)) if kind == "float" else parsed


def _refused_tag(tag: str, mark: Any) -> YamlProblem:
    line, column = _mark(mark)
    tag = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
    return YamlProblem(
        line,
        column,
        f"the tag {tag} is not allowed: data files hold plain YAML values only "
        "(strings, numbers, booleans, null, mappings and lists)",
    )


def _events(text: str) -> Iterator[Any]:
    loader = _EventLoader(text)
    try:
        get_event = loader.get_event
        while (event := get_event()) is not None:
            yield event
    finally:
        loader.dispose()


_SCALAR = yaml.ScalarEvent
_MAPPING_START = yaml.MappingStartEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_ALIAS = yaml.AliasEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_KEY_NOT_PLAIN = "a mapping key must be a plain value, not a list or mapping"
# A plain scalar that starts with none of these characters is a string under the core schema.
_MAYBE_NOT_STRING = frozenset("~nNtTfF0123456789+-.")


@dataclass(slots=True)
class _Frame:
    container: Any  # dict or list
    is_list: bool
    anchor: str | None
    size: int
    pending_key: Any = None
    key_mark: Any = None
    has_key: bool = False
    first_keys: dict[str, Any] | None = None


class _Builder:
    """Builds Python data from parser events with bounded depth and alias expansion."""

    def __init__(self) -> None:
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.expanded = 0
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.documents = 0

    def add(self, value: Any, size: int, mark: Any, key_allowed: bool = True) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        frame.size += size
        if frame.is_list:
            frame.container.append(value)
        elif not frame.has_key:
            if not key_allowed:
                line, column = _mark(mark)
                raise YamlProblem(line, column, _KEY_NOT_PLAIN)
            frame.pending_key, frame.key_mark, frame.has_key = value, mark, True
        else:
            self._set(frame, value)

    @staticmethod
    def _set(frame: _Frame, value: Any) -> None:
        key = frame.pending_key
        key_text = key if isinstance(key, str) else _key_text(key)
        container = frame.container
        if key_text in container:
            first = frame.first_keys.get(key_text) if frame.first_keys else None
            line, column = _mark(frame.key_mark)
            where = f" (first defined on line {_mark(first)[0]})" if first is not None else ""
            raise YamlProblem(line, column, f"duplicate key {key_text!r}{where}; each key may appear once")
        container[key_text] = value
        if frame.first_keys is None:
            frame.first_keys = {}
        frame.first_keys[key_text] = frame.key_mark
        frame.has_key = False

    def open(self, is_list: bool, anchor: str | None, mark: Any) -> None:
        stack = self.stack
        if stack and not stack[-1].is_list and not stack[-1].has_key:
            line, column = _mark(mark)
            raise YamlProblem(line, column, _KEY_NOT_PLAIN)
        if len(stack) >= MAX_DEPTH:
            line, column = _mark(mark)
            raise YamlProblem(line, column, f"nesting is deeper than {MAX_DEPTH} levels")
        stack.append(_Frame([] if is_list else {}, is_list, anchor, 1))

    def close(self, mark: Any) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, frame.size)
        self.add(frame.container, frame.size, mark, key_allowed=False)

    def alias(self, anchor: str, mark: Any) -> None:
        if anchor not in self.anchors:
            line, column = _mark(mark)
            raise YamlProblem(line, column, f"the alias *{anchor} names no anchor defined before it")
        value, size = self.anchors[anchor]
        self.expanded += size
        if self.expanded > MAX_ALIAS_EXPANSION:
            line, column = _mark(mark)
            raise YamlProblem(
                line,
                column,
                f"aliases expand to more than {MAX_ALIAS_EXPANSION} values; "
                "write the data out instead of repeating it through aliases",
            )
        self.add(value, size, mark, key_allowed=not isinstance(value, (dict, list)))

    def build(self, events: Iterator[Any]) -> None:
        """Consume the events. The common cases (a plain scalar, in a list or as a mapping's
        key or value) are handled inline: this loop runs once per value of the file."""
        stack = self.stack
        set_value = self._set
        plain = _plain_scalar
        maybe_not_string = _MAYBE_NOT_STRING
        for event in events:
            kind = event.__class__
            if kind is _SCALAR:
                tag = event.tag
                if tag is None or (tag == "!" and event.implicit[1]):
                    value = event.value
                    if event.implicit[0] and (not value or value[0] in maybe_not_string):
                        try:
                            value = plain(value)
                        except ValueError:  # Python refuses to read integers of 4,300+ digits
                            raise _too_long(value, event.start_mark) from None
                else:
                    value = _tagged_scalar(tag, event.value, event.start_mark)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
                if not stack:
                    self.result = value
                    continue
                frame = stack[-1]
                frame.size += 1
                if frame.is_list:
                    frame.container.append(value)
                elif frame.has_key:
                    set_value(frame, value)
                else:
                    frame.pending_key, frame.key_mark, frame.has_key = value, event.start_mark, True
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                is_list = kind is _SEQUENCE_START
                if event.tag not in (None, "!", _CORE + ("seq" if is_list else "map")):
                    raise _refused_tag(event.tag, event.start_mark)
                self.open(is_list, event.anchor, event.start_mark)
            elif kind in _COLLECTION_END:
                self.close(event.start_mark)
            elif kind is _ALIAS:
                self.alias(event.anchor, event.start_mark)
            elif kind is _DOCUMENT_START:
                self.documents += 1
                if self.documents > 1:
                    line, column = _mark(event.start_mark)
                    raise YamlProblem(line, column, "expected one YAML document, found a second one")


def _key_text(key: Any) -> str:
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def parse_yaml(text: str) -> Any:
    """Parse one YAML document into dicts, lists and scalars; raise YamlProblem on failure."""
    builder = _Builder()
    try:
        builder.build(_events(text))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _mark(mark)
        message = error.problem or "invalid YAML"
        if error.context:
            message = f"{message} ({error.context})"
        raise YamlProblem(line, column, _explain(message, text, mark)) from None
    except yaml.reader.ReaderError as error:
        line, column = _line_column(text, error.position)
        raise YamlProblem(
            line, column, f"character {error.character!r} is not allowed in a YAML file"
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, 1, f"invalid YAML: {error}") from None
    return builder.result


def _explain(message: str, text: str, mark: Any) -> str:
    """Say what YAML expected, in a user's words, for the most common slips."""
    if "tab character" in message or _char_at(text, mark) == "\t":
        return "a tab character cannot indent YAML; indent with spaces"
    return message


def _char_at(text: str, mark: Any) -> str:
    if mark is None:
        return ""
    line: int = mark.line
    column: int = mark.column
    lines = text.split("\n", line + 1)
    if line >= len(lines) or column >= len(lines[line]):
        return ""
    return lines[line][column]


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes) -> str:
    """UTF-8 text (a leading BOM dropped); raise YamlProblem at the first undecodable byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        start_of_line = before.rfind(b"\n") + 1
        column = len(before[start_of_line:].decode("utf-8", errors="replace")) + 1
        byte = raw[error.start]
        raise YamlProblem(
            line,
            column,
            f"byte 0x{byte:02X} is not valid UTF-8; the file must be saved as UTF-8 text",
        ) from None


def problem_at(path: str, error: YamlProblem) -> Problem:
    """The problem a YamlProblem stands for, in file `path`."""
    return Problem(path, error.line, error.column, Severity.ERROR, error.message, "")


class PositionIndex:
    """Where each value of a document stands, keyed by its path of keys and indexes.

    Built only when problems need positions, by parsing the text a second time.
    """

    def __init__(self, text: str) -> None:
        self._positions: dict[tuple[str | int, ...], Position] = {}
        # the data parsed once already, so a failure here is not expected; keep what was indexed
        with contextlib.suppress(yaml.YAMLError):
            self._index(text)

    def _index(self, text: str) -> None:
        # each frame: [path, is_mapping, next index, pending key, key mark, own Position]
        stack: list[list[Any]] = []
        positions = self._positions

        def place(event: Any) -> tuple[tuple[str | int, ...], Position] | None:
            mark = event.start_mark
            line, column = _mark(mark)
            if not stack:
                positions[()] = Position(line, column, start=mark.index, end=event.end_mark.index)
                return (), positions[()]
            frame = stack[-1]
            path, is_mapping = frame[0], frame[1]
            if frame[5] is not None:
                frame[5].items += 0 if is_mapping and frame[3] is None else 1
            if is_mapping:
                if frame[3] is None:
                    return None  # this event is a key; the caller records it
                key, key_mark = frame[3], frame[4]
                frame[3] = None
                child = (*path, key)
                key_line, key_column = _mark(key_mark)
                positions[child] = Position(
                    line, column, key_line, key_column, mark.index, event.end_mark.index, key_mark.index
                )
                return child, positions[child]
            child = (*path, frame[2])
            frame[2] += 1
            positions[child] = Position(line, column, start=mark.index, end=event.end_mark.index)
            return child, positions[child]

        def reached(index: int) -> None:
            for frame in stack:
                if frame[5] is not None:
                    frame[5].end = index

        for event in _events(text):
            kind = type(event).__name__
            if kind in ("ScalarEvent", "AliasEvent"):
                if place(event) is None:
                    stack[-1][3] = getattr(event, "value", "")
                    stack[-1][4] = event.start_mark
                else:
                    reached(event.end_mark.index)
            elif kind in ("MappingStartEvent", "SequenceStartEvent"):
                placed = place(event)
                if placed is None:  # a complex key: index it under a placeholder
                    stack[-1][3], stack[-1][4] = "?", event.start_mark
                    placed = place(event)
                where, position = placed if placed is not None else ((), None)
                if position is not None:
                    position.flow = bool(event.flow_style)
                stack.append([where, kind == "MappingStartEvent", 0, None, None, position])
            elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                frame = stack.pop()
                if frame[5] is not None and frame[5].flow:
                    frame[5].end = event.end_mark.index
                    reached(event.end_mark.index)

    def get(self, parts: tuple[str | int, ...]) -> Position | None:
        """The exact position of the value at `parts`, or None."""
        return self._positions.get(parts)

    def locate(self, parts: tuple[str | int, ...], *, at_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `parts`, or of its key with `at_key`.

        Parts that name no value (a union's branch in a validation error) are skipped, and
        a path that goes past the document's values stops at the deepest value it reaches.
        """
        found: tuple[str | int, ...] = ()
        for part in parts:
            candidate = (*found, part)
            if candidate in self._positions:
                found = candidate
            elif isinstance(part, int) and (*found, str(part)) in self._positions:
                found = (*found, str(part))
        position = self._positions.get(found, Position(1, 1))
        if at_key and found == parts and position.key_line is not None:
            return position.key_line, position.key_column or 1
        return position.line, position.column

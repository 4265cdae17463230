"""Read YAML text into plain Python data, safely, reporting problems with positions.

The data is built straight from the parser's event stream (libyaml's C parser where it
is available) rather than from PyYAML's composer and constructors, because that lets us:
- refuse every tag that would build a Python object (only the YAML core types are built);
- bound nesting depth (libyaml's own composer recurses in C and crashes on deep input);
- bound alias expansion ("billion laughs"): by the size of the data, not the count of aliases;
- report a duplicate key as a problem (and go on reading) instead of keeping the last value
  silently;
- read scalars by the YAML 1.2 core schema, so `NO` (Norway) stays a string and
  `2000-04-30` stays the date string the schema expects, as JSON Schema tools read it.
Positions are looked up only when a problem needs one (see `ilotc.store.yaml.positions`).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import yaml

from ilotc.i18n import N_, _
from ilotc.store.problems import Problem, Severity
from ilotc.store.yaml.events import YamlProblem, events, may_nest_deeper_than, syntax_problem
from ilotc.store.yaml.events import mark_position as _mark
from ilotc.store.yaml.positions import Position, PositionIndex

__all__ = [
    "MAX_DEPTH",
    "Position",
    "PositionIndex",
    "Read",
    "YamlProblem",
    "decode",
    "parse_yaml",
    "problem_at",
    "read_yaml",
]

MAX_DEPTH = 100
# Aliases may make the data at most this many times the size of the file's text, and never
# larger than MAX_ALIASED_SIZE characters (CONTRACT, "Untrusted content").
ALIAS_GROWTH = 4
MAX_ALIASED_SIZE = 64 * 2**20

_CORE = "tag:yaml.org,2002:"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


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
        _("a number of {count} characters is too long to read; quote it if it is text").format(
            count=len(value)
        ),
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
        raise YamlProblem(line, column, _("{value!r} is not a valid !!{kind}").format(value=value, kind=kind))
    return float(str(parsed)) if kind == "float" else parsed


def _refused_tag(tag: str, mark: Any) -> YamlProblem:
    line, column = _mark(mark)
    tag = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
    return YamlProblem(
        line,
        column,
        _(
            "the tag {tag} is not allowed: data files hold plain YAML values only "
            "(strings, numbers, booleans, null, mappings and lists)"
        ).format(tag=tag),
    )


_SCALAR = yaml.ScalarEvent
_MAPPING_START = yaml.MappingStartEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_ALIAS = yaml.AliasEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_KEY_NOT_PLAIN = N_("a mapping key must be a plain value, not a list or mapping")
# A plain scalar that starts with none of these characters is a string under the core schema.
_MAYBE_NOT_STRING = frozenset("~nNtTfF0123456789+-.")


@dataclass(slots=True)
class _Frame:
    container: Any  # dict or list
    is_list: bool
    anchor: str | None
    start: int  # the data's size when the collection opened
    pending_key: Any = None
    key_mark: Any = None
    has_key: bool = False
    first_keys: dict[str, Any] | None = None


class _Builder:
    """Builds Python data from parser events with bounded depth and alias expansion.

    `size` measures the data built so far: each scalar counts its characters plus one, each
    collection one, and an alias the size of what it repeats.
    """

    def __init__(self, text_size: int) -> None:
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.size = 0
        self.max_size = min(ALIAS_GROWTH * text_size, MAX_ALIASED_SIZE)
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.documents = 0
        self.problems: list[YamlProblem] = []  # problems after which reading goes on

    def add(self, value: Any, mark: Any, key_allowed: bool = True) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        if frame.is_list:
            frame.container.append(value)
        elif not frame.has_key:
            if not key_allowed:
                line, column = _mark(mark)
                raise YamlProblem(line, column, _(_KEY_NOT_PLAIN))
            frame.pending_key, frame.key_mark, frame.has_key = value, mark, True
        else:
            self._set(frame, value)

    def _set(self, frame: _Frame, value: Any) -> None:
        key = frame.pending_key
        key_text = key if isinstance(key, str) else _key_text(key)
        container = frame.container
        if key_text in container:
            # reported, and the later value kept (as positions of the text are indexed), so that
            # reading goes on and the rest of the file is checked in the same run
            first = frame.first_keys.get(key_text) if frame.first_keys else None
            line, column = _mark(frame.key_mark)
            if first is None:
                message = _("duplicate key {key!r}; each key may appear once").format(key=key_text)
            else:
                message = _("duplicate key {key!r} (first defined on line {line}); each key may appear once")
                message = message.format(key=key_text, line=_mark(first)[0])
            self.problems.append(YamlProblem(line, column, message))
        container[key_text] = value
        if frame.first_keys is None:
            frame.first_keys = {}
        frame.first_keys.setdefault(key_text, frame.key_mark)
        frame.has_key = False

    def open(self, is_list: bool, anchor: str | None, mark: Any) -> None:
        stack = self.stack
        if stack and not stack[-1].is_list and not stack[-1].has_key:
            line, column = _mark(mark)
            raise YamlProblem(line, column, _(_KEY_NOT_PLAIN))
        if len(stack) >= MAX_DEPTH:
            line, column = _mark(mark)
            raise YamlProblem(
                line, column, _("nesting is deeper than {count} levels").format(count=MAX_DEPTH)
            )
        stack.append(_Frame([] if is_list else {}, is_list, anchor, self.size))
        self.size += 1

    def close(self, mark: Any) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, self.size - frame.start)
        self.add(frame.container, mark, key_allowed=False)

    def alias(self, anchor: str, mark: Any) -> None:
        if anchor not in self.anchors:
            line, column = _mark(mark)
            raise YamlProblem(
                line, column, _("the alias *{anchor} names no anchor defined before it").format(anchor=anchor)
            )
        value, size = self.anchors[anchor]
        self.size += size
        if self.size > self.max_size:
            line, column = _mark(mark)
            bound = (
                _("{size} MiB").format(size=MAX_ALIASED_SIZE // 2**20)
                if self.max_size == MAX_ALIASED_SIZE
                else _("{count} times the size of the file").format(count=ALIAS_GROWTH)
            )
            raise YamlProblem(
                line,
                column,
                _(
                    "aliases expand the data to more than {bound}; "
                    "write the data out instead of repeating it through aliases"
                ).format(bound=bound),
            )
        self.add(value, mark, key_allowed=not isinstance(value, (dict, list)))

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
                size = len(event.value) + 1
                self.size += size
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, size)
                if not stack:
                    self.result = value
                    continue
                frame = stack[-1]
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
                    raise YamlProblem(line, column, _("expected one YAML document, found a second one"))


def _key_text(key: Any) -> str:
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


class Read(NamedTuple):
    """What reading a document gave: its data (None when reading stopped early) and every
    problem found, in the order found."""

    data: Any
    problems: list[YamlProblem]
    stopped: bool


def parse_yaml(text: str) -> Any:
    """Parse one YAML document into dicts, lists and scalars; raise YamlProblem at the first
    problem, even one after which reading could go on (such as a duplicate key)."""
    read = read_yaml(text)
    if read.problems:
        raise read.problems[0]
    return read.data


def read_yaml(text: str) -> Read:
    """Read one YAML document, going on after problems that leave the rest readable.

    Reading stops (`stopped`, no data) at a syntax error, a refused tag, too deep a nesting
    or aliases expanding too far; the problems found before it are kept.
    """
    builder = _Builder(len(text))
    try:
        try:
            builder.build(events(text))
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            if mark is None or not may_nest_deeper_than(text, mark.index, MAX_DEPTH):
                raise
            # the fast parser stopped at a nesting limit of its own: read again with the
            # pure-Python parser, so that ilotc's limit applies, where it is crossed
            builder = _Builder(len(text))
            builder.build(events(text, pure=True))
    except YamlProblem as problem:
        return Read(None, [*builder.problems, problem], stopped=True)
    except yaml.YAMLError as error:
        return Read(None, [*builder.problems, syntax_problem(text, error)], stopped=True)
    return Read(builder.result, builder.problems, stopped=False)


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
            _("byte 0x{byte:02X} is not valid UTF-8; the file must be saved as UTF-8 text").format(byte=byte),
        ) from None


def problem_at(path: str, error: YamlProblem) -> Problem:
    """The problem a YamlProblem stands for, in file `path`."""
    return Problem(path, error.line, error.column, Severity.ERROR, error.message, "")

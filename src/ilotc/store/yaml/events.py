"""The YAML parser's event stream (libyaml's C parser or PyYAML's own), its errors as problems.

Both parsers give the same events. The C parser is much faster, but the one in PyYAML 6.0.4
refuses flow nesting deeper than 1000 levels while its scanner looks ahead for a mapping key,
before any event reaches ilotc's own, lower, nesting limit. `events(text, pure=True)` reads
with the pure-Python parser, which has no such limit, so that ilotc's limit (with its
position and message) applies whatever the version of libyaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from ilotc.i18n import N_, _

try:  # the C parser is much faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _FastLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _FastLoader  # type: ignore[assignment]

_BRACKETS = re.compile(r"[\[\]{}]")

# The parser's own words that carry no value from the file, translated as they stand (the
# others, which quote the file, stay in PyYAML's English).
_PARSER_WORDS = frozenset(
    (
        N_("mapping values are not allowed here"),
        N_("could not find expected ':'"),
        N_("did not find expected key"),
        N_("did not find expected '-' indicator"),
        N_("did not find expected ',' or ']'"),
        N_("found unexpected end of stream"),
        N_("found undefined tag handle"),
        N_("expected a comment or a line break"),
        N_("while scanning a simple key"),
        N_("while scanning a plain scalar"),
        N_("while scanning a quoted scalar"),
        N_("while scanning a block scalar"),
        N_("while parsing a block mapping"),
        N_("while parsing a block collection"),
        N_("while parsing a block node"),
        N_("while parsing a flow mapping"),
        N_("while parsing a flow sequence"),
        N_("while parsing a flow node"),
    )
)


def _parser_words(message: str) -> str:
    return _(message) if message in _PARSER_WORDS else message


class YamlProblem(Exception):
    """A problem in a YAML text, at a 1-based line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


def events(text: str, *, pure: bool = False) -> Iterator[Any]:
    """The parser events of `text`; `pure` reads with PyYAML's pure-Python parser."""
    loader = yaml.SafeLoader(text) if pure else _FastLoader(text)
    try:
        get_event = loader.get_event
        while (event := get_event()) is not None:
            yield event
    finally:
        loader.dispose()


def mark_position(mark: Any) -> tuple[int, int]:
    """The 1-based line and column of a parser mark (1, 1 when there is none)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def may_nest_deeper_than(text: str, end: int, depth: int) -> bool:
    """True when the flow brackets before `end` could open more than `depth` levels.

    A cheap over-estimate (brackets inside strings count too), used only after the fast
    parser has failed, to decide whether to read the text again with the pure-Python one.
    """
    level = 0
    for found in _BRACKETS.finditer(text, 0, end):
        level = level + 1 if found.group() in "[{" else max(level - 1, 0)
        if level > depth:
            return True
    return False


def syntax_problem(text: str, error: yaml.YAMLError) -> YamlProblem:
    """The located problem a parser error stands for, in a user's words where we can."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = mark_position(mark)
        if line > _last_line(text):  # the end of the text, past its last line: "[a" unclosed
            start = error.context_mark
            line, column = mark_position(start) if start is not None else _end_of(text)
        message = _parser_words(error.problem) if error.problem else _("invalid YAML")
        if error.context:
            message = _("{problem} ({context})").format(problem=message, context=_parser_words(error.context))
        return YamlProblem(line, column, _explain(message, text, mark))
    if isinstance(error, yaml.reader.ReaderError):
        line, column = _line_column(text, error.position)
        return YamlProblem(
            line, column, _("character {char!r} is not allowed in a YAML file").format(char=error.character)
        )
    return YamlProblem(1, 1, _("invalid YAML: {error}").format(error=error))


def _explain(message: str, text: str, mark: Any) -> str:
    """Say what YAML expected, in a user's words, for the most common slips."""
    if "tab character" in message or _char_at(text, mark) == "\t":
        return _("a tab character cannot indent YAML; indent with spaces")
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


def _last_line(text: str) -> int:
    """The number of the last line that holds anything, or 1 in an empty text."""
    return max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)


def _end_of(text: str) -> tuple[int, int]:
    """The line and column just past the last character of the last line."""
    line = _last_line(text)
    return line, len(text.rstrip("\n").rsplit("\n", 1)[-1].removesuffix("\r")) + 1


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1

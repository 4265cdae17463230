"""Where each value of a YAML document stands: positions for problems and in-place edits."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import yaml

from ilotc.store.yaml.events import events, mark_position


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
            line, column = mark_position(mark)
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
                key_line, key_column = mark_position(key_mark)
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

        for event in events(text):
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

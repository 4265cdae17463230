"""What the cross-field checks share: a report that places each problem, and readers of raw data.

The checks run over data that may have failed its schema, so these readers skip whatever
is malformed (the schema's problems say so) instead of failing on it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ilotc.i18n import _
from ilotc.store.problems import Problem, Severity, pointer_of

Path = tuple[str | int, ...]
Locate = Callable[[Path, bool], tuple[int, int]]
M = TypeVar("M", bound=BaseModel)


class Report:
    """The problems of one file, each placed by `locate` at the line and column of its path."""

    def __init__(self, path: str, locate: Locate) -> None:
        self.path = path
        self.locate = locate
        self.problems: list[Problem] = []

    def add(self, where: Path, message: str, severity: Severity = Severity.ERROR) -> None:
        """Note a problem at the data path `where`."""
        line, column = self.locate(where, False)
        self.problems.append(Problem(self.path, line, column, severity, message, pointer_of(where)))

    def line_of(self, where: Path) -> int:
        """The line the data path `where` stands on."""
        return self.locate(where, False)[0]


def suggest(value: str, known: set[str] | frozenset[str]) -> str:
    """'; did you mean ...?' with the closest known id, or nothing when none is close."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return _("; did you mean {close!r}?").format(close=close[0]) if close else ""


def items(container: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings listed under `key`, skipping whatever is malformed (the schema says so)."""
    listed = container.get(key) if isinstance(container, dict) else None
    if isinstance(listed, list):
        for index, item in enumerate(listed):
            if isinstance(item, dict):
                yield index, item


def valid(model: type[M], data: dict[str, Any]) -> M | None:
    """The item as `model`, or None when it fails its schema (reported elsewhere)."""
    try:
        return model.model_validate(data)
    except ValidationError:
        return None

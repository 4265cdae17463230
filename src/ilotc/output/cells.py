"""A listing's columns, and a record value as the plain text of one cell (tables, CSV, Markdown)."""

import json
from collections.abc import Callable
from typing import Any, NamedTuple

from ilotc.i18n import _
from ilotc.output.text import number


def cell(value: Any) -> str:
    """A record value as plain text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(cell(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return number(value)
    return str(value)


class Column(NamedTuple):
    """A column of a listing: record key, header, and how a table shows it."""

    key: str
    header: str
    wrap: bool = False  # long French text wraps within the terminal width
    whole: bool = False  # never broken at a hyphen or slash (dates, numbers)
    style: Callable[[Any, dict[str, Any]], str | None] | None = None
    value: Callable[[dict[str, Any]], Any] | None = None  # a cell derived from the record
    # a second value a table shows under this one, in the same cell (the status under the id),
    # so an 80-column terminal keeps its width for the text
    below: "Column | None" = None
    optional: bool = False  # a table leaves it out where the terminal is too narrow to keep words whole

    def of(self, record: dict[str, Any]) -> Any:
        """This column's value in a record."""
        return self.value(record) if self.value is not None else record.get(self.key)

    @property
    def title(self) -> str:
        """The table header in the interface language: 'Id / status' for a column with a value
        below (tables are headed by `ilotc.model.labels`, marked for the catalogs there)."""
        header = _(self.header)
        return header if self.below is None else f"{header} / {_(self.below.header)}"

    def text(self, record: dict[str, Any]) -> tuple[str, str | None]:
        """This column's value in a record as plain text, and its table style."""
        value = self.of(record)
        return cell(value), self.style(value, record) if self.style else None

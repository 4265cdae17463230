"""Listing documents (list, overdue, upcoming, partners, show): one renderer per format, in one registry.

The CLI derives `--format` of every listing command from `RENDERERS`, and the `-o FILE`
suffixes from each renderer's `written_as` (the format names of `cli.output.SUFFIX_FORMATS`).

A renderer turns records (plain dicts) and the columns a table should show into a document:
text, or a table that the terminal's width lays out (`ilotc.output.table`). JSON carries
every field of every record; the other formats show the listed columns.

Data is data in every format: each renderer passes every value through the one
escaping function of `ilotc.output.text` made for its output kind: `visible` for tables,
`csv_cell` for CSV (RFC 4180 with CRLF rows; formula cells neutralised unless `raw_csv`),
`markdown` for Markdown; JSON strings are escaped by the JSON encoder.
"""

import csv
import io
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from ilotc.model.schedule import short_reading
from ilotc.output.cells import Column, cell
from ilotc.output.office import records_xlsx
from ilotc.output.table import TextTable
from ilotc.output.text import csv_cell, markdown


def to_json(records: Sequence[dict[str, Any]]) -> str:
    """Exactly one JSON document: an array of the records."""
    from ilotc.output.json_text import dumps_indented  # noqa: PLC0415 - lazy: orjson, only for JSON

    return dumps_indented(list(records)) + "\n"


def to_csv(records: Sequence[dict[str, Any]], columns: Sequence[Column], *, raw: bool = False) -> str:
    """A header row, then a row per record; lists joined with '; '.

    RFC 4180: CRLF ends each row, and a field holding a comma, a quote, CR or LF is quoted, so
    a CSV reader finds one row per record. A cell a spreadsheet would run as a formula gets a
    leading `'` unless `raw`.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([csv_cell(column.key, raw=raw) for column in columns])
    for record in records:
        writer.writerow(
            [
                csv_cell("; ".join(map(cell, v)) if isinstance(v := c.of(record), list) else cell(v), raw=raw)
                for c in columns
            ]
        )
    return buffer.getvalue()


def to_markdown(records: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    """A pipe table; every cell escaped (`ilotc.output.text.markdown`); headers are ilotc's own."""
    lines = [
        "| " + " | ".join(column.header for column in columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    for record in records:
        lines.append("| " + " | ".join(markdown(cell(c.of(record))) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def to_table(
    records: Sequence[dict[str, Any]], columns: Sequence[Column], title: str | None = None
) -> "TextTable":
    """A table for the terminal, laid out to its width when written (see output.table)."""
    return TextTable(records, columns, title)


class Renderer(NamedTuple):  # a named tuple, not a dataclass: every listing imports it (docs/performance.md)
    """One listing format: its help, the format names of file suffixes that mean it (those of
    `cli.output.SUFFIX_FORMATS`), and its writer: records, columns, a title and whether CSV
    stays raw in; a document out (text, or a table laid out when written). A `verbatim`
    format is for machines: written byte for byte, its data kept as it is in its strings."""

    help: str
    written_as: tuple[str, ...]
    write: Callable[[Sequence[dict[str, Any]], Sequence[Column], str | None, bool], Any]
    verbatim: bool = False

    def render(
        self,
        records: Sequence[dict[str, Any]],
        columns: Sequence[Column],
        title: str | None,
        *,
        raw_csv: bool = False,
    ) -> "str | bytes | TextTable":
        """The document; the caller writes it."""
        document: str | bytes | TextTable = self.write(records, columns, title, raw_csv)
        return document


def to_xlsx(records: Sequence[dict[str, Any]], columns: Sequence[Column]) -> bytes:
    """A workbook of the listed columns, one sheet per plan, dates as date cells (`output.office`)."""
    keys = [column.key for column in columns]
    rows = [{"plan": record.get("plan"), **{c.key: c.of(record) for c in columns}} for record in records]
    return records_xlsx(rows, keys, "ilotc")


RENDERERS: dict[str, Renderer] = {
    "table": Renderer(
        "a table for people (the default)",
        ("text",),
        lambda records, columns, title, _raw: to_table(records, columns, title),
    ),
    "json": Renderer(
        "one JSON array of records, every field",
        ("json",),
        lambda records, *_: to_json(records),
        verbatim=True,
    ),
    "csv": Renderer(
        "CSV (RFC 4180) with a header row",
        ("csv",),
        lambda records, columns, _title, raw: to_csv(records, columns, raw=raw),
        verbatim=True,
    ),
    "markdown": Renderer(
        "a Markdown pipe table", ("markdown",), lambda records, columns, *_: to_markdown(records, columns)
    ),
    "xlsx": Renderer(
        "a spreadsheet (with -o FILE only): date cells, one sheet per plan",
        ("xlsx",),
        lambda records, columns, *_: to_xlsx(records, columns),
    ),
}
"""The one registry of listing formats, in the order `--format` lists them."""

LISTING_SUFFIX_FORMATS = {name: fmt for fmt, renderer in RENDERERS.items() for name in renderer.written_as}
"""The listing format each file-suffix format name means: `-o list.txt` is a table."""


def render(
    fmt: str,
    records: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    *,
    title: str | None = None,
    raw_csv: bool = False,
) -> "str | bytes | TextTable":
    """The records as the format registered under `fmt` renders them (`raw_csv`: no formula
    neutralising in CSV)."""
    return RENDERERS[fmt].render(records, columns, title, raw_csv=raw_csv)


STATUS_STYLES = {"planned": "", "in_progress": "cyan", "done": "green", "cancelled": "dim"}


def status_style(value: Any, _record: dict[str, Any]) -> str | None:
    """Colour for a status cell."""
    return STATUS_STYLES.get(str(value))


def reads_as(record: dict[str, Any]) -> str:
    """A short reading of an action's schedules: 'deadline 2000-04', 'window 2000-01..2000-12'."""
    return "; ".join(
        short_reading(
            s["kind"], s.get("start"), s.get("due"), s.get("every_months"), s.get("immediate", False)
        )
        for s in record.get("schedules", [])
    )

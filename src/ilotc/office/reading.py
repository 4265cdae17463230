"""Read the tables of a CSV, .xlsx or .docx file as rows of cells, treating the file as untrusted.

Nothing here knows plans: a table is its name (a sheet, "table 2", or the CSV), and rows of
cells numbered as a spreadsheet or Word numbers them, so every problem can say where it is.
- CSV: a byte order mark is accepted; UTF-8, else Windows-1252 (said in `encoding`); the
  separator (`,`, `;` or tab, as Excel writes CSV in each locale) is sniffed.
- .xlsx and .docx are zips: their uncompressed size is bounded before a part is read, as any
  file is (`MAX_UNPACKED`). Formulas are read as the values last cached in the file, never
  evaluated; macros and external links are never loaded, only the cells' data.
- A row whose cells are one merged cell across the table is marked `spanning` (a heading); a
  cell merged down over several rows shows its text on each (Word's tables read so already).
- A text that starts with `'` and then a formula's first character (`=`, `+`, `-`, `@`) is read
  without the `'`: ilotc's own CSV and spreadsheets write it so (`unguarded`).
"""

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

from ilotc import i18n
from ilotc.i18n import _

MAX_UNPACKED = 64 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 256
"""The grid a table may span: a file of a few kilobytes may declare a cell at row 1,048,576
and column 16,384 (or a Word cell spanning millions of columns), and walking that grid would
take hours and gigabytes; a plan's table is far smaller."""
"""The most an .xlsx or .docx may unpack to, as any data file may hold (CONTRACT)."""
SUFFIXES = (".csv", ".xlsx", ".docx")


class OfficeFileError(Exception):
    """A file that cannot be read as a table: its message says why, for people."""


class Cell(NamedTuple):
    """A cell: its text as shown, and its value where the file types it (a date, a number)."""

    text: str
    value: Any = None


class Row(NamedTuple):
    """A row of a table, numbered from 1 as the file's reader shows it."""

    number: int
    cells: tuple[Cell, ...]
    spanning: bool = False  # one merged cell across the whole table


class Table(NamedTuple):
    """A table of a file: a sheet, a Word table, or the CSV itself."""

    name: str
    rows: tuple[Row, ...]


class Place(NamedTuple):
    """Where a cell stands in the source file, for people to find it."""

    table: str
    row: int
    column: int  # 1-based

    def words(self) -> str:
        """'Sheet1, row 4, column C' (a letter for spreadsheets' habit, its number too)."""
        return _("{table}, row {row}, column {column}").format(
            table=self.table, row=self.row, column=_column_letters(self.column)
        )


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Tables(NamedTuple):
    """Every table of a file, and the CSV encoding where there was one to guess."""

    tables: tuple[Table, ...]
    encoding: str | None = None


def read_tables(path: Path) -> Tables:
    """The tables of a .csv, .xlsx or .docx file; OfficeFileError when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise OfficeFileError(_("{path}: expected a .csv, .xlsx or .docx file").format(path=path.name))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise OfficeFileError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error.strerror or error)
        ) from error
    if len(raw) > MAX_UNPACKED:
        raise OfficeFileError(_("{path}: larger than 64 MiB").format(path=path.name))
    if suffix == ".csv":
        return read_csv(raw, path.stem)
    _check_zip(raw, path.name)
    try:
        return read_xlsx(raw) if suffix == ".xlsx" else read_docx(raw)
    except OfficeFileError:
        raise
    except Exception as error:  # a damaged zip or XML: said plainly, never a traceback
        raise OfficeFileError(
            _("{path}: not a readable {kind} file ({reason})").format(
                path=path.name, kind=suffix.lstrip("."), reason=type(error).__name__
            )
        ) from error


def _check_zip(raw: bytes, name: str) -> None:
    """Refuse a zip that is not one, or that would unpack past MAX_UNPACKED (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise OfficeFileError(_("{path}: not a zip file as Office writes them").format(path=name)) from error
    if unpacked > MAX_UNPACKED:
        raise OfficeFileError(
            _("{path}: unpacks to {size} MiB, more than 64 MiB").format(path=name, size=unpacked // 2**20)
        )


def decode_csv(raw: bytes) -> tuple[str, str]:
    """The CSV's text and its encoding: UTF-8 (with or without a BOM), else Windows-1252."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "windows-1252"


def sniff_separator(text: str) -> str:
    """`,`, `;` or tab: the one Excel wrote, judged on the first lines."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {sep: sample.count(sep) for sep in (";", "\t", ",")}
        return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


def _beyond(where: str, row: int, column: int) -> OfficeFileError:
    return OfficeFileError(
        _(
            "{where}: a cell at row {row}, column {column} is beyond what ilotc reads "
            "(at most {rows} rows and {columns} columns)"
        ).format(
            where=where,
            row=i18n.number(row),
            column=i18n.number(column),
            rows=i18n.number(MAX_ROWS),
            columns=i18n.number(MAX_COLUMNS),
        )
    )


def read_csv(raw: bytes, name: str) -> Tables:
    """A CSV's one table (RFC 4180: a quoted cell may hold line breaks)."""
    text, encoding = decode_csv(raw)
    csv.field_size_limit(MAX_UNPACKED)  # a cell may be as long as the file may be
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(text))
    rows = tuple(
        Row(number, tuple(Cell(unguarded(value)) for value in values))
        for number, values in enumerate(reader, start=1)
    )
    return Tables((Table(name, rows),), encoding)


_GUARDED = ("'=", "'+", "'-", "'@", "'\t", "'\r")
"""Texts written with the guard against formulas (CSV's, and `=` in spreadsheets): read back
without it, so an exported text imports as it was."""


def unguarded(text: str) -> str:
    """A cell's text without the leading `'` that keeps a spreadsheet from running it."""
    return text[1:] if text.startswith(_GUARDED) else text


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unguarded(str(value))


def read_xlsx(raw: bytes) -> Tables:
    """Every sheet of a workbook: cached values of formulas, no macros, no external links."""
    import openpyxl  # noqa: PLC0415 - lazy: openpyxl, for spreadsheets only

    book = openpyxl.load_workbook(
        io.BytesIO(raw), data_only=True, keep_vba=False, keep_links=False, rich_text=False
    )
    tables = []
    for sheet in book.worksheets:
        width = sheet.max_column
        if sheet.max_row > MAX_ROWS or width > MAX_COLUMNS:
            raise _beyond(sheet.title, sheet.max_row, width)
        for merged in sheet.merged_cells.ranges:
            if merged.max_row > MAX_ROWS or merged.max_col > MAX_COLUMNS:
                raise _beyond(sheet.title, merged.max_row, merged.max_col)
        spans = {
            merged.min_row
            for merged in sheet.merged_cells.ranges
            if merged.min_col == 1 and merged.max_col >= width > 1 and merged.min_row == merged.max_row
        }
        # a cell merged down (one column, several rows: a goal, an outcome or a timeline shared by
        # the actions beside it) holds its value in its top cell only; each row it covers shows it
        down = {
            (row, merged.min_col): sheet.cell(merged.min_row, merged.min_col).value
            for merged in sheet.merged_cells.ranges
            if merged.min_col == merged.max_col and merged.max_row > merged.min_row
            for row in range(merged.min_row + 1, merged.max_row + 1)
        }
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = tuple(
                Cell(_cell_text(value), value)
                for value in (
                    down.get((number, column), value) for column, value in enumerate(values, start=1)
                )
            )
            rows.append(Row(number, cells, number in spans))
        tables.append(Table(sheet.title, tuple(rows)))
    return Tables(tuple(tables))


def read_docx(raw: bytes) -> Tables:
    """Every table of a Word document, in document order, named "table 1", "table 2"...

    A cell merged across columns is repeated in each (as Word shows it), so a row made of one
    such cell is `spanning`; text keeps its line breaks (paragraphs joined by a newline).
    """
    import docx  # noqa: PLC0415 - lazy: python-docx, for Word files only

    document = docx.Document(io.BytesIO(raw))
    tables = []
    for index, table in enumerate(document.tables, start=1):
        name = _("table {number}").format(number=index)
        rows = []
        for number, row in enumerate(table.rows, start=1):
            # the grid a row declares, before python-docx expands each span into cells
            width = sum(cell.grid_span for cell in row._tr.tc_lst)
            if number > MAX_ROWS or width > MAX_COLUMNS:
                raise _beyond(name, number, width)
            cells = row.cells
            distinct = {id(cell._tc) for cell in cells}
            texts = tuple(Cell(cell.text) for cell in cells)
            rows.append(Row(number, texts, len(cells) > 1 and len(distinct) == 1))
        tables.append(Table(name, tuple(rows)))
    return Tables(tuple(tables))

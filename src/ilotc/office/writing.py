"""Write tables of cells as an .xlsx workbook or a .docx table, for people to open and fill in.

Nothing here knows plans: the caller gives each sheet its headers and rows of values (text,
numbers, dates), and says which columns hold dates and which one is a drop-down list. A
text a spreadsheet would run as a formula (`=...`) is written with the same leading `'` as
CSV; every other text is a text cell, never a formula.
"""

import copy
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any, NamedTuple

FORMULA_START = "="
"""What makes a spreadsheet read a text as a formula, when written as a cell's value."""
_MAX_WIDTH = 60  # a column of long texts wraps at this width (characters) rather than widen
_DATE_FORMAT = "yyyy-mm-dd"


class Choices(NamedTuple):
    """A column whose cells are chosen from a list (a validated drop-down)."""

    column: int  # 0-based
    values: tuple[str, ...]
    prompt: str  # shown when the cell is selected
    error: str  # shown when another value is typed


class Sheet(NamedTuple):
    """One sheet of a workbook."""

    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    choices: Choices | None = None
    blank_rows: int = 0  # rows below the data where a drop-down still applies


def guarded(value: Any) -> Any:
    """A value as a cell holds it: a text starting with `=` gets a leading `'` (CSV's guard)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    cleaned = "".join("_" if char in "[]:*?/\\" else char for char in name).strip("'") or "Sheet"
    title = cleaned[:31]
    number = 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title = cleaned[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(title.casefold())
    return title


def _width(values: Sequence[Any]) -> float:
    longest = 0
    for value in values:
        if isinstance(value, dt.date):
            longest = max(longest, 10)
        elif value is not None:
            longest = max(longest, *(len(line) for line in str(value).split("\n")))
    return min(max(longest, 6), _MAX_WIDTH) + 2


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """A workbook: per sheet a bold frozen header, an autofilter, widths that fit the values
    (long texts wrapped), real date cells, and the drop-down where there is one."""
    from openpyxl import Workbook  # noqa: PLC0415 - lazy: openpyxl, for spreadsheets only
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415 - lazy: as above
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - lazy: as above
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415 - lazy: as above

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    wrap = Alignment(wrap_text=True, vertical="top")
    for spec in sheets:
        sheet = book.create_sheet(sheet_title(spec.name, taken))
        sheet.append([guarded(header) for header in spec.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in spec.rows:
            sheet.append([guarded(value) for value in row])
        for column, header in enumerate(spec.headers, start=1):
            values = [header, *(row[column - 1] if column - 1 < len(row) else None for row in spec.rows)]
            letter = get_column_letter(column)
            sheet.column_dimensions[letter].width = _width(values)
            for cell in sheet[letter][1:]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = _DATE_FORMAT
                cell.alignment = wrap
        last_row = len(spec.rows) + 1
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(spec.headers), 1))}{last_row}"
        if spec.choices is not None:
            listed = ",".join(value.replace('"', "'") for value in spec.choices.values)
            validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            validation.promptTitle = validation.errorTitle = spec.headers[spec.choices.column][:32]
            validation.prompt = spec.choices.prompt
            validation.error = spec.choices.error
            validation.showErrorMessage = validation.showInputMessage = True
            letter = get_column_letter(spec.choices.column + 1)
            validation.add(f"{letter}2:{letter}{last_row + spec.blank_rows}")
            sheet.add_data_validation(validation)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class DocRow(NamedTuple):
    """A row of a Word table: its cells, or one heading merged across the table."""

    cells: Sequence[str]
    heading: bool = False


def docx_bytes(title: str, headers: Sequence[str], rows: Sequence[DocRow]) -> bytes:
    """A Word document: the title, then one table with a bold repeated header row; a heading
    row is one cell merged across the table, in bold. Line breaks in a text are kept."""
    import docx  # noqa: PLC0415 - lazy: python-docx, for Word files only
    from docx.oxml import OxmlElement  # noqa: PLC0415 - lazy: as above
    from docx.oxml.ns import qn  # noqa: PLC0415 - lazy: as above
    from docx.table import _Cell  # noqa: PLC0415 - lazy: as above

    document = docx.Document()
    document.add_heading(title, level=1)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    header = table.rows[0]
    properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)  # the header row repeats on every page
    for cell, text in zip(header.cells, headers, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    # each row's cells from its own XML: python-docx's `add_row`, `row.cells` and `merge` look
    # through the table's rows first, which made a plan of 40,000 actions take minutes
    blank = table.add_row()._tr  # a row of empty cells of the grid's widths, copied for each row
    table._tbl.remove(blank)
    for row in rows:
        tr = copy.deepcopy(blank)
        table._tbl.append(tr)  # rows are the table's last children
        tcs = tr.tc_lst
        if row.heading:  # one cell across the table
            for extra in tcs[1:]:
                tr.remove(extra)
            tcs[0].grid_span = len(tcs)
            _Cell(tcs[0], table).paragraphs[0].add_run(row.cells[0]).bold = True
            continue
        for tc, text in zip(tcs, row.cells, strict=True):
            _Cell(tc, table).paragraphs[0].add_run(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

"""Whatever a text holds (line breaks, quotes, separators, accents, a leading `=`), a cell
written by ilotc reads back as the same text: the layer under import's byte-for-byte promise."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilotc.office.reading import read_csv, read_docx, read_xlsx
from ilotc.office.writing import DocRow, Sheet, docx_bytes, xlsx_bytes

# what a plan's texts hold: printable text and line breaks (control characters are shown
# escaped in every output, so they are not written as they are)
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")) | st.just("\n"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() == t and "\n\n" not in t and not t.startswith("'"))
ROWS = st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=5)
QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(ROWS)
def test_xlsx_cells_read_back_as_written(rows: list[tuple[str, str]]) -> None:
    book = xlsx_bytes([Sheet("s", ["text", "timeline"], rows)])
    (table,) = read_xlsx(book).tables
    assert [tuple(c.text for c in row.cells) for row in table.rows[1:]] == rows


@QUICK
@given(ROWS)
def test_docx_cells_read_back_as_written(rows: list[tuple[str, str]]) -> None:
    document = docx_bytes("t", ["text", "timeline"], [DocRow(list(row)) for row in rows])
    (table,) = read_docx(document).tables
    assert [tuple(c.text for c in row.cells) for row in table.rows[1:]] == rows


@QUICK
@given(ROWS, st.sampled_from([",", ";", "\t"]))
def test_csv_cells_read_back_whatever_the_separator(rows: list[tuple[str, str]], separator: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(["text", "timeline"])
    writer.writerows(rows)
    (table,) = read_csv(buffer.getvalue().encode("utf-8"), "t").tables
    assert [tuple(c.text for c in row.cells) for row in table.rows[1:]] == rows

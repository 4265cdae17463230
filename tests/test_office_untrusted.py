"""Spreadsheets and Word files from outside are data: formulas are never run, a zip bomb is
refused before it is unpacked, macros and external links are never loaded."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import yaml
from typer.testing import CliRunner

from ilotc.cli.main import app
from ilotc.office.reading import MAX_UNPACKED, read_tables


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def rewrite(path: Path, change: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> None:
    """Rewrite some parts of a zip (None: left out), and add others."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    for name, data in change.items():
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    parts.update(add or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_a_formula_is_read_as_its_cached_value_never_run(tmp_path: Path) -> None:
    path = workbook(tmp_path / "f.xlsx", [["Action", "Timeline"], ["=1+1", "=NOW()"]])
    with zipfile.ZipFile(path) as source:
        sheet = source.read("xl/worksheets/sheet1.xml").decode()
    # as a spreadsheet program leaves it: the formula and the value it last computed
    sheet = sheet.replace("<f>1+1</f><v></v>", "<f>1+1</f><v>2</v>").replace(
        "<f>1+1</f><v />", "<f>1+1</f><v>2</v>"
    )
    sheet = sheet.replace("<f>NOW()</f><v></v>", "<f>NOW()</f>").replace("<f>NOW()</f><v />", "<f>NOW()</f>")
    rewrite(path, {"xl/worksheets/sheet1.xml": sheet.encode()})
    (table,) = read_tables(path).tables
    assert [cell.text for cell in table.rows[1].cells] == ["2", ""]


def test_a_zip_that_unpacks_past_64_mib_is_refused_before_it_is_read(
    tmp_path: Path, runner: CliRunner
) -> None:
    bomb = tmp_path / "bomb.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (MAX_UNPACKED + 1))
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 1_000_000
    result = runner.invoke(app, ["import", str(bomb)])
    assert result.exit_code == 2
    assert "bomb.xlsx: unpacks to 64 MiB, more than 64 MiB" in result.stderr
    assert "Traceback" not in result.output


def test_a_damaged_file_is_said_plainly(tmp_path: Path, runner: CliRunner) -> None:
    for name, data in (("broken.xlsx", b"PK\x03\x04 not really"), ("broken.docx", b"hello")):
        path = tmp_path / name
        path.write_bytes(data)
        result = runner.invoke(app, ["import", str(path)])
        assert result.exit_code == 2, result.output
        assert f"{name}: not a zip file as Office writes them" in result.stderr
    half = workbook(tmp_path / "half.xlsx", [["Action"], ["x"]])
    rewrite(half, {"xl/workbook.xml": b"<not-xml"})
    result = runner.invoke(app, ["import", str(half)])
    assert result.exit_code == 2
    assert "half.xlsx: not a readable xlsx file" in result.stderr


def test_macros_and_external_links_are_data_only(tmp_path: Path, runner: CliRunner) -> None:
    path = workbook(tmp_path / "macro.xlsx", [["Action", "Timeline"], ["Adopt the rules", "By June 2025"]])
    rewrite(
        path,
        {},
        {
            "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro bytes",
            "xl/externalLinks/externalLink1.xml": b"<externalLink/>",
        },
    )
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    action = yaml.safe_load(out.read_text(encoding="utf-8"))["parts"][0]["actions"][0]
    assert (action["text"], action["timeline"]) == ("Adopt the rules", "By June 2025")


def test_a_cell_declared_far_away_is_refused_at_once(tmp_path: Path, runner: CliRunner) -> None:
    """A few kilobytes may declare a cell at the sheet's last row and column: walking that grid
    took gigabytes; it is refused, placed, before any row is read."""
    path = workbook(tmp_path / "far.xlsx", [["Action", "Timeline"], ["x", "2025"]])
    book = openpyxl.load_workbook(path)
    book.active["XFD1048576"] = "y"
    book.save(path)
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 2
    assert "row 1,048,576, column 16,384 is beyond what ilotc reads" in result.stderr
    assert not (tmp_path / "plan.yaml").exists()


def test_a_word_cell_spanning_millions_of_columns_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Action", "Timeline"
    table.cell(1, 0).text, table.cell(1, 1).text = "x", "2025"
    span = table.cell(1, 1)._tc.get_or_add_tcPr()
    grid = span.makeelement("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridSpan", {})
    grid.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "50000000")
    span.append(grid)
    path = tmp_path / "span.docx"
    document.save(str(path))
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 2
    assert "table 1: a cell at row 2, column 50,000,001 is beyond what ilotc reads" in result.stderr


def test_a_csv_cell_longer_than_the_csv_modules_default_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text('Action,Timeline\n"' + "x" * 200_000 + '",2025\n', encoding="utf-8")
    table = read_tables(path).tables[0]
    assert table.rows[1].cells[0].text == "x" * 200_000

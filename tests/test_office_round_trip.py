"""The bundled plan out to Word and Excel and back in by `ilotc import`: the same 78 actions,
texts and timelines byte for byte; and what the exported files hold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from ilotc.cli.main import app


def actions(runner: CliRunner, *args: str) -> list[tuple[str, str, str, str, str | None]]:
    result = runner.invoke(app, [*args, "export", "--format", "json"])
    assert result.exit_code == 0, result.output
    return [(r["id"], r["part"], r["section"], r["text"], r["timeline"]) for r in json.loads(result.stdout)]


@pytest.mark.parametrize("suffix", ["docx", "xlsx"])
def test_the_bundled_plan_round_trips_exactly(runner: CliRunner, tmp_path: Path, suffix: str) -> None:
    exported = tmp_path / f"plan.{suffix}"
    result = runner.invoke(app, ["export", "-o", str(exported)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["import", str(exported), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Not placed" not in result.stderr
    assert "Made 3 parts, 20 sections and 78 actions." in result.stderr
    bundled = actions(runner)
    assert len(bundled) == 78
    assert actions(runner, "--plan", str(out)) == bundled


def test_the_docx_is_the_plan_as_its_three_column_table(runner: CliRunner, tmp_path: Path) -> None:
    exported = tmp_path / "plan.docx"
    assert (
        runner.invoke(app, ["export", "-o", str(exported), "--part", "I", "--section", "1a"]).exit_code == 0
    )
    table = docx.Document(str(exported)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Id", "Action", "Timeline"]
    # a heading row is one cell merged across the table (Word repeats it in each column)
    assert len({id(cell._tc) for cell in table.rows[1].cells}) == 1
    assert rows[1][0].startswith("I. Rendre la coopération technique")
    assert rows[2][0].startswith("1a. Garantir que les activités")
    assert rows[3] == [
        "I.1a.1",
        "une déclaration sur la politique de coopération technique, indiquant les principes directeurs "
        "de ces activités qui sera diffusée dans l'ensemble du Bureau;",
        "Achevée en avril 2000",
    ]


def test_the_xlsx_has_date_cells_a_due_month_and_a_usable_header(runner: CliRunner, tmp_path: Path) -> None:
    exported = tmp_path / "plan.xlsx"
    assert runner.invoke(app, ["export", "-o", str(exported)]).exit_code == 0
    book = openpyxl.load_workbook(exported)
    assert book.sheetnames == ["GB.276_TC_2"]
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    assert headers[headers.index("due") + 1] == "due_month"
    first = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert first["id"] == "I.1a.1"
    assert first["due"] == dt.datetime(2000, 4, 30)  # a due month is its last day
    assert first["due_month"] == "2000-04"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(headers)).column_letter}79"
    assert sheet.column_dimensions["G"].width <= 62  # long texts wrap rather than widen
    assert sheet.cell(2, headers.index("text") + 1).alignment.wrap_text


def test_one_sheet_per_plan(runner: CliRunner, tmp_path: Path) -> None:
    from conftest import EXAMPLES

    exported = tmp_path / "plans.xlsx"
    plans = [
        "--plan",
        str(EXAMPLES / "responsible" / "plan.yaml"),
        "--plan",
        str(EXAMPLES / "plans" / "english"),
    ]
    result = runner.invoke(app, [*plans, "export", "-o", str(exported)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(exported).sheetnames == ["plan", "nep-2025"]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_spreadsheet_to_a_terminal_is_bad_usage_with_the_hint(runner: CliRunner, fmt: str) -> None:
    result = runner.invoke(app, ["export", "--format", fmt])
    assert result.exit_code == 2
    assert f"-o actions.{fmt}" in result.stderr


def test_a_text_starting_with_equals_is_never_a_formula(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        'format: 2\ndocument: {title: T}\nparts:\n  - id: A\n    title: "=HYPERLINK(\\"x\\")"\n'
        '    actions:\n      - {id: A.1, text: "=1+1", timeline: "By June 2025"}\n',
        encoding="utf-8",
    )
    exported = tmp_path / "plan.xlsx"
    assert runner.invoke(app, ["--plan", str(plan), "export", "-o", str(exported)]).exit_code == 0
    sheet = openpyxl.load_workbook(exported).active
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert "'=1+1" in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    # and read back as it was written in the plan
    out = tmp_path / "back.yaml"
    assert runner.invoke(app, ["import", str(exported), "-o", str(out)]).exit_code == 0
    assert actions(runner, "--plan", str(out))[0][3] == "=1+1"


def test_listings_and_overdue_as_spreadsheets(runner: CliRunner, tmp_path: Path) -> None:
    late = tmp_path / "late.xlsx"
    result = runner.invoke(app, ["overdue", "--as-of", "2001-01", "-o", str(late)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(late).active
    headers = [cell.value for cell in sheet[1]]
    assert headers[-3:] == ["reason", "late_since", "days_late"]
    first = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert (first["id"], first["due"], first["due_month"], first["days_late"]) == (
        "III.1d.1",
        dt.datetime(1999, 12, 31),
        "1999-12",
        367,
    )
    assert sheet.max_row == 1 + 41
    listed = tmp_path / "list.xlsx"
    assert runner.invoke(app, ["list", "--part", "II", "--format", "xlsx", "-o", str(listed)]).exit_code == 0
    assert openpyxl.load_workbook(listed).active.max_row == 1 + 28


@pytest.mark.parametrize("command", ["list", "overdue", "partners"])
def test_a_listing_spreadsheet_to_a_terminal_is_bad_usage(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--format", "xlsx"])
    assert result.exit_code == 2
    assert "give -o FILE" in result.stderr


@pytest.mark.parametrize(
    "command", [["list", "--format", "csv"], ["export", "--format", "json"], ["overdue"]]
)
def test_other_commands_never_import_the_office_libraries(command: list[str]) -> None:
    import subprocess
    import sys

    args = [sys.executable, "-X", "importtime", "-m", "ilotc", *command]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line
    }
    assert "ilotc" in imported
    assert imported.isdisjoint({"openpyxl", "docx", "lxml"})

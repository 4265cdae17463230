"""Status returns: the sheet `export --format xlsx --returns` sends out, filled in as a person
would (date cells, labels in any language, CSV from Excel), read back by `update --from`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES
from ilotc.cli.main import app


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    shutil.copy(DATA / "plan.yaml", tmp_path / "plan.yaml")
    shutil.copy(DATA / "partners.yaml", tmp_path / "partners.yaml")
    return tmp_path / "plan.yaml"


def returns_sheet(runner: CliRunner, plan: Path, *args: str) -> Path:
    out = plan.parent / "returns.xlsx"
    result = runner.invoke(
        app, ["--plan", str(plan), "export", "--format", "xlsx", "--returns", "-o", str(out), *args]
    )
    assert result.exit_code == 0, result.output
    return out


def fill(sheet_path: Path, rows: dict[int, tuple[object, object, object]]) -> Path:
    book = openpyxl.load_workbook(sheet_path)
    sheet = book.active
    for row, (status, date, note) in rows.items():
        sheet.cell(row, 6).value = status
        sheet.cell(row, 7).value = date
        sheet.cell(row, 8).value = note
    filled = sheet_path.with_name("filled.xlsx")
    book.save(filled)
    return filled


def history(runner: CliRunner, plan: Path, action: str) -> list[dict[str, object]]:
    import json

    result = runner.invoke(app, ["--plan", str(plan), "export", "--format", "json"])
    return next(r["history"] for r in json.loads(result.stdout) if r["id"] == action)


def test_the_returns_sheet_has_a_row_per_action_and_a_status_drop_down(runner: CliRunner, plan: Path) -> None:
    sheet = openpyxl.load_workbook(returns_sheet(runner, plan, "--part", "I")).active
    assert [c.value for c in sheet[1]] == [
        "id",
        "text",
        "due",
        "due_month",
        "status",
        "new_status",
        "date",
        "note",
    ]
    assert sheet.max_row == 1 + 24
    assert [c.value for c in sheet[2]][:5] == [
        "I.1a.1",
        "une déclaration sur la politique de coopération technique, indiquant les principes directeurs de "
        "ces activités qui sera diffusée dans l'ensemble du Bureau;",
        dt.datetime(2000, 4, 30),
        "2000-04",
        "planned",
    ]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"planned,in progress,done,cancelled"'
    assert str(validation.sqref) == "F2:F25"


def test_the_drop_down_is_in_the_interface_language(runner: CliRunner, plan: Path) -> None:
    out = plan.parent / "retours.xlsx"
    args = ["--lang", "fr", "--plan", str(plan), "export", "--format", "xlsx", "--returns", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    (validation,) = openpyxl.load_workbook(out).active.data_validations.dataValidation
    assert validation.formula1 == '"prévue,en cours,achevée,annulée"'


def test_returns_take_the_responsible_filter(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    plan = str(EXAMPLES / "responsible" / "plan.yaml")
    args = [
        "--plan",
        plan,
        "export",
        "--format",
        "xlsx",
        "--returns",
        "--responsible",
        "employment department",
        "-o",
        str(out),
    ]
    assert runner.invoke(app, args).exit_code == 0
    assert [row[0].value for row in openpyxl.load_workbook(out).active.iter_rows(min_row=2)] == ["A.2", "A.3"]


def test_ten_rows_filled_by_hand_update_ten_actions_in_one_command(runner: CliRunner, plan: Path) -> None:
    labels = [
        "done",
        "achevée",
        "en curso",
        "In progress",
        "cancelled",
        "annulée",
        "finalizada",
        "done",
        "en cours",
        "done",
    ]
    rows = {
        row: (label, dt.datetime(2000, 5, row), f"note {row}") for row, label in enumerate(labels, start=2)
    }
    filled = fill(returns_sheet(runner, plan), rows)
    result = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(filled)])
    assert result.exit_code == 0, result.output
    assert "recorded 10 changes" in result.stderr
    assert history(runner, plan, "I.1a.1") == [{"date": "2000-05-02", "status": "done", "note": "note 2"}]
    assert history(runner, plan, "I.1a.3")[0]["status"] == "in_progress"
    assert history(runner, plan, "I.1b.1")[0]["status"] == "cancelled"
    assert runner.invoke(app, ["validate", str(plan)]).exit_code == 0
    # and the whole batch comes back out with --undo
    before = (DATA / "plan.yaml").read_bytes()
    result = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(filled), "--undo"])
    assert result.exit_code == 0, result.output
    assert "took back 10 changes" in result.stderr
    assert plan.read_bytes() == before


def test_one_bad_row_records_nothing_and_every_problem_is_placed(runner: CliRunner, plan: Path) -> None:
    rows = {2: ("done", "2000-05", None), 3: ("fini", None, None), 4: ("done", "2000-13", None)}
    filled = fill(returns_sheet(runner, plan), rows)
    sheet = filled.parent / "filled.xlsx"
    book = openpyxl.load_workbook(sheet)
    book.active.cell(5, 1).value = "I.9z.9"
    book.active.cell(5, 6).value = "done"
    book.save(sheet)
    before = plan.read_bytes()
    result = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(sheet)])
    assert result.exit_code == 1
    assert "filled.xlsx: GB.276_TC_2, row 3, column F: 'fini' is not a status" in result.stderr
    assert "filled.xlsx: GB.276_TC_2, row 4, column G: '2000-13' is not a date" in result.stderr
    assert "filled.xlsx: GB.276_TC_2, row 5, column A: no action 'I.9z.9' in the plan" in result.stderr
    assert "3 problems in filled.xlsx; nothing was recorded" in result.stderr
    assert plan.read_bytes() == before


def test_a_row_equal_to_the_current_status_without_a_note_is_skipped(runner: CliRunner, plan: Path) -> None:
    filled = fill(
        returns_sheet(runner, plan), {2: ("planned", None, None), 3: ("planned", None, "still planned")}
    )
    result = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(filled)])
    assert result.exit_code == 0, result.output
    assert "recorded 1 change" in result.stderr
    assert "1 row skipped" in result.stderr
    assert history(runner, plan, "I.1a.1") == []
    assert history(runner, plan, "I.1a.2")[0]["note"] == "still planned"


def test_a_sheet_applied_twice_records_its_changes_once(runner: CliRunner, plan: Path) -> None:
    filled = fill(
        returns_sheet(runner, plan), {2: ("in_progress", "2000-03", "lancée"), 3: ("done", "2000-04", None)}
    )
    first = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(filled)])
    assert first.exit_code == 0 and "recorded 2 changes" in first.stderr, first.output
    after_first = plan.read_bytes()
    again = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(filled)])
    assert again.exit_code == 0, again.output
    assert "2 rows skipped" in again.stderr
    assert plan.read_bytes() == after_first
    assert history(runner, plan, "I.1a.1") == [{"date": "2000-03", "status": "in_progress", "note": "lancée"}]


def test_dry_run_shows_the_batch_as_a_diff_and_writes_nothing(runner: CliRunner, plan: Path) -> None:
    filled = fill(returns_sheet(runner, plan), {2: ("done", "2000-05-03", None)})
    before = plan.read_bytes()
    result = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(filled), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert '+                  - date: "2000-05-03"' in result.stdout
    assert "+                    status: done" in result.stdout
    assert plan.read_bytes() == before


def test_a_csv_from_excel_with_semicolons_and_statuses_in_french(runner: CliRunner, plan: Path) -> None:
    returns = plan.parent / "retours.csv"
    returns.write_bytes("id;status;date;note\r\nI.1a.1;achevée;2000-05;Diffusée\r\n".encode("cp1252"))
    result = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(returns)])
    assert result.exit_code == 0, result.output
    assert history(runner, plan, "I.1a.1") == [{"date": "2000-05", "status": "done", "note": "Diffusée"}]


def test_from_takes_no_id_and_only_spreadsheets(runner: CliRunner, plan: Path) -> None:
    assert runner.invoke(app, ["--plan", str(plan), "update", "I.1a.1", "--from", "x.xlsx"]).exit_code == 2
    assert runner.invoke(app, ["--plan", str(plan), "update", "--from", str(plan)]).exit_code == 2
    assert runner.invoke(app, ["--plan", str(plan), "update"]).exit_code == 2

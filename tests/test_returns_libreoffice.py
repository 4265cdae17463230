"""A returns sheet that LibreOffice itself wrote back, as an M&E officer's colleague would send it:
LibreOffice's own date cells, styles and data validation, read by `update --from` in one batch.

Skipped where LibreOffice (`soffice`) is not installed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import DATA
from ilotc.cli.main import app

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

# Ten rows filled as a person would: values and labels in three languages, date cells, month
# and day texts, notes; the due dates of the bundled plan are in 2000.
FILLED = {
    "I.1a.1": ("done", dt.datetime(2000, 3, 15), "Diffusée"),
    "I.1a.2": ("achevée", "2000-05", None),
    "I.1a.3": ("in progress", dt.datetime(2000, 2, 1), None),
    "I.1a.4": ("en cours", "2000-02-10", "Projet en consultation"),
    "I.1b.1": ("finalizada", dt.datetime(2000, 6, 30), None),
    "I.1b.2": ("cancelled", "2000-04-01", "Remplacée"),
    "I.1b.3": ("annulée", dt.datetime(2000, 4, 2), None),
    "I.2a.2": ("done", dt.datetime(2000, 7, 31), None),
    "I.2a.3": ("in progress", dt.datetime(2000, 9, 1), "Démarré"),
    "I.2b.1": ("done", "2000-12", None),
}
EXPECTED = {
    "I.1a.1": ("done", "2000-03-15", "Diffusée"),
    "I.1a.2": ("done", "2000-05", None),
    "I.1a.3": ("in_progress", "2000-02-01", None),
    "I.1a.4": ("in_progress", "2000-02-10", "Projet en consultation"),
    "I.1b.1": ("done", "2000-06-30", None),
    "I.1b.2": ("cancelled", "2000-04-01", "Remplacée"),
    "I.1b.3": ("cancelled", "2000-04-02", None),
    "I.2a.2": ("done", "2000-07-31", None),
    "I.2a.3": ("in_progress", "2000-09-01", "Démarré"),
    "I.2b.1": ("done", "2000-12", None),
}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    shutil.copy(DATA / "plan.yaml", tmp_path / "plan.yaml")
    shutil.copy(DATA / "partners.yaml", tmp_path / "partners.yaml")
    return tmp_path / "plan.yaml"


def returns_sheet(runner: CliRunner, plan: Path) -> Path:
    out = plan.parent / "returns.xlsx"
    result = runner.invoke(
        app, ["--plan", str(plan), "export", "--format", "xlsx", "--returns", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def libreoffice(source: Path, *, infilter: str | None = None) -> Path:
    """The file LibreOffice writes when it saves `source` as an Excel 2007 workbook (its own
    profile in a temporary folder, so that runs side by side do not share a lock)."""
    assert SOFFICE is not None
    out = source.parent / "saved-by-libreoffice"
    profile = (source.parent / "lo-profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    written = out / f"{source.stem}.xlsx"
    assert written.exists(), "LibreOffice wrote nothing"
    with zipfile.ZipFile(written) as archive:
        assert "LibreOffice" in archive.read("docProps/app.xml").decode("utf-8")
    return written


def _typed(value: object) -> str:
    """A cell as one types it: a date as YYYY-MM-DD."""
    if value is None:
        return ""
    return value.date().isoformat() if isinstance(value, dt.datetime) else str(value)


def history(runner: CliRunner, plan: Path) -> dict[str, list[dict[str, object]]]:
    result = runner.invoke(app, ["--plan", str(plan), "export", "--format", "json"])
    assert result.exit_code == 0, result.output
    return {r["id"]: r["history"] for r in json.loads(result.stdout)}


def assert_ten_applied_then_taken_back(runner: CliRunner, plan: Path, sheet: Path) -> None:
    before = plan.read_bytes()
    dry = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(sheet), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert plan.read_bytes() == before
    result = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(sheet)])
    assert result.exit_code == 0, result.output
    assert f"recorded 10 changes in {plan}" in result.stderr
    recorded = history(runner, plan)
    for action, (status, date, note) in EXPECTED.items():
        (change,) = recorded[action]
        assert (change["status"], change["date"], change.get("note")) == (status, date, note), action
    undo = runner.invoke(app, ["--plan", str(plan), "update", "--from", str(sheet), "--undo"])
    assert undo.exit_code == 0, undo.output
    assert f"took back 10 changes in {plan}" in undo.stderr
    assert plan.read_bytes() == before


def test_a_returns_sheet_filled_then_saved_by_libreoffice(runner: CliRunner, plan: Path) -> None:
    book = openpyxl.load_workbook(returns_sheet(runner, plan))
    sheet = book.active
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    for action, (status, date, note) in FILLED.items():
        sheet.cell(rows[action], 6).value = status
        sheet.cell(rows[action], 7).value = date
        sheet.cell(rows[action], 8).value = note
    filled = plan.parent / "filled.xlsx"
    book.save(filled)
    saved = libreoffice(filled)
    # what LibreOffice wrote: its date cells, and the drop-down it kept
    again = openpyxl.load_workbook(saved).active
    assert again.cell(rows["I.1a.1"], 7).value == dt.datetime(2000, 3, 15)
    (validation,) = again.data_validations.dataValidation
    assert validation.formula1 == '"planned,in progress,done,cancelled"'
    assert_ten_applied_then_taken_back(runner, plan, saved)


def test_a_returns_sheet_typed_as_text_that_libreoffice_reads_into_a_workbook(
    runner: CliRunner, plan: Path
) -> None:
    # The rows as typed text (a CSV in UTF-8): LibreOffice itself makes the dates typed as
    # YYYY-MM-DD into date cells, and keeps "2000-05" as text, as it does when one types them.
    source = openpyxl.load_workbook(returns_sheet(runner, plan)).active
    typed = plan.parent / "typed.csv"
    with typed.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        for values in source.iter_rows(values_only=True):
            cells = [
                "" if v is None else v.date().isoformat() if isinstance(v, dt.datetime) else str(v)
                for v in values
            ]
            if cells[0] in FILLED:
                status, date, note = FILLED[cells[0]]
                day = date.date().isoformat() if isinstance(date, dt.datetime) else date
                cells[5:8] = [status, day, note or ""]
            writer.writerow(cells)
    saved = libreoffice(typed, infilter="CSV:44,34,76,1")
    again = openpyxl.load_workbook(saved).active
    dates = {again.cell(row, 1).value: again.cell(row, 7).value for row in range(2, again.max_row + 1)}
    assert dates["I.1a.4"] == dt.datetime(2000, 2, 10)  # a date cell, made by LibreOffice
    assert dates["I.1a.2"] == "2000-05"
    assert_ten_applied_then_taken_back(runner, plan, saved)

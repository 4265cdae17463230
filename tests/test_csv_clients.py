"""`--bom` on every CSV writer, and the CSV read by spreadsheets (issue 24).

Excel opened by double-click reads a CSV as UTF-8 only when it begins with the UTF-8 byte
order mark; LibreOffice asks, and reads it right with "Character set: Unicode (UTF-8)" (the
filter option 76), BOM or not. The spreadsheet test runs where LibreOffice is installed.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc.cli.main import app

BOM = b"\xef\xbb\xbf"
WRITERS = [
    ["list"],
    ["show", "I.1a.1"],
    ["overdue", "--as-of", "2005-01"],
    ["upcoming", "--as-of", "2000-01"],
    ["partners"],
    ["partners", "oit"],
    ["export"],
]


def csv_bytes(runner: CliRunner, args: list[str], *more: str) -> bytes:
    result = runner.invoke(app, [*args, "--format", "csv", *more])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_bom_leads_every_csv_and_changes_nothing_else(runner: CliRunner, args: list[str]) -> None:
    plain = csv_bytes(runner, args)
    marked = csv_bytes(runner, args, "--bom")
    assert not plain.startswith(BOM)
    assert marked == BOM + plain
    # a reader that honours the mark (Python's utf-8-sig, as Excel) finds the same rows
    rows = list(csv.reader(io.StringIO(marked.decode("utf-8-sig"), newline="")))
    assert rows == list(csv.reader(io.StringIO(plain.decode("utf-8"), newline="")))
    assert rows[0][0] in ("id", "plan")  # the mark is not glued to the first header


def test_bom_in_a_file_written_with_o(runner: CliRunner, tmp_path: Path) -> None:
    for args in (["list"], ["export"]):
        path = tmp_path / f"{args[0]}.csv"
        assert runner.invoke(app, [*args, "--bom", "-o", str(path)]).exit_code == 0
        assert path.read_bytes().startswith(BOM + b"id,")


@pytest.mark.parametrize("args", [["list", "--format", "json"], ["export", "--format", "ics"]])
def test_bom_is_for_csv_only(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--bom"])
    assert result.exit_code == 2 and "--bom" in result.stderr


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
@pytest.mark.parametrize("bom", [False, True])
def test_libreoffice_reads_the_accents_with_the_documented_option(
    runner: CliRunner, tmp_path: Path, bom: bool
) -> None:
    source = tmp_path / "actions.csv"
    source.write_bytes(csv_bytes(runner, ["export"], *(["--bom"] if bom else [])))
    out = tmp_path / "out"
    # README: Character set "Unicode (UTF-8)", separated by commas, quote ", i.e. 44,34,76
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    back = (out / "actions.csv").read_text(encoding="utf-8-sig")
    assert "coopération technique" in back and "Ã" not in back

"""`ilotc report` on the command line: formats from the one registry, filters, --since,
--within, output files, the PDF extra, and bad usage."""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from ilotc.cli.main import app
from ilotc.output.report.formats import REPORT_FORMATS

ILLUSTRATIVE = ROOT / "examples" / "plan-illustrative.yaml"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def args(example_plan: Path, example_partners: Path) -> list[str]:
    return ["--plan", str(example_plan), "--partners", str(example_partners), "report", "--as-of", "2000-06"]


def test_format_choices_come_from_the_registry(runner: CliRunner) -> None:
    code, out, _ = run(runner, "report", "--help")
    assert code == 0
    for name in REPORT_FORMATS:
        assert name in out
    code, _, err = run(runner, "report", "--format", "docx")
    assert code == 2 and "docx" in err


@pytest.mark.parametrize(
    ("fmt", "start"), [("html", "<!DOCTYPE html>"), ("markdown", "INTERNATIONAL LABOUR OFFICE")]
)
def test_report_to_stdout(runner: CliRunner, args: list[str], fmt: str, start: str) -> None:
    code, out, err = run(runner, *args, "--format", fmt)
    assert code == 0, err
    assert out.startswith(start) and err == ""


def test_terminal_is_the_default(runner: CliRunner, args: list[str]) -> None:
    code, out, err = run(runner, *args)
    assert code == 0, err
    assert "Progress report on the implementation plan" in out and "JFMAMJJASOND" in out


@pytest.mark.parametrize(
    ("name", "start"),
    [("r.html", "<!DOCTYPE"), ("r.md", "INTERNATIONAL LABOUR OFFICE"), ("r.txt", "╭"), ("report", "╭")],
)
def test_output_file_format_from_its_suffix(
    runner: CliRunner, tmp_path: Path, args: list[str], name: str, start: str
) -> None:
    target = tmp_path / name
    code, out, err = run(runner, *args, "-o", str(target))
    assert code == 0, err
    assert out == "" and err.startswith("Wrote the ")
    assert target.read_text(encoding="utf-8").startswith(start)
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_suffix_naming_another_format_is_bad_usage(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    target = tmp_path / "r.md"
    code, _, err = run(runner, *args, "--format", "html", "-o", str(target))
    assert code == 2 and "markdown" in err
    assert not target.exists()


def test_since_and_within(runner: CliRunner, args: list[str]) -> None:
    code, out, err = run(runner, *args, "-f", "markdown", "--since", "2000-04", "--within", "12")
    assert code == 0, err
    assert "## Changes since 1\u00a0April\u00a02000" in out
    # a change before the since date is not told, one after it is, its date in words
    assert "II.1.1 was started" not in out
    assert (
        "Since 1\u00a0April\u00a02000, III.1a.3 was cancelled (April\u00a02000), with the note “abandonné”"
        in out
    )
    assert "in the next 12 months, to 31\u00a0May\u00a02001" in out
    assert "(2000-" not in out  # never an ISO date in prose


@pytest.mark.parametrize(
    "option",
    [
        ["--since", "2000-13"],
        ["--within", "0"],
        ["--part", "IV"],
        ["--date", "2000-13"],
        ["--session", "0"],
        ["--purpose", "approval"],
    ],
)
def test_bad_options_are_usage_errors(runner: CliRunner, args: list[str], option: list[str]) -> None:
    code, out, err = run(runner, *args, *option)
    assert code == 2 and out == ""
    assert "Traceback" not in err


def test_filters_narrow_the_report(runner: CliRunner, args: list[str]) -> None:
    code, out, err = run(runner, *args, "-f", "markdown", "--part", "II", "--status", "planned")
    assert code == 0, err
    assert "It covers 2 of the plan's 10 actions, selected by filters." in out
    assert "| II.1.2 |" in out and "| I.1a.1 |" not in out


def test_notes_appear_after_updates(runner: CliRunner, tmp_path: Path, example_partners: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text((ROOT / "tests" / "examples" / "valid" / "plan.yaml").read_text(encoding="utf-8"))
    common = ["--plan", str(plan), "--partners", str(example_partners)]
    for date, status in (("2000-02", "in_progress"), ("2000-03", "in_progress"), ("2000-04-20", "done")):
        code, _, err = run(
            runner,
            *common,
            "update",
            "I.1a.1",
            "--status",
            status,
            "--date",
            date,
            "--note",
            "Déclaration diffusée",
        )
        assert code == 0, err
    code, out, _ = run(runner, *common, "report", "--as-of", "2000-06", "-f", "markdown")
    assert code == 0
    assert out.count("Déclaration diffusée") >= 3  # the last change, the history, the changes since


def test_pdf_without_the_extra_says_how_to_install_it(
    runner: CliRunner, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_weasyprint(name: str, *rest: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *rest, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    target = tmp_path / "r.pdf"
    code, out, err = run(runner, *args, "-o", str(target))
    assert code == 2 and out == ""
    assert "pip install 'ilotc[pdf]'" in " ".join(err.split())
    assert not target.exists()


def test_pdf_with_the_extra(runner: CliRunner, args: list[str], tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="the pdf extra is not installed: pip install 'ilotc[pdf]'")
    target = tmp_path / "r.pdf"
    code, _, err = run(runner, *args, "-f", "pdf", "-o", str(target))
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    pdftotext = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=False)
    if pdftotext.returncode == 0:
        assert "une déclaration sur la politique de coopération technique;" in " ".join(
            pdftotext.stdout.split()
        )


def test_the_options_name_the_report_not_the_plan(runner: CliRunner, args: list[str]) -> None:
    paper = ["--symbol", "GB.279/TC/3", "--session", "279", "--date", "2000-11-02", "--purpose", "discussion"]
    code, out, err = run(runner, *args, "-f", "markdown", *paper)
    assert code == 0, err
    cover = out.split("# ", 1)[0]
    assert "GB.279/TC/3 · 279th Session · Geneva, 2\u00a0November\u00a02000" in cover
    assert "**FOR DISCUSSION AND GUIDANCE**" in cover and "GB.276/TC/2" not in cover
    assert "Point for decision" not in out  # a paper for discussion has none
    assert "Geneva, 2\u00a0November\u00a02000." in out

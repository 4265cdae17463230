"""One command line (issue 16): completion, help width, option names, and -o FILE's format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc.cli.main import app


def complete(runner: CliRunner, shell: str, words: str, *, style: str = "complete_{shell}") -> list[str]:
    """What the shell would be offered for `words`, through Click's completion protocol."""
    env = {"_ILOTC_COMPLETE": style.format(shell=shell)}
    if shell == "bash":
        env |= {
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
    else:
        env["_TYPER_COMPLETE_ARGS"] = words
    result = runner.invoke(app, [], env=env, prog_name="ilotc")
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("style", ["complete_{shell}", "{shell}_complete"])
def test_bash_completes_commands_options_values_and_ids(runner: CliRunner, style: str) -> None:
    assert complete(runner, "bash", "ilotc li", style=style) == ["list"]
    assert "--kind" in complete(runner, "bash", "ilotc list --k", style=style)
    assert complete(runner, "bash", "ilotc list --status ", style=style) == [
        "planned",
        "in_progress",
        "done",
        "cancelled",
    ]
    assert complete(runner, "bash", "ilotc show III.1d", style=style) == [f"III.1d.{n}" for n in (1, 2, 3, 4)]
    assert complete(runner, "bash", "ilotc list --partner pnu", style=style) == ["pnud"]
    assert complete(runner, "bash", "ilotc partners banque-m", style=style) == ["banque-mondiale"]


def test_zsh_completes_with_descriptions(runner: CliRunner) -> None:
    out = "\n".join(complete(runner, "zsh", "ilotc partners banque-m"))
    assert '"banque-mondiale":"Banque mondiale"' in out
    assert '"export":' in "\n".join(complete(runner, "zsh", "ilotc exp"))


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o default -F"), ("zsh", "#compdef ilotc")])
@pytest.mark.parametrize("style", ["{shell}_source", "source_{shell}"])
def test_completion_scripts(runner: CliRunner, shell: str, marker: str, style: str) -> None:
    result = runner.invoke(app, [], env={"_ILOTC_COMPLETE": style.format(shell=shell)}, prog_name="ilotc")
    assert result.exit_code == 0
    assert marker in result.stdout and "_ILOTC_COMPLETE=complete_" in result.stdout


def test_completion_options_are_offered(runner: CliRunner) -> None:
    out = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in out and "--show-completion" in out


def help_text(columns: int) -> str:
    env = {**os.environ, "COLUMNS": str(columns)}
    done = subprocess.run(
        [sys.executable, "-m", "ilotc", "--help"], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


def test_help_uses_the_terminal_width() -> None:
    # through a process: Click's test runner pins help to 80 columns
    wide = help_text(200)
    assert max(map(len, wide.splitlines())) > 100
    assert "three..." not in wide  # the report's description is no longer cut at 80 columns
    assert max(map(len, help_text(80).splitlines())) <= 80


def test_global_options_after_the_command(runner: CliRunner) -> None:
    assert runner.invoke(app, ["list", "--part", "II", "--no-cache"]).exit_code == 0
    assert runner.invoke(app, ["--no-cache", "list", "--part", "II"]).exit_code == 0


def test_a_near_miss_option_says_what_was_meant(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", "--partners", "pnud"])
    assert result.exit_code == 2
    assert "did you mean --partner pnud" in result.stderr
    result = runner.invoke(app, ["list", "--partnr", "pnud"])
    assert result.exit_code == 2 and "--partner" in result.stderr


@pytest.mark.parametrize(
    ("args", "name", "code", "starts"),
    [
        ([], "report.markdown", 0, "INTERNATIONAL LABOUR OFFICE · "),  # the cover first
        ([], "report.md", 0, "INTERNATIONAL LABOUR OFFICE · "),
        ([], "report.html", 0, "<!DOCTYPE html>"),
        ([], "report.txt", 0, "╭"),
        ([], "report.out", 0, "╭"),  # a suffix that names no format: the plain-text report
        ([], "r.docx", 2, None),  # a format a report is not written in
        (["--format", "html"], "r.md", 2, None),
        (["--format", "html"], "r.csv", 2, None),
        (["--format", "markdown"], "r.md", 0, "INTERNATIONAL LABOUR OFFICE · "),
    ],
)
def test_report_output_follows_format_then_suffix(
    runner: CliRunner, tmp_path: Path, args: list[str], name: str, code: int, starts: str | None
) -> None:
    target = tmp_path / name
    result = runner.invoke(app, ["report", "--as-of", "2000-06", *args, "-o", str(target)])
    assert result.exit_code == code, result.stderr
    if starts is None:
        assert not target.exists() and "-o" in result.stderr
    else:
        assert target.read_text(encoding="utf-8").lstrip().startswith(starts)


def test_report_takes_the_filters(runner: CliRunner) -> None:
    whole = runner.invoke(app, ["report", "--as-of", "2000-06", "--format", "markdown"]).stdout
    part = runner.invoke(app, ["report", "--as-of", "2000-06", "--format", "markdown", "--part", "II"]).stdout
    assert whole != part and "II.1.1" in part and "I.1a.1" not in part
    assert runner.invoke(app, ["report", "--part", "IV"]).exit_code == 2


def imported(code: str) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("_ILOTC")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_completion_costs_nothing_when_not_completing() -> None:
    """Without _ILOTC_COMPLETE a run imports nothing for completion beyond what Typer imports
    anyway, and one small module of ilotc's (the time is in bench/run.py's (a) row)."""
    run_list = (
        "import json, sys\n"
        "from ilotc.cli.main import run\n"
        "sys.argv = ['ilotc', 'list', '--part', 'II']\n"
        "try:\n"
        "    run()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    typer_alone = imported("import json, sys, typer.main; print(json.dumps(sorted(sys.modules)))")
    ran = imported(run_list)
    assert "ilotc.cli.list_cmd" in ran  # the command ran in this process
    completing = {name for name in ran - typer_alone if "complet" in name or "shell" in name}
    assert completing == {"ilotc.cli.completion"}

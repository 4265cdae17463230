"""The command table: every command resolves, help lists them all, a run builds only its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from ilotc.cli import main
from ilotc.cli.commands import COMMANDS
from ilotc.cli.main import app


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_resolves_and_has_help(runner: CliRunner, name: str) -> None:
    # the table names modules and functions as strings: a renamed one fails here, not in use
    built = main.command(name)
    assert built.name == name
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: ilotc {name} ")


def test_help_lists_every_command_in_table_order(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:\n", 1)[1].splitlines()
    names = [line.split()[0] for line in listed if line.strip() and not line.startswith("   ")]
    assert names == list(COMMANDS)


def test_help_shows_each_command_description_whole_within_80_columns(runner: CliRunner) -> None:
    """Piped, Click would cut each description at 80 columns with '...'; it is wrapped instead."""
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    listing = result.stdout.split("Commands:\n", 1)[1]
    assert "..." not in listing
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "most late first." in " ".join(listing.split())


@pytest.mark.parametrize("name", ["list", "report", "diff", "overdue", "upcoming", "export"])
def test_command_help_fits_80_columns(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80, result.stdout
    assert "-k, --kind KIND" in result.stdout and "as_needed" in result.stdout


def test_a_misspelt_command_gets_a_suggestion(runner: CliRunner) -> None:
    result = runner.invoke(app, ["lsit"])
    assert result.exit_code == 2
    assert "No such command 'lsit'. Did you mean 'list'?" in result.stderr


def test_a_run_imports_only_its_own_command_module() -> None:
    probe = (
        "import json, sys\n"
        "from ilotc.cli.main import run\n"
        "sys.argv = ['ilotc', 'timeline', 'Achevée en avril 2000']\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)) + '\\n')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILOTC_")}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    loaded = set(json.loads(result.stderr.strip().splitlines()[-1]))
    command_modules = {module for module, _ in COMMANDS.values()}
    assert sorted(command_modules & loaded) == ["ilotc.cli.timeline_cmd"]

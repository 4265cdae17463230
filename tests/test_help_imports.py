"""`ilotc --help`, and the help of the commands that read no file, import neither Pydantic nor
PyYAML: those are the validation machinery behind the cache (docs/architecture.md), and help
is a list of sentences. Run in a fresh interpreter, where nothing was imported before."""

import inspect
import subprocess
import sys

import pytest

from ilotc.cli.commands import COMMANDS, command_doc, command_function

HEAVY = ("pydantic", "yaml")
WRAPPER = """
import sys
sys.argv = ["ilotc", *sys.argv[1:]]
try:
    from ilotc.cli.main import app
    app(prog_name="ilotc")
except SystemExit:
    pass
print(" ".join(sorted(name for name in sys.modules if name.split(".")[0] in {heavy!r})))
"""


def _heavy_imports(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER.format(heavy=set(HEAVY)), *args],
        capture_output=True,
        text=True,
        check=True,
        env={"COLUMNS": "80", "PATH": "", "ILOTC_LANG": "fr"},
    )
    assert "ilotc" in result.stdout, result.stdout + result.stderr  # the help, in French
    return result.stdout.splitlines()[-1].split()


def test_the_wrapper_sees_pydantic_and_yaml_when_they_are_imported() -> None:
    # `validate --help` imports the checks today: the wrapper can see them (the test can fail)
    assert set(HEAVY) <= set(_heavy_imports("validate", "--help"))


@pytest.mark.parametrize(
    "args",
    [["--help"], ["list", "--help"], ["overdue", "--help"], ["report", "--help"], ["timeline", "--help"]],
    ids=" ".join,
)
def test_help_imports_neither_pydantic_nor_yaml(args: list[str]) -> None:
    assert _heavy_imports(*args) == []


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_group_lists_each_command_by_its_own_docstring(name: str) -> None:
    assert command_doc(name) == inspect.getdoc(command_function(name))

"""What a terminal user gets: colours as Rich gives them (NO_COLOR, FORCE_COLOR, TERM=dumb),
usage errors that show what was typed without letting it reorder or break the line, and a
terminal report with no trailing spaces."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from ilotc.cli.main import app

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _codes(env: dict[str, str]) -> set[str]:
    result = CliRunner().invoke(app, ["overdue", "--as-of", "2000-06"], env=env)
    assert result.exit_code == 0, result.output
    return set(SGR.findall(result.stdout))


def test_force_color_paints_the_table() -> None:
    codes = _codes({"FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "xterm-256color"})
    assert any("31" in code.split(";") for code in codes)  # days late in red


def test_no_color_keeps_bold_and_drops_colours_as_rich_does() -> None:
    codes = _codes({"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm-256color"})
    assert "1" in codes  # the bold header, which Rich keeps under NO_COLOR
    assert not any(part in {"31", "32", "33"} for code in codes for part in code.split(";")), codes


def test_a_dumb_terminal_gets_no_codes_at_all() -> None:
    assert _codes({"FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "dumb"}) == set()


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["list", "abc\u202eevil\u2066"], "Got unexpected extra argument(s) (abc\\u202eevil\\u2066)"),
        (["list", "--x\u2028::error::z"], "No such option: --x\\u2028::error::z"),
        (
            ["list", "a\n::error::x"],
            "Got unexpected extra argument(s) (a\\x0a::error::x)",
        ),  # Click escapes this one
        (["list", "--kind", "x\u202e"], "Invalid value for '--kind' / '-k': 'x\\u202e' is not one of"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_usage_errors_show_typed_values_escaped(args: list[str], shown: str, lang: str) -> None:
    result = CliRunner().invoke(app, ["--lang", lang, *args])
    assert result.exit_code == 2
    assert not re.search("[\u2028\u2029\u202a-\u202e\u2066-\u2069]", result.stderr)
    assert not re.search(r"^\s*::", result.stderr, re.MULTILINE), result.stderr
    if lang == "en":
        assert shown in result.stderr, result.stderr


def test_the_terminal_report_ends_no_line_with_spaces() -> None:
    result = CliRunner().invoke(app, ["report", "--as-of", "2001-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert [line for line in result.stdout.splitlines() if line.endswith(" ")] == []
    assert result.stdout.startswith("╭─ Progress report")

"""No output of ilotc holds a line that GitHub's runner obeys, by the runner's own rules.

`runner_model.forged` re-implements how the runner finds workflow commands (a `::` after any
Unicode blank at a line's start, a `##[` anywhere, `::stop-commands::` fences). Every command,
in every format, on a plan and a registry with such payloads in every field
(tests/hostile/runner_commands*.yaml), writes none: human-readable text breaks them with a
visible backslash, JSON escapes the `#`, a calendar folds around them, and CSV, which has no
escape, is fenced with `::stop-commands::` when stdout may be a runner's log (GITHUB_ACTIONS).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from ilotc.cli.streams import HumanStream
from ilotc.output import runner
from ilotc.output.ics_fold import folded
from ilotc.output.json_text import dumps_indented
from ilotc.output.text import no_commands
from runner_model import fenced, forged

HOSTILE = Path(__file__).resolve().parent / "hostile"
PLAN, PARTNERS = HOSTILE / "runner_commands.yaml", HOSTILE / "runner_commands.partners.yaml"
FILES = ["--plan", str(PLAN), "--partners", str(PARTNERS)]
ANNOTATION = re.compile(r"::(error|warning) file=[^\n,:]*,line=\d+,col=\d+::[^\n]*")
CI = {"GITHUB_ACTIONS": "true"}

COMMANDS: list[list[str]] = [
    [*command, *fmt]
    for command in (["list"], ["show", "I.1a.1"], ["overdue", "--as-of", "2030-01"], ["partners"])
    for fmt in ([], ["-f", "json"], ["-f", "csv"], ["-f", "markdown"])
] + [
    ["upcoming", "--as-of", "1999-10", "-n", "36"],
    ["upcoming", "--as-of", "1999-10", "-n", "36", "-f", "markdown"],
    ["partners", "pnud"],
    ["report", "--as-of", "2000-06"],
    ["report", "--as-of", "2000-06", "-f", "markdown"],
    ["report", "--as-of", "2000-06", "-f", "html"],
    ["export", "-f", "csv"],
    ["export", "-f", "json"],
    ["export", "-f", "ics"],
    ["validate"],
    ["validate", "-f", "json"],
    ["diff", str(EXAMPLES / "valid" / "plan.yaml"), str(PLAN)],
    ["diff", str(EXAMPLES / "valid" / "plan.yaml"), str(PLAN), "-f", "markdown"],
    ["diff", str(EXAMPLES / "valid" / "plan.yaml"), str(PLAN), "-f", "json"],
    ["diff", str(PLAN), str(EXAMPLES / "valid" / "plan.yaml")],
]
PAYLOAD = "\u3000::error::a ##[error]b\n\u00a0\u2003\ufeff::warning::c ###[d"
TIMELINES = [["timeline", PAYLOAD], ["timeline", PAYLOAD, "-f", "json"], ["timeline", "##[error]x"]]


def test_the_runner_model_finds_each_form() -> None:
    """The model can fail: it finds what the runner obeys, and only that."""
    assert forged("\u3000::error::x") == ["\u3000::error::x"]
    assert forged("a\n\ufeff\u00a0 ::warning::y\nb") == ["\ufeff\u00a0 ::warning::y"]
    assert forged("text ##[error]z") == ["text ##[error]z"]
    assert forged("a\r::error::cr") == ["::error::cr"]
    assert forged("\x1b[31m::error::colour") == ["\x1b[31m::error::colour"]
    assert forged("word ::error::x\n\\::error::y\n##\\[error]") == []
    assert forged("::stop-commands::t0k\n::error::x\n##[error]y\n::T0K::\n::error::z") == ["::error::z"]


def test_the_blanks_are_every_space_and_format_character() -> None:
    """`runner.BLANK_CLASS` is generated: it is still exactly that set in this Python."""
    wanted = {
        chr(c)
        for c in range(sys.maxunicode + 1)
        if chr(c).isspace() or unicodedata.category(chr(c)) in ("Zs", "Zl", "Zp", "Cf")
    }
    blank = re.compile(f"[{runner.BLANK_CLASS}]")
    assert {chr(c) for c in range(sys.maxunicode + 1) if blank.match(chr(c))} == wanted


def _check(args: list[str], env: dict[str, str] | None, cli: CliRunner) -> str:
    files = [] if args[0] == "timeline" else FILES
    result = cli.invoke(app, [*files, *args], env={"COLUMNS": "100", **(env or {})})
    what = f"ilotc {' '.join(args)} {env or ''}"
    assert result.exit_code in (0, 1), (what, result.exit_code, result.stderr, result.exception)
    assert not forged(result.stderr), (what, forged(result.stderr))
    out = result.stdout_bytes.decode("utf-8")
    assert out, what
    return out


@pytest.mark.parametrize("args", COMMANDS + TIMELINES, ids=" ".join)
def test_no_output_holds_a_command_the_runner_obeys(runner: CliRunner, args: list[str]) -> None:
    out = _check(args, CI, runner)
    if args == ["validate"]:  # on a runner, validate writes annotations by default
        assert all(ANNOTATION.fullmatch(line) for line in forged(out)), out
        out = _check(args, None, runner)
    assert not forged(out), (args, forged(out))
    if "csv" not in args:  # nothing to fence: the format broke every command itself
        assert out == _check(args, None, runner), args


@pytest.mark.parametrize("args", [["list", "-f", "csv"], ["export", "-f", "csv"], ["partners", "-f", "csv"]])
def test_csv_is_fenced_on_a_runner_and_verbatim_elsewhere(runner: CliRunner, args: list[str]) -> None:
    """CSV has no escape for a line break inside a cell: on a runner's log it is written between
    `::stop-commands::TOKEN` and `::TOKEN::`; elsewhere (a file, a pipe outside CI) as it is."""
    plain = _check(args, None, runner)
    assert forged(plain)  # the case does reach the start of a CSV line
    on_ci = _check(args, CI, runner)
    assert fenced(on_ci) and not forged(on_ci)
    inside = on_ci.split("\n", 1)[1].rsplit("::", 2)[0]
    assert inside == plain
    assert next(csv.reader(io.StringIO(inside, newline="")))[0] == "id"


def test_a_csv_without_commands_is_never_fenced(runner: CliRunner) -> None:
    args = ["export", "-f", "csv", "--plan", str(EXAMPLES / "valid" / "plan.yaml")]
    result = runner.invoke(app, [*args, "--partners", str(EXAMPLES / "valid" / "partners.yaml")], env=CI)
    assert result.exit_code == 0 and result.stdout.startswith("id,")


def test_csv_written_to_a_file_is_never_fenced(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    assert runner.invoke(app, ["export", "-o", str(target), *FILES], env=CI).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("id,")


def test_annotations_are_the_only_commands(runner: CliRunner) -> None:
    for env in (CI, None):
        out = _check(["validate", "-f", "github"], env, runner)
        assert forged(out) and all(ANNOTATION.fullmatch(line) for line in forged(out)), out
        assert "##[" not in out


def test_json_escapes_the_legacy_form_and_keeps_the_value() -> None:
    value = {"note": "###[a ##[b", "n": "\u2028::error::x\x85\u202e\x9b"}
    text = dumps_indented(value)
    assert "#\\u0023[b" in text and "##\\u0023[a" in text and "\\u2028" in text and "\\u202e" in text
    assert json.loads(text) == value and not forged(text)


def test_a_calendar_folds_around_commands_and_reads_the_same(runner: CliRunner) -> None:
    from icalendar import Calendar

    calendar = _check(["export", "-f", "ics"], None, runner)
    lines = calendar.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    texts = [str(c["DESCRIPTION"]) for c in Calendar.from_ical(calendar).walk() if "DESCRIPTION" in c]
    assert any("##[error]x" in text and "\u3000::error::forged" in text for text in texts), texts


@given(
    st.text(alphabet=st.sampled_from([":", "#", "[", " ", "\u3000", "\ufeff", "a", "é", "\\"]), max_size=300)
)
def test_folding_any_value_leaves_no_command_and_the_same_value(value: str) -> None:
    line = f"SUMMARY:{value}"
    data = folded(f"BEGIN:VCALENDAR\r\n{line}\r\nEND:VCALENDAR\r\n::x".encode())
    text = data.decode("utf-8")
    lines = text.split("\r\n")
    assert all(len(physical.encode("utf-8")) <= 75 for physical in lines)
    assert not forged("\r\n".join(lines[:-1]))  # the last line is the test's own command
    assert text.replace("\r\n ", "").split("\r\n")[1] == line


PIECES = st.sampled_from(["::error::x", "##[e]", "#", "[", ":", " ", "\u3000", "\ufeff", "\n", "\r", "w"])


@given(st.lists(PIECES, max_size=20), st.data())
def test_the_human_stream_breaks_every_command_however_it_is_written(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    target = io.StringIO()
    stream = HumanStream(target)  # type: ignore[arg-type]
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        stream.write(text[start:end])
    assert not forged(target.getvalue()), (cuts, target.getvalue())
    assert target.getvalue().replace("\\", "") == text.replace("\\", "")
    assert not forged(no_commands(text))

"""Hostile plan content through every command and every format: data stays data.

Each file under tests/hostile/ is one case (its first line says which). For every case and
every command and format: exit 0 or 1, never a traceback; no raw control character in any
human-readable output or on stderr; no line starting with `::` (after blanks, which GitHub's
runner trims) but the annotation writer's, and no legacy `##[` command;
one CSV row per action; Markdown read by a CommonMark renderer keeps its one heading, every
table row and no raw HTML; a calendar that parses with every component in place.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from runner_model import forged

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = sorted(p.stem for p in HOSTILE.glob("*.yaml") if not p.stem.endswith(".partners"))

# Raw in human-readable output: C0 but tab and newline, DEL, C1, bidi controls, separators.
RAW_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Raw in CSV and calendars: the same, but CR may end a line (CRLF).
RAW_CRLF = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
# Raw in JSON: JSON escapes C0 controls; other characters are the data, verbatim.
RAW_JSON = re.compile("[\x00-\x09\x0b-\x1f]")
ANNOTATION = re.compile(r"::(error|warning) file=[^\n,:]*,line=\d+,col=\d+::[^\n]*")
# A workflow command GitHub's runner obeys: `::` first on a line but for any Unicode blank, or
# `##[` anywhere (`runner_model`; ilotc breaks both with a backslash).
GUARD_SECONDS = 60  # a guard against a hang, not a measure of speed (see bench/run.py)


@contextmanager
def _guard() -> Iterator[None]:
    def stop(*_: object) -> None:
        raise TimeoutError("a command did not finish")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _files(case: str) -> list[str]:
    partners = HOSTILE / f"{case}.partners.yaml"
    if not partners.exists():
        partners = EXAMPLES / "valid" / "partners.yaml"
    return ["--plan", str(HOSTILE / f"{case}.yaml"), "--partners", str(partners)]


def _run(runner: CliRunner, case: str, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    with _guard():
        result = runner.invoke(app, [*args, *_files(case)], env=env)
    what = f"{case}: ilotc {' '.join(args)}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (what, result.exception)
    assert result.exit_code in (0, 1), (what, result.exit_code, result.stderr)
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream and "internal error" not in stream, (what, stream)
    assert not RAW_TEXT.search(result.stderr), (what, result.stderr)
    assert not forged(result.stderr), (what, result.stderr)
    # Click's `stdout` turns CRLF into LF; the bytes are what a reader gets
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr


def _human(what: str, out: str) -> None:
    """Terminal, text, Markdown and HTML output: nothing raw, no line a runner would obey."""
    assert not RAW_TEXT.search(out), (what, RAW_TEXT.search(out))
    assert not forged(out), (what, forged(out), out)


def _csv_rows(what: str, out: str) -> list[list[str]]:
    assert not RAW_CRLF.search(out), (what, out)
    assert out.endswith("\r\n"), (what, out)  # RFC 4180: CRLF rows
    rows = list(csv.reader(io.StringIO(out, newline="")))
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), (what, row)
    return rows


def _markdown_html(what: str, text: str) -> str:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in html and "<img" not in html and "<b>" not in html, (what, html)
    table_lines = [line for line in text.splitlines() if line.startswith("|") and "---" not in line]
    assert html.count("<tr>") == len(table_lines), (what, html)
    return html


@pytest.mark.parametrize("case", CASES)
def test_listings_show_the_data_as_data(runner: CliRunner, case: str) -> None:
    code, out, _ = _run(runner, case, "list", "-f", "json")
    if code == 1:  # refused with located problems: nothing else to read
        return
    actions = json.loads(out)
    ids = [action["id"] for action in actions]
    assert not RAW_JSON.search(out) and not forged(out)
    for listing in (
        ["list"],
        ["overdue", "--as-of", "2030-01"],
        ["upcoming", "--as-of", "1999-10", "-n", "36"],
    ):
        what = f"{case}: {listing}"
        count = len(json.loads(_run(runner, case, *listing, "-f", "json")[1]))
        _human(what, _run(runner, case, *listing)[1])
        _markdown_html(what, _run(runner, case, *listing, "-f", "markdown")[1])
        for raw in ([], ["--raw-csv"]):
            out = _run(runner, case, *listing, "-f", "csv", *raw)[1]
            rows = list(csv.reader(io.StringIO(out, newline=""))) if raw else _csv_rows(what, out)
            assert len(rows) == count + 1, (what, raw, rows)
    for action_id in ids:
        _human(f"{case}: show {action_id}", _run(runner, case, "show", action_id)[1])
        assert len(_csv_rows(case, _run(runner, case, "show", action_id, "-f", "csv")[1])) == 2
        _markdown_html(case, _run(runner, case, "show", action_id, "-f", "markdown")[1])


@pytest.mark.parametrize("case", CASES)
def test_partners_report_and_export_show_the_data_as_data(runner: CliRunner, case: str) -> None:
    if _run(runner, case, "list", "-f", "json")[0] == 1:
        return
    partners = json.loads(_run(runner, case, "partners", "-f", "json")[1])
    _human(case, _run(runner, case, "partners")[1])
    _markdown_html(case, _run(runner, case, "partners", "-f", "markdown")[1])
    assert len(_csv_rows(case, _run(runner, case, "partners", "-f", "csv")[1])) == len(partners) + 1
    for partner in partners:
        _human(f"{case}: partners {partner['id']}", _run(runner, case, "partners", partner["id"])[1])

    _human(f"{case}: report", _run(runner, case, "report", "--as-of", "2000-06")[1])
    markdown = _run(runner, case, "report", "--as-of", "2000-06", "-f", "markdown")[1]
    _human(f"{case}: report markdown", markdown)
    html = _markdown_html(f"{case}: report markdown", markdown)
    # the cover (plain paragraphs in the report's own words) comes first, then the one title
    assert html.count("<h1>") == 1, (case, html[:300])
    cover = html[: html.index("<h1>")]
    assert cover.startswith("<p>") and "<h" not in cover and "<br" not in cover, (case, cover)
    page = _run(runner, case, "report", "--as-of", "2000-06", "-f", "html")[1]
    _human(f"{case}: report html", page)
    assert "<script>alert" not in page and "onerror=alert" not in page.replace("onerror=alert(2)&gt;", "")

    exported = _run(runner, case, "export", "-f", "json")[1]
    actions = json.loads(exported)
    rows = _csv_rows(f"{case}: export csv", _run(runner, case, "export", "-f", "csv")[1])
    assert len(rows) == len(actions) + 1
    calendar = _run(runner, case, "export", "-f", "ics")[1]
    assert not RAW_CRLF.search(calendar), (case, calendar)
    from icalendar import Calendar

    components = Calendar.from_ical(calendar).walk()
    begins = [line for line in calendar.split("\r\n") if line.startswith("BEGIN:")]
    assert len(components) == len(begins)
    assert not forged(calendar) and not forged(exported), case


@pytest.mark.parametrize("case", CASES)
def test_problems_and_annotations_show_the_data_as_data(runner: CliRunner, case: str) -> None:
    _human(case, _run(runner, case, "validate")[1])
    json.loads(_run(runner, case, "validate", "-f", "json")[1])
    for out in (
        _run(runner, case, "validate", "-f", "github")[1],
        _run(runner, case, "validate", env={"GITHUB_ACTIONS": "true"})[1],
    ):
        assert all(ANNOTATION.fullmatch(line) for line in out.splitlines()), (case, out)
        assert not RAW_TEXT.search(out)
    ci = {"GITHUB_ACTIONS": "true"}
    _human(case, _run(runner, case, "overdue", "--fail", "--as-of", "2030-01", env=ci)[1])


def test_a_forged_annotation_tag_prints_no_workflow_command(runner: CliRunner) -> None:
    code, out, err = _run(
        runner, "forged_annotation_tag", "overdue", "--fail", env={"GITHUB_ACTIONS": "true"}
    )
    assert code == 1
    assert "::error" in err  # shown, escaped, inside a line of ilotc's own
    assert not any(line.startswith("::") for line in (out + err).splitlines())


def test_a_file_name_with_a_line_break_is_escaped_in_annotations(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "plan\n::error file=x::forged.yaml"
    path.write_text("document: {}\ndocument: {}\n")
    result = runner.invoke(app, ["validate", "-f", "github", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(ANNOTATION.fullmatch(line) for line in lines), lines
    assert "plan%0A%3A%3Aerror file=x%3A%3Aforged.yaml" in lines[0]
    text = runner.invoke(app, ["validate", str(path)])
    assert "plan\\n::error" in text.stdout and not any(
        line.startswith("::") for line in (text.stdout + text.stderr).splitlines()
    )


@pytest.mark.parametrize("case", ["osc52_clipboard", "forged_annotation_text", "csv_formulas"])
def test_a_hostile_note_is_recorded_verbatim_and_shown_escaped(
    runner: CliRunner, tmp_path: Path, case: str
) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(HOSTILE / f"{case}.yaml", plan)
    note = "=cmd\x1b]52;c;aGk=\x07\n::error::forged\u202e"
    args = ["--partners", str(EXAMPLES / "valid" / "partners.yaml"), "--plan", str(plan)]
    dry = runner.invoke(
        app,
        ["update", "III.1a.2", "--status", "done", "--date", "2001-01", "--note", note, "--dry-run", *args],
    )
    assert dry.exit_code == 0, dry.stderr
    assert "\x1b" not in dry.stdout  # the diff shows the YAML, escaped by JSON quoting
    result = runner.invoke(
        app, ["update", "III.1a.2", "--status", "done", "--date", "2001-01", "--note", note, *args]
    )
    assert result.exit_code == 0, result.stderr
    shown = json.loads(runner.invoke(app, ["show", "III.1a.2", "-f", "json", *args]).stdout)
    assert shown[0]["history"][-1]["note"] == note
    panel = runner.invoke(app, ["show", "III.1a.2", *args])
    _human(case, panel.stdout)
    assert "\\e]52" in panel.stdout


def test_formula_cells_are_neutralised_unless_raw_csv_is_asked_for(runner: CliRunner) -> None:
    out = _run(runner, "csv_formulas", "list", "-f", "csv")[1]
    assert ',"\'=HYPERLINK(""http://evil.example"",""x"")",' in out
    raw = _run(runner, "csv_formulas", "export", "-f", "csv", "--raw-csv")[1]
    assert ',"=HYPERLINK(""http://evil.example"",""x"")",' in raw


def test_the_calendar_name_is_escaped_per_rfc_5545(runner: CliRunner) -> None:
    calendar = _run(runner, "markdown_heading", "export", "-f", "ics")[1]
    name = next(line for line in calendar.split("\r\n") if line.startswith("X-WR-CALNAME:"))
    assert name.startswith("X-WR-CALNAME:GB\\n\\n# Rapport falsifié\\n\\n> cité\\n- liste\\n\\n")


@pytest.mark.parametrize("case", CASES)
def test_a_diff_shows_the_data_as_data(runner: CliRunner, case: str) -> None:
    plain, hostile = EXAMPLES / "valid" / "plan.yaml", HOSTILE / f"{case}.yaml"
    for old, new in ((plain, hostile), (hostile, plain)):
        what = f"{case}: diff {old.name} {new.name}"
        args = ["--partners", _files(case)[-1], "diff", str(old), str(new), "-f"]
        with _guard():
            results = {fmt: runner.invoke(app, [*args, fmt]) for fmt in ("table", "json", "markdown")}
        for result in results.values():
            assert result.exit_code in (0, 1), (what, result.exit_code, result.stderr)
            assert "Traceback" not in result.stderr and "internal error" not in result.stderr, what
            assert not RAW_TEXT.search(result.stderr), (what, result.stderr)
            assert not any(line.startswith("::") for line in result.stderr.splitlines()), what
        if results["json"].exit_code == 1:  # refused with located problems
            continue
        records = json.loads(results["json"].stdout)
        assert not RAW_JSON.search(results["json"].stdout) and not forged(results["json"].stdout)
        _human(what, results["table"].stdout)
        markdown = results["markdown"].stdout
        _human(what, markdown)
        html = _markdown_html(what, markdown)
        assert html.count("<h3>") == 1 and html.index("<h3>") == 0, (what, html[:300])
        assert html.count("<li>") >= len({record["id"] for record in records}), (what, html)

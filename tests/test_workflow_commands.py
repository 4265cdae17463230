"""No text from a file starts a workflow command in any human-readable output (CONTRACT).

GitHub's runner trims a line's leading blanks and obeys a `::` command that follows, and the
legacy `##[command]` form. Whatever a field holds and wherever a layout wraps it, ilotc shows
both with a backslash before them; only the annotation writer prints `::` lines. JSON and CSV
keep the data byte for byte, inside their strings and quoted fields.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from runner_model import forged

PARTNERS = EXAMPLES / "valid" / "partners.yaml"


def _plan(field: str, value: str) -> dict[str, object]:
    plan: dict[str, object] = {
        "document": {"title": "A plan", "date": "2000-01"},
        "parts": [
            {
                "id": "I",
                "title": "Part one",
                "sections": [
                    {
                        "id": "1",
                        "title": "Section one",
                        "actions": [
                            {"id": "I.1.1", "text": "Do it", "timeline": "Achevée en avril 2000"},
                            {"id": "I.1.2", "text": "Report", "timeline": "Tous les trois mois"},
                        ],
                    }
                ],
            }
        ],
    }
    target: dict[str, object] = {
        "title": plan["document"],  # type: ignore[dict-item]
        "part": plan["parts"][0],  # type: ignore[index]
        "section": plan["parts"][0]["sections"][0],  # type: ignore[index]
        "text": plan["parts"][0]["sections"][0]["actions"][0],  # type: ignore[index]
        "note": plan["parts"][0]["sections"][0]["actions"][0],  # type: ignore[index]
    }[field]
    if field == "note":
        target["history"] = [{"date": "2000-03", "status": "in_progress", "note": value}]  # type: ignore[index]
    else:
        target["title" if field in ("title", "part", "section") else "text"] = value  # type: ignore[index]
    return plan


# Words, blanks and line breaks around the two command forms, so that wrapping at any width
# may bring a `::` to the start of a line.
PIECES = st.sampled_from(
    [
        *("::error::forged", "##[error]x", "::warning title=t::", " ", "  ", "\n", "word", "a" * 17),
        *("\u3000", "\u00a0\u2003", "\ufeff", "#", "["),
    ]
)
VALUES = st.lists(PIECES, min_size=1, max_size=12).map("".join)
FIELDS = st.sampled_from(["title", "part", "section", "text", "note"])
COMMANDS = [
    ["list"],
    ["show", "I.1.1"],
    ["overdue", "--as-of", "2001-01"],
    ["upcoming", "--as-of", "2000-01", "-n", "12"],
    ["report", "--as-of", "2001-01"],
    ["report", "--as-of", "2001-01", "-f", "markdown"],
    ["list", "-f", "markdown"],
    ["validate"],
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=FIELDS, value=VALUES, width=st.integers(min_value=40, max_value=120))
def test_no_field_starts_a_workflow_command_in_any_human_output(
    tmp_path: Path, field: str, value: str, width: int
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(_plan(field, value), allow_unicode=True), encoding="utf-8")
    runner = CliRunner()
    files = ["--plan", str(plan), "--partners", str(PARTNERS)]
    for command in COMMANDS:
        result = runner.invoke(app, [*command, *files], env={"COLUMNS": str(width)})
        assert result.exit_code == 0, (command, result.output)
        for stream in (result.stdout, result.stderr):
            assert not forged(stream), (command, width, stream)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=VALUES)
def test_json_and_csv_keep_the_text_byte_for_byte(tmp_path: Path, value: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(_plan("text", value), allow_unicode=True), encoding="utf-8")
    runner = CliRunner()
    files = ["--plan", str(plan), "--partners", str(PARTNERS)]
    records = json.loads(runner.invoke(app, ["list", "-f", "json", *files]).stdout)
    assert records[0]["text"] == value
    out = runner.invoke(app, ["export", "-f", "csv", *files]).stdout_bytes.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert rows[0]["text"].replace("\r\n", "\n") == value


def test_a_wrapped_title_cannot_start_an_indented_command(runner: CliRunner) -> None:
    """The red-team's case: the terminal report wrapped a title to `   ::error title=...`."""
    plan = Path(__file__).resolve().parent / "hostile" / "forged_annotation_wrapped.yaml"
    args = ["report", "--as-of", "2001-01", "--plan", str(plan), "--partners", str(PARTNERS)]
    out = runner.invoke(app, args, env={"COLUMNS": "80"}).stdout
    assert "\\::error title=Forged::hello" in out
    assert not forged(out)


def test_annotations_are_the_only_lines_left_as_they_are(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("document: {}\ndocument: {}\n")
    out = runner.invoke(app, ["validate", "-f", "github", str(plan)]).stdout
    assert out.startswith("::error file=")


@given(st.lists(PIECES, min_size=1, max_size=12), st.data())
def test_a_command_split_between_writes_is_still_marked(pieces: list[str], data: st.DataObject) -> None:
    """Rich and the table writer send text in pieces: a `::` or `##[` cut between two writes,
    or blanks written before it, still gets its backslash."""
    from ilotc.cli.streams import HumanStream

    text = "".join(pieces)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    target = io.StringIO()
    stream = HumanStream(target)  # type: ignore[arg-type]
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        stream.write(text[start:end])
    written = target.getvalue()
    assert not forged(written), (cuts, written)
    assert written.replace("\\", "") == text.replace("\\", "")

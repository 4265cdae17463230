"""Arbitrary Unicode in every text field: verbatim in JSON, never a raw control character in
a table, Markdown, CSV or the text of a panel or message."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from ilotc.output.listing import Column, render

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
RAW_CSV = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
COLUMNS = (Column("id", "id"), Column("text", "text"), Column("note", "note"))

# Text as hostile as it comes: every code point but surrogates, weighted toward controls.
TEXT = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)), st.sampled_from("\x1b\r\n\t\x07\x9b\u202e|#<>=@-")
    ),
    min_size=1,
    max_size=40,
)


@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=5))
def test_renderers_never_write_a_raw_control_character(values: list[tuple[str, str]]) -> None:
    from rich.console import Console

    records = [{"id": f"A.{n}", "text": text, "note": note} for n, (text, note) in enumerate(values)]
    table = io.StringIO()
    Console(file=table, width=80, color_system=None).print(render("table", records, COLUMNS))
    assert not RAW.search(table.getvalue())
    assert not RAW.search(markdown := str(render("markdown", records, COLUMNS)))
    assert markdown.count("\n") == len(records) + 2  # a row per record, whatever the text holds
    text = str(render("csv", records, COLUMNS))
    assert not RAW_CSV.search(text)
    assert len(list(csv.reader(io.StringIO(text, newline="")))) == len(records) + 1


def _plan(values: dict[str, str]) -> dict[str, Any]:
    plan = yaml.safe_load((EXAMPLES / "valid" / "plan.yaml").read_text())
    plan["document"]["symbol"] = values["symbol"]
    plan["parts"][0]["title"] = values["part_title"]
    issue = plan["parts"][0]["sections"][0]["issues"][0]
    issue["context"] = values["context"]
    action = issue["actions"][1]
    action["text"] = values["text"]
    action["timeline"] = values["timeline"]
    action["history"][0]["note"] = values["note"]
    return plan


FIELDS = ("symbol", "part_title", "context", "text", "timeline", "note")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries(dict.fromkeys(FIELDS, TEXT)))
def test_any_text_round_trips_through_json_and_is_shown_escaped(
    tmp_path: Path, values: dict[str, str]
) -> None:
    runner = CliRunner()
    path = tmp_path / "plan.yaml"
    # PyYAML writes NEL and the line separators raw when allow_unicode is set, and YAML 1.1
    # reads them back as line breaks: escaped, every character round-trips.
    path.write_text(yaml.safe_dump(_plan(values), allow_unicode=False), encoding="utf-8")
    args = ["--plan", str(path), "--partners", str(EXAMPLES / "valid" / "partners.yaml")]
    listed = runner.invoke(app, ["--no-cache", "list", "-f", "json", *args])
    assert listed.exception is None or isinstance(listed.exception, SystemExit)
    assume(listed.exit_code == 0)  # a value the schema refuses (blank, padded) is refused cleanly
    action = next(a for a in json.loads(listed.stdout) if a["id"] == "I.1a.2")
    assert (action["text"], action["timeline"], action["history"][0]["note"]) == (
        values["text"],
        values["timeline"],
        values["note"],
    )
    for command in (
        ["list"],
        ["list", "-f", "markdown"],
        ["show", "I.1a.2"],
        ["report", "--as-of", "2000-06"],
    ):
        result = runner.invoke(app, ["--no-cache", *command, *args])
        assert result.exit_code == 0, (command, result.stderr)
        assert not RAW.search(result.stdout + result.stderr), command
    out = runner.invoke(app, ["--no-cache", "list", "-f", "csv", *args]).stdout_bytes.decode()
    assert not RAW_CSV.search(out)
    assert len(list(csv.reader(io.StringIO(out, newline="")))) == len(json.loads(listed.stdout)) + 1

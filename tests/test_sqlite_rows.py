"""`export --format sqlite` builds its rows from the actions themselves, not from their JSON
records (building the records' titles and lists cost most of the export's time): its values
must stay those of `export --format json`, column by column, whatever the date.

The bundled plan (schedules with labels, immediate starts, several schedules per action) and
the example portfolio (status changes, actions done late and on time, partners) are exported
both ways and compared row by row.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from ilotc.output.database import SCHEMA

PORTFOLIO = ["--plan", str(EXAMPLES / "portfolio")]
CASES = [
    pytest.param([], [], "2000-06", id="bundled-2000-06"),
    pytest.param([], [], "2030-01", id="bundled-2030-01"),
    pytest.param(PORTFOLIO, [], "2025-03", id="portfolio-2025-03"),
    pytest.param(PORTFOLIO, [], "2025-06", id="portfolio-2025-06"),
    pytest.param(PORTFOLIO, ["--status", "done"], "2025-06", id="portfolio-done-only"),
]

# the JSON record's keys, in the order of the actions table's columns (but as_of and position)
RECORD_KEYS = (
    "plan",
    "id",
    "part",
    "section",
    "text",
    "timeline",
    "kind",
    "start",
    "due",
    "every_months",
    "status",
    "done_late_days",
    "note",
)


def exports(
    runner: CliRunner, tmp_path: Path, plan: list[str], filters: list[str], as_of: str
) -> tuple[list[dict[str, Any]], sqlite3.Connection]:
    """The JSON records and the SQLite database of the same export."""
    result = runner.invoke(app, [*plan, "export", "--format", "json", "--as-of", as_of, *filters])
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    db = tmp_path / "out.db"
    result = runner.invoke(app, [*plan, "export", "-o", str(db), "--as-of", as_of, *filters])
    assert result.exit_code == 0, result.stderr
    return records, sqlite3.connect(db)


@pytest.mark.parametrize(("plan", "filters", "as_of"), CASES)
def test_each_action_row_holds_its_json_record_values(
    runner: CliRunner, tmp_path: Path, plan: list[str], filters: list[str], as_of: str
) -> None:
    records, db = exports(runner, tmp_path, plan, filters, as_of)
    rows = db.execute(
        "SELECT plan, id, part, section, text, timeline, kind, start, due, every_months, status, "
        "as_of, done_late_days, note, position FROM actions ORDER BY rowid"
    ).fetchall()
    day = db.execute("SELECT DISTINCT as_of FROM actions").fetchall()
    assert len(day) == 1 and day[0][0].startswith(as_of)
    assert [(*(r[key] for key in RECORD_KEYS), position) for position, r in enumerate(records)] == [
        (*row[:3], row[3] or None, *row[4:11], *row[12:]) for row in rows
    ]
    assert any(r["status"] != "planned" for r in records)  # the dates chosen see changes


@pytest.mark.parametrize(("plan", "filters", "as_of"), CASES)
def test_schedules_changes_and_partners_are_the_records_lists(
    runner: CliRunner, tmp_path: Path, plan: list[str], filters: list[str], as_of: str
) -> None:
    records, db = exports(runner, tmp_path, plan, filters, as_of)
    schedules = [
        (
            r["plan"],
            r["id"],
            n,
            s["kind"],
            s["start"],
            s["due"],
            s["every_months"],
            int(s["immediate"]),
            s.get("label"),
        )
        for r in records
        for n, s in enumerate(r["schedules"])
    ]
    assert db.execute("SELECT * FROM schedules ORDER BY rowid").fetchall() == schedules
    changes = [
        (r["plan"], r["id"], n, c["date"], c["status"], c["note"])
        for r in records
        for n, c in enumerate(r["history"])
    ]
    assert db.execute("SELECT * FROM status_changes ORDER BY rowid").fetchall() == changes
    links = [(r["plan"], r["id"], p) for r in records for p in dict.fromkeys(r["partners"])]
    assert db.execute("SELECT * FROM action_partners ORDER BY rowid").fetchall() == links


def test_the_bundled_plan_covers_labels_immediate_starts_and_several_schedules(
    runner: CliRunner, tmp_path: Path
) -> None:
    _, db = exports(runner, tmp_path, [], [], "2000-06")
    labelled, immediate, second = db.execute(
        "SELECT count(label), sum(immediate), sum(position > 0) FROM schedules"
    ).fetchone()
    assert labelled > 0 and immediate > 0 and second > 0


def test_the_schema_lists_each_table_before_its_indexes_as_schema_writes_them(
    runner: CliRunner, tmp_path: Path
) -> None:
    # the rows go in before the indexes are made, table by table in SCHEMA's order
    _, db = exports(runner, tmp_path, PORTFOLIO, [], "2025-06")
    listed = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE sql IS NOT NULL")]
    assert listed == re.findall(r"CREATE (?:TABLE|INDEX) (\w+)", SCHEMA)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

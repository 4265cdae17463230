"""`export --format sqlite`: the portfolio as SQLite tables, and docs/portfolio.md's queries.

The example portfolio (`examples/portfolio/`, see tests/test_status.py) is exported as of
June 2025 and the documented queries are run against the file.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from conftest import EXAMPLES, ROOT
from ilotc.cli.main import app

TREE = EXAMPLES / "portfolio"
DOC = ROOT / "docs" / "portfolio.md"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def exported(runner: CliRunner, path: Path, *args: str) -> sqlite3.Connection:
    code, _, err = run(runner, "--plan", str(TREE), "export", "-o", str(path), "--as-of", "2025-06", *args)
    assert code == 0, err
    return sqlite3.connect(path)


def documented_queries() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_tables_hold_every_plan_action_schedule_change_and_partner(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = exported(runner, tmp_path / "portfolio.db")
    assert db.execute("SELECT name, title, position FROM plans ORDER BY position").fetchall() == [
        ("KEN-2025", "Kenya country programme", 0),
        ("regional", "Regional plan two", 1),
        ("PER-2025", "Peru country programme", 2),
    ]
    assert db.execute("SELECT plan, id, status, due FROM actions WHERE plan = 'KEN-2025'").fetchall() == [
        ("KEN-2025", "I.1.1", "done", "2025-03"),
        ("KEN-2025", "I.1.2", "planned", None),
        ("KEN-2025", "I.1.3", "in_progress", "2025-12"),
    ]
    assert db.execute("SELECT * FROM status_changes WHERE action_id = 'I.1.1'").fetchall() == [
        ("KEN-2025", "I.1.1", 0, "2025-02-20", "in_progress", None),
        ("KEN-2025", "I.1.1", 1, "2025-03-10", "done", "Signed"),
    ]
    assert db.execute("SELECT count(*) FROM schedules").fetchone() == (7,)
    assert db.execute("SELECT * FROM action_partners").fetchall() == [("PER-2025", "I.1.1", "union")]
    code, out, _ = run(runner, "--plan", str(TREE), "partners", "--format", "json")
    assert code == 0
    assert {row[0] for row in db.execute("SELECT id FROM partners")} >= {p["id"] for p in json.loads(out)}


def test_keys_hold_and_indexes_exist(runner: CliRunner, tmp_path: Path) -> None:
    db = exported(runner, tmp_path / "portfolio.db")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"actions_status", "actions_due", "schedules_due", "status_changes_date"} <= indexes


def test_the_documented_queries_answer_as_the_commands_do(runner: CliRunner, tmp_path: Path) -> None:
    db = exported(runner, tmp_path / "portfolio.db")
    past_due, partners, completed = documented_queries()
    # as `status`: Kenya's one late action is a start; the other two plans are each late on one due
    assert db.execute(past_due).fetchall() == [("PER-2025", 1), ("regional", 1)]
    assert db.execute(partners).fetchall() == [("union", "National Trade Union Congress", 1)]
    assert db.execute(completed).fetchall() == [("KEN-2025", "I.1.1", "2025-03-10", "Signed")]


def test_a_re_export_replaces_the_file_and_leaves_nothing_beside_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "portfolio.db"
    exported(runner, path).close()
    before = path.stat().st_ino
    exported(runner, path, "--plan-id", "KEN-2025").close()
    assert path.stat().st_ino != before  # a new file renamed over the old one, not rewritten in place
    assert sqlite3.connect(path).execute("SELECT count(*) FROM actions").fetchone() == (3,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portfolio.db"]


def test_the_suffix_names_the_format_and_stdout_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "export", "-o", str(tmp_path / "plan.sqlite"))
    assert code == 0, err
    assert sqlite3.connect(tmp_path / "plan.sqlite").execute("SELECT count(*) FROM actions").fetchone() == (
        78,
    )
    code, out, err = run(runner, "export", "--format", "sqlite")
    assert (code, out) == (2, "")
    assert "give -o FILE" in err

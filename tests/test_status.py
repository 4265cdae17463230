"""`ilotc status`: one row per plan, most behind first, in every listing format.

The example portfolio (`examples/portfolio/`): Kenya (3 actions: one done on 10 March 2025,
one to start in May 2025, one due by December 2025 and under way since 2 April 2025), and
two plans of two actions (due by March 2025, to start in May 2025) with no history.
"""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app

TREE = EXAMPLES / "portfolio"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def rows(runner: CliRunner, *args: str) -> list[dict[str, object]]:
    code, out, err = run(runner, "--plan", str(TREE), "status", *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_one_row_per_plan_most_behind_first(runner: CliRunner) -> None:
    assert rows(runner, "--as-of", "2025-06") == [
        {
            "plan": "regional",
            "title": "Regional plan two",
            "actions": 2,
            "done": 0,
            "cancelled": 0,
            "done_percent": 0,
            "late": 2,
            "next_due": None,
            "last_change": None,
        },
        {
            "plan": "PER-2025",
            "title": "Peru country programme",
            "actions": 2,
            "done": 0,
            "cancelled": 0,
            "done_percent": 0,
            "late": 2,
            "next_due": None,
            "last_change": None,
        },
        {
            "plan": "KEN-2025",
            "title": "Kenya country programme",
            "actions": 3,
            "done": 1,
            "cancelled": 0,
            "done_percent": 33,
            "late": 1,
            "next_due": "2025-12-31",
            "last_change": "2025-04-02",
        },
    ]


def test_as_of_counts_only_what_was_recorded_by_then(runner: CliRunner) -> None:
    kenya = next(row for row in rows(runner, "--as-of", "2025-03-15") if row["plan"] == "KEN-2025")
    assert (kenya["done"], kenya["late"], kenya["next_due"], kenya["last_change"]) == (
        1,
        0,
        "2025-12-31",
        "2025-03-10",
    )
    before = rows(runner, "--as-of", "2025-02")
    assert [row["late"] for row in before] == [0, 0, 0]
    assert [row["plan"] for row in before] == ["KEN-2025", "regional", "PER-2025"]  # path order
    assert {row["next_due"] for row in before} == {"2025-03-31"}


def test_filters_choose_the_actions_counted_and_drop_plans_left_empty(runner: CliRunner) -> None:
    only = rows(runner, "--as-of", "2025-06", "--plan-id", "KEN-2025")
    assert [(row["plan"], row["actions"]) for row in only] == [("KEN-2025", 3)]
    planned = rows(runner, "--as-of", "2025-06", "--status", "planned")
    assert [(row["plan"], row["actions"], row["late"]) for row in planned] == [
        ("regional", 2, 2),
        ("PER-2025", 2, 2),
        ("KEN-2025", 1, 1),
    ]


def test_every_listing_format(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--plan", str(TREE), "status", "--as-of", "2025-06", "--format", "csv")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert [row["plan"] for row in table] == ["regional", "PER-2025", "KEN-2025"]
    assert table[2]["done_percent"] == "33" and table[0]["next_due"] == ""
    code, out, _ = run(runner, "--plan", str(TREE), "status", "--as-of", "2025-06", "--format", "markdown")
    assert code == 0
    assert out.splitlines()[0].startswith("| plan | title | actions |")
    assert "| KEN-2025 | Kenya country programme | 3 | 1 | 0 | 33 | 1 | 2025-12-31 | 2025-04-02 |" in out
    code, out, err = run(runner, "--plan", str(TREE), "status", "--as-of", "2025-06")
    assert code == 0
    assert out.index("regional") < out.index("PER-2025") < out.index("KEN-2025")
    assert "Done %" in out and "Next due" in out
    assert "3 plans of 3 in use" in err


def test_one_plan_is_one_row(runner: CliRunner) -> None:
    code, out, err = run(runner, "status", "--as-of", "2000-06", "--format", "json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert (row["plan"], row["actions"]) == ("GB.276/TC/2", 78)
    code, out, _ = run(runner, "overdue", "--as-of", "2000-06", "--format", "json")
    assert row["late"] == len(json.loads(out))

"""Who is responsible for an action: the field, its filter, its columns, `overdue --by
responsible`, and whether a done action was done late (tests/examples/responsible/plan.yaml)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app

PLAN = str(EXAMPLES / "responsible" / "plan.yaml")


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["--plan", PLAN, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def records(runner: CliRunner, *args: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(run(runner, *args, "--format", "json"))
    return found


def test_responsible_is_a_list_whether_the_file_gives_one_name_or_several(runner: CliRunner) -> None:
    found = {r["id"]: r["responsible"] for r in records(runner, "list", "--as-of", "2025-09")}
    assert found == {
        "A.1": ["Legal unit"],
        "A.2": ["Employment department", "ministry"],
        "A.3": ["Employment department"],
        "A.4": [],
        "A.5": ["ministry"],
    }


def test_done_late_days_counts_from_the_end_of_the_due_period(runner: CliRunner) -> None:
    found = {r["id"]: r["done_late_days"] for r in records(runner, "list", "--as-of", "2025-09")}
    # A.1 due March 2025, done 20 March: 11 days early; A.2 due April, done 31 July: 92 days late;
    # A.3 and A.4 not done; A.5 recurring, never due as a whole
    assert found == {"A.1": -11, "A.2": 92, "A.3": None, "A.4": None, "A.5": None}
    # as of a day before the done change, it is not done yet
    before = {r["id"]: r["done_late_days"] for r in records(runner, "list", "--as-of", "2025-07")}
    assert before["A.2"] is None


def test_overdue_records_carry_done_late_days_and_responsible(runner: CliRunner) -> None:
    found = records(runner, "overdue", "--as-of", "2025-09")
    assert [(r["id"], r["responsible"], r["done_late_days"]) for r in found] == [
        ("A.3", ["Employment department"], None),
        ("A.4", [], None),
    ]


def test_responsible_filter_ignores_case_and_accents_and_repeats(runner: CliRunner) -> None:
    ids = [r["id"] for r in records(runner, "list", "--responsible", "EMPLOYMENT DEPARTMENT")]
    assert ids == ["A.2", "A.3"]
    ids = [r["id"] for r in records(runner, "list", "--responsible", "legal unit", "--responsible", "nobody")]
    assert ids == ["A.1"]


def test_responsible_filter_knows_a_partner_by_its_id_or_its_name(runner: CliRunner) -> None:
    by_id = [r["id"] for r in records(runner, "list", "--responsible", "ministry")]
    by_name = [r["id"] for r in records(runner, "list", "--responsible", "Ministry of Labour and Employment")]
    assert by_id == by_name == ["A.2", "A.5"]


def test_responsible_filter_on_overdue_and_export(runner: CliRunner) -> None:
    late = records(runner, "overdue", "--as-of", "2025-09", "--responsible", "employment department")
    assert [r["id"] for r in late] == ["A.3"]
    exported = json.loads(run(runner, "export", "--format", "json", "--responsible", "legal unit"))
    assert [r["id"] for r in exported] == ["A.1"]


def test_overdue_by_responsible_counts_late_actions_per_unit(runner: CliRunner) -> None:
    found = records(runner, "overdue", "--as-of", "2025-09", "--by", "responsible")
    assert found == [
        {"responsible": "Employment department", "actions": 2, "late": 1, "max_days_late": 93},
        {"responsible": None, "actions": 1, "late": 1, "max_days_late": 63},
        {"responsible": "Legal unit", "actions": 1, "late": 0, "max_days_late": None},
        {"responsible": "ministry", "actions": 2, "late": 0, "max_days_late": None},
    ]
    table = run(runner, "overdue", "--as-of", "2025-09", "--by", "responsible")
    assert "Employment department" in table
    assert "(no one named)" in table


def test_csv_has_the_responsible_and_done_late_columns(runner: CliRunner) -> None:
    rows = list(csv.DictReader(io.StringIO(run(runner, "list", "--format", "csv", "--as-of", "2025-09"))))
    assert rows[1]["responsible"] == "Employment department; ministry"
    assert rows[1]["done_late_days"] == "92"


def test_a_responsible_must_be_text(tmp_path: Path, runner: CliRunner) -> None:
    plan = tmp_path / "plan.yaml"
    text = (EXAMPLES / "responsible" / "plan.yaml").read_text(encoding="utf-8")
    plan.write_text(text.replace("responsible: Legal unit", "responsible: 12"), encoding="utf-8")
    (tmp_path / "partners.yaml").write_text(
        (EXAMPLES / "responsible" / "partners.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1
    assert "responsible" in result.output


def test_a_table_shows_who_is_responsible_only_where_someone_is_named(runner: CliRunner) -> None:
    header = run(runner, "list").splitlines()[1]
    assert "Responsible" in header
    bundled = CliRunner().invoke(app, ["list", "--part", "I"]).stdout.splitlines()[1]
    assert "Responsible" not in bundled


def test_the_report_says_who_is_responsible_and_how_late_an_action_was_done(runner: CliRunner) -> None:
    report = run(runner, "report", "--format", "markdown", "--as-of", "2025-09", "--since", "2025-01")
    # dates as the ILO writes them, with no-break spaces (the report in prose: issue 28)
    assert "A.1 was completed (20\u00a0March\u00a02025, done on time)" in report
    assert (
        "A.2 was completed (31\u00a0July\u00a02025, done 92 days after its deadline), "
        "with the note “late but done”" in report
    )
    assert "Responsible: Employment department, ministry" in report

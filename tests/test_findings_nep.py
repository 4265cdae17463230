"""A newcomer's plan (tests/examples/nep/): parts named "Pillar 1", no sections, quarterly
reports, a registry of its own; what the bundled plan never showed."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from ilotc.model.dates import PlanDate
from ilotc.model.lateness import plan_date_of, upcoming_as_of
from ilotc.store.loading import load

NEP = EXAMPLES / "nep"
PLAN = ["--plan", str(NEP / "nep.yaml")]


def _upcoming(as_of: str, within: str) -> dict[str, str]:
    result = CliRunner().invoke(app, [*PLAN, "upcoming", "--as-of", as_of, "--within", within, "-f", "json"])
    assert result.exit_code == 0, result.output
    return {record["id"]: record["date"] for record in json.loads(result.stdout)}


def test_a_missed_occurrence_does_not_hide_the_next() -> None:
    # P1.3 is quarterly from 15 January 2026: April's occurrence was missed, July's is next
    assert _upcoming("2026-06", "4")["P1.3"] == "2026-07-15"
    assert _upcoming("2026-10", "3")["P1.3"] == "2026-10-15"


def test_the_next_occurrence_follows_the_rhythm_of_the_last_done() -> None:
    data = load(EXAMPLES / "asof" / "plan.yaml", EXAMPLES / "asof" / "partners.yaml")
    anchor = plan_date_of(data.plan.document.date)
    day = PlanDate.parse("2001-01").first_day()
    found = {u.action.id: u.date for u in upcoming_as_of(list(data.plan), day, 9, anchor)}
    assert found["I.3.1"] == dt.date(2001, 9, 28)  # yearly from 28 September 1999, missed in 2000


def test_the_report_lists_a_missed_recurring_action_as_falling_due_next() -> None:
    result = CliRunner().invoke(app, [*PLAN, "report", "-f", "markdown", "--as-of", "2026-10"])
    next_up = result.stdout.split("falls due next", 1)[1]
    assert "P1.3, “Publish youth labour market bulletins”, falls due on 15\u00a0October\u00a02026." in next_up


def test_report_names_a_part_whose_id_is_a_word_by_its_id() -> None:
    out = CliRunner().invoke(app, [*PLAN, "report", "-f", "markdown", "--as-of", "2026-10"]).stdout
    assert "of Pillar 1 (Jobs for young people)" in out and "| Pillar 1 |" in out
    assert "Part Pillar" not in out


def test_report_names_a_numbered_part_part_n() -> None:
    out = CliRunner().invoke(app, ["report", "-f", "markdown", "--as-of", "2001-01"]).stdout
    assert "| Part I |" in out


def test_report_annex_has_no_empty_section_and_says_occurrence_missed() -> None:
    out = CliRunner().invoke(app, [*PLAN, "report", "-f", "markdown", "--as-of", "2026-10"]).stdout
    assert "**Section:**  — " not in out and "Section:" not in out
    assert "P1.3, “Publish youth labour market bulletins”, has missed an occurrence due by" in out
    assert "| Recurring, occurrence missed; occurrence missed, late since 16\u00a0April\u00a02026" in out


def test_report_since_after_as_of_is_bad_usage() -> None:
    result = CliRunner().invoke(app, ["report", "--since", "2027-01", "--as-of", "2026-06"])
    assert result.exit_code == 2
    assert "--since 2027-01 is after the as-of date 2026-06-01" in result.stderr


def test_overdue_counts_only_the_actions_the_filters_keep() -> None:
    args = [*PLAN, "--plan", str(EXAMPLES.parent.parent / "data" / "plan.yaml")]
    result = CliRunner().invoke(app, [*args, "overdue", "--plan-id", "NEP-2026", "--as-of", "2026-10"])
    assert result.exit_code == 0, result.output
    assert "overdue of 10 actions as of" in result.stderr


def test_diff_checks_each_version_against_the_registry_it_names() -> None:
    result = CliRunner().invoke(
        app, ["diff", str(NEP / "nep-v1.yaml"), str(NEP / "nep-v3.yaml"), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert {record["change"] for record in json.loads(result.stdout)} >= {"status", "removed"}


def test_diff_partners_overrides_the_registries_the_plans_name() -> None:
    registry = EXAMPLES.parent.parent / "data" / "partners.yaml"
    args = ["diff", str(NEP / "nep-v1.yaml"), str(NEP / "nep-v3.yaml"), "--partners", str(registry)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "unknown partner 'vef'" in result.stderr


def _git(cwd: Path, *args: str) -> None:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **env})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_of_a_git_revision_reads_the_registry_at_that_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(NEP / "nep-v1.yaml", tmp_path / "nep.yaml")
    shutil.copy(NEP / "nep-partners.yaml", tmp_path / "nep-partners.yaml")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "nep.yaml", "nep-partners.yaml")
    _git(tmp_path, "commit", "-qm", "v1")
    shutil.copy(NEP / "nep-v3.yaml", tmp_path / "nep.yaml")
    # the working tree's registry loses a partner the committed version names
    (tmp_path / "nep-partners.yaml").write_text("format: 2\npartners: []\n")
    result = CliRunner().invoke(app, ["diff", "HEAD:nep.yaml", "HEAD:nep.yaml"])
    assert result.exit_code == 0, result.output
    assert "No changes" in result.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_of_a_git_revision_falls_back_to_the_working_tree_registry_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(NEP / "nep-v1.yaml", tmp_path / "nep.yaml")
    shutil.copy(NEP / "nep-partners.yaml", tmp_path / "nep-partners.yaml")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "nep.yaml")
    _git(tmp_path, "commit", "-qm", "v1 without its registry")
    result = CliRunner().invoke(app, ["diff", "HEAD:nep.yaml", "nep.yaml"])
    assert result.exit_code == 0, result.output
    assert (
        "HEAD:nep.yaml: no registry nep-partners.yaml at HEAD; checked against nep-partners.yaml"
        in result.stderr
    )


def _two_plans(tmp_path: Path) -> list[str]:
    """The newcomer's plan and a copy under another symbol, sharing every id, where P1.1 was
    done in time: the copy's P1.1 is not overdue, the original's is."""
    other = (NEP / "nep.yaml").read_text(encoding="utf-8").replace("symbol: NEP-2026", "symbol: NEP-COPY")
    done = "        history: []\n"
    assert done in other
    other = other.replace(done, '        history:\n          - {date: "2026-03", status: done}\n', 1)
    (tmp_path / "copy.yaml").write_text(other, encoding="utf-8")
    shutil.copy(NEP / "nep-partners.yaml", tmp_path / "nep-partners.yaml")
    return ["--plan", str(NEP / "nep.yaml"), "--plan", str(tmp_path / "copy.yaml")]


def test_a_report_on_two_plans_names_each_and_counts_each_apart(tmp_path: Path) -> None:
    args = [*_two_plans(tmp_path), "report", "-f", "markdown", "--as-of", "2026-10"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "This report covers 2 implementation plans, 20 actions in all" in out
    assert "   - NEP-2026: 2026 National Employment Plan (10 actions)" in out
    assert "   - NEP-COPY: 2026 National Employment Plan (10 actions)" in out
    assert "sets out" not in out and "Whole plan" not in out
    # the copy's P1.1 is done: one overdue action fewer in its Pillar 1, ids shared or not
    assert "| NEP-2026 Pillar 1 | 3 | 0 | 0 | 2 | 0 | 1 | 0% | 3 |" in out
    assert "| NEP-COPY Pillar 1 | 3 | 1 | 0 | 1 | 0 | 1 | 50% | 2 |" in out
    assert "| All plans | 20 |" in out
    overdue = out.split("## Overdue actions", 1)[1].split("##", 1)[0]
    assert "NEP-2026:P1.1, " in overdue and "NEP-COPY:P1.1" not in overdue
    assert "| NEP-COPY:P1.1 |" in out


def test_a_report_on_one_plan_names_no_plan_before_ids_or_parts() -> None:
    # (the bundled plan's reports are pinned byte for byte by the golden files)
    out = CliRunner().invoke(app, [*PLAN, "report", "-f", "markdown", "--as-of", "2026-10"]).stdout
    assert "NEP-2026:" not in out and "| Pillar 1 |" in out


def test_the_overdue_table_says_an_occurrence_was_missed_and_json_keeps_due() -> None:
    table = CliRunner().invoke(app, [*PLAN, "overdue", "--as-of", "2026-10"]).stdout
    row = next(line for line in table.splitlines() if "P1.3" in line)
    assert "occurrence missed" in row and "not finished" not in row
    records = json.loads(
        CliRunner().invoke(app, [*PLAN, "overdue", "--as-of", "2026-10", "-f", "json"]).stdout
    )
    assert next(r for r in records if r["id"] == "P1.3")["reason"] == "due"

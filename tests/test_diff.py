"""`ilotc diff`: example pairs per kind of change, formats, exit codes, git revisions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES, ROOT
from ilotc.cli.main import app
from ilotc.diff.changes import ChangeKind, due_moved_days
from ilotc.model.dates import PlanDate
from ilotc.model.schedule import Schedule
from ilotc.model.vocab import Kind
from ilotc.output.diff import FORMATS

PAIRS = EXAMPLES / "diff"
PARTNERS = EXAMPLES / "valid" / "partners.yaml"
CASES = sorted(path.name for path in PAIRS.iterdir() if path.is_dir())


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--partners", str(PARTNERS), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_there_is_an_example_pair_for_every_kind_of_change() -> None:
    assert {str(kind) for kind in ChangeKind} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_example_pair_gives_the_expected_records(runner: CliRunner, case: str) -> None:
    folder = PAIRS / case
    code, out, err = run(runner, "diff", str(folder / "old.yaml"), str(folder / "new.yaml"), "-f", "json")
    assert code == 0, err
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert json.loads(out) == expected
    kinds = {record["change"] for record in expected}
    assert kinds == ({"text"} if case == "headings" else {case})


def test_the_formats_are_the_registry(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diff", "--help"])
    assert f"<{'|'.join(FORMATS)}>" in result.stdout
    assert all(what in " ".join(result.stdout.split()) for _render, what in FORMATS.values())


def test_table_shows_words_removed_and_inserted(runner: CliRunner) -> None:
    folder = PAIRS / "timeline"
    code, out, _ = run(runner, "diff", str(folder / "old.yaml"), str(folder / "new.yaml"))
    assert code == 0
    assert "now due 2000-10 (+183 days; was 2000-04)" in out
    assert "Achevée en [-avril-]{+octobre+} 2000" in out
    assert out.rstrip().endswith("1 deadline moved (+183 days at most)")


def test_no_change_says_so(runner: CliRunner) -> None:
    plan = str(PAIRS / "text" / "old.yaml")
    assert run(runner, "diff", plan, plan) == (0, "No changes\n", "")
    assert run(runner, "diff", plan, plan, "-f", "json")[1] == "[]\n"


def _bundled_change(tmp_path: Path, runner: CliRunner) -> Path:
    """A copy of the bundled plan with three status updates and a deadline moved six months."""
    new = tmp_path / "plan.yaml"
    shutil.copy(DATA / "plan.yaml", new)
    for action, status, date in (
        ("I.1a.1", "done", "2000-04-20"),
        ("II.2.2", "in_progress", "2000-03"),
        ("III.1d.4", "done", "2000-06-10"),
    ):
        args = ["update", action, "--status", status, "--date", date, "--plan", str(new)]
        assert runner.invoke(app, args).exit_code == 0
    text = new.read_text(encoding="utf-8")
    text = text.replace('timeline: "Fin de l\'an 2000"', 'timeline: "Achevée en juin 2001"', 1)
    new.write_text(text, encoding="utf-8")
    return new


def test_markdown_of_a_real_change_reads_without_the_yaml(runner: CliRunner, tmp_path: Path) -> None:
    new = _bundled_change(tmp_path, runner)
    result = runner.invoke(app, ["diff", str(DATA / "plan.yaml"), str(new), "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "### Plan changes"
    assert lines[2] == "**1 deadline moved (+182 days at most), 2 actions done, 1 action started**"
    assert (
        "- **I.1a.4** recherche de moyens de promouvoir un programme de coopération technique sain, "
        "notamment …" in lines
    )
    assert (
        "  - now due 2001-06 (+182 days; was 2000-12); timeline reworded: "
        "<del>Fin de l'an 2000</del><ins>Achevée en juin 2001</ins>" in lines
    )
    assert "  - status planned → in_progress on 2000-03" in lines
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    shown = page.split("```markdown\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line for line in shown if " from " not in line] == [
        line for line in lines[: len(shown)] if " from " not in line
    ]  # docs/ci.md shows what the tool writes


def test_fail_on_a_kind_found_exits_1(runner: CliRunner) -> None:
    folder = PAIRS / "removed"
    args = ["diff", str(folder / "old.yaml"), str(folder / "new.yaml"), "-f", "json"]
    assert run(runner, *args, "--fail-on", "added")[0] == 0
    code, out, err = run(runner, *args, "--fail-on", "added", "--fail-on", "removed")
    assert code == 1
    assert json.loads(out)[0]["change"] == "removed"
    assert "found removed (--fail-on)" in err


def test_filters_narrow_the_actions_compared(runner: CliRunner) -> None:
    folder = PAIRS / "headings"
    args = ["diff", str(folder / "old.yaml"), str(folder / "new.yaml"), "-f", "json"]
    records = json.loads(run(runner, *args, "--part", "II")[1])
    assert [(r["id"], r["field"]) for r in records] == [("II.1", "context")]
    assert json.loads(run(runner, *args, "--search", "rien de tel")[1]) == []
    assert run(runner, *args, "--part", "IV")[0] == 2


def test_problems_in_either_version_are_reported_as_validate_does(runner: CliRunner) -> None:
    bad = EXAMPLES / "invalid" / "plan_misspelt_key.yaml"
    code, out, err = run(runner, "diff", str(PAIRS / "text" / "old.yaml"), str(bad))
    assert (code, out) == (1, "")
    expected = (EXAMPLES / "invalid" / "plan_misspelt_key.expected").read_text(encoding="utf-8")
    for line in expected.splitlines():
        assert line.split(":", 1)[1] in err  # the same problems at the same places
    assert "problem(s) in the data" in err


def test_a_missing_file_is_bad_usage(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "diff", str(tmp_path / "none.yaml"), str(PAIRS / "text" / "old.yaml"))
    assert code == 2
    assert "none.yaml: no such file" in err


def test_due_moved_days_counts_period_starts_or_the_deadlines_themselves() -> None:
    def due(text: str) -> tuple[Schedule, ...]:
        return (Schedule(Kind.DEADLINE, due=PlanDate.parse(text)),)

    assert due_moved_days(due("2000-12"), due("2001-06")) == 182
    assert due_moved_days(due("2000-06-15"), due("2000-06-01")) == -14
    assert due_moved_days(due("2000-12"), due("2000-12-15")) == -16  # by the 31st, now the 15th
    assert due_moved_days(due("2000-12"), due("2000-12")) is None
    assert due_moved_days((Schedule(Kind.ONGOING),), due("2000-12")) is None


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with three commits of one plan: as written, III.1a.2 done, III.1a.2 removed."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.org")
    _git(repo, "config", "user.name", "Test")
    for case, message in (("text", "plan"), ("status", "done"), ("removed", "drop")):
        source = (PAIRS / case / ("old.yaml" if message == "plan" else "new.yaml")).read_text(
            encoding="utf-8"
        )
        if message == "drop":
            source = (PAIRS / "status" / "new.yaml").read_text(encoding="utf-8")
            start = source.index("              - id: III.1a.2")
            source = source[:start] + source[source.index("              - id: III.1a.3") :]
        (repo / "plan.yaml").write_text(source, encoding="utf-8")
        _git(repo, "add", "plan.yaml")
        _git(repo, "commit", "-q", "-m", message)
    monkeypatch.chdir(repo)
    return repo


def test_git_revisions_are_read_with_git_show(runner: CliRunner, repository: Path) -> None:
    records = json.loads(run(runner, "diff", "HEAD~2:plan.yaml", "HEAD~1:plan.yaml", "-f", "json")[1])
    assert [(r["id"], r["change"], r["new"]) for r in records] == [("III.1a.2", "status", "done")]
    records = json.loads(run(runner, "diff", "HEAD~1:plan.yaml", "plan.yaml", "-f", "json")[1])
    assert [(r["id"], r["change"]) for r in records] == [("III.1a.2", "removed")]
    code, out, _ = run(runner, "diff", "HEAD~2:plan.yaml", "HEAD:plan.yaml", "-f", "markdown")
    assert code == 0
    assert "from HEAD\\~2:plan.yaml to HEAD:plan.yaml." in out


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("nosuch:plan.yaml", "no such file, and git cannot read it as REV:PATH"),
        ("HEAD:missing.yaml", "path 'missing.yaml' does not exist in 'HEAD'"),
        ("HEAD:", "is a git tree, not a file"),
        ("--output=x:y", "it starts with '-'"),
    ],
)
def test_a_bad_revision_or_path_is_bad_usage(
    runner: CliRunner, repository: Path, spec: str, says: str
) -> None:
    code, out, err = run(runner, "diff", "--", "plan.yaml", spec)
    assert (code, out) == (2, "")
    assert says in " ".join(err.split())
    assert not (repository / "x").exists()


def test_a_file_named_like_a_git_object_wins(runner: CliRunner, repository: Path) -> None:
    shutil.copy(PAIRS / "partners" / "new.yaml", repository / "HEAD:plan.yaml")
    records = json.loads(run(runner, "diff", "plan.yaml", "HEAD:plan.yaml", "-f", "json")[1])
    assert [(r["id"], r["change"]) for r in records] == [("I.1a.3", "partners"), ("III.1a.2", "added")]


def test_a_new_issue_is_a_heading_added_before_its_actions() -> None:
    import yaml

    from ilotc.diff.changes import diff_plans
    from ilotc.store.build import build_plan
    from ilotc.store.models import PlanFile

    data = yaml.safe_load((PAIRS / "text" / "old.yaml").read_text(encoding="utf-8"))
    before = build_plan(PlanFile.model_validate(data))
    issue = {
        "id": "1c",
        "title": "Une question nouvelle",
        "actions": [{"id": "I.1c.1", "text": "agir;", "timeline": None}],
    }
    data["parts"][0]["sections"][0]["issues"].append(issue)
    after = build_plan(PlanFile.model_validate(data))
    records = diff_plans("p", before, after)
    assert [(r["id"], r["change"], r["field"], r["new"]) for r in records] == [
        ("I.1c", "added", "issue_title", "Une question nouvelle"),
        ("I.1c.1", "added", None, "agir;"),
    ]
    assert diff_plans("p", before, after, keep=lambda action: action.part == "II") == []


def test_a_changed_reading_is_said_in_the_interface_language(runner: CliRunner, tmp_path: Path) -> None:
    old = PAIRS / "timeline" / "old.yaml"
    new = tmp_path / "new.yaml"
    new.write_text(
        old.read_text(encoding="utf-8").replace("Achevée en avril 2000", "Selon les besoins"),
        encoding="utf-8",
    )
    code, out, _err = run(runner, "--lang", "es", "diff", str(old), str(new), "-f", "markdown")
    assert code == 0
    said = [line for line in out.splitlines() if "ahora " in line]
    assert said, out
    assert "(antes plazo 2000-04)" in said[0], said  # "deadline", in Spanish
    assert "as_needed" not in said[0] and "deadline" not in said[0], said

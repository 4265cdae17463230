"""Files that point elsewhere: a loop of links, and a plan naming a registry outside its folder.

A symlink loop is a clean error (exit 2, the file named, no "internal error") for every way a
file is given. A plan's `registry:` resolves inside the plan's own folder tree (the folder
given to --plan, or the plan file's folder), links followed; one outside needs --partners, and
is never read otherwise. Problems of a registry that a plan names (not one the user named) are
shown at their positions but without their words, which may quote its values (CONTRACT,
"Untrusted content").
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app

PLAN = EXAMPLES / "valid" / "plan.yaml"
PARTNERS = EXAMPLES / "valid" / "partners.yaml"
SECRET = "hunter2-token"
OUTSIDE = (
    "the partner registry ../secret.yaml is outside the plan's folder; a registry elsewhere is "
    "used only when given with --partners"
)


def _invoke(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "a.yaml"


@pytest.mark.parametrize(
    "args",
    [
        ["--plan", "a.yaml", "list"],
        ["--partners", "a.yaml", "list"],
        ["--plan", "a.yaml", "validate"],
        ["validate", "a.yaml"],
        ["diff", "a.yaml", "a.yaml"],
        ["--plan", "a.yaml", "update", "I.1a.1", "--status", "done", "--date", "2001-01"],
        ["--plan", "a.yaml", "report"],
    ],
    ids=" ".join,
)
def test_a_symlink_loop_is_a_clean_error(runner: CliRunner, loop: Path, args: list[str]) -> None:
    code, said = _invoke(runner, *args)
    assert code in (1, 2), said
    assert "a.yaml: cannot be read (Too many levels of symbolic links)" in said
    assert "internal error" not in said and "Traceback" not in said


@pytest.fixture
def nested(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """sub/plan.yaml names ../secret.yaml, a registry whose one value is a secret."""
    (tmp_path / "secret.yaml").write_text(
        f"programmes: []\npartners:\n  - {{id: {SECRET}, name: {SECRET}, type: government}}\n"
    )
    (tmp_path / "sub").mkdir()
    text = PLAN.read_text(encoding="utf-8").replace("document:", "registry: ../secret.yaml\ndocument:", 1)
    (tmp_path / "sub" / "plan.yaml").write_text(text.replace("[pnud]", "[hunter2-tokem]"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "sub" / "plan.yaml"


@pytest.mark.parametrize(
    "args",
    [
        ["--plan", "sub/plan.yaml", "list"],
        ["--plan", "sub", "list"],
        ["--plan", "sub/plan.yaml", "validate"],
        ["validate", "sub/plan.yaml"],
        ["diff", "sub/plan.yaml", "sub/plan.yaml"],
    ],
    ids=" ".join,
)
def test_a_registry_outside_the_plan_s_folder_is_refused_unread(
    runner: CliRunner, nested: Path, args: list[str]
) -> None:
    code, said = _invoke(runner, *args)
    assert code == 1, said
    assert f"plan.yaml:2:11: error: {OUTSIDE}" in said
    assert SECRET not in said  # not even a suggestion for the misspelt partner id


def test_given_with_partners_it_is_used(runner: CliRunner, nested: Path) -> None:
    code, said = _invoke(runner, "--plan", "sub/plan.yaml", "--partners", "secret.yaml", "validate")
    assert code == 1 and "did you mean 'hunter2-token'" in said  # the user named it


def test_a_link_inside_the_folder_to_a_registry_outside_is_refused(runner: CliRunner, nested: Path) -> None:
    (nested.parent / "partners.yaml").symlink_to(nested.parent.parent / "secret.yaml")
    plan = nested.read_text(encoding="utf-8").replace("registry: ../secret.yaml", "registry: partners.yaml")
    nested.write_text(plan, encoding="utf-8")
    code, said = _invoke(runner, "--plan", "sub/plan.yaml", "list")
    assert code == 1 and "the partner registry partners.yaml is outside the plan's folder" in said
    assert SECRET not in said


def test_a_registry_outside_at_a_git_revision_is_refused(runner: CliRunner, nested: Path) -> None:
    root = nested.parent.parent
    for argv in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.email=t@x", "-c", "user.name=T", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", "-C", str(root), *argv], check=True, capture_output=True)
    code, said = _invoke(runner, "diff", "HEAD:sub/plan.yaml", "sub/plan.yaml")
    assert code == 1 and f"HEAD:sub/plan.yaml:2:11: error: {OUTSIDE}" in said
    assert SECRET not in said


def test_problems_of_a_registry_a_plan_names_are_shown_without_its_values(
    runner: CliRunner, nested: Path
) -> None:
    registry = nested.parent / "partners.yaml"
    registry.write_text(f"programmes: []\npartners:\n  - {{id: {SECRET}, name: x, type: {SECRET}}}\n")
    plan = nested.read_text(encoding="utf-8").replace("registry: ../secret.yaml", "registry: partners.yaml")
    nested.write_text(plan, encoding="utf-8")
    withheld = (
        "a problem in the partner registry the plan names, not shown here: "
        "run 'ilotc validate sub/partners.yaml'"
    )
    for args in (["--plan", "sub/plan.yaml", "list"], ["diff", "sub/plan.yaml", "sub/plan.yaml"]):
        code, said = _invoke(runner, *args)
        assert code == 1 and f"sub/partners.yaml:3:40: error: {withheld}" in said, said
        assert SECRET not in said
    code, said = _invoke(runner, "validate", "sub/partners.yaml")  # the file being checked: shown
    assert code == 1 and SECRET in said

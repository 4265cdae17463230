"""The pre-commit hook run by pre-commit itself, in a repository that holds a workflow file.

The hook (`.pre-commit-hooks.yaml`) is handed every YAML file; `validate --skip-other-yaml`
checks the plans and registries, recognised by their content, and passes over the rest, so a
workflow named `validate-plan.yml` never blocks a commit (issue 24).

`pre-commit run` here uses the manifest's own hook with `language: system` (the ilotc under
test, no network); `try-repo`, which installs the hook's environment from this repository with
pip, runs where ILOTC_NETWORK_TESTS=1 (.ci/run sets it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
ILOTC = shutil.which("ilotc") or str(Path(sys.executable).with_name("ilotc"))
WORKFLOW = """name: validate-plan
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ilotc validate plans/plan.yaml
"""

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not Path(PRE_COMMIT).exists(), reason="git or pre-commit is not installed"
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def hook() -> dict[str, Any]:
    (found,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return dict(found)


def repository(tmp_path: Path) -> Path:
    """A git repository with a workflow, an unrelated YAML file and a good plan with its registry."""
    repo = tmp_path / "repo"
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "validate-plan.yml").write_text(WORKFLOW, encoding="utf-8")
    (repo / "mkdocs.yml").write_text("site_name: Our plans\nnav: []\n", encoding="utf-8")
    (repo / "plans").mkdir()
    subprocess.run([ILOTC, "init", str(repo / "plans")], check=True, capture_output=True)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    return repo


def pre_commit(repo: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [PRE_COMMIT, *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def test_the_hook_is_handed_every_yaml_file_and_checks_only_plans_and_registries(tmp_path: Path) -> None:
    repo = repository(tmp_path)
    local = {
        **hook(),
        "language": "system",
        "entry": hook()["entry"].replace("ilotc", ILOTC, 1),
        "verbose": True,
    }
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    run = pre_commit(repo, tmp_path, "run", "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout
    assert "2 files checked: 0 errors, 0 warnings" in run.stdout  # the plan and its registry only
    # a broken plan still blocks the commit, with its position
    plan = repo / "plans" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("format: 2", "format: 9", 1), encoding="utf-8")
    run = pre_commit(repo, tmp_path, "run", "--all-files")
    assert run.returncode == 1
    assert "plans/plan.yaml:6:9: error:" in run.stdout


def test_the_documented_exclude_keeps_a_folder_out(tmp_path: Path) -> None:
    repo = repository(tmp_path)
    (repo / "drafts").mkdir()
    (repo / "drafts" / "plan.yaml").write_text("document: {title: Draft}\nparts: oops\n", encoding="utf-8")
    local = {**hook(), "language": "system", "entry": hook()["entry"].replace("ilotc", ILOTC, 1)}
    local["exclude"] = "^drafts/"  # README: "exclude:" example
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}), encoding="utf-8"
    )
    run = pre_commit(repo, tmp_path, "run", "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.skipif(
    os.environ.get("ILOTC_NETWORK_TESTS") != "1",
    reason="try-repo installs the hook's environment with pip from the network; set ILOTC_NETWORK_TESTS=1",
)
def test_try_repo_runs_the_published_hook(tmp_path: Path) -> None:
    repo = repository(tmp_path)
    run = pre_commit(repo, tmp_path, "try-repo", str(ROOT), "ilotc-validate", "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout

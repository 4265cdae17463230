"""`ilotc diff REV:PATH` runs no command a repository configures and reads no oversized blob.

A repository under review is data too: its `.git/config` may name an fsmonitor hook or a
textconv driver, and a blob may hold hundreds of megabytes that pack into two. git runs with
`core.fsmonitor=false` and reads blobs with `cat-file blob` (no textconv, no filter), after
`cat-file -s` said the object is within the limit of files (CONTRACT, "Untrusted content").
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from ilotc.diff import versions

PLAN = EXAMPLES / "valid" / "plan.yaml"
PARTNERS = EXAMPLES / "valid" / "partners.yaml"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with the example plan committed, and a hook that leaves a mark if run."""
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    (root / "plan.yaml").write_bytes(PLAN.read_bytes())
    _git(root, "add", "plan.yaml")
    _git(root, "-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-q", "-m", "plan")
    monkeypatch.chdir(root)
    return root


def _diff(runner: CliRunner, *specs: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--partners", str(PARTNERS), "diff", *specs])
    return result.exit_code, result.stdout, result.stderr


def test_git_itself_would_run_the_fsmonitor_hook(repo: Path) -> None:
    """The test below can fail: git runs the repository's hook for the same index spec."""
    mark = repo.parent / "ran"
    _git(repo, "config", "core.fsmonitor", f"touch {mark}; echo")
    _git(repo, "cat-file", "-t", ":plan.yaml")
    assert mark.exists()


def test_the_fsmonitor_hook_is_never_run(runner: CliRunner, repo: Path) -> None:
    mark = repo.parent / "ran"
    _git(repo, "config", "core.fsmonitor", f"touch {mark}; echo")
    code, out, err = _diff(runner, ":plan.yaml", "plan.yaml")
    assert (code, err) == (0, ""), err
    assert "No changes" in out
    assert not mark.exists()


def test_a_textconv_driver_is_never_run(runner: CliRunner, repo: Path) -> None:
    mark = repo.parent / "ran"
    (repo / ".gitattributes").write_text("*.yaml diff=evil\n")
    _git(repo, "config", "diff.evil.textconv", f"sh -c 'touch {mark}; echo title: forged'")
    code, out, _err = _diff(runner, "HEAD:plan.yaml", "plan.yaml")
    assert code == 0 and "No changes" in out
    assert not mark.exists()


def test_a_blob_past_the_limit_is_refused_before_it_is_read(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "big.yaml").write_bytes(PLAN.read_bytes() + b"#" * 5000)
    _git(repo, "add", "big.yaml")
    _git(repo, "-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-q", "-m", "big")
    monkeypatch.setattr(versions, "MAX_FILE_BYTES", len(PLAN.read_bytes()) + 100)
    ran: list[list[str]] = []
    real_run = subprocess.run

    def recording_run(argv: list[str], *args: Any, **kwargs: Any) -> Any:
        ran.append(list(argv))
        return real_run(argv, *args, **kwargs)

    monkeypatch.setattr(versions.subprocess, "run", recording_run)
    code, out, err = _diff(runner, "HEAD:big.yaml", "plan.yaml")
    assert code == 1 and out == ""
    assert "HEAD:big.yaml:1:1: error: the file is larger than 0 MiB" in err
    assert not any("blob" in argv for argv in ran), ran  # only `cat-file -t`, `rev-parse`, `-s`
    assert all(argv[2:6] == ["-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false"] for argv in ran)
    assert _diff(runner, "HEAD:plan.yaml", "plan.yaml")[0] == 0  # within the limit: read

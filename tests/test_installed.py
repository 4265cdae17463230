"""A smoke test of the installed console script, from a folder outside the repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _entry_point() -> str:
    found = shutil.which("ilotc", path=str(Path(sys.executable).parent))
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("the ilotc console script is not installed beside the test interpreter")
        pytest.skip("ilotc is not installed in this environment")
    return found


def test_installed_ilotc_works_from_any_folder(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILOTC_")}
    result = subprocess.run(
        [_entry_point(), "list", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 78


def test_python_dash_m_ilotc(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ilotc", "validate"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "0 error(s)" in result.stderr


def _run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILOTC_")}
    return subprocess.run(
        [sys.executable, "-m", "ilotc", *args], cwd=cwd, capture_output=True, env=env, check=False
    )


def test_the_process_exits_with_the_command_status_and_all_its_output(tmp_path: Path) -> None:
    # the console script ends with os._exit: what was written must be flushed, the status kept
    listing = _run_module("list", "--format", "json", cwd=tmp_path)
    assert listing.returncode == 0 and len(json.loads(listing.stdout)) == 78
    assert listing.stdout.endswith(b"]\n")
    assert _run_module("--version", cwd=tmp_path).stdout == b"ilotc 0.1.0\n"
    usage = _run_module("list", "--part", "IV", cwd=tmp_path)
    assert usage.returncode == 2 and b"'IV' is not a part" in usage.stderr
    late = _run_module("overdue", "--as-of", "2000-06", "--fail", cwd=tmp_path)
    assert late.returncode == 1 and late.stdout.count(b"\n") > 26


def test_a_reader_that_goes_away_is_not_an_error(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILOTC_")}
    child = subprocess.Popen(
        [sys.executable, "-m", "ilotc", "list", "--format", "json"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(10) == b"[\n  {\n    "
    child.stdout.close()  # like `ilotc list -f json | head -c 10`
    errors = child.stderr.read()
    assert child.wait() == 0
    assert errors == b""


def test_exit_status_follows_python() -> None:
    from ilotc.cli import exit_status

    assert [exit_status(None), exit_status(0), exit_status(2)] == [0, 0, 2]

"""Output that cannot be written (stdout closed, a full disk): one line, exit 2, no traceback.

These run the real process: a closed descriptor and /dev/full exist only there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA

COMMANDS = [
    ["timeline", "mars"],
    ["list"],
    ["report"],
    ["show", "I.1a.1"],
    ["validate"],
    ["diff", "PLAN", "PLAN"],
    ["--help"],
    ["list", "--help"],
    ["export", "-f", "json"],
    ["partners"],
    ["schema", "plan"],
]


def _run(args: list[str], stdout: object, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    plan = str(DATA / "plan.yaml")
    args = [plan if arg == "PLAN" else arg for arg in args]
    env = {**os.environ, "ILOTC_TODAY": "2000-06-01", "XDG_CACHE_HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "ilotc", *args],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )


def _closed_stdout(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    # `ilotc ... >&-`: the child starts with descriptor 1 closed
    read, write = os.pipe()
    os.close(read)
    saved = os.dup(1)
    try:
        os.close(1)
        return subprocess.run(
            [sys.executable, "-m", "ilotc", *args],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "ILOTC_TODAY": "2000-06-01", "XDG_CACHE_HOME": str(tmp_path)},
            check=False,
            cwd=tmp_path,
            close_fds=True,
        )
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(write)


# validate writes nothing to stdout when the files are clean
@pytest.mark.parametrize("args", [a for a in COMMANDS if a[0] != "validate"], ids=" ".join)
def test_a_full_disk_is_one_line_and_exit_2(args: list[str], tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = _run(args, full, tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr == "ilotc: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("args", [a for a in COMMANDS if a[0] != "diff"], ids=" ".join)
def test_a_closed_stdout_is_one_line_and_exit_2(args: list[str], tmp_path: Path) -> None:
    result = _closed_stdout(args, tmp_path)
    if args[0] == "validate":  # nothing to write: the summary goes to stderr, as always
        assert result.returncode == 0 and "Traceback" not in result.stderr
        return
    assert result.returncode == 2, result.stderr
    assert result.stderr == "ilotc: cannot write the output: Bad file descriptor\n"


def test_a_reader_that_goes_away_is_still_not_an_error(tmp_path: Path) -> None:
    read, write = os.pipe()
    os.close(read)
    with os.fdopen(write, "w") as gone:
        result = _run(["list"], gone, tmp_path)
    assert result.returncode == 0 and result.stderr.endswith("78 of 78 actions\n"), result.stderr

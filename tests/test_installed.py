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
    assert "0 errors" in result.stderr


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


# Every command and output path, written into a pipe nobody reads any more (`ilotc ... | head`
# after head has exited): the status the command would have had (CONTRACT: 0 when it succeeded,
# 1 when validation or --fail found something), and nothing on stderr but the command's own
# notes. Buffered stdout (a user's terminal session) and unbuffered both.
BROKEN_PLAN = "broken.yaml"
READER_GONE_STATUS = {
    ("validate", BROKEN_PLAN): 1,
    ("validate", "--format", "json", BROKEN_PLAN): 1,
    ("validate", "--format", "github", BROKEN_PLAN): 1,
    ("overdue", "--as-of", "2000-06", "--fail"): 1,
    ("overdue", "--as-of", "2000-06", "--fail", "--format", "json"): 1,
}
READER_GONE_COMMANDS = [
    *map(list, READER_GONE_STATUS),
    ["update", "I.1a.1", "--status", "in_progress", "--date", "2000-02", "--plan", "plan.yaml", "--dry-run"],
    ["list"],
    ["list", "--format", "json"],
    ["list", "--format", "csv"],
    ["list", "--format", "markdown"],
    ["show", "I.1a.1"],
    ["overdue", "--as-of", "2000-06"],
    ["upcoming", "--as-of", "2000-06", "--format", "json"],
    ["partners"],
    ["partners", "oit"],
    ["report"],
    ["report", "--format", "html"],
    ["export", "--format", "ics"],
    ["export", "--format", "json"],
    ["validate", "--format", "json"],
    ["timeline", "Achevée en avril 2000", "--format", "json"],
    ["schema", "plan"],
    ["--help"],
    ["--version"],
]


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("args", READER_GONE_COMMANDS, ids=" ".join)
def test_a_reader_that_went_away_is_not_an_error(tmp_path: Path, args: list[str], buffered: bool) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILOTC_") and k != "PYTHONUNBUFFERED"}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    env["ILOTC_TODAY"] = "2000-06-01"
    plan = (Path(__file__).resolve().parent.parent / "data" / "plan.yaml").read_text(encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / BROKEN_PLAN).write_text(plan.replace("  symbol:", "  symbole:", 1), encoding="utf-8")
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write to stdout fails with EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "ilotc", *args],
            cwd=tmp_path,
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    finally:
        os.close(write_end)
    errors = result.stderr.decode()
    assert result.returncode == READER_GONE_STATUS.get(tuple(args), 0), errors
    assert "Traceback" not in errors and "internal error" not in errors
    if result.returncode == 0:
        assert "Error" not in errors


def test_exit_status_follows_python() -> None:
    from ilotc.cli.process import exit_status

    assert [exit_status(None), exit_status(0), exit_status(2)] == [0, 0, 2]


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "ascii:ignore", "latin-1"])
def test_an_output_encoding_that_cannot_hold_a_character_escapes_it(tmp_path: Path, encoding: str) -> None:
    """A Windows pipe writes cp1252; `→` and `œ` are then escaped, never a crash, and never
    dropped (`:ignore` could join what the guard against workflow commands kept apart)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "document:\n  title: T\n  language: en\nparts:\n  - id: A\n    title: A\n    actions:\n"
        '      - id: A.1\n        text: "\\u201c\\u3000::error::forged"\n        timeline: By June 2026\n',
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONIOENCODING": encoding, "GITHUB_ACTIONS": "true", "COLUMNS": "80"}
    for args in (["list"], ["show", "I.1a.1"], ["report", "-f", "markdown"], ["--plan", str(plan), "list"]):
        done = subprocess.run(
            [sys.executable, "-m", "ilotc", *args], cwd=tmp_path, capture_output=True, env=env, check=False
        )
        assert done.returncode == 0, done.stderr.decode("ascii", "replace")
        assert b"internal error" not in done.stderr
        for line in done.stdout.splitlines():
            assert not line.strip().startswith(b"::"), line

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

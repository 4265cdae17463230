"""Shared fixtures: paths, a pinned environment for the CLI, and the bundled data."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc import i18n

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
EXAMPLES = Path(__file__).resolve().parent / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
PLAN_SEED = SEEDS / "003_e690131d4451821b.txt"
HIMO_SEED = SEEDS / "000_c4aef7fdd43b8c21.txt"

# Code that runs while tests are collected must not write to the user's cache either.
_SESSION_CACHE = tempfile.mkdtemp(prefix="ilotc-test-cache-")
atexit.register(shutil.rmtree, _SESSION_CACHE, ignore_errors=True)
os.environ["XDG_CACHE_HOME"] = _SESSION_CACHE
os.environ.pop("ILOTC_NO_CACHE", None)


@pytest.fixture(autouse=True)
def _pinned_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Deterministic output: wide plain tables, no colour, a fixed 'today', English, no user
    overrides, and a cache folder of the test's own (never the user's)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    monkeypatch.delenv("ILOTC_NO_CACHE", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("ILOTC_TODAY", "2000-06-01")
    for name in ("ILOTC_PLAN", "ILOTC_PARTNERS", "GITHUB_ACTIONS", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    # English whatever the machine's locale; tests of other languages choose theirs.
    monkeypatch.setenv("ILOTC_LANG", "en")
    i18n.use(None)


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner."""
    return CliRunner()


@pytest.fixture
def example_plan() -> Path:
    """A small plan with one action per kind and status histories."""
    return EXAMPLES / "valid" / "plan.yaml"


@pytest.fixture
def example_partners() -> Path:
    """A small partner registry matching the example plan."""
    return EXAMPLES / "valid" / "partners.yaml"

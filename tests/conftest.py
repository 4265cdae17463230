"""Shared fixtures: paths, a pinned environment for the CLI, and the bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
EXAMPLES = Path(__file__).resolve().parent / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
PLAN_SEED = SEEDS / "003_e690131d4451821b.txt"
HIMO_SEED = SEEDS / "000_c4aef7fdd43b8c21.txt"


@pytest.fixture(autouse=True)
def _pinned_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deterministic output: wide plain tables, no colour, a fixed 'today', no user overrides."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("ILOTC_TODAY", "2000-06-01")
    for name in ("ILOTC_PLAN", "ILOTC_PARTNERS", "GITHUB_ACTIONS", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


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

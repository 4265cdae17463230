"""The benchmark's plan generator: valid, deterministic, and as varied as the contract says."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from ilotc.model.vocab import Kind, Status
from ilotc.store.loading import load
from ilotc.store.validate.validation import validate_paths

MAKE_PLAN = ROOT / "bench" / "make_plan.py"


def make_plan(n: int) -> bytes:
    return subprocess.run(
        [sys.executable, str(MAKE_PLAN), str(n)], capture_output=True, check=True, cwd=ROOT
    ).stdout


@pytest.mark.parametrize("n", [0, 1, 250])
def test_the_generated_plan_is_valid_and_has_n_actions(tmp_path: Path, n: int) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(make_plan(n))
    assert validate_paths([path], DATA / "partners.yaml").problems == []
    plan = load(path, DATA / "partners.yaml").plan
    assert len(plan) == n
    assert len({action.id for action in plan}) == n


def test_the_generated_plan_is_deterministic_and_varied(tmp_path: Path) -> None:
    text = make_plan(250)
    assert make_plan(250) == text
    assert make_plan(251) != text
    path = tmp_path / "plan.yaml"
    path.write_bytes(text)
    plan = load(path, DATA / "partners.yaml").plan
    assert {schedule.kind for action in plan for schedule in action.schedules} == set(Kind)
    assert {action.part for action in plan} == {"I", "II", "III"}
    assert any(action.partners for action in plan)
    histories = [action.history for action in plan if action.history]
    assert histories and all(
        [c.date.first_day() for c in h] == sorted(c.date.first_day() for c in h) for h in histories
    )
    assert set(Counter(change.status for h in histories for change in h)) == set(Status) - {Status.PLANNED}
    bundled = DATA / "plan.yaml"
    texts = bundled.read_text(encoding="utf-8")
    assert all(action.timeline is None or action.timeline in texts for action in plan)  # verbatim

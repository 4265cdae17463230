"""`validate` over many files on a process pool: the same problems, in path order, as one process.

A portfolio from `bench/make_portfolio.py` with problems planted in plans spread over the
runs the workers get; the thresholds are lowered so that a small portfolio uses the pool.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from ilotc.cli.main import app
from ilotc.store.validate import parallel

sys.path.insert(0, str(ROOT / "bench"))
from make_portfolio import write_portfolio

BROKEN = (2, 9, 17)


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    folder = tmp_path / "portfolio"
    plans = write_portfolio(folder, plans=20, actions=10)
    for number in BROKEN:
        plan = plans[number - 1]
        text = plan.read_text(encoding="utf-8")
        plan.write_text(
            text.replace("status: done", "status: finished", 1).replace(
                "  title:", "  title: 7\n  tittle:", 1
            ),
            encoding="utf-8",
        )
    return folder


def validate(runner: CliRunner, folder: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--plan", str(folder), "validate", "--format", "json"])
    return result.exit_code, result.stdout, result.stderr


def test_the_pool_finds_the_same_problems_in_the_same_order(
    runner: CliRunner, portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = validate(runner, portfolio)
    assert serial[0] == 1
    monkeypatch.setattr(parallel, "MIN_FILES", 2)
    monkeypatch.setattr(parallel, "MIN_BYTES", 1)
    monkeypatch.setattr(parallel, "_workers", lambda: 2)
    used: list[int] = []
    real = parallel.workers_for
    monkeypatch.setattr(parallel, "workers_for", lambda *a: used.append(real(*a)) or used[-1])
    pooled = validate(runner, portfolio)
    assert used == [2]
    assert pooled == serial
    assert [f"plan-{n:04d}" in serial[1] for n in BROKEN] == [True] * 3


def test_below_the_thresholds_or_with_a_shared_unassigned_registry_one_process_checks(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = sorted(portfolio.glob("*/plan.yaml"))
    registry = portfolio / "partners.yaml"
    assigned = {plan.resolve(): registry for plan in plans}
    monkeypatch.setattr(parallel, "_workers", lambda: 4)
    assert parallel.workers_for([registry, *plans], assigned) == 1  # 21 files, fewer than 64
    monkeypatch.setattr(parallel, "MIN_FILES", 2)
    assert parallel.workers_for([registry, *plans], assigned) == 1  # under 4 MiB in all
    monkeypatch.setattr(parallel, "MIN_BYTES", 1)
    assert parallel.workers_for([registry, *plans], assigned) == 4
    assert parallel.workers_for([registry, *plans], {}) == 1  # `validate a.yaml b.yaml ...`: not split

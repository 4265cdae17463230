"""Warm is warm for a portfolio: one registry read once a run, one entry for the whole set.

Portfolios are made by `bench/make_portfolio.py` (a folder per plan, one registry above them).
Every test has its own empty cache (conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from ilotc.store.cache import default_folder, default_store
from ilotc.store.loading import load_many
from ilotc.store.validate import validation

sys.path.insert(0, str(ROOT / "bench"))
from make_portfolio import write_portfolio


def count_checks(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Count the plan and registry checks made from now on (each still runs)."""
    counts: Counter[str] = Counter()
    for name in ("check_plan_source", "check_partners_source"):
        real = getattr(validation, name)

        def counted(*args: object, _real: object = real, _name: str = name, **kwargs: object) -> object:
            counts[_name] += 1
            assert callable(_real)
            return _real(*args, **kwargs)

        monkeypatch.setattr(validation, name, counted)
    return counts


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    write_portfolio(tmp_path / "portfolio", plans=6, actions=12)
    return tmp_path / "portfolio"


def test_a_registry_many_plans_share_is_checked_once_a_run(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = count_checks(monkeypatch)
    dataset = load_many([portfolio], None, None)  # no cache: every plan checked
    assert counts == {"check_plan_source": 6, "check_partners_source": 1}
    assert len(dataset.plans) == 6
    assert len({id(used.registry) for used in dataset.plans}) == 1  # one object, shared


def test_a_warm_portfolio_checks_nothing_and_gives_the_same_plans(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = load_many([portfolio], None, default_store())
    counts = count_checks(monkeypatch)
    warm = load_many([portfolio], None, default_store())
    assert counts == {}
    assert warm.plan.actions == cold.plan.actions
    assert [used.path for used in warm.plans] == [used.path for used in cold.plans]
    assert warm == cold


def test_one_changed_plan_is_the_only_one_checked_again(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_many([portfolio], None, default_store())
    changed = portfolio / "plan-0003" / "plan.yaml"
    changed.write_bytes(changed.read_bytes().replace(b"BENCH/0003", b"XBENCH/0003", 1))
    counts = count_checks(monkeypatch)
    dataset = load_many([portfolio], None, default_store())
    assert counts == {"check_plan_source": 1}  # the registry came with the other plans' entries
    assert [used.plan.name for used in dataset.plans][2] == "XBENCH/0003"


def test_the_portfolio_entry_is_one_more_entry_beside_one_per_plan(portfolio: Path) -> None:
    load_many([portfolio], None, default_store())
    assert len(list(default_folder().glob("*.pickle"))) == 6 + 1
    store = default_store()
    assert store is not None
    kinds = Counter(type(store.get(path.stem, object)).__name__ for path in default_folder().glob("*.pickle"))
    assert kinds == {"_Entry": 6, "_Portfolio": 1}


PROBE = """
import json, sys
from ilotc.cli.main import run
sys.argv = ["ilotc", *sys.argv[1:]]
try:
    run()
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(sys.modules)) + "\\n")
"""


def test_a_warm_run_over_1000_plans_reads_no_yaml_and_imports_no_pydantic(tmp_path: Path) -> None:
    write_portfolio(tmp_path / "portfolio", plans=1000, actions=10)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILOTC_")}
    argv = [
        sys.executable,
        "-c",
        PROBE,
        "--plan",
        str(tmp_path / "portfolio"),
        "overdue",
        "--as-of",
        "2001-01",
    ]

    def modules() -> set[str]:
        result = subprocess.run(
            [*argv, "--format", "json"], capture_output=True, text=True, env=env, check=False
        )
        assert result.stdout.startswith("["), result.stderr[-2000:]
        return set(json.loads(result.stderr.strip().splitlines()[-1]))

    cold = modules()
    assert {"yaml", "pydantic", "ilotc.store.validate.validation"} <= cold
    warm = modules()
    assert {"yaml", "pydantic", "ilotc.store.validate.validation", "ilotc.timeline"} & warm == set()

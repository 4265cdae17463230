"""The load path runs one way: each file is read once, and on a cache miss parsed once,
validated once and built once, from one place (`store/loading.py`), even when several plans
share a registry; on a cache hit nothing is parsed, validated or built."""

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ilotc.cli.main import app
from ilotc.store import build, loading, sources
from ilotc.store.validate import checks, validation
from ilotc.store.yaml import reader

EXAMPLES = Path(__file__).parent / "examples" / "valid"


class Steps:
    """How many times each step ran, for which file."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count: Counter[tuple[str, str]] = Counter()
        read = sources.read_bytes
        for module in (sources, loading, validation):
            monkeypatch.setattr(module, "read_bytes", self._counted("read", read, lambda a: Path(a[0]).name))
        monkeypatch.setattr(
            validation, "read_yaml", self._counted("parse", reader.read_yaml, lambda a: a[0].split("\n")[0])
        )
        monkeypatch.setattr(
            checks, "check_plan", self._counted("validate", checks.check_plan, lambda a: Path(a[1]).name)
        )
        monkeypatch.setattr(
            validation,
            "check_partners",
            self._counted("validate", validation.check_partners, lambda a: Path(a[1]).name),
        )
        monkeypatch.setattr(build, "build_plan", self._counted("build", build.build_plan, lambda a: a[1]))

    def _counted(
        self, step: str, function: Callable[..., Any], which: Callable[[tuple[Any, ...]], str]
    ) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count[step, which(args)] += 1
            return function(*args, **kwargs)

        return counted

    def of(self, step: str) -> dict[str, int]:
        return {name: n for (done, name), n in sorted(self.count.items()) if done == step}


def _plan(folder: Path, symbol: str) -> Path:
    """A copy of the example plan under its own name, naming the registry beside it."""
    text = (EXAMPLES / "plan.yaml").read_text(encoding="utf-8")
    text = "registry: partners.yaml\n" + text.replace("symbol: GB.276/TC/2", f"symbol: {symbol}", 1)
    path = folder / f"{symbol.lower()}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "partners.yaml").write_bytes((EXAMPLES / "partners.yaml").read_bytes())
    return tmp_path


def _list(*plans: Path) -> None:
    args = [arg for plan in plans for arg in ("--plan", str(plan))]
    result = CliRunner().invoke(app, [*args, "list", "--format", "json"])
    assert result.exit_code == 0, result.output


def test_one_plan_each_step_once_per_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _plan(folder, "ONE")
    steps = Steps(monkeypatch)
    _list(plan)
    assert steps.of("read") == {"one.yaml": 1, "partners.yaml": 1}
    assert sum(steps.of("parse").values()) == 2  # the plan and the registry
    assert steps.of("validate") == {"one.yaml": 1, "partners.yaml": 1}
    assert steps.of("build") == {"one": 1}


def test_two_plans_sharing_a_registry_read_and_validate_it_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _plan(folder, "ONE"), _plan(folder, "TWO")
    steps = Steps(monkeypatch)
    _list(first, second)
    assert steps.of("read") == {"one.yaml": 1, "partners.yaml": 1, "two.yaml": 1}
    assert sum(steps.of("parse").values()) == 3
    assert steps.of("validate") == {"one.yaml": 1, "partners.yaml": 1, "two.yaml": 1}
    assert steps.of("build") == {"one": 1, "two": 1}


def test_a_cache_hit_reads_each_file_once_and_nothing_more(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _plan(folder, "ONE"), _plan(folder, "TWO")
    _list(first, second)  # fills the cache
    steps = Steps(monkeypatch)
    _list(first, second)
    assert steps.of("read") == {"one.yaml": 1, "partners.yaml": 1, "two.yaml": 1}
    assert steps.of("parse") == steps.of("validate") == steps.of("build") == {}

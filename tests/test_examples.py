"""Example files, one per validation case: each states the exact problems it must give.

`examples/valid/*.yaml` must give no error. `examples/invalid/NAME.yaml` must give exactly
the problems listed in `NAME.expected`, one `LINE:COLUMN: SEVERITY: MESSAGE` per line, in
file order. Plans are checked against `examples/valid/partners.yaml`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from ilotc.store.validate.validation import validate_paths

PARTNERS = EXAMPLES / "valid" / "partners.yaml"
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))


def _problems(path: Path) -> list[str]:
    run = validate_paths([path], PARTNERS)
    assert run.unreadable == []
    return [f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in run.problems]


@pytest.mark.parametrize("path", VALID, ids=lambda path: path.name)
def test_valid_example_has_no_problem(path: Path) -> None:
    assert _problems(path) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.name)
def test_invalid_example_gives_exactly_its_problems(path: Path) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert expected, f"{path.name}: an invalid example must expect at least one problem"
    assert _problems(path) == expected


def test_every_invalid_example_has_its_expectations() -> None:
    assert INVALID
    for path in INVALID:
        assert path.with_suffix(".expected").exists(), path.name

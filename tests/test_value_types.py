"""Value types keep their rules: no invalid date by any path, no equality with plain tuples."""

import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilotc.model.dates import DateFormatError, PlanDate
from ilotc.store.problems import Problem, Severity


@pytest.mark.parametrize(
    "change",
    [{"month": 13}, {"month": 0}, {"year": 0}, {"year": 10_000}, {"day": 31}, {"day": 0}],
)
def test_replace_cannot_build_an_invalid_date(change: dict[str, int]) -> None:
    with pytest.raises(DateFormatError):
        PlanDate(2001, 4, 30)._replace(**change)


def test_make_checks_the_date_too() -> None:
    with pytest.raises(DateFormatError, match="day 29 does not exist in 2001-02"):
        PlanDate._make((2001, 2, 29))
    assert PlanDate._make((2000, 2, 29)) == PlanDate(2000, 2, 29)


@given(st.integers(-20, 20_000), st.integers(-5, 20), st.one_of(st.none(), st.integers(-5, 40)))
def test_every_path_agrees_with_the_constructor(year: int, month: int, day: int | None) -> None:
    try:
        expected: PlanDate | None = PlanDate(year, month, day)
    except DateFormatError:
        expected = None
    for build in (
        lambda: PlanDate._make((year, month, day)),
        lambda: PlanDate(2000, 1)._replace(year=year, month=month, day=day),
    ):
        if expected is None:
            with pytest.raises(DateFormatError):
                build()
        else:
            assert build() == expected


def test_copies_and_pickles_stay_plan_dates() -> None:
    date = PlanDate(2000, 6, 15)
    for copied in (copy.copy(date), copy.deepcopy(date), pickle.loads(pickle.dumps(date))):
        assert type(copied) is PlanDate
        assert copied == date


def test_a_plan_date_is_not_a_plain_tuple() -> None:
    date = PlanDate(2000, 6)
    assert date != (2000, 6, None)
    assert (2000, 6, None) != date  # noqa: SIM300 - the reflected operator is under test
    assert not date == (2000, 6, None)  # noqa: SIM201 - the == operator itself is under test
    assert date == PlanDate(2000, 6)
    assert len({date, PlanDate(2000, 6)}) == 1
    with pytest.raises(TypeError):
        assert date < (2000, 7, None)
    with pytest.raises(TypeError):
        assert (2000, 7, None) > date  # noqa: SIM300 - the reflected operator
    assert sorted([PlanDate(2001, 1), PlanDate(2000, 12), PlanDate(2000, 6)]) == [
        PlanDate(2000, 6),
        PlanDate(2000, 12),
        PlanDate(2001, 1),
    ]


def _problem(line: int = 3, message: str = "no title") -> Problem:
    return Problem("plan.yaml", line, 5, Severity.ERROR, message, "/actions/0")


def test_a_problem_is_not_a_plain_tuple() -> None:
    problem = _problem()
    as_tuple = ("plan.yaml", 3, 5, Severity.ERROR, "no title", "/actions/0")
    assert problem != as_tuple
    assert as_tuple != problem
    assert problem not in [as_tuple]
    assert as_tuple not in {problem}
    assert problem == _problem()
    with pytest.raises(TypeError):
        assert problem < as_tuple


def test_problems_still_dedupe_and_sort_by_position() -> None:
    problems = [_problem(9), _problem(3, "b"), _problem(9), _problem(3, "a")]
    assert len(set(problems)) == 3
    assert [p.line for p in sorted(problems, key=Problem.position)] == [3, 3, 9, 9]
    assert sorted(problems)[0] == _problem(3, "a")

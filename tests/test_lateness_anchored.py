"""A recurring date fixed in the year keeps its anchor: due on it every period, counted from
the first anchor date on or after the plan's date (CONTRACT "Dates and 'as of'")."""

import datetime as dt
from pathlib import Path

from ilotc.model.dates import PlanDate
from ilotc.model.lateness import anchored_occurrences, lateness, upcoming_as_of
from ilotc.model.plan import Action, Change
from ilotc.model.vocab import Status
from ilotc.store.loading import load
from ilotc.timeline import read_timeline

PLANS = Path(__file__).parent / "examples" / "plans" / "reading"
PLAN = load(PLANS / "en-workplan.yaml", PLANS / "partners.yaml", None).plan
PLAN_DATE = dt.date(2019, 5, 1)
B1 = next(action for action in PLAN if action.id == "B1")  # "By May 31 each year"


def _late(action: Action, day: str) -> tuple[str, str, int] | None:
    found = lateness(action, dt.date.fromisoformat(day), PLAN_DATE)
    return None if found is None else (found.reason, found.late_since.isoformat(), found.days_late)


def _done(*dates: str) -> Action:
    return B1._replace(history=tuple(Change(PlanDate.parse(d), Status.DONE) for d in dates))


def test_the_schedule_keeps_its_day_in_the_year() -> None:
    assert B1.schedules[0].anchor == "05-31"
    assert B1.schedules[0].to_json()["anchor"] == "05-31"
    assert anchored_occurrences(B1.schedules[0], PLAN_DATE, dt.date(2021, 1, 1)) == [
        dt.date(2019, 5, 31),
        dt.date(2020, 5, 31),
        dt.date(2021, 5, 31),
    ]


def test_due_on_its_anchor_date_and_late_from_the_next_day() -> None:
    assert _late(B1, "2019-05-31") is None
    assert _late(B1, "2019-06-01") == ("due", "2019-06-01", 1)  # never "12 months after the plan"


def test_a_done_in_the_occurrences_period_meets_it() -> None:
    assert _late(_done("2019-05-20"), "2019-06-01") is None
    assert _late(_done("2019-05-20"), "2020-06-01") == ("due", "2020-06-01", 1)
    assert _late(_done("2019-05-20", "2020-05-30"), "2020-06-01") is None


def test_a_late_done_ends_the_lateness() -> None:
    assert _late(_done("2019-07-15"), "2019-08-01") is None


def test_missed_occurrences_in_a_row_are_late_from_the_first() -> None:
    assert _late(B1, "2020-06-02") == ("due", "2019-06-01", 368)


def test_the_next_occurrence_is_its_anchor_date() -> None:
    found = upcoming_as_of([B1], dt.date(2020, 1, 10), 6, PLAN_DATE)
    assert [(item.reason, item.date.isoformat()) for item in found] == [("due", "2020-05-31")]


def test_a_month_anchor_is_due_by_the_end_of_that_month() -> None:
    schedule = read_timeline("Diciembre de cada año").schedules[0]
    assert schedule.anchor == "12"
    assert anchored_occurrences(schedule, PLAN_DATE, dt.date(2019, 12, 1)) == [dt.date(2019, 12, 31)]


FRENCH = load(PLANS / "fr-plan-action.yaml", PLANS / "partners.yaml", None).plan


def test_an_early_year_start_is_late_only_after_its_first_quarter() -> None:
    a2 = next(action for action in FRENCH if action.id == "A2")  # "Début 2021"
    assert a2.schedules[0].start_precision == "quarter"
    assert a2.schedules[0].to_json()["start_precision"] == "quarter"
    assert lateness(a2, dt.date(2021, 3, 31), dt.date(2021, 1, 15)) is None
    found = lateness(a2, dt.date(2021, 4, 1), dt.date(2021, 1, 15))
    assert found is not None and (found.reason, found.late_since) == ("start", dt.date(2021, 4, 1))


def test_a_start_stated_as_a_year_is_late_from_the_next_first_of_january() -> None:
    schedule = read_timeline("dès 2022").schedules[0]
    assert (str(schedule.start), schedule.start_precision) == ("2022-01", "year")
    a2 = next(action for action in FRENCH if action.id == "A2")._replace(schedules=(schedule,))
    assert lateness(a2, dt.date(2022, 12, 31), None) is None
    found = lateness(a2, dt.date(2023, 1, 1), None)
    assert found is not None and found.late_since == dt.date(2023, 1, 1)

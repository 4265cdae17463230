"""CONTRACT's as-of rules, one fixture action per rule (tests/examples/asof/plan.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import EXAMPLES
from ilotc.model.dates import PlanDate, add_months
from ilotc.model.lateness import lateness, overdue_as_of, plan_date_of, upcoming_as_of
from ilotc.store.loading import load
from ilotc.store.models import Status

DATA = load(EXAMPLES / "asof" / "plan.yaml", EXAMPLES / "asof" / "partners.yaml")
PLAN_DATE = plan_date_of(DATA.plan.document.date)


def late(as_of: str) -> dict[str, tuple[str, str, int]]:
    day = PlanDate.parse(as_of).first_day()
    return {
        item.action.id: (item.reason, item.late_since.isoformat(), item.days_late)
        for item in overdue_as_of(list(DATA.plan), day, PLAN_DATE)
    }


def test_as_of_a_month_means_its_first_day() -> None:
    assert late("2000-06") == late("2000-06-01")


def test_due_last_month_is_late_due_this_month_is_not() -> None:
    found = late("2000-06")
    assert found["I.1.1"] == ("due", "2000-06-01", 1)
    assert "I.1.2" not in found
    assert late("2000-07")["I.1.2"] == ("due", "2000-07-01", 1)


def test_done_in_time_is_not_late() -> None:
    assert "I.1.3" not in late("2000-06")


def test_a_change_dated_in_the_as_of_month_counts_from_its_first_day() -> None:
    assert "I.1.4" not in late("2000-06")  # done "2000-06" = 1 June, on or before 1 June
    assert late("2000-06")["I.1.1"] == ("due", "2000-06-01", 1)  # its twin with no change is late


def test_as_of_a_day_replays_history_up_to_that_day() -> None:
    assert late("2000-06-14")["I.1.5"] == ("due", "2000-05-01", 45)
    assert "I.1.5" not in late("2000-06-15")


def test_cancelled_is_never_late() -> None:
    assert "I.1.6" not in late("2000-04")
    assert "I.1.6" not in late("2001-01")


def test_milestone_is_late_like_a_deadline() -> None:
    assert late("2000-05")["I.1.7"] == ("due", "2000-05-01", 1)


def test_late_start_versus_started() -> None:
    assert late("2000-05")["I.2.1"] == ("start", "2000-04-01", 31)
    assert late("2000-04-01")["I.2.1"] == ("start", "2000-04-01", 1)
    # started "2000-04", which counts from 1 April: never late to start
    assert "I.2.2" not in late("2000-04-01")
    assert "I.2.2" not in late("2000-05")


def test_window_started_is_late_only_once_its_end_passes() -> None:
    assert "I.2.3" not in late("2000-12")
    assert late("2001-01")["I.2.3"] == ("due", "2001-01-01", 1)
    assert late("2000-02-29")["I.2.3"] == ("start", "2000-02-01", 29)
    assert "I.2.3" not in late("2000-03-01")  # in progress from 1 March


def test_immediate_start_without_a_date_is_not_judged() -> None:
    assert "I.2.4" not in late("2001-01")


def test_recurring_without_occurrence_is_anchored_at_the_plan_date() -> None:
    assert "I.3.1" not in late("2000-09-28")
    assert late("2000-09-29")["I.3.1"] == ("due", "2000-09-29", 1)


def test_recurring_done_marks_one_occurrence() -> None:
    assert "I.3.2" not in late("2001-03-01")
    assert late("2001-04")["I.3.2"] == ("due", "2001-03-02", 31)


def test_recurring_without_period_and_cancelled_and_ongoing_are_not_late() -> None:
    far = late("2010-01")
    assert {"I.3.3", "I.3.4", "I.3.5"}.isdisjoint(far)


def test_overdue_is_sorted_most_late_first() -> None:
    day = PlanDate.parse("2000-06").first_day()
    days = [item.days_late for item in overdue_as_of(list(DATA.plan), day, PLAN_DATE)]
    assert days == sorted(days, reverse=True) and days


def test_initial_status_of_ongoing_is_in_progress() -> None:
    ongoing = DATA.plan.action("I.3.5")
    assert ongoing is not None and ongoing.status_as_of(dt.date(1999, 1, 1)) is Status.IN_PROGRESS


def test_upcoming_within_three_months() -> None:
    day = PlanDate.parse("2000-05").first_day()
    found = [
        (u.action.id, u.reason, u.date.isoformat())
        for u in upcoming_as_of(list(DATA.plan), day, 3, PLAN_DATE)
    ]
    assert found == [
        ("I.1.1", "due", "2000-05-31"),
        ("I.1.3", "due", "2000-05-31"),
        ("I.1.4", "due", "2000-05-31"),
        ("I.1.2", "due", "2000-06-30"),
    ]
    later = PlanDate.parse("2000-07").first_day()
    found = [(u.action.id, u.date.isoformat()) for u in upcoming_as_of(list(DATA.plan), later, 3, PLAN_DATE)]
    assert found == [("I.3.1", "2000-09-28")]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2000, 1, 31), 1, dt.date(2000, 2, 29)),
        (dt.date(1999, 9, 28), 12, dt.date(2000, 9, 28)),
        (dt.date(2000, 12, 15), 2, dt.date(2001, 2, 15)),
        (dt.date(9999, 3, 1), 1200, dt.date.max),  # past the calendar: never
    ],
)
def test_add_months_clamps_to_the_month_end(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_lateness_of_one_action() -> None:
    action = DATA.plan.action("I.1.1")
    assert action is not None
    found = lateness(action, dt.date(2000, 7, 10), PLAN_DATE)
    assert found is not None and (found.reason, found.days_late) == ("due", 40)

"""Where each plan of a portfolio stands as of a date: one row per plan, most behind first.

`ilotc status` lists these rows, `report --portfolio` draws them. A row counts the actions
the filters keep (a plan none of whose actions is kept has no row): how many, how many are
done, cancelled and late as of the date, when the next one falls due, and the date of the
last status change recorded on or before the date.
"""

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from ilotc.model.dates import PlanDate
from ilotc.model.lateness import PlanDates, overdue_as_of, upcoming_as_of
from ilotc.model.plan import Action, Plan
from ilotc.model.vocab import Status

_AHEAD_MONTHS = 1200  # a hundred years: "next due" looks as far ahead as a plan can reach


class PlanStatus(NamedTuple):
    """One plan's row: its name and title, and its actions counted as of a date."""

    plan: str
    title: str
    actions: int
    done: int
    cancelled: int
    late: int
    next_due: dt.date | None
    last_change: PlanDate | None
    order: int  # the plan's place among the plans in use (path order), the last tie-breaker

    @property
    def done_percent(self) -> int | None:
        """Done actions as a whole percentage of those not cancelled (None when none is left)."""
        counted = self.actions - self.cancelled
        return None if counted <= 0 else round(100 * self.done / counted)

    def to_json(self) -> dict[str, object]:
        """The row as a flat record (JSON, CSV and the table alike)."""
        return {
            "plan": self.plan,
            "title": self.title,
            "actions": self.actions,
            "done": self.done,
            "cancelled": self.cancelled,
            "done_percent": self.done_percent,
            "late": self.late,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "last_change": str(self.last_change) if self.last_change else None,
        }


def _last_change(actions: list[Action], day: dt.date) -> PlanDate | None:
    found: PlanDate | None = None
    for action in actions:
        for change in action.history:
            if change.date.first_day() > day:
                break
            if (
                found is None
                or change.date.first_day() > found.first_day()
                or (change.date.first_day() == found.first_day() and change.date.day is not None)
            ):
                found = change.date
    return found


def _row(plan: Plan, order: int, actions: list[Action], day: dt.date, dates: PlanDates) -> PlanStatus:
    statuses = [action.status_as_of(day) for action in actions]
    due = [item.date for item in upcoming_as_of(actions, day, _AHEAD_MONTHS, dates) if item.reason == "due"]
    return PlanStatus(
        plan=plan.name,
        title=plan.document.title,
        actions=len(actions),
        done=statuses.count(Status.DONE),
        cancelled=statuses.count(Status.CANCELLED),
        late=len(overdue_as_of(actions, day, dates)),
        next_due=min(due, default=None),
        last_change=_last_change(actions, day),
        order=order,
    )


def behind_first(row: PlanStatus) -> tuple[int, int, int]:
    """Most late actions first, then the least done, then in path order."""
    percent = row.done_percent
    return (-row.late, 101 if percent is None else percent, row.order)


def portfolio_status(
    plans: Iterable[Plan], actions: Iterable[Action], day: dt.date, dates: PlanDates
) -> list[PlanStatus]:
    """A row for each plan with an action among `actions`, most behind first."""
    by_plan: dict[str, list[Action]] = {}
    for action in actions:
        by_plan.setdefault(action.plan, []).append(action)
    rows = [
        _row(plan, order, by_plan[plan.name], day, dates)
        for order, plan in enumerate(plans)
        if plan.name in by_plan
    ]
    return sorted(rows, key=behind_first)

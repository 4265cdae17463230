"""What is late as of a date, and what falls due next (CONTRACT's "Dates and as of").

An action's status as of a day is replayed from its history. A schedule is late when:
- a deadline, milestone or window is not done or cancelled and its due period ended
  before the day (reason "due");
- a start or window is still planned and its start period ended before the day
  (reason "start");
- a recurring schedule with a period has no `done` change (or, with none, the plan's
  date) within `every_months` months before the day (reason "due"); for a recurring
  action `done` marks one occurrence, not the end, so only `cancelled` exempts it;
- a recurring schedule with an `anchor` ("05-01", or "12" for a month) is due on that day
  (or by the end of that month) every period, counted from the first anchor date on or
  after the plan's date; an occurrence is late from the next day until a `done` change
  dated in its period (after the occurrence before it).
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ilotc.model.dates import PlanDate, add_months
from ilotc.model.plan import Action, Plan
from ilotc.model.schedule import Schedule
from ilotc.model.vocab import Kind, Status

_DUE_KINDS = (Kind.DEADLINE, Kind.MILESTONE, Kind.WINDOW)
_START_KINDS = (Kind.START, Kind.WINDOW)
_FINISHED = (Status.DONE, Status.CANCELLED)
_ONE_DAY = dt.timedelta(days=1)


class Late(NamedTuple):
    """An overdue action: why, since when, and for how many days."""

    action: Action
    schedule: Schedule
    reason: str  # "due" or "start"
    late_since: dt.date  # the first day after the period in which it fell due
    days_late: int  # late_since counts as day 1

    def to_json(self) -> dict[str, object]:
        """CONTRACT's overdue fields."""
        return {"reason": self.reason, "late_since": self.late_since.isoformat(), "days_late": self.days_late}


PlanDates = dt.date | None | Mapping[str, dt.date | None]
"""A plan's date, or each plan's date by plan name where several are in use."""


def _date_for(action: Action, plan_dates: PlanDates) -> dt.date | None:
    # a date (or none) tested first, against concrete classes: asking Mapping's ABC took a
    # tenth of a warm `status` over a portfolio (it is asked for every action, twice)
    if plan_dates is None or isinstance(plan_dates, dt.date):
        return plan_dates
    return plan_dates.get(action.plan)


def last_done(action: Action, day: dt.date) -> dt.date | None:
    """The first day of the last `done` change dated on or before `day`."""
    found = None
    for change in action.history:
        if change.date.first_day() > day:
            break
        if change.status is Status.DONE:
            found = change.date.first_day()
    return found


def recurrence_due(
    action: Action, schedule: Schedule, day: dt.date, plan_date: dt.date | None
) -> dt.date | None:
    """The last day the next occurrence may happen on: the anchor plus the period."""
    if schedule.every_months is None:
        return None
    anchor = last_done(action, day) or plan_date
    if anchor is None:  # a plan with no date: nothing to count the first occurrence from
        return None
    return add_months(anchor, schedule.every_months)


def _anchor_date(anchor: str, year: int) -> dt.date:
    """The day an anchor falls on in `year`: its day (29 February is the 28th in other years),
    or the last day of its month."""
    month, _, day = anchor.partition("-")
    last = PlanDate(year, int(month)).last_day()
    return last if not day else last.replace(day=min(int(day), last.day))


def anchored_occurrences(schedule: Schedule, plan_date: dt.date | None, until: dt.date) -> list[dt.date]:
    """The due days of an anchored recurrence from the first on or after the plan's date, up
    to and including the first on or after `until`."""
    if schedule.anchor is None or plan_date is None or not schedule.every_months:
        return []
    years = max(1, schedule.every_months // 12)
    year = (
        plan_date.year if _anchor_date(schedule.anchor, plan_date.year) >= plan_date else plan_date.year + 1
    )
    found: list[dt.date] = []
    while year <= dt.MAXYEAR:
        found.append(_anchor_date(schedule.anchor, year))
        if found[-1] >= until:
            break
        year += years
    return found


def anchored_late_since(
    action: Action, schedule: Schedule, day: dt.date, plan_date: dt.date | None
) -> dt.date | None:
    """The first day late of an anchored recurrence as of `day`, or None when its last
    occurrence before `day` was met. An occurrence is met by a `done` change dated after the
    occurrence before it and before the one after it (each change meets one occurrence);
    late occurrences in a row are late from the day after the first of them."""
    dues = anchored_occurrences(schedule, plan_date, day)
    passed = [due for due in dues if due < day]
    if not passed or plan_date is None:
        return None
    dones = [
        change.date.first_day()
        for change in action.history
        if change.status is Status.DONE and plan_date <= change.date.first_day() <= day
    ]
    met: list[bool] = []
    used: set[int] = set()
    for k in range(len(passed)):
        low = passed[k - 1] if k else plan_date - _ONE_DAY
        high = dues[k + 1] if k + 1 < len(dues) else dt.date.max
        hit = next((n for n, done in enumerate(dones) if n not in used and low < done < high), None)
        if hit is not None:
            used.add(hit)
        met.append(hit is not None)
    since = None
    for due, was_met in zip(reversed(passed), reversed(met), strict=True):
        if was_met:
            break
        since = due + _ONE_DAY
    return since


def next_occurrence(
    action: Action, schedule: Schedule, day: dt.date, plan_date: dt.date | None
) -> dt.date | None:
    """The last day of the first occurrence still to come on or after `day`: the one after
    the last `done` change, or, when that one was missed (overdue), the following ones of the
    same rhythm, so a missed occurrence does not hide the next. An anchored recurrence: its
    first due day on or after `day`."""
    if schedule.anchor is not None:
        dues = anchored_occurrences(schedule, plan_date, day)
        return dues[-1] if dues and dues[-1] >= day else None
    first = recurrence_due(action, schedule, day, plan_date)
    if first is None or first >= day or not schedule.every_months or schedule.every_months < 1:
        return first
    anchor = last_done(action, day) or plan_date
    assert anchor is not None  # recurrence_due found one
    period = schedule.every_months
    count = max(1, ((day.year - anchor.year) * 12 + day.month - anchor.month) // period)
    while (due := add_months(anchor, count * period)) < day:
        count += 1
    return due


def _late_candidates(
    action: Action, schedule: Schedule, status: Status, day: dt.date, plan_date: dt.date | None
) -> list[tuple[str, dt.date]]:
    if schedule.kind is Kind.RECURRING and schedule.anchor is not None:
        since = anchored_late_since(action, schedule, day, plan_date)
        return [] if status is Status.CANCELLED or since is None else [("due", since)]
    if schedule.kind is Kind.RECURRING:
        limit = recurrence_due(action, schedule, day, plan_date)
        if status is Status.CANCELLED or limit is None or not limit < day:
            return []
        return [("due", limit + _ONE_DAY)]
    if status in _FINISHED:
        return []
    if schedule.kind in _DUE_KINDS and schedule.due is not None and schedule.due.last_day() < day:
        # a window past its end is late for being unfinished, whether or not it started
        return [("due", schedule.due.last_day() + _ONE_DAY)]
    if (
        schedule.kind in _START_KINDS
        and status is Status.PLANNED
        and (start_ends := schedule.start_ends()) is not None
        and start_ends.last_day() < day
    ):
        # a start is late only after its whole stated period: "dès 2022" from 1 January 2023
        return [("start", start_ends.last_day() + _ONE_DAY)]
    return []


def lateness(action: Action, day: dt.date, plan_date: PlanDates) -> Late | None:
    """How late the action is as of `day` (its most late schedule), or None."""
    plan_date = _date_for(action, plan_date)
    status = action.status_as_of(day)
    found: Late | None = None
    for schedule in action.schedules:
        for reason, since in _late_candidates(action, schedule, status, day, plan_date):
            if found is None or since < found.late_since:
                found = Late(action, schedule, reason, since, (day - since).days + 1)
    return found


def late_by_responsible(late: "Iterable[Late]", actions: "Iterable[Action]") -> list[dict[str, object]]:
    """`overdue --by responsible`: for each responsible unit, its actions, how many are late
    and the most days late, most late first; actions with no one responsible count under
    `responsible: null`. An action with several responsible units counts for each."""
    counts: dict[str | None, list[int]] = {}
    for action in actions:
        for unit in action.responsible or (None,):
            counts.setdefault(unit, [0, 0, 0])[0] += 1
    for item in late:
        for unit in item.action.responsible or (None,):
            found = counts.setdefault(unit, [0, 0, 0])
            found[1] += 1
            found[2] = max(found[2], item.days_late)
    # most late first; units in the order the plan first names them; no one last
    ordered = sorted(counts.items(), key=lambda item: (-item[1][1], item[0] is None))
    return [
        {"responsible": unit, "actions": total, "late": count, "max_days_late": most if count else None}
        for unit, (total, count, most) in ordered
    ]


def overdue_as_of(actions: list[Action], day: dt.date, plan_date: PlanDates) -> list[Late]:
    """The late actions among `actions`, most late first, then in document order."""
    late = [found for action in actions if (found := lateness(action, day, plan_date)) is not None]
    return sorted(late, key=lambda item: (-item.days_late, item.action.order))


class Upcoming(NamedTuple):
    """An action that falls due or is to start soon."""

    action: Action
    schedule: Schedule
    reason: str  # "due" or "start"
    date: dt.date  # the last day it may happen on (due) or the first day it starts (start)
    days_left: int

    def to_json(self) -> dict[str, object]:
        """The upcoming fields added to an action record."""
        return {"reason": self.reason, "date": self.date.isoformat(), "days_left": self.days_left}


def _upcoming_candidates(
    action: Action, schedule: Schedule, status: Status, day: dt.date, plan_date: dt.date | None
) -> list[tuple[str, dt.date]]:
    if schedule.kind is Kind.RECURRING:
        limit = next_occurrence(action, schedule, day, plan_date)
        return [] if status is Status.CANCELLED or limit is None else [("due", limit)]
    if status in _FINISHED:
        return []
    found = []
    if schedule.kind in _START_KINDS and status is Status.PLANNED and schedule.start is not None:
        found.append(("start", schedule.start.first_day()))
    if schedule.kind in _DUE_KINDS and schedule.due is not None:
        found.append(("due", schedule.due.last_day()))
    return found


def upcoming_as_of(actions: list[Action], day: dt.date, months: int, plan_date: PlanDates) -> list[Upcoming]:
    """What falls due or starts from `day` up to `months` months later, soonest first.

    A due month counts when its period ends in that span, a start month when it begins in it.
    """
    end = add_months(day, months)
    found = []
    for action in actions:
        status = action.status_as_of(day)
        for schedule in action.schedules:
            for reason, date in _upcoming_candidates(
                action, schedule, status, day, _date_for(action, plan_date)
            ):
                if day <= date < end or (reason == "start" and _month_holds(date, day)):
                    found.append(Upcoming(action, schedule, reason, date, (date - day).days))
    return sorted(found, key=lambda item: (item.date, item.action.order))


def _month_holds(start: dt.date, day: dt.date) -> bool:
    # a start month that began before a mid-month as-of day is still "to start" this month
    return start.year == day.year and start.month == day.month


def plan_date_of(document_date: str | None) -> dt.date | None:
    """The plan's date (the anchor of recurring actions with no `done` change yet), if any."""
    return PlanDate.parse(document_date).first_day() if document_date else None


def plan_dates(plans: "Iterable[Plan]") -> dict[str, dt.date | None]:
    """Each plan's date by its name."""
    return {plan.name: plan_date_of(plan.document.date) for plan in plans}

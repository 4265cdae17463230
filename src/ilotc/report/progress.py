"""The progress report on a plan (paragraph 8 of GB.276/TC/2), as data.

`build_report` gathers what the Governing Body is to be told as of a day: per part and for
the whole plan, the actions by standing; what changed since the previous report; what is
overdue, with its latest note; what falls due next (the rules of `ilotc overdue` and
`ilotc upcoming`, from `ilotc.model.lateness`); every action for the annex; and the charts.

A recurring action is counted per period, never as done for the whole plan: it stands
`on_schedule` while its last occurrence lies within its period, `missed` once it does not,
`unjudged` when the plan states no period. So no action is both done and overdue.

A continuous action (every schedule `continuous`: a permanent way of working, with no end) is
counted in its own standing, `continuous`, whatever its status but `cancelled`: it is never
"not started" nor done once and for all, and it can never fall behind.

Pure: no printing, no I/O. The words are the renderers' (`ilotc.output.report.texts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ilotc.i18n import _
from ilotc.model.dates import PlanDate, add_months
from ilotc.model.lateness import (
    Late,
    PlanDates,
    Upcoming,
    lateness,
    overdue_as_of,
    plan_date_of,
    plan_dates,
    upcoming_as_of,
)
from ilotc.model.plan import Action, Change, Document, Plan
from ilotc.model.punctuality import days_after_due
from ilotc.model.registry import Registry
from ilotc.model.report_identity import ReportIdentity
from ilotc.model.vocab import Kind, Status
from ilotc.report.chart import Burndown, Chart, build_burndown, build_chart

UPCOMING_MONTHS = 3
"""What "falls due next" means by default: the three months from the as-of day."""

MAX_SERIES_POINTS = 72
"""The progress chart's most columns; a longer span is sampled every few months."""

PARTS = ("I", "II", "III")


class Standing:
    """Where an action stands as of a day: its status, or for a recurring action its period."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
    ON_SCHEDULE = "on_schedule"  # recurring: the last occurrence lies within its period
    MISSED = "missed"  # recurring: an occurrence is overdue
    UNJUDGED = "unjudged"  # recurring with no period stated: it cannot fall behind
    CONTINUOUS = "continuous"  # a permanent way of working: no end, never "not started"

    ONE_OFF = (DONE, IN_PROGRESS, PLANNED, CANCELLED)
    RECURRING = (ON_SCHEDULE, MISSED, UNJUDGED)
    ALL = (DONE, IN_PROGRESS, PLANNED, CANCELLED, ON_SCHEDULE, MISSED, UNJUDGED, CONTINUOUS)


def is_recurring(action: Action) -> bool:
    """True when any of the action's schedules repeats: `done` then marks one occurrence."""
    return any(schedule.kind is Kind.RECURRING for schedule in action.schedules)


def is_continuous(action: Action) -> bool:
    """True when every schedule of the action is continuous: it has no end and nothing to be
    late for, so it is counted apart rather than as not started, in progress or done."""
    return bool(action.schedules) and all(s.kind is Kind.CONTINUOUS for s in action.schedules)


def standing(action: Action, day: dt.date, plan_date: PlanDates) -> str:
    """One of `Standing.ALL` for the action as of `day`."""
    status = action.status_as_of(day)
    if status is Status.CANCELLED:
        return status.value
    if is_continuous(action):
        return Standing.CONTINUOUS
    if not is_recurring(action):
        return status.value
    if not any(s.kind is Kind.RECURRING and s.every_months for s in action.schedules):
        return Standing.UNJUDGED
    return Standing.MISSED if lateness(action, day, plan_date) is not None else Standing.ON_SCHEDULE


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts for the whole plan (`part` None) or one part."""

    part: str | None
    title: str
    total: int
    by_standing: dict[str, int]  # every standing, in Standing.ALL order
    by_kind: dict[str, int]  # every kind, in Kind order; an action counts by its first schedule
    overdue: int
    upcoming: int  # actions with something falling due or starting in the next months
    plan: str | None = None  # the plan the part belongs to, where the report covers several

    def holds(self, action: Action) -> bool:
        """True when `action` counts in this summary."""
        return (self.part is None or action.part == self.part) and self.plan in (None, action.plan)

    @property
    def recurring(self) -> int:
        """Recurring actions not cancelled (counted per period)."""
        return sum(self.by_standing[s] for s in Standing.RECURRING)

    @property
    def continuous(self) -> int:
        """Continuous actions not cancelled (counted apart: they have no end)."""
        return self.by_standing[Standing.CONTINUOUS]

    @property
    def one_off(self) -> int:
        """Actions done once, cancelled ones included."""
        return self.total - self.recurring - self.continuous

    @property
    def done(self) -> int:
        """One-off actions done as of the report's day."""
        return self.by_standing[Standing.DONE]

    @property
    def share_done(self) -> float | None:
        """Done one-off actions as a share of those not cancelled (None when there are none)."""
        counted = self.one_off - self.by_standing[Standing.CANCELLED]
        return self.done / counted if counted else None


@dataclass(frozen=True, slots=True)
class Event:
    """A status change recorded between the since and as-of days."""

    action: Action
    change: Change
    recurring: bool  # a `done` change then marks one occurrence
    late_days: int | None = None  # a `done` change: days after the deadline (0 or less: on time)


@dataclass(frozen=True, slots=True)
class Overdue:
    """An overdue action with its latest recorded change that has a note, if any."""

    late: Late
    standing: str
    latest_note: Change | None


@dataclass(frozen=True, slots=True)
class Entry:
    """An action of the annex: everything about it, partners by name."""

    action: Action
    standing: str
    history: tuple[Change, ...]  # the changes dated on or before the as-of day
    partner_names: tuple[str, ...]
    late: Late | None

    @property
    def last_change(self) -> Change | None:
        """The latest change on or before the as-of day."""
        return self.history[-1] if self.history else None


@dataclass(frozen=True, slots=True)
class PlanShare:
    """One of several plans a report covers: its name, document and actions reported on."""

    name: str
    document: Document
    total: int


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the progress report says, as of one day."""

    document: Document
    plan_date: dt.date
    since: dt.date
    as_of: dt.date
    upcoming_months: int
    plan_total: int  # the plan's actions, before any filter
    whole: Summary
    parts: tuple[Summary, ...]
    events: tuple[Event, ...]
    overdue: tuple[Overdue, ...]
    upcoming: tuple[Upcoming, ...]
    annex: tuple[Entry, ...]
    chart: Chart
    progress: Burndown
    plans: tuple[PlanShare, ...] = ()  # each plan, where the report covers several
    identity: ReportIdentity = field(default_factory=ReportIdentity)  # its own symbol, session, date, purpose

    def ref(self, action: Action) -> str:
        """How the report names an action: PLAN:ID where it covers several plans (ids may
        clash between them), else its id."""
        return f"{action.plan}:{action.id}" if self.plans else action.id

    @property
    def summaries(self) -> tuple[Summary, ...]:
        """The whole plan, then each part."""
        return (self.whole, *self.parts)

    @property
    def filtered(self) -> bool:
        """True when filters left out some of the plan's actions."""
        return self.whole.total != self.plan_total

    @property
    def upcoming_until(self) -> dt.date:
        """The last day the 'falls due next' span covers."""
        return add_months(self.as_of, self.upcoming_months) - dt.timedelta(days=1)

    def events_of(self, kind: str) -> list[Event]:
        """The events whose new status is `kind` (a Status value), oldest first."""
        return [event for event in self.events if event.change.status.value == kind]


def default_since(document: Document, undated: dt.date | None = None) -> dt.date:
    """The previous report's date where the plan records one, else the plan's date (else
    `undated`, for a plan with no date)."""
    recorded = document.report_previous or document.date
    if recorded is None:
        if undated is None:
            raise ValueError(_("the plan has no date: give the day to count from"))
        return undated
    return PlanDate.parse(recorded).first_day()


def first_day_of(actions: Sequence[Action], as_of: dt.date) -> dt.date:
    """Where a plan with no date starts: its earliest status change or dated schedule, or
    the as-of day when it has none before it."""
    days = [change.date.first_day() for action in actions for change in action.history]
    days += [
        date.first_day()
        for action in actions
        for schedule in action.schedules
        for date in (schedule.start, schedule.due)
        if date is not None
    ]
    return min([*days, as_of])


def build_report(
    plan: Plan,
    registry: Registry,
    as_of: dt.date,
    *,
    upcoming_months: int = UPCOMING_MONTHS,
    since: dt.date | None = None,
    actions: Sequence[Action] | None = None,
    plans: Sequence[Plan] = (),
    identity: ReportIdentity | None = None,
) -> Report:
    """The progress report on `plan` as of `as_of` (on `actions` only, where given); `identity`
    is the report's own (else the one the plan's `report:` block states)."""
    document = plan.document
    chosen = list(plan.actions if actions is None else actions)
    # each plan's own date judges its recurring actions (`plans`: the plans `plan` merges);
    # a plan with no date starts at its first dated event, for the charts and texts
    dates = plan_dates(plans or [plan])
    plan_date = plan_date_of(document.date) or first_day_of(plan.actions, as_of)
    late = overdue_as_of(chosen, as_of, dates)
    upcoming = upcoming_as_of(chosen, as_of, upcoming_months, dates)
    several = len(plans) > 1
    summaries = tuple(
        _summary(
            part,
            title,
            [a for a in chosen if a.part == part and name in (None, a.plan)],
            as_of,
            dates,
            plan=name,
        )
        for name, part, title in _parts(plans if several else [plan], several)
    )
    # keyed by plan and id: two plans may use the same ids
    late_ids = {(item.action.plan, item.action.id): item for item in late}
    soon = {(item.action.plan, item.action.id) for item in upcoming}
    summaries = tuple(_with_dates(s, chosen, late_ids, soon) for s in summaries)
    whole = _with_dates(_summary(None, document.title, chosen, as_of, dates), chosen, late_ids, soon)
    start = since if since is not None else default_since(document, plan_date)
    return Report(
        document=document,
        plan_date=plan_date,
        since=start,
        as_of=as_of,
        upcoming_months=upcoming_months,
        plan_total=len(plan.actions),
        whole=whole,
        parts=tuple(s for s in summaries if s.total),
        events=tuple(_events(chosen, start, as_of)),
        overdue=tuple(
            Overdue(item, standing(item.action, as_of, dates), _latest_note(item.action, as_of))
            for item in late
        ),
        upcoming=tuple(upcoming),
        annex=tuple(_entry(a, as_of, dates, registry, late_ids.get((a.plan, a.id))) for a in chosen),
        chart=build_chart(chosen, as_of, dates),
        progress=build_burndown(progress_series(chosen, as_of, plan_date, dates), Standing.ALL),
        plans=tuple(PlanShare(p.name, p.document, sum(a.plan == p.name for a in chosen)) for p in plans)
        if several
        else (),
        identity=identity or document.report or ReportIdentity(),
    )


def _parts(plans: Sequence[Plan], several: bool) -> list[tuple[str | None, str, str]]:
    """(plan name, part id, part title) in the report's order: each plan's parts, the
    GB.276/TC/2 numerals first; the plan name only where the report covers several."""
    found = []
    for plan in plans:
        parts = [part for part in PARTS if part in plan.part_titles]
        parts += [part for part in plan.part_titles if part not in PARTS]
        found += [(plan.name if several else None, part, plan.part_titles[part]) for part in parts]
    return found


def _summary(
    part: str | None,
    title: str,
    actions: Sequence[Action],
    as_of: dt.date,
    plan_date: PlanDates,
    *,
    plan: str | None = None,
) -> Summary:
    by_standing = dict.fromkeys(Standing.ALL, 0)
    by_kind = {kind.value: 0 for kind in Kind}
    for action in actions:
        by_standing[standing(action, as_of, plan_date)] += 1
        by_kind[action.kind.value] += 1
    return Summary(part, title, len(actions), by_standing, by_kind, overdue=0, upcoming=0, plan=plan)


def _with_dates(
    summary: Summary,
    actions: Sequence[Action],
    late: dict[tuple[str, str], Late],
    soon: set[tuple[str, str]],
) -> Summary:
    ids = {(a.plan, a.id) for a in actions if summary.holds(a)}
    return replace(summary, overdue=len(ids & late.keys()), upcoming=len(ids & soon))


def _events(actions: Sequence[Action], since: dt.date, as_of: dt.date) -> list[Event]:
    found = [
        Event(
            action,
            change,
            is_recurring(action),
            days_after_due(action, change.date.first_day()) if change.status is Status.DONE else None,
        )
        for action in actions
        for change in action.history
        if since <= change.date.first_day() <= as_of
    ]
    return sorted(found, key=lambda event: (event.change.date.first_day(), event.action.order))


def _latest_note(action: Action, as_of: dt.date) -> Change | None:
    noted = [c for c in action.history if c.note and c.date.first_day() <= as_of]
    return noted[-1] if noted else None


def _entry(
    action: Action, as_of: dt.date, plan_date: PlanDates, registry: Registry, late: Late | None
) -> Entry:
    names = []
    for partner_id in action.partners:
        partner = registry.get(partner_id)
        names.append(partner.name if partner is not None else partner_id)
    history = tuple(c for c in action.history if c.date.first_day() <= as_of)
    return Entry(action, standing(action, as_of, plan_date), history, tuple(names), late)


def progress_series(
    actions: Sequence[Action],
    as_of: dt.date,
    plan_date: dt.date,
    dates: Mapping[str, dt.date | None] | None = None,
) -> list[tuple[dt.date, dict[str, int]]]:
    """The actions by standing at the end of each month from the plan's date to the as-of day.

    The last point is the as-of day itself; a span longer than MAX_SERIES_POINTS months is
    sampled every few months, always ending on the as-of day. `dates` are the plans' own
    dates where they differ from `plan_date` (several plans, or one without a date).
    """
    judged_by: PlanDates = plan_date if dates is None else dates
    first = plan_date.year * 12 + plan_date.month - 1
    last = as_of.year * 12 + as_of.month - 1
    count = max(last - first, 0)
    step = max(1, -(-count // (MAX_SERIES_POINTS - 1)))
    days = []
    for index in range(last - step, first - 1, -step):
        year, month0 = divmod(index, 12)
        days.append(PlanDate(year, month0 + 1).last_day())
    days = [*reversed(days), as_of]
    series = []
    for day in days:
        counts = dict.fromkeys(Standing.ALL, 0)
        for action in actions:
            counts[standing(action, day, judged_by)] += 1
        series.append((day, counts))
    return series

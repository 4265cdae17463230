"""The progress report on the plan (paragraph 8 of GB.276/TC/2), as data.

`build_report` gathers what the Governing Body is to be told as of a day: per part and for
the whole plan, counts by status and by timeline kind and the share done; the overdue
actions and what falls due next (the same rules as `ilotc overdue` and `ilotc upcoming`,
from `ilotc.lateness`); the partners the actions name; and a timeline chart whose
geometry (month columns, rows, x positions in SVG user units) is worked out here so the
renderers only place what they are given.

Pure: no printing, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ilotc.dates import MONTH_NAMES, PlanDate, add_months
from ilotc.lateness import Late, Upcoming, lateness, overdue_as_of, plan_date_of, upcoming_as_of
from ilotc.plan import Action, Document, Plan
from ilotc.registry import Registry
from ilotc.schedule import Schedule
from ilotc.vocab import Kind, Status

UPCOMING_MONTHS = 3
"""What "falls due next" means: the three months from the as-of day."""

PARTS = ("I", "II", "III")

# Chart geometry, in SVG user units (the SVG scales to the page through its viewBox).
CHART_WIDTH = 1000.0
LABEL_WIDTH = 78.0  # the action ids, left of the plot
RIGHT_MARGIN = 12.0
HEADER_HEIGHT = 38.0  # year and month labels
ROW_HEIGHT = 15.0
FOOTER_HEIGHT = 6.0
MAX_EXTENSION_MONTHS = 24
MAX_CHART_MONTHS = 240  # a wider plan is shown around the as-of date, its other marks at the edges
"""How far the axis stretches beyond the dated schedules to show the as-of line."""

DATED_KINDS = (Kind.DEADLINE, Kind.MILESTONE, Kind.START, Kind.WINDOW)
"""The kinds a chart shows: a window as a bar, the others as marks."""


class State:
    """How a chart mark is coloured: the action's status, or `late` for a late schedule."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
    LATE = "late"

    ALL = (PLANNED, IN_PROGRESS, DONE, CANCELLED, LATE)


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts for the whole plan (`part` None) or one part."""

    part: str | None
    title: str
    total: int
    by_status: dict[str, int]  # every status, in Status order
    by_kind: dict[str, int]  # every kind, in Kind order; an action counts by its first schedule
    overdue: int
    upcoming: int  # actions with something falling due or starting in the next months

    @property
    def label(self) -> str:
        """'Whole plan' or 'Part II'."""
        return "Whole plan" if self.part is None else f"Part {self.part}"

    @property
    def done(self) -> int:
        """Actions done as of the report's day."""
        return self.by_status[Status.DONE.value]

    @property
    def active(self) -> int:
        """Actions still counted: every action but the cancelled ones."""
        return self.total - self.by_status[Status.CANCELLED.value]

    @property
    def share_done(self) -> float | None:
        """Done actions as a share of the actions not cancelled (None when there are none)."""
        return self.done / self.active if self.active else None

    @property
    def share_done_text(self) -> str:
        """The share done as a whole percentage, e.g. '25%' ('-' when nothing counts)."""
        share = self.share_done
        return "-" if share is None else f"{round(share * 100)}%"


@dataclass(frozen=True, slots=True)
class PartnerUse:
    """A partner named by actions of one part."""

    part: str
    id: str
    name: str
    actions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Month:
    """A column of the chart's axis."""

    index: int
    year: int
    month: int
    x: float
    width: float

    @property
    def initial(self) -> str:
        """The month's initial: J F M A M J J A S O N D."""
        return MONTH_NAMES[self.month - 1][0]

    @property
    def label(self) -> str:
        """`YYYY-MM`."""
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class Mark:
    """One dated schedule on a chart row: a bar (window) or a point (deadline, milestone, start)."""

    shape: str  # "bar", "deadline", "milestone" or "start"
    kind: Kind
    first_month: int  # axis index of the first month it covers
    last_month: int  # axis index of the last month it covers (== first_month for a point)
    x: float  # where it begins (a point: where it stands)
    x_end: float  # where it ends (a point: == x)
    state: str  # one of State.ALL
    title: str  # what it says in words, for a tooltip or a screen reader


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One dated action on the chart."""

    action_id: str
    part: str
    text: str
    status: str
    late: bool
    y: float  # the row's vertical centre
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """The timeline chart: months along the axis, one row per dated action, the as-of line."""

    months: tuple[Month, ...]
    rows: tuple[ChartRow, ...]
    as_of_x: float | None  # None when the as-of day lies too far outside the axis
    as_of_month: int | None  # its axis index, likewise
    as_of_outside: str | None  # "before" or "after" when the as-of line is left out
    width: float
    height: float
    plot_left: float
    plot_right: float
    top: float
    row_height: float
    part_breaks: tuple[float, ...]  # y of the lines between parts
    clipped: bool = False  # the plan spans more than MAX_CHART_MONTHS; marks beyond are at the edges

    @property
    def years(self) -> list[tuple[int, float, float]]:
        """(year, x, width) for each year the axis shows part of."""
        found: list[tuple[int, float, float]] = []
        for month in self.months:
            if found and found[-1][0] == month.year:
                year, x, width = found[-1]
                found[-1] = (year, x, width + month.width)
            else:
                found.append((month.year, month.x, month.width))
        return found


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the progress report says, as of one day."""

    symbol: str
    document_title: str
    session: int
    committee: str
    plan_date: dt.date
    last_modified: dt.date | None
    as_of: dt.date
    upcoming_months: int
    part_titles: dict[str, str]
    whole: Summary
    parts: tuple[Summary, ...]
    overdue: tuple[Late, ...]
    upcoming: tuple[Upcoming, ...]
    partners: tuple[PartnerUse, ...]
    chart: Chart

    @property
    def summaries(self) -> tuple[Summary, ...]:
        """The whole plan, then each part."""
        return (self.whole, *self.parts)

    @property
    def upcoming_until(self) -> dt.date:
        """The last day the 'falls due next' span covers."""
        # the day before the window of upcoming_as_of ends (as_of plus N months, exclusive)
        return add_months(self.as_of, self.upcoming_months) - dt.timedelta(days=1)


def shorten(text: str, limit: int = 90) -> str:
    """The text on one line, cut at a word boundary to at most `limit` characters, with '…'."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.") + "…"


def build_report(
    plan: Plan,
    registry: Registry,
    as_of: dt.date,
    *,
    upcoming_months: int = UPCOMING_MONTHS,
) -> Report:
    """The progress report on `plan` as of `as_of`."""
    document = plan.document
    plan_date = plan_date_of(document.date)
    actions = list(plan.actions)
    overdue = overdue_as_of(actions, as_of, plan_date)
    upcoming = upcoming_as_of(actions, as_of, upcoming_months, plan_date)
    parts = tuple(part for part in PARTS if part in plan.part_titles) + tuple(
        part for part in plan.part_titles if part not in PARTS
    )
    summaries = tuple(
        _summary(
            part,
            plan.part_titles[part],
            [a for a in actions if a.part == part],
            as_of,
            overdue,
            upcoming,
        )
        for part in parts
    )
    return Report(
        symbol=document.symbol,
        document_title=document.title,
        session=document.session,
        committee=document.committee,
        plan_date=plan_date,
        last_modified=_last_modified(document),
        as_of=as_of,
        upcoming_months=upcoming_months,
        part_titles=dict(plan.part_titles),
        whole=_summary(None, document.symbol, actions, as_of, overdue, upcoming),
        parts=summaries,
        overdue=tuple(overdue),
        upcoming=tuple(upcoming),
        partners=tuple(_partners(actions, parts, registry)),
        chart=build_chart(actions, as_of, plan_date),
    )


def _last_modified(document: Document) -> dt.date | None:
    return PlanDate.parse(document.last_modified).first_day() if document.last_modified else None


def _summary(
    part: str | None,
    title: str,
    actions: Sequence[Action],
    as_of: dt.date,
    overdue: Sequence[Late],
    upcoming: Sequence[Upcoming],
) -> Summary:
    ids = {action.id for action in actions}
    by_status = {status.value: 0 for status in Status}
    by_kind = {kind.value: 0 for kind in Kind}
    for action in actions:
        by_status[action.status_as_of(as_of).value] += 1
        by_kind[action.kind.value] += 1
    return Summary(
        part=part,
        title=title,
        total=len(actions),
        by_status=by_status,
        by_kind=by_kind,
        overdue=sum(1 for late in overdue if late.action.id in ids),
        upcoming=len({item.action.id for item in upcoming if item.action.id in ids}),
    )


def _partners(actions: Sequence[Action], parts: Sequence[str], registry: Registry) -> list[PartnerUse]:
    found: list[PartnerUse] = []
    for part in parts:
        naming: dict[str, list[str]] = {}
        for action in actions:
            if action.part == part:
                for partner_id in action.partners:
                    naming.setdefault(partner_id, []).append(action.id)
        for partner_id, action_ids in naming.items():
            partner = registry.get(partner_id)
            name = partner.name if partner is not None else partner_id
            found.append(PartnerUse(part, partner_id, name, tuple(action_ids)))
    return found


# --- the chart ------------------------------------------------------------------------------


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _dated(schedule: Schedule) -> bool:
    if schedule.kind not in DATED_KINDS:
        return False
    if schedule.kind is Kind.START:
        return schedule.start is not None
    if schedule.kind is Kind.WINDOW:
        return schedule.start is not None and schedule.due is not None
    return schedule.due is not None


@dataclass(frozen=True, slots=True)
class _Span:
    first: dt.date  # the first day the mark covers
    last: dt.date  # the last day it covers
    x_from: dt.date  # where it is drawn from: a start's first day, a due period's end
    x_to: dt.date


def _span(schedule: Schedule) -> _Span:
    """The days a dated schedule's mark covers, and the instants it is drawn between."""
    start = schedule.start.first_day() if schedule.start is not None else None
    due = schedule.due.last_day() if schedule.due is not None else None
    if schedule.kind is Kind.START and start is not None:
        return _Span(start, start, start, start)
    if due is None:
        raise ValueError(f"a {schedule.kind} schedule with no due date is not dated")
    # a due period is met by its end: the next day's start (the calendar's last day stays itself)
    after = due + dt.timedelta(days=1) if due < dt.date.max else due
    if schedule.kind is Kind.WINDOW and start is not None:
        return _Span(start, due, start, after)
    return _Span(due, due, after, after)


def dated_actions(actions: Sequence[Action]) -> list[Action]:
    """The actions with at least one dated deadline, milestone, start or window, in order."""
    return [action for action in actions if any(_dated(s) for s in action.schedules)]


def build_chart(actions: Sequence[Action], as_of: dt.date, plan_date: dt.date) -> Chart:
    """The chart's geometry: months, one row per dated action, and the as-of line."""
    rows_of = dated_actions(actions)
    spans = [_span(s) for action in rows_of for s in action.schedules if _dated(s)]
    as_of_month = _month_index(as_of)
    outside: str | None = None
    if spans:
        first = min(_month_index(span.first) for span in spans)
        last = max(_month_index(span.last) for span in spans)
        if as_of_month < first - MAX_EXTENSION_MONTHS:
            outside = "before"
        elif as_of_month > last + MAX_EXTENSION_MONTHS:
            outside = "after"
        else:
            first, last = min(first, as_of_month), max(last, as_of_month)
    else:
        first = last = as_of_month
    clipped = last - first + 1 > MAX_CHART_MONTHS
    if clipped:
        centre = min(max(as_of_month, first), last)
        first = max(first, min(centre - MAX_CHART_MONTHS // 2, last - MAX_CHART_MONTHS + 1))
        last = first + MAX_CHART_MONTHS - 1
        if outside is None and not first <= as_of_month <= last:  # pragma: no cover - centred on it
            outside = "before" if as_of_month < first else "after"
    count = last - first + 1
    plot_left, plot_right = LABEL_WIDTH, CHART_WIDTH - RIGHT_MARGIN
    month_width = (plot_right - plot_left) / count

    def x_of(day: dt.date) -> float:
        index = _month_index(day) - first
        if index < 0:
            return plot_left
        if index >= count:
            return plot_right
        length = PlanDate(day.year, day.month).last_day().day
        return round(plot_left + (index + (day.day - 1) / length) * month_width, 2)

    def month_of(day: dt.date) -> int:
        return min(max(_month_index(day) - first, 0), count - 1)

    months = tuple(
        Month(i, (first + i) // 12, (first + i) % 12 + 1, round(plot_left + i * month_width, 2), month_width)
        for i in range(count)
    )
    rows: list[ChartRow] = []
    breaks: list[float] = []
    for number, action in enumerate(rows_of):
        y = HEADER_HEIGHT + (number + 0.5) * ROW_HEIGHT
        if rows and rows[-1].part != action.part:
            breaks.append(HEADER_HEIGHT + number * ROW_HEIGHT)
        status = action.status_as_of(as_of)
        marks = []
        for schedule in action.schedules:
            if not _dated(schedule):
                continue
            span = _span(schedule)
            state = _state(action, schedule, status, as_of, plan_date)
            marks.append(
                Mark(
                    shape="bar" if schedule.kind is Kind.WINDOW else schedule.kind.value,
                    kind=schedule.kind,
                    first_month=month_of(span.first),
                    last_month=month_of(span.last),
                    x=x_of(span.x_from),
                    x_end=x_of(span.x_to),
                    state=state,
                    title=_mark_title(action, schedule, status, state),
                )
            )
        rows.append(
            ChartRow(
                action_id=action.id,
                part=action.part,
                text=shorten(action.text, 80),
                status=status.value,
                late=any(mark.state == State.LATE for mark in marks),
                y=y,
                marks=tuple(marks),
            )
        )
    height = HEADER_HEIGHT + len(rows) * ROW_HEIGHT + FOOTER_HEIGHT
    inside = outside is None
    return Chart(
        months=months,
        rows=tuple(rows),
        as_of_x=x_of(as_of) if inside else None,
        as_of_month=as_of_month - first if inside else None,
        as_of_outside=outside,
        width=CHART_WIDTH,
        height=height,
        plot_left=plot_left,
        plot_right=plot_right,
        top=HEADER_HEIGHT,
        row_height=ROW_HEIGHT,
        part_breaks=tuple(breaks),
        clipped=clipped,
    )


def _state(action: Action, schedule: Schedule, status: Status, as_of: dt.date, plan_date: dt.date) -> str:
    # lateness of this schedule alone, by the same rules as `ilotc overdue`
    if lateness(action._replace(schedules=(schedule,)), as_of, plan_date) is not None:
        return State.LATE
    return status.value


def _mark_title(action: Action, schedule: Schedule, status: Status, state: str) -> str:
    where = status.value.replace("_", " ")
    if state == State.LATE:
        where += ", late"
    return f"{action.id} — {schedule.describe()} — {where} — {shorten(action.text, 120)}"

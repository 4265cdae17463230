"""The geometry of the report's charts: the timeline of dated actions and progress over time.

Worked out here in SVG user units (the SVG scales to the page through its viewBox), so the
renderers only place what they are given. Pure: no printing, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ilotc.i18n import month_names, month_year
from ilotc.model.dates import PlanDate
from ilotc.model.lateness import PlanDates, lateness
from ilotc.model.plan import Action
from ilotc.model.schedule import Schedule
from ilotc.model.vocab import Kind, Status

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
class Month:
    """A column of the chart's axis."""

    index: int
    year: int
    month: int
    x: float
    width: float

    @property
    def initial(self) -> str:
        """The month's initial in the interface language (CLDR's narrow name): J F M A M J
        J A S O N D in English and French, E F M A... in Spanish."""
        return month_names("narrow")[self.month - 1]

    @property
    def label(self) -> str:
        """The month in words, in the interface language ("June 2000")."""
        return month_year(self.year, self.month)


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
    reading: str  # the schedule in words (`Schedule.describe`), for a tooltip or a screen reader


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


def build_chart(actions: Sequence[Action], as_of: dt.date, plan_date: PlanDates) -> Chart:
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
                    reading=schedule.describe(),
                )
            )
        rows.append(
            ChartRow(
                action_id=action.id,
                part=action.part,
                text=action.text,
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


def _state(action: Action, schedule: Schedule, status: Status, as_of: dt.date, plan_date: PlanDates) -> str:
    # lateness of this schedule alone, by the same rules as `ilotc overdue`
    if lateness(action._replace(schedules=(schedule,)), as_of, plan_date) is not None:
        return State.LATE
    return status.value


# --- progress over time ---------------------------------------------------------------------

BURNDOWN_WIDTH = 1000.0
BURNDOWN_HEIGHT = 260.0
BURNDOWN_LEFT = 44.0  # the count axis
BURNDOWN_TOP = 12.0
BURNDOWN_BOTTOM = 30.0  # the month labels


@dataclass(frozen=True, slots=True)
class Slice:
    """One band of a month's column: how many actions stood so, and where it is drawn."""

    band: str
    count: int
    y: float
    height: float


@dataclass(frozen=True, slots=True)
class Column:
    """One month of the progress chart: the actions by standing at its end (the last: as of)."""

    day: dt.date
    label: str  # the month, abbreviated in the interface language ("Jun 2000", "juin 2000")
    x: float
    width: float
    slices: tuple[Slice, ...]  # bottom band first, empty bands left out
    show_label: bool  # whether the axis names this month (a few per chart, never crowded)


@dataclass(frozen=True, slots=True)
class Burndown:
    """Actions by standing month by month, as stacked columns."""

    columns: tuple[Column, ...]
    bands: tuple[str, ...]  # bottom to top
    total: int
    width: float
    height: float
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    ticks: tuple[tuple[int, float], ...]  # (count, y) along the count axis

    @property
    def used_bands(self) -> tuple[str, ...]:
        """The bands some column shows, bottom to top (what a legend lists)."""
        shown = {piece.band for column in self.columns for piece in column.slices}
        return tuple(band for band in self.bands if band in shown)


TICK_STEPS = (1, 2, 5, 10, 20, 25, 50)
"""Steps of the count axis, times a power of ten: round numbers a reader counts in."""


def nice_ticks(total: int, most: int = 6) -> tuple[int, int]:
    """The count axis for a tallest column of `total`: a round step and the top tick, the
    first multiple of the step at or above `total`, with at most `most` steps."""
    if total <= 0:
        return 1, 0
    power = 1
    while True:
        for base in TICK_STEPS:
            step = base * power
            if -(-total // step) <= most:
                return step, -(-total // step) * step
        power *= 10


def build_burndown(series: Sequence[tuple[dt.date, dict[str, int]]], bands: Sequence[str]) -> Burndown:
    """Stacked columns for `series` (a day and the actions counted by band on it), in `bands` order."""
    total = max((sum(counts.values()) for _day, counts in series), default=0)
    step, axis_top = nice_ticks(total)
    left, right = BURNDOWN_LEFT, BURNDOWN_WIDTH - RIGHT_MARGIN
    top, bottom = BURNDOWN_TOP, BURNDOWN_HEIGHT - BURNDOWN_BOTTOM
    width = (right - left) / max(len(series), 1)
    scale = (bottom - top) / axis_top if axis_top else 0.0
    short = month_names("abbreviated")
    every = max(1, round(len(series) / 12))
    columns = []
    for number, (day, counts) in enumerate(series):
        slices, y = [], bottom
        for band in bands:
            count = counts.get(band, 0)
            if count:
                height = round(count * scale, 2)
                y = round(y - height, 2)
                slices.append(Slice(band, count, y, height))
        columns.append(
            Column(
                day=day,
                label=f"{short[day.month - 1]}\u00a0{day.year}",
                x=round(left + number * width, 2),
                width=round(width, 2),
                slices=tuple(slices),
                show_label=number % every == 0 or number == len(series) - 1,
            )
        )
    ticks = tuple((count, round(bottom - count * scale, 2)) for count in range(0, axis_top + 1, step))
    return Burndown(
        columns=tuple(columns),
        bands=tuple(bands),
        total=total,
        width=BURNDOWN_WIDTH,
        height=BURNDOWN_HEIGHT,
        plot_left=left,
        plot_right=right,
        plot_top=top,
        plot_bottom=bottom,
        ticks=ticks,
    )

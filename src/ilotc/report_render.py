"""The progress report rendered: an HTML page, a Markdown page, or Rich renderables.

The HTML comes from a Jinja2 template (`templates/report.html.j2`, autoescaped) loaded from
the installed package; Markdown is built as pipe tables; the terminal form is a list of
Rich renderables. Every form shows the same content, and the chart's geometry comes from
`ilotc.report` (the Markdown and terminal forms draw it as a month grid).

Data is data in every form: the HTML template's every `{{ }}` value goes through `html_value`
(control characters shown escaped, huge integers written safely) and then Jinja's autoescape;
Markdown headings, text and cells through `ilotc.output.text.markdown`; the terminal's text
through `visible` (and Rich's `escape` where Rich would read markup).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ilotc.dates import PlanDate
from ilotc.lateness import Late, Upcoming
from ilotc.output.text import html_value, markdown, number, visible
from ilotc.report import MAX_CHART_MONTHS, Chart, ChartRow, Report, State, Summary, shorten
from ilotc.vocab import Kind, Status

STATUS_LABELS = {
    Status.PLANNED.value: "Planned",
    Status.IN_PROGRESS.value: "In progress",
    Status.DONE.value: "Done",
    Status.CANCELLED.value: "Cancelled",
}
STATE_LABELS = {**STATUS_LABELS, State.LATE: "Late"}
KIND_LABELS = {
    Kind.DEADLINE.value: "Deadline",
    Kind.MILESTONE.value: "Milestone",
    Kind.START.value: "Start",
    Kind.WINDOW.value: "Window",
    Kind.RECURRING.value: "Recurring",
    Kind.CONTINUOUS.value: "Continuous",
    Kind.ONGOING.value: "Ongoing",
    Kind.AS_NEEDED.value: "As needed",
    Kind.LINKED.value: "Linked",
    Kind.UNSPECIFIED.value: "Unspecified",
}
REASON_LABELS = {"due": "not finished", "start": "not started"}
UPCOMING_LABELS = {"due": "due", "start": "starts"}

# The month grid of the text forms: one character per month.
GRID_MARKS = {"deadline": "D", "milestone": "M", "start": "S"}
GRID_BAR = "="
GRID_EMPTY = "·"
GRID_AS_OF = "|"
GRID_LEGEND = (
    "D deadline (end of month)  M milestone  S start  = window  | as-of month  ! a late schedule on the row"
)
TERMINAL_STYLES = {
    State.PLANNED: "bold",
    State.IN_PROGRESS: "bold cyan",
    State.DONE: "bold green",
    State.CANCELLED: "dim",
    State.LATE: "bold red",
}

TEMPLATE = "report.html.j2"


def long_date(day: dt.date) -> str:
    """A day in words: '1 June 2000'."""
    return PlanDate.of(day).describe()


def status_label(value: str) -> str:
    """'In progress' for 'in_progress'; 'Late' for the chart's late state."""
    return STATE_LABELS.get(value, value)


def kind_label(value: str) -> str:
    """'As needed' for 'as_needed'."""
    return KIND_LABELS.get(value, value)


@dataclass(frozen=True, slots=True)
class Segment:
    """A slice of a summary's status bar."""

    status: str
    count: int
    percent: float


def status_segments(summary: Summary) -> list[Segment]:
    """The non-empty statuses of a summary, each with its share of the actions in percent."""
    if not summary.total:
        return []
    return [
        Segment(status, count, round(100 * count / summary.total, 2))
        for status, count in summary.by_status.items()
        if count
    ]


def used_kinds(report: Report) -> list[str]:
    """The kinds at least one action has (by its first schedule), in Kind order."""
    return [kind for kind, count in report.whole.by_kind.items() if count]


# --- HTML ---------------------------------------------------------------------------------


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, nothing fetched)."""
    import jinja2  # noqa: PLC0415 - imported only by the commands that render HTML

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("ilotc", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=html_value,
    )
    environment.filters.update(
        long_date=long_date,
        status_label=status_label,
        kind_label=kind_label,
        shorten=shorten,
    )
    template = environment.get_template(TEMPLATE)
    return template.render(
        report=report,
        chart=report.chart,
        segments=status_segments,
        kinds=used_kinds(report),
        statuses=list(STATUS_LABELS),
        states=list(State.ALL),
        reason_labels=REASON_LABELS,
        upcoming_labels=UPCOMING_LABELS,
    )


# --- the month grid -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GridRow:
    """A chart row as text: one character per month, and the state of each character."""

    row: ChartRow
    cells: str
    states: tuple[str | None, ...]  # the mark's state per month, None where empty


def grid_header(chart: Chart) -> tuple[str, str]:
    """The year line and the month-initials line above the grid."""
    count = len(chart.months)
    years = [" "] * count
    januaries = [month.index for month in chart.months if month.month == 1]
    for month in chart.months:
        text = str(month.year)
        if month.month == 1:
            room = count - month.index
        elif month.index == 0:  # the first, partial year: only where it ends before the next January
            room = (januaries[0] - 1) if januaries else count
        else:
            continue
        if len(text) <= room:
            years[month.index : month.index + len(text)] = text
    return "".join(years).rstrip(), "".join(month.initial for month in chart.months)


def grid_rows(chart: Chart) -> list[GridRow]:
    """Each chart row as a line of month cells."""
    found = []
    for row in chart.rows:
        cells = [GRID_EMPTY] * len(chart.months)
        states: list[str | None] = [None] * len(chart.months)
        for mark in row.marks:
            if mark.shape == "bar":
                for index in range(mark.first_month, mark.last_month + 1):
                    if cells[index] == GRID_EMPTY:
                        cells[index], states[index] = GRID_BAR, mark.state
        for mark in row.marks:
            if mark.shape != "bar":
                cells[mark.first_month], states[mark.first_month] = GRID_MARKS[mark.shape], mark.state
        if chart.as_of_month is not None and cells[chart.as_of_month] == GRID_EMPTY:
            cells[chart.as_of_month] = GRID_AS_OF
        found.append(GridRow(row, "".join(cells), tuple(states)))
    return found


def _row_note(row: ChartRow) -> str:
    note = status_label(row.status).lower()
    return f"! {note}, late" if row.late else f"  {note}"


def month_grid(chart: Chart) -> list[str]:
    """The chart as plain text lines: header, one line per dated action, nothing else."""
    width = max([len(row.action_id) for row in chart.rows] + [6]) + 2
    years, initials = grid_header(chart)
    lines = [" " * width + years, " " * width + initials]
    for grid in grid_rows(chart):
        lines.append(
            f"{visible(grid.row.action_id, multiline=False):<{width}}{grid.cells}  {_row_note(grid.row)}"
        )
    return [line.rstrip() for line in lines]


def _as_of_note(report: Report) -> str | None:
    notes = []
    if report.chart.as_of_outside is not None:
        where = report.chart.as_of_outside
        notes.append(f"The as-of date ({long_date(report.as_of)}) lies {where} the chart's months.")
    if report.chart.clipped:
        notes.append(
            f"The plan spans more than {MAX_CHART_MONTHS} months: the chart shows those around the "
            "as-of date, and marks beyond them stand at its edges."
        )
    return " ".join(notes) or None


# --- Markdown -------------------------------------------------------------------------------


def _md(value: object) -> str:
    text = "" if value is None else number(value) if isinstance(value, int) else str(value)
    return markdown(" ".join(text.split()))


def pipe_table(headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = ()) -> str:
    """A pipe table; the columns at the `numeric` positions are right-aligned."""
    rule = ["---:" if i in numeric else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(_md(h) for h in headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def summary_rows(report: Report, *, titles: bool = True) -> tuple[list[str], list[list[object]]]:
    """The summary table: a row for the whole plan, then one per part (with its title)."""
    headers = [
        "",
        "Actions",
        *(STATUS_LABELS[s] for s in STATUS_LABELS),
        "Share done",
        "Overdue",
        f"Due in {report.upcoming_months} months",
    ]
    rows: list[list[object]] = []
    for summary in report.summaries:
        label = summary.label if summary.part is None or not titles else f"{summary.label}: {summary.title}"
        rows.append(
            [
                label,
                summary.total,
                *(summary.by_status[s] for s in STATUS_LABELS),
                summary.share_done_text,
                summary.overdue,
                summary.upcoming,
            ]
        )
    return headers, rows


def kind_rows(report: Report) -> tuple[list[str], list[list[object]]]:
    """The kinds table: a row per kind in use, a column per part and for the whole plan."""
    headers = ["Timeline kind", *(summary.label for summary in report.parts), "Whole plan"]
    rows: list[list[object]] = [
        [kind_label(kind), *(s.by_kind[kind] for s in report.parts), report.whole.by_kind[kind]]
        for kind in used_kinds(report)
    ]
    return headers, rows


def overdue_rows(overdue: Sequence[Late]) -> tuple[list[str], list[list[object]]]:
    """The overdue table, most late first."""
    headers = ["Action", "Part", "Text", "Timeline", "Late for", "Late since", "Days late"]
    rows: list[list[object]] = [
        [
            late.action.id,
            late.action.part,
            shorten(late.action.text),
            late.action.timeline or "",
            REASON_LABELS.get(late.reason, late.reason),
            late.late_since.isoformat(),
            late.days_late,
        ]
        for late in overdue
    ]
    return headers, rows


def upcoming_rows(upcoming: Sequence[Upcoming], as_of: dt.date) -> tuple[list[str], list[list[object]]]:
    """The 'falls due next' table, soonest first."""
    headers = ["Action", "Part", "Text", "Timeline", "What", "Date", "Days left", "Status"]
    rows: list[list[object]] = [
        [
            item.action.id,
            item.action.part,
            shorten(item.action.text),
            item.action.timeline or "",
            UPCOMING_LABELS.get(item.reason, item.reason),
            item.date.isoformat(),
            item.days_left,
            status_label(item.action.status_as_of(as_of).value),
        ]
        for item in upcoming
    ]
    return headers, rows


def partner_rows(report: Report) -> tuple[list[str], list[list[object]]]:
    """Partners named by the actions, per part."""
    headers = ["Part", "Partner", "Name", "Actions naming it"]
    rows: list[list[object]] = [
        [use.part, use.id, use.name, ", ".join(use.actions)] for use in report.partners
    ]
    return headers, rows


def intro(report: Report) -> str:
    """The report's opening sentence."""
    return (
        f"Progress on the implementation plan {report.symbol} (dated {long_date(report.plan_date)}) "
        f"as of {long_date(report.as_of)}: {report.whole.total} actions, "
        f"{report.whole.done} done ({report.whole.share_done_text} of those not cancelled), "
        f"{report.whole.overdue} overdue, {report.whole.upcoming} with something due or starting "
        f"in the next {report.upcoming_months} months."
    )


def render_markdown(report: Report) -> str:
    """The report as Markdown: headings, pipe tables, and the chart as a month grid."""
    out = [
        f"# Progress report: {_md(report.symbol)} implementation plan",
        "",
        f"*Status as of {long_date(report.as_of)}.* {_md(intro(report))}",
        "",
        "## Summary",
        "",
        pipe_table(*summary_rows(report), numeric=range(1, 9)),
        "",
        "Share done: done actions as a share of the actions not cancelled.",
        "",
        "## Actions by timeline kind",
        "",
        pipe_table(*kind_rows(report), numeric=range(1, 5)),
        "",
        f"## Overdue ({len(report.overdue)})",
        "",
    ]
    if report.overdue:
        out += [pipe_table(*overdue_rows(report.overdue), numeric=(6,)), ""]
    else:
        out += ["Nothing is overdue.", ""]
    out += [
        f"## Falls due in the next {report.upcoming_months} months, "
        f"to {long_date(report.upcoming_until)} ({len(report.upcoming)})",
        "",
    ]
    if report.upcoming:
        out += [pipe_table(*upcoming_rows(report.upcoming, report.as_of), numeric=(6,)), ""]
    else:
        out += ["Nothing falls due or starts in that time.", ""]
    out += ["## Partners named by the actions", ""]
    if report.partners:
        out += [pipe_table(*partner_rows(report)), ""]
    else:
        out += ["No action names a partner.", ""]
    out += [f"## Timeline ({len(report.chart.rows)} dated actions)", ""]
    if report.chart.rows:
        out += ["```text", *month_grid(report.chart), "```", "", GRID_LEGEND + ".", ""]
    else:
        out += ["No action has a dated deadline, milestone, start or window.", ""]
    if (note := _as_of_note(report)) is not None:
        out += [note, ""]
    return "\n".join(out)


# --- the terminal ---------------------------------------------------------------------------


def _rich_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    title: str,
    numeric: Sequence[int] = (),
    wrap: Sequence[int] = (),
) -> Table:
    """A Rich table; only the `wrap` columns (long text) wrap, the others keep to one line."""
    table = Table(title=escape(visible(title)), title_justify="left", header_style="bold", expand=False)
    for i, header in enumerate(headers):
        table.add_column(
            escape(visible(header)),
            justify="right" if i in numeric else "left",
            no_wrap=i not in wrap,
            overflow="fold",
            ratio=1 if i in wrap else None,
        )
    for row in rows:
        table.add_row(*(Text("" if cell is None else visible(str(cell))) for cell in row))
    return table


def terminal_summary_rows(report: Report) -> tuple[list[str], list[list[object]]]:
    """The summary turned for a narrow terminal: a row per figure, a column per part."""
    summaries = report.summaries
    headers = ["", *(summary.label for summary in summaries)]
    rows: list[list[object]] = [["Actions", *(s.total for s in summaries)]]
    rows += [[STATUS_LABELS[status], *(s.by_status[status] for s in summaries)] for status in STATUS_LABELS]
    rows += [
        ["Share done", *(s.share_done_text for s in summaries)],
        ["Overdue", *(s.overdue for s in summaries)],
        [f"Due in {report.upcoming_months} months", *(s.upcoming for s in summaries)],
    ]
    return headers, rows


def _drop(table: tuple[list[str], list[list[object]]], column: int) -> tuple[list[str], list[list[object]]]:
    headers, rows = table
    return (
        [h for i, h in enumerate(headers) if i != column],
        [[cell for i, cell in enumerate(row) if i != column] for row in rows],
    )


def grid_text(chart: Chart) -> Text:
    """The month grid as Rich text, each mark coloured by its state."""
    width = max([len(row.action_id) for row in chart.rows] + [6]) + 2
    years, initials = grid_header(chart)
    text = Text()
    text.append(" " * width + years + "\n", style="bold")
    text.append(" " * width + initials + "\n", style="bold")
    for grid in grid_rows(chart):
        text.append(f"{visible(grid.row.action_id, multiline=False):<{width}}")
        for char, state in zip(grid.cells, grid.states, strict=True):
            style = TERMINAL_STYLES.get(state, "") if state else ("bold red" if char == GRID_AS_OF else "dim")
            text.append(char, style=style)
        text.append("  " + _row_note(grid.row) + "\n", style="red" if grid.row.late else "")
    text.rstrip()
    return text


def render_terminal(report: Report) -> list[RenderableType]:
    """The report as Rich renderables, in reading order (the Part column left out: ids say it)."""
    parts: list[RenderableType] = [
        Panel(
            Text(visible(intro(report))),
            title=escape(visible(f"Progress report: {report.symbol} — as of {long_date(report.as_of)}")),
            title_align="left",
        ),
        _rich_table(*terminal_summary_rows(report), title="Summary", numeric=range(1, 5)),
        _rich_table(*kind_rows(report), title="Actions by timeline kind", numeric=range(1, 5)),
    ]
    if report.overdue:
        table = _drop(overdue_rows(report.overdue), 1)
        parts.append(
            _rich_table(*table, title=f"Overdue ({len(report.overdue)})", numeric=(5,), wrap=(1, 2, 3))
        )
    else:
        parts.append(Text("Overdue: nothing is overdue."))
    upcoming_title = (
        f"Falls due in the next {report.upcoming_months} months, to "
        f"{long_date(report.upcoming_until)} ({len(report.upcoming)})"
    )
    if report.upcoming:
        table = _drop(upcoming_rows(report.upcoming, report.as_of), 1)
        parts.append(_rich_table(*table, title=upcoming_title, numeric=(5,), wrap=(1, 2, 6)))
    else:
        parts.append(Text(f"{upcoming_title}: nothing."))
    if report.partners:
        parts.append(
            _rich_table(*partner_rows(report), title="Partners named by the actions", wrap=(1, 2, 3))
        )
    timeline_title = f"Timeline ({len(report.chart.rows)} dated actions)"
    if report.chart.rows:
        body: list[RenderableType] = [grid_text(report.chart), Text(GRID_LEGEND, style="dim")]
        if (note := _as_of_note(report)) is not None:
            body.append(Text(note))
        parts.append(Panel(Group(*body), title=escape(timeline_title), title_align="left", expand=False))
    else:
        parts.append(Text(f"{timeline_title}: no dated deadline, milestone, start or window."))
    return parts

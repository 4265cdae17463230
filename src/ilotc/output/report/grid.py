"""The timeline chart as text: one character per month, for the Markdown and terminal reports."""

from __future__ import annotations

from dataclasses import dataclass

from ilotc.output.report import texts as t
from ilotc.output.text import visible
from ilotc.report.chart import Chart, ChartRow

GRID_BAR = "="
GRID_EMPTY = "·"
GRID_AS_OF = "|"


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
                cells[mark.first_month], states[mark.first_month] = t.GRID_MARKS[mark.shape], mark.state
        if chart.as_of_month is not None and cells[chart.as_of_month] == GRID_EMPTY:
            cells[chart.as_of_month] = GRID_AS_OF
        found.append(GridRow(row, "".join(cells), tuple(states)))
    return found


def _row_note(row: ChartRow) -> str:
    return f"! {t.late_note(row.status)}" if row.late else f"  {t.STATUS_LABELS.get(row.status, row.status)}"


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

"""The progress report for a terminal: Rich renderables in reading order.

Values from the plan become Rich `Text` (never markup) after `ilotc.output.text.visible` (or
`line` in paragraphs), so control characters show as escapes and no value starts a line.
Charts are drawn with characters: the progress chart as a bar per month, the timeline as a
month grid.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from ilotc.output.report import texts as t
from ilotc.output.report.grid import grid_header, grid_rows
from ilotc.output.report.paper import Figure, Heading, Paragraph, Table, build_paper
from ilotc.output.text import line, visible
from ilotc.report.chart import Burndown
from ilotc.report.progress import Report

BAR_WIDTH = 40
"""Characters for the most actions in the progress chart."""

BAND_STYLES = {
    "done": ("█", "green"),
    "in_progress": ("▓", "cyan"),
    "planned": ("░", ""),
    "cancelled": ("·", "dim"),
    "on_schedule": ("▒", "green"),
    "missed": ("!", "bold red"),
    "unjudged": ("?", "yellow"),
}
STATE_STYLES = {"planned": "bold", "in_progress": "bold cyan", "done": "bold green", "cancelled": "dim"}


def _text(value: str, style: str = "") -> Text:
    return Text(visible(value), style=style)


def progress_bars(progress: Burndown) -> Text:
    """A line per month: the actions by standing as a bar of characters, then the counts."""
    text = Text()
    scale = BAR_WIDTH / progress.total if progress.total else 0
    for column in progress.columns:
        text.append(f"{column.label} ", style="bold")
        drawn = 0
        for piece in column.slices:
            char, style = BAND_STYLES[piece.band]
            width = (
                round((sum(s.count for s in column.slices[: column.slices.index(piece) + 1])) * scale) - drawn
            )
            text.append(char * width, style=style)
            drawn += width
        text.append(" " * (BAR_WIDTH - drawn) + "  " + " ".join(str(s.count) for s in column.slices) + "\n")
    legend = "  ".join(f"{BAND_STYLES[b][0]} {t.STANDING_LABELS[b]}" for b in progress.used_bands)
    text.append(legend, style="dim")
    return text


def timeline_grid(report: Report) -> Text:
    """The month grid of the dated actions, each mark coloured by its state."""
    chart = report.chart
    width = max([len(row.action_id) for row in chart.rows] + [6]) + 2
    years, initials = grid_header(chart)
    text = Text()
    text.append(" " * width + years + "\n" + " " * width + initials + "\n", style="bold")
    for grid in grid_rows(chart):
        text.append(visible(f"{grid.row.action_id:<{width}}"))
        for char, state in zip(grid.cells, grid.states, strict=True):
            style = ("bold red" if state == "late" else STATE_STYLES.get(state, "")) if state else "dim"
            text.append(char, style=style)
        status = grid.row.status
        text.append(
            f"  ! {t.late_note(status)}\n"
            if grid.row.late
            else f"    {t.STATUS_LABELS.get(status, status)}\n",
            style="red" if grid.row.late else "",
        )
    text.append(t.GRID_LEGEND, style="dim")
    return text


def transposed(block: Table) -> Table:
    """A table turned for a narrow terminal: a row per figure, a column per part."""
    headers = ("", *(row[0] for row in block.rows))
    rows = tuple((block.headers[i], *(row[i] for row in block.rows)) for i in range(1, len(block.headers)))
    return Table(headers, rows, tuple(range(1, len(headers))), block.caption)


def _hanging(marker: str, body: RenderableType) -> RichTable:
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(marker, body)
    return grid


def paragraph(block: Paragraph) -> RichTable:
    """A numbered paragraph with a hanging indent, its items bulleted under it.

    Each value is shown on its own line (`line`: a line break in the data shows as `\\n`), and
    every wrapped line is indented, so no value from the plan starts a line of the output.
    """
    body: list[RenderableType] = [Text(line(block.text))]
    body += [_hanging("•", Text(line(item))) for item in block.items]
    return _hanging(f"{block.number}.", Group(*body))


def _table(block: Table) -> RichTable:
    table = RichTable(
        title=_text(block.caption) if block.caption else None,
        title_justify="left",
        header_style="bold",
        expand=False,
    )
    for i, header in enumerate(block.headers):
        table.add_column(_text(header), justify="right" if i in block.numeric else "left", overflow="fold")
    for row in block.rows:
        table.add_row(*(_text(cell) for cell in row))
    return table


def render_terminal(report: Report) -> list[RenderableType]:
    """The report as Rich renderables, in reading order: the cover first."""
    paper = build_paper(report)
    cover = paper.cover
    head = [_text(line, "bold" if line in (cover.symbol, cover.purpose) else "") for line in cover.lines]
    head.append(_text(paper.subtitle, "bold"))
    if paper.caveat:
        head.append(_text(f"{t.labelled(t.ILLUSTRATIVE_LABEL)} {paper.caveat}", "bold red"))
    head.append(_text(f"{t.labelled(t.PURPOSE_LABEL)} {paper.purpose}"))
    if cover.decision_point:
        head.append(_text(cover.decision_point, "bold"))
    parts: list[RenderableType] = [Panel(Group(*head), title=_text(paper.title), title_align="left")]
    for block in paper.blocks:
        if isinstance(block, Heading):
            parts.append(_text(block.text.upper(), "bold"))
        elif isinstance(block, Paragraph):
            parts.append(paragraph(block))
        elif isinstance(block, Table):
            parts.append(_table(transposed(block)))
        elif isinstance(block, Figure):
            drawing = progress_bars(report.progress) if block.which == "progress" else timeline_grid(report)
            parts.append(Panel(drawing, title=_text(block.caption), title_align="left", expand=False))
    parts.append(_text(paper.closing))
    if cover.decision_point:
        parts.append(_text(cover.decision_point, "bold"))
    parts.append(_text(t.HEADINGS["annex"].upper(), "bold"))
    parts += annex_rows(paper.annex)
    return parts


def annex_rows(annex: Table) -> list[RenderableType]:
    """The annex for a terminal: a row per action, its id hanging before its labelled fields
    (a table of six columns would interleave the lines of its cells at 80 columns)."""
    found: list[RenderableType] = []
    for row in annex.rows:
        body = Text()
        for header, cell in zip(annex.headers[1:], row[1:], strict=True):
            if cell:
                body.append(f"{t.labelled(header)} ", style="dim")
                body.append(line(cell) + "\n")
        body.rstrip()
        found.append(_hanging(visible(row[0]), body))
    return found

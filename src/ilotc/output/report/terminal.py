"""The progress report for a terminal: Rich renderables in reading order.

Values from the plan become Rich `Text` (never markup) after `ilotc.output.text.visible` (or
`line` in paragraphs), so control characters show as escapes and no value starts a line.
Charts are drawn with characters: the progress chart as a bar per month, the timeline as a
month grid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Span, Text

from ilotc.output.report import texts as t
from ilotc.output.report.grid import grid_header, grid_rows
from ilotc.output.report.paper import Figure, Heading, Paragraph, Table, build_paper
from ilotc.output.table import width_of, wrap
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
    "continuous": ("*", "blue"),
}
STATE_STYLES = {"planned": "bold", "in_progress": "bold cyan", "done": "bold green", "cancelled": "dim"}


_PIECE = 256
"""The longest segment Rich renders from a long value (see `PlainText`)."""


class PlainText(Text):
    """A value's text, in time linear in its length however long it is.

    Rich renders a text of one style as one segment holding every wrapped line, then cuts it
    line by line, copying the rest each time (quadratic: a 4 MB title took 45 s), and measures
    a text anew each time a table around it is laid out. Empty spans every `_PIECE`
    characters keep each segment short, and the measure is kept (a text's measure does not
    depend on the room it is given).
    """

    def __init__(self, text: str, style: str = "") -> None:
        spans = [Span(start, min(start + _PIECE, len(text)), "") for start in range(0, len(text), _PIECE)]
        super().__init__(text, style=style, spans=spans if len(text) > _PIECE else None)
        self._measured: Measurement | None = None

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        if self._measured is None:
            self._measured = super().__rich_measure__(console, options)
        return self._measured


def _text(value: str, style: str = "") -> Text:
    return PlainText(visible(value), style=style)


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
        run, run_style = "", ""  # marks of one style go in as one piece: a span per run
        for char, state in zip(grid.cells, grid.states, strict=True):
            style = ("bold red" if state == "late" else STATE_STYLES.get(state, "")) if state else "dim"
            if style != run_style and run:
                text.append(run, style=run_style)
                run = ""
            run, run_style = run + char, style
        text.append(run, style=run_style)
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
    body: list[RenderableType] = [PlainText(line(block.text))]
    body += [_hanging("•", PlainText(line(item))) for item in block.items]
    return _hanging(f"{block.number}.", Group(*body))


class HangingParagraph:
    """A numbered paragraph as `paragraph` draws it, laid out here in time linear in its text
    (a paragraph listing thousands of actions took Rich seconds, a grid in a grid per item);
    drawn by `paragraph` where Rich's rules are needed (see `AnnexCard`). Lines are not padded:
    the terminal report drops the spaces that end its lines."""

    def __init__(self, block: Paragraph) -> None:
        self.block = block
        self.marker = f"{block.number}."
        self.text = line(block.text)
        self.items = [line(item) for item in block.items]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        body_width = options.max_width - width_of(self.marker) - 1
        if (
            body_width - 2 < _SMALLEST_VALUE
            or options.ascii_only
            or any(_TAB.search(text) for text in (self.text, *self.items))
        ):
            yield paragraph(self.block)
            return
        indent = " " * (width_of(self.marker) + 1)
        for n, shown in enumerate(wrap(self.text, body_width, joints=False)):
            yield Segment(f"{self.marker} {shown}" if n == 0 else indent + shown)
            yield Segment.line()
        for item in self.items:
            for n, shown in enumerate(wrap(item, body_width - 2, joints=False)):
                yield Segment(indent + ("• " if n == 0 else "  ") + shown)
                yield Segment.line()


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


_BOLD = Style(bold=True)
_TAB = re.compile("\t")  # Rich expands tabs; `wrap` counts them as one cell
_SMALLEST_VALUE = 12  # narrower than this, Rich lays the card out (its rules for tight room)


class AnnexCard:
    """One action of the annex as a Rich Panel of a two-column grid draws it (the id in the
    top border, bold labels, values wrapped at spaces beside them), laid out here in time
    linear in its text: 10,000 panels took Rich 30 s, against 2 s for the Markdown report.
    What needs Rich's rules (a tight terminal, tabs, an id wider than the frame) is still drawn
    by Rich. Lines break at plain spaces, as Rich's do, but never at a no-break space (U+00A0,
    U+202F before French `:`, ...) nor another Unicode space, where Rich would break them."""

    def __init__(self, action_id: str, fields: Sequence[tuple[str, str]]) -> None:
        self.title = visible(action_id)
        self.fields = [(visible(label), visible(value)) for label, value in fields]

    def panel(self) -> Panel:
        """The card as Rich draws it."""
        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, value in self.fields:
            grid.add_row(PlainText(label), PlainText(value))
        return Panel(grid, title=PlainText(self.title), title_align="left")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        label_width = max((width_of(label) for label, _value in self.fields), default=0)
        value_width = width - 4 - label_width - 2
        title = f" {self.title} "
        if (
            options.ascii_only
            or options.legacy_windows
            or value_width < _SMALLEST_VALUE
            or width_of(title) > width - 4
            or any(_TAB.search(label + value) or "\n" in label for label, value in self.fields)
        ):
            yield self.panel()
            return
        yield Segment(f"╭─{title}{'─' * (width - 4 - width_of(title))}─╮")
        yield Segment.line()
        for label, value in self.fields:
            for n, shown in enumerate(wrap(value, value_width, joints=False) or [""]):
                name = label if n == 0 else ""
                yield Segment("│ ")
                yield Segment(name + " " * (label_width - width_of(name)), _BOLD)
                yield Segment(f"  {shown}{' ' * (value_width - width_of(shown))} │")
                yield Segment.line()
        yield Segment(f"╰{'─' * (width - 2)}╯")
        yield Segment.line()


class FramedDrawing:
    """A chart in a frame with its caption, as a Rich Panel that fits its content draws it,
    with each line of the drawing rendered once (a Panel wraps and crops a 10,000-line grid
    line by line, several times); drawn by a Panel where the drawing does not fit."""

    def __init__(self, drawing: Text, caption: str) -> None:
        self.drawing = drawing
        self.caption = f" {visible(caption)} "

    def panel(self) -> Panel:
        """The figure as Rich draws it."""
        return Panel(self.drawing, title=PlainText(self.caption.strip()), title_align="left", expand=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.drawing.split("\n", allow_blank=True)
        content = max((line.cell_len for line in lines), default=0)
        inner = max(content + 2, width_of(self.caption) + 2)
        if (
            options.ascii_only
            or options.legacy_windows
            or inner + 2 > options.max_width
            or "\t" in self.drawing.plain
        ):
            yield self.panel()
            return
        yield Segment(f"╭─{self.caption}{'─' * (inner - 2 - width_of(self.caption))}─╮")
        yield Segment.line()
        for drawn in lines:
            yield Segment("│ ")
            yield from drawn.render(console, end="")
            yield Segment(" " * (inner - 1 - drawn.cell_len) + "│")
            yield Segment.line()
        yield Segment(f"╰{'─' * inner}╯")
        yield Segment.line()


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
            parts.append(HangingParagraph(block))
        elif isinstance(block, Table):
            parts.append(_table(transposed(block)))
        elif isinstance(block, Figure):
            drawing = progress_bars(report.progress) if block.which == "progress" else timeline_grid(report)
            parts.append(FramedDrawing(drawing, block.caption))
    parts.append(_text(paper.closing))
    if cover.decision_point:
        parts.append(_text(cover.decision_point, "bold"))
    parts.append(_text(t.HEADINGS["annex"].upper(), "bold"))
    cards = annex_cards(paper.annex)
    if cards:  # one piece, a blank line between cards: printing each costs a console's round
        drawn: list[RenderableType] = [cards[0]]
        for card in cards[1:]:
            drawn += [Text(""), card]
        parts.append(Group(*drawn))
    return parts


def annex_cards(annex: Table) -> list[AnnexCard]:
    """The annex for a terminal: a card per action, its id in the frame and its filled fields
    labelled beside their values (a table of six columns would interleave the lines of its
    cells at 80 columns)."""
    return [
        AnnexCard(
            row[0], [(header, cell) for header, cell in zip(annex.headers[1:], row[1:], strict=True) if cell]
        )
        for row in annex.rows
    ]

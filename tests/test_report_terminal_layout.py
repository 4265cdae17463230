"""The terminal report lays out its long parts itself, in linear time, and they read as Rich's.

Annex cards, numbered paragraphs and the framed charts are drawn directly (`AnnexCard`,
`HangingParagraph`, `FramedDrawing`); each must give what the Rich Panel or grid it replaces
gives, line for line once the spaces that end lines are dropped (as the report drops them),
at any width, on every example and hostile plan. They differ on purpose in one thing: a line
never breaks at a no-break space or another Unicode space. Long values reach Rich in short
segments, so Rich's line splitting stays linear (a 4 MB title took 45 s).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from rich.panel import Panel
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli import report_cmd
from ilotc.cli.main import app
from ilotc.output.report import terminal
from ilotc.output.report.paper import Figure, Paragraph, build_paper
from ilotc.output.text import without_trailing_spaces
from ilotc.report.progress import Report

HOSTILE = Path(__file__).resolve().parent / "hostile"
PLANS = [
    EXAMPLES / "valid" / "plan.yaml",
    *sorted((EXAMPLES / "plans").glob("*/*.yaml")),
    *sorted(p for p in HOSTILE.glob("*.yaml") if not p.stem.endswith(".partners")),
]
WIDTHS = (30, 44, 80, 130)
OTHER_SPACES = "\u00a0\u2003\u202f\u3000\u1680"


def _built(plan: Path) -> Report | None:
    """The report data of `plan`, as the report command builds it (None if it does not validate)."""
    found: list[Report] = []
    partners = plan.with_name(plan.stem + ".partners.yaml")
    args = ["--plan", str(plan)] + (["--partners", str(partners)] if partners.exists() else [])
    original = report_cmd._print_terminal
    report_cmd._print_terminal = found.append  # type: ignore[assignment]
    try:
        CliRunner().invoke(app, [*args, "report", "--as-of", "2001-01"])
    finally:
        report_cmd._print_terminal = original
    return found[0] if found else None


def _printed(renderable: object, width: int, colour: str | None = None) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=colour)  # type: ignore[arg-type]
    with console.capture() as captured:
        console.print(renderable)
    return without_trailing_spaces(captured.get())


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_each_part_reads_as_rich_lays_it_out(plan: Path) -> None:
    built = _built(plan)
    if built is None:
        pytest.skip("does not validate")
    paper = build_paper(built)
    compared = 0
    for width in WIDTHS:
        for card in terminal.annex_cards(paper.annex):
            if any(space in value for _label, value in card.fields for space in OTHER_SPACES):
                continue
            assert _printed(card, width) == _printed(card.panel(), width), (card.title, width)
            compared += 1
        for block in paper.blocks:
            if isinstance(block, Paragraph) and not any(
                space in text for text in (block.text, *block.items) for space in OTHER_SPACES
            ):
                drawn = _printed(terminal.HangingParagraph(block), width)
                assert drawn == _printed(terminal.paragraph(block), width), (block.number, width)
                compared += 1
            if isinstance(block, Figure):
                chart = terminal.progress_bars if block.which == "progress" else None
                drawing = chart(built.progress) if chart else terminal.timeline_grid(built)
                figure = terminal.FramedDrawing(drawing, block.caption)
                for colour in (None, "truecolor"):
                    assert _printed(figure, width, colour) == _printed(figure.panel(), width, colour)
                compared += 1
    assert compared


def test_a_line_never_breaks_at_a_no_break_space() -> None:
    paragraph = Paragraph(3, "mot " * 5 + "1\u00a0000\u00a0actions\u00a0:", ())
    lines = _printed(terminal.HangingParagraph(paragraph), 44).splitlines()
    assert any(line.endswith("1\u00a0000\u00a0actions\u00a0:") for line in lines), lines


def test_a_long_value_reaches_rich_in_short_segments() -> None:
    text = terminal.PlainText("word " * 200_000)
    console = Console(file=io.StringIO(), width=80)
    segments = list(console.render(text, console.options))
    assert max(len(segment.text) for segment in segments) <= terminal._PIECE


def test_a_card_in_a_terminal_without_unicode_is_rich_s_ascii_panel() -> None:
    built = _built(EXAMPLES / "valid" / "plan.yaml")
    assert built is not None
    card = terminal.annex_cards(build_paper(built).annex)[0]
    console = Console(file=io.StringIO(), width=80, color_system=None)
    options = console.options.copy()
    options.encoding = "ascii"  # Rich draws its boxes in ASCII there
    drawn = list(card.__rich_console__(console, options))
    assert len(drawn) == 1 and isinstance(drawn[0], Panel)

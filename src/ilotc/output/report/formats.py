"""The one registry of progress report formats: name, file suffixes, and the renderer.

The CLI derives `ilotc report --format` choices and the `-o FILE` suffixes from it; a new
format is one entry here. Renderers are imported only when their format is asked for.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ilotc.output.report.html import render_html, render_pdf
from ilotc.output.report.markdown import render_markdown

if TYPE_CHECKING:
    from ilotc.report.progress import Report

TEXT_WIDTH = 100
"""The width of the terminal report written to a file."""


@dataclass(frozen=True, slots=True)
class ReportFormat:
    """A document format of the progress report."""

    name: str
    suffixes: tuple[str, ...]
    help: str
    render: Callable[[Report], bytes]


def _terminal(report: Report) -> bytes:
    # lazy: Rich, which only the terminal format needs, comes with these two
    from rich.console import Console  # noqa: PLC0415

    from ilotc.output.report.terminal import render_terminal  # noqa: PLC0415

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=TEXT_WIDTH, no_color=True, color_system=None, highlight=False, emoji=False
    )
    for part in render_terminal(report):
        console.print(part)
        console.print()
    return buffer.getvalue().encode("utf-8")


def _markdown(report: Report) -> bytes:
    return render_markdown(report).encode("utf-8")


def _html(report: Report) -> bytes:
    return render_html(report).encode("utf-8")


def _pdf(report: Report) -> bytes:
    return render_pdf(report)


REPORT_FORMATS: dict[str, ReportFormat] = {
    f.name: f
    for f in (
        ReportFormat(
            "terminal", (".txt", ".text"), "the report for a terminal (plain text in a file)", _terminal
        ),
        ReportFormat("markdown", (".md", ".markdown"), "Markdown", _markdown),
        ReportFormat("html", (".html", ".htm"), "one self-contained page, printable on A4", _html),
        ReportFormat("pdf", (".pdf",), "A4 PDF (needs the extra: pip install 'ilotc[pdf]')", _pdf),
    )
}

"""`ilotc report`: the progress report for the Governing Body (GB.276/TC/2, paragraph 8)."""

import io
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ilotc.cli.common import PartnersOption, PlanOption, as_of_day, load_data, stdout
from ilotc.cli.output import OutputOption, to_stdout, write_output

if TYPE_CHECKING:
    from ilotc.report import Report

TEXT_WIDTH = 120
"""The width of the plain-text report written to a file."""


class ReportFormat(StrEnum):
    """Document formats of `ilotc report` (without one: the terminal summary)."""

    MARKDOWN = "markdown"
    HTML = "html"


SUFFIXES = {".html": ReportFormat.HTML, ".htm": ReportFormat.HTML, ".md": ReportFormat.MARKDOWN}


def document(report: "Report", fmt: ReportFormat) -> str:
    """The report as an HTML or Markdown document."""
    from ilotc.report_render import render_html, render_markdown  # noqa: PLC0415

    return render_html(report) if fmt is ReportFormat.HTML else render_markdown(report)


def plain_text(report: "Report", width: int = TEXT_WIDTH) -> str:
    """The terminal summary as plain text (for `-o FILE` without a document format)."""
    from rich.console import Console  # noqa: PLC0415

    from ilotc.report_render import render_terminal  # noqa: PLC0415

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, no_color=True, color_system=None, highlight=False, emoji=False
    )
    for part in render_terminal(report):
        console.print(part)
        console.print()
    return buffer.getvalue()


def report(
    ctx: typer.Context,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Report as of DATE: YYYY-MM (its first day) or YYYY-MM-DD [default: today].",
            show_default=False,
            metavar="DATE",
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown or html (one self-contained page) [default: a summary in the terminal; "
            "with -o, from the file's suffix].",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """A progress report for the Governing Body: per part, counts by status and kind, what is
    overdue, what falls due in the next three months, the partners named, and a timeline chart.

    Examples: ilotc report --as-of 2000-06;  ilotc report --format html -o report.html
    """
    from ilotc.report import build_report  # noqa: PLC0415

    day = as_of_day(as_of)
    data = load_data(ctx, plan, partners)
    built = build_report(data.plan, data.registry, day)
    if fmt is None and not to_stdout(output):
        assert output is not None
        fmt = SUFFIXES.get(Path(output).suffix.lower())
    if fmt is not None:
        write_output(output, document(built, fmt).encode("utf-8"), f"the {fmt.value} report")
    elif not to_stdout(output):
        write_output(output, plain_text(built).encode("utf-8"), "the report")
    else:
        from ilotc.report_render import render_terminal  # noqa: PLC0415

        console = stdout()
        for part in render_terminal(built):
            console.print(part)
            console.print()

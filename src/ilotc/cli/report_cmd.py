"""`ilotc report`: the progress report for the Governing Body (GB.276/TC/2, paragraph 8)."""

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from ilotc.cli.common import PartnersOption, PlanOption, as_of_day, fail, parse_date, stdout, write_out
from ilotc.cli.filters import (
    FILTERS,
    NO_FILTERS,
    AsOf,
    Filters,
    PlanIdFilter,
    selected,
)
from ilotc.cli.option_blocks import with_options
from ilotc.cli.output import SUFFIX_FORMATS, OutputOption, output_format, to_stdout, write_output
from ilotc.cli.plan_texts import actions_for, plan_for, registry_for
from ilotc.cli.portfolio import portfolio_page
from ilotc.i18n import _
from ilotc.model.report_identity import PURPOSES, ReportIdentity
from ilotc.output.report.formats import REPORT_FORMATS
from ilotc.output.report.html import PdfUnavailable
from ilotc.output.text import without_trailing_spaces
from ilotc.report.progress import build_report

if TYPE_CHECKING:
    from ilotc.report.progress import Report


Purpose = Enum("Purpose", {name: name for name in PURPOSES}, type=str)  # type: ignore[misc]
"""The `--purpose` choices, from the one list of purposes."""


def _known_format(value: str | None) -> str | None:
    if value is not None and value.lower() not in REPORT_FORMATS:
        raise typer.BadParameter(
            _("{value!r} is not one of {choices}.").format(
                value=value, choices=", ".join(map(repr, REPORT_FORMATS))
            )
        )
    return value


# The report format each file-suffix format name means (`-o r.txt` is the terminal report).
_SUFFIX_FORMATS = {SUFFIX_FORMATS[suffix]: f.name for f in REPORT_FORMATS.values() for suffix in f.suffixes}
FORMAT_HELP = "; ".join(f"{f.name}: {f.help}" for f in REPORT_FORMATS.values())


@with_options(FILTERS)
def report(
    ctx: typer.Context,
    as_of: AsOf = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Report the changes since DATE (YYYY-MM or YYYY-MM-DD) [default: the plan's previous "
            "report date if recorded, else the plan's date].",
            show_default=False,
            metavar="DATE",
        ),
    ] = None,
    within: Annotated[
        int,
        typer.Option("--within", min=1, max=1200, help="What falls due next: within N months.", metavar="N"),
    ] = 3,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            callback=_known_format,
            metavar="[" + "|".join(REPORT_FORMATS) + "]",
            help=f"{FORMAT_HELP} [default: terminal; with -o, from the file's suffix].",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    portfolio: Annotated[
        bool,
        typer.Option(
            "--portfolio",
            help="A page of every plan in use, one row each, most behind first, with a chart of "
            "late actions per plan (markdown or html; as `ilotc status`).",
        ),
    ] = False,
    symbol: Annotated[
        str | None,
        typer.Option(
            "--symbol",
            help="The report's own symbol, e.g. GB.279/TC/3 [default: the plan's report block].",
            metavar="SYMBOL",
        ),
    ] = None,
    session: Annotated[
        int | None,
        typer.Option("--session", min=1, help="The session the report goes to, e.g. 279.", metavar="N"),
    ] = None,
    paper_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The report's date (YYYY-MM or YYYY-MM-DD), on its cover and at its close.",
            metavar="DATE",
        ),
    ] = None,
    purpose: Annotated[
        Purpose | None,
        typer.Option(
            "--purpose",
            help="What the paper is for: decision, discussion (and guidance) or information.",
            case_sensitive=False,
        ),
    ] = None,
    plan_id: PlanIdFilter = None,
    filters: Filters = NO_FILTERS,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """A progress report for the Governing Body, shaped as one of its papers: numbered
    paragraphs, progress by part, changes since the previous report, what is overdue and
    what falls due next, charts over time, a point for decision, and an annex with every action.

    Examples: ilotc report --as-of 2000-06;  ilotc report --since 2000-01 -o report.html;
    ilotc report --part II --format markdown
    """
    day = as_of_day(as_of)
    since_date = parse_date(since, "--since")
    if since_date is not None and since_date.first_day() > day:
        message = _("--since {since} is after the as-of date {as_of}: give a date on or before it")
        fail(message.format(since=since, as_of=day.isoformat()))
    if paper_date is not None:
        parse_date(paper_date, "--date")  # a malformed date is bad usage
    given = fmt.lower() if fmt is not None else None
    name = output_format(output, given, _SUFFIX_FORMATS, "terminal", unknown_suffix_is_default=True)
    chosen = REPORT_FORMATS[name]
    data, actions = selected(ctx, filters, plan_id, day, plan, partners)
    if portfolio:
        write_output(
            output, portfolio_page(name, data, actions, day), _("the portfolio page"), human=name != "html"
        )
        return
    # in the interface language where the plan gives it; schedules stay the original's
    shown, _said = actions_for(actions, data.plan, "table")
    built = build_report(
        plan_for(data.plan),
        registry_for(data.registry),
        day,
        upcoming_months=within,
        since=since_date.first_day() if since_date is not None else None,
        actions=shown,
        plans=[plan_for(used.plan) for used in data.plans],
        identity=(data.plan.document.report or ReportIdentity()).overridden(
            symbol=symbol,
            session=session,
            date=paper_date,
            purpose=purpose.value if purpose is not None else None,
        ),
    )
    if chosen.name == "terminal" and to_stdout(output):
        _print_terminal(built)
        return

    try:
        data_out = chosen.render(built)
    except PdfUnavailable as error:
        fail(str(error))
    write_output(
        output,
        data_out,
        _("the {format} report").format(format=chosen.name),
        human=chosen.name in ("terminal", "markdown"),
    )


def _print_terminal(built: "Report") -> None:
    from ilotc.output.report.terminal import render_terminal  # noqa: PLC0415 - lazy: Rich, only for the terminal report

    console = stdout()
    with console.capture() as captured:  # Rich pads each line to the width: strip that
        for piece in render_terminal(built):
            console.print(piece)
            console.print()
    write_out(without_trailing_spaces(captured.get()))

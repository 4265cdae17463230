"""`ilotc export`: the plan as a calendar (ics) or as flat records (json, csv)."""

from enum import StrEnum
from typing import Annotated

import typer

from ilotc.cli.common import PartnersOption, PlanOption, RawCsvOption, as_of_day, load_data
from ilotc.cli.output import OutputOption, write_output


class ExportFormat(StrEnum):
    """Formats of `ilotc export`."""

    ICS = "ics"
    JSON = "json"
    CSV = "csv"


def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="ics: the dated schedules as an RFC 5545 calendar (to-dos for deadlines, milestones "
            "and window ends; all-day events for starts); json or csv: every action as a flat record.",
            case_sensitive=False,
            show_default=False,
        ),
    ],
    output: OutputOption = None,
    raw_csv: RawCsvOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """Export the plan: its deadlines and starts as a calendar, or every action as records.

    Statuses in json/csv are as of today ($ILOTC_TODAY pins it); the calendar marks to-dos of
    actions done or cancelled (their latest status) as COMPLETED or CANCELLED.

    Examples: ilotc export --format ics -o plan.ics;  ilotc export --format csv > actions.csv
    """
    from ilotc.export import calendar_entries, export_csv, export_ics, export_json  # noqa: PLC0415

    data = load_data(ctx, plan, partners)
    if fmt is ExportFormat.ICS:
        entries = calendar_entries(data.plan)
        todos = sum(entry.component == "VTODO" for entry in entries)
        what = f"a calendar of {todos} to-dos and {len(entries) - todos} events"
        write_output(output, export_ics(data.plan), what)
        return
    day = as_of_day(None)
    if fmt is ExportFormat.JSON:
        text = export_json(data.plan, data.registry, day)
    else:
        text = export_csv(data.plan, data.registry, day, raw=raw_csv)
    write_output(output, text.encode("utf-8"), f"{len(data.plan)} actions as {fmt.value}")

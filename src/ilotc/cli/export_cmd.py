"""`ilotc export`: the plan as a calendar (ics) or as flat records (json, csv)."""

import datetime as dt
import os
from typing import Annotated

import typer

from ilotc.cli.common import BomOption, PartnersOption, PlanOption, RawCsvOption, as_of_day, fail
from ilotc.cli.filters import (
    FILTERS,
    NO_FILTERS,
    AsOf,
    Filters,
    PlanIdFilter,
    selected,
)
from ilotc.cli.option_blocks import with_options
from ilotc.cli.output import (
    BINARY_FORMATS,
    NEEDS_A_FILE,
    OutputOption,
    format_choice,
    formats_help,
    output_format,
    to_stdout,
    write_output,
)
from ilotc.i18n import _, ngettext
from ilotc.model.lateness import plan_dates
from ilotc.output.calendar import calendar_entries, plan_uid_host
from ilotc.output.exports import EXPORT_FORMATS, EXPORT_SUFFIX_FORMATS, ExportRequest


def export_stamp() -> dt.datetime:
    """DTSTAMP: now, in UTC, or $SOURCE_DATE_EPOCH (the reproducible-builds convention) so
    that scripts and tests get the same bytes from the same plan."""
    pinned = os.environ.get("SOURCE_DATE_EPOCH")
    if pinned:
        try:
            return dt.datetime.fromtimestamp(int(pinned), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            fail(_("SOURCE_DATE_EPOCH {value!r} is not a number of seconds since 1970").format(value=pinned))
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@with_options(FILTERS)
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=formats_help(
                ((name, found.help) for name, found in EXPORT_FORMATS.items()),
                "[default: from the suffix of -o FILE].",
            ),
            click_type=format_choice(EXPORT_FORMATS),
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    raw_csv: RawCsvOption = False,
    bom: BomOption = False,
    events: Annotated[
        bool,
        typer.Option(
            "--events",
            help="ics: write deadlines as all-day events, for calendars that ignore to-dos "
            "(khal, Google Calendar, Outlook).",
        ),
    ] = False,
    as_of: AsOf = None,
    plan_id: PlanIdFilter = None,
    filters: Filters = NO_FILTERS,
    alarm: Annotated[
        int | None,
        typer.Option(
            "--alarm",
            min=0,
            max=3650,
            metavar="DAYS",
            help="ics: a reminder DAYS days before each due date.",
            show_default=False,
        ),
    ] = None,
    returns: Annotated[
        bool,
        typer.Option(
            "--returns",
            help="xlsx: the status returns sheet to send out: id, text, due, current status, and empty "
            "new status (a drop-down), date and note columns; 'ilotc update --from' reads it back.",
        ),
    ] = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """Export the plan: its deadlines and starts as a calendar, or the actions as records.

    The filters select the actions, as `list` does. Statuses in json/csv are as of --as-of
    (default today); the calendar marks to-dos of actions done or cancelled (their latest
    status) as COMPLETED or CANCELLED. DTSTAMP is now ($SOURCE_DATE_EPOCH pins it).

    Examples: ilotc export -o plan.ics;  ilotc export --format csv --part II > actions.csv;
    ilotc export --format ics --alarm 14 --status planned -o reminders.ics
    """
    if fmt is None and (output is None or to_stdout(output) or not output.suffix):
        fail(_("export needs --format ics|json|csv|xlsx|docx, or -o FILE with such a name"))
    chosen = output_format(output, fmt, EXPORT_SUFFIX_FORMATS, "json")
    if alarm is not None and chosen != "ics":
        fail(_("--alarm applies to the calendar only (--format ics)"))
    if events and chosen != "ics":
        fail(_("--events applies to the calendar only (--format ics)"))
    if bom and chosen != "csv":
        fail(_("--bom applies to CSV only (--format csv)"))
    if returns and chosen != "xlsx":
        fail(_("--returns applies to spreadsheets only (--format xlsx)"))
    if chosen == "sqlite" and to_stdout(output):
        fail(_("an SQLite database is a file: give -o FILE (e.g. -o portfolio.db)"))
    if chosen in BINARY_FORMATS and to_stdout(output):
        fail(_(NEEDS_A_FILE).format(format=chosen))
    day = as_of_day(as_of)
    data, actions = selected(ctx, filters, plan_id, day, plan, partners)
    request = ExportRequest(
        data.plan,
        data.registry,
        actions,
        day,
        raw_csv=raw_csv,
        bom=bom,
        returns=returns,
        plans=tuple(used.plan for used in data.plans),
        registries=tuple(used.registry for used in data.plans),
    )
    if chosen == "ics":
        plan_days = plan_dates(used.plan for used in data.plans)
        uid_hosts = {used.plan.name: plan_uid_host(used.plan) for used in data.plans}
        request = ExportRequest(
            data.plan,
            data.registry,
            actions,
            day,
            stamp=export_stamp(),
            alarm_days=alarm,
            plan_days=plan_days,
            uid_hosts=uid_hosts,
            events=events,
        )
        entries = calendar_entries(data.plan, actions, plan_days, uid_hosts)
        todos = 0 if events else sum(entry.component == "VTODO" for entry in entries)
        what = _("a calendar of {todos} and {events}").format(
            todos=ngettext("{count} to-do", "{count} to-dos", todos).format(count=todos),
            events=ngettext("{count} event", "{count} events", len(entries) - todos).format(
                count=len(entries) - todos
            ),
        )
    else:
        what = ngettext("{count} action as {format}", "{count} actions as {format}", len(actions)).format(
            count=len(actions), format=chosen
        )
    write_output(output, EXPORT_FORMATS[chosen].render(request), what)

"""`ilotc overdue` and `ilotc upcoming`: what is late, and what falls due next, as of a date."""

import datetime as dt
import enum
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from ilotc.cli.common import (
    EXIT_PROBLEMS,
    BomOption,
    FormatOption,
    PartnersOption,
    PlanOption,
    RawCsvOption,
    as_of_day,
    note,
)
from ilotc.cli.filters import (
    FILTERS,
    NO_FILTERS,
    AsOf,
    Filters,
    PlanIdFilter,
    selected,
)
from ilotc.cli.option_blocks import with_options
from ilotc.cli.output import OutputOption, emit_listing, listing_format
from ilotc.cli.plan_texts import actions_for
from ilotc.i18n import _, ngettext
from ilotc.model.dates import PlanDate
from ilotc.model.lateness import (
    Late,
    Upcoming,
    late_by_responsible,
    overdue_as_of,
    plan_dates,
    upcoming_as_of,
)
from ilotc.model.plan import Plan
from ilotc.model.records import action_record
from ilotc.output.cells import Column
from ilotc.output.columns import (
    OVERDUE_COLUMNS,
    OVERDUE_TABLE,
    RESPONSIBLE_COLUMNS,
    RESPONSIBLE_TABLE,
    UPCOMING_COLUMNS,
    UPCOMING_TABLE,
    with_responsible,
)


class ByChoice(enum.StrEnum):
    """What `overdue --by` counts late actions per."""

    RESPONSIBLE = "responsible"


def _day_words(day: dt.date) -> str:
    return PlanDate(day.year, day.month, day.day).describe()


def _records(
    items: Sequence[Late | Upcoming], plan: Plan, fmt: str, day: dt.date
) -> tuple[list[dict[str, Any]], str | None]:
    """Each late or upcoming item as its action's record with the item's fields, the action's
    texts in the interface language where `fmt` is for people; and the note to give once
    when some text stayed in the original."""
    shown, original = actions_for((item.action for item in items), plan, fmt)
    return [
        action_record(action, day) | item.to_json() for action, item in zip(shown, items, strict=True)
    ], original


@with_options(FILTERS)
def overdue(
    ctx: typer.Context,
    as_of: AsOf = None,
    plan_id: PlanIdFilter = None,
    filters: Filters = NO_FILTERS,
    by: Annotated[
        ByChoice | None,
        typer.Option(
            "--by",
            help="Count the late actions per responsible unit instead of listing them.",
            show_default=False,
        ),
    ] = None,
    fail_if_any: Annotated[
        bool, typer.Option("--fail", help="Exit 1 when any action is overdue (for CI and scripts).")
    ] = False,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    raw_csv: RawCsvOption = False,
    bom: BomOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """List the actions late as of a date (default today), most late first.

    An action is late when its due period ended before the date and it is not done or
    cancelled, or when it is still planned after its start period; a recurring one when
    no occurrence was recorded within its period. --as-of 2000-06 means 1 June 2000: an
    action due in May 2000 is late then, one due in June is not.
    """
    fmt = listing_format(ctx, fmt, output)
    day = as_of_day(as_of)
    data, actions = selected(ctx, filters, plan_id, day, plan, partners)
    late = overdue_as_of(actions, day, plan_dates(used.plan for used in data.plans))
    columns: tuple[Sequence[Column], Sequence[Column]]
    original = None
    if by is not None:
        records = late_by_responsible(late, actions)
        columns = (RESPONSIBLE_TABLE, RESPONSIBLE_COLUMNS)
    else:
        records, original = _records(late, data.plan, fmt, day)
        columns = (with_responsible(OVERDUE_TABLE, records), OVERDUE_COLUMNS)
    emit_listing(fmt, records, columns, len(data.plans) > 1, raw_csv=raw_csv, bom=bom, path=output)
    if original:
        note(original)
    # of the actions the filters keep: with --plan-id, of that plan's, not of every plan's
    note(
        ngettext(
            "{count} overdue of {total} action as of {date}",
            "{count} overdue of {total} actions as of {date}",
            len(actions),
        ).format(count=len(late), total=len(actions), date=_day_words(day))
    )
    if fail_if_any and late:
        raise typer.Exit(EXIT_PROBLEMS)


@with_options(FILTERS)
def upcoming(
    ctx: typer.Context,
    as_of: AsOf = None,
    within: Annotated[
        int, typer.Option("--within", "-n", min=1, max=1200, help="How many months ahead to look.")
    ] = 3,
    plan_id: PlanIdFilter = None,
    filters: Filters = NO_FILTERS,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    raw_csv: RawCsvOption = False,
    bom: BomOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """List the actions that fall due or are to start within N months after a date, soonest first."""
    fmt = listing_format(ctx, fmt, output)
    day = as_of_day(as_of)
    data, actions = selected(ctx, filters, plan_id, day, plan, partners)
    coming = upcoming_as_of(actions, day, within, plan_dates(used.plan for used in data.plans))
    records, original = _records(coming, data.plan, fmt, day)
    columns = (with_responsible(UPCOMING_TABLE, records), UPCOMING_COLUMNS)
    emit_listing(fmt, records, columns, len(data.plans) > 1, raw_csv=raw_csv, bom=bom, path=output)
    if original:
        note(original)
    note(
        _("{events} {within}").format(
            events=ngettext("{count} due date or start", "{count} due dates or starts", len(coming)).format(
                count=len(coming)
            ),
            within=ngettext(
                "within {within} month after {date}", "within {within} months after {date}", within
            ).format(within=within, date=_day_words(day)),
        )
    )

"""`ilotc status`: one row per plan in use, where it stands as of a date, most behind first."""

import typer

from ilotc.cli.common import FormatOption, PartnersOption, PlanOption, RawCsvOption, as_of_day, note
from ilotc.cli.filters import FILTERS, NO_FILTERS, AsOf, Filters, PlanIdFilter, selected
from ilotc.cli.option_blocks import with_options
from ilotc.cli.output import OutputOption, emit_listing, listing_format
from ilotc.i18n import ngettext
from ilotc.model.lateness import plan_dates
from ilotc.model.portfolio import portfolio_status
from ilotc.output.columns import STATUS_COLUMNS, STATUS_TABLE


@with_options(FILTERS)
def status(
    ctx: typer.Context,
    as_of: AsOf = None,
    plan_id: PlanIdFilter = None,
    filters: Filters = NO_FILTERS,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    raw_csv: RawCsvOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """One row per plan in use: actions, done %, late as of a date, next due, last change.

    The plans most behind come first (most late actions, then least done). The filters
    choose which actions are counted; a plan with none of them has no row.

    Examples: ilotc --plan portfolio/ status;  ilotc status --as-of 2001-01 --format csv
    """
    fmt = listing_format(ctx, fmt, output)
    day = as_of_day(as_of)
    data, actions = selected(ctx, filters, plan_id, day, plan, partners)
    plans = [used.plan for used in data.plans]
    rows = portfolio_status(plans, actions, day, plan_dates(plans))
    emit_listing(
        fmt,
        [row.to_json() for row in rows],
        (STATUS_TABLE, STATUS_COLUMNS),
        False,
        raw_csv=raw_csv,
        path=output,
    )
    note(
        ngettext("{count} plan of {total} in use", "{count} plans of {total} in use", len(plans)).format(
            count=len(rows), total=len(plans)
        )
    )

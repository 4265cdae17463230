"""`ilotc list` and `ilotc show`.

Listings are written by `ilotc.output.listing`, the `show` panel by `ilotc.output.views`.
"""

from typing import Annotated

import typer
from typer._types import TyperChoice

from ilotc.cli.common import (
    BomOption,
    FormatOption,
    PartnersOption,
    PlanOption,
    RawCsvOption,
    as_of_day,
    find_action,
    load_data,
    note,
)
from ilotc.cli.completion import action_ids
from ilotc.cli.filters import (
    FILTERS,
    NO_FILTERS,
    AsOf,
    Filters,
    PlanIdFilter,
    selected,
)
from ilotc.cli.option_blocks import with_options
from ilotc.cli.output import OutputOption, emit, emit_listing, emit_view, formats_help, listing_format
from ilotc.cli.plan_texts import actions_for, registry_for
from ilotc.i18n import _
from ilotc.model.records import action_record, action_row
from ilotc.output.columns import ACTION_COLUMNS, ACTION_TABLE, with_responsible
from ilotc.output.listing import RENDERERS
from ilotc.output.views import action_view


@with_options(FILTERS)
def list_actions(
    ctx: typer.Context,
    plan_id: PlanIdFilter = None,
    filters: Filters = NO_FILTERS,
    as_of: AsOf = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    raw_csv: RawCsvOption = False,
    bom: BomOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """List the plan's actions matching all filters, in document order.

    Examples: ilotc list --part II;  ilotc list --section 1a --format json;
    ilotc list --search parite --status planned
    """
    fmt = listing_format(ctx, fmt, output)
    day = as_of_day(as_of)
    data, actions = selected(ctx, filters, plan_id, day, plan, partners)
    actions, original = actions_for(actions, data.plan, fmt)
    table = fmt == "table"
    record_of = action_row if table else action_record
    records = [record_of(action, day) for action in actions]
    columns = (with_responsible(ACTION_TABLE, records), ACTION_COLUMNS)
    emit_listing(fmt, records, columns, len(data.plans) > 1, raw_csv=raw_csv, bom=bom, path=output)
    if table:
        note(_("{count} of {total} actions").format(count=len(records), total=len(data.plan)))
    if original:
        note(original)


def show(
    ctx: typer.Context,
    action_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Action id, e.g. I.1a.1; PLAN:ID where several plans have it.",
            autocompletion=action_ids,
        ),
    ],
    as_of: AsOf = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help=formats_help({**{n: r.help for n, r in RENDERERS.items()}, "table": "a full view"}.items()),
            click_type=TyperChoice(list(RENDERERS), case_sensitive=False),
        ),
    ] = "table",
    output: OutputOption = None,
    raw_csv: RawCsvOption = False,
    bom: BomOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """Show one action in full: where it stands, its text, timeline and reading, history, partners."""
    fmt = listing_format(ctx, fmt, output)
    day = as_of_day(as_of)
    data = load_data(ctx, plan, partners)
    found = find_action(data, action_id)[0]
    shown, original = actions_for([found], data.plan, fmt)
    action = shown[0]
    record = action_record(action, day)
    record["context"] = action.context
    if fmt != "table":
        emit(fmt, [record], ACTION_COLUMNS, raw_csv=raw_csv, bom=bom, path=output)
        return
    emit_view(
        action_view(action, record, registry_for(data.registry)),
        output,
        _("action {id}").format(id=action.id),
    )
    if original:
        note(original)

"""`ilotc list` and `ilotc show`.

Data is data: listings go through `ilotc.output.listing`, and every value in the `show` panel through
`escape` (control characters shown escaped, no Rich markup of its own).
"""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ilotc.cli.common import (
    FormatOption,
    ListFormat,
    PartnersOption,
    PlanOption,
    RawCsvOption,
    as_of_day,
    emit,
    escape,
    find_action,
    load_data,
    note,
    stdout,
)
from ilotc.cli.completion import action_ids
from ilotc.cli.filters import (
    AsOf,
    DueAfter,
    DueBefore,
    KindFilter,
    PartFilter,
    PartnerFilter,
    PlanIdFilter,
    SearchFilter,
    SectionFilter,
    StatusFilter,
    build_filter,
)
from ilotc.output.columns import ACTION_COLUMNS, ACTION_TABLE, with_plan

if TYPE_CHECKING:
    from rich.panel import Panel

    from ilotc.plan import Action
    from ilotc.registry import Registry


def list_actions(
    ctx: typer.Context,
    plan_id: PlanIdFilter = None,
    part: PartFilter = None,
    section: SectionFilter = None,
    kind: KindFilter = None,
    status: StatusFilter = None,
    partner: PartnerFilter = None,
    search: SearchFilter = None,
    due_before: DueBefore = None,
    due_after: DueAfter = None,
    as_of: AsOf = None,
    fmt: FormatOption = ListFormat.TABLE,
    raw_csv: RawCsvOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """List the plan's actions matching all filters, in document order.

    Examples: ilotc list --part II;  ilotc list --section 1a --format json;
    ilotc list --search parite --status planned
    """
    from ilotc.queries import select  # noqa: PLC0415
    from ilotc.records import action_record, action_row  # noqa: PLC0415

    day = as_of_day(as_of)
    data = load_data(ctx, plan, partners)
    where = build_filter(part, section, kind, status, partner, search, due_before, due_after, data, plan_id)
    table = fmt is ListFormat.TABLE
    record_of = action_row if table else action_record
    records = [record_of(action, day) for action in select(data.plan, where, day, data.registry)]
    emit(
        fmt,
        records,
        with_plan(ACTION_TABLE if table else ACTION_COLUMNS, len(data.plans) > 1, table=table),
        raw_csv=raw_csv,
    )
    if fmt is ListFormat.TABLE:
        note(f"{len(records)} of {len(data.plan)} actions")


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
        ListFormat, typer.Option("--format", "-f", help="table (a full view) or json/csv/markdown.")
    ] = ListFormat.TABLE,
    raw_csv: RawCsvOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """Show one action in full: where it stands, its text, timeline and reading, history, partners."""
    from ilotc.records import action_record  # noqa: PLC0415

    day = as_of_day(as_of)
    data = load_data(ctx, plan, partners)
    action, _ = find_action(data, action_id)
    record = action_record(action, day)
    record["context"] = action.context
    if fmt is not ListFormat.TABLE:
        emit(fmt, [record], ACTION_COLUMNS, raw_csv=raw_csv)
        return
    stdout().print(_full_view(action, record, data.registry))


def _full_view(action: "Action", record: dict[str, Any], registry: "Registry") -> "Panel":
    from rich.panel import Panel  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("Plan", escape(record["plan"]))
    grid.add_row("Part", escape(f"{record['part']} — {record['part_title']}"))
    if record["section"]:
        grid.add_row("Section", escape(f"{record['section']} — {record['section_title']}"))
    if record["issue_title"]:
        grid.add_row("Issue", escape(record["issue_title"]))
    if record["group_title"]:
        grid.add_row("Group", escape(record["group_title"]))
    if record["context"]:
        grid.add_row("Context", escape(record["context"]))
    grid.add_row("Action", escape(record["text"]))
    grid.add_row("Timeline", escape(record["timeline"] or "(none)"))
    for schedule in action.schedules:
        grid.add_row("Reads as", escape(schedule.describe()))
    grid.add_row("Status", record["status"])
    for change in record["history"]:
        note = f" — {change['note']}" if change["note"] else ""
        grid.add_row("", escape(f"{change['date']}: {change['status']}{note}"))
    names = []
    for partner_id in record["partners"]:
        found = registry.get(partner_id)
        names.append(f"{partner_id} ({found.name})" if found is not None else partner_id)
    grid.add_row("Partners", escape(", ".join(names) or "(none)"))
    if record["note"]:
        grid.add_row("Note", escape(record["note"]))
    return Panel(grid, title=escape(record["id"]), title_align="left")

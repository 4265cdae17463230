"""`ilotc list` and `ilotc show`."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from ilotc.cli.common import (
    FormatOption,
    ListFormat,
    PartnersOption,
    PlanOption,
    as_of_day,
    fail,
    load_data,
    parse_date,
    stderr,
    stdout,
)
from ilotc.models import Status
from ilotc.plan import Action
from ilotc.queries import ActionFilter, select
from ilotc.records import action_record
from ilotc.registry import Registry
from ilotc.render import Column, reads_as, render, status_style
from ilotc.timeline import Kind

PART_CHOICES = ("I", "II", "III")

# Tables show what fits a terminal; CSV and Markdown add the dates and partners.
TABLE_COLUMNS = (
    Column("id", "Id"),
    Column("text", "Action", wrap=True),
    Column("timeline", "Timeline", wrap=True),
    Column("reads_as", "Reads as", value=reads_as),
    Column("status", "Status", style=status_style),
)
ACTION_COLUMNS = (
    Column("id", "id"),
    Column("part", "part"),
    Column("section", "section"),
    Column("text", "text"),
    Column("timeline", "timeline"),
    Column("kind", "kind"),
    Column("start", "start"),
    Column("due", "due"),
    Column("every_months", "every_months"),
    Column("status", "status"),
    Column("partners", "partners"),
)


def action_columns(fmt: ListFormat) -> tuple[Column, ...]:
    """The columns a format shows."""
    return TABLE_COLUMNS if fmt is ListFormat.TABLE else ACTION_COLUMNS


PartFilter = Annotated[
    list[str] | None,
    typer.Option("--part", "-p", help="Part I, II or III (repeatable).", show_default=False),
]
SectionFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--section",
        "-s",
        help="Section: '1' matches section 1 and its issues 1a, 1b...; '1a' that issue only (repeatable).",
        show_default=False,
    ),
]
KindFilter = Annotated[
    list[Kind] | None,
    typer.Option(
        "--kind", "-k", help="Timeline kind (repeatable).", show_default=False, case_sensitive=False
    ),
]
StatusFilter = Annotated[
    list[Status] | None,
    typer.Option("--status", help="Status (repeatable).", show_default=False, case_sensitive=False),
]
PartnerFilter = Annotated[
    str | None,
    typer.Option(
        "--partner",
        help="Partner id: actions naming it or a group it belongs to.",
        show_default=False,
    ),
]
SearchFilter = Annotated[
    str | None,
    typer.Option(
        "--search",
        help="Text in the action, its timeline or its issue (ignores case and accents).",
        show_default=False,
    ),
]
DueBefore = Annotated[
    str | None,
    typer.Option(
        "--due-before",
        help="Due period ends before DATE (YYYY-MM or YYYY-MM-DD).",
        show_default=False,
    ),
]
DueAfter = Annotated[
    str | None,
    typer.Option(
        "--due-after",
        help="Due period ends after DATE (YYYY-MM or YYYY-MM-DD).",
        show_default=False,
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Date for statuses: YYYY-MM (its first day) or YYYY-MM-DD [default: today].",
        show_default=False,
    ),
]


def build_filter(
    parts: list[str] | None,
    sections: list[str] | None,
    kinds: list[Kind] | None,
    statuses: list[Status] | None,
    partner: str | None,
    search: str | None,
    due_before: str | None,
    due_after: str | None,
    known_partners: frozenset[str],
) -> ActionFilter:
    """The filter the options describe; exit 2 on an unknown part or partner or a bad date."""
    wanted_parts = {part.upper() for part in parts or []}
    for part in wanted_parts - set(PART_CHOICES):
        fail(f"--part {part!r} is not a part: expected I, II or III")
    for section in sections or []:
        if not section or not (section.isdigit() or (section[:-1].isdigit() and section[-1].isalpha())):
            fail(
                f"--section {section!r} is not a section: expected a number such as 1 or an issue such as 1a"
            )
    if partner is not None and partner not in known_partners:
        fail(f"--partner {partner!r} is not in the partner registry; 'ilotc partners' lists the ids")
    return ActionFilter(
        parts=frozenset(wanted_parts),
        sections=frozenset(section.lower() for section in sections or []),
        kinds=frozenset(kinds or []),
        statuses=frozenset(statuses or []),
        partner=partner,
        search=search,
        due_before=parse_date(due_before, "--due-before"),
        due_after=parse_date(due_after, "--due-after"),
    )


def list_actions(
    ctx: typer.Context,
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
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """List the plan's actions matching all filters, in document order.

    Examples: ilotc list --part II;  ilotc list --section 1a --format json;
    ilotc list --search parite --status planned
    """
    day = as_of_day(as_of)
    data = load_data(ctx, plan, partners)
    where = build_filter(
        part, section, kind, status, partner, search, due_before, due_after, data.registry.ids
    )
    records = [action_record(action, day) for action in select(data.plan, where, day, data.registry)]
    render(fmt, records, action_columns(fmt), stdout())
    if fmt is ListFormat.TABLE:
        stderr().print(f"{len(records)} of {len(data.plan)} actions")


def show(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="Action id, e.g. I.1a.1 or III.1c.3.")],
    as_of: AsOf = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table (a full view) or json/csv/markdown.")
    ] = ListFormat.TABLE,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """Show one action in full: where it stands, its text, timeline and reading, history, partners."""
    day = as_of_day(as_of)
    data = load_data(ctx, plan, partners)
    action = data.plan.action(action_id)
    if action is None:
        close = [a.id for a in data.plan if a.id.lower() == action_id.lower()]
        hint = f"; did you mean {close[0]}?" if close else "; 'ilotc list' shows the ids"
        fail(f"no action {action_id!r} in the plan{hint}")
    record = action_record(action, day)
    record["context"] = action.context
    if fmt is not ListFormat.TABLE:
        render(fmt, [record], ACTION_COLUMNS, stdout())
        return
    stdout().print(_full_view(action, record, data.registry))


def _full_view(action: Action, record: dict[str, Any], registry: Registry) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("Part", escape(f"{record['part']} — {record['part_title']}"))
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

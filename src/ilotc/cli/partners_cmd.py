"""`ilotc partners`: the partner registry, filtered, or one partner in full with its actions.

Data is data: listings go through `ilotc.output.listing`, and every value in a partner's panel
through `escape` (control characters shown escaped, no Rich markup of its own).
"""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ilotc.cli.common import (
    FormatOption,
    ListFormat,
    PartnersOption,
    PlanOption,
    RawCsvOption,
    emit,
    escape,
    fail,
    load_data,
    note,
    stdout,
)
from ilotc.cli.completion import partner_ids
from ilotc.output.columns import PARTNER_COLUMNS, PARTNER_TABLE
from ilotc.vocab import OrganisationType, Role

if TYPE_CHECKING:
    from rich.panel import Panel

    from ilotc.plan import Plan
    from ilotc.registry import Partner, Registry

# How much of an action's text the full view shows.
TEXT_START = 90


ProgrammeFilter = Annotated[
    str | None,
    typer.Option(
        "--programme",
        help="Programme id (e.g. himo, plan-ct): partners with a role in it (with --role: that role).",
        show_default=False,
    ),
]
RoleFilter = Annotated[
    Role | None,
    typer.Option(
        "--role",
        help="Role, in any programme unless --programme is given.",
        show_default=False,
        case_sensitive=False,
    ),
]
TypeFilter = Annotated[
    OrganisationType | None,
    typer.Option(
        "--type",
        help="IATI organisation type, by name.",
        show_default=False,
        case_sensitive=False,
    ),
]
SearchFilter = Annotated[
    str | None,
    typer.Option(
        "--search",
        help="Text in the name, short name, wording in the sources or id (ignores case and accents).",
        show_default=False,
    ),
]


def partners_command(
    ctx: typer.Context,
    partner_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="A partner id, e.g. pnud: show that partner in full.",
            show_default=False,
            autocompletion=partner_ids,
        ),
    ] = None,
    programme: ProgrammeFilter = None,
    role: RoleFilter = None,
    partner_type: TypeFilter = None,
    search: SearchFilter = None,
    fmt: FormatOption = ListFormat.TABLE,
    raw_csv: RawCsvOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """List the partner registry, or show one partner in full with the actions that name it.

    Without ID: the partners matching all filters, in file order. With ID: that partner, its
    groups and members, roles, note, and every plan action naming it or one of its groups.

    Examples: ilotc partners --programme himo --role donor;  ilotc partners pnud;
    ilotc partners --type multilateral --format json;  ilotc partners --search nations
    """
    from ilotc.queries import actions_by_partner, fold  # noqa: PLC0415
    from ilotc.records import partner_record  # noqa: PLC0415

    data = load_data(ctx, plan, partners)
    registry = data.registry
    linked = actions_by_partner(data.plan, registry)
    if partner_id is not None:
        given = [
            name
            for name, value in (
                ("--programme", programme),
                ("--role", role),
                ("--type", partner_type),
                ("--search", search),
            )
            if value is not None
        ]
        if given:
            fail(f"an ID cannot be combined with {', '.join(given)}: filters apply to the listing only")
        partner = registry.get(partner_id)
        if partner is None:
            fail(f"no partner {partner_id!r} in the registry{_id_hint(partner_id, registry)}")
        record = partner_record(partner, registry, linked[partner.id])
        if fmt is ListFormat.TABLE:
            stdout().print(_full_view(partner, record, registry, data.plan))
        else:
            emit(fmt, [record], PARTNER_COLUMNS, raw_csv=raw_csv)
        return

    wanted_programme = _programme(programme, registry)
    folded = fold(search) if search is not None else None
    records = [
        partner_record(partner, registry, linked[partner.id])
        for partner in registry
        if _matches(partner, wanted_programme, role, partner_type, folded)
    ]
    emit(fmt, records, PARTNER_TABLE if fmt is ListFormat.TABLE else PARTNER_COLUMNS, raw_csv=raw_csv)
    if fmt is ListFormat.TABLE:
        note(f"{len(records)} of {len(registry)} partners")


def _programme(value: str | None, registry: "Registry") -> str | None:
    """The programme id asked for, or exit 2 naming the registry's programmes."""
    if value is None:
        return None
    known = [programme.id for programme in registry.programmes]
    for programme_id in known:
        if programme_id == value.strip().lower():
            return programme_id
    fail(f"--programme {value!r} is not a programme of the registry: expected one of {', '.join(known)}")


def _matches(
    partner: "Partner",
    programme: str | None,
    role: Role | None,
    partner_type: OrganisationType | None,
    folded_search: str | None,
) -> bool:
    """True when the partner passes every filter."""
    if programme is not None or role is not None:
        plays = any(
            (programme is None or played.programme == programme) and (role is None or played.role is role)
            for played in partner.roles
        )
        if not plays:
            return False
    if partner_type is not None and partner.type is not partner_type:
        return False
    if folded_search is not None:
        from ilotc.queries import fold  # noqa: PLC0415

        haystack = [partner.id, partner.name, partner.short_name or "", *partner.mentions]
        return any(folded_search in fold(text) for text in haystack)
    return True


def _id_hint(partner_id: str, registry: "Registry") -> str:
    """'; did you mean X?' when an id is close to the one given, else where to find the ids."""
    import difflib  # noqa: PLC0415

    from ilotc.queries import fold  # noqa: PLC0415

    wanted = fold(partner_id.strip())
    if not wanted:
        return "; 'ilotc partners' lists the ids"
    close = [partner.id for partner in registry if wanted in _names_of(partner)]
    close += [c for c in difflib.get_close_matches(wanted, sorted(registry.ids), n=3) if c not in close]
    if close:
        return f"; did you mean {' or '.join(close)}?"
    return "; 'ilotc partners' lists the ids"


def _names_of(partner: "Partner") -> set[str]:
    """The partner's id, name and short name, folded."""
    from ilotc.queries import fold  # noqa: PLC0415

    names = {partner.id, fold(partner.name)}
    if partner.short_name:
        names.add(fold(partner.short_name))
    return names


def _full_view(partner: "Partner", record: dict[str, Any], registry: "Registry", plan: "Plan") -> "Panel":
    """The partner in full: identity, groups, members, roles, note and actions."""
    from rich.panel import Panel  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("Name", escape(record["name"]))
    if record["short_name"]:
        grid.add_row("Short name", escape(record["short_name"]))
    grid.add_row("Type", escape(record["type_name"]))
    grid.add_row("Group", "yes" if record["group"] else "no")
    grid.add_row("Country", escape(record["country"] or "(none)"))
    grid.add_row("IATI id", escape(record["iati_id"] or "(none published)"))
    grid.add_row("Member of", escape(_named(record["groups"], registry) or "(none)"))
    if record["group"] or record["members"]:
        grid.add_row("Members", escape(_named(record["members"], registry) or "(none)"))
    programmes = {programme.id: programme.name for programme in registry.programmes}
    if not record["roles"]:
        grid.add_row("Roles", "(none)")
    for index, played in enumerate(record["roles"]):
        programme = f"{played['programme']} ({programmes.get(played['programme'], '?')})"
        grid.add_row("Roles" if index == 0 else "", escape(f"{played['role']} — {programme}"))
    if record["mentions"]:
        grid.add_row("Named as", escape("; ".join(f"« {m} »" for m in record["mentions"])))
    if record["note"]:
        grid.add_row("Note", escape(record["note"]))
    if not record["actions"]:
        grid.add_row("Actions", "(none in the plan)")
    reached = registry.with_groups([partner.id])
    by_id = {action.id: action for action in plan}
    for index, action_id in enumerate(record["actions"]):
        action = by_id[action_id]  # the ids come from this plan
        through = ""
        if partner.id not in action.partners:
            through = f" (via {', '.join(named for named in action.partners if named in reached)})"
        grid.add_row("Actions" if index == 0 else "", escape(f"{action_id}{through}: {_start(action.text)}"))
    return Panel(grid, title=escape(record["id"]), title_align="left")


def _named(partner_ids: list[str], registry: "Registry") -> str:
    """'id (Name), ...' for a list of partner ids."""
    names = []
    for partner_id in partner_ids:
        found = registry.get(partner_id)
        names.append(f"{partner_id} ({found.name})" if found is not None else partner_id)
    return ", ".join(names)


def _start(text: str) -> str:
    """The start of an action's text, cut at a word."""
    if len(text) <= TEXT_START:
        return text
    return text[:TEXT_START].rsplit(" ", 1)[0] + "…"

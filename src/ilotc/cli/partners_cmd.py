"""`ilotc partners`: the partner registry, filtered, or one partner in full with its actions.

Partners are chosen by `ilotc.model.queries.PartnerFilter`; listings are written by
`ilotc.output.listing`, a partner's panel by `ilotc.output.views`.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from ilotc.cli.common import (
    BomOption,
    FormatOption,
    PartnersOption,
    PlanOption,
    RawCsvOption,
    fail,
    load_data,
    note,
)
from ilotc.cli.completion import partner_ids
from ilotc.cli.output import OutputOption, emit, emit_view, listing_format
from ilotc.cli.plan_texts import registry_for
from ilotc.i18n import _
from ilotc.model.queries import PartnerFilter, actions_by_partner, close_partner_ids
from ilotc.model.records import partner_record
from ilotc.model.vocab import OrganisationType, Role
from ilotc.output.columns import PARTNER_COLUMNS, PARTNER_TABLE
from ilotc.output.views import partner_view

if TYPE_CHECKING:
    from ilotc.model.registry import Registry

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
        help="IATI organisation type, by name: government, other_public_sector, international_ngo, "
        "national_ngo, regional_ngo, partner_country_ngo, public_private_partnership, multilateral, "
        "foundation, private_sector, academic or other.",
        metavar="TYPE",
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
    fmt: FormatOption = "table",
    output: OutputOption = None,
    raw_csv: RawCsvOption = False,
    bom: BomOption = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """List the partner registry, or show one partner in full with the actions that name it.

    Without ID: the partners matching all filters, in file order. With ID: that partner, its
    groups and members, roles, note, and every plan action naming it or one of its groups.

    Examples: ilotc partners --programme himo --role donor;  ilotc partners pnud;
    ilotc partners --type multilateral --format json;  ilotc partners --search nations
    """
    fmt = listing_format(ctx, fmt, output)
    data = load_data(ctx, plan, partners)
    registry = registry_for(data.registry, fmt)  # names in the interface language for people
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
            fail(
                _("an ID cannot be combined with {options}: filters apply to the listing only").format(
                    options=", ".join(given)
                )
            )
        partner = registry.get(partner_id)
        if partner is None:
            close = close_partner_ids(partner_id, registry)
            hint = (
                _("; did you mean {ids}?").format(ids=_(" or ").join(close))
                if close
                else _("; 'ilotc partners' lists the ids")
            )
            fail(_("no partner {id!r} in the registry{hint}").format(id=partner_id, hint=hint))
        record = partner_record(partner, registry, linked[partner.id])
        if fmt == "table":
            emit_view(
                partner_view(partner, record, registry, data.plan),
                output,
                _("partner {id}").format(id=partner.id),
            )
        else:
            emit(fmt, [record], PARTNER_COLUMNS, raw_csv=raw_csv, bom=bom, path=output)
        return

    where = PartnerFilter(_programme(programme, registry), role, partner_type, search)
    records = [
        partner_record(partner, registry, linked[partner.id])
        for partner in registry
        if where.matches(partner)
    ]
    table = fmt == "table"
    emit(fmt, records, PARTNER_TABLE if table else PARTNER_COLUMNS, raw_csv=raw_csv, bom=bom, path=output)
    if table:
        note(_("{count} of {total} partners").format(count=len(records), total=len(registry)))


def _programme(value: str | None, registry: "Registry") -> str | None:
    """The programme id asked for, or exit 2 naming the registry's programmes."""
    if value is None:
        return None
    known = [programme.id for programme in registry.programmes]
    for programme_id in known:
        if programme_id == value.strip().lower():
            return programme_id
    fail(
        _("--programme {value!r} is not a programme of the registry: expected one of {known}").format(
            value=value, known=", ".join(known)
        )
    )

"""The filter options that the action commands share (CONTRACT's FILTERS), declared once.

`list`, `overdue`, `upcoming`, `export`, `report` and `diff` take the block FILTERS as one
`Filters` value (see `ilotc.cli.option_blocks`); all but `diff` also take `--plan-id`.
`build_filter` turns them into the query's ActionFilter.
"""

from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from ilotc.cli.common import fail, load_data, parse_date
from ilotc.cli.completion import partner_ids
from ilotc.cli.option_blocks import OptionBlock
from ilotc.i18n import N_, _
from ilotc.model.queries import ActionFilter, responsible_names, select
from ilotc.model.vocab import Kind, Status

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable
    from pathlib import Path

    from ilotc.model.plan import Action
    from ilotc.store.loading import Dataset

PlanIdFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--plan-id",
        help="A plan's name (its symbol, else its file name), where several are in use (repeatable).",
        show_default=False,
    ),
]
PartFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--part",
        "-p",
        help="A part of the plan, e.g. I, II or III in GB.276/TC/2 (repeatable).",
        show_default=False,
    ),
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
        "--kind",
        "-k",
        # the ten choices as a metavar would make a line of 104 columns
        metavar="<kind>",
        help=(
            "Timeline kind (repeatable): deadline, milestone, start, window, recurring, "
            "continuous, ongoing, as_needed, linked or unspecified."
        ),
        show_default=False,
        case_sensitive=False,
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
        autocompletion=partner_ids,
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
ResponsibleFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--responsible",
        help="Who is responsible for the action: a unit's name or a partner id (repeatable; "
        "ignores case and accents).",
        show_default=False,
    ),
]
DueBefore = Annotated[
    str | None,
    typer.Option(
        "--due-before",
        metavar="DATE",
        help="Due period ends before DATE (YYYY-MM or YYYY-MM-DD).",
        show_default=False,
    ),
]
DueAfter = Annotated[
    str | None,
    typer.Option(
        "--due-after",
        metavar="DATE",
        help="Due period ends after DATE (YYYY-MM or YYYY-MM-DD).",
        show_default=False,
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Date for statuses: YYYY-MM (its first day) or YYYY-MM-DD [default: today].",
        show_default=False,
    ),
]


class Filters(NamedTuple):
    """The filter options as given on the command line (None: not given)."""

    part: list[str] | None = None
    section: list[str] | None = None
    kind: list[Kind] | None = None
    status: list[Status] | None = None
    partner: str | None = None
    search: str | None = None
    due_before: str | None = None
    due_after: str | None = None
    responsible: list[str] | None = None


NO_FILTERS = Filters()
"""The default of a command's `Filters` parameter: no filter given."""

FILTERS = OptionBlock(
    Filters,
    {
        "part": PartFilter,
        "section": SectionFilter,
        "kind": KindFilter,
        "status": StatusFilter,
        "partner": PartnerFilter,
        "search": SearchFilter,
        "due_before": DueBefore,
        "due_after": DueAfter,
        "responsible": ResponsibleFilter,
    },
)
"""The filters, in the order `--help` lists them, for `with_options`."""

NOT_A_PART = N_("{option} {value!r} is not a part: expected {expected}")
NOT_A_SECTION = N_("{option} {value!r} is not a section: expected {expected}")
NOT_A_PLAN = N_("{option} {value!r} is not a plan in use: expected {expected}")


def _words(values: "Iterable[str]") -> str:
    listed = list(values)
    if len(listed) > 6:  # too many to list: a few, and where to see them all
        return _("one such as {some} ('ilotc list' shows them all)").format(some=", ".join(listed[:3]))
    if len(listed) == 1:
        return listed[0]
    return _("{first} or {last}").format(first=", ".join(listed[:-1]), last=listed[-1])


def _known(option: str, given: list[str] | None, known: "Iterable[str]", unknown: str) -> frozenset[str]:
    """The values given, as the plans spell them (matched ignoring case); exit 2 on another,
    saying `unknown` (a message with {option}, {value} and {expected})."""
    spelt = {value.casefold(): value for value in known}
    found = set()
    for value in given or []:
        if value.casefold() not in spelt:
            expected = _words(dict.fromkeys(spelt.values()))
            fail(_(unknown).format(option=option, value=value, expected=expected))
        found.add(spelt[value.casefold()])
    return frozenset(found)


def build_filter(
    given: Filters,
    data: "Dataset",
    plan_ids: list[str] | None = None,
) -> "ActionFilter":
    """The filter the options describe; exit 2 on a part, section, plan or partner the plans
    in use do not have, or a bad date."""
    actions = data.plan.actions
    parts, sections, partner = given.part, given.section, given.partner
    wanted_parts = _known("--part", parts, data.plan.part_titles, NOT_A_PART)
    places = [place for action in actions for place in (action.section_number, action.section) if place]
    wanted_sections = _known("--section", sections, places, NOT_A_SECTION)
    wanted_plans = _known("--plan-id", plan_ids, [used.plan.name for used in data.plans], NOT_A_PLAN)
    if partner is not None and partner not in data.registry.ids:
        fail(
            _("--partner {partner!r} is not in the partner registry; 'ilotc partners' lists the ids").format(
                partner=partner
            )
        )
    return ActionFilter(
        parts=wanted_parts,
        sections=wanted_sections,
        kinds=frozenset(given.kind or []),
        statuses=frozenset(given.status or []),
        partner=partner,
        search=given.search,
        due_before=parse_date(given.due_before, "--due-before"),
        due_after=parse_date(given.due_after, "--due-after"),
        plans=wanted_plans,
        responsible=frozenset(
            name for unit in given.responsible or [] for name in responsible_names(unit, data.registry)
        ),
    )


def selected(
    ctx: typer.Context,
    filters: Filters,
    plan_ids: list[str] | None,
    day: "dt.date",
    plan: "list[Path] | None",
    partners: "Path | None",
) -> "tuple[Dataset, list[Action]]":
    """The data in use, and its actions the filters select as of `day`, in document order;
    exit as `load_data` and `build_filter` do."""
    data = load_data(ctx, plan, partners)
    return data, select(data.plan, build_filter(filters, data, plan_ids), day, data.registry)

"""The filter options that `list`, `overdue` and `upcoming` share (CONTRACT's FILTERS)."""

from typing import TYPE_CHECKING, Annotated

import typer

from ilotc.cli.common import fail, parse_date
from ilotc.cli.completion import partner_ids
from ilotc.vocab import Kind, Status

if TYPE_CHECKING:
    from ilotc.queries import ActionFilter

PART_CHOICES = ("I", "II", "III")

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
) -> "ActionFilter":
    """The filter the options describe; exit 2 on an unknown part or partner or a bad date."""
    from ilotc.queries import ActionFilter  # noqa: PLC0415

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

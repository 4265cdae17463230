"""The full views of one thing, for a terminal: an action (`ilotc show`) and a partner (`ilotc partners ID`).

Each view is a Rich panel whose labels are in the interface language. Data is data: every
value from a plan or a registry goes through `ilotc.output.text.markup` (no Rich markup of
its own, control characters shown escaped).
"""

from typing import TYPE_CHECKING, Any

from ilotc.i18n import _
from ilotc.output.columns import role_label, status_label, type_label_shown
from ilotc.output.how_read import how_read
from ilotc.output.text import markup

if TYPE_CHECKING:
    from rich.panel import Panel
    from rich.table import Table

    from ilotc.model.plan import Action, Plan
    from ilotc.model.registry import Partner, Registry

TEXT_START = 90
"""How much of an action's text a partner's view shows."""


def _grid() -> "Table":
    """Two columns: bold labels, and values folded to the width."""
    from rich.table import Table  # noqa: PLC0415 - lazy: Rich, only where a view is shown

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def _panel(grid: "Table", title: str) -> "Panel":
    from rich.panel import Panel  # noqa: PLC0415 - lazy: Rich, as above

    return Panel(grid, title=markup(title), title_align="left")


def action_view(action: "Action", record: dict[str, Any], registry: "Registry") -> "Panel":
    """An action in full: where it stands, its text, timeline and reading, history, partners."""
    none = _("(none)")
    grid = _grid()
    grid.add_row(_("Plan"), markup(record["plan"]))
    grid.add_row(_("Part"), markup(f"{record['part']} — {record['part_title']}"))
    if record["section"]:
        grid.add_row(_("Section"), markup(f"{record['section']} — {record['section_title']}"))
    if record["issue_title"]:
        grid.add_row(_("Issue"), markup(record["issue_title"]))
    if record["group_title"]:
        grid.add_row(_("Group"), markup(record["group_title"]))
    if record["context"]:
        grid.add_row(_("Context"), markup(record["context"]))
    grid.add_row(_("Action"), markup(record["text"]))
    grid.add_row(_("Timeline"), markup(record["timeline"] or none))
    for schedule in action.schedules:
        grid.add_row(_("Reads as"), markup(schedule.describe()))
    if not action.explicit_schedules:
        grid.add_row(_("Read in"), markup(how_read(action.reading)))
    grid.add_row(_("Status"), status_label(record["status"]))
    for change in action.history:  # dates in words, as everywhere people read them
        note = f" — {change.note}" if change.note else ""
        grid.add_row(
            "",
            markup(
                _("{date}: {status}").format(
                    date=change.date.describe(), status=status_label(change.status.value)
                )
                + note
            ),
        )
    grid.add_row(_("Partners"), markup(named(record["partners"], registry) or none))
    if record["note"]:
        grid.add_row(_("Note"), markup(record["note"]))
    if action.editorial_note:  # how the action was transcribed: for editors, labelled as such
        grid.add_row(_("Editorial note"), markup(action.editorial_note))
    return _panel(grid, record["id"])


def partner_view(partner: "Partner", record: dict[str, Any], registry: "Registry", plan: "Plan") -> "Panel":
    """A partner in full: identity, groups, members, roles, note and the actions naming it."""
    none = _("(none)")
    grid = _grid()
    grid.add_row(_("Name"), markup(record["name"]))
    if record["short_name"]:
        grid.add_row(_("Short name"), markup(record["short_name"]))
    grid.add_row(_("Type"), markup(type_label_shown(record)))
    grid.add_row(_("Group"), _("yes") if record["group"] else _("no"))
    grid.add_row(_("Country"), markup(record["country"] or none))
    grid.add_row(_("IATI id"), markup(record["iati_id"] or _("(none published)")))
    grid.add_row(_("Member of"), markup(named(record["groups"], registry) or none))
    if record["group"] or record["members"]:
        grid.add_row(_("Members"), markup(named(record["members"], registry) or none))
    programmes = {programme.id: programme.name for programme in registry.programmes}
    if not record["roles"]:
        grid.add_row(_("Roles"), none)
    for index, played in enumerate(record["roles"]):
        programme = f"{played['programme']} ({programmes.get(played['programme'], '?')})"
        grid.add_row(_("Roles") if index == 0 else "", markup(f"{role_label(played['role'])} — {programme}"))
    if record["mentions"]:
        grid.add_row(_("Named as"), markup("; ".join(f"« {m} »" for m in record["mentions"])))
    if record["note"]:
        grid.add_row(_("Note"), markup(record["note"]))
    if not record["actions"]:
        grid.add_row(_("Actions"), _("(none in the plan)"))
    reached = registry.with_groups([partner.id])
    by_id = {action.id: action for action in plan}
    for index, action_id in enumerate(record["actions"]):
        action = by_id[action_id]  # the ids come from this plan
        through = ""
        if partner.id not in action.partners:
            via = ", ".join(named for named in action.partners if named in reached)
            through = " " + _("(via {partners})").format(partners=via)
        line = _("{label}: {text}").format(label=f"{action_id}{through}", text=text_start(action.text))
        grid.add_row(_("Actions") if index == 0 else "", markup(line))
    return _panel(grid, record["id"])


def named(partner_ids: list[str], registry: "Registry") -> str:
    """'id (Name), ...' for a list of partner ids."""
    names = []
    for partner_id in partner_ids:
        found = registry.get(partner_id)
        names.append(f"{partner_id} ({found.name})" if found is not None else partner_id)
    return ", ".join(names)


def text_start(text: str) -> str:
    """The start of an action's text, cut at a word."""
    if len(text) <= TEXT_START:
        return text
    return text[:TEXT_START].rsplit(" ", 1)[0] + "…"

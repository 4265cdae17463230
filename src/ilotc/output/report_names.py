"""How the progress report names parts and plans: 'Part II', 'Pillar 1', several plans.

A part numbered by a numeral or a letter is "Part II"; one whose id already is a name keeps
it. A report on several plans names each plan, and its whole is "All plans".
"""

import datetime as dt
import re

from ilotc.dates import PlanDate
from ilotc.i18n import N_, _, ngettext

WHOLE_PLAN = N_("Whole plan")
_ALL_PLANS = N_("All plans")


def ALL_PLANS() -> str:
    """'All plans', in the interface language."""
    return _(_ALL_PLANS)


# A part numbered by a numeral or a letter ("II", "3", "B") is named "Part II"; one whose id
# is already a name ("Pillar 1", "Axe 2") is named by its id alone.
_BARE_NUMBER = re.compile(r"(?:[IVXLCDM]+|[0-9]+|[A-Za-z])", re.IGNORECASE)


def part_label(part: str | None) -> str:
    """'Part II', 'Pillar 1' (an id that already is a name), or 'Whole plan'."""
    if part is None:
        return _(WHOLE_PLAN)
    return _("Part {part}").format(part=part) if _BARE_NUMBER.fullmatch(part) else part


def plans_introduction(count: int, total: int, as_of: dt.date) -> str:
    """The opening paragraph of a report on several plans, before one item per plan."""
    return _(
        "This report covers {count} implementation plans, {total} actions in all, and gives their "
        "progress as of {as_of}, replayed from the status history recorded with each action:"
    ).format(count=count, total=total, as_of=PlanDate.of(as_of).describe())


def plan_share(name: str, title: str, total: int) -> str:
    """One plan of several: 'NEP-2026: 2026 National Employment Plan (10 actions)'."""
    return ngettext("{name}: {title} ({count} action)", "{name}: {title} ({count} actions)", total).format(
        name=name, title=title, count=total
    )

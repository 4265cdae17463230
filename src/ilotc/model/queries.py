"""Which actions and partners match a filter, and which actions name a partner."""

import datetime as dt
import difflib
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from ilotc.model.dates import PlanDate
from ilotc.model.plan import Action, Plan
from ilotc.model.registry import Partner, Registry
from ilotc.model.vocab import Kind, OrganisationType, Role, Status


def fold(text: str) -> str:
    """Lowercase without accents, so 'Etude' finds 'étude' and 'ÉTUDE'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class ActionFilter(NamedTuple):
    """CONTRACT's FILTERS, combined with AND; repeatable ones match any of their values."""

    parts: frozenset[str] = frozenset()
    sections: frozenset[str] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    statuses: frozenset[Status] = frozenset()
    partner: str | None = None
    search: str | None = None
    due_before: PlanDate | None = None
    due_after: PlanDate | None = None
    plans: frozenset[str] = frozenset()
    responsible: frozenset[str] = frozenset()  # folded (see `fold`): any of them

    def matches(self, action: Action, as_of: dt.date, registry: Registry | None = None) -> bool:
        """True when the action passes every filter."""
        if self.plans and action.plan not in self.plans:
            return False
        if self.parts and action.part not in self.parts:
            return False
        if self.sections and not any(_in_section(action, s) for s in self.sections):
            return False
        if self.kinds and not any(s.kind in self.kinds for s in action.schedules):
            return False
        if self.statuses and action.status_as_of(as_of) not in self.statuses:
            return False
        if self.partner is not None and not names_partner(action, self.partner, registry):
            return False
        if self.responsible and not any(fold(unit) in self.responsible for unit in action.responsible):
            return False
        if self.search is not None and not _found(_query(self.search), action):
            return False
        return self._due_matches(action)

    def _due_matches(self, action: Action) -> bool:
        if self.due_before is None and self.due_after is None:
            return True
        dues = [s.due for s in action.schedules if s.due is not None]
        return any(
            (self.due_before is None or due.last_day() < self.due_before.first_day())
            and (self.due_after is None or due.last_day() > self.due_after.last_day())
            for due in dues
        )


class PartnerFilter(NamedTuple):
    """`ilotc partners`' filters, combined with AND: a role (in a programme, or in any), an
    organisation type, and text in the partner's names, wording in the sources or id."""

    programme: str | None = None
    role: Role | None = None
    type: OrganisationType | None = None
    search: str | None = None

    def matches(self, partner: Partner) -> bool:
        """True when the partner passes every filter."""
        if self.programme is not None or self.role is not None:
            plays = any(
                (self.programme is None or played.programme == self.programme)
                and (self.role is None or played.role is self.role)
                for played in partner.roles
            )
            if not plays:
                return False
        if self.type is not None and partner.type is not self.type:
            return False
        if self.search is not None:
            wanted = fold(self.search)
            haystack = [partner.id, partner.name, partner.short_name or "", *partner.mentions]
            return any(wanted in fold(text) for text in haystack)
        return True


def close_partner_ids(partner_id: str, registry: Registry) -> list[str]:
    """The ids of the partners a mistyped id may mean: those whose id, name or short name is
    the given text (ignoring case and accents), then up to three ids spelled alike."""
    wanted = fold(partner_id.strip())
    if not wanted:
        return []
    close = [partner.id for partner in registry if wanted in _names_of(partner)]
    close += [c for c in difflib.get_close_matches(wanted, sorted(registry.ids), n=3) if c not in close]
    return close


def responsible_names(given: str, registry: Registry) -> frozenset[str]:
    """What `--responsible GIVEN` matches, folded: the text itself and, where it is a
    partner's id, name or short name, that partner's id, name and short name too."""
    wanted = fold(given.strip())
    found = {wanted}
    for partner in registry:
        names = _names_of(partner)
        if wanted in names:
            found |= names
    return frozenset(found)


def _names_of(partner: Partner) -> set[str]:
    """The partner's id, name and short name, folded."""
    names = {partner.id, fold(partner.name)}
    if partner.short_name:
        names.add(fold(partner.short_name))
    return names


def _in_section(action: Action, wanted: str) -> bool:
    # "1" matches section 1 and its issues 1a, 1b...; "1a" matches that issue only.
    return wanted in (action.section, action.section_number)


@lru_cache(maxsize=8)
def _query(search: str) -> str:
    """The search text folded once per query, not once per action (a query may be long)."""
    return fold(search)


def _found(query: str, action: Action) -> bool:
    # `in` gives up at once on a query longer than the text: only folding could be slow
    return query in _haystack(action)


def _haystack(action: Action) -> str:
    return fold(" ".join(filter(None, (action.text, action.timeline, action.issue_title))))


def names_partner(action: Action, partner_id: str, registry: Registry | None) -> bool:
    """True when the action names the partner or a group the partner belongs to."""
    wanted = registry.with_groups([partner_id]) if registry is not None else {partner_id}
    return any(named in wanted for named in action.partners)


def select(plan: Plan, where: ActionFilter, as_of: dt.date, registry: Registry | None = None) -> list[Action]:
    """The matching actions, in document order."""
    return [action for action in plan if where.matches(action, as_of, registry)]


def actions_by_partner(plan: Plan, registry: Registry) -> dict[str, list[str]]:
    """For every registered partner, the ids of the actions naming it or one of its groups.

    Gives, for each partner, the ids of the actions `names_partner` accepts (in document order), in one
    pass over the plan: each id an action names is mapped in advance to the partners it reaches
    (itself and every member of it, directly or through other groups).
    """
    reached_by: dict[str, list[str]] = {}
    for partner in registry:
        for named in registry.with_groups([partner.id]):
            reached_by.setdefault(named, []).append(partner.id)
    found: dict[str, list[str]] = {partner.id: [] for partner in registry}
    for action in plan:
        reached = {partner_id for named in action.partners for partner_id in reached_by.get(named, ())}
        for partner_id in reached:
            found[partner_id].append(action.id)
    return found

"""The partner registry as queries see it: partners, their groups, and who names them."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ilotc.model.vocab import IATI_TYPE_CODES, OrganisationType, Role


class Programme(NamedTuple):
    """A programme whose partners the registry records."""

    id: str
    name: str
    source: str | None = None
    note: str | None = None


class PartnerRole(NamedTuple):
    """A role an organisation plays in one programme."""

    programme: str
    role: Role


class Partner(NamedTuple):
    """An organisation, or a group of organisations (the fields of the registry file)."""

    id: str
    name: str
    type: OrganisationType
    short_name: str | None = None
    group: bool = False
    country: str | None = None
    iati_id: str | None = None
    member_of: tuple[str, ...] = ()
    roles: tuple[PartnerRole, ...] = ()
    mentions: tuple[str, ...] = ()
    note: str | None = None
    # its names in other languages: (language, ((field, text), ...)), see model/translations.py
    translations: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Registry:
    """A validated partner registry."""

    programmes: tuple[Programme, ...]
    partners: tuple[Partner, ...]

    def __iter__(self) -> Iterator[Partner]:
        return iter(self.partners)

    def __len__(self) -> int:
        return len(self.partners)

    @property
    def ids(self) -> frozenset[str]:
        """Every partner id."""
        return frozenset(partner.id for partner in self.partners)

    def get(self, partner_id: str) -> Partner | None:
        """The partner with this id, or None."""
        for partner in self.partners:
            if partner.id == partner_id:
                return partner
        return None

    def groups_of(self, partner_id: str) -> list[str]:
        """Every group the partner belongs to, directly or through other groups."""
        seen: list[str] = []
        todo = list(self._member_of(partner_id))
        while todo:
            group = todo.pop(0)
            if group not in seen:
                seen.append(group)
                todo.extend(self._member_of(group))
        return seen

    def members_of(self, group_id: str) -> list[str]:
        """The partners that belong directly to a group."""
        return [partner.id for partner in self.partners if group_id in partner.member_of]

    def with_groups(self, partner_ids: Iterable[str]) -> set[str]:
        """The partners named and every group they belong to."""
        found = set()
        for partner_id in partner_ids:
            found.add(partner_id)
            found.update(self.groups_of(partner_id))
        return found

    def _member_of(self, partner_id: str) -> list[str]:
        partner = self.get(partner_id)
        return list(partner.member_of) if partner is not None else []


def type_label(partner: Partner) -> str:
    """The IATI organisation type by name and code, e.g. 'Multilateral (40)'."""
    name = partner.type.value.replace("_", " ").capitalize().replace(" ngo", " NGO")
    return f"{name} ({IATI_TYPE_CODES[partner.type]})"

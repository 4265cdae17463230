"""The files' fixed vocabularies: timeline kinds, statuses, roles and organisation types.

Standard library only, so the command line can name them (option types, cached data)
without importing the schema models or the timeline reader.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """The kinds of schedule (CONTRACT, "Timeline kinds")."""

    DEADLINE = "deadline"
    MILESTONE = "milestone"
    START = "start"
    WINDOW = "window"
    RECURRING = "recurring"
    CONTINUOUS = "continuous"
    ONGOING = "ongoing"
    AS_NEEDED = "as_needed"
    LINKED = "linked"
    UNSPECIFIED = "unspecified"


class Status(StrEnum):
    """Where an action stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class OrganisationType(StrEnum):
    """IATI OrganisationType codelist, by name."""

    GOVERNMENT = "government"
    OTHER_PUBLIC_SECTOR = "other_public_sector"
    INTERNATIONAL_NGO = "international_ngo"
    NATIONAL_NGO = "national_ngo"
    REGIONAL_NGO = "regional_ngo"
    PARTNER_COUNTRY_NGO = "partner_country_ngo"
    PUBLIC_PRIVATE_PARTNERSHIP = "public_private_partnership"
    MULTILATERAL = "multilateral"
    FOUNDATION = "foundation"
    PRIVATE_SECTOR = "private_sector"
    ACADEMIC = "academic"
    OTHER = "other"


IATI_TYPE_CODES: dict[OrganisationType, int] = {
    OrganisationType.GOVERNMENT: 10,
    OrganisationType.OTHER_PUBLIC_SECTOR: 15,
    OrganisationType.INTERNATIONAL_NGO: 21,
    OrganisationType.NATIONAL_NGO: 22,
    OrganisationType.REGIONAL_NGO: 23,
    OrganisationType.PARTNER_COUNTRY_NGO: 24,
    OrganisationType.PUBLIC_PRIVATE_PARTNERSHIP: 30,
    OrganisationType.MULTILATERAL: 40,
    OrganisationType.FOUNDATION: 60,
    OrganisationType.PRIVATE_SECTOR: 70,
    OrganisationType.ACADEMIC: 80,
    OrganisationType.OTHER: 90,
}


class Role(StrEnum):
    """What an organisation does for a programme."""

    DONOR = "donor"
    FUNDS_TECHNICAL_ASSISTANCE = "funds_technical_assistance"
    FUNDS_INVESTMENT = "funds_investment"
    PARTNER = "partner"
    CONSTITUENT = "constituent"

"""Every label people read in a table or report header, one plain string per concept.

A concept has one label in every command and document (the terminal tables, Markdown,
HTML and text reports), so it is written here once; machine output (JSON keys, CSV headers,
enumerated values) never uses these. Each value is a plain string literal so that an
interface-language pass can wrap them in one place: each is marked with `N_` for the
catalogs and translated with `_` where it is shown (a table's header, a cell, a report line).
"""

from ilotc.i18n import N_
from ilotc.model.vocab import IATI_TYPE_CODES, OrganisationType, Role, Status

HEADERS = {
    "plan": N_("Plan"),
    "id": N_("Id"),
    "text": N_("Action"),
    "part": N_("Part"),
    "section": N_("Section"),
    "timeline": N_("Timeline"),
    "reads_as": N_("Reading"),
    "status": N_("Status"),
    "kind": N_("Kind"),
    "reason": N_("Reason"),
    "late_since": N_("Late since"),
    "days_late": N_("Days late"),
    "event": N_("Event"),
    "date": N_("Date"),
    "days_left": N_("Days left"),
    "name": N_("Name"),
    "partner_id": N_("Id"),
    "type": N_("Type"),
    "country": N_("Country"),
    "roles": N_("Roles"),
    "actions": N_("Actions"),
    "responsible": N_("Responsible"),
    "late": N_("Late"),
    "max_days_late": N_("Most days late"),
}
"""The header of each concept's column."""

STATUS_LABELS = {
    Status.PLANNED.value: N_("planned"),
    Status.IN_PROGRESS.value: N_("in progress"),
    Status.DONE.value: N_("done"),
    Status.CANCELLED.value: N_("cancelled"),
}
"""A status in words, in tables and reports alike (the JSON and CSV keep the values)."""
REASON_LABELS = {"due": N_("not finished"), "start": N_("not started")}
OCCURRENCE_MISSED = N_("occurrence missed")
"""Why a recurring action is late: it is never finished, an occurrence was missed."""
"""Why an action is overdue (the `reason` of an overdue record)."""
NO_ONE = N_("(no one named)")
"""The responsible unit of actions that name none (`overdue --by responsible`)."""
EVENT_LABELS = {"due": N_("falls due"), "start": N_("starts")}
"""What falls due next (the `reason` of an upcoming record)."""

TYPE_LABELS = {
    OrganisationType.GOVERNMENT.value: N_("Government"),
    OrganisationType.OTHER_PUBLIC_SECTOR.value: N_("Other public sector"),
    OrganisationType.INTERNATIONAL_NGO.value: N_("International NGO"),
    OrganisationType.NATIONAL_NGO.value: N_("National NGO"),
    OrganisationType.REGIONAL_NGO.value: N_("Regional NGO"),
    OrganisationType.PARTNER_COUNTRY_NGO.value: N_("Partner country based NGO"),
    OrganisationType.PUBLIC_PRIVATE_PARTNERSHIP.value: N_("Public private partnership"),
    OrganisationType.MULTILATERAL.value: N_("Multilateral"),
    OrganisationType.FOUNDATION.value: N_("Foundation"),
    OrganisationType.PRIVATE_SECTOR.value: N_("Private sector"),
    OrganisationType.ACADEMIC.value: N_("Academic, training and research"),
    OrganisationType.OTHER.value: N_("Other"),
}
"""An IATI organisation type in words, for people (JSON and CSV keep `type` and the English
`type_name`); the IATI code follows it, as in `type_name`."""
TYPE_CODES = {kind.value: code for kind, code in IATI_TYPE_CODES.items()}
ROLE_LABELS = {
    Role.DONOR.value: N_("donor"),
    Role.FUNDS_TECHNICAL_ASSISTANCE.value: N_("funds technical assistance"),
    Role.FUNDS_INVESTMENT.value: N_("funds investment"),
    Role.PARTNER.value: N_("partner"),
    Role.CONSTITUENT.value: N_("constituent"),
}
"""A partner's role in a programme, in words (`--role` and the JSON keep the values)."""

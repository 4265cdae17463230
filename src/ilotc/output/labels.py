"""Every label people read in a table or report header, one plain string per concept.

A concept has one label in every command and document (the terminal tables, Markdown,
HTML and text reports), so it is written here once; machine output (JSON keys, CSV headers,
enumerated values) never uses these. Each value is a plain string literal so that an
interface-language pass can wrap them in one place.
"""

from ilotc.vocab import Kind, Status

HEADERS = {
    "plan": "Plan",
    "id": "Id",
    "text": "Action",
    "part": "Part",
    "section": "Section",
    "timeline": "Timeline",
    "reads_as": "Reading",
    "status": "Status",
    "kind": "Kind",
    "reason": "Reason",
    "late_since": "Late since",
    "days_late": "Days late",
    "event": "Event",
    "date": "Date",
    "days_left": "Days left",
    "name": "Name",
    "partner_id": "Id",
    "type": "Type",
    "country": "Country",
    "roles": "Roles",
    "actions": "Actions",
}
"""The header of each concept's column."""

STATUS_LABELS = {
    Status.PLANNED.value: "planned",
    Status.IN_PROGRESS.value: "in progress",
    Status.DONE.value: "done",
    Status.CANCELLED.value: "cancelled",
}
"""A status in words, in tables and reports alike (the JSON and CSV keep the values)."""
KIND_LABELS = {
    Kind.DEADLINE.value: "Deadline",
    Kind.MILESTONE.value: "Milestone",
    Kind.START.value: "Start",
    Kind.WINDOW.value: "Window",
    Kind.RECURRING.value: "Recurring",
    Kind.CONTINUOUS.value: "Continuous",
    Kind.ONGOING.value: "Ongoing",
    Kind.AS_NEEDED.value: "As needed",
    Kind.LINKED.value: "Linked",
    Kind.UNSPECIFIED.value: "Unspecified",
}
REASON_LABELS = {"due": "not finished", "start": "not started"}
"""Why an action is overdue (the `reason` of an overdue record)."""
EVENT_LABELS = {"due": "falls due", "start": "starts"}
"""What falls due next (the `reason` of an upcoming record)."""
ACTIONS_NAMED = "{count} action(s)"
"""How many plan actions name a partner (under its roles in `partners`)."""

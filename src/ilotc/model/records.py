"""Actions and partners as flat records: what JSON, CSV and tables are made from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ilotc.model.plan import Action
from ilotc.model.punctuality import done_late_days
from ilotc.model.registry import Partner, Registry, type_label
from ilotc.model.schedule import short_reading


def _date(value: object) -> str | None:
    return None if value is None else str(value)


def action_record(action: Action, as_of: dt.date) -> dict[str, Any]:
    """CONTRACT's action record; `status` is the status as of `as_of`."""
    first = action.schedule
    return {
        "plan": action.plan,
        "id": action.id,
        "part": action.part,
        "section": action.section or None,
        "text": action.text,
        "timeline": action.timeline,
        "kind": str(first.kind),
        "start": _date(first.start),
        "due": _date(first.due),
        "every_months": first.every_months,
        "immediate": first.immediate,
        "status": str(action.status_as_of(as_of)),
        "partners": list(action.partners),
        "responsible": list(action.responsible),
        "done_late_days": done_late_days(action, as_of),
        "schedules": [schedule.to_json() for schedule in action.schedules],
        "part_title": action.part_title,
        "section_title": action.section_title,
        "issue_title": action.issue_title,
        "group_title": action.group_title,
        "history": [
            {"date": str(change.date), "status": str(change.status), "note": change.note}
            for change in action.history
        ],
        "note": action.note,
        "editorial_note": action.editorial_note,  # how it was transcribed (no report prints it)
    }


def action_row(action: Action, as_of: dt.date) -> dict[str, Any]:
    """What a table of actions shows (`output.columns.ACTION_TABLE`): plan, id, status, text,
    timeline and its short reading; a tenth of the work of a full record, for 10,000-row tables."""
    return {
        "plan": action.plan,
        "id": action.id,
        "text": action.text,
        "timeline": action.timeline,
        "status": str(action.status_as_of(as_of)),
        "responsible": list(action.responsible),
        "reads_as": "; ".join(
            short_reading(s.kind, s.start, s.due, s.every_months, s.immediate) for s in action.schedules
        ),
    }


def partner_record(partner: Partner, registry: Registry, actions: list[str]) -> dict[str, Any]:
    """CONTRACT's partner record, with the ids of the actions that name it or its groups."""
    return {
        "id": partner.id,
        "name": partner.name,
        "short_name": partner.short_name,
        "type": str(partner.type),
        "type_name": type_label(partner),
        "group": partner.group,
        "country": partner.country,
        "iati_id": partner.iati_id,
        "roles": [{"programme": role.programme, "role": str(role.role)} for role in partner.roles],
        "groups": registry.groups_of(partner.id),
        "members": registry.members_of(partner.id),
        "mentions": list(partner.mentions),
        "note": partner.note,
        "actions": actions,
    }

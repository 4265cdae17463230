"""The export document: its one registry of formats (ics, json, csv, xlsx, docx), and flat records.

The CLI derives `ilotc export --format` and the `-o FILE` suffixes from `EXPORT_FORMATS`.
`json` and `csv` give every action as a record (CONTRACT's action record, plus the partners'
names); `ics` is the calendar of `ilotc.output.calendar`, imported only when asked for.

Pure: returns bytes or text; no printing, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ilotc.model.plan import Action, Plan
from ilotc.model.records import action_record
from ilotc.model.registry import Registry
from ilotc.output.calendar import export_ics
from ilotc.output.columns import EXPORT_COLUMNS, XLSX_EXPORT_KEYS
from ilotc.output.database import export_sqlite
from ilotc.output.listing import to_csv, to_json
from ilotc.output.office import plan_docx, records_xlsx, returns_xlsx


def export_records(
    plan: Plan, registry: Registry, as_of: dt.date, actions: Iterable[Action] | None = None
) -> list[dict[str, Any]]:
    """Each action's record (of `actions`, else every action; status as of `as_of`), with
    `partner_names` beside `partners`."""
    records = []
    for action in plan if actions is None else actions:
        record = action_record(action, as_of)
        names = []
        for partner_id in action.partners:
            partner = registry.get(partner_id)
            names.append(partner.name if partner is not None else partner_id)
        record["partner_names"] = names
        records.append(record)
    return records


def export_json(
    plan: Plan, registry: Registry, as_of: dt.date, actions: Iterable[Action] | None = None
) -> str:
    """One JSON array of each action's record."""
    return to_json(export_records(plan, registry, as_of, actions))


def export_csv(
    plan: Plan,
    registry: Registry,
    as_of: dt.date,
    actions: Iterable[Action] | None = None,
    *,
    raw: bool = False,
) -> str:
    """A header row, then a row per action; lists joined with '; ' (RFC 4180, formula cells
    neutralised unless `raw`: see `output.listing.to_csv`)."""
    return to_csv(export_records(plan, registry, as_of, actions), EXPORT_COLUMNS, raw=raw)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What an export is made of: the plan, its registry, the chosen actions, and the options
    some formats read (`as_of` for statuses in records, `stamp` and `alarm_days` for the
    calendar, `raw_csv` for CSV)."""

    plan: Plan
    registry: Registry
    actions: Sequence[Action]
    as_of: dt.date
    stamp: dt.datetime | None = None
    alarm_days: int | None = None
    raw_csv: bool = False
    plan_days: dict[str, dt.date | None] | None = None  # each plan's date, by name (see calendar_entries)
    uid_hosts: dict[str, str] | None = None  # each plan's calendar UID host, by name
    events: bool = False  # ics: deadlines as all-day events, for clients that ignore to-dos
    bom: bool = False  # csv: a UTF-8 byte order mark first, for Excel
    returns: bool = False  # xlsx: the status returns sheet to send out, not the records
    plans: tuple[Plan, ...] = ()  # each plan in use, for sqlite's `plans` table
    registries: tuple[Registry, ...] = ()  # each plan's registry, for sqlite's `partners` table


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """A format of the export: its name, the format names of file suffixes that mean it, its
    help, and its writer."""

    name: str
    written_as: tuple[str, ...]
    help: str
    render: Callable[[ExportRequest], bytes]


def _ics(request: ExportRequest) -> bytes:

    return export_ics(
        request.plan,
        request.actions,
        stamp=request.stamp,
        alarm_days=request.alarm_days,
        plan_days=request.plan_days,
        uid_hosts=request.uid_hosts,
        events=request.events,
    )


def _json(request: ExportRequest) -> bytes:
    return export_json(request.plan, request.registry, request.as_of, request.actions).encode("utf-8")


def _csv(request: ExportRequest) -> bytes:
    text = export_csv(request.plan, request.registry, request.as_of, request.actions, raw=request.raw_csv)
    return ("\ufeff" + text if request.bom else text).encode("utf-8")


def _xlsx(request: ExportRequest) -> bytes:
    records = [action_record(action, request.as_of) for action in request.actions]
    if request.returns:
        several = len({action.plan for action in request.actions}) > 1
        return returns_xlsx(request.actions, records, several)
    return records_xlsx(records, XLSX_EXPORT_KEYS, request.plan.name)


def _docx(request: ExportRequest) -> bytes:
    return plan_docx(request.plan, request.actions)


def _sqlite(request: ExportRequest) -> bytes:
    return export_sqlite(
        request.plans or (request.plan,),
        request.registries or (request.registry,),
        request.actions,
        request.as_of,
    )


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "ics",
            ("ics",),
            "the dated schedules as an RFC 5545 calendar (to-dos for deadlines, milestones, window "
            "ends and recurring actions; all-day events for starts)",
            _ics,
        ),
        ExportFormat("json", ("json",), "every action as a flat record, one JSON array", _json),
        ExportFormat("csv", ("csv",), "every action as a flat record, one CSV row", _csv),
        ExportFormat("xlsx", ("xlsx",), "every action as a row of a spreadsheet, one sheet per plan", _xlsx),
        ExportFormat("docx", ("docx",), "the plan as its table in a Word document", _docx),
        ExportFormat(
            "sqlite",
            ("sqlite",),
            "plans, actions, schedules, status changes and partners as SQLite tables (-o FILE only)",
            _sqlite,
        ),
    )
}
"""The one registry of export formats, in the order `--format` lists them."""

EXPORT_SUFFIX_FORMATS = {name: fmt for fmt, found in EXPORT_FORMATS.items() for name in found.written_as}
"""The export format each file-suffix format name means (`cli.output.SUFFIX_FORMATS`)."""

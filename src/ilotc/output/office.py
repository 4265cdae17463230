"""Records and the plan as office documents: .xlsx sheets (listings, export, returns), the .docx table.

The sheets' layout is `ilotc.office.writing`'s; this module decides what goes in them:
- a listing or export as one row per record, one sheet per plan, its headers the record keys
  (as CSV); `start` and `due` as real date cells (a due month as its last day, a start month
  as its first) with the date as written beside the due (`due_month`); lists joined by "; ";
- the status returns sheet (`export --format xlsx --returns`): id, text, due, current status,
  then empty new status (a drop-down of the statuses in the interface language), date and note;
- the plan as its table (`export --format docx`): id, action, timeline, a heading row for each
  part and each section, in document order.
Every text passes through `ilotc.output.text.visible` (control characters shown escaped, as
in every output), and `office.writing` guards a text that starts with `=`.
"""

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from ilotc.i18n import _
from ilotc.model.dates import PlanDate
from ilotc.model.labels import HEADERS, STATUS_LABELS
from ilotc.model.plan import Action, Plan
from ilotc.model.vocab import Status
from ilotc.office.writing import Choices, DocRow, Sheet, docx_bytes, xlsx_bytes
from ilotc.output.text import visible

RETURNS_COLUMNS = ("id", "text", "due", "due_month", "status", "new_status", "date", "note")
"""The status returns sheet's columns, as `update --from` reads them (record keys, as CSV)."""


def _date_cell(key: str, value: Any) -> Any:
    """`start` as its first day and `due` as its last, as date cells; else None."""
    if not isinstance(value, str):
        return None
    try:
        date = PlanDate.parse(value)
    except ValueError:
        return None
    return date.first_day() if key == "start" else date.last_day()


def _value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    if isinstance(value, list):
        return visible("; ".join(_plain(item) for item in value))
    if isinstance(value, dict):
        return visible(json.dumps(value, ensure_ascii=False))
    return visible(str(value))


def _plain(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False) if isinstance(item, dict) else str(item)


def record_headers(keys: Sequence[str]) -> list[str]:
    """The sheet's headers for these record keys: `due_month` after `due`."""
    headers: list[str] = []
    for key in keys:
        headers.append(key)
        if key == "due":
            headers.append("due_month")
    return headers


def record_row(record: dict[str, Any], keys: Sequence[str]) -> list[Any]:
    """A record as a sheet row: dates as date cells, the due as written in `due_month`."""
    row: list[Any] = []
    for key in keys:
        value = record.get(key)
        if key in ("start", "due"):
            row.append(_date_cell(key, value))
            if key == "due":
                row.append(value)
        else:
            row.append(_value(value))
    return row


def records_xlsx(records: Sequence[dict[str, Any]], keys: Sequence[str], default_name: str) -> bytes:
    """The records as a workbook: one sheet per plan (records carry `plan`), a row each."""
    by_plan: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_plan.setdefault(str(record.get("plan") or default_name), []).append(record)
    if not by_plan:
        by_plan[default_name] = []
    headers = record_headers(keys)
    sheets = [
        Sheet(name, headers, [record_row(record, keys) for record in chosen])
        for name, chosen in by_plan.items()
    ]
    return xlsx_bytes(sheets)


def _status_words() -> dict[str, str]:
    return {status.value: _(STATUS_LABELS[status.value]) for status in Status}


def returns_xlsx(actions: Sequence[Action], records: Sequence[dict[str, Any]], several: bool) -> bytes:
    """The status returns sheet: a row per action to fill in, one sheet per plan."""
    words = _status_words()
    choices = Choices(
        RETURNS_COLUMNS.index("new_status"),
        tuple(words.values()),
        _("Choose the action's new status."),
        _("Choose a status from the list."),
    )
    by_plan: dict[str, list[list[Any]]] = {}
    for action, record in zip(actions, records, strict=True):
        ident = f"{action.plan}:{action.id}" if several else action.id
        row = [
            ident,
            visible(action.text),
            _date_cell("due", record["due"]),
            record["due"],
            words.get(record["status"], record["status"]),
            None,
            None,
            None,
        ]
        by_plan.setdefault(action.plan, []).append(row)
    return xlsx_bytes([Sheet(name, RETURNS_COLUMNS, rows, choices) for name, rows in by_plan.items()])


def plan_docx(plan: Plan, actions: Sequence[Action]) -> bytes:
    """The plan as its table: id, action and timeline, a heading row per part and section
    (`I. title`, `1a. title`), a timeline shared by several actions repeated on each."""
    rows: list[DocRow] = []
    part = section = None
    for action in actions:
        if (action.plan, action.part) != part:
            part, section = (action.plan, action.part), None
            rows.append(DocRow([visible(f"{action.part}. {action.part_title}")], heading=True))
        if action.section and (action.plan, action.part, action.section) != section:
            section = (action.plan, action.part, action.section)
            title = action.issue_title or action.section_title
            rows.append(DocRow([visible(f"{action.section}. {title}")], heading=True))
        rows.append(DocRow([visible(action.id), visible(action.text), visible(action.timeline or "")]))
    headers = [_(HEADERS["id"]), _(HEADERS["text"]), _(HEADERS["timeline"])]
    return docx_bytes(visible(plan.document.title), headers, rows)

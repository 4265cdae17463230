"""Status returns: the filled rows of a returns sheet (or CSV) as status changes, every problem placed.

Pure: the tables (`ilotc.office.reading`) and the plan in; the changes to record, the rows
skipped, and the problems out, each problem with its sheet, row and column. Nothing is
applied unless every filled row can be (`ilotc.edit.updating.update_batch` records them).
- Columns are the returns sheet's own (`id`, `new_status`, `date`, `note`; a file with no
  `new_status` column may give the new status under `status`), found in the first rows.
- A status is its value (`done`) or its label in English, French or Spanish ("terminée").
- A date is a date cell or `YYYY-MM[-DD]` text; left empty, it is `today`.
- A row already recorded (the same date, status and note in the action's history: a sheet
  applied twice) is skipped and counted, as is a row whose new status is the action's current
  one, with no note: either changes nothing
  and counted.
"""

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from ilotc.edit.editing import StatusUpdate
from ilotc.i18n import _, catalog
from ilotc.model.dates import DateFormatError, PlanDate
from ilotc.model.labels import STATUS_LABELS
from ilotc.model.plan import Action, Plan
from ilotc.model.queries import fold
from ilotc.model.vocab import Status
from ilotc.office.reading import Place, Row, Table

LANGUAGES = ("en", "fr", "es")


class ReturnProblem(NamedTuple):
    """Why a row of the returns cannot be applied, and where."""

    place: Place
    message: str

    def words(self) -> str:
        """'Sheet1, row 4, column F: ...'."""
        return f"{self.place.words()}: {self.message}"


class Returned(NamedTuple):
    """A filled row: the action it changes and the change."""

    action: Action
    change: StatusUpdate
    place: Place


class Returns(NamedTuple):
    """What a returns file asks: changes, rows skipped as no change, and problems."""

    changes: list[Returned]
    skipped: int
    problems: list[ReturnProblem]


def status_words() -> dict[str, Status]:
    """Every way a status may be written, folded: its value, and its label in each language."""
    words: dict[str, Status] = {}
    for status in Status:
        words[fold(status.value)] = status
        words[fold(status.value.replace("_", " "))] = status
        for lang in LANGUAGES:
            words[fold(catalog(lang).gettext(STATUS_LABELS[status.value]))] = status
    return words


def _columns(table: Table) -> tuple[int, dict[str, int]] | None:
    """The header row's index and its columns: the first row with `id` and a status column."""
    for index, row in enumerate(table.rows[:20]):
        names = {fold(cell.text.strip()): n for n, cell in enumerate(row.cells) if cell.text.strip()}
        status = names.get("new_status", names.get("status"))
        if "id" in names and status is not None:
            found = {"id": names["id"], "new_status": status}
            for key in ("date", "note"):
                if key in names:
                    found[key] = names[key]
            return index, found
    return None


def _text(row: Row, position: int | None) -> str:
    if position is None or position >= len(row.cells):
        return ""
    return row.cells[position].text.strip()


def _date(row: Row, position: int | None, today: dt.date) -> PlanDate | str:
    """The row's date, or why it cannot be read."""
    if position is None or position >= len(row.cells) or not row.cells[position].text.strip():
        return PlanDate.of(today)
    value = row.cells[position].value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PlanDate.of(value)
    text = row.cells[position].text.strip()
    try:
        return PlanDate.parse(text)
    except (DateFormatError, ValueError):
        return _("{value!r} is not a date: expected a date cell or YYYY-MM or YYYY-MM-DD").format(value=text)


def read_returns(tables: Sequence[Table], plan: Plan, today: dt.date, *, undo: bool = False) -> Returns:
    """The changes the filled rows of every table ask for, checked against the plan; with
    `undo`, the changes to take back: each must be its action's last recorded change (a row
    that changed nothing when applied is skipped again)."""
    words = status_words()
    result = Returns([], 0, [])
    seen: dict[tuple[str, str], Place] = {}
    found_any = False
    for table in tables:
        header = _columns(table)
        if header is None:
            continue
        found_any = True
        index, columns = header
        for row in table.rows[index + 1 :]:
            skipped = _row(table, row, columns, (plan, today, undo), words, result, seen)
            result = result._replace(skipped=result.skipped + skipped)
    if not found_any and tables:
        first = tables[0]
        result.problems.append(
            ReturnProblem(
                Place(first.name, 1, 1),
                _("no header with an 'id' and a 'new_status' (or 'status') column: not a returns sheet"),
            )
        )
    return result


def _row(
    table: Table,
    row: Row,
    columns: dict[str, int],
    asked: tuple[Plan, dt.date, bool],
    words: dict[str, Status],
    result: Returns,
    seen: dict[tuple[str, str], Place],
) -> int:
    """Check one row, adding its change or its problems to `result`; 1 when skipped, else 0."""
    plan, today, undo = asked

    def place(key: str) -> Place:
        return Place(table.name, row.number, columns[key] + 1)

    written = _text(row, columns["new_status"])
    note = _text(row, columns.get("note")) or None
    if not written:
        if note or _text(row, columns.get("date")):
            result.problems.append(
                ReturnProblem(place("new_status"), _("a date or note without a new status"))
            )
        return 0
    ref = _text(row, columns["id"])
    named = plan.named(ref) if ref else []
    problems = []
    if len(named) != 1:
        why = (
            _("no action {id!r} in the plan").format(id=ref)
            if not named
            else _("{id!r} is in several plans: write PLAN:ID").format(id=ref)
        )
        problems.append(ReturnProblem(place("id"), why))
    status = words.get(fold(written))
    if status is None:
        choices = ", ".join(s.value for s in Status)
        problems.append(
            ReturnProblem(
                place("new_status"),
                _("{value!r} is not a status: expected {choices} (or their names)").format(
                    value=written, choices=choices
                ),
            )
        )
    date = _date(row, columns.get("date"), today)
    if isinstance(date, str):
        problems.append(ReturnProblem(place("date"), date))
    if problems:
        result.problems.extend(problems)
        return 0
    assert status is not None and isinstance(date, PlanDate)
    action = named[0]
    key = (action.plan, action.id)
    if key in seen:
        result.problems.append(
            ReturnProblem(
                place("id"),
                _("{id} already has a row ({where})").format(id=action.id, where=seen[key].words()),
            )
        )
        return 0
    seen[key] = place("id")
    change = StatusUpdate(action.id, status, date, note)
    if undo:
        last = action.history[-1] if action.history else None
        if last is not None and (last.date, last.status, last.note) == (date, status, note):
            result.changes.append(Returned(action, change, place("id")))
            return 0
        if status is action.latest_status and note is None:
            return 1
        result.problems.append(
            ReturnProblem(
                place("id"), _("{id}: this row is not its last recorded change").format(id=action.id)
            )
        )
        return 0
    if status is action.latest_status and note is None:
        return 1
    if any((done.date, done.status, done.note) == (date, status, note) for done in action.history):
        return 1  # recorded already: a sheet applied twice records each of its changes once
    result.changes.append(Returned(action, change, place("id")))
    return 0

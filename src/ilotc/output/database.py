"""The portfolio as an SQLite database (`export --format sqlite`), for any SQL tool.

Tables of plans, actions, schedules, status changes and partners, with keys and indexes,
for Datasette, DuckDB or `sqlite3`.

Built in memory with the standard library's `sqlite3` and returned as the bytes of the
database file (`Connection.serialize`), so the CLI writes it as it writes every document:
to a temporary file renamed over the old one, which a re-export replaces atomically.
Statuses are as of the export's date; `status_changes` keeps the whole history. Values are
the records' (`ilotc.model.records`): dates as `YYYY-MM` or `YYYY-MM-DD` text, which sorts
and compares in time order. Pure: no printing, no file.
"""

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from ilotc.model.plan import Action, Plan
from ilotc.model.punctuality import done_late_days
from ilotc.model.registry import Registry
from ilotc.model.vocab import Status

SCHEMA = """
CREATE TABLE plans (
    name TEXT PRIMARY KEY,          -- the plan's symbol, or its file name without extension
    title TEXT NOT NULL,
    symbol TEXT,
    organisation TEXT,
    body TEXT,
    session INTEGER,
    date TEXT,
    language TEXT,
    position INTEGER NOT NULL       -- the plan's place among the plans in use (path order)
);
CREATE TABLE actions (
    plan TEXT NOT NULL REFERENCES plans(name),
    id TEXT NOT NULL,
    part TEXT NOT NULL,
    section TEXT NOT NULL,
    text TEXT NOT NULL,
    timeline TEXT,
    kind TEXT NOT NULL,             -- of the first schedule
    start TEXT,
    due TEXT,
    every_months INTEGER,
    status TEXT NOT NULL,           -- as of the export's date (as_of)
    as_of TEXT NOT NULL,
    done_late_days INTEGER,
    note TEXT,
    position INTEGER NOT NULL,      -- document order across the plans
    PRIMARY KEY (plan, id)
);
CREATE INDEX actions_status ON actions (status);
CREATE INDEX actions_due ON actions (due);
CREATE INDEX actions_kind ON actions (kind);
CREATE TABLE schedules (
    plan TEXT NOT NULL,
    action_id TEXT NOT NULL,
    position INTEGER NOT NULL,      -- 0 for the first schedule, in the order written
    kind TEXT NOT NULL,
    start TEXT,
    due TEXT,
    every_months INTEGER,
    immediate INTEGER NOT NULL,     -- 0 or 1
    label TEXT,
    PRIMARY KEY (plan, action_id, position),
    FOREIGN KEY (plan, action_id) REFERENCES actions (plan, id)
);
CREATE INDEX schedules_due ON schedules (due);
CREATE TABLE status_changes (
    plan TEXT NOT NULL,
    action_id TEXT NOT NULL,
    position INTEGER NOT NULL,      -- in date order, as the plan file lists them
    date TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (plan, action_id, position),
    FOREIGN KEY (plan, action_id) REFERENCES actions (plan, id)
);
CREATE INDEX status_changes_date ON status_changes (date);
CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT,
    type TEXT NOT NULL,
    is_group INTEGER NOT NULL,      -- 0 or 1
    country TEXT,
    iati_id TEXT,
    roles TEXT NOT NULL             -- a JSON array of {"programme", "role"}
);
CREATE TABLE action_partners (
    plan TEXT NOT NULL,
    action_id TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    PRIMARY KEY (plan, action_id, partner_id),
    FOREIGN KEY (plan, action_id) REFERENCES actions (plan, id)
);
CREATE INDEX action_partners_partner ON action_partners (partner_id);
"""
"""The tables; `docs/portfolio.md` shows queries over them."""


def _plans(plans: Sequence[Plan]) -> Iterable[tuple[Any, ...]]:
    for position, plan in enumerate(plans):
        d = plan.document
        yield (plan.name, d.title, d.symbol, d.organisation, d.body, d.session, d.date, d.language, position)


def _partners(registries: Sequence[Registry]) -> Iterable[tuple[Any, ...]]:
    seen: set[str] = set()
    for registry in registries:
        for p in registry:
            if p.id in seen:  # the first registry's entry, as plans in path order would meet it
                continue
            seen.add(p.id)
            roles = json.dumps([{"programme": r.programme, "role": str(r.role)} for r in p.roles])
            yield (p.id, p.name, p.short_name, str(p.type), int(p.group), p.country, p.iati_id, roles)


def _statements() -> list[tuple[str, str]]:
    """SCHEMA's statements, each with the table it creates or indexes, in SCHEMA's order."""
    found = []
    for statement in SCHEMA.split(";"):
        words = " ".join(line.split("--")[0] for line in statement.splitlines()).split()
        if words:
            table = words[2] if words[1] == "TABLE" else words[words.index("ON") + 1]
            found.append((table, statement))
    return found


def export_sqlite(
    plans: Sequence[Plan], registries: Sequence[Registry], actions: Iterable[Action], as_of: dt.date
) -> bytes:
    """The bytes of an SQLite database of `plans` (their `actions` kept by the filters, status
    as of `as_of`) and the partners of `registries`."""
    day = as_of.isoformat()
    rows: list[tuple[Any, ...]] = []
    schedules: list[tuple[Any, ...]] = []
    changes: list[tuple[Any, ...]] = []
    links: list[tuple[str, str, str]] = []
    # each row from the action itself, not its JSON record (action_record): the same values,
    # without the record's titles, partners and history lists that no column holds
    done = Status.DONE
    for position, action in enumerate(actions):
        plan, key, schedules_of = action.plan, action.id, action.schedules
        first = schedules_of[0]
        status = action.status_as_of(as_of)
        rows.append(
            (
                plan,
                key,
                action.part,
                action.section,
                action.text,
                action.timeline,
                str(first.kind),
                None if first.start is None else str(first.start),
                None if first.due is None else str(first.due),
                first.every_months,
                str(status),
                day,
                done_late_days(action, as_of) if status is done else None,
                action.note,
                position,
            )
        )
        schedules.extend(
            (
                plan,
                key,
                number,
                str(schedule.kind),
                None if schedule.start is None else str(schedule.start),
                None if schedule.due is None else str(schedule.due),
                schedule.every_months,
                int(schedule.immediate),
                schedule.label,
            )
            for number, schedule in enumerate(schedules_of)
        )
        if action.history:
            changes.extend(
                (plan, key, number, str(change.date), str(change.status), change.note)
                for number, change in enumerate(action.history)
            )
        if action.partners:
            links.extend((plan, key, partner) for partner in dict.fromkeys(action.partners))
    inserts = {
        "plans": ("INSERT INTO plans VALUES (?,?,?,?,?,?,?,?,?)", _plans(plans)),
        "actions": ("INSERT INTO actions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows),
        "schedules": ("INSERT INTO schedules VALUES (?,?,?,?,?,?,?,?,?)", schedules),
        "status_changes": ("INSERT INTO status_changes VALUES (?,?,?,?,?,?)", changes),
        "partners": ("INSERT INTO partners VALUES (?,?,?,?,?,?,?,?)", _partners(registries)),
        "action_partners": ("INSERT INTO action_partners VALUES (?,?,?)", links),
    }
    connection = sqlite3.connect(":memory:", isolation_level=None)  # transactions by hand
    try:
        # one transaction, no rollback journal: the database is built from nothing, and a
        # failure throws it away whole
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("BEGIN")
        for table, statement in _statements():
            connection.execute(statement)
            if table in inserts:
                # a table's rows go in before its indexes are made (one sort each, not an
                # index kept up to date row by row), in SCHEMA's order of statements so
                # the schema lists them as it always did
                connection.executemany(*inserts.pop(table))
        connection.execute("COMMIT")
        return connection.serialize()
    finally:
        connection.close()

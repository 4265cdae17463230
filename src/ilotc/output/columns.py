"""Every column set of every listing and export: which record fields a table, CSV or Markdown shows.

Tables for people take their headers from `ilotc.model.labels`, so a concept reads the same
in every command (translated when a table is drawn: `Column.title`); CSV and Markdown
listings are headed by the record keys, as JSON is.
"""

import functools
from collections.abc import Sequence
from typing import Any

from ilotc.i18n import N_, _, language, ngettext, pgettext
from ilotc.model.labels import (
    EVENT_LABELS,
    HEADERS,
    NO_ONE,
    OCCURRENCE_MISSED,
    REASON_LABELS,
    ROLE_LABELS,
    STATUS_LABELS,
    TYPE_CODES,
    TYPE_LABELS,
)
from ilotc.output.cells import Column
from ilotc.output.listing import reads_as, status_style


def _dim(_value: Any, _record: dict[str, Any]) -> str:
    return "dim"


def _late_style(value: Any, _record: dict[str, Any]) -> str:
    return "bold red" if isinstance(value, int) and value > 90 else "red"


def status_label(status: str) -> str:
    """A status in the interface language ("in progress", "en cours")."""
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else str(status)


def _status_label(record: dict[str, Any]) -> str:
    return status_label(record["status"])


_SHORT_WORDS: dict[str, dict[str, str]] = {}


def _short_words() -> dict[str, str]:
    """The words of a short reading in the interface language (English: the values), looked
    up once per language rather than once per row."""
    lang = language()
    if lang not in _SHORT_WORDS:
        _SHORT_WORDS[lang] = _short_words_now()
    return _SHORT_WORDS[lang]


def _short_words_now() -> dict[str, str]:
    return {
        "deadline": pgettext("short reading", "deadline"),
        "milestone": pgettext("short reading", "milestone"),
        "start": pgettext("short reading", "start"),
        "window": pgettext("short reading", "window"),
        "recurring": pgettext("short reading", "recurring"),
        "continuous": pgettext("short reading", "continuous"),
        "ongoing": pgettext("short reading", "ongoing"),
        "as_needed": pgettext("short reading", "as_needed"),
        "linked": pgettext("short reading", "linked"),
        "unspecified": pgettext("short reading", "unspecified"),
        "now": pgettext("short reading", "now"),
    }


def _reading(record: dict[str, Any]) -> str:
    """The short reading under a timeline ('→ deadline 2000-04'), its words in the interface
    language for people; CSV and JSON keep `reads_as` as it is."""
    return _reading_in(str(record["reads_as"]), language())


def reading_in_words(reads_as: str) -> str:
    """A short reading ('deadline 2000-04; start now') in the interface language's words, as
    tables show it under a timeline (without the arrow): for `diff`'s sentences too."""
    return _reading_in(reads_as, language()).removeprefix("→ ")


@functools.lru_cache(maxsize=4096)
def _reading_in(reads_as: str, lang: str) -> str:
    """The reading of `reads_as` in `lang`, the language in use (an argument so that the cache
    keeps each language's), made once per distinct reading: a 10,000-action table has a few
    dozen, and translating every row's took 17 ms."""
    words = _short_words()
    pieces = []
    for piece in reads_as.split("; "):
        kind, space, rest = piece.partition(" ")
        if rest.endswith("m") and rest[:-1].isdigit():
            rest = pgettext("short reading", "{months}m").format(months=rest[:-1])
        pieces.append(words.get(kind, kind) + space + words.get(rest, rest))
    return "→ " + "; ".join(pieces)


def _reason(record: dict[str, Any]) -> str:
    reason = record["reason"]
    schedules = record.get("schedules") or []
    if reason == "due" and schedules and all(s.get("kind") == "recurring" for s in schedules):
        return _(OCCURRENCE_MISSED)  # a recurring action is never finished
    if reason == "due" and record.get("status") == "planned" and record.get("kind") == "milestone":
        reason = "start"  # a late milestone of an action not yet begun: "not started", not "not finished"
    return _(REASON_LABELS[reason]) if reason in REASON_LABELS else str(reason)


def _event(record: dict[str, Any]) -> str:
    reason = record["reason"]
    return _(EVENT_LABELS[reason]) if reason in EVENT_LABELS else str(reason)


def roles_cells(record: dict[str, Any]) -> list[str]:
    """A record's roles per programme, e.g. ['himo: donor, partner', 'plan-ct: partner']."""
    by_programme: dict[str, list[str]] = {}
    for played in record["roles"]:
        by_programme.setdefault(played["programme"], []).append(played["role"])
    return [f"{programme}: {', '.join(roles)}" for programme, roles in by_programme.items()]


def role_label(role: str) -> str:
    """A role in the interface language: 'funds technical assistance' (words that wrap)."""
    return _(ROLE_LABELS[role]) if role in ROLE_LABELS else role.replace("_", " ")


def type_label_shown(record: dict[str, Any]) -> str:
    """A partner's IATI type in the interface language with its code: 'Multilatéral (40)'."""
    kind = record["type"]
    if kind not in TYPE_LABELS:
        return str(record["type_name"])
    return f"{_(TYPE_LABELS[kind])} ({TYPE_CODES[kind]})"


def _roles_shown(record: dict[str, Any]) -> list[str]:
    """The roles for people, in the interface language, per programme."""
    by_programme: dict[str, list[str]] = {}
    for played in record["roles"]:
        by_programme.setdefault(played["programme"], []).append(role_label(played["role"]))
    return [f"{programme}: {', '.join(roles)}" for programme, roles in by_programme.items()]


def _name_cell(record: dict[str, Any]) -> str:
    short = record["short_name"]
    return f"{record['name']} ({short})" if short else str(record["name"])


def _action_count(record: dict[str, Any]) -> str:
    count = len(record["actions"])
    return ngettext("{count} action(s)", "{count} action(s)", count).format(count=count)


def _keys(*keys: str) -> tuple[Column, ...]:
    return tuple(Column(key, key) for key in keys)


PLAN_TABLE_COLUMN = Column("plan", HEADERS["plan"], whole=True)
PLAN_KEY_COLUMN = Column("plan", "plan")


def with_plan(columns: Sequence[Column], several: bool, *, table: bool) -> tuple[Column, ...]:
    """The columns, after the plan's where several plans are in use (JSON always has it)."""
    if not several:
        return tuple(columns)
    return (PLAN_TABLE_COLUMN if table else PLAN_KEY_COLUMN, *columns)


STATUS_BELOW = Column("status", HEADERS["status"], style=status_style, value=_status_label)
"""The status, shown under the id in tables, so an 80-column terminal keeps its width for text."""
ID_AND_STATUS = Column("id", HEADERS["id"], below=STATUS_BELOW)
ACTION_TEXT = Column("text", HEADERS["text"], wrap=True)

ACTION_TABLE = (
    ID_AND_STATUS,
    ACTION_TEXT,
    Column(
        "timeline",
        HEADERS["timeline"],
        wrap=True,
        below=Column("reads_as", HEADERS["reads_as"], style=_dim, value=_reading),
    ),
)
"""`list` as a table: what fits a terminal, three columns on 80 (see records.action_row)."""
ACTION_COLUMNS = _keys(
    "id",
    "part",
    "section",
    "text",
    "timeline",
    "kind",
    "start",
    "due",
    "every_months",
    "status",
    "partners",
    "responsible",
    "done_late_days",
)
"""`list` and `show` as CSV or Markdown."""

RESPONSIBLE_COLUMN = Column("responsible", HEADERS["responsible"], wrap=True, optional=True)


def with_responsible(columns: Sequence[Column], records: Sequence[dict[str, Any]]) -> tuple[Column, ...]:
    """A table's columns, with who is responsible where any record names someone: a plan
    that names no one keeps its width for the text."""
    if any(record.get("responsible") for record in records):
        return (*columns, RESPONSIBLE_COLUMN)
    return tuple(columns)


OVERDUE_TABLE = (
    ID_AND_STATUS,
    ACTION_TEXT,
    Column(
        "reason",
        HEADERS["reason"],
        value=_reason,
        below=Column("late_since", HEADERS["late_since"], whole=True),
    ),
    Column("days_late", HEADERS["days_late"], style=_late_style),
)
"""`overdue` as a table: four columns, so that a 60-column terminal keeps every word whole."""
OVERDUE_COLUMNS = (*ACTION_COLUMNS, *_keys("reason", "late_since", "days_late"))

RESPONSIBLE_TABLE = (
    Column("responsible", HEADERS["responsible"], wrap=True, value=lambda r: r["responsible"] or _(NO_ONE)),
    Column("actions", HEADERS["actions"]),
    Column("late", HEADERS["late"], style=_late_style),
    Column("max_days_late", HEADERS["max_days_late"], style=_late_style),
)
"""`overdue --by responsible` as a table: late counts per responsible unit."""
RESPONSIBLE_COLUMNS = _keys("responsible", "actions", "late", "max_days_late")

UPCOMING_TABLE = (
    ID_AND_STATUS,
    ACTION_TEXT,
    Column("reason", HEADERS["event"], value=_event, below=Column("date", HEADERS["date"], whole=True)),
    Column("days_left", HEADERS["days_left"]),
)
UPCOMING_COLUMNS = (*ACTION_COLUMNS, *_keys("reason", "date", "days_left"))

PARTNER_TABLE = (
    Column(
        "name",
        HEADERS["name"],
        wrap=True,
        value=_name_cell,
        below=Column("id", HEADERS["partner_id"], style=_dim),
    ),
    Column("type_name", HEADERS["type"], value=type_label_shown, below=Column("country", HEADERS["country"])),
    Column(
        "roles",
        HEADERS["roles"],
        value=_roles_shown,
        below=Column("actions", HEADERS["actions"], style=_dim, value=_action_count),
    ),
)
"""`partners` as a table: the name with its id under it (ids run to 52 characters, so they
wrap after hyphens rather than take the width), the type with the country under it, the
roles with the number of actions naming the partner under them: three columns fit 60."""
PARTNER_COLUMNS = (
    *_keys("id", "name", "short_name", "type", "type_name", "group", "country", "iati_id"),
    Column("roles", "roles", value=roles_cells),
    *_keys("groups", "members", "actions"),
)


def _history(record: dict[str, Any]) -> list[str]:
    changes = []
    for change in record["history"]:
        note = f" ({change['note']})" if change["note"] else ""
        changes.append(f"{change['date']} {change['status']}{note}")
    return changes


def _flag(key: str) -> Any:
    return lambda record: "true" if record[key] else "false"


XLSX_EXPORT_KEYS = (
    "id",
    "part",
    "section",
    "part_title",
    "section_title",
    "issue_title",
    "text",
    "timeline",
    "kind",
    "start",
    "due",
    "every_months",
    "status",
    "partners",
    "responsible",
    "done_late_days",
    "note",
)
"""`export --format xlsx`: the record keys a row holds (`due_month` is added after `due`)."""

EXPORT_COLUMNS = (
    Column("id", "id"),
    Column("part", "part"),
    Column("section", "section"),
    Column("part_title", "part_title"),
    Column("section_title", "section_title"),
    Column("issue_title", "issue_title"),
    Column("group_title", "group_title"),
    Column("text", "text"),
    Column("timeline", "timeline"),
    Column("kind", "kind"),
    Column("start", "start"),
    Column("due", "due"),
    Column("every_months", "every_months"),
    Column("immediate", "immediate", value=_flag("immediate")),
    Column(
        "schedules",
        "schedules",
        value=lambda record: [reads_as({"schedules": [s]}) for s in record["schedules"]],
    ),
    Column("status", "status"),
    Column("partners", "partners"),
    Column("partner_names", "partner_names"),
    Column("responsible", "responsible"),
    Column("done_late_days", "done_late_days"),
    Column("history", "history", value=_history),
    Column("note", "note"),
)
"""`export --format csv`: every field of the flat record (`output.exports.export_records`);
lists (schedules, partners, history) joined with '; '."""


def _late_count_style(value: Any, _record: dict[str, Any]) -> str | None:
    return "red" if isinstance(value, int) and value > 0 else None


STATUS_TABLE = (
    Column("plan", HEADERS["plan"], whole=True, below=Column("title", N_("Title"), style=_dim)),
    Column("actions", HEADERS["actions"], whole=True),
    Column("done_percent", N_("Done %"), whole=True),
    Column("late", N_("Late"), whole=True, style=_late_count_style),
    Column("next_due", N_("Next due"), whole=True),
    Column("last_change", N_("Last change"), whole=True),
)
"""`status` as a table: a row per plan, its title under its name (model/portfolio.py)."""
STATUS_COLUMNS = _keys(
    "plan", "title", "actions", "done", "cancelled", "done_percent", "late", "next_due", "last_change"
)
"""`status` as CSV or Markdown: every field of the row."""

"""A schedule read from a timeline, the reading of a whole phrase, and both in words.

Kept apart from the reader (`ilotc.timeline`) so the plan's actions, and the data cached
from a validated plan, carry schedules without importing the grammar. Like the plan's
other value types they are named tuples: immutable, and cheap to define at start-up and
to restore from the cache.

In words (`describe`): "deadline: by April 30, 2000"; a milestone is of "first results", or
of "first initiatives" where its phrase says so ("Premières initiatives ...").

Each sentence is one message of the catalogs, never pieced together from fragments, so a
translation can order its words freely. A start date is a month ("in June 2000") or a day
("on June 1, 2000" in most languages); the English says "in" for both, so those messages
carry a context, `month` or `day` (written out at each call, for the extractor), that
lets French and Spanish tell them apart.
"""

from typing import NamedTuple

from ilotc.i18n import _, ngettext, pgettext
from ilotc.model.dates import PlanDate
from ilotc.model.vocab import Kind


class Schedule(NamedTuple):
    """One timing commitment: a kind and the dates it needs."""

    kind: Kind
    start: PlanDate | None = None
    due: PlanDate | None = None
    every_months: int | None = None
    immediate: bool = False
    label: str | None = None
    linked_to: str | None = None
    anchor: str | None = None  # a recurring date fixed in the year: "MM-DD", or "MM" for a month
    # "quarter" or "year" where `start`/`due` (a month) stands for one; a day or a month is
    # told by the date itself, so plain schedules stay equal to those written without it
    start_precision: str | None = None
    due_precision: str | None = None
    # a milestone of first initiatives ("premières initiatives"), not first results: only its
    # words differ, so it is no field of the JSON record
    initiatives: bool = False

    def to_json(self) -> dict[str, object]:
        """CONTRACT's schedule record, dates as `YYYY-MM` (or `YYYY-MM-DD`) strings."""
        record: dict[str, object] = {
            "kind": self.kind.value,
            "start": None if self.start is None else str(self.start),
            "due": None if self.due is None else str(self.due),
            "every_months": self.every_months,
            "immediate": self.immediate,
        }
        if self.label is not None:
            record["label"] = self.label
        if self.linked_to is not None:
            record["linked_to"] = self.linked_to
        if self.anchor is not None:
            record["anchor"] = self.anchor
        record["start_precision"] = _precision(self.start, self.start_precision)
        record["due_precision"] = _precision(self.due, self.due_precision)
        return record

    def start_ends(self) -> "PlanDate | None":
        """The last month of the period the start stands for: a year's start ("dès 2022") is
        late only after December, an early year's ("début 2000") after March."""
        if self.start is None or self.start.day is not None:
            return self.start
        if self.start_precision == "year":
            return PlanDate(self.start.year, 12)
        if self.start_precision == "quarter":
            return self.start.add_months(2 - (self.start.month - 1) % 3)
        return self.start

    def describe(self) -> str:
        """The schedule in words, in the interface language: "deadline: by April 30, 2000"."""
        return describe(self)


def _precision(date: PlanDate | None, stated: str | None) -> str | None:
    """CONTRACT's precision of a date: day, month, quarter or year; None without a date."""
    if date is None:
        return None
    return "day" if date.day is not None else stated or "month"


UNSPECIFIED = Schedule(Kind.UNSPECIFIED)


class Reading(NamedTuple):
    """How one timeline phrase was read."""

    text: str
    lang: str | None  # None where there is nothing to read (a blank phrase)
    schedules: tuple[Schedule, ...]
    reason: str | None = None  # why it is unspecified, or that it was cut to MAX_CHARS
    # how it was read (CONTRACT "Dates and 'as of'"): the language stated rather than detected,
    # the order of numeric dates and the month a fiscal year starts, where stated
    lang_stated: bool = False
    day_first: bool | None = None
    fiscal_year_start: int | None = None

    def to_json(self) -> dict[str, object]:
        """CONTRACT's `ilotc timeline --format json` object."""
        record: dict[str, object] = {
            "text": self.text,
            "lang": self.lang,
            "schedules": [schedule.to_json() for schedule in self.schedules],
        }
        if self.reason is not None:
            record["reason"] = self.reason
        return record

    @property
    def readable(self) -> bool:
        """True when at least one schedule was read."""
        return any(schedule.kind is not Kind.UNSPECIFIED for schedule in self.schedules)


def _dated(date: PlanDate | None, on_day: str, in_month: str) -> str:
    """The message for a start that is a day, or the one for a month."""
    return on_day if date is not None and date.day is not None else in_month


def _period(every_months: int | None) -> str:
    if every_months is None:
        return _("period not stated")
    return ngettext("every month", "every {count} months", every_months).format(count=every_months)


def _recurring(schedule: Schedule, start: str, due: str) -> str:
    period = _period(schedule.every_months)
    if schedule.start and schedule.due:
        message = _dated(
            schedule.start,
            pgettext("day", "recurring: {period} from {start} until {due}"),
            pgettext("month", "recurring: {period} from {start} until {due}"),
        )
    elif schedule.start:
        message = _dated(
            schedule.start,
            pgettext("day", "recurring: {period} from {start}"),
            pgettext("month", "recurring: {period} from {start}"),
        )
    elif schedule.due:
        message = _("recurring: {period} until {due}")
    else:
        message = _("recurring: {period}")
    return message.format(period=period, start=start, due=due)


def describe(schedule: Schedule) -> str:
    """The schedule in the interface language's words, dates in its CLDR forms."""
    unstated = _("an unstated date")
    start = schedule.start.describe() if schedule.start else unstated
    due = schedule.due.describe(end=True) if schedule.due else unstated
    match schedule.kind:
        case Kind.DEADLINE:
            return _("deadline: by {due}").format(due=due)
        case Kind.MILESTONE:
            if schedule.initiatives:
                return _("milestone: first initiatives by {due}").format(due=due)
            return _("milestone: first results by {due}").format(due=due)
        case Kind.START:
            if schedule.immediate:
                return _("start: immediately")
            return _dated(
                schedule.start, pgettext("day", "start: in {start}"), pgettext("month", "start: in {start}")
            ).format(start=start)
        case Kind.WINDOW:
            return _dated(
                schedule.start,
                pgettext("day", "window: from {start} to {due}"),
                pgettext("month", "window: from {start} to {due}"),
            ).format(start=start, due=due)
        case Kind.RECURRING:
            return _recurring(schedule, start, due)
        case Kind.CONTINUOUS:
            since = (
                pgettext("day", "continuous: from {start}"),
                pgettext("month", "continuous: from {start}"),
            )
            return _dated(schedule.start, *since).format(start=start) if schedule.start else _("continuous")
        case Kind.ONGOING:
            return _("ongoing: already under way")
        case Kind.AS_NEEDED:
            since = (pgettext("day", "as needed: from {start}"), pgettext("month", "as needed: from {start}"))
            return _dated(schedule.start, *since).format(start=start) if schedule.start else _("as needed")
        case Kind.LINKED:
            if schedule.linked_to:
                return _("linked to {target}").format(target=schedule.linked_to)
            return _("linked to another action's timetable")
        case _:
            return _("unspecified")


def short_reading(kind: object, start: object, due: object, every_months: int | None, immediate: bool) -> str:
    """One schedule's short reading: its kind, then its dates, 'now' or its period."""
    if immediate:
        return f"{kind} now"
    if start and due:
        return f"{kind} {start}..{due}"
    if start or due:
        return f"{kind} {start or due}"
    if every_months:
        return f"{kind} {every_months}m"
    return str(kind)

"""A schedule read from a timeline, and the reading of a whole phrase, as plain values.

Kept apart from the reader (`ilotc.timeline`) so the plan's actions, and the data cached
from a validated plan, carry schedules without importing the grammar. Like the plan's
other value types they are named tuples: immutable, and cheap to define at start-up and
to restore from the cache.
"""

from typing import NamedTuple

from ilotc.dates import PlanDate
from ilotc.vocab import Kind


class Schedule(NamedTuple):
    """One timing commitment: a kind and the dates it needs."""

    kind: Kind
    start: PlanDate | None = None
    due: PlanDate | None = None
    every_months: int | None = None
    immediate: bool = False
    label: str | None = None
    linked_to: str | None = None

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
        return record

    def describe(self) -> str:
        """The schedule in English words, e.g. "deadline: by 30 April 2000"."""
        start = self.start.describe() if self.start else "an unstated date"
        due = self.due.describe(end=True) if self.due else "an unstated date"
        from_start = f": from {start}" if self.start else ""
        match self.kind:
            case Kind.DEADLINE:
                return f"deadline: by {due}"
            case Kind.MILESTONE:
                return f"milestone: first results by {due}"
            case Kind.START:
                return "start: immediately" if self.immediate else f"start: in {start}"
            case Kind.WINDOW:
                return f"window: from {start} to {due}"
            case Kind.RECURRING:
                every = self.every_months
                period = "period not stated" if every is None else _every_text(every)
                since = f" from {start}" if self.start else ""
                return f"recurring: {period}{since}" + (f" until {due}" if self.due else "")
            case Kind.CONTINUOUS:
                return f"continuous{from_start}"
            case Kind.ONGOING:
                return "ongoing: already under way"
            case Kind.AS_NEEDED:
                return f"as needed{from_start}"
            case Kind.LINKED:
                target = self.linked_to or "another action's timetable"
                return f"linked to {target}"
            case _:
                return "unspecified"


def _every_text(months: int) -> str:
    return "every month" if months == 1 else f"every {months} months"


UNSPECIFIED = Schedule(Kind.UNSPECIFIED)


class Reading(NamedTuple):
    """How one timeline phrase was read."""

    text: str
    lang: str
    schedules: tuple[Schedule, ...]
    reason: str | None = None  # why it is unspecified, or that it was cut to MAX_CHARS

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

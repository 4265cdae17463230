"""A schedule read from a timeline, and the reading of a whole phrase, as plain values.

Kept apart from the reader (`ilotc.timeline`) so the plan's actions, and the data cached
from a validated plan, carry schedules without importing the grammar. Like the plan's
other value types they are named tuples: immutable, and cheap to define at start-up and
to restore from the cache.
"""

from typing import NamedTuple

from ilotc.dates import PlanDate
from ilotc.schedule_words import describe
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
        """The schedule in words, in the interface language: "deadline: by April 30, 2000"."""
        return describe(self)


UNSPECIFIED = Schedule(Kind.UNSPECIFIED)


class Reading(NamedTuple):
    """How one timeline phrase was read."""

    text: str
    lang: str | None  # None where there is nothing to read (a blank phrase)
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

"""Dates of month or day precision, as the plan writes them.

A plan date is `YYYY-MM` (a whole month) or `YYYY-MM-DD` (one day). CONTRACT's rules:
as a due date, a month means its whole period (met by its last day); as an as-of date or
a status change, a month means its first day.
"""

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple, Self

from ilotc.i18n import N_, _, long_date, month_year
from ilotc.model.value_types import own_kind_only

# ASCII digits only, and nothing around them (`\Z`: `$` would let a final newline through)
_DATE_FORM = re.compile(r"\A([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?\Z")

ACCEPTED_FORM = N_("YYYY-MM or YYYY-MM-DD (for example 2000-06 or 2000-06-15)")


@lru_cache(maxsize=4096)
def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _shifted(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) `months` after year-month."""
    year, month0 = divmod(year * 12 + month - 1 + months, 12)
    return year, month0 + 1


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the end of a shorter month.

    Past the calendar's last day (31 December 9999) the answer is that day: "never" here.
    """
    year, month = _shifted(day.year, day.month, months)
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, month, min(day.day, _days_in(year, month)))


class DateFormatError(ValueError):
    """A date string that is not a real `YYYY-MM` or `YYYY-MM-DD` date."""


# The modules that define the plan's named tuples do without `from __future__ import
# annotations`: NamedTuple compiles each string annotation of its fields into a ForwardRef
# at every start-up (0.5 ms over these modules). Names imported only for type checking,
# or defined further down, are quoted instead.
class _Fields(NamedTuple):
    year: int
    month: int
    day: int | None = None


@own_kind_only
class PlanDate(_Fields):
    """A month (`day` is None) or a single day.

    An immutable (year, month, day) tuple, so dates compare and sort in time order, and
    the cache restores thousands without a dataclass's Python-level `__setstate__`; equal
    only to another PlanDate, never to a plain tuple. Every way of making one (the
    constructor, `_make`, `_replace`, unpickling) checks that the date exists.
    """

    __slots__ = ()

    def __new__(cls, year: int, month: int, day: int | None = None) -> "PlanDate":
        if not 1 <= year <= 9999:
            raise DateFormatError(_("year {year} is out of range 1-9999").format(year=year))
        if not 1 <= month <= 12:
            raise DateFormatError(_("month {month:02d} does not exist").format(month=month))
        if day is not None and not 1 <= day <= _days_in(year, month):
            raise DateFormatError(
                _("day {day:02d} does not exist in {year:04d}-{month:02d}").format(
                    day=day, year=year, month=month
                )
            )
        return super().__new__(cls, year, month, day)

    @classmethod
    def _make(cls, iterable: Iterable[Any]) -> Self:  # type: ignore[override]  # same, typed simply
        # namedtuple's own `_make` (and so `_replace`) calls tuple.__new__, skipping the checks
        return cls(*iterable)

    @classmethod
    def parse(cls, text: str) -> "PlanDate":
        """Read `YYYY-MM` or `YYYY-MM-DD`; raise DateFormatError saying what is wrong."""
        match = _DATE_FORM.match(text) if isinstance(text, str) else None
        if match is None:
            raise DateFormatError(
                _("{text!r} is not a date; expected {form}").format(text=text, form=_(ACCEPTED_FORM))
            )
        year, month, day = match.groups()
        try:
            return cls(int(year), int(month), int(day) if day else None)
        except DateFormatError as error:
            raise DateFormatError(
                _("{text!r} is not a real date: {error}").format(text=text, error=error)
            ) from None

    @classmethod
    def of(cls, value: "PlanDate | dt.date | str") -> "PlanDate":
        """Coerce a PlanDate, a `datetime.date` (day precision) or a string."""
        if isinstance(value, PlanDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        return cls.parse(value)

    @classmethod
    def month_of(cls, year: int, month: int) -> "PlanDate":
        """The whole month `year-month`."""
        return cls(year, month)

    def as_month(self) -> "PlanDate":
        """The month this date falls in."""
        return PlanDate(self.year, self.month)

    def first_day(self) -> dt.date:
        """The first day of the period: what a month means as an as-of date or status change."""
        return dt.date(self.year, self.month, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day of the period: what a month means as a due date."""
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        return dt.date(self.year, self.month, _days_in(self.year, self.month))

    def add_months(self, months: int) -> "PlanDate":
        """Shift by whole months, keeping the precision; a day past the month's end is clamped."""
        year, month = _shifted(self.year, self.month, months)
        if self.day is None:
            return PlanDate(year, month)
        return PlanDate(year, month, min(self.day, _days_in(year, month)))

    def months_until(self, other: "PlanDate") -> int:
        """Whole calendar months from this date's month to `other`'s month."""
        return (other.year - self.year) * 12 + (other.month - self.month)

    def __str__(self) -> str:
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def describe(self, *, end: bool = False) -> str:
        """In words, in the interface language's CLDR forms: 'April 30, 2000' (a month's
        end, with `end`), 'April 1, 2000' (a day) or 'April 2000' (a month)."""
        if self.day is not None or end:
            return long_date(self.last_day() if end else self.first_day())
        return month_year(self.year, self.month)

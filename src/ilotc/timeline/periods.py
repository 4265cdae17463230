"""Period arithmetic shared by every language: parts of a year, spans of years, days.

A period is a pair of plan dates (first, last), each a month or a day. The grammars
only say which words name a period; how long a quarter, a half or a biennium is, and
where it starts, is decided here once.
"""

from __future__ import annotations

import datetime as dt

from ilotc.model.dates import DateFormatError, PlanDate

Period = tuple[PlanDate, PlanDate]

MIN_YEAR, MAX_YEAR = 1900, 2099
"""Four-digit numbers outside these are not read as years (they are counts or codes)."""

MAX_SPAN_YEARS = 10
"""A span of years longer than this ("1990-2030") is not read as a programme period."""


def is_year(value: int) -> bool:
    """True for a number the reader takes as a year."""
    return MIN_YEAR <= value <= MAX_YEAR


def whole_year(year: int) -> Period:
    """January to December of `year`."""
    return PlanDate(year, 1), PlanDate(year, 12)


def year_part(year: int, size: int, number: int) -> Period | None:
    """Part `number` (1-based; 0 the last) of `year` in parts of `size` months: Q3, H1..."""
    parts = 12 // size
    if not 0 <= number <= parts:
        return None
    first = PlanDate(year, 1).add_months(((number or parts) - 1) * size)
    return first, first.add_months(size - 1)


def middle(first: PlanDate, last: PlanDate) -> PlanDate:
    """The middle month of a period: June for a year, February for a quarter."""
    return first.add_months(first.months_until(last) // 2)


def later_year(first: int, written: str) -> int | None:
    """The closing year of a span written "2002-03" or "2002-2003", or None if none.

    Two digits continue the first year's century ("2010-15" is 2010 to 2015) and must close
    within MAX_SPAN_YEARS; four digits ("2005-2025") may close a span of any length."""
    if not written.isdigit() or len(written) not in (2, 4):
        return None
    value = int(written)
    if len(written) == 2:
        value += first - first % 100
        if value <= first:
            value += 100
    longest = MAX_SPAN_YEARS if len(written) == 2 else MAX_YEAR - MIN_YEAR
    return value if 0 < value - first <= longest and is_year(value) else None


def fiscal_years(first: int, last: int, start_month: int) -> Period:
    """Fiscal years `first` to `last` named by the calendar years they end in ("FY2019-20" is
    one fiscal year, ending in 2020), for fiscal years that start in `start_month`.

    A fiscal year starting in January is the calendar year. "FY2021" with fiscal years
    starting in July is July 2020 to June 2021 (named by the year it ends in, as the US,
    Australia and India name theirs)."""
    if start_month == 1:
        return PlanDate(first, 1), PlanDate(last, 12)
    return PlanDate(first - 1, start_month), PlanDate(last, start_month - 1)


def years(first: int, last: int) -> Period:
    """January of `first` to December of `last`: a biennium or a programme period."""
    return PlanDate(first, 1), PlanDate(last, 12)


def month(year: int, number: int) -> PlanDate | None:
    """The month `number` of `year`, or None where there is none (year 0, month 13)."""
    try:
        return PlanDate(year, number)
    except DateFormatError:
        return None


def day(year: int, month: int, number: int) -> PlanDate | None:
    """The day `number` of a month, or None where that day does not exist."""
    try:
        return PlanDate(year, month, number)
    except DateFormatError:
        return None


def next_period(date: PlanDate) -> PlanDate:
    """The day after a day, the month after a month: where "after DATE" starts."""
    if date.day is None:
        return date.add_months(1)
    after = date.last_day() + dt.timedelta(days=1)
    return PlanDate(after.year, after.month, after.day)


def previous_month(date: PlanDate) -> PlanDate:
    """The month before a month: what "before March" is due by."""
    return date.as_month().add_months(-1)

"""Read a numeric date ("16/02/2018", "2020-03-15", "07/2018") from a phrase's tokens.

The order of day and month is read where it is evident (16/02/2018, 02/16/2018, 05/05/2020)
or where the convention is known (`day_first`); otherwise, and for a two-digit year or a
day that does not exist, the date is not read and the reason is recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ilotc.timeline import periods, reasons
from ilotc.timeline.tokens import Token

SEPARATORS = frozenset({"/", "-", "."})
_DAY_ORDINALS = ("er", "re", "ere", "st", "nd", "rd", "th", "o", "e")


@dataclass(frozen=True, slots=True)
class Part:
    """A date as written, perhaps missing its year (and month): an opening of a range."""

    end: int
    day: int | None
    month: int | None
    year: int | None


def figures(tokens: Sequence[Token], i: int) -> str | None:
    """The one or two figures written at i where a day may be: "15", "02", "1er", "32nd"."""
    if not 0 <= i < len(tokens):
        return None
    text, kind = tokens[i].text, tokens[i].kind
    if kind == "ord":
        digits = text.rstrip("abcdefghijklmnopqrstuvwxyz")
        text = digits if text[len(digits) :] in _DAY_ORDINALS else ""
    elif kind != "num":
        return None
    return text if text.isdigit() and len(text) <= 2 else None


def day_number(tokens: Sequence[Token], i: int) -> int | None:
    """A day of a month at i: "15", "02", "1er", "1st", "15th", "1º"."""
    text = figures(tokens, i)
    return int(text) if text is not None and 1 <= int(text) <= 31 else None


def read(tokens: Sequence[Token], i: int, day_first: bool | None, unread: list[str]) -> Part | None:
    """The numeric date at token i, or None if there is none; `unread` gets why one is not read."""

    def at(k: int) -> str:
        return tokens[k].text if 0 <= k < len(tokens) else ""

    def is_num(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].kind == "num"

    a, sep = at(i), at(i + 1)
    if not is_num(i) or sep not in SEPARATORS or not is_num(i + 2):
        return None
    b = at(i + 2)
    if len(a) == 4 and sep == "-" and at(i + 3) == "-" and is_num(i + 4):
        return _checked(i + 5, int(a), int(b), int(at(i + 4)), unread)  # ISO 2020-03-15
    if len(a) <= 2 and len(b) == 4 and sep in ("/", ".") and 1 <= int(a) <= 12:
        if periods.month(int(b), int(a)) is None:  # 01/0000
            unread.append(reasons.NOT_A_MONTH.format(date=f"{a}{sep}{b}"))
            return Part(i + 3, None, None, None)
        return Part(i + 3, None, int(a), int(b))  # 07/2018
    if len(a) > 2 or len(b) > 2 or at(i + 3) != sep or not is_num(i + 4):
        return None
    c = at(i + 4)
    if len(c) != 4:
        unread.append(reasons.TWO_DIGIT_YEAR.format(date=f"{a}{sep}{b}{sep}{c}"))
        return Part(i + 5, None, None, None)
    first, second = int(a), int(b)
    if first > 12 >= second or first == second or (day_first and second <= 12):
        day, month = first, second
    elif second > 12 >= first or (day_first is False and first <= 12):
        day, month = second, first
    else:
        which = reasons.DAY_OR_MONTH if day_first is None else reasons.WHICH_DAY
        unread.append(which.format(date=f"{a}{sep}{b}{sep}{c}"))
        return Part(i + 5, None, None, None)
    return _checked(i + 5, int(c), month, day, unread)


def _checked(end: int, year: int, month: int, day: int, unread: list[str]) -> Part:
    if not 1 <= month <= 12 or periods.day(year, month, day) is None:
        unread.append(reasons.NOT_A_DAY.format(date=f"{year:04d}-{month:02d}-{day:02d}"))
        return Part(end, None, None, None)
    return Part(end, day, month, year)

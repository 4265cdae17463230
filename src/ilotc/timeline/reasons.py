"""Why a timeline is `unspecified` (or was cut): each reason's English template, and its words.

A reading keeps its reason in English, built from one of the templates below, so a stored or
cached reading and `timeline --format json` never depend on the interface language. Shown to
people, a reason is put into the interface language by `words`, which finds the templates it
was built from (a reason may hold several, joined with "; ", and "a date could not be read:"
holds another) and translates each with the values it was given.
"""

import re
from functools import cache

from ilotc.i18n import N_, SOURCE_LANGUAGE, _, language, quote

NO_TIMELINE = N_("no timeline")
UNRECOGNISED = N_("no date or timing expression recognised")
RELATIVE = N_("relative to an event: no calendar date is given")
EARLIEST = N_("an earliest date (not before) is no start and no deadline")
DATE_UNREAD = N_("a date could not be read: {why}")
CUT = N_("only the first {count} characters were read")
NO_YEAR = N_("the month {month} has no year")
TWO_DIGIT_YEAR = N_("{date} has a two-digit year")
DAY_OR_MONTH = N_("in {date} the day and month cannot be told apart")
WHICH_DAY = N_("in {date} the day cannot be told apart")
NOT_A_DAY = N_("{date} is not a real day")
NOT_A_MONTH = N_("{date} is not a real month")
SEASON = N_("the season {season} names no month")
NO_SUCH_DAY = N_("day {day} does not exist in {month}")
MONTH_OR_YEARS = N_("{span} may be a month or a span of years")
NOT_YEARS = N_("{span} is not a span of years read here")
SHIFTED_YEAR = N_("{span} may be a year that starts in a month not written")
BESIDE = N_("the date beside {word} could not be read")
FISCAL_YEAR = N_("{span} is a fiscal year, whose months the phrase does not give")
UNKNOWN_SESSION = N_("session {number} is not in the table of ILO meetings")
NOT_READ = N_("{word} was not read")

TEMPLATES = (
    NO_TIMELINE, UNRECOGNISED, RELATIVE, EARLIEST, DATE_UNREAD, CUT, NO_YEAR, TWO_DIGIT_YEAR,
    DAY_OR_MONTH, WHICH_DAY, NOT_A_DAY, NOT_A_MONTH, SEASON, NO_SUCH_DAY, MONTH_OR_YEARS, NOT_YEARS,
    SHIFTED_YEAR, BESIDE, FISCAL_YEAR, UNKNOWN_SESSION, NOT_READ,
)  # fmt: skip
"""Every reason a reading may give (longest match first is not needed: each is anchored)."""

_FIELD = re.compile(r"\{(\w+)\}")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    found = []
    for template in TEMPLATES:
        pieces = _FIELD.split(template)  # text, name, text, name, ..., text
        regex = "".join(re.escape(p) if n % 2 == 0 else f"(?P<{p}>.+)" for n, p in enumerate(pieces))
        found.append((re.compile(regex + r"\Z", re.DOTALL), template))
    return tuple(found)


def words(reason: str) -> str:
    """`reason` in the interface language (unchanged in English, or when it is not ours)."""
    return _("; ").join(_one(piece) for piece in reason.split("; "))


def _one(reason: str) -> str:
    for pattern, template in _patterns():
        found = pattern.match(reason)
        if found is not None:
            values = found.groupdict()
            if "why" in values:
                values["why"] = _one(values["why"])
            text = _(template)
            for name, value in values.items():
                text = text.replace("{" + name + "}", _requoted(value))
            return text
    return reason


_QUOTED = re.compile(r"'([^'\n]*)'\Z")


def _requoted(value: str) -> str:
    """A word the English reason quotes ('printemps') in the interface language's quotation
    marks (« printemps » in French)."""
    found = _QUOTED.match(value)
    if found is None or language() == SOURCE_LANGUAGE:
        return value
    return quote(found[1])

"""When the ILO's Governing Body and Conference sessions met, by session number.

Plans date work by meetings: "à sa 98e session (juin 2009)", "pour la 279e session du
Conseil d'administration", "the 104th Session (2015) of the Conference". This small
table gives the month of each session it covers.

Source: the sessions' own documents (ILO Governing Body and International Labour
Conference papers and minutes, which state each session's number and dates, e.g.
GB.317/PV "317th Session, Geneva, 6-28 March 2013", ILC.88/PR/2 listing the 275th (June
1999), 276th (November 1999) and 277th (March 2000) sessions). The Governing Body met
three times a year, in March, June and November; in 2012 it held two June sessions
(314th and 315th), which shifts the numbering after it.

Limits, stated so no date is guessed: only Governing Body sessions 271 to 337 (March
1998 to November 2019) and Conference sessions 85 to 108 (June 1997 to June 2019) are
known; a session that met across two months (26 October-9 November) is given its
closing month. A session outside the table, or whose number is not of a known body,
is not read as a date.
"""

from __future__ import annotations

from ilotc.model.dates import PlanDate

_GB_FIRST, _GB_LAST = 271, 337
_ILC_MARITIME = {84: PlanDate(1996, 10), 94: PlanDate(2006, 2)}  # maritime sessions
_ILC_FIRST, _ILC_LAST = 85, 108


def governing_body(number: int) -> PlanDate | None:
    """The month the Governing Body's session `number` met, or None outside the table."""
    if not _GB_FIRST <= number <= _GB_LAST:
        return None
    if 313 <= number <= 316:  # 2012: March, June (twice), November
        return PlanDate(2012, (3, 6, 6, 11)[number - 313])
    base = 271 if number < 313 else 317  # 271 March 1998; 317 March 2013
    year = 1998 if number < 313 else 2013
    offset = number - base
    return PlanDate(year + offset // 3, (3, 6, 11)[offset % 3])


def conference(number: int) -> PlanDate | None:
    """The month the International Labour Conference's session `number` met, or None."""
    if number in _ILC_MARITIME:
        return _ILC_MARITIME[number]
    if not _ILC_FIRST <= number <= _ILC_LAST:
        return None
    # 85th June 1997, one a year; the maritime 94th (February 2006) adds one in 2006
    return PlanDate(1997 + (number - 85) - (number > 94), 6)


def session(number: int) -> PlanDate | None:
    """The month of session `number`: the two bodies' numbers do not overlap."""
    return governing_body(number) or conference(number)

"""How a timeline phrase was read: its language, stated or detected, and the plan's settings.

Shown by `ilotc timeline` and `ilotc show`, so a reader sees what steered a reading. Imports
no part of the timeline reader: a view of a cached plan never loads it.
"""

from ilotc.i18n import _, language_name
from ilotc.model.schedule import Reading


def how_read(reading: Reading) -> str:
    """The language a phrase was read in, and whether it was stated or detected, with the
    settings that steered it: "English (stated); numeric dates day first; fiscal year from month 7"."""
    if reading.lang is None:
        words = [_("none (nothing to read)")]
    elif reading.lang_stated:
        words = [_("{lang} (stated)").format(lang=language_name(reading.lang))]
    else:
        words = [_("{lang} (detected)").format(lang=language_name(reading.lang))]
    if reading.day_first is not None:
        words.append(_("numeric dates day first") if reading.day_first else _("numeric dates month first"))
    if reading.fiscal_year_start is not None:
        words.append(_("fiscal year from month {month}").format(month=reading.fiscal_year_start))
    return _("; ").join(words)

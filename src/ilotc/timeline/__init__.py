"""Read a plan's free-text timeline ("Achevée en avril 2000") as schedules.

One reader, a grammar per language (`fr`, `en`, `es`, each with its own words), and
period arithmetic shared by all (`periods`, `meetings`). The layers:

1. `tokens`: normalise, tokenise, detect the language;
2. `spans`: the dates written (days, months, parts of years, spans of years, meetings,
   ranges), and those that cannot be read honestly, with the reason;
3. `cues`: words that say what a date means (start, end...) or what timing a clause has
   with no date (continuous, recurring, relative to an event...);
4. `clauses`: split the phrase and turn each clause into schedules.

Pure: no I/O. `read_timeline` never raises for a string, and never guesses: a phrase it
cannot read, or one with a date it cannot read, is `unspecified`, with the reason.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from ilotc.model.schedule import UNSPECIFIED, Reading, Schedule
from ilotc.model.vocab import Kind
from ilotc.timeline import reasons
from ilotc.timeline.accounting import unread_word
from ilotc.timeline.clauses import Phrase
from ilotc.timeline.grammar import Cue
from ilotc.timeline.tokens import GRAMMARS, Token, detect_language, tokenize

__all__ = [
    "LANGUAGES",
    "MAX_CHARS",
    "UNSPECIFIED",
    "Kind",
    "Reading",
    "ReadingSettings",
    "Schedule",
    "read_timeline",
]

MAX_CHARS = 1000
"""Only this many characters of a phrase are read (timelines are one line)."""

LANGUAGES = tuple(GRAMMARS)
"""The languages a phrase may be read in: fr, en, es."""


class ReadingSettings(NamedTuple):
    """How a plan says its phrases are read (its `document`'s `language`, `day_first` and
    `fiscal_year_start`); None where it says nothing."""

    lang: str | None = None
    day_first: bool | None = None
    fiscal_year_start: int | None = None


def read_timeline(
    text: str | None,
    lang: str | None = None,
    *,
    day_first: bool | None = None,
    fiscal_year_start: int | None = None,
) -> Reading:
    """Read a timeline phrase as one or more schedules, in the order written.

    lang None: detect French, English or Spanish from the words; else read as that
    language. day_first: how numeric dates like 03/04/2020 are written, where the plan
    states it; None takes the language's convention (day first in French and Spanish;
    in English only a date whose order is evident is read). fiscal_year_start: the month
    (1-12) a fiscal year starts in, for "FY2019-20" and "ejercicio 2021"; without it such a
    phrase is unspecified.
    Readings are immutable and plans repeat their phrases, so each phrase is read once
    per process and the same Reading returned after that.
    """
    if lang is not None and lang not in GRAMMARS:
        raise ValueError(f"lang must be one of {', '.join(GRAMMARS)}, not {lang!r}")
    if fiscal_year_start is not None and not 1 <= fiscal_year_start <= 12:
        raise ValueError(f"fiscal_year_start must be a month from 1 to 12, not {fiscal_year_start!r}")
    settings = ReadingSettings(lang, day_first, fiscal_year_start)
    if text is None or isinstance(text, str):
        return _read_cached(text, settings)
    return _read(text, settings)


def read_as(text: str | None, settings: ReadingSettings) -> Reading:
    """Read a phrase as a plan with these settings reads it."""
    return read_timeline(
        text, settings.lang, day_first=settings.day_first, fiscal_year_start=settings.fiscal_year_start
    )


@lru_cache(maxsize=4096)
def _read_cached(text: str | None, settings: ReadingSettings) -> Reading:
    return _read(text, settings)


_UNDECIDED = object()
"""Numeric dates in no stated order: only an evident order (16/02/2018) is read."""


def _read(text: str | None, settings: ReadingSettings) -> Reading:
    lang, day_first = settings.lang, settings.day_first
    if not isinstance(text, str) or not text.strip():
        given = text if isinstance(text, str) else ""
        return _how(Reading(given, lang, (UNSPECIFIED,), reasons.NO_TIMELINE), settings)
    head = text[:MAX_CHARS]
    note = reasons.CUT.format(count=MAX_CHARS) if len(text) > MAX_CHARS else None
    tokens = tokenize(head)
    candidates = [lang] if lang else detect_language(tokens, head)
    order: object = day_first
    if day_first is None:
        day_first = order = _evident_order(head)  # "08/01/2019 31/01/2019": 31/01 settles it
    if day_first is None and len({GRAMMARS[c].day_first for c in candidates}) > 1:
        # The words do not tell the language, and the candidates write numeric dates in
        # different orders: a date like 06/04/2002 is then read only where its order is evident.
        order = _UNDECIDED
    fiscal = settings.fiscal_year_start
    readings = (_reading(text, head, tokens, chosen, order, note, fiscal) for chosen in candidates)
    first = next(readings)
    if first.readable:
        return _how(first, settings)
    return _how(next((other for other in readings if other.readable), first), settings)


_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}(?![\d/.-])")


def _evident_order(text: str) -> bool | None:
    """The order of the phrase's numeric dates where one of them shows it (31/01/2019: day
    first) and none shows the other; None where none, or both, do."""
    shown = set()
    for first, second in _NUMERIC_DATE.findall(text):
        if int(first) > 12 >= int(second):
            shown.add(True)
        elif int(second) > 12 >= int(first):
            shown.add(False)
    return shown.pop() if len(shown) == 1 else None


def _how(reading: Reading, settings: ReadingSettings) -> Reading:
    """The reading, saying how it was read: so `show` and `timeline` can tell."""
    return reading._replace(
        lang_stated=settings.lang is not None,
        day_first=settings.day_first,
        fiscal_year_start=settings.fiscal_year_start,
    )


def _reading(
    text: str,
    head: str,
    tokens: list[Token],
    lang: str,
    day_first: object,
    note: str | None,
    fiscal_year_start: int | None,
) -> Reading:
    grammar = GRAMMARS[lang]
    order = grammar.day_first if day_first is None else None if day_first is _UNDECIDED else bool(day_first)
    phrase = Phrase(head, tokens, grammar, order, fiscal_year_start)
    schedules = phrase.schedules()
    dated = any(s.start is not None or s.due is not None for s in schedules)
    recurring = any(s.kind is Kind.RECURRING for s in schedules)
    yearless = phrase.dates.yearless_reason() if not recurring else None
    if dated and any(hit.cue is Cue.EARLIEST for hit in phrase.hits):
        return Reading(text, lang, (UNSPECIFIED,), reasons.EARLIEST)
    if dated and (phrase.dates.unread or yearless):
        why = phrase.dates.unread[0] if phrase.dates.unread else yearless
        return Reading(text, lang, (UNSPECIFIED,), reasons.DATE_UNREAD.format(why=why))
    if not schedules:
        reason = phrase.why_unreadable() + (f"; {note}" if note else "")
        return Reading(text, lang, (UNSPECIFIED,), reason)
    used = [(s.begin, s.end) for s in phrase.spans] + [(h.begin, h.end) for h in phrase.hits]
    used += phrase.labelled + phrase.dates.other_words
    left = unread_word(tokens, grammar, used, head)
    if left is not None:  # CONTRACT: every number and month word is accounted for
        return Reading(text, lang, (UNSPECIFIED,), reasons.NOT_READ.format(word=repr(left)))
    return Reading(text, lang, tuple(schedules), note)

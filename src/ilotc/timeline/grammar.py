"""The shape of one language's timeline grammar: the words the reader needs from it.

Each language module (`fr`, `en`, `es`) builds one `Grammar` from its own words; nothing
here is a word of any language. Every entry is in normalised form: lower case, no
accents, apostrophes and hyphens as word separators ("d'ici" is the two words "d ici").
Cue phrases use a small notation, compiled by `compile_phrase`:

- words are separated by spaces; `a|au|aux` lists alternatives for one word;
- a trailing `*` makes a word a prefix (`achev*` matches acheve, achevee, achevement);
- a trailing `>` on the whole phrase means it only counts right before a date
  ("des" is the article "des" unless a date follows, when it is "dès").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Cue(Enum):
    """What a cue phrase says about the schedule of its clause."""

    START = "start"  # the date that follows is when the work starts
    END = "end"  # the date that follows is when the work is finished (inclusive)
    BEFORE = "before"  # finished before the date that follows (exclusive for a month)
    AFTER = "after"  # starts after the date that follows
    IMMEDIATE = "immediate"  # starts at once, no date
    CONTINUOUS = "continuous"
    ONGOING = "ongoing"
    AS_NEEDED = "as_needed"
    LINKED = "linked"  # the rest of the clause names another timetable
    LABEL = "label"  # after a date: the rest of the clause qualifies it ("pour ...")
    BREAK = "break"  # "puis", "then": a new clause that follows on from the last
    AT_LEAST = "at_least"  # "X ou au moins Y": Y is the binding commitment
    RECURRING = "recurring"  # a repetition (its period, when stated, travels with the hit)
    MILESTONE = "milestone"  # "premiers résultats": a first part is due, not the whole
    EARLIEST = "earliest"  # "not before": the earliest date, which no schedule states
    OR_EVEN = "or_even"  # "X voire Y": Y, the later, is the one deadline


Pattern = tuple[tuple[str, ...], ...]


def compile_phrase(spec: str) -> tuple[Pattern, bool]:
    """Turn `"a partir de|du"` into word slots, and say whether a date must follow."""
    needs_date = spec.endswith(">")
    words = spec.rstrip(">").split()
    return tuple(tuple(word.split("|")) for word in words), needs_date


Words = frozenset[str]


@dataclass(frozen=True, eq=False)  # hashed by identity: one per language
class Grammar:
    """One language's words, as the reader's rules use them."""

    lang: str
    months: dict[str, int]
    weekdays: Words
    ordinals: dict[str, int]  # before a year part; 0 means the last one
    year_parts: dict[str, int]  # "semestre": 6
    part_codes: dict[str, tuple[int, int]]  # "t3": (3, 3)
    numbers: dict[str, int]
    units: dict[str, int]  # repetition and duration units, in months
    recurrence_stems: dict[str, int]
    two_word_recurrences: dict[tuple[str, str], int]
    times: dict[str, int]  # "twice": 2
    times_words: Words  # "fois"
    per_words: Words  # "par"
    every_words: Words  # "chaque"
    modifiers: dict[str, str]  # "fin": "end"
    fillers: Words  # between a modifier or part and the year: "de", "l", "an"
    year_words: Words
    year_leads: Words  # a bare year is a date only after one of these
    year_lead_stems: tuple[str, ...]
    not_number_leads: Words  # "no 182" is a reference, not a year
    day_leads: Words  # between a day and its month: "de" in "30 de junio"
    range_prefixes: Words
    pair_prefixes: Words
    range_connectors: tuple[tuple[str, ...], ...]
    pair_connectors: Words
    milestone_words: Words
    not_milestone_next: Words
    clause_cuts: Words
    clause_joiners: Words
    relative_words: Words  # a duration then one of these is relative to an event
    within_words: Words  # one of these then a duration is relative too
    session_words: Words  # "session", "reunion"
    period_words: Words  # make "2002-03" a span of years: "exercice", "bienio"
    seasons: Words
    cues: dict[Cue, tuple[str, ...]]
    markers: Words  # words that tell this language from the others
    day_first: bool | None  # numeric dates: True day first, None ambiguous both ways
    accents: str = ""  # letters that only this language writes
    not_only_months: Words = field(default_factory=frozenset)  # "may": also a verb
    fiscal_words: Words = field(default_factory=frozenset)  # "fy 2021": whose months?
    throughout: tuple[tuple[str, ...], ...] = ()  # "throughout 2026": the whole period, a window
    # next to a milestone word, the first part due is initiatives, not results: only its words
    initiative_words: Words = field(default_factory=frozenset)

    def vocabulary(self) -> set[str]:
        """Every word this grammar knows, stems with their `*`, for language detection."""
        found = set(self.markers) | set(self.months) | set(self.weekdays) | set(self.units)
        found |= {word for number in self.numbers for word in number.split()}
        found |= set(self.period_words) | set(self.seasons) | set(self.every_words) | set(self.modifiers)
        found |= set(self.fiscal_words) | {word for lead in self.throughout for word in lead}
        found |= set(self.session_words) | set(self.times_words) | set(self.per_words)
        found |= set(self.not_number_leads)
        for specs in self.cues.values():
            for spec in specs:
                found.update(alt for slot in spec.rstrip(">").split() for alt in slot.split("|"))
        return found

"""Find the cues of a phrase: words that say what its dates mean, or what timing it has.

Cues are the grammar's phrases ("à partir de", "no later than", "a más tardar"),
repetitions with their period ("tous les deux ans", "twice a year", "cada año"),
milestones ("premiers résultats") and durations tied to an event ("six mois après
l'adoption", "within 12 months of approval"), which no calendar date can stand for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ilotc.timeline.grammar import Cue, Grammar, Pattern, compile_phrase

DATE = "\0"
"""Stands for a token inside a date, which no cue may use."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A cue found over tokens [begin, end)."""

    cue: Cue | None  # None for a relative duration
    begin: int
    end: int
    months: int | None = None  # a recurrence's stated period
    every_year: bool = False  # "each year": fixed dates in it may set the period
    initiatives: bool = False  # a milestone of first initiatives ("premières initiatives")


@cache
def _patterns(grammar: Grammar) -> list[tuple[Cue, Pattern, bool]]:
    return [(cue, *compile_phrase(spec)) for cue, specs in grammar.cues.items() for spec in specs]


def find_cues(texts: Sequence[str], date_starts: set[int], grammar: Grammar) -> list[Hit]:
    """Every cue, left to right, longest first; `texts` has DATE inside dates."""
    finder = _Finder(texts, grammar)
    hits: list[Hit] = []
    i = 0
    while i < len(texts):
        hit = finder.at(i, date_starts)
        if hit is None:
            i += 1
        else:
            hits.append(hit)
            i = hit.end
    return hits


class _Finder:
    def __init__(self, texts: Sequence[str], grammar: Grammar) -> None:
        self.texts = texts
        self.g = grammar

    def word(self, i: int) -> str:
        return self.texts[i] if 0 <= i < len(self.texts) else ""

    def at(self, i: int, date_starts: set[int]) -> Hit | None:
        if self.texts[i] in self.g.initiative_words:
            return None  # a noun: "iniciativas" says nothing of a start, whatever "inici*" matches
        return (
            self._relative(i)
            or self._every_unit(i)
            or self._times_per_unit(i)
            or self._recurrence_word(i)
            or self._milestone(i)
            or self._phrase(i, date_starts)
        )

    def _phrase(self, i: int, date_starts: set[int]) -> Hit | None:
        """The longest cue phrase at i; on a tie, one that needs a date ("pour>") wins."""
        best: tuple[int, bool, Cue] | None = None
        for cue, pattern, needs_date in _patterns(self.g):
            end = self._match(i, pattern)
            if end is None or (needs_date and end not in date_starts):
                continue
            if best is None or (end, needs_date) > best[:2]:
                best = (end, needs_date, cue)
        return None if best is None else Hit(best[2], i, best[0])

    def _match(self, i: int, pattern: Pattern) -> int | None:
        """Where `pattern` ends when matched at i (hyphens between words skipped), or None."""
        k = i
        for n, slot in enumerate(pattern):
            while n and self.word(k) == "-":
                k += 1
            word = self.word(k)
            if not word or not any(
                word.startswith(alt[:-1]) if alt.endswith("*") else word == alt for alt in slot
            ):
                return None
            k += 1
        return k

    def _number(self, i: int) -> tuple[int, int] | None:
        """A small count in digits or words ("6", "six", "dix-huit"): (value, end)."""
        word = self.word(i)
        if word.isascii() and word.isdigit() and len(word) <= 3:
            return int(word), i + 1
        after = i + 1 + (self.word(i + 1) == "-")
        pair = f"{word} {self.word(after)}"
        if pair in self.g.numbers:
            return self.g.numbers[pair], after + 1
        return (self.g.numbers[word], i + 1) if word in self.g.numbers else None

    def _duration(self, i: int) -> int | None:
        """Where a duration at i ends: "six mois", "12 months", "l'année", "un año"."""
        number = self._number(i)
        k = number[1] if number else i + (self.word(i) in ("l", "the", "el", "a", "one"))
        return k + 1 if self.word(k) in self.g.units else None

    def _relative(self, i: int) -> Hit | None:
        """ "six mois après l'adoption", "within 12 months of approval": tied to an event."""
        if self.word(i) in self.g.within_words:
            k = i + 1 + (self.word(i + 1) in ("de", "les", "un", "del"))
            end = self._duration(k) or self._duration(k + (self.word(k) == "plazo") + 1)
            if end is not None and self.word(end) != DATE:
                return Hit(None, i, end)
            return None
        end = self._duration(i)
        if end is not None and self.word(end) in self.g.relative_words and self.word(end + 1) != DATE:
            return Hit(None, i, end + 1)
        return None

    def _every_unit(self, i: int) -> Hit | None:
        """ "tous les deux ans", "chaque année", "every 3 months", "cada año"."""
        if self.texts[i] not in self.g.every_words:
            return None
        k = i + 1 + (self.word(i + 1) in ("les", "los", "las"))
        count, k = self._number(k) or (1, k)
        k += self.word(k) == "calendar"
        unit = self.g.units.get(self.word(k))
        if unit is None or not 1 <= count <= 100:
            return None
        return Hit(Cue.RECURRING, i, k + 1, count * unit, every_year=count * unit == 12)

    def _times_per_unit(self, i: int) -> Hit | None:
        """ "deux fois par an", "twice a year", "dos veces al año": the unit over the count."""
        if self.texts[i] in self.g.times:
            count, k = self.g.times[self.texts[i]], i + 1
        else:
            number = self._number(i)
            if number is None or self.word(number[1]) not in self.g.times_words:
                return None
            count, k = number[0], number[1] + 1
        unit = self.g.units.get(self.word(k + 1))
        if unit is None or self.word(k) not in self.g.per_words or count < 1:
            return None
        return Hit(Cue.RECURRING, i, k + 2, unit // count if unit % count == 0 else None)

    def _recurrence_word(self, i: int) -> Hit | None:
        """ "annuel", "biennially", "semi-annual", "bienal": a word stating its own period."""
        after = i + 1 + (self.word(i + 1) == "-")
        if self.word(i + 1) == DATE or self.word(i - 1) in self.g.period_words:
            return None  # "exercice biennal (2002-03)" names a period, not a repetition
        pair = (self.texts[i], self.word(after))
        if pair in self.g.two_word_recurrences:
            return Hit(Cue.RECURRING, i, after + 1, self.g.two_word_recurrences[pair])
        for stem, months in self.g.recurrence_stems.items():
            if self.texts[i].startswith(stem):
                return Hit(Cue.RECURRING, i, i + 1, months)
        return None

    def _milestone(self, i: int) -> Hit | None:
        """ "premiers résultats", "first results": a first part, not the whole, is due;
        "premières initiatives" are a first part too, told apart only in words."""
        following = self.word(i + 1)
        if (
            self.texts[i] in self.g.milestone_words
            and following.isalpha()
            and following not in self.g.not_milestone_next
        ):
            initiatives = bool({following, self.word(i - 1)} & self.g.initiative_words)
            return Hit(Cue.MILESTONE, i, i + 1, initiatives=initiatives)
        return None

"""Every number and month word of a phrase is accounted for by its reading (CONTRACT).

A number (a token of digits standing alone) or a month name that no date and no cue used
means part of the phrase was not read: "Jun 30, 2019" read as the year 2019 would fall back
to a coarser period. Such a reading is `unspecified`, with a reason naming the word.
References ("no 182", "article 19") are numbers the phrase does not give as dates:
a number right after a reference word of the grammar is accounted for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ilotc.timeline.grammar import Grammar
from ilotc.timeline.tokens import Token

_REFERENCE_PUNCT = frozenset({".", "°", "º", "#"})


def unread_word(
    tokens: Sequence[Token], grammar: Grammar, used: Iterable[tuple[int, int]], text: str
) -> str | None:
    """The first number or month word outside every used range [begin, end), verbatim, or None."""
    covered: set[int] = set()
    for begin, end in used:
        covered.update(range(begin, end))
    for i, token in enumerate(tokens):
        if i in covered:
            continue
        if token.kind == "num" and not (
            _reference(tokens, i, grammar)
            or _glued(tokens, i, text)
            or _clock(tokens, i)
            or _ordinal(tokens, i)
        ):
            return text[token.start : token.end]
        if (
            token.kind == "word"
            and token.text in grammar.months
            and token.text not in grammar.not_only_months
        ):
            return text[token.start : token.end]
    return None


def _reference(tokens: Sequence[Token], i: int, grammar: Grammar) -> bool:
    """A number after a reference word ("no 182", "art. 19"): not a date."""
    j = i - 1
    while j >= 0 and tokens[j].text in _REFERENCE_PUNCT:
        j -= 1
    return j >= 0 and tokens[j].text in grammar.not_number_leads


def _glued(tokens: Sequence[Token], i: int, text: str) -> bool:
    """Digits inside a word ("4PA", "G20", "ODS8"): not a number standing alone."""
    token = tokens[i]
    before = text[token.start - 1] if token.start > 0 else " "
    after = text[token.end] if token.end < len(text) else " "
    return before.isalpha() or after.isalpha()


_CLOCK_WORDS = frozenset({"am", "pm", "h", "hrs", "hours", "heures", "horas", "est", "cet", "gmt", "utc"})


def _clock(tokens: Sequence[Token], i: int) -> bool:
    """A time of day ("5:00 pm", "17 h"): the hour of a dated day, no date of its own."""

    def at(k: int) -> str:
        return tokens[k].text if 0 <= k < len(tokens) else ""

    if at(i + 1) == ":" or at(i - 1) == ":":
        return True
    return at(i + 1) in _CLOCK_WORDS


def _ordinal(tokens: Sequence[Token], i: int) -> bool:
    """ "276.ª", "1.º": an ordinal (as "276e" is), not a number standing alone."""
    following = [t.text for t in tokens[i + 1 : i + 3]]
    return following in ([".", "a"], [".", "o"])

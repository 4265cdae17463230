"""Turn a timeline phrase into normalised tokens, and tell which language it is in.

Normalising: lower case, accents stripped, every apostrophe a word break, every dash
"-", every kind of space or control character a space. Tokens keep their offsets in the
phrase as given, for verbatim labels.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ilotc.timeline import en, es, fr
from ilotc.timeline.grammar import Grammar

GRAMMARS: dict[str, Grammar] = {g.lang: g for g in (fr.GRAMMAR, en.GRAMMAR, es.GRAMMAR)}
"""Every language the reader knows, by code; the first is the default on a tie."""

_APOSTROPHES = frozenset("'’‘ʼ`´′")
_DASHES = frozenset("‐‑‒–—―−→")  # an arrow joins a range like a dash: "17 August → 02 October"
_LIGATURES = {"œ": "oe", "æ": "ae"}


def _fold(char: str) -> str:
    """One character in normalised form: possibly several characters, or none."""
    if char in _APOSTROPHES:
        return " "  # "d'ici" reads as the two words "d ici"
    if char in _DASHES:
        return "-"
    if char.isspace() or unicodedata.category(char)[0] in "CZ":
        return " "  # control, format and separator characters are spaces
    lowered = char.lower()
    if lowered in _LIGATURES:
        return _LIGATURES[lowered]
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_TOKEN = re.compile(
    r"(?P<ord>[0-9]{1,3}(?:ere|er|re|eme|e|nd|rd|st|th|o|a))(?![^\W_])"  # 1er, 2e, 3rd, 1º
    r"|(?P<code>[qtsh][1-4])(?![^\W_])"  # q3, t3, h1, s1
    r"|(?P<num>[0-9]+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>[^\w\s])"
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word, number, ordinal, year-part code or punctuation mark."""

    text: str  # normalised
    kind: str  # ord, code, num, word or punct
    start: int  # offsets in the phrase as given, for verbatim labels
    end: int


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, normalised."""
    pieces: list[str] = []
    origin: list[int] = []  # normalised offset -> offset in `text`
    for index, char in enumerate(text):
        piece = _fold(char)
        pieces.append(piece)
        origin.extend([index] * len(piece))
    folded = "".join(pieces)
    return [
        Token(m.group(), m.lastgroup or "punct", origin[m.start()], origin[m.end() - 1] + 1)
        for m in _TOKEN.finditer(folded)
    ]


class _Markers:
    """Words and word stems of one language that the other languages do not have."""

    def __init__(self, own: set[str], others: set[str]) -> None:
        self.words = frozenset(w for w in own - others if not w.endswith("*"))
        self.stems = tuple(w[:-1] for w in own - others if w.endswith("*"))

    def fit(self, word: str) -> int:
        """How well `word` fits: 0 not at all, a stem's length, or more for a whole word."""
        if word in self.words:
            return len(word) + 1
        return max((len(stem) for stem in self.stems if word.startswith(stem)), default=0)


def _markers() -> dict[str, _Markers]:
    vocabularies = {lang: g.vocabulary() for lang, g in GRAMMARS.items()}
    return {
        lang: _Markers(own, set().union(*(v for other, v in vocabularies.items() if other != lang)))
        for lang, own in vocabularies.items()
    }


_MARKERS = _markers()


def detect_language(tokens: Sequence[Token], text: str) -> list[str]:
    """The languages whose own words and letters the phrase uses most, French first.

    More than one when the phrase does not tell them apart ("17/03/2010").

    A word counts for the language whose marker fits it best, so "immediately" (English
    stem "immediate") is English although the French stem "immediat" fits it too."""
    scores = dict.fromkeys(GRAMMARS, 0)
    for token in tokens:
        fits = {lang: markers.fit(token.text) for lang, markers in _MARKERS.items()}
        best = max(fits.values())
        winners = [lang for lang, fit in fits.items() if fit == best]
        if best and len(winners) == 1:
            scores[winners[0]] += 1
    lowered = text.lower()
    for lang, grammar in GRAMMARS.items():
        scores[lang] += any(c in grammar.accents for c in lowered)
    best = max(scores.values())
    return [lang for lang, score in scores.items() if score == best]

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
from functools import cache

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


class _Vocabulary:
    """The words and word stems of one language, as its grammar lists them."""

    def __init__(self, grammar: Grammar) -> None:
        own = grammar.vocabulary()
        self.words = frozenset(w for w in own if not w.endswith("*"))
        self.stems = tuple(w[:-1] for w in own if w.endswith("*"))

    def fit(self, word: str) -> int:
        """How well `word` fits: 0 not at all, a stem's length, or more for a whole word."""
        if word in self.words:
            return len(word) + 1
        return max((len(stem) for stem in self.stems if word.startswith(stem)), default=0)


@cache
def _vocabulary(grammar: Grammar) -> _Vocabulary:
    return _Vocabulary(grammar)


def score(grammar: Grammar, tokens: Sequence[Token], text: str) -> tuple[int, int]:
    """How much of the phrase is `grammar`'s language, from its own words only: the number of
    words it knows (plus one for a letter only it writes), then how closely they fit (so
    "immediately" is more English, stem "immediate", than French, stem "immediat")."""
    vocabulary = _vocabulary(grammar)
    fits = [vocabulary.fit(token.text) for token in tokens]
    accented = any(c in grammar.accents for c in text.lower())
    return sum(1 for fit in fits if fit) + accented, sum(fits)


def detect_language(tokens: Sequence[Token], text: str) -> list[str]:
    """The languages that score best on the phrase, in the order they are known (French,
    English, Spanish, then any added later): the tie-break.

    More than one when the phrase does not tell them apart ("17/03/2010"); the reader then
    takes the first that reads it. Each language is scored on its own vocabulary alone, so
    adding a language never changes another's score, and a new language comes after the
    others on a tie: phrases read before read the same."""
    scores = {lang: score(grammar, tokens, text) for lang, grammar in GRAMMARS.items()}
    best = max(scores.values())
    return [lang for lang, found in scores.items() if found == best]

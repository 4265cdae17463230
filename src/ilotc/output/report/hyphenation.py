"""Break points for the HTML report's column headers: soft hyphens between syllables.

A narrow table column must break a long header word somewhere. Left to the browser
(`overflow-wrap: anywhere`, or `hyphens: auto` without the language's dictionary, which
Chromium on Linux often lacks) it breaks between any two letters with no hyphen
("Complet/ed"). The report's headers are ilotc's own labels, so they get soft hyphens (shown as
a hyphen only where the line breaks there) at syllable-like points, and the page breaks them
only there (`hyphens: manual`). The rule is deliberately simple (a consonant between two vowels
starts a syllable; two consonants between vowels split, but a consonant before l, r or h
stays with it) and keeps at least three letters on either side; a word it finds no point in
stays whole.

Pure: returns markup; no printing, no I/O.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from ilotc.output.text import html_value

if TYPE_CHECKING:
    from markupsafe import Markup

SOFT_HYPHEN = "&shy;"
MIN_WORD = 8  # shorter words fit a column as they are
MIN_PART = 3
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüáíóúý")
_CLUSTER_ENDS = frozenset("lrh")
_WORDS = re.compile(r"(\w+)")


def _vowel(char: str) -> bool:
    return char.lower() in _VOWELS


def break_points(word: str) -> list[int]:
    """Where `word` may break (the indices its later parts start at), syllable-like."""
    points = []
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        before, here = word[i - 1], word[i]
        if _vowel(here) or not here.isalpha():
            continue
        after = word[i + 1] if i + 1 < len(word) else ""
        if _vowel(before) and _vowel(after):  # ca-pa: a consonant between vowels
            points.append(i)
        elif (
            not _vowel(before)
            and before.isalpha()
            and i >= 2
            and _vowel(word[i - 2])
            and _vowel(after)
            and here not in _CLUSTER_ENDS
        ):  # res-pon: two consonants between vowels split
            points.append(i)
    return points


def soft_hyphens(text: str) -> Markup:
    """`text` as HTML (escaped as every value is) with a soft hyphen at each break point of
    its words of MIN_WORD letters or more."""
    # lazy: MarkupSafe (Jinja2's escaping), which only the HTML report needs
    from markupsafe import Markup  # noqa: PLC0415

    out = []
    for token in _WORDS.split(text):
        if token.isalpha() and len(token) >= MIN_WORD and (points := break_points(token)):
            cuts = [0, *points, len(token)]
            out.append(SOFT_HYPHEN.join(str(html_value(token[a:b])) for a, b in pairwise(cuts)))
        else:
            out.append(str(html_value(token)))
    return Markup("".join(out))

"""What an action id may hold, and ids that look alike (Unicode TR39 scripts and skeletons).

An id is typed into shells (completion hands it to one), shown on terminals and compared by
eye, so it holds no space, no shell syntax and no invisible character, whatever the plan's
`ids:` pattern allows (CONTRACT, "Untrusted content"). Ids that mix scripts (a Cyrillic `А` in
`I.1а.1`) or whose TR39 skeletons are equal are legal but suspect: validate warns, and `diff`
says so where one replaces the other.

Scripts and confusable characters come from the Unicode data that `confusable-homoglyphs`
ships (Scripts.txt, confusables.txt). A skeleton here is the subset of TR39's that single
characters give: each character of the NFD form stands for the smallest character that the
confusables data links it to, directly or through others; the data's few multi-character
prototypes (`rn` for `m`) are left out. Ids all in ASCII are not compared (`I`, `l` and `1`
would flag plans written with care); one non-ASCII id has the whole plan compared.
"""

import functools
import unicodedata
from collections.abc import Iterable

SHELL_SYNTAX = frozenset("`$\\'\";&|<>(){}*?[]!~#^")
"""Characters a POSIX shell, bash or zsh gives a meaning to in a word (expansion, quoting,
globbing, history, redirection, command lists)."""

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
_NEUTRAL_SCRIPTS = frozenset({"COMMON", "INHERITED"})


def bad_character(identifier: str) -> tuple[int, str] | None:
    """The first character an id may not hold, with its 0-based index: white space, shell
    syntax, or a character with no visible form of its own (controls, format characters such
    as U+200B, unassigned, private use); None when there is none."""
    for index, char in enumerate(identifier):
        if char in SHELL_SYNTAX or char.isspace() or unicodedata.category(char) in _HIDDEN_CATEGORIES:
            return index, char
    return None


def describe(char: str) -> str:
    """A character as a message names it: U+0024 DOLLAR SIGN."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()


def scripts(identifier: str) -> list[str]:
    """The scripts of an id's letters and digits (COMMON and INHERITED aside), in order."""
    if identifier.isascii():
        return ["LATIN"] if any(char.isalpha() for char in identifier) else []
    # lazy: confusable-homoglyphs' Unicode scripts, only for ids with non-ASCII characters
    from confusable_homoglyphs import categories  # noqa: PLC0415

    found = (categories.alias(char) for char in identifier)
    return list(dict.fromkeys(script for script in found if script not in _NEUTRAL_SCRIPTS))


@functools.cache
def _prototypes() -> dict[str, str]:
    """Each confusable character's class representative: the smallest character of its class."""
    # lazy: confusable-homoglyphs' confusables data, only for plans with non-ASCII ids
    from confusable_homoglyphs.confusables import confusables_data  # noqa: PLC0415

    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.get(char, char) != char:
            parent[char] = parent.get(parent[char], parent[char])
            char = parent[char]
        return char

    for char, homoglyphs in confusables_data.items():
        for homoglyph in homoglyphs:
            other = homoglyph["c"]
            if len(other) == 1:
                first, second = sorted((root(char), root(other)))
                parent[second] = first
                parent.setdefault(first, first)
    return {char: root(char) for char in parent}


def skeleton(identifier: str) -> str:
    """An id's skeleton (see above): two ids with the same skeleton look alike."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", identifier)
    return unicodedata.normalize("NFD", "".join(prototypes.get(char, char) for char in decomposed))


def look_alikes(identifiers: Iterable[str]) -> dict[str, str]:
    """Each id that looks like an earlier, different one: that earlier id (none when every id
    is ASCII)."""
    written = list(dict.fromkeys(identifiers))
    if all(identifier.isascii() for identifier in written):
        return {}
    first: dict[str, str] = {}
    found: dict[str, str] = {}
    for identifier in written:
        shape = skeleton(identifier)
        if shape in first:
            found[identifier] = first[shape]
        else:
            first[shape] = identifier
    return found

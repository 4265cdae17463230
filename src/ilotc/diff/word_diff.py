"""Which words of a text were removed and which inserted: `git diff --word-diff` for one value."""

import difflib
import re
from enum import StrEnum
from typing import NamedTuple

# Words, runs of spaces and single punctuation marks: a changed comma is shown alone.
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


class Op(StrEnum):
    """What happened to a run of text."""

    SAME = "same"
    REMOVED = "removed"
    INSERTED = "inserted"


class Piece(NamedTuple):
    """A run of text and what happened to it."""

    op: Op
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """The runs of `old` and `new` in reading order; joining the SAME and REMOVED runs gives
    `old`, joining the SAME and INSERTED runs gives `new`."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    removed: list[str] = []
    inserted: list[str] = []
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        same = "".join(old_tokens[i1:i2]) if tag == "equal" else ""
        if tag == "equal" and (same.strip() or not (removed or inserted)):
            _flush(pieces, removed, inserted)
            _add(pieces, Op.SAME, same)
        else:  # a change, or a space between two changes: one change reads better than three
            removed += old_tokens[i1:i2]
            inserted += new_tokens[j1:j2] if tag != "equal" else old_tokens[i1:i2]
    _flush(pieces, removed, inserted)
    return pieces


def _flush(pieces: list[Piece], removed: list[str], inserted: list[str]) -> None:
    # a trailing space belongs to the text after the change, on both sides
    old, new = "".join(removed), "".join(inserted)
    tail = ""
    while old and new and old[-1].isspace() and old[-1] == new[-1]:
        tail, old, new = old[-1] + tail, old[:-1], new[:-1]
    if old.isspace() and old == new:
        tail, old, new = old + tail, "", ""
    _add(pieces, Op.REMOVED, old)
    _add(pieces, Op.INSERTED, new)
    _add(pieces, Op.SAME, tail)
    removed.clear()
    inserted.clear()


def _add(pieces: list[Piece], op: Op, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].op is op:
        pieces[-1] = Piece(op, pieces[-1].text + text)
    else:
        pieces.append(Piece(op, text))


def shortened(pieces: list[Piece], context: int = 4) -> list[Piece]:
    """The pieces with long unchanged runs cut to `context` words either side of a change
    (an ellipsis stands for the rest), so a long sentence with one word changed reads short."""
    out: list[Piece] = []
    last = len(pieces) - 1
    for n, piece in enumerate(pieces):
        words = piece.text.split(" ")
        if piece.op is not Op.SAME or len(words) <= 3 * context or last == 0:
            out.append(piece)
            continue
        head = " ".join(words[:context]) + " …" if n > 0 else "…"
        tail = " ".join(words[-context:]) if n < last else ""
        out.append(Piece(Op.SAME, f"{head} {tail}" if tail else head))
    return out


def similarity(old: str, new: str, at_least: float = 0.0) -> float:
    """How alike two texts are, word for word, from 0 (nothing shared) to 1 (the same words);
    0 as soon as a quick upper bound shows they are less alike than `at_least`."""
    matcher = difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False)
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()

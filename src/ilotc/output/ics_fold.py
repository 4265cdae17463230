"""Calendar lines folded so that none is a workflow command to a CI runner (RFC 5545 folding).

RFC 5545 folds a long content line into lines of at most 75 octets, each continuation led by
one space, which a calendar reader removes. icalendar folds at fixed widths, so a value can
bring `::error ...` to the start of a continuation line, which GitHub's runner trims and obeys,
and a value holding `##[` keeps it whole. `folded` folds such a calendar again, choosing where:
never inside a line's `##[` (a fold goes between its two `#`), never leaving a line to start
with `::` after its blanks (a fold goes between the two colons). A calendar reader unfolds the
same values; the lines are what `ilotc.output.runner` finds no command in.
"""

import re

from ilotc.output.runner import BLANK_CLASS, COLONS, holds_commands

_LINE_OCTETS = 75  # RFC 5545 3.1, without the CRLF
_NOT_BLANK = re.compile(f"[^{BLANK_CLASS}]")


def folded(data: bytes) -> bytes:
    """An iCalendar file (CRLF lines, folded with one space) with no line that starts a
    workflow command; the same bytes when none did."""
    text = data.decode("utf-8")
    if not holds_commands(text):
        return data
    lines = text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
    return "\r\n".join(_fold(line) for line in lines).encode("utf-8")


def _fold(line: str) -> str:
    """One unfolded content line as lines of at most 75 octets, joined with CRLF and a space."""
    pieces: list[str] = []
    start = 0
    while start < len(line):
        room = _LINE_OCTETS - (1 if pieces else 0)
        # the characters whose UTF-8 fits in `room` octets, never half of one
        fitting = line[start : start + room].encode("utf-8")[:room].decode("utf-8", "ignore")
        end = start + len(fitting)
        legacy = line.find("##[", start, end)
        if legacy >= 0:
            end = legacy + 1  # `#` here, `#[` on the next line
        first = _NOT_BLANK.search(line, start, end)
        if first is not None and line.startswith(COLONS, first.start()) and first.start() + 2 <= end:
            end = first.start() + 1  # `:` here, the other colon on the next line
        pieces.append(line[start:end])
        start = end
    return "\r\n ".join(pieces)

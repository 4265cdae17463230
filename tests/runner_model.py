"""A small re-implementation of how GitHub's runner finds workflow commands in a step's output.

Written from the runner's own parsing (ActionCommandManager and ActionCommand.TryParse/TryParseV2
in actions/runner), and wider where that is the safe side for a test:
- the output is cut into lines at every line break any reader sees (`str.splitlines`, which
  includes the runner's CR, LF and CRLF);
- a line is a command when, once every blank at its start is trimmed, it starts with `::`. Blanks
  are every character Python or Unicode calls a space (the runner trims .NET's white space:
  U+3000, U+00A0, U+2003 ...), every format character (U+FEFF, U+200B ...) and colour codes;
- a line holding `##[` anywhere is a command (the legacy form; the runner also wants a `]`);
- `::stop-commands::TOKEN` turns command processing off until a line `::TOKEN::`
  (case-insensitive, as the runner compares). Those two lines are the fence itself, not
  forged commands.

`forged(text)` lists every line of `text` that the runner would obey.
"""

from __future__ import annotations

import re
import sys
import unicodedata

BLANKS = frozenset(
    chr(c)
    for c in range(sys.maxunicode + 1)
    if chr(c).isspace() or unicodedata.category(chr(c)) in ("Zs", "Zl", "Zp", "Cf")
)
COLOUR = re.compile(r"\x1b\[[0-9;]*m")
STOP = re.compile(r"::stop-commands::(.+)")


def _trimmed(line: str) -> str:
    line = COLOUR.sub("", line)
    start = 0
    while start < len(line) and line[start] in BLANKS:
        start += 1
    end = len(line)
    while end > start and line[end - 1] in BLANKS:
        end -= 1
    return line[start:end]


def forged(text: str) -> list[str]:
    """The lines of `text` that GitHub's runner would take for workflow commands."""
    obeyed: list[str] = []
    stop_token: str | None = None
    for line in text.splitlines():
        trimmed = _trimmed(line)
        if stop_token is not None:
            if trimmed.lower() == f"::{stop_token}::".lower():
                stop_token = None
            continue
        if (stop := STOP.fullmatch(trimmed)) is not None:
            stop_token = stop.group(1)
            continue
        if trimmed.startswith("::") or "##[" in line:
            obeyed.append(line)
    return obeyed


def fenced(text: str) -> bool:
    """True when `text` turns command processing off before its first line and back on at its
    end, with a token that appears nowhere else in it."""
    lines = text.splitlines()
    if len(lines) < 2 or (stop := STOP.fullmatch(lines[0])) is None:
        return False
    token = stop.group(1)
    return lines[-1] == f"::{token}::" and text.count(token) == 2

"""What a CI runner takes for a workflow command in a text, and where it starts.

GitHub's runner reads a step's output line by line. It obeys a line whose text, once every
Unicode space at its start is trimmed, starts with `::` (`::error::...`), and the legacy form
`##[command]`, which it finds anywhere in a line. Every output of ilotc but the annotation
writer's must hold neither (CONTRACT, "Untrusted content and concurrent use"): human-readable
text gets a visible backslash at each place found here (`ilotc.output.text.no_commands`), JSON
escapes (`ilotc.output.json_text`), a calendar folds around them (`ilotc.output.calendar`), and
CSV on a runner's log is fenced with `::stop-commands::` (`ilotc.cli.common.write_out`).

The rules here are wider than the runner's, never narrower: every character that is a space or
a line break to Python or Unicode (Zs, Zl, Zp), every format character (Cf: zero-width spaces,
joiners, the byte order mark) and every colour code counts as a blank; every line break that
any reader may see (`str.splitlines`) ends a line.
"""

import re
from typing import Final

# Generated from Python's Unicode database: every character c with c.isspace() or category
# Zs, Zl, Zp or Cf (tests/test_runner_rules.py checks it is still that set).
BLANK_CLASS: Final = (
    "\\x09-\\x0d\\x1c-\\x20\\x85\\xa0\\xad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890-\\u0891"
    "\\u08e2\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u2066-\\u206f\\u3000"
    "\\ufeff\\ufff9-\\ufffb\\U000110bd\\U000110cd\\U00013430-\\U00013438\\U0001bca0-\\U0001bca3"
    "\\U0001d173-\\U0001d17a\\U000e0001\\U000e0020-\\U000e007f"
)
"""A regular-expression character class (without brackets) of what a line may start with and
still start a workflow command after it."""

LINE_BREAKS: Final = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character that ends a line for some reader (`str.splitlines`)."""

_BLANK = re.compile(f"[{BLANK_CLASS}]")
_COLOUR_END = re.compile(r"\x1b\[[0-9;]*m\Z")
_LINE_START_SO_FAR = re.compile(f"(?:[{BLANK_CLASS}]|\\x1b\\[[0-9;]*m)*+:?")
_LEGACY = "##["
COLONS: Final = ":" * 2  # spelt so that only the annotation writer and the fence write two colons
_COLOUR_LIMIT = 32  # longest colour code looked back over


def may_hold_commands(text: str) -> bool:
    """False when `text` certainly starts no workflow command (a quick test, before the scan)."""
    return COLONS in text or _LEGACY in text


def _at_line_start(text: str, end: int) -> bool:
    """True when what comes before `end` on its line is only blanks and colour codes."""
    position = end - 1
    while position >= 0:
        char = text[position]
        if char in LINE_BREAKS:
            return True
        if _BLANK.match(char):
            position -= 1
            continue
        if char == "m":  # the end of a colour code, which a log viewer hides
            start = text.rfind("\x1b", max(0, position - _COLOUR_LIMIT), position)
            if start >= 0 and _COLOUR_END.match(text, start, position + 1):
                position = start - 1
                continue
        return False
    return True


def command_starts(text: str) -> list[int]:
    """Where a backslash breaks each workflow command of `text`, in increasing order: before the
    `::` that starts a line (after blanks), and before the `[` of each `##[`.

    Linear in the text: each `::` looks back only over the blanks just before it.
    """
    if not may_hold_commands(text):
        return []
    starts: list[int] = []
    position = text.find(COLONS)
    while position >= 0:
        if _at_line_start(text, position):
            starts.append(position)
        position = text.find(COLONS, position + 2)
    position = text.find(_LEGACY)
    if position >= 0:
        legacy = []
        while position >= 0:
            legacy.append(position + 2)
            position = text.find(_LEGACY, position + 1)
        starts = sorted(starts + legacy)
    return starts


def holds_commands(text: str) -> bool:
    """True when some line of `text` is a workflow command to the runner (by the rules above)."""
    return bool(command_starts(text))


def line_may_start_command(tail: str) -> bool:
    """True when `tail`, the start of a line written so far, is only blanks and colour codes,
    and at most one colon after them: what follows may still start a `::` command."""
    return _LINE_START_SO_FAR.fullmatch(tail) is not None

"""Untrusted text made safe for each output kind: terminal, Markdown, CSV, HTML, calendar, CI.

Plan and partner files arrive through pull requests from many hands. Their content is data,
never markup or commands, so every renderer passes it through the one function here that is
made for its output kind (CONTRACT, "Untrusted content and concurrent use").
"""

import re
from typing import TYPE_CHECKING

from ilotc.output.runner import command_starts

if TYPE_CHECKING:
    import jinja2

# C0 controls but tab and newline, DEL, C1, and the bidirectional overrides and isolates that
# reorder what a reader sees ("Trojan Source"), the line and paragraph separators, and lone
# surrogates (undecodable bytes of a command-line argument), which no output can encode.
_SHOWN_ESCAPED = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_HIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f{_SHOWN_ESCAPED}]")
_HIDDEN_ANY = re.compile(f"[\x00-\x1f{_SHOWN_ESCAPED}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\x1b": "\\e"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def line(text: str) -> str:
    """`text` shown on one line: what a message, a file name or an id becomes on a terminal.

    No value can break a line of its own, so none can start a line that a reader (or GitHub's
    runner, for a `::` workflow command) would take for the tool's own.
    """
    return visible(text, multiline=False)


def number(value: int) -> str:
    """An integer in decimal, or in hexadecimal past Python's limit on decimal conversion
    (a 3,600-digit hex `session` is a valid YAML integer)."""
    try:
        return str(value)
    except ValueError:
        return hex(value)


def visible(text: str, *, multiline: bool = True) -> str:
    """`text` with every control character shown as a visible escape (`\\e`, `\\x07`, `\\u202e`).

    Tab and newline are kept where a value may span lines (`multiline`); a one-line value such
    as a file name or an id shows them escaped too.
    """
    pattern = _HIDDEN if multiline else _HIDDEN_ANY
    return pattern.sub(_escape, text) if pattern.search(text) else text


# Characters CommonMark gives a meaning anywhere in a line; '&' and '<' also start HTML.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&!])")
# What gives a line a meaning at its start: headings, quotes, lists, rules, code fences; an
# ordered list's number is escaped at its `.` or `)` (`1\.`: a backslash before a digit is no
# escape in CommonMark, and would show).
_MARKDOWN_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))", re.MULTILINE)
_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _markdown_char(match: re.Match[str]) -> str:
    char = match.group(1)
    return _MARKDOWN_ENTITIES.get(char, "\\" + char)


def _markdown_line_start(match: re.Match[str]) -> str:
    indent, mark, digits, after = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{digits}\\{after}"


def markdown(text: str) -> str:
    """`text` as literal Markdown: no markup, HTML, heading, list or table break of its own.

    Newlines become `<br>` so a value stays in its table cell or paragraph.
    """
    text = visible(text, multiline=True).replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    text = _MARKDOWN_INLINE.sub(_markdown_char, text)
    text = _MARKDOWN_LINE_START.sub(_markdown_line_start, text)
    return text.replace("\n", "<br>")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str, *, raw: bool = False) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP, "CSV Injection") and
    that shows its control characters escaped (a line break stays: the writer quotes it).

    A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, unless `raw`. Quoting
    (RFC 4180) is the CSV writer's job.
    """
    shown = visible(text)
    if not raw and text.startswith(_FORMULA_START):
        return "'" + shown
    return shown


def calendar_text(text: str) -> str:
    """A calendar TEXT value before RFC 5545 escaping (which the icalendar library's `vText`
    does: backslash, `;`, `,` and newlines): line breaks made newlines, other control
    characters, which RFC 5545 forbids in TEXT, shown escaped."""
    return visible(text.replace("\r\n", "\n").replace("\r", "\n"))


def html_value(value: object) -> object:
    """A value as an HTML template shows it (Jinja's `finalize`): text with its control
    characters escaped, HTML-escaped, and its line breaks as character references, so no value
    starts a line of the page's source, nor writes a legacy `##[` workflow command (its `#` as
    a character reference); integers in a form that exists for any size."""
    # lazy: MarkupSafe (Jinja2's escaping), which only the HTML report needs
    from markupsafe import Markup, escape  # noqa: PLC0415

    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        shown = str(escape(visible(value))).replace("\n", "&#10;").replace("##[", "&#35;#[")
        return Markup(shown)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
    return value


def html_templates() -> "jinja2.Environment":
    """The Jinja2 environment of every HTML page ilotc writes (the report, the portfolio page):
    the package's templates, autoescaping on, and every `{{ }}` value through `html_value`, so
    data is text, never markup, and shows its control characters escaped."""
    # lazy: Jinja2, imported only by the commands that render HTML
    import jinja2  # noqa: PLC0415

    return jinja2.Environment(
        loader=jinja2.PackageLoader("ilotc", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=html_value,  # every {{ }} value: control characters escaped, huge integers safe
    )


def no_commands(text: str) -> str:
    """Human-readable `text` that no CI runner takes for a workflow command: a backslash before
    any `::` that starts a line (after any Unicode blank) and inside any `##[` (`##\\[`), visible
    to the reader and, in Markdown, an escape that renders as the text itself
    (`ilotc.output.runner` finds where).

    The annotation writer's own lines are the only `::` lines ilotc prints (CONTRACT); this is
    for everything else a human reads, applied where it is written, after wrapping.
    """
    starts = command_starts(text)
    return with_backslashes(text, starts) if starts else text


def with_backslashes(text: str, positions: list[int]) -> str:
    """`text` with a backslash inserted at each of `positions` (in increasing order)."""
    pieces, last = [], 0
    for position in positions:
        pieces += [text[last:position], "\\"]
        last = position
    return "".join(pieces) + text[last:]


# Tried only at the first space of a run, which it takes whole: linear in the text (a match
# tried at every space of a run, as ` +` alone is, is quadratic in the run's length).
_TRAILING_SPACES = re.compile(r"(?<! ) ++((?:\x1b\[[0-9;]*m)*+)$", re.MULTILINE)


def without_trailing_spaces(text: str) -> str:
    """`text` with the spaces that end each line (before any closing colour codes) removed."""
    return _TRAILING_SPACES.sub(r"\1", text)


def annotation_message(text: str) -> str:
    """A GitHub workflow command's message: `%`, CR and LF escaped, so no data starts a `::` line;
    other control characters shown as visible escapes, as in every log line; a `##[` as `##\\[`."""
    escaped = visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escaped.replace("##[", "##\\[")


def annotation_property(text: str) -> str:
    """A GitHub workflow command's property value (a file name): also `:` and `,` escaped."""
    return annotation_message(text).replace(":", "%3A").replace(",", "%2C")


def markup(text: str, *, multiline: bool = True) -> str:
    """Text made safe to print as Rich markup: no markup of its own, control characters shown
    escaped (newlines too unless `multiline`)."""
    from rich.markup import escape  # noqa: PLC0415 - lazy: Rich, only where a console writes

    return escape(visible(text, multiline=multiline))

"""The streams human-readable output goes through: no workflow command, failures said plainly.

Every human-readable text ilotc writes to stdout or stderr (tables, views, reports, messages,
problems) passes through a `HumanStream`, so no value from a file can start a line that GitHub's
runner obeys (`::error`, `##[error]`), whichever command or layout put it there (CONTRACT:
only the annotation writer prints `::` lines). JSON, CSV, calendars and annotations are written
verbatim. A stream that cannot be written (closed, a full disk) raises `OutputError`, which the
entry point reports in one line.
"""

import errno
import io
import os
import secrets
import stat
import sys
from typing import Any, TextIO, cast

from ilotc.i18n import _
from ilotc.output.runner import LINE_BREAKS, command_starts, holds_commands, line_may_start_command
from ilotc.output.text import with_backslashes


class OutputError(OSError):
    """Standard output could not be written (closed, full, or failing)."""


def output_error(error: OSError) -> OutputError:
    """`error` (from writing stdout) as an OutputError, keeping its errno and reason."""
    if isinstance(error, OutputError):
        return error
    return OutputError(error.errno, error.strerror or str(error))


class HumanStream:
    """A text stream that writes to another with `no_commands` applied line by line.

    A line may arrive in several writes: a line begun with blanks only (and perhaps one colon)
    is remembered as that colon, else the last two characters are kept (for a `##[` split
    between writes), so each write is judged with what it continues, in time linear in it.
    """

    def __init__(self, target: TextIO) -> None:
        self._target = target
        self._carry = ""  # ":" or "" at a line's blank start, else the line's last characters
        self._mid_line = False

    def write(self, text: str) -> int:
        """Write `text` neutralised; the number of characters given, as a stream returns."""
        prefix = ("x" if self._mid_line else "") + self._carry  # "x": not a line's start
        combined = prefix + text
        starts = command_starts(combined)
        # a command begun in the part already written is cut where this write begins
        cuts = [max(start - len(prefix), 0) for start in starts]
        guarded = with_backslashes(text, cuts) if cuts else text
        last_break = max(text.rfind(char) for char in LINE_BREAKS)
        tail = text[last_break + 1 :] if last_break >= 0 else combined
        if line_may_start_command(tail):  # a line that may still start a command
            self._carry, self._mid_line = (":" if tail.endswith(":") else ""), False
        else:
            self._carry, self._mid_line = tail[-2:], True
        try:
            self._target.write(guarded)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise output_error(error) from error
        return len(text)

    def flush(self) -> None:
        """Flush the stream written to."""
        try:
            self._target.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise output_error(error) from error

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding...: the target's
        return getattr(self._target, name)


def _to_a_runner_log() -> bool:
    """True when stdout may be a CI runner's log: under GitHub Actions, and not a file."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return False
    try:
        return not stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):  # no descriptor: tests
        return True


def fenced(document: str) -> str:
    """A data document (CSV, JSON, a calendar) as written to stdout: as it is, unless it holds
    a line GitHub's runner would obey and stdout may be the runner's log; then between
    `::stop-commands::TOKEN` and `::TOKEN::`, GitHub's own way to print data that holds
    commands, with a random TOKEN that the document does not hold (CONTRACT, "Untrusted
    content"). CSV has no escape of its own; JSON and calendars never need this."""
    if not _to_a_runner_log() or not holds_commands(document):  # the cheap test first
        return document
    token = secrets.token_hex(16)
    while token in document:  # pragma: no cover - one chance in 2**128
        token = secrets.token_hex(16)
    end = "" if document.endswith("\n") else "\n"
    return f"::stop-commands::{token}\n{document}{end}::{token}::\n"


class ClosedStream(io.TextIOBase):
    """What stdout is when the process started with it closed (`ilotc list >&-`): writing to
    it is an OutputError, as writing to a closed descriptor would be."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OutputError(errno.EBADF, os.strerror(errno.EBADF))


WRITE_FAILURES = frozenset({errno.EBADF, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""Why writing stdout fails, besides a reader that went away (which is not an error)."""


def is_output_error(error: BaseException) -> bool:
    """True for a failure to write the output: ilotc's own writers say so (OutputError); what
    Click writes itself (help, usage) fails with the OSError of a full or closed stream."""
    return isinstance(error, OutputError) or (
        isinstance(error, OSError)
        and not isinstance(error, BrokenPipeError)
        and error.errno in WRITE_FAILURES
    )


def cannot_write(error: BaseException) -> str:
    """The one-line message for output that could not be written."""
    number = getattr(error, "errno", None) or errno.EIO
    reason = getattr(error, "strerror", None) or os.strerror(number)
    return _("ilotc: cannot write the output: {reason}").format(reason=reason)


def flush_stdout() -> None:
    """Flush stdout: a reader that went away is not an error (`reader_gone`'s rule), a full
    disk is (its OSError goes up)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        reader_gone()
    except ValueError:  # a closed stream: nothing left to write
        pass


def reader_gone() -> None:
    """Stdout's reader went away (`ilotc ... | head`): send the rest of the output to
    /dev/null, as the Python documentation's note on SIGPIPE does, so the command can finish
    with its own exit status (1 for a `validate` that found errors) and the flush at exit
    cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor (an in-memory stream, under tests)
        pass


def human_stdout() -> TextIO:
    """Stdout for human-readable text."""
    return cast("TextIO", HumanStream(sys.stdout))


def human_stderr() -> TextIO:
    """Stderr for human-readable text."""
    return cast("TextIO", HumanStream(sys.stderr))

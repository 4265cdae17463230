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
import sys
from typing import Any, TextIO, cast

from ilotc.i18n import _
from ilotc.output.text import command_starts, may_hold_commands, with_backslashes


class OutputError(OSError):
    """Standard output could not be written (closed, full, or failing)."""


def output_error(error: OSError) -> OutputError:
    """`error` (from writing stdout) as an OutputError, keeping its errno and reason."""
    if isinstance(error, OutputError):
        return error
    return OutputError(error.errno, error.strerror or str(error))


class HumanStream:
    """A text stream that writes to another with `no_commands` applied line by line.

    A line may arrive in several writes: the blanks that began the current line (or the last
    two characters, for a `##[` split between writes) are kept to judge what follows.
    """

    def __init__(self, target: TextIO) -> None:
        self._target = target
        self._carry = ""  # the current line's blank start, or its last characters
        self._mid_line = False

    def write(self, text: str) -> int:
        """Write `text` neutralised; the number of characters given, as a stream returns."""
        prefix = ("x" if self._mid_line else "") + self._carry  # "x": not a line's start
        combined = prefix + text
        starts = command_starts(combined) if may_hold_commands(combined) else []
        # a command begun in the part already written is cut where this write begins
        guarded = with_backslashes(text, [max(start - len(prefix), 0) for start in starts])
        tail = text.rsplit("\n", 1)[-1] if "\n" in text else self._carry + text
        if tail.strip(" \t\f\v") in ("", ":"):  # a line that may still start a command
            self._carry, self._mid_line = tail, False
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

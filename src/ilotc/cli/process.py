"""Every process-level trick of a one-command run: collector thresholds, freeze, exit.

A run of `ilotc` is one short process: it imports its modules, loads its data, writes its
output and exits. What makes that fast lives here, and only here (the lazy command table
is `cli/commands.py`, the console script `cli/entry.py`):
- the cyclic collector's thresholds (`ONE_SHOT_GC_THRESHOLD`), set before anything heavy
  is imported;
- the one-shot flag (`one_shot`) and `freeze_heap`, which moves what is alive after
  loading out of the collector's sight;
- the exit without tearing the interpreter down (`exit_now`).
This module imports only the standard library, so that the console script can set the
collector before Typer, Pydantic and the rest are imported.
"""

import contextlib
import gc
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Generator

# A run allocates its modules, its data and its output at once and then exits; with the
# default thresholds the cyclic collector would walk that growing heap dozens of times
# (a tenth of a short command's time) to find almost no cycles. Objects are still freed by
# reference counting; cycles are collected after every 100,000 net allocations.
ONE_SHOT_GC_THRESHOLD = (100_000, 50, 100)

_one_shot = False  # True while this process runs one command and then exits


@contextlib.contextmanager
def one_shot() -> "Generator[None]":
    """While inside, this process runs one command and then exits (see `freeze_heap`)."""
    global _one_shot  # noqa: PLW0603 - one flag for the whole process, by design
    _one_shot = True
    try:
        yield
    finally:
        _one_shot = False


def freeze_heap() -> None:
    """In a one-command process, move everything alive now out of the collector's sight.

    Called once the data is loaded: the modules imported so far and the data (which lives
    until the command ends) would be walked again by every full collection and once more at
    exit; a process that runs one command has no use for that. Elsewhere (tests, a program
    calling the app several times) it does nothing.
    """
    if _one_shot:
        gc.freeze()


def exit_status(code: object) -> int:
    """The process status `SystemExit(code)` means (a message is printed, as Python does)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


def exit_now(code: int) -> None:
    """Flush the output and end the process without tearing the interpreter down.

    Every file ilotc writes is closed before a command returns; what is left at exit is
    freeing each module and object one by one, a few milliseconds that nobody waits for
    (mypy exits the same way). A reader that went away before the flush is not an error.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, or a closed stream
            stream.flush()
    os._exit(code)

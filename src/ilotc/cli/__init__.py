"""The command line: parses options, calls the core, renders, and picks the exit code.

Every run builds the command it runs, so these modules stay light: they import Typer,
the option types and the vocabularies at the top, and the core (loading, queries, records,
rendering with Rich, reports, exports) inside the command that uses it. They also do without
`from __future__ import annotations`: Typer reads every command's annotations on each run,
and string annotations would be compiled and evaluated each time (names imported only for
type checking are quoted instead).
"""

import contextlib
import gc
import os
import sys

# A run allocates its modules, its data and its output at once and then exits; with the
# default thresholds the cyclic collector would walk that growing heap dozens of times
# (a tenth of a short command's time) to find almost no cycles. Objects are still freed by
# reference counting; cycles are collected after every 100,000 net allocations.
ONE_SHOT_GC_THRESHOLD = (100_000, 50, 100)


def run() -> None:
    """The console script (`ilotc`, `python -m ilotc`): run one command, then exit."""
    gc.set_threshold(*ONE_SHOT_GC_THRESHOLD)
    from ilotc.cli.main import run as run_app  # noqa: PLC0415 - after the collector is set

    try:
        run_app()
        code = 0
    except SystemExit as done:
        code = exit_status(done.code)
    exit_now(code)


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

"""The command line: parses options, calls the core, renders, and picks the exit code.

Every run builds the command it runs, so these modules stay light: they import Typer,
the option types and the vocabularies at the top, and the core (loading, queries, records,
rendering with Rich, reports, exports) inside the command that uses it. They also do without
`from __future__ import annotations`: Typer reads every command's annotations on each run,
and string annotations would be compiled and evaluated each time (names imported only for
type checking are quoted instead).
"""

import gc

# A run allocates its modules, its data and its output at once and then exits; with the
# default thresholds the cyclic collector would walk that growing heap dozens of times
# (a tenth of a short command's time) to find almost no cycles. Objects are still freed by
# reference counting; cycles are collected after every 100,000 net allocations.
ONE_SHOT_GC_THRESHOLD = (100_000, 50, 100)


def run() -> None:
    """The console script (`ilotc`, `python -m ilotc`): run one command, then exit."""
    gc.set_threshold(*ONE_SHOT_GC_THRESHOLD)
    from ilotc.cli.main import run as run_app  # noqa: PLC0415 - after the collector is set

    run_app()

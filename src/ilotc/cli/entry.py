"""Every process-level trick of the `ilotc` command: collector, freeze, exit, lazy commands.

A run of `ilotc` is one short process: it imports its modules, loads its data, writes its
output and exits. What makes that fast lives here, and only here:
- the cyclic collector's thresholds (`ONE_SHOT_GC_THRESHOLD`), set before anything heavy
  is imported;
- the one-shot flag (`one_shot`) and `freeze_heap`, which moves what is alive after
  loading out of the collector's sight;
- the exit without tearing the interpreter down (`exit_now`);
- the lazy command table (`COMMANDS`, `CommandTable`, `command_function`): the one
  documented place where a command's module is imported inside a function, so a run
  imports only the command it runs.
This module imports only the standard library, so that `run` can set the collector before
Typer, Pydantic and the rest are imported.
"""

import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Callable, Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Generator

    from typer._click import Command

# A run allocates its modules, its data and its output at once and then exits; with the
# default thresholds the cyclic collector would walk that growing heap dozens of times
# (a tenth of a short command's time) to find almost no cycles. Objects are still freed by
# reference counting; cycles are collected after every 100,000 net allocations.
ONE_SHOT_GC_THRESHOLD = (100_000, 50, 100)

_one_shot = False  # True while this process runs one command and then exits

COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("ilotc.cli.list_cmd", "list_actions"),
    "show": ("ilotc.cli.list_cmd", "show"),
    "overdue": ("ilotc.cli.schedule_cmd", "overdue"),
    "upcoming": ("ilotc.cli.schedule_cmd", "upcoming"),
    "update": ("ilotc.cli.update_cmd", "update"),
    "partners": ("ilotc.cli.partners_cmd", "partners_command"),
    "report": ("ilotc.cli.report_cmd", "report"),
    "diff": ("ilotc.cli.diff_cmd", "diff"),
    "export": ("ilotc.cli.export_cmd", "export"),
    "validate": ("ilotc.cli.validate_cmd", "validate"),
    "schema": ("ilotc.cli.validate_cmd", "schema"),
    "timeline": ("ilotc.cli.timeline_cmd", "timeline"),
    "init": ("ilotc.cli.init_cmd", "init"),
}
"""Each command's name, in the order `--help` lists them, and where its function lives."""


def run() -> None:
    """The console script (`ilotc`, `python -m ilotc`): run one command, then exit."""
    gc.set_threshold(*ONE_SHOT_GC_THRESHOLD)
    # lazy: the command line (Typer, Click, the option types) is imported after the
    # collector's thresholds are set, so its import runs under them
    from ilotc.cli.main import run as run_app  # noqa: PLC0415

    try:
        run_app()
        code = 0
    except SystemExit as done:
        code = exit_status(done.code)
    exit_now(code)


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


def command_function(name: str) -> Callable[..., Any]:
    """The function of command `name`, its module imported now (the lazy boundary)."""
    module, function = COMMANDS[name]
    command: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return command


class CommandTable(MutableMapping[str, "Command"]):
    """The group's commands by name: every name is known at once, each command is built (and
    its module imported) by `build` when first looked up, since a run uses only one."""

    def __init__(self, build: "Callable[[str], Command]") -> None:
        self._build = build
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> "Command":
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = self._build(name)
        return self._built[name]

    def __setitem__(self, name: str, built: "Command") -> None:
        self._built[name] = built

    def __delitem__(self, name: str) -> None:
        raise TypeError("ilotc's commands are fixed")

    def __iter__(self) -> "Iterator[str]":
        yield from COMMANDS
        yield from (name for name in self._built if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(name not in COMMANDS for name in self._built)

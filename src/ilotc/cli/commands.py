"""The command table: every command's name, in help order, and its module imported when run.

The one documented place where a command's module is imported inside a function
(`command_function`), so a run imports only the command it runs. Tests and help read
`COMMANDS`; nothing keeps a second list of commands.
"""

import ast
import importlib
import importlib.util
from collections.abc import Callable, Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typer._click import Command

COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("ilotc.cli.list_cmd", "list_actions"),
    "show": ("ilotc.cli.list_cmd", "show"),
    "overdue": ("ilotc.cli.schedule_cmd", "overdue"),
    "upcoming": ("ilotc.cli.schedule_cmd", "upcoming"),
    "update": ("ilotc.cli.update_cmd", "update"),
    "status": ("ilotc.cli.status_cmd", "status"),
    "partners": ("ilotc.cli.partners_cmd", "partners_command"),
    "report": ("ilotc.cli.report_cmd", "report"),
    "diff": ("ilotc.cli.diff_cmd", "diff"),
    "export": ("ilotc.cli.export_cmd", "export"),
    "validate": ("ilotc.cli.validate_cmd", "validate"),
    "schema": ("ilotc.cli.validate_cmd", "schema"),
    "timeline": ("ilotc.cli.timeline_cmd", "timeline"),
    "init": ("ilotc.cli.init_cmd", "init"),
    "import": ("ilotc.cli.import_cmd", "import_plan"),
}
"""Each command's name, in the order `--help` lists them, and where its function lives."""


def command_function(name: str) -> Callable[..., Any]:
    """The function of command `name`, its module imported now (the lazy boundary)."""
    module, function = COMMANDS[name]
    command: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return command


def command_doc(name: str) -> str:
    """The docstring of command `name`'s function, read from its module's source without
    importing it: `ilotc --help` lists every command, and importing them all would import the
    validation machinery (PyYAML, Pydantic) of those that validate, for a list of sentences."""
    module, function = COMMANDS[name]
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise LookupError(f"no source for {module}")
    with open(spec.origin, encoding="utf-8") as source:
        tree = ast.parse(source.read(), spec.origin)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            return ast.get_docstring(node) or ""
    raise LookupError(f"{module} has no function {function}")


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

    def built(self, name: str) -> "Command | None":
        """The command `name` if it was built already, else None (without building it)."""
        return self._built.get(name)

    def __iter__(self) -> "Iterator[str]":
        yield from COMMANDS
        yield from (name for name in self._built if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(name not in COMMANDS for name in self._built)

"""The shape of a registry of text document formats: name, help, writer, and whether it writes Rich markup.

Problems (`output.problems`) and phrase readings (`output.reading`) register their formats
with it; the CLI derives `--format` choices from a registry's keys, writes a markup document
through a console (so a terminal gets colours and a pipe plain text) and any other as it is.
"""

from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class TextFormat(NamedTuple, Generic[T]):  # a named tuple, not a dataclass: cheaper to define at start-up
    """A document format: its name, its help, its writer, and whether what it writes is Rich
    markup (for a console) or plain text (for stdout as it is)."""

    name: str
    help: str
    render: Callable[[T], str]
    markup: bool = False


def registry(*formats: TextFormat[T]) -> dict[str, TextFormat[T]]:
    """The formats by name, in the order given (the order `--format` lists them)."""
    return {found.name: found for found in formats}

"""Shared option blocks: declared once, listed in each command's help where the command puts
them, and handed to the command as one value."""

from typing import Annotated, NamedTuple

import pytest
import typer
from typer.testing import CliRunner

from ilotc.cli.commands import COMMANDS, command_function
from ilotc.cli.filters import FILTERS, Filters
from ilotc.cli.main import command
from ilotc.cli.option_blocks import OptionBlock, with_options


class Size(NamedTuple):
    width: int = 80
    height: int | None = None


SIZE = OptionBlock(
    Size,
    {
        "width": Annotated[int, typer.Option("--width")],
        "height": Annotated[int | None, typer.Option("--height")],
    },
)


def test_a_block_becomes_options_in_its_place_and_one_value() -> None:
    seen: list[object] = []

    @with_options(SIZE)
    def draw(name: str, size: Size = Size(), loud: bool = False) -> None:  # noqa: B008
        seen.append((name, size, loud))

    app = typer.Typer()
    app.command()(draw)
    app.command("other")(lambda: None)
    result = CliRunner().invoke(app, ["draw", "box", "--height", "3", "--loud"])
    assert result.exit_code == 0, result.output
    assert seen == [("box", Size(80, 3), True)]
    help_text = CliRunner().invoke(app, ["draw", "--help"]).output
    assert help_text.index("--width") < help_text.index("--height") < help_text.index("--loud")


def test_a_command_without_the_blocks_parameter_is_refused() -> None:
    with pytest.raises(TypeError, match="no parameter for each block"):

        @with_options(SIZE)
        def draw(name: str) -> None:
            pass


FILTER_OPTIONS = {
    "--part",
    "--section",
    "--kind",
    "--status",
    "--partner",
    "--search",
    "--due-before",
    "--due-after",
}
ACTION_COMMANDS = {"list", "overdue", "upcoming", "status", "export", "report", "diff"}


def _takes_the_filters(name: str) -> bool:
    return hasattr(command_function(name), "__wrapped__")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_command_takes_every_filter_from_the_one_block_or_none(name: str) -> None:
    options = {opt for param in command(name).params for opt in param.opts}
    if _takes_the_filters(name):
        assert options >= FILTER_OPTIONS
    else:
        assert not options & {"--part", "--section", "--kind", "--due-before", "--due-after"}
    assert list(FILTERS.options) == list(Filters._fields)


def test_the_action_commands_take_the_filters() -> None:
    taking = {name for name in COMMANDS if _takes_the_filters(name)}
    assert taking >= ACTION_COMMANDS

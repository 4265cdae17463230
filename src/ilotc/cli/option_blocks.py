"""Blocks of Typer options that several commands share, declared once, given to each command.

As sqlite-utils shares Click decorators, a command names a block once, by a parameter
annotated with the block's type (`filters: Filters = NO_FILTERS`); `with_options` puts the
block's options in that parameter's place in the signature Typer reads (so `--help` lists
them there) and hands the command one value of the block's type holding what was given.
"""

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class OptionBlock(NamedTuple):
    """A named tuple type whose fields are options, and each field's Typer annotation."""

    values: type[tuple[Any, ...]]
    options: Mapping[str, Any]


def with_options(*blocks: OptionBlock) -> Callable[[F], F]:
    """Decorator: each parameter of the command annotated with a block's type becomes that
    block's options, in its place; the command receives the block's values in it."""

    def decorate(command: F) -> F:
        signature = inspect.signature(command)
        by_type = {block.values: block for block in blocks}
        expanded: list[inspect.Parameter] = []
        packed: dict[str, OptionBlock] = {}
        for parameter in signature.parameters.values():
            block = by_type.get(parameter.annotation)
            if block is None:
                expanded.append(parameter)
                continue
            packed[parameter.name] = block
            defaults = block.values()
            expanded += [
                inspect.Parameter(
                    name,
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    default=getattr(defaults, name),
                    annotation=annotation,
                )
                for name, annotation in block.options.items()
            ]
        if {block.values for block in packed.values()} != set(by_type):
            raise TypeError(f"{command.__name__} has no parameter for each block of options")

        @functools.wraps(command)
        def with_blocks(*args: Any, **given: Any) -> Any:
            for name, block in packed.items():
                given[name] = block.values(**{option: given.pop(option) for option in block.options})
            return command(*args, **given)

        wrapped = signature.replace(parameters=expanded)
        with_blocks.__signature__ = wrapped  # type: ignore[attr-defined]
        with_blocks.__annotations__ = {
            parameter.name: parameter.annotation
            for parameter in wrapped.parameters.values()
            if parameter.annotation is not inspect.Parameter.empty
        } | {"return": signature.return_annotation}
        return with_blocks  # type: ignore[return-value]

    return decorate

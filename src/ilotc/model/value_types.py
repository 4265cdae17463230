"""Named tuples as value types: equal only to values of their own kind.

A named tuple is a tuple: left alone, `Problem(...) == ("plan.yaml", 3, ...)` is true and a
problem sorts among plain tuples. `own_kind_only` makes such a type compare (==, !=, <, <=,
>, >=) only with instances of itself: with anything else it is unequal, and ordering raises
TypeError. Hashes stay the tuple's, so sets and dicts of values behave as before.
"""

import operator
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T", bound=type[tuple[Any, ...]])


def own_kind_only(cls: T) -> T:
    """Class decorator: `cls`'s instances compare only with instances of `cls`."""

    def equal(self: tuple[Any, ...], other: object) -> bool:
        return isinstance(other, cls) and tuple.__eq__(self, other)

    def unequal(self: tuple[Any, ...], other: object) -> bool:
        return not equal(self, other)

    def ordering(compare: Callable[[Any, Any], bool]) -> Callable[[tuple[Any, ...], object], bool]:
        def ordered(self: tuple[Any, ...], other: object) -> bool:
            if not isinstance(other, cls):
                # not NotImplemented: Python would then ask the plain tuple, which accepts any
                # tuple, this one included
                raise TypeError(f"{cls.__name__} values are ordered only among themselves")
            return compare(tuple(self), tuple(other))

        return ordered

    methods = {
        "__eq__": equal,
        "__ne__": unequal,
        "__hash__": tuple.__hash__,
        "__lt__": ordering(operator.lt),
        "__le__": ordering(operator.le),
        "__gt__": ordering(operator.gt),
        "__ge__": ordering(operator.ge),
    }
    for name, method in methods.items():
        setattr(cls, name, method)
    return cls

"""Problems found in a data file, as values with positions.

Nothing here prints: loaders and validators return problems, and the CLI renders them.
"""

from enum import StrEnum
from typing import NamedTuple

from ilotc.i18n import _
from ilotc.model.value_types import own_kind_only


class Severity(StrEnum):
    """How bad a problem is: an error fails validation, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@own_kind_only
class Problem(NamedTuple):
    """One problem in one file: 1-based line and column, and an RFC 6901 pointer (equal only
    to another Problem; problems are ordered by `position`)."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    pointer: str = ""

    def position(self) -> tuple[str, int, int]:
        """Where it is: problems are listed in file order (`sorted(..., key=Problem.position)`)."""
        return self.path, self.line, self.column

    @property
    def is_error(self) -> bool:
        """True when the problem fails validation."""
        return self.severity is Severity.ERROR

    def to_json(self) -> dict[str, object]:
        """The record `ilotc validate --format json` prints."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "message": self.message,
            "pointer": self.pointer,
        }

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


def pointer_of(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """The RFC 6901 JSON pointer of a path of keys and indexes."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def as_errors(problems: list[Problem]) -> list[Problem]:
    """The same problems with every warning made an error (`validate --strict`)."""
    return [problem._replace(severity=Severity.ERROR) for problem in problems]


def withheld(problems: list[Problem], path: str) -> list[Problem]:
    """`problems` with those of `path`, a registry that a plan names (not a file the user named),
    kept at their positions but said without their words, which may quote its values: a plan
    from a pull request never brings another file's values into a command's output (CONTRACT,
    "Untrusted content"). `ilotc validate PATH` shows them."""
    message = _(
        "a problem in the partner registry the plan names, not shown here: run 'ilotc validate {path}'"
    )
    return [
        problem._replace(message=message.format(path=path)) if problem.path == path else problem
        for problem in problems
    ]


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error."""
    return any(problem.is_error for problem in problems)


class DataFileError(Exception):
    """A data file that could not be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems

"""What every command shares: consoles, data options, loading, dates and problems."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from ilotc.dates import ACCEPTED_FORM, DateFormatError, PlanDate
from ilotc.loading import Dataset, FileAccessError, FileKind, file_in_use, load
from ilotc.problems import DataFileError, Problem

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class ListFormat(StrEnum):
    """Output formats of listing commands (the keys of render.RENDERERS)."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Plan file to use [env: ILOTC_PLAN; default: the bundled GB.276/TC/2 plan].",
        show_default=False,
        dir_okay=True,
    ),
]
PartnersOption = Annotated[
    Path | None,
    typer.Option(
        "--partners",
        help="Partner registry to use [env: ILOTC_PARTNERS; default: the bundled registry].",
        show_default=False,
    ),
]
FormatOption = Annotated[
    ListFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]


def stdout() -> Console:
    """The console for results (plain text when piped or when NO_COLOR is set)."""
    return Console(file=sys.stdout, soft_wrap=False, highlight=False)


def stderr() -> Console:
    """The console for messages, warnings and problems."""
    return Console(file=sys.stderr, soft_wrap=True, highlight=False)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print an error to stderr and exit with `code`."""
    stderr().print(f"[bold red]Error:[/] {escape(message)}")
    raise typer.Exit(code)


def parse_date(value: str | None, option: str) -> PlanDate | None:
    """A DATE option's value, or exit 2 naming the accepted form."""
    if value is None:
        return None
    try:
        return PlanDate.parse(value)
    except DateFormatError:
        fail(f"{option} {value!r} is not a date: expected {ACCEPTED_FORM}")


def as_of_day(value: str | None) -> dt.date:
    """The as-of day: a month means its first day; no value means today."""
    date = parse_date(value, "--as-of")
    return date.first_day() if date is not None else today()


def today() -> dt.date:
    """Today, or $ILOTC_TODAY (YYYY-MM-DD) so scripts and tests can pin the date."""
    pinned = os.environ.get("ILOTC_TODAY")
    if pinned:
        try:
            return PlanDate.parse(pinned).first_day()
        except DateFormatError:
            fail(f"ILOTC_TODAY {pinned!r} is not a date: expected {ACCEPTED_FORM}")
    return dt.date.today()


def data_paths(ctx: typer.Context, plan: Path | None, partners: Path | None) -> tuple[Path, Path]:
    """The files in use: the command's options, else the global ones, else env or bundled."""
    shared = ctx.obj if isinstance(ctx.obj, dict) else {}
    return (
        file_in_use(FileKind.PLAN, plan or shared.get("plan")),
        file_in_use(FileKind.PARTNERS, partners or shared.get("partners")),
    )


def print_problems(problems: list[Problem], console: Console) -> None:
    """Problems as `file:line:column: severity: message` lines."""
    for problem in problems:
        colour = "red" if problem.is_error else "yellow"
        console.print(
            f"{escape(problem.path)}:{problem.line}:{problem.column}: "
            f"[{colour}]{problem.severity}[/]: {escape(problem.message)}",
            soft_wrap=True,
        )


def load_data(ctx: typer.Context, plan: Path | None, partners: Path | None) -> Dataset:
    """Both files, validated; on problems print them like `validate` and exit 1."""
    plan_path, partners_path = data_paths(ctx, plan, partners)
    try:
        dataset = load(plan_path, partners_path)
    except FileAccessError as error:
        fail(str(error))
    except DataFileError as error:
        print_problems(error.problems, stderr())
        count = sum(problem.is_error for problem in error.problems)
        fail(f"{count} problem(s) in the data; run 'ilotc validate' for details", EXIT_PROBLEMS)
    return dataset

"""`ilotc validate` and `ilotc schema`.

File names and messages quote data: text output shows them through `escape` (one line each),
GitHub annotations through `annotation_property`/`annotation_message` (`ilotc.output.text`).
"""

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ilotc.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    PartnersOption,
    PlanOption,
    data_paths,
    escape,
    print_problems,
    stderr,
    stdout,
    write_out,
)
from ilotc.i18n import _, ngettext
from ilotc.output.text import annotation_message, annotation_property
from ilotc.problems import Problem, as_errors, has_errors

if TYPE_CHECKING:
    from ilotc.loading import ReadInput

STDIN = "-"
STDIN_LABEL = "<stdin>"


class ProblemFormat(StrEnum):
    """How `validate` prints problems."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def _github(problem: Problem) -> str:
    """The annotation writer: the only place that prints a line starting with `::`."""
    level = "error" if problem.is_error else "warning"
    return (
        f"::{level} file={annotation_property(problem.path)},line={problem.line},"
        f"col={problem.column}::{annotation_message(problem.message)}"
    )


def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan or partner files, '-' for standard input (default: the plan and registry in use).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        ProblemFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="text, json, or github (workflow annotations; the default when GITHUB_ACTIONS=true).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Count warnings as errors (exit 1 when there is any)."),
    ] = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """Check plan and partner files and report every problem at once.

    Each problem names the file, line and column and says what was expected.
    Exit 0 when there is no error (warnings allowed, unless --strict), 1 when there is one,
    2 when a file cannot be opened.
    """
    from ilotc.loading import validate_paths  # noqa: PLC0415

    plan_path, partners_path = data_paths(ctx, plan, partners)
    targets = [_input(path) for path in paths] if paths else [partners_path, plan_path]
    if fmt is None:
        fmt = ProblemFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true" else ProblemFormat.TEXT
    run = validate_paths(targets, partners_path)
    problems, unreadable = (as_errors(run.problems) if strict else run.problems), len(run.unreadable)
    for message in run.unreadable:
        stderr().print("[bold red]" + escape(_("Error:")) + f"[/] {escape(message, multiline=False)}")
    if fmt is ProblemFormat.JSON:
        from ilotc.json_text import dumps_indented  # noqa: PLC0415

        write_out(dumps_indented([p.to_json() for p in problems]) + "\n")
    elif fmt is ProblemFormat.GITHUB:
        write_out("".join(_github(problem) + "\n" for problem in problems))
    else:
        print_problems(problems, stdout())
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    checked = len(targets) - unreadable
    stderr().print(escape(summary(checked, errors, warnings, unreadable)), soft_wrap=True)
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_PROBLEMS if has_errors(problems) else EXIT_OK)


def summary(checked: int, errors: int, warnings: int, unreadable: int) -> str:
    """The closing line: how many files were checked, and what was found."""
    text = _("{files}: {errors}, {warnings}").format(
        files=ngettext("{count} file checked", "{count} files checked", checked).format(count=checked),
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )
    if unreadable:
        text += ngettext("; {count} could not be opened", "; {count} could not be opened", unreadable).format(
            count=unreadable
        )
    return text


def _input(path: Path) -> "Path | ReadInput":
    """The path, or standard input's bytes for `-`."""
    if str(path) != STDIN:
        return path
    from ilotc.loading import ReadInput  # noqa: PLC0415

    return ReadInput(STDIN_LABEL, sys.stdin.buffer.read())


class SchemaKind(StrEnum):
    """Which file's schema."""

    PLAN = "plan"
    PARTNERS = "partners"


def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="plan or partners.", case_sensitive=False)],
) -> None:
    """Print the JSON Schema of a plan or partner file (for editors and check-jsonschema)."""
    from ilotc.loading import FileKind  # noqa: PLC0415
    from ilotc.schemas import json_schema_text  # noqa: PLC0415

    write_out(json_schema_text(FileKind(kind.value)))

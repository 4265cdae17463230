"""`ilotc validate` and `ilotc schema`.

Problems are written by the format `ilotc.output.problems` registers under `--format`.
"""

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ilotc.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    PartnersOption,
    PlanOption,
    data_options,
    escape,
    fail,
    stderr,
    write_out,
)
from ilotc.cli.output import format_choice, formats_help, write_document
from ilotc.i18n import _, ngettext
from ilotc.output.problems import PROBLEM_FORMATS
from ilotc.store.discovery import expand
from ilotc.store.problems import DataFileError, Problem, Severity, as_errors, has_errors
from ilotc.store.schemas import json_schema_text
from ilotc.store.sources import (
    YAML_SUFFIXES,
    FileAccessError,
    FileKind,
    bundled_file,
    plan_options,
    read_bytes,
    registry_for,
    resolved,
)
from ilotc.store.validate.parallel import validate_many
from ilotc.store.validate.validation import ReadInput

STDIN = "-"
STDIN_LABEL = "<stdin>"


def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH...",
            help="Plan or partner files, or folders of them; '-' for standard input "
            "(default: the plans and registries in use).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=formats_help(
                ((name, found.help) for name, found in PROBLEM_FORMATS.items()),
                "[default: github when GITHUB_ACTIONS=true, else text].",
            ),
            click_type=format_choice(PROBLEM_FORMATS),
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Count warnings as errors (exit 1 when there is any)."),
    ] = False,
    skip_other: Annotated[
        bool,
        typer.Option(
            "--skip-other-yaml",
            help="Pass over the files named that are neither a plan nor a partner registry by "
            "their content (the pre-commit hook's mode, given every YAML file), instead of an error.",
        ),
    ] = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """Check plan and partner files and report every problem at once.

    Each problem names the file, line and column and says what was expected.
    Exit 0 when there is no error (warnings allowed, unless --strict), 1 when there is one,
    2 when a file cannot be opened.
    """
    plans, override = data_options(ctx, plan, partners)
    assigned: dict[Path, Path] = {}
    targets = _files_in(paths) if paths else _files_in_use(plans, override, assigned)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    default = override or bundled_file(FileKind.PARTNERS)
    run = validate_many(
        targets,
        default,
        override=override is not None,
        assigned=assigned,
        strict=strict,
        skip_other=skip_other,
    )
    problems, unreadable = (as_errors(run.problems) if strict else run.problems), len(run.unreadable)
    for message in run.unreadable:
        stderr().print("[bold red]" + escape(_("Error:")) + f"[/] {escape(message, multiline=False)}")
    writer = PROBLEM_FORMATS[fmt]
    shown = problems
    if fmt == "github":  # a file that cannot be opened shows in the run's annotations too
        opened = zip(run.unopened, run.unreadable, strict=True)
        shown = [*problems, *(Problem(name, 1, 1, Severity.ERROR, message) for name, message in opened)]
    write_document(writer.render(shown), markup=writer.markup, annotations=fmt == "github")
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    checked = len(targets) - unreadable - len(run.passed_over)
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


def _files_in(paths: list[Path]) -> "list[Path | ReadInput]":
    """The paths given, a folder standing for every YAML file directly in it and `-` for
    standard input's bytes."""
    files: list[Path | ReadInput] = []
    for path in paths:
        if str(path) == STDIN:
            files.append(ReadInput(STDIN_LABEL, sys.stdin.buffer.read()))
        elif path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in YAML_SUFFIXES and p.is_file())
            if not found:
                fail(
                    _(
                        "{path}: a folder with no plan or registry in it; expected *.yaml or *.yml files"
                    ).format(path=path)
                )
            files += found
        else:
            files.append(path)
    return files


def _files_in_use(plans: list[Path] | None, override: Path | None, assigned: dict[Path, Path]) -> list[Path]:
    """Each plan in use after the registry it is checked against (noted in `assigned`), each
    file once."""
    files: dict[Path, Path] = {}
    registries: dict[Path, Path] = {}  # a registry shared by a portfolio is resolved once
    try:
        sources = expand(plan_options(plans))
    except (FileAccessError, DataFileError) as error:
        fail(str(error) if isinstance(error, FileAccessError) else _("a plan folder cannot be read"))
    for source in sources:
        key = resolved(source.path)
        try:
            registry = registry_for(source, read_bytes(source.path), override)
            if registry not in registries:
                registries[registry] = resolved(registry)
            files.setdefault(registries[registry], registry)
            assigned[key] = registry
        except (FileAccessError, DataFileError):
            pass  # the plan itself is reported as unreadable, or its problem located
        files.setdefault(key, source.path)
    return list(files.values())


class SchemaKind(StrEnum):
    """Which file's schema."""

    PLAN = "plan"
    PARTNERS = "partners"


def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(metavar="KIND", help="plan or partners.", case_sensitive=False)
    ],
) -> None:
    """Print the JSON Schema of a plan or partner file (for editors and check-jsonschema)."""
    write_out(json_schema_text(FileKind(kind.value)), verbatim=True)

"""`ilotc diff`: what changed between two versions of a plan."""

from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ilotc.cli.common import (
    EXIT_PROBLEMS,
    PartnersOption,
    as_of_day,
    data_options,
    escape,
    fail,
    note,
    print_problems,
    stderr,
    stdout,
    write_out,
)
from ilotc.cli.filters import (
    FILTERS,
    NO_FILTERS,
    AsOf,
    Filters,
    build_filter,
)
from ilotc.cli.option_blocks import with_options
from ilotc.cli.output import format_choice, formats_help
from ilotc.diff.changes import ChangeKind, diff_plans
from ilotc.diff.versions import load_version, read_version, registry_of
from ilotc.i18n import _, ngettext
from ilotc.model.plan import merge_plans
from ilotc.model.queries import ActionFilter
from ilotc.output.diff import FORMATS, Comparison, render_diff
from ilotc.store.loading import Dataset, load_registry
from ilotc.store.problems import DataFileError, withheld
from ilotc.store.sources import FileAccessError

if TYPE_CHECKING:
    from pathlib import Path

    from ilotc.diff.versions import LoadedVersion
    from ilotc.model.plan import Plan
    from ilotc.model.registry import Registry
    from ilotc.store.problems import Problem

_EITHER = (
    "a plan file, or a git object REV:PATH (e.g. main:data/plan.yaml) read with 'git show' "
    "in the current repository; a file of that name wins."
)


@with_options(FILTERS)
def diff(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(metavar="OLD", help="The version before the change: " + _EITHER)],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The version after the change: " + _EITHER)],
    filters: Filters = NO_FILTERS,
    as_of: AsOf = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help=formats_help((name, what) for name, (_render, what) in FORMATS.items()),
            click_type=format_choice(FORMATS),
        ),
    ] = "table",
    fail_on: Annotated[
        list[ChangeKind] | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a change of this kind is found (repeatable).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    partners: PartnersOption = None,
) -> None:
    """Show what changed between two versions of a plan, action by action: added, removed,
    reworded, timelines moved, statuses updated, partners linked, actions moved.

    OLD and NEW are plan files or git objects REV:PATH. Filters narrow the actions compared.
    Exit 0 whatever changed (1 with --fail-on and a change of that kind; 1 when either
    version has problems, printed as 'ilotc validate' prints them). Each version is checked
    against the registry its plan names (for REV:PATH, that registry at REV, else the working
    tree's, with a note), else the bundled one; --partners checks both against one registry.

    Examples: ilotc diff main:data/plan.yaml data/plan.yaml;
    ilotc diff HEAD~1:data/plan.yaml HEAD:data/plan.yaml --format markdown --fail-on removed
    """
    day = as_of_day(as_of)
    versions, registry = _load_versions(old, new, data_options(ctx, None, partners)[1])
    before, after = _plans(versions)
    # the filters name parts and sections of either version
    both = Dataset(merge_plans([before, after]), registry, ())
    where = build_filter(filters, both)
    keep = None if where == ActionFilter() else (lambda action: where.matches(action, day, registry))
    records = diff_plans(versions[1].name, before, after, keep)
    document = render_diff(fmt, Comparison(old, new, records))
    if isinstance(document, str):
        write_out(document, verbatim=fmt == "json")
    else:
        stdout().print(document)
    found = sorted({record["change"] for record in records} & set(fail_on or []))
    if found:
        note(_("ilotc diff: found {changes} (--fail-on)").format(changes=", ".join(found)))
        raise typer.Exit(EXIT_PROBLEMS)


def _load_versions(old: str, new: str, override: "Path | None") -> "tuple[list[LoadedVersion], Registry]":
    """Both versions, validated, and the registry of the new one (which the filters read); on
    problems print them like `validate` and exit."""
    registry: Registry | None = None
    if override is not None:  # --partners: both sides are checked against it
        try:
            registry = load_registry(override)[0]
        except FileAccessError as error:
            fail(str(error))
        except DataFileError as error:
            _stop(error.problems)
    versions: list[LoadedVersion] = []
    problems: list[Problem] = []
    unreadable: list[str] = []
    for spec in (old, new):
        # else each side against the registry its plan names (see plan_versions.registry_of)
        try:
            version = read_version(spec)
            if override is None:
                source, said = registry_of(version)
                if said is not None:
                    note(said)
                try:
                    registry = load_registry(source)[0]
                except DataFileError as error:  # a file the plan names: its values not shown
                    raise DataFileError(withheld(error.problems, source.label)) from None
            assert registry is not None
            loaded = load_version(version, registry.ids)
        except FileAccessError as error:
            unreadable.append(str(error))
        except DataFileError as error:
            problems += error.problems
        else:
            versions.append(loaded)
            problems += loaded.problems
    for message in unreadable:
        stderr().print(f"[bold red]{escape(_('Error:'))}[/] {escape(message, multiline=False)}")
    if unreadable:
        raise typer.Exit(2)
    if any(problem.is_error for problem in problems):
        _stop(problems)
    assert registry is not None
    return versions, registry


def _plans(versions: "list[LoadedVersion]") -> "tuple[Plan, Plan]":
    before, after = (version.plan for version in versions)
    assert before is not None and after is not None  # versions with errors stopped above
    return before, after


def _stop(problems: "list[Problem]") -> NoReturn:
    print_problems(problems, stderr())
    count = sum(problem.is_error for problem in problems)
    fail(
        ngettext(
            "{count} problem(s) in the data; run 'ilotc validate' on the files for details",
            "{count} problem(s) in the data; run 'ilotc validate' on the files for details",
            count,
        ).format(count=count),
        EXIT_PROBLEMS,
    )

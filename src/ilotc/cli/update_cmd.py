"""`ilotc update`: record a dated status change in the plan file."""

from typing import Annotated

import typer

from ilotc.cli.common import (
    PartnersOption,
    PlanOption,
    data_paths,
    escape,
    fail,
    parse_date,
    print_problems,
    stderr,
    today,
    write_out,
)
from ilotc.dates import PlanDate
from ilotc.vocab import Status


def update(
    ctx: typer.Context,
    action_id: Annotated[str, typer.Argument(metavar="ID", help="Action id, e.g. I.1a.1.")],
    status: Annotated[
        Status, typer.Option("--status", help="The new status.", case_sensitive=False, show_default=False)
    ],
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="When it changed: YYYY-MM or YYYY-MM-DD [default: today].", show_default=False
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A short note kept with the change.")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the change as a diff; write nothing.")
    ] = False,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """Append a dated status change to an action's history in the plan file.

    Only the new lines are added: comments, order and layout stay as they are. The result
    is validated before it is written, and written atomically. Example:
    ilotc update I.1a.1 --status done --date 2000-06 --note "Déclaration diffusée"
    """
    import difflib  # noqa: PLC0415

    from ilotc.editing import EditError, StatusUpdate, append_status_change, write_atomically  # noqa: PLC0415
    from ilotc.loading import (  # noqa: PLC0415
        FileAccessError,
        FileKind,
        Source,
        check_plan_source,
        load_registry,
        packaged_file,
        read_source,
    )
    from ilotc.problems import DataFileError, has_errors  # noqa: PLC0415
    from ilotc.safe_yaml import YamlProblem  # noqa: PLC0415

    when = parse_date(date, "--date") or PlanDate.of(today())
    plan_path, partners_path = data_paths(ctx, plan, partners)
    installed = packaged_file(FileKind.PLAN)
    if installed is not None and plan_path.resolve() == installed.resolve():
        fail(
            "the bundled plan inside the installed package is read-only; "
            "copy it and pass --plan PATH (or set ILOTC_PLAN) to keep your own"
        )
    try:
        registry, _ = load_registry(partners_path)
        source = read_source(plan_path)
        _, problems = check_plan_source(source, registry.ids)
        if has_errors(problems):
            print_problems(problems, stderr())
            fail("the plan has problems; fix them (see 'ilotc validate') before updating it", 1)
        change = StatusUpdate(action_id, status, when, note)
        updated = append_status_change(source.text, change)
    except FileAccessError as error:
        fail(str(error))
    except DataFileError as error:
        print_problems(error.problems, stderr())
        fail("the data has problems; run 'ilotc validate' for details", 1)
    except (EditError, YamlProblem) as error:
        fail(str(error))
    _, problems = check_plan_source(Source(source.label, updated), registry.ids)
    if has_errors(problems):  # the edit itself must never break the file
        print_problems(problems, stderr())
        fail("the change would make the plan invalid; nothing was written", 1)
    if dry_run:
        write_out(
            "".join(
                difflib.unified_diff(
                    source.text.splitlines(keepends=True),
                    updated.splitlines(keepends=True),
                    fromfile=source.label,
                    tofile=f"{source.label} (updated)",
                )
            )
        )
        return
    try:
        write_atomically(plan_path, updated)
    except OSError as error:
        fail(f"{plan_path}: cannot be written ({error.strerror or error}); the file is unchanged", 1)
    stderr().print(escape(f"{action_id}: {status} from {when}, recorded in {plan_path}"))

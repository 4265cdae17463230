"""`ilotc update`: record a dated status change in the plan file, never losing one.

The flow (read, lock, splice, validate, write) is `ilotc.edit.updating.update_plan`; this module
reads the options, runs it, and says what it did or why it did not.
"""

import re
from pathlib import Path
from typing import Annotated

import typer

from ilotc.cli.common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    PartnersOption,
    PlanOption,
    escape,
    fail,
    find_action,
    load_data,
    parse_date,
    print_problems,
    stderr,
    today,
    write_out,
)
from ilotc.cli.completion import action_ids
from ilotc.cli.returns_cmd import update_from
from ilotc.edit.editing import StatusUpdate
from ilotc.edit.updating import UpdateRefused, update_plan
from ilotc.i18n import _
from ilotc.model.dates import PlanDate
from ilotc.model.vocab import Status

_SURROGATE = re.compile("[\ud800-\udfff]")  # bytes of an argument that were not UTF-8


def update(
    ctx: typer.Context,
    action_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]", help="Action id, e.g. I.1a.1.", autocompletion=action_ids, show_default=False
        ),
    ] = None,
    status: Annotated[
        Status | None,
        typer.Option("--status", help="The new status.", case_sensitive=False, show_default=False),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="When it changed: YYYY-MM or YYYY-MM-DD [default: today].",
            show_default=False,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A short note kept with the change.")] = None,
    undo: Annotated[
        bool,
        typer.Option("--undo", help="Take back the action's last recorded change (shown as a diff)."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the change as a diff; write nothing.")
    ] = False,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="FILE",
            help="Status returns (.xlsx or .csv, as 'export --format xlsx --returns' writes): every "
            "filled row is recorded, or none; with --undo, all taken back.",
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = None,
    partners: PartnersOption = None,
) -> None:
    """Record a dated status change in an action's history in the plan file, or take the
    last one back with --undo.

    A change goes in date order, so one forgotten can be entered later; a history that
    cannot happen (planned again after a start, an end or a cancellation) is refused with
    the reason. Only the new lines are added (or the old ones removed): comments, order, layout,
    the file's mode and owner, line endings and a byte order mark stay as they are. The
    result is validated before it is written, and written atomically. Updates of one file
    take turns (a lock FILE.lock beside it; one still locked after 10 s stops with exit 1).
    Examples: ilotc update I.1a.1 --status done --date 2000-06 --note "Déclaration diffusée";
    ilotc update I.1a.1 --undo --dry-run;  ilotc update --from returns.xlsx --dry-run
    """
    if from_file is not None:
        if action_id is not None or status is not None or date is not None or note is not None:
            fail(_("--from takes the changes from the file: give no ID, --status, --date or --note"))
        update_from(ctx, from_file, undo=undo, dry_run=dry_run, plan=plan, partners=partners)
        return
    if action_id is None:
        fail(_("give the ID of the action to update, or --from FILE"))
    if undo == (status is not None):
        fail(_("give --status S to record a change, or --undo to take the last one back"))
    if undo and (date is not None or note is not None):
        fail(_("--undo takes back the last change as it was recorded: it takes no --date or --note"))
    when = parse_date(date, "--date") or PlanDate.of(today())
    if note is not None and _SURROGATE.search(note):
        fail(_("--note {note!r} is not UTF-8 text; give the note in UTF-8").format(note=note))
    held, used = find_action(load_data(ctx, plan, partners), action_id)
    action_id, plan_path, partners_path = held.id, used.path, used.registry_path
    change = StatusUpdate(action_id, status, when, note) if status is not None else None
    try:
        edit = update_plan(plan_path, partners_path, action_id, change, dry_run=dry_run)
    except UpdateRefused as refused:
        print_problems(refused.problems, stderr())
        fail(refused.message, EXIT_USAGE if refused.usage else EXIT_PROBLEMS)
    if dry_run or undo:  # what --undo removed is shown, as git shows what a revert does
        write_out(edit.diff())
    if not dry_run:
        stderr().print(escape(edit.done, multiline=False))

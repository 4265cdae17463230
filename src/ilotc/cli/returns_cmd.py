"""`ilotc update --from FILE`: status returns from a spreadsheet or CSV, recorded all together or not at all.

The rows are read and checked by `ilotc.edit.returns.read_returns`; each plan file's changes
are one edit under one lock (`ilotc.edit.updating.update_batch`). Every file is worked out
before any is written, so a problem anywhere writes nothing.
"""

from pathlib import Path

import typer

from ilotc.cli.common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    escape,
    fail,
    load_data,
    note,
    print_problems,
    stderr,
    today,
    write_out,
)
from ilotc.edit.editing import StatusUpdate
from ilotc.edit.returns import read_returns
from ilotc.edit.updating import PlanEdit, UpdateRefused, update_batch
from ilotc.i18n import _, ngettext
from ilotc.office.reading import OfficeFileError, read_tables


def update_from(
    ctx: typer.Context,
    source: Path,
    *,
    undo: bool,
    dry_run: bool,
    plan: list[Path] | None,
    partners: Path | None,
) -> None:
    """Record (or with `undo` take back) every filled row of `source`, or nothing; exit 1 on
    any problem, each said with its sheet, row and column."""
    if source.suffix.lower() not in (".xlsx", ".csv"):
        fail(_("--from {path}: expected a .xlsx or .csv file").format(path=source))
    try:
        tables = read_tables(source)
    except OfficeFileError as error:
        fail(str(error))
    data = load_data(ctx, plan, partners)
    returns = read_returns(tables.tables, data.plan, today(), undo=undo)
    if returns.problems:
        for problem in returns.problems:
            stderr().print(escape(f"{source.name}: {problem.words()}", multiline=False))
        count = len(returns.problems)
        message = ngettext(
            "{count} problem in {file}; nothing was recorded",
            "{count} problems in {file}; nothing was recorded",
            count,
        )
        fail(message.format(count=count, file=source.name), EXIT_PROBLEMS)
    files = {used.plan.name: used for used in data.plans}
    batches: dict[str, list[StatusUpdate]] = {}
    for returned in returns.changes:
        batches.setdefault(returned.action.plan, []).append(returned.change)
    edits: list[PlanEdit] = []
    try:
        for name, changes in batches.items():  # every file worked out first: all or nothing
            used = files[name]
            update_batch(used.path, used.registry_path, changes, undo=undo, dry_run=True)
        if not dry_run:
            for name, changes in batches.items():
                used = files[name]
                edits.append(update_batch(used.path, used.registry_path, changes, undo=undo))
    except UpdateRefused as refused:
        print_problems(refused.problems, stderr())
        fail(refused.message, EXIT_USAGE if refused.usage else EXIT_PROBLEMS)
    if dry_run:
        for name, changes in batches.items():
            used = files[name]
            write_out(update_batch(used.path, used.registry_path, changes, undo=undo, dry_run=True).diff())
    for edit in edits:
        stderr().print(escape(edit.done, multiline=False))
    if not batches:
        note(_("{file}: no filled row changes anything; nothing was recorded").format(file=source.name))
    if returns.skipped:
        note(
            ngettext(
                "{count} row skipped: its status is the current one, with no note",
                "{count} rows skipped: their status is the current one, with no note",
                returns.skipped,
            ).format(count=returns.skipped)
        )

"""`ilotc update`: record a dated status change in the plan file, never losing one.

Concurrent updates of one file take turns under a lock beside it (`ilotc.file_lock`); the
file read is the file replaced, or nothing is written (`ilotc.files.replace_read_file`).
"""

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from ilotc.cli.common import (
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
from ilotc.dates import PlanDate
from ilotc.editing import StatusUpdate
from ilotc.files import BOM
from ilotc.vocab import Status

if TYPE_CHECKING:
    from ilotc.files import Identity

_SURROGATE = re.compile("[\ud800-\udfff]")  # bytes of an argument that were not UTF-8


def update(
    ctx: typer.Context,
    action_id: Annotated[
        str, typer.Argument(metavar="ID", help="Action id, e.g. I.1a.1.", autocompletion=action_ids)
    ],
    status: Annotated[
        Status | None,
        typer.Option("--status", help="The new status.", case_sensitive=False, show_default=False),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="When it changed: YYYY-MM or YYYY-MM-DD [default: today].", show_default=False
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
    ilotc update I.1a.1 --undo --dry-run
    """
    from ilotc.file_lock import LockBusy, locked  # noqa: PLC0415
    from ilotc.files import FileChanged, remove_stale_temporaries, replace_read_file  # noqa: PLC0415
    from ilotc.loading import FileKind, packaged_file  # noqa: PLC0415

    if undo == (status is not None):
        fail("give --status S to record a change, or --undo to take the last one back")
    if undo and (date is not None or note is not None):
        fail("--undo takes back the last change as it was recorded: it takes no --date or --note")
    when = parse_date(date, "--date") or PlanDate.of(today())
    if note is not None and _SURROGATE.search(note):
        fail(f"--note {note!r} is not UTF-8 text; give the note in UTF-8")
    held, used = find_action(load_data(ctx, plan, partners), action_id)
    action_id, plan_path, partners_path = held.id, used.path, used.registry_path
    installed = packaged_file(FileKind.PLAN)
    if installed is not None and plan_path.resolve() == installed.resolve():
        fail(
            "the bundled plan inside the installed package is read-only; "
            "copy it and pass --plan PATH (or set ILOTC_PLAN) to keep your own"
        )
    change = StatusUpdate(action_id, status, when, note) if status is not None else None
    # The path is resolved once: what is read, locked and replaced is this one file, never
    # whatever a link swapped in meanwhile would point to.
    target = Path(os.path.realpath(plan_path))
    if not target.is_file():
        _edit(plan_path, target, partners_path, action_id, change)  # the reader says what is wrong
        fail(f"{plan_path} is not a regular file; only a plan file can be updated")
    if dry_run:
        write_out(_edit(plan_path, target, partners_path, action_id, change).diff())
        return
    try:
        with locked(target):
            remove_stale_temporaries(target)
            edit = _edit(plan_path, target, partners_path, action_id, change)
            if edit.read.read_only or not os.access(target, os.W_OK):
                fail(f"{plan_path} is read-only; make it writable (chmod u+w) to update it", 1)
            replace_read_file(target, edit.data, edit.read)
    except LockBusy as error:
        fail(str(error), 1)
    except FileChanged as error:
        fail(f"{error}; nothing was written, run the update again", 1)
    except OSError as error:
        fail(f"{plan_path}: cannot be written ({error.strerror or error}); the file is unchanged", 1)
    if undo:  # what --undo removed is shown, as git shows what a revert does
        write_out(edit.diff())
    stderr().print(escape(edit.done, multiline=False))


class _Edit(NamedTuple):
    label: str
    before: str
    after: str
    read: "Identity"
    bom: bool
    done: str  # what was done, in words

    def diff(self) -> str:
        """The change as a unified diff of the file."""
        import difflib  # noqa: PLC0415

        before, after = self.before.splitlines(keepends=True), self.after.splitlines(keepends=True)
        return "".join(
            difflib.unified_diff(before, after, fromfile=self.label, tofile=f"{self.label} (updated)")
        )

    @property
    def data(self) -> bytes:
        """The new file's bytes, with the byte order mark the old one had."""
        return (BOM if self.bom else b"") + self.after.encode("utf-8")


def _edit(
    plan_path: Path, target: Path, partners_path: Path, action_id: str, change: StatusUpdate | None
) -> _Edit:
    """Read the plan once, check it, and make the change in its text (without a change: take
    the action's last one back); exit on any problem."""
    from ilotc.editing import EditError, record_status_change, undo_last_change  # noqa: PLC0415
    from ilotc.files import FileChanged, Identity  # noqa: PLC0415
    from ilotc.loading import (  # noqa: PLC0415
        FileAccessError,
        Source,
        check_plan_source,
        load_registry,
        read_source,
    )
    from ilotc.problems import DataFileError, has_errors  # noqa: PLC0415
    from ilotc.safe_yaml import YamlProblem  # noqa: PLC0415

    try:
        registry, _ = load_registry(partners_path)
        before = _identity(target)
        source = read_source(plan_path)
        read = Identity.of(target)
        seen = os.stat(plan_path)
        if before != read or (seen.st_dev, seen.st_ino) != (read.device, read.inode):
            raise FileChanged(f"{plan_path} changed while it was read")
        with open(target, "rb") as stream:
            bom = stream.read(len(BOM)) == BOM
        _, problems = check_plan_source(source, registry.ids)
        if has_errors(problems):
            print_problems(problems, stderr())
            fail("the plan has problems; fix them (see 'ilotc validate') before updating it", 1)
        if change is not None:
            updated = record_status_change(source.text, change)
            done = f"{action_id}: {change.status} from {change.date}, recorded in {plan_path}"
        else:
            updated, taken = undo_last_change(source.text, action_id)
            done = f"{action_id}: took back {taken} in {plan_path}"
    except FileAccessError as error:
        fail(str(error))
    except DataFileError as error:
        print_problems(error.problems, stderr())
        fail("the data has problems; run 'ilotc validate' for details", 1)
    except (EditError, YamlProblem) as error:
        fail(str(error))
    except FileChanged as error:
        fail(f"{error}; nothing was written, run the update again", 1)
    except OSError as error:
        fail(f"{plan_path}: cannot be read ({error.strerror or error})", 1)
    _, problems = check_plan_source(Source(source.label, updated), registry.ids)
    if has_errors(problems):  # the edit itself must never break the file
        print_problems(problems, stderr())
        fail("the change would make the plan invalid; nothing was written", 1)
    return _Edit(source.label, source.text, updated, read, bom, done)


def _identity(target: Path) -> "Identity | None":
    from ilotc.files import FileChanged, Identity  # noqa: PLC0415

    try:
        return Identity.of(target)
    except (OSError, FileChanged):
        return None  # reading it will say why

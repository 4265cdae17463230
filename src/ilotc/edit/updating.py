"""The whole update of a plan file: read once, check, splice the change in, validate, replace under a lock.

`update_plan` is what `ilotc update` runs: it never prints and never exits. Anything that
stops it is an `UpdateRefused` carrying its message, the problems found (shown like
`validate`'s), and whether it is bad usage (a file that cannot be used as asked) rather than
a problem of the data or a failed write.

Concurrent updates of one file take turns under a lock beside it (`ilotc.store.file_lock`); the
file read is the file replaced, or nothing is written (`ilotc.store.files.replace_read_file`).
"""

import difflib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ilotc.edit.editing import EditError, StatusUpdate, record_status_change, undo_change, undo_last_change
from ilotc.i18n import _, ngettext
from ilotc.model.labels import STATUS_LABELS
from ilotc.store.file_lock import LockBusy, LockInTheWay, locked
from ilotc.store.files import BOM, FileChanged, Identity, remove_stale_temporaries, replace_read_file
from ilotc.store.loading import load_registry
from ilotc.store.problems import DataFileError, Problem, has_errors
from ilotc.store.sources import FileAccessError, FileKind, Source, packaged_file, resolved
from ilotc.store.validate.validation import check_plan_source, read_source
from ilotc.store.yaml.reader import YamlProblem


class UpdateRefused(Exception):
    """The update was not made; nothing was written. `usage` is true when the file cannot be
    used as asked (not the data's fault); `problems` are what validation found, if any."""

    def __init__(self, message: str, *, usage: bool = False, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage
        self.problems = problems or []


@dataclass(frozen=True, slots=True)
class PlanEdit:
    """A plan file's text before and after a change, with what it was read as."""

    label: str
    before: str
    after: str
    read: Identity
    bom: bool
    done: str  # what was done, in words

    def diff(self) -> str:
        """The change as a unified diff of the file."""
        before, after = self.before.splitlines(keepends=True), self.after.splitlines(keepends=True)
        return "".join(
            difflib.unified_diff(
                before, after, fromfile=self.label, tofile=_("{file} (updated)").format(file=self.label)
            )
        )

    @property
    def data(self) -> bytes:
        """The new file's bytes, with the byte order mark the old one had."""
        return (BOM if self.bom else b"") + self.after.encode("utf-8")


def update_plan(
    plan_path: Path,
    partners_path: Path,
    action_id: str,
    change: StatusUpdate | None,
    *,
    dry_run: bool = False,
) -> PlanEdit:
    """Record `change` in the plan file (without a change: take the action's last one back),
    or with `dry_run` only work it out. Raises UpdateRefused when it cannot be done."""
    return _update(
        plan_path, partners_path, lambda text: _one(text, plan_path, action_id, change), dry_run=dry_run
    )


def _update(
    plan_path: Path, partners_path: Path, edit: Callable[[str], tuple[str, str]], dry_run: bool
) -> PlanEdit:
    """Make `edit` in the plan file under its lock (with `dry_run`, only work it out)."""
    installed = packaged_file(FileKind.PLAN)
    if installed is not None and resolved(plan_path) == resolved(installed):
        raise UpdateRefused(
            _(
                "the bundled plan inside the installed package is read-only; "
                "copy it and pass --plan PATH (or set ILOTC_PLAN) to keep your own"
            ),
            usage=True,
        )
    # The path is resolved once: what is read, locked and replaced is this one file, never
    # whatever a link swapped in meanwhile would point to.
    target = Path(os.path.realpath(plan_path))
    if not target.is_file():
        _plan_edit(plan_path, target, partners_path, edit)  # the reader says what is wrong
        raise UpdateRefused(
            _("{path} is not a regular file; only a plan file can be updated").format(path=plan_path),
            usage=True,
        )
    if dry_run:
        return _plan_edit(plan_path, target, partners_path, edit)
    try:
        with locked(target):
            remove_stale_temporaries(target)
            made = _plan_edit(plan_path, target, partners_path, edit)
            if made.read.read_only or not os.access(target, os.W_OK):
                raise UpdateRefused(
                    _("{path} is read-only; make it writable (chmod u+w) to update it").format(path=plan_path)
                )
            replace_read_file(target, made.data, made.read)
    except (LockBusy, LockInTheWay) as error:
        raise UpdateRefused(str(error)) from error
    except FileChanged as error:
        raise UpdateRefused(
            _("{error}; nothing was written, run the update again").format(error=error)
        ) from error
    except OSError as error:
        message = _("{path}: cannot be written ({reason}); the file is unchanged")
        message = message.format(path=plan_path, reason=error.strerror or error)
        raise UpdateRefused(message) from error
    return made


def plan_edit(
    plan_path: Path, target: Path, partners_path: Path, action_id: str, change: StatusUpdate | None
) -> PlanEdit:
    """Read the plan once, check it, and make the change in its text (without a change: take
    the action's last one back); raise UpdateRefused on any problem."""
    return _plan_edit(plan_path, target, partners_path, lambda text: _one(text, plan_path, action_id, change))


def _one(text: str, plan_path: Path, action_id: str, change: StatusUpdate | None) -> tuple[str, str]:
    if change is not None:
        updated = record_status_change(text, change)
        done = _("{id}: {status} from {date}, recorded in {file}").format(
            id=action_id, status=_(STATUS_LABELS[change.status]), date=change.date, file=plan_path
        )
        return updated, done
    updated, taken = undo_last_change(text, action_id)
    return updated, _("{id}: took back {change} in {file}").format(id=action_id, change=taken, file=plan_path)


def _batch(text: str, plan_path: Path, changes: Sequence[StatusUpdate], undo: bool) -> tuple[str, str]:
    for change in reversed(changes) if undo else changes:
        text = undo_change(text, change) if undo else record_status_change(text, change)
    count = len(changes)
    if undo:
        done = ngettext("took back {count} change in {file}", "took back {count} changes in {file}", count)
    else:
        done = ngettext("recorded {count} change in {file}", "recorded {count} changes in {file}", count)
    return text, done.format(count=count, file=plan_path)


def update_batch(
    plan_path: Path,
    partners_path: Path,
    changes: Sequence[StatusUpdate],
    *,
    undo: bool = False,
    dry_run: bool = False,
) -> PlanEdit:
    """Record every change in the plan file as one edit under one lock (with `undo`: take them
    all back, each having to be its action's last change), or none; raise UpdateRefused."""
    return _update(plan_path, partners_path, lambda text: _batch(text, plan_path, changes, undo), dry_run)


def _plan_edit(
    plan_path: Path, target: Path, partners_path: Path, edit: Callable[[str], tuple[str, str]]
) -> PlanEdit:
    try:
        registry = load_registry(partners_path)[0]
        before = _identity(target)
        source = read_source(plan_path)
        read = Identity.of(target)
        seen = os.stat(plan_path)
        if before != read or (seen.st_dev, seen.st_ino) != (read.device, read.inode):
            raise FileChanged(_("{path} changed while it was read").format(path=plan_path))
        with open(target, "rb") as stream:
            bom = stream.read(len(BOM)) == BOM
        problems = check_plan_source(source, registry.ids)[1]
        if has_errors(problems):
            message = _("the plan has problems; fix them (see 'ilotc validate') before updating it")
            raise UpdateRefused(message, problems=problems)
        updated, done = edit(source.text)
    except FileAccessError as error:
        raise UpdateRefused(str(error), usage=True) from error
    except DataFileError as error:
        message = _("the data has problems; run 'ilotc validate' for details")
        raise UpdateRefused(message, problems=error.problems) from error
    except (EditError, YamlProblem) as error:
        raise UpdateRefused(str(error), usage=True) from error
    except FileChanged as error:
        raise UpdateRefused(
            _("{error}; nothing was written, run the update again").format(error=error)
        ) from error
    except OSError as error:
        raise UpdateRefused(
            _("{path}: cannot be read ({reason})").format(path=plan_path, reason=error.strerror or error)
        ) from error
    problems = check_plan_source(Source(source.label, updated), registry.ids)[1]
    if has_errors(problems):  # the edit itself must never break the file
        raise UpdateRefused(
            _("the change would make the plan invalid; nothing was written"), problems=problems
        )
    return PlanEdit(source.label, source.text, updated, read, bom, done)


def _identity(target: Path) -> Identity | None:
    try:
        return Identity.of(target)
    except (OSError, FileChanged):
        return None  # reading it will say why

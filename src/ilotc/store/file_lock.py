"""A lock beside a file, so that writers of that file take turns (as git's `index.lock`).

The lock is a file `NAME.lock` created exclusively beside `NAME`, holding the owner's process
id. A lock whose owner is no longer alive (a process killed with `kill -9` cannot remove its
own) is stale: the next writer removes it and takes the lock, never waiting on it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from ilotc.i18n import _

WAIT_SECONDS = 10.0
"""How long a writer waits for a lock held by a live process before giving up."""

_POLL_SECONDS = 0.02
_EMPTY_GRACE_SECONDS = 2.0  # a lock with no pid yet is being written, unless older than this


class LockBusy(Exception):
    """The lock is still held by a live process after the wait; the message says what to do."""

    def __init__(self, lock: Path, owner: int | None, waited: float) -> None:
        self.lock = lock
        self.owner = owner
        who = _("process {pid}").format(pid=owner) if owner is not None else _("another process")
        super().__init__(
            _(
                "{lock} is held by {who} (another update of the same file) and was not released "
                "within {seconds:g} s; try again when it has finished, or delete the lock file if "
                "no update is running"
            ).format(lock=lock, who=who, seconds=waited)
        )


class LockInTheWay(Exception):
    """Something that is no lock stands where the lock must be created; the message says what."""

    def __init__(self, lock: Path) -> None:
        self.lock = lock
        super().__init__(
            _(
                "{lock} is a folder, where the update of {file} keeps its lock file; nothing was "
                "written: move or remove that folder, then run the update again"
            ).format(lock=lock, file=lock.name.removesuffix(".lock"))
        )


def lock_path(path: Path) -> Path:
    """Where the lock of `path` lives: `NAME.lock` beside it."""
    return path.with_name(path.name + ".lock")


def alive(pid: int) -> bool:
    """True when a process with this id exists (it may belong to another user)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _owner(text: str) -> int | None:
    word = text.strip()
    return int(word) if word.isdigit() and len(word) < 12 else None


def _try_create(lock: Path) -> bool:
    try:
        handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(handle, f"{os.getpid()}\n".encode())
    finally:
        os.close(handle)
    return True


def _remove_if_stale(lock: Path) -> tuple[bool, int | None]:
    """(True when the lock is gone or was stale and has been removed, its owner's pid)."""
    if os.path.isdir(lock):
        raise LockInTheWay(lock)
    try:  # without blocking: a pipe in the lock's place would otherwise wait for a writer
        with os.fdopen(os.open(lock, os.O_RDONLY | os.O_NONBLOCK), "rb") as stream:
            status = os.fstat(stream.fileno())
            owner = _owner(stream.read(64).decode("ascii", "replace"))
    except FileNotFoundError:
        if os.path.islink(lock):  # a link to nothing holds no lock: stale, whoever left it
            with contextlib.suppress(FileNotFoundError):
                os.unlink(lock)
        return True, None
    if owner is None:
        stale = time.time() - status.st_mtime > _EMPTY_GRACE_SECONDS
    else:
        # our own pid in a lock we are trying to take is a dead process's, reused
        stale = owner == os.getpid() or not alive(owner)
    if not stale:
        return False, owner
    # Move the stale lock aside before deleting it, so that a lock another writer took in
    # the meantime is never the one deleted: only the very file inspected goes.
    aside = lock.with_name(f"{lock.name}.stale.{os.getpid()}")
    try:
        os.rename(lock, aside)
    except FileNotFoundError:
        return True, owner
    with contextlib.suppress(OSError):
        moved = os.stat(aside)
        if (moved.st_dev, moved.st_ino) != (status.st_dev, status.st_ino):
            os.link(aside, lock)  # a live lock: put it back
    with contextlib.suppress(OSError):
        os.unlink(aside)
    return True, owner


@contextlib.contextmanager
def locked(path: Path, wait: float | None = None) -> Iterator[Path]:
    """Hold the lock of `path` for the `with` block; raise LockBusy after `wait` seconds
    (default WAIT_SECONDS), LockInTheWay when a folder stands where the lock goes, or OSError
    when the lock cannot be created (a read-only folder)."""
    wait = WAIT_SECONDS if wait is None else wait
    lock = lock_path(path)
    deadline = time.monotonic() + wait
    while not _try_create(lock):
        gone, owner = _remove_if_stale(lock)
        if gone:
            continue
        if time.monotonic() >= deadline:
            raise LockBusy(lock, owner, wait)
        time.sleep(_POLL_SECONDS)
    try:
        yield lock
    finally:
        with contextlib.suppress(OSError):
            with open(lock, "rb") as stream:
                mine = _owner(stream.read(64).decode("ascii", "replace")) == os.getpid()
            if mine:
                os.unlink(lock)

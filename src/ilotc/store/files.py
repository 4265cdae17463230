"""Writing a file so that an interruption never leaves it half-written, nor another file.

Temporary files are named `.NAME.PID.XXXXXXXX.tmp` beside the file, so one left by a killed
process is recognised (its process is gone) and removed by the next writer under the lock
(`remove_stale_temporaries`). `replace_read_file` writes only the very file that was read.
"""

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ilotc.i18n import _
from ilotc.store.file_lock import alive

BOM = b"\xef\xbb\xbf"


class FileChanged(Exception):
    """The file at a path is no longer the one that was read; nothing was written."""


class Identity(NamedTuple):
    """What a regular file was when read: which file it is, and its mode and owner."""

    device: int
    inode: int
    mode: int
    uid: int
    gid: int

    @classmethod
    def of(cls, path: Path) -> "Identity":
        """The file at `path` itself (a symbolic link is not followed); raise FileChanged when
        it is not a regular file, OSError when it cannot be examined."""
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode):
            raise FileChanged(_("{path} is no longer a regular file").format(path=path))
        return cls(status.st_dev, status.st_ino, stat.S_IMODE(status.st_mode), status.st_uid, status.st_gid)

    @property
    def read_only(self) -> bool:
        """True when no one may write the file (mode 0444 and the like)."""
        return not self.mode & 0o222


_EXCLUSIVE = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def new_temporary(folder: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """A new file `prefix` + 8 random characters + `suffix` in `folder`, readable and writable
    by its owner only, created only if no such file exists: its descriptor and path. What
    `tempfile.mkstemp` does, without importing tempfile (and `random`) on every run."""
    for _attempt in range(100):
        path = os.path.join(folder, f"{prefix}{os.urandom(4).hex()}{suffix}")
        try:
            return os.open(path, _EXCLUSIVE, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: no free name for a temporary file")


def remove_stale_temporaries(path: Path) -> int:
    """Delete the temporary files of `path` left by processes no longer alive; how many."""
    prefix = f".{path.name}."
    removed = 0
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            pid = name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and len(pid) < 12 and not alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file's contents all at once; raise OSError on failure, leaving it as it was.

    A regular file (or a new one) is written to a temporary file in the same folder,
    flushed to disk and renamed over the original, keeping an existing file's permissions:
    a crash at any point leaves either the old contents or the new. A symbolic link is
    followed, so the file it points to is replaced and the link kept. Anything else that
    exists (a device such as /dev/stdout, a pipe) is written in place, never replaced.
    """
    target = Path(os.path.realpath(path))
    try:
        status = target.stat()
    except FileNotFoundError:
        status = None
    if status is not None and not stat.S_ISREG(status.st_mode):
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        with target.open("wb") as stream:
            stream.write(data)
        return
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_umask()
    _replace(target, data, mode)


def replace_read_file(path: Path, data: bytes, read: Identity) -> None:
    """Replace the regular file at `path` (already resolved: no link is followed here) with
    `data`, keeping its mode and, where the process may (as root), its owner; raise
    FileChanged when `path` is no longer the file `read` describes, OSError on failure.

    Either way no temporary file is left behind, and the old file stays as it was.
    """
    if Identity.of(path)[:2] != read[:2]:
        raise FileChanged(_("{path} was replaced since it was read").format(path=path))

    def same_file_still(temporary: str) -> None:
        if read.uid != os.geteuid() or read.gid != os.getegid():
            with contextlib.suppress(OSError):
                os.chown(temporary, read.uid, read.gid)
        if Identity.of(path)[:2] != read[:2]:
            raise FileChanged(_("{path} was replaced since it was read").format(path=path))

    _replace(path, data, read.mode, same_file_still)


def _replace(
    target: Path, data: bytes, mode: int, before_rename: Callable[[str], None] | None = None
) -> None:
    handle, temporary = new_temporary(target.parent, f".{target.name}.{os.getpid()}.", ".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if before_rename is not None:
            before_rename(temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    except OSError:  # some file systems cannot sync a folder; the rename is done anyway
        pass
    finally:
        os.close(folder)

"""Writing a file so that an interruption never leaves it half-written."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


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
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
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

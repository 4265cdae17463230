"""A cache of validated data, so a command on unchanged files skips parsing and validation.

An entry is keyed by the SHA-256 of what its value depends on: the plan's and the partner
registry's bytes, ilotc's version, the cache format and the code that builds the value (the
size and modification time of each module of the package, so an edited source checkout
never reads entries an older build wrote). The key is the content, so an entry is never
stale: a changed file gives another key.

Entries are pickles in `$XDG_CACHE_HOME/ilotc` (default `~/.cache/ilotc`), a folder made
with mode 0700. Unpickling runs code named by the file, so an entry is read only when the
folder and the file belong to the current user and nobody else may write to them. Any
problem reading an entry (missing, truncated, garbage, another type, another format) is a
miss, and the caller rebuilds the value and stores it again. Writes go to a temporary file
in the folder renamed over the entry, so concurrent writers race harmlessly, and a folder
that cannot be written just disables caching. Standard library only.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from ilotc import __version__
from ilotc.store.files import new_temporary

FORMAT = 4
"""The layout of an entry; bump it when the cached classes change shape."""

MAX_BYTES = 512 * 2**20
"""The total size of the entries kept in the folder: room for a portfolio of a thousand plans
(about 60 KiB an entry for 50 actions) and a few large plans. Past it, the entries used least
recently are removed (a hit marks its entry used by setting its modification time)."""

SUFFIX = ".pickle"
_MAGIC = "ilotc-cache"
_STALE_TEMP_SECONDS = 3600
_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the ilotc package
# the packages whose modules define or decide what an entry holds: a change to one of them
# (an edited checkout) makes every entry stale
_CACHED_PACKAGES = (".", "model", "store", "store/yaml", "store/validate", "timeline", "i18n")

T = TypeVar("T")


def disabled_by_environment() -> bool:
    """True when $ILOTC_NO_CACHE asks for no cache (any value but '', '0', 'false', 'no')."""
    value = os.environ.get("ILOTC_NO_CACHE", "").strip().lower()
    return value not in ("", "0", "false", "no")


def default_folder() -> Path:
    """`$XDG_CACHE_HOME/ilotc`, else `~/.cache/ilotc` (a relative $XDG_CACHE_HOME is ignored)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "ilotc"


@functools.cache  # once per process: a portfolio makes a key per plan
def _code_fingerprint() -> bytes:
    """The path, size and modification time of each module of the packages whose values the
    cache keeps (the loaded plan and registry are made of them)."""
    found = []
    for package in _CACHED_PACKAGES:
        with contextlib.suppress(OSError):
            for entry in os.scandir(_PACKAGE_DIR / package):
                if entry.name.endswith(".py"):
                    info = entry.stat()
                    found.append(f"{package}/{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(sorted(found)).encode()


def key_of(*parts: bytes) -> str:
    """The entry key of a value built from these byte strings, in this order."""
    digest = hashlib.sha256()
    for part in (f"{_MAGIC}:{FORMAT}:{__version__}".encode(), _code_fingerprint(), *parts):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _unpickle(data: bytes) -> object:
    """`pickle.loads` with the cyclic garbage collector paused: an entry is a tree of many
    small objects, and collections while it is built would walk it again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def _private(info: os.stat_result) -> bool:
    """Owned by the current user, and writable by nobody else."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class Store:
    """The entries of one cache folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._batch = 0
        self._written = False

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Prune once when the block ends, rather than after each entry written in it (a
        portfolio writes a thousand)."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if not self._batch and self._written:
                self._written = False
                self._prune()

    def _usable_folder(self, create: bool) -> bool:
        try:
            if create:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = os.stat(self.folder)
        except OSError:
            return False
        return stat.S_ISDIR(info.st_mode) and _private(info)

    def path_of(self, key: str) -> Path:
        """Where the entry with this key is stored."""
        return self.folder / f"{key}{SUFFIX}"

    def get(self, key: str, expected: type[T]) -> T | None:
        """The value stored under `key` if it is a readable, trusted `expected`; else None."""
        if not self._usable_folder(create=False):
            return None
        try:
            fd = os.open(self.path_of(key), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode) or not _private(info):
                    return None
                payload = _unpickle(handle.read())
                # least recently used goes first when pruning: a hit counts as a use
                with contextlib.suppress(OSError):
                    os.utime(handle.fileno())
        except Exception:  # a corrupt entry is a miss, whatever the unpickler raised
            return None
        if not (isinstance(payload, tuple) and len(payload) == 4):
            return None
        magic, version, stored_key, value = payload
        if magic != _MAGIC or version != FORMAT or stored_key != key or not isinstance(value, expected):
            return None
        return value

    def put(self, key: str, value: object) -> None:
        """Store `value` under `key`; do nothing when the folder cannot be written."""
        if not self._usable_folder(create=True):
            return
        temp: str | None = None
        try:
            data = pickle.dumps((_MAGIC, FORMAT, key, value), protocol=pickle.HIGHEST_PROTOCOL)
            handle, temp = new_temporary(self.folder, ".tmp-", SUFFIX)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, self.path_of(key))
            temp = None
        except Exception:  # the cache only saves time: failing to store never fails a command
            return
        finally:
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
        if self._batch:
            self._written = True
        else:
            self._prune()

    def _prune(self) -> None:
        """Keep the entries used most recently, up to MAX_BYTES in all; drop temporary files
        left by a crash."""
        entries: list[tuple[float, int, str]] = []
        now = time.time()
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.folder):
                if not entry.name.endswith(SUFFIX) or not entry.is_file(follow_symlinks=False):
                    continue
                info = entry.stat(follow_symlinks=False)
                modified = info.st_mtime
                if entry.name.startswith(".tmp-"):
                    if now - modified > _STALE_TEMP_SECONDS:
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                else:
                    entries.append((modified, info.st_size, entry.path))
        entries.sort(reverse=True)
        kept = 0
        for number, (_, size, path) in enumerate(entries):
            kept += size
            if kept > MAX_BYTES and number:  # the newest stays, however large
                with contextlib.suppress(OSError):
                    os.unlink(path)


def default_store() -> Store | None:
    """The user's cache, or None when $ILOTC_NO_CACHE turns caching off (or no folder can
    be named: no $XDG_CACHE_HOME and no home folder, or a home that does not exist)."""
    if disabled_by_environment():
        return None
    try:
        folder = default_folder()
        # The cache may make `.cache/ilotc` (or `$XDG_CACHE_HOME/ilotc`), never the folder
        # above them: a home that does not exist ($HOME=/nonexistent) means no cache.
        return Store(folder) if folder.parent.parent.is_dir() else None
    except (RuntimeError, KeyError, OSError):  # Path.home() with no $HOME and no passwd entry
        return None

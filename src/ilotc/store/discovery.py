"""Find the plans and registries in a folder tree, by their content, in path order.

CONTRACT, "Any plan, several at once": a folder given to `--plan` means every `*.yaml`/`*.yml`
file in it and its subfolders that is a plan by its content; a registry is recognised as one
and serves the plans of its folder and of the folders below it (the nearest wins); hidden
folders, `.git`, `node_modules` and virtual environments are skipped, `.ilotcignore` files
(gitignore syntax, read with `pathspec`, each relative to its own folder) exclude more, any
other YAML is passed over. A folder reached twice (a symlink loop, or two links to one
folder) is walked once. Nothing here parses YAML: a file's kind is sniffed from its bytes.
"""

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ilotc.i18n import _
from ilotc.store.sources import (
    YAML_SUFFIXES,
    FileAccessError,
    FileKind,
    PlanSource,
    read_bytes,
    resolved,
    sniff_kind,
)

IGNORE_FILE = ".ilotcignore"
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
"""Folders never walked, besides hidden ones (`.git`, `.venv`...) and virtual environments."""


class Found(NamedTuple):
    """The data files of a folder tree: plans in path order, and each folder's registries."""

    plans: list[Path]
    registries: dict[Path, list[Path]]
    read: dict[Path, bytes] = {}  # noqa: RUF012 - never mutated: the plans read whole on the way


class _Ignore(NamedTuple):
    """The patterns of one `.ilotcignore`, and the folder they are relative to (with its
    trailing separator: paths below it start with it)."""

    prefix: str
    spec: Any  # a pathspec.GitIgnoreSpec (pathspec is imported only where a .ilotcignore is)


def _ignore_of(folder: str) -> _Ignore | None:
    try:
        with open(os.path.join(folder, IGNORE_FILE), encoding="utf-8", errors="replace") as stream:
            lines = stream.read().splitlines()
    except OSError:
        return None
    # lazy: pathspec (and the RE2 engine it loads) for folders that hold a .ilotcignore only;
    # every command imports this module, most never walk a folder
    import pathspec  # noqa: PLC0415

    return _Ignore(os.path.join(folder, ""), pathspec.GitIgnoreSpec.from_lines(lines))


def _ignored(path: str, is_folder: bool, ignores: list[_Ignore]) -> bool:
    tail = "/" if is_folder else ""
    return any(
        ignore.spec.match_file(path[len(ignore.prefix) :].replace(os.sep, "/") + tail) for ignore in ignores
    )


def _virtual_environment(folder: str) -> bool:
    """A Python virtual environment (PEP 405 puts `pyvenv.cfg` at its top), whatever its name."""
    return os.path.isfile(os.path.join(folder, "pyvenv.cfg"))


def skipped_folder(folder: Path) -> bool:
    """A folder discovery never enters: hidden, a tool's own, or a virtual environment."""
    return _skipped(folder.name, str(folder))


def _skipped(name: str, path: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS or _virtual_environment(path)


def _leaves(entry: os.DirEntry[str], tree: str) -> bool:
    """True for a link that leads out of the folder tree given (to `/`, to someone's private
    plans): a plan from a pull request may bring a link, never what it points at."""
    try:
        if not entry.is_symlink():
            return False
        target = os.path.realpath(entry.path)
    except (OSError, ValueError):
        return True
    return os.path.commonpath([target, tree]) != tree


def _walk(root: str) -> Iterator[str]:
    """Every YAML file under `root` that is not skipped or ignored, each folder entered once,
    and no link followed out of `root`'s tree. Strings, not `Path`s: a portfolio's tree has
    thousands of entries."""
    tree = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()
    pending: list[tuple[str, list[_Ignore]]] = [(root, [])]
    while pending:
        folder, inherited = pending.pop()
        try:
            info = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:  # unreadable folders are passed over, as any other non-plan
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        own = _ignore_of(folder)
        ignores = [*inherited, own] if own is not None else inherited
        for entry in entries:
            if _leaves(entry, tree):
                continue
            try:
                is_folder = entry.is_dir()
            except OSError:
                continue
            if is_folder:
                if not _skipped(entry.name, entry.path) and not _ignored(entry.path, True, ignores):
                    pending.append((entry.path, ignores))
            elif os.path.splitext(entry.name)[1].lower() in YAML_SUFFIXES and not _ignored(
                entry.path, False, ignores
            ):
                yield entry.path


_HEAD_BYTES = 64 * 1024


def _kind_of(path: str) -> tuple[FileKind | None, bytes | None]:
    """The file's kind, from its first 64 KiB where they tell, and its bytes when those were
    all of it (a plan of a portfolio is then not read again to be loaded); a file that cannot
    be read as a regular file is left to `read_bytes`, which says why."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(handle, "rb") as stream:
            if stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                head = stream.read(_HEAD_BYTES)
                kind = sniff_kind(head)
                if len(head) < _HEAD_BYTES:
                    return kind, head
                if kind is not None:
                    return kind, None
    except OSError:
        pass
    return sniff_kind(read_bytes(Path(path))), None


def discover(root: Path) -> Found:
    """The plans under `root` in path order, and the registries of each folder; raise
    FileAccessError or DataFileError for a file that cannot be read. Paths start with `root`
    as given."""
    plans: list[str] = []
    registries: dict[Path, list[Path]] = {}
    read: dict[Path, bytes] = {}
    for path in _walk(str(root)):
        kind, whole = _kind_of(path)
        if kind is FileKind.PLAN:
            plans.append(path)
            if whole is not None:
                read[Path(path)] = whole
        elif kind is FileKind.PARTNERS:
            registry = Path(path)
            registries.setdefault(registry.parent, []).append(registry)
    start = len(os.path.join(str(root), ""))
    plans.sort(key=lambda path: path[start:].split(os.sep))
    return Found([Path(path) for path in plans], registries, read)


def registry_beside(plan: Path, root: Path, registries: dict[Path, list[Path]]) -> Path | None:
    """The one registry of the plan's folder or, failing that, of the nearest folder above it
    up to `root`; None where the nearest folder with registries holds more than one."""
    folder = plan.parent
    while True:
        found = registries.get(folder)
        if found:
            return found[0] if len(found) == 1 else None
        if folder in (root, folder.parent):
            return None
        folder = folder.parent


def _folder(folder: Path) -> list[PlanSource]:
    found = discover(folder)
    if not found.plans:
        raise FileAccessError(
            _(
                "{folder}: a folder with no plan in it; expected *.yaml or *.yml files with a "
                "top-level 'parts'"
            ).format(folder=folder)
        )
    return [
        PlanSource(path, registry_beside(path, folder, found.registries), found.read.get(path))
        for path in found.plans
    ]


def _identity(path: Path) -> object:
    """The same for two paths to one file: its device and inode (one `stat`, where resolving
    a path takes one per component), else the resolved path."""
    try:
        info = os.stat(path)
    except OSError:  # a loop of links, or no file: reading it says so
        return resolved(path)
    return (info.st_dev, info.st_ino)


def expand(paths: list[Path]) -> list[PlanSource]:
    """Every plan the paths name (a folder: each plan in it and below it, in path order), once,
    in the order given."""
    sources: list[PlanSource] = []
    seen: set[object] = set()
    for path in paths:
        for source in _folder(path) if path.is_dir() else [PlanSource(path)]:
            key = _identity(source.path)
            if key not in seen:
                seen.add(key)
                sources.append(source)
    return sources

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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pathspec

from ilotc.i18n import _
from ilotc.store.sources import YAML_SUFFIXES, FileAccessError, FileKind, PlanSource, read_bytes, sniff_kind

IGNORE_FILE = ".ilotcignore"
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
"""Folders never walked, besides hidden ones (`.git`, `.venv`...) and virtual environments."""


class Found(NamedTuple):
    """The data files of a folder tree: plans in path order, and each folder's registries."""

    plans: list[Path]
    registries: dict[Path, list[Path]]


class _Ignore(NamedTuple):
    """The patterns of one `.ilotcignore`, and the folder they are relative to."""

    folder: Path
    spec: pathspec.PathSpec


def _ignore_of(folder: Path) -> _Ignore | None:
    try:
        lines = (folder / IGNORE_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return _Ignore(folder, pathspec.GitIgnoreSpec.from_lines(lines))


def _ignored(path: Path, is_folder: bool, ignores: list[_Ignore]) -> bool:
    relative_suffix = "/" if is_folder else ""
    return any(
        ignore.spec.match_file(path.relative_to(ignore.folder).as_posix() + relative_suffix)
        for ignore in ignores
    )


def _virtual_environment(folder: Path) -> bool:
    """A Python virtual environment (PEP 405 puts `pyvenv.cfg` at its top), whatever its name."""
    return (folder / "pyvenv.cfg").is_file()


def skipped_folder(folder: Path) -> bool:
    """A folder discovery never enters: hidden, a tool's own, or a virtual environment."""
    return folder.name.startswith(".") or folder.name in SKIPPED_FOLDERS or _virtual_environment(folder)


def _walk(root: Path) -> Iterator[Path]:
    """Every YAML file under `root` that is not skipped or ignored, each folder entered once."""
    seen: set[tuple[int, int]] = set()
    pending: list[tuple[Path, list[_Ignore]]] = [(root, [])]
    while pending:
        folder, inherited = pending.pop()
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:  # unreadable folders are passed over, as any other non-plan
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        own = _ignore_of(folder)
        ignores = [*inherited, own] if own is not None else inherited
        for entry in entries:
            path = Path(entry.path)
            try:
                is_folder = entry.is_dir()
            except OSError:
                continue
            if is_folder:
                if not skipped_folder(path) and not _ignored(path, True, ignores):
                    pending.append((path, ignores))
            elif path.suffix.lower() in YAML_SUFFIXES and not _ignored(path, False, ignores):
                yield path


def _path_order(root: Path) -> Callable[[Path], tuple[str, ...]]:
    return lambda path: path.relative_to(root).parts


def discover(root: Path) -> Found:
    """The plans under `root` in path order, and the registries of each folder; raise
    FileAccessError or DataFileError for a file that cannot be read."""
    plans: list[Path] = []
    registries: dict[Path, list[Path]] = {}
    for path in _walk(root):
        kind = sniff_kind(read_bytes(path))
        if kind is FileKind.PLAN:
            plans.append(path)
        elif kind is FileKind.PARTNERS:
            registries.setdefault(path.parent, []).append(path)
    plans.sort(key=_path_order(root))
    return Found(plans, registries)


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
    root = folder.absolute()
    found = discover(root)
    if not found.plans:
        raise FileAccessError(
            _(
                "{folder}: a folder with no plan in it; expected *.yaml or *.yml files with a "
                "top-level 'parts'"
            ).format(folder=folder)
        )
    # paths as the user named them (`folder/...`), so problems and records name them so
    return [
        PlanSource(
            folder / path.relative_to(root),
            _as_given(folder, root, registry_beside(path, root, found.registries)),
        )
        for path in found.plans
    ]


def _as_given(folder: Path, root: Path, path: Path | None) -> Path | None:
    return None if path is None else folder / path.relative_to(root)


def expand(paths: list[Path]) -> list[PlanSource]:
    """Every plan the paths name (a folder: each plan in it and below it, in path order), once,
    in the order given."""
    sources: list[PlanSource] = []
    seen: set[Path] = set()
    for path in paths:
        for source in _folder(path) if path.is_dir() else [PlanSource(path)]:
            key = source.path.resolve()
            if key not in seen:
                seen.add(key)
                sources.append(source)
    return sources

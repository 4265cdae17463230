"""Which data files are in use, which registry each plan names, and their bytes.

The first step of the one-way load path (sources -> loading -> on a miss, validation and
build): nothing here parses YAML or imports the validation machinery.

CONTRACT, "Any plan, several at once": `--plan` (repeatable) or ILOTC_PLAN (a path list),
where a folder means every plan in it and below it (`ilotc.store.discovery`); each plan is
checked against `--partners` (or ILOTC_PARTNERS) when given, else the registry it names
(`registry:`, relative to it), else the one registry of the nearest folder it was found
in, else the bundled registry.
"""

import functools
import os
import re
import stat
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from ilotc.i18n import _
from ilotc.store.problems import DataFileError, Problem, Severity

# Which kind a file is, and which registry a plan names, are read from its top-level keys
# without parsing it: a plan whose bytes were validated before is never parsed again (see
# `ilotc.store.cache`), and the registry is part of what was validated.
_TOP_KEY = re.compile(rb"^(parts|document|partners|programmes)[ \t]*:", re.MULTILINE)
_REGISTRY_KEY = re.compile(rb"registry[ \t]*:([^\n]*)")
_ONE_LINE_VALUE = re.compile(r"""^[ \t]*(?:"([^"\\]+)"|'([^']+)'|([^\s#'"|>&*!\[{][^#]*?))[ \t]*(?:#.*)?$""")
YAML_SUFFIXES = (".yaml", ".yml")

MAX_FILE_BYTES = 64 * 1024 * 1024
_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the ilotc package


class FileKind(StrEnum):
    """The two kinds of data file."""

    PLAN = "plan"
    PARTNERS = "partners"


class FileAccessError(Exception):
    """A path that cannot be read as a file (missing, a folder, no permission)."""


def packaged_file(kind: FileKind) -> Path | None:
    """The data file inside an installed package, or None when running from a source tree."""
    installed = _PACKAGE_DIR / "data" / f"{kind}.yaml"
    return installed if installed.is_file() else None


def bundled_file(kind: FileKind) -> Path:
    """The data file shipped with the package (or, in a source checkout, in `data/`)."""
    return packaged_file(kind) or _PACKAGE_DIR.parent.parent / "data" / f"{kind}.yaml"


class Source(NamedTuple):
    """A data file's text and the name problems give it."""

    label: str
    text: str


def read_bytes(path: Path) -> bytes:
    """A data file's bytes; raise FileAccessError, or DataFileError when it is too large."""
    label = str(path)
    try:
        if path.is_dir():
            raise FileAccessError(_("{file}: is a folder; expected a YAML file").format(file=label))
        # Opened without blocking, then checked: a FIFO or a device would wait forever for a
        # writer, or never end; only a regular file is a data file ('-' reads standard input).
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(handle, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise FileAccessError(
                    _(
                        "{file}: is not a regular file (a pipe or a device); give a YAML file, or '-' "
                        "to read standard input"
                    ).format(file=label)
                )
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise FileAccessError(_("{file}: no such file").format(file=label)) from None
    except PermissionError:
        raise FileAccessError(_("{file}: permission denied").format(file=label)) from None
    except OSError as error:
        raise FileAccessError(
            _("{file}: cannot be read ({reason})").format(file=label, reason=error.strerror or error)
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        message = _("the file is larger than {size} MiB").format(size=MAX_FILE_BYTES // 2**20)
        raise DataFileError([Problem(label, 1, 1, Severity.ERROR, message)])
    return raw


class PlanSource(NamedTuple):
    """A plan file in use, and the registry found beside it in a folder given (if one)."""

    path: Path
    beside: Path | None = None
    raw: bytes | None = None  # its bytes, where finding it read them all already


def resolved(path: Path) -> Path:
    """`path` made absolute with its symbolic links followed, to tell two names of one file
    apart; a loop of links (which Python 3.11 raises as RuntimeError) or an unreadable link
    leaves it absolute only, and reading it then fails with a clean message."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def plan_options(options: list[Path] | None) -> list[Path]:
    """The plan paths given: the options, else ILOTC_PLAN (split on os.pathsep), else bundled."""
    if options:
        return list(options)
    variable = os.environ.get("ILOTC_PLAN")
    if variable:
        return [Path(part) for part in variable.split(os.pathsep) if part]
    return [bundled_file(FileKind.PLAN)]


def sniff_kind(raw: bytes) -> FileKind | None:
    """A data file's kind by its first top-level key, or None when it has none of them."""
    found = _TOP_KEY.search(raw)
    if found is None:
        return None
    return FileKind.PLAN if found.group(1) in (b"parts", b"document") else FileKind.PARTNERS


def _line_starts(raw: bytes, word: bytes) -> Iterator[int]:
    """Where lines starting with `word` start; bytes.find, where a MULTILINE regex would take
    a tenth of a second over a plan of 10,000 actions."""
    if raw.startswith(word):
        yield 0
    at = raw.find(b"\n" + word)
    while at != -1:
        yield at + 1
        at = raw.find(b"\n" + word, at + 1)


def declared_registry(label: str, raw: bytes) -> str | None:
    """The registry a plan names with its top-level `registry:`, as written, or None."""
    found = next(
        (match for start in _line_starts(raw, b"registry") if (match := _REGISTRY_KEY.match(raw, start))),
        None,
    )
    if found is None:
        return None
    value = _ONE_LINE_VALUE.match(found.group(1).decode("utf-8", "replace").rstrip("\r"))
    if value is None:
        line = raw.count(b"\n", 0, found.start()) + 1
        raise DataFileError(
            [
                Problem(
                    label,
                    line,
                    1,
                    Severity.ERROR,
                    _("expected 'registry: PATH' on one line, the path relative to the plan"),
                )
            ]
        )
    return next(group for group in value.groups() if group is not None)


def registry_for(source: PlanSource, raw: bytes, override: Path | None) -> Path:
    """The registry the plan is checked against (see the module's docstring); DataFileError
    when the plan names one outside its own folder tree and --partners does not give it."""
    if override is not None:
        return override
    declared = declared_registry(str(source.path), raw)
    if declared is not None:
        registry = source.path.parent / declared
        if not inside_plan_folder(source.path, registry):
            raise DataFileError([outside_problem(str(source.path), raw, declared)])
        return registry
    return source.beside or bundled_file(FileKind.PARTNERS)


def inside_plan_folder(plan: Path, registry: Path) -> bool:
    """True when `registry` (its links followed) is in the plan file's folder or below it: the
    folder given to --plan, or the folder of the plan file given. A plan from a pull request
    may name only its own files, never one elsewhere on the machine (whose values its
    problems would quote)."""
    folder = resolved(plan.parent if str(plan.parent) else Path())
    return resolved(registry).is_relative_to(folder)


def outside_problem(label: str, raw: bytes, declared: str) -> Problem:
    """The problem of a plan (`label`, its bytes `raw`) whose `registry:` names a file outside
    its folder tree, at the line of its `registry:`."""
    start = next(_line_starts(raw, b"registry"), 0)
    key = _REGISTRY_KEY.match(raw, start)
    value = key.group(1) if key is not None else b""
    column = (key.start(1) - start if key is not None else 0) + len(value) - len(value.lstrip(b" \t")) + 1
    return Problem(label, raw.count(b"\n", 0, start) + 1, column, Severity.ERROR, outside_message(declared))


def outside_message(declared: str) -> str:
    """The problem of a plan whose `registry:` names a file outside its folder tree."""
    return _(
        "the partner registry {registry} is outside the plan's folder; a registry elsewhere is "
        "used only when given with --partners"
    ).format(registry=declared)


@functools.lru_cache(maxsize=64)  # a portfolio's plans share a few registries
def _is_bundled(registry: Path) -> bool:
    return resolved(registry) == bundled_file(FileKind.PARTNERS).resolve()


def registry_label(registry: Path, plan: Path) -> str:
    """How a plan's problems name the registry it was checked against."""
    if _is_bundled(registry):
        return _("bundled with ilotc")
    try:
        return os.path.relpath(registry, plan.parent)
    except ValueError:  # another drive, on Windows
        return str(registry)

"""Find and read the data files, and load them: from the cache, else validated and built.

Loading is the start of the one-way flow (load -> validate -> build -> query -> output).
The validation machinery (`ilotc.validation`: the YAML reader, the Pydantic models, the
cross-field checks; `ilotc.build` with the timeline reader) is imported only on a cache
miss: `load` served by the cache never needs it.
"""

import os
import stat
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ilotc.cache import key_of
from ilotc.i18n import _
from ilotc.plan import Plan
from ilotc.problems import DataFileError, Problem, Severity
from ilotc.registry import Registry

if TYPE_CHECKING:
    from ilotc.cache import Store

MAX_FILE_BYTES = 64 * 1024 * 1024
_PACKAGE_DIR = Path(__file__).resolve().parent


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


class PlanInUse(NamedTuple):
    """One plan in use, the registry it was checked against, and their files."""

    plan: Plan
    registry: Registry
    path: Path
    registry_path: Path


class Dataset(NamedTuple):
    """The plans in use (`plan`: all their actions, each naming its plan) with the partner
    registry (the first plan's), and the warnings found on the way."""

    plan: Plan
    registry: Registry
    warnings: tuple[Problem, ...]
    plans: tuple[PlanInUse, ...] = ()


def load_registry_bytes(label: str, raw: bytes) -> tuple[Registry, list[Problem]]:
    """The partner registry in `raw`, or DataFileError with every problem."""
    # lazy: the validation machinery, as in `load`
    from ilotc import validation  # noqa: PLC0415

    return validation.registry_of(validation.decode_source(label, raw))


def load_registry(partners: "Path | Source") -> tuple[Registry, list[Problem]]:
    """The partner registry (a file, or one already read), or DataFileError with every problem;
    raises FileAccessError."""
    # lazy: the validation machinery, as in `load`
    from ilotc import validation  # noqa: PLC0415

    source = partners if isinstance(partners, Source) else validation.read_source(partners)
    return validation.registry_of(source)


class _Entry(NamedTuple):
    """What the cache keeps of a loaded dataset; warnings name their file when read back."""

    plan: Plan
    registry: Registry
    partners_warnings: tuple[Problem, ...]
    plan_warnings: tuple[Problem, ...]

    def dataset(self, plan_path: Path, partners_path: Path) -> Dataset:
        named = [p._replace(path=str(partners_path)) for p in self.partners_warnings]
        named += [p._replace(path=str(plan_path)) for p in self.plan_warnings]
        plan = self.plan
        if plan.document.symbol is None and plan.name != plan_path.stem:  # the same bytes, renamed
            plan = plan.renamed(plan_path.stem)
        used = PlanInUse(plan, self.registry, plan_path, partners_path)
        return Dataset(plan, self.registry, tuple(named), (used,))


def load(
    plan_path: Path,
    partners_path: Path,
    cache: "Store | None" = None,
    *,
    plan_raw: bytes | None = None,
    registry_label: str | None = None,
) -> Dataset:
    """Load and validate both files; raise DataFileError (every problem) or FileAccessError.

    With a cache, files whose exact bytes were validated before are not parsed or validated
    again: the dataset built then is returned. After a miss the new dataset is stored.
    `plan_raw` is the plan's bytes when already read; `registry_label` how problems name
    the registry (default: its path).
    """
    partners_raw = read_bytes(partners_path)
    partners_label, plan_label = str(partners_path), str(plan_path)
    try:
        if plan_raw is None:
            plan_raw = read_bytes(plan_path)
    except (FileAccessError, DataFileError):
        load_registry_bytes(partners_label, partners_raw)  # its problems come first
        raise
    stem = plan_path.stem
    label = registry_label or partners_label
    key = None
    if cache is not None:
        key = key_of(plan_raw, partners_raw)
        entry = cache.get(key, _Entry)
        if entry is not None:
            return entry.dataset(plan_path, partners_path)
    # lazy: the validation machinery (PyYAML, Pydantic, the checks, the timeline reader and
    # the building of the plan), which a run served by the cache never imports
    from ilotc import build, validation  # noqa: PLC0415

    registry, partners_warnings = validation.registry_of(
        validation.decode_source(partners_label, partners_raw)
    )
    source = validation.decode_source(plan_label, plan_raw)
    del plan_raw, partners_raw
    decisions = build.Decisions()  # made once, for the checks and for the plan
    file, plan_warnings = validation.check_plan_source(
        source, registry.ids, registry_label=label, decisions=decisions
    )
    if file is None:
        raise DataFileError(plan_warnings)
    plan = build.build_plan(file, stem, decisions)
    built = _Entry(plan, registry, tuple(partners_warnings), tuple(plan_warnings))
    if cache is not None and key is not None:
        cache.put(key, built)
    return built.dataset(plan_path, partners_path)

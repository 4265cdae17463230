"""Which plan files are in use, and which partner registry each one is checked against.

CONTRACT, "Any plan, several at once": `--plan` (repeatable) or ILOTC_PLAN (a path list),
where a folder means every plan directly in it; each plan is checked against `--partners`
(or ILOTC_PARTNERS) when given, else the registry it names (`registry:`, relative to it),
else the one registry in the folder it was found in, else the bundled registry.
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ilotc.i18n import _
from ilotc.loading import (
    Dataset,
    FileAccessError,
    FileKind,
    bundled_file,
    load,
    load_registry,
    read_bytes,
)
from ilotc.plan import merge_plans
from ilotc.problems import DataFileError, Problem, Severity, has_errors
from ilotc.registry import Registry

if TYPE_CHECKING:
    from ilotc.cache import Store
    from ilotc.models import PartnersFile

# Which kind a file is, and which registry a plan names, are read from its top-level keys
# without parsing it: a plan whose bytes were validated before is never parsed again (see
# `ilotc.cache`), and the registry is part of what was validated.
_TOP_KEY = re.compile(rb"^(parts|document|partners|programmes)[ \t]*:", re.MULTILINE)
_REGISTRY_KEY = re.compile(rb"registry[ \t]*:([^\n]*)")
_ONE_LINE_VALUE = re.compile(r"""^[ \t]*(?:"([^"\\]+)"|'([^']+)'|([^\s#'"|>&*!\[{][^#]*?))[ \t]*(?:#.*)?$""")
YAML_SUFFIXES = (".yaml", ".yml")


class PlanSource(NamedTuple):
    """A plan file in use, and the registry found beside it in a folder given (if one)."""

    path: Path
    beside: Path | None = None


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


def _folder(folder: Path) -> list[PlanSource]:
    plans: list[Path] = []
    registries: list[Path] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in YAML_SUFFIXES or not path.is_file():
            continue
        kind = sniff_kind(read_bytes(path))
        (plans if kind is FileKind.PLAN else registries if kind is FileKind.PARTNERS else []).append(path)
    if not plans:
        raise FileAccessError(
            _(
                "{folder}: a folder with no plan in it; expected *.yaml or *.yml files with a "
                "top-level 'parts'"
            ).format(folder=folder)
        )
    beside = registries[0] if len(registries) == 1 else None
    return [PlanSource(path, beside) for path in plans]


def expand(paths: list[Path]) -> list[PlanSource]:
    """Every plan the paths name (a folder: each plan directly in it), once, in order given."""
    sources: list[PlanSource] = []
    seen: set[Path] = set()
    for path in paths:
        for source in _folder(path) if path.is_dir() else [PlanSource(path)]:
            key = source.path.resolve()
            if key not in seen:
                seen.add(key)
                sources.append(source)
    return sources


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
    """The registry the plan is checked against (see the module's docstring)."""
    if override is not None:
        return override
    declared = declared_registry(str(source.path), raw)
    if declared is not None:
        return source.path.parent / declared
    return source.beside or bundled_file(FileKind.PARTNERS)


def registry_label(registry: Path, plan: Path) -> str:
    """How a plan's problems name the registry it was checked against."""
    if registry.resolve() == bundled_file(FileKind.PARTNERS).resolve():
        return _("bundled with ilotc")
    try:
        return os.path.relpath(registry, plan.parent)
    except ValueError:  # another drive, on Windows
        return str(registry)


class Registries:
    """The partner ids of each registry a plan is checked against, each file read once."""

    def __init__(self) -> None:
        self.ids: dict[Path, frozenset[str] | None] = {}
        self.among: Path | None = None  # the first valid registry among the paths validated

    def checked(self, path: Path, file: "PartnersFile | None") -> None:
        self.ids[path.resolve()] = Registry.from_file(file).ids if file is not None else None
        if file is not None and self.among is None:
            self.among = path

    def of(self, path: Path) -> frozenset[str] | None:
        key = path.resolve()
        if key not in self.ids:
            try:
                self.ids[key] = load_registry(path)[0].ids
            except (FileAccessError, DataFileError):
                self.ids[key] = None
        return self.ids[key]


def plan_registry(path: Path, data: Any, registries: Registries, default: Path, override: bool) -> Path:
    """The registry `validate` checks a parsed plan against (see `validation.validate_paths`)."""
    declared = data.get("registry")
    if override:
        return default
    if isinstance(declared, str) and declared:
        return path.parent / declared
    return registries.among or default


def same_names(named: list[tuple[str, Path]]) -> list[Problem]:
    """CONTRACT: two plans in use may not share a name."""
    first: dict[str, Path] = {}
    problems: list[Problem] = []
    for name, path in named:
        if name in first:
            problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    Severity.ERROR,
                    _(
                        "two plans in use are named {name!r} (this one and {other}); give one "
                        "a different document symbol, or rename its file if it has no symbol"
                    ).format(name=name, other=first[name]),
                )
            )
        else:
            first[name] = path
    return problems


def load_many(options: list[Path] | None, override: Path | None, cache: "Store | None" = None) -> Dataset:
    """Every plan in use, each validated against its registry; raise DataFileError with every
    problem of every plan, or FileAccessError."""
    loaded: list[Dataset] = []
    problems: list[Problem] = []
    for source in expand(plan_options(options)):
        try:
            raw = read_bytes(source.path)
            registry = registry_for(source, raw, override)
            label = registry_label(registry, source.path)
        except DataFileError as error:
            problems += error.problems
            continue
        try:
            loaded.append(load(source.path, registry, cache, plan_raw=raw, registry_label=label))
        except DataFileError as error:
            problems += error.problems
        except FileAccessError as error:
            if override is None and registry != bundled_file(FileKind.PARTNERS):
                raise FileAccessError(
                    _("{error} (the partner registry {plan} uses)").format(error=error, plan=source.path)
                ) from None
            raise
    problems += same_names([(data.plan.name, data.plans[0].path) for data in loaded])
    if has_errors(problems):
        raise DataFileError(problems)
    if len(loaded) == 1:
        return loaded[0]
    first = loaded[0]
    return Dataset(
        merge_plans([data.plan for data in loaded]),
        first.registry,
        tuple(warning for data in loaded for warning in data.warnings),
        tuple(used for data in loaded for used in data.plans),
    )

"""Find and read the data files, and load them: from the cache, else validated and built.

Loading is the start of the one-way flow (load -> validate -> build -> query -> output).
The validation machinery (`ilotc.store.validate.validation`: the YAML reader, the Pydantic models, the
cross-field checks; `ilotc.store.build` with the timeline reader) is imported only on a cache
miss: `load` served by the cache never needs it.
"""

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ilotc.i18n import _
from ilotc.model.plan import Plan, merge_plans
from ilotc.model.registry import Registry
from ilotc.store.cache import key_of
from ilotc.store.discovery import expand
from ilotc.store.problems import DataFileError, Problem, Severity, has_errors
from ilotc.store.sources import (
    FileAccessError,
    FileKind,
    Source,
    bundled_file,
    plan_options,
    read_bytes,
    registry_for,
    registry_label,
)

if TYPE_CHECKING:
    from ilotc.store.cache import Store


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
    from ilotc.store.validate import validation  # noqa: PLC0415

    return validation.registry_of(validation.decode_source(label, raw))


def load_registry(partners: "Path | Source") -> tuple[Registry, list[Problem]]:
    """The partner registry (a file, or one already read), or DataFileError with every problem;
    raises FileAccessError."""
    # lazy: the validation machinery, as in `load`
    from ilotc.store.validate import validation  # noqa: PLC0415

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
    from ilotc.store import build  # noqa: PLC0415
    from ilotc.store.validate import validation  # noqa: PLC0415

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

"""Find and read the data files, and load them: from the cache, else validated and built.

Loading is the start of the one-way flow (load -> validate -> build -> query -> output).
The validation machinery (`ilotc.store.validate.validation`: the YAML reader, the Pydantic models, the
cross-field checks; `ilotc.store.build` with the timeline reader) is imported only on a cache
miss: `load` served by the cache never needs it.
"""

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ilotc.i18n import _
from ilotc.model.plan import Plan, merge_plans
from ilotc.model.registry import Registry
from ilotc.store.cache import key_of
from ilotc.store.discovery import expand
from ilotc.store.problems import DataFileError, Problem, Severity, has_errors, withheld
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


class Registries:
    """The registries read in one run, by their bytes: a registry many plans share is read,
    parsed and validated once, however many plans name it."""

    def __init__(self) -> None:
        self._read: dict[Path, bytes] = {}
        self._loaded: dict[bytes, tuple[Registry, list[Problem]]] = {}

    def raw(self, path: Path) -> bytes:
        """The registry file's bytes, read once per run."""
        if path not in self._read:
            self._read[path] = read_bytes(path)
        return self._read[path]

    def load(self, label: str, raw: bytes) -> tuple[Registry, list[Problem]]:
        """The registry in `raw`, validated once per run; raise DataFileError."""
        if raw not in self._loaded:
            self._loaded[raw] = load_registry_bytes(label, raw)
        registry, problems = self._loaded[raw]
        return registry, [problem._replace(path=label) for problem in problems]

    def shared(self, raw: bytes, registry: Registry, problems: list[Problem]) -> Registry:
        """The one registry object this run keeps for `raw` (the one given, if the first):
        plans that share a registry share it in memory and in a portfolio's cache entry."""
        return self._loaded.setdefault(raw, (registry, problems))[0]


def load(
    plan_path: Path,
    partners_path: Path,
    cache: "Store | None" = None,
    *,
    plan_raw: bytes | None = None,
    registry_label: str | None = None,
    registries: Registries | None = None,
) -> Dataset:
    """Load and validate both files; raise DataFileError (every problem) or FileAccessError.

    With a cache, files whose exact bytes were validated before are not parsed or validated
    again: the dataset built then is returned. After a miss the new dataset is stored.
    `plan_raw` is the plan's bytes when already read; `registry_label` how problems name
    the registry (default: its path); `registries` the registries this run has read.
    """
    entry = _entry_of(plan_path, partners_path, cache, plan_raw, registry_label, registries or Registries())
    return entry.dataset(plan_path, partners_path)


def _entry_of(
    plan_path: Path,
    partners_path: Path,
    cache: "Store | None",
    plan_raw: bytes | None,
    registry_label: str | None,
    registries: Registries,
    key: str | None = None,
) -> _Entry:
    """The entry for the plan at `plan_path` checked against `partners_path`: the cache's,
    else validated and built (and stored); `key`, the cache key of these bytes when known."""
    partners_raw = registries.raw(partners_path)
    partners_label, plan_label = str(partners_path), str(plan_path)
    try:
        if plan_raw is None:
            plan_raw = read_bytes(plan_path)
    except (FileAccessError, DataFileError):
        load_registry_bytes(partners_label, partners_raw)  # its problems come first
        raise
    stem = plan_path.stem
    label = registry_label or partners_label
    if cache is not None:
        key = key or key_of(plan_raw, partners_raw)  # each file's bytes hashed once a run
        entry = cache.get(key, _Entry)
        if entry is not None:
            shared = registries.shared(partners_raw, entry.registry, list(entry.partners_warnings))
            return entry if shared is entry.registry else entry._replace(registry=shared)
    # lazy: the validation machinery (PyYAML, Pydantic, the checks, the timeline reader and
    # the building of the plan), which a run served by the cache never imports
    from ilotc.store import build  # noqa: PLC0415
    from ilotc.store.validate import validation  # noqa: PLC0415

    registry, partners_warnings = registries.load(partners_label, partners_raw)
    source = validation.decode_source(plan_label, plan_raw)
    del plan_raw
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
    return built


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


class _Portfolio(NamedTuple):
    """What the cache keeps of several plans loaded together: the merged dataset, whose plans
    share their action objects with the merged plan and their registry objects with each
    other, so it pickles to about the size of one file of as many actions."""

    dataset: Dataset


class _Planned(NamedTuple):
    """A plan to load: its file, its registry, how its problems name that registry, and the
    key of its cache entry (None without a cache, or when the registry cannot be read)."""

    path: Path
    registry: Path
    label: str
    key: str | None
    beside: Path | None = None  # the registry found in a folder given, not named by the plan


def load_many(options: list[Path] | None, override: Path | None, cache: "Store | None" = None) -> Dataset:
    """Every plan in use, each validated against its registry; raise DataFileError with every
    problem of every plan, or FileAccessError.

    Several plans are cached twice over: an entry per plan (keyed by its bytes and its
    registry's), so that a change to one plan revalidates that plan only, and one entry for
    the whole set (keyed by the keys of its plans), so that a warm run over a portfolio reads
    one entry, as for one plan, rather than a thousand.
    """
    with cache.batch() if cache is not None else contextlib.nullcontext():
        return _load_many(options, override, cache)


def _load_many(options: list[Path] | None, override: Path | None, cache: "Store | None") -> Dataset:
    problems: list[Problem] = []
    registries = Registries()
    planned: list[_Planned] = []
    raws: list[bytes | None] = []
    for source in expand(plan_options(options)):
        try:
            raw = source.raw if source.raw is not None else read_bytes(source.path)
            registry = registry_for(source, raw, override)
        except DataFileError as error:
            problems += error.problems
            continue
        key = None
        if cache is not None:
            with contextlib.suppress(FileAccessError, DataFileError):  # reported when loaded
                key = key_of(raw, registries.raw(registry))
        raws.append(raw)  # read once: a miss below validates these very bytes
        planned.append(
            _Planned(source.path, registry, registry_label(registry, source.path), key, source.beside)
        )
    keys = [plan.key for plan in planned]
    # the dataset names its files and registries as given, so they are part of the key
    names = (f"{p.key}\0{p.path}\0{p.registry}\0{p.label}".encode() for p in planned)
    whole = key_of(b"portfolio", *names) if len(keys) > 1 and all(keys) else None
    if whole is not None and cache is not None and not problems:
        portfolio = cache.get(whole, _Portfolio)
        if portfolio is not None and len(portfolio.dataset.plans) == len(planned):
            return portfolio.dataset
    loaded: list[tuple[_Entry, _Planned]] = []
    for at, plan in enumerate(planned):
        given, raws[at] = raws[at], None  # each plan's bytes let go once its entry is made
        try:
            entry = _entry_of(plan.path, plan.registry, cache, given, plan.label, registries, plan.key)
            loaded.append((entry, plan))
        except DataFileError as error:
            # a registry the plan names is checked by `validate` of that file, never quoted here
            named = override is None and plan.registry not in (plan.beside, bundled_file(FileKind.PARTNERS))
            problems += withheld(error.problems, str(plan.registry)) if named else error.problems
        except FileAccessError as error:
            if override is None and plan.registry != bundled_file(FileKind.PARTNERS):
                raise FileAccessError(
                    _("{error} (the partner registry {plan} uses)").format(error=error, plan=plan.path)
                ) from None
            raise
    datasets = [entry.dataset(plan.path, plan.registry) for entry, plan in loaded]
    problems += same_names([(data.plan.name, data.plans[0].path) for data in datasets])
    if has_errors(problems):
        raise DataFileError(problems)
    merged = _merged(datasets)
    if whole is not None and cache is not None:
        cache.put(whole, _Portfolio(merged))
    return merged


def _merged(datasets: list[Dataset]) -> Dataset:
    if len(datasets) == 1:
        return datasets[0]
    merged = merge_plans([data.plan for data in datasets])
    # each plan in use holds its slice of the merged actions (the same objects), so that the
    # cached dataset keeps each action once
    used: list[PlanInUse] = []
    start = 0
    for data in datasets:
        for one in data.plans:
            end = start + len(one.plan.actions)
            plan = one.plan
            same = Plan(plan.document, plan.part_titles, merged.actions[start:end], name=plan.name)
            used.append(one._replace(plan=same))
            start = end
    return Dataset(
        merged,
        datasets[0].registry,
        tuple(warning for data in datasets for warning in data.warnings),
        tuple(used),
    )

"""Find, read and validate the data files; every problem in a file is reported at once.

The validation machinery (the YAML reader, the Pydantic models, the cross-field checks and
the timeline reader) is imported on first use: `load` with a cache hit never needs it.
"""

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ilotc.i18n import _
from ilotc.plan import Plan, build_plan
from ilotc.problems import DataFileError, Problem, Severity, has_errors
from ilotc.registry import Registry

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ilotc.cache import Store
    from ilotc.models import PartnersFile, PlanFile
    from ilotc.safe_yaml import PositionIndex

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
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
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


def decode_source(label: str, raw: bytes) -> Source:
    """A data file's text; raise DataFileError at the first byte that is not UTF-8."""
    from ilotc.safe_yaml import YamlProblem, decode, problem_at  # noqa: PLC0415

    try:
        return Source(label, decode(raw))
    except YamlProblem as error:
        raise DataFileError([problem_at(label, error)]) from None


def read_source(path: Path) -> Source:
    """Read a data file's text; raise FileAccessError or DataFileError (bad encoding, size)."""
    return decode_source(str(path), read_bytes(path))


class _Positions:
    """A position index built on first use: the valid path never pays for it."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._index: PositionIndex | None = None

    def __call__(self, parts: tuple[str | int, ...], at_key: bool) -> tuple[int, int]:
        if self._index is None:
            from ilotc.safe_yaml import PositionIndex  # noqa: PLC0415

            self._index = PositionIndex(self._text)
        return self._index.locate(parts, at_key=at_key)


def _top_level(source: Source, data: Any, expected: str) -> Problem | None:
    if isinstance(data, dict):
        return None
    kind = type(data).__name__.replace("str", "string")
    found = _("an empty file") if data is None else _("a {type}").format(type=kind)
    message = _("expected a mapping with {keys} at the top level, found {found}")
    return Problem(source.label, 1, 1, Severity.ERROR, message.format(keys=expected, found=found))


class _Parsed(NamedTuple):
    """A file's data (None when unusable), the problems found reading it, and whether the
    data can be checked further (problems such as duplicate keys leave it checkable)."""

    data: Any
    problems: list[Problem]
    checkable: bool


def _parse(source: Source, expected: str) -> _Parsed:
    from ilotc.safe_yaml import problem_at, read_yaml  # noqa: PLC0415

    read = read_yaml(source.text)
    problems = [problem_at(source.label, error) for error in read.problems]
    if read.stopped:
        return _Parsed(None, problems, checkable=False)
    top = _top_level(source, read.data, expected)
    if top is not None:
        return _Parsed(read.data, [*problems, top], checkable=False)
    return _Parsed(read.data, problems, checkable=True)


def _validate(source: Source, data: Any, model: "type[BaseModel]") -> tuple[Any, list[Problem], _Positions]:
    from pydantic import ValidationError  # noqa: PLC0415

    from ilotc.schema_errors import problems_from  # noqa: PLC0415

    positions = _Positions(source.text)
    try:
        return model.model_validate(data), [], positions
    except ValidationError as error:
        return None, problems_from(source.label, model, error, positions), positions


def kind_of(data: Any) -> FileKind | None:
    """Which kind of data file parsed data looks like."""
    if isinstance(data, dict):
        if "parts" in data or "document" in data:
            return FileKind.PLAN
        if "partners" in data or "programmes" in data:
            return FileKind.PARTNERS
    return None


def check_partners_source(
    source: Source, parsed: _Parsed | None = None
) -> "tuple[PartnersFile | None, list[Problem]]":
    """Validate a partner registry's text; the file model (None on error) and every problem."""
    from ilotc.models import PartnersFile  # noqa: PLC0415
    from ilotc.partner_checks import check_partners  # noqa: PLC0415

    parsed = parsed or _parse(source, _("'programmes' and 'partners'"))
    if not parsed.checkable:
        return None, parsed.problems
    data = parsed.data
    file, problems, positions = _validate(source, data, PartnersFile)
    problems = sorted(
        parsed.problems + problems + check_partners(data, source.label, positions, file),
        key=Problem.position,
    )
    return (None if has_errors(problems) else file), problems


def check_plan_source(
    source: Source,
    partner_ids: frozenset[str] | None,
    parsed: _Parsed | None = None,
    registry_label: str | None = None,
) -> "tuple[PlanFile | None, list[Problem]]":
    """Validate a plan's text against the partner ids in use; the file model and every problem."""
    from ilotc import checks  # noqa: PLC0415
    from ilotc.models import PlanFile  # noqa: PLC0415

    parsed = parsed or _parse(source, _("'document' and 'parts'"))
    if not parsed.checkable:
        return None, parsed.problems
    data = parsed.data
    file, problems, positions = _validate(source, data, PlanFile)
    problems = sorted(
        parsed.problems
        + problems
        + checks.check_plan(data, source.label, positions, partner_ids, file, registry_label),
        key=Problem.position,
    )
    return (None if has_errors(problems) else file), problems


def _not_a_data_file(source: Source, data: dict[str, Any]) -> Problem:
    keys = ", ".join(repr(key) for key in list(data)[:5])
    return Problem(
        source.label,
        1,
        1,
        Severity.ERROR,
        _(
            "not a plan or partner file: expected the top-level key 'parts' (a plan) "
            "or 'partners' (a partner registry), found {keys}"
        ).format(keys=keys or _("no keys")),
    )


class ValidationRun(NamedTuple):
    """What `validate` found: every problem, and the paths that could not be opened."""

    problems: list[Problem]
    unreadable: list[str]


class ReadInput(NamedTuple):
    """A data file already read (such as standard input), with the name problems give it."""

    label: str
    raw: bytes


def _registry_problem(source: Source, registry: Path) -> Problem:
    line, column = _Positions(source.text)(("registry",), False)
    try:
        read_bytes(registry)
        why = _("it has problems of its own (validate it too)")
    except (FileAccessError, DataFileError) as error:
        why = str(error) if isinstance(error, FileAccessError) else _("it cannot be read")
    return Problem(
        source.label,
        line,
        column,
        Severity.ERROR,
        _("the partner registry it names cannot be used: {why}").format(why=why),
        "/registry",
    )


def validate_paths(
    paths: "Sequence[Path | ReadInput]",
    partners_in_use: Path,
    *,
    override: bool = False,
    assigned: dict[Path, Path] | None = None,
) -> ValidationRun:
    """Check each file once, whichever kind it is, in the order given.

    Each plan's partner references are checked against its registry in `assigned` (by the
    plan's resolved path), else `partners_in_use` when `override`, else the registry it
    names, else a valid registry among `paths`, else `partners_in_use`; when that one is not
    usable they are not checked.
    """
    from ilotc.plans_in_use import Registries, plan_registry, registry_label  # noqa: PLC0415

    problems: dict[int, list[Problem]] = {}
    unreadable: list[str] = []
    plans: list[tuple[int, Path, Source, _Parsed]] = []
    registries = Registries()
    for n, path in enumerate(paths):
        try:
            source = decode_source(*path) if isinstance(path, ReadInput) else read_source(path)
            where = Path(path.label) if isinstance(path, ReadInput) else path  # `registry:` is relative to it
        except FileAccessError as error:
            unreadable.append(str(error))
            continue
        except DataFileError as error:
            problems[n] = error.problems
            continue
        parsed = _parse(source, _("'parts' (a plan) or 'partners' (a partner registry)"))
        kind = kind_of(parsed.data)
        if not parsed.checkable:
            problems[n] = parsed.problems
        elif kind is FileKind.PARTNERS:
            file, problems[n] = check_partners_source(source, parsed)
            registries.checked(where, file)
        elif kind is FileKind.PLAN:
            plans.append((n, where, source, parsed))
        else:
            problems[n] = [*parsed.problems, _not_a_data_file(source, parsed.data)]
    for n, where, source, parsed in plans:
        registry = (assigned or {}).get(where.resolve()) or plan_registry(
            where, parsed.data, registries, partners_in_use, override
        )
        ids = registries.of(registry)
        named = not override and isinstance(parsed.data.get("registry"), str)
        problems[n] = [_registry_problem(source, registry)] if ids is None and named else []
        problems[n] += check_plan_source(source, ids, parsed, registry_label(registry, where))[1]
        problems[n].sort(key=Problem.position)
    return ValidationRun([p for n in sorted(problems) for p in problems[n]], unreadable)


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


def _registry_of(source: Source) -> tuple[Registry, list[Problem]]:
    file, problems = check_partners_source(source)
    if file is None:
        raise DataFileError(problems)
    return Registry.from_file(file), problems


def load_registry(partners_path: Path) -> tuple[Registry, list[Problem]]:
    """The partner registry, or DataFileError with every problem; raises FileAccessError."""
    return _registry_of(read_source(partners_path))


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
        _registry_of(decode_source(partners_label, partners_raw))  # its problems come first
        raise
    stem = plan_path.stem
    label = registry_label or partners_label
    key = None
    if cache is not None:
        from ilotc.cache import key_of  # noqa: PLC0415

        key = key_of(plan_raw, partners_raw)
        entry = cache.get(key, _Entry)
        if entry is not None:
            return entry.dataset(plan_path, partners_path)
    registry, partners_warnings = _registry_of(decode_source(partners_label, partners_raw))
    source = decode_source(plan_label, plan_raw)
    del plan_raw, partners_raw
    file, plan_warnings = check_plan_source(source, registry.ids, registry_label=label)
    if file is None:
        raise DataFileError(plan_warnings)
    built = _Entry(build_plan(file, stem), registry, tuple(partners_warnings), tuple(plan_warnings))
    if cache is not None and key is not None:
        cache.put(key, built)
    return built.dataset(plan_path, partners_path)

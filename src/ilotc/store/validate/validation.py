"""Check a data file's text: parse it, validate it against its model, run the cross-field checks.

Every problem in a file is reported at once, as `Problem` values with positions. Imported
only when a file must be checked (`ilotc validate`, an edit, a cache miss in `loading`).
"""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from ilotc.i18n import N_, _
from ilotc.model.registry import Registry
from ilotc.store.build import Decisions, registry_from_file
from ilotc.store.models import PartnersFile, PlanFile
from ilotc.store.problems import DataFileError, Problem, Severity, has_errors
from ilotc.store.sources import (
    FileAccessError,
    FileKind,
    Source,
    bundled_file,
    inside_plan_folder,
    outside_message,
    read_bytes,
    registry_label,
    resolved,
    sniff_kind,
)
from ilotc.store.validate import checks
from ilotc.store.validate.check_report import Locate
from ilotc.store.validate.partner_checks import check_partners
from ilotc.store.validate.schema_errors import problems_from
from ilotc.store.yaml.reader import PositionIndex, YamlProblem, decode, problem_at, read_yaml


def decode_source(label: str, raw: bytes) -> Source:
    """A data file's text; raise DataFileError at the first byte that is not UTF-8."""
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
            self._index = PositionIndex(self._text)
        return self._index.locate(parts, at_key=at_key)


_TOP_LEVEL_KINDS = {
    list: N_("a list"),
    str: N_("a string"),
    int: N_("a whole number"),
    float: N_("a number"),
    bool: N_("true or false"),
}


def _top_level(source: Source, data: Any, expected: str) -> Problem | None:
    if isinstance(data, dict):
        return None
    found = _("an empty file") if data is None else _(_TOP_LEVEL_KINDS.get(type(data), N_("a value")))
    message = _("expected a mapping with {keys} at the top level, found {found}")
    return Problem(source.label, 1, 1, Severity.ERROR, message.format(keys=expected, found=found))


class _Parsed(NamedTuple):
    """A file's data (None when unusable), the problems found reading it, and whether the
    data can be checked further (problems such as duplicate keys leave it checkable)."""

    data: Any
    problems: list[Problem]
    checkable: bool


def _parse(source: Source, expected: str) -> _Parsed:
    read = read_yaml(source.text)
    problems = [problem_at(source.label, error) for error in read.problems]
    if read.stopped:
        return _Parsed(None, problems, checkable=False)
    top = _top_level(source, read.data, expected)
    if top is not None:
        return _Parsed(read.data, [*problems, top], checkable=False)
    return _Parsed(read.data, problems, checkable=True)


def _validate(source: Source, data: Any, model: type[BaseModel]) -> tuple[Any, list[Problem], _Positions]:
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


M = TypeVar("M", bound=BaseModel)
CrossChecks = Callable[[Any, Locate, Any], list[Problem]]
"""A file's cross-field checks: its data, where its paths are, its model when valid."""


def _checked(
    source: Source, parsed: _Parsed, model: type[M], check: CrossChecks
) -> tuple[M | None, list[Problem]]:
    """The file model (None on error) and every problem, in file order: reading, schema, checks."""
    if not parsed.checkable:
        return None, parsed.problems
    file, problems, positions = _validate(source, parsed.data, model)
    problems = sorted(parsed.problems + problems + check(parsed.data, positions, file), key=Problem.position)
    return (None if has_errors(problems) else file), problems


def check_partners_source(
    source: Source, parsed: _Parsed | None = None
) -> tuple[PartnersFile | None, list[Problem]]:
    """Validate a partner registry's text; the file model (None on error) and every problem."""
    parsed = parsed or _parse(source, _("'programmes' and 'partners'"))
    return _checked(
        source, parsed, PartnersFile, lambda data, at, file: check_partners(data, source.label, at, file)
    )


def check_plan_source(
    source: Source,
    partner_ids: frozenset[str] | None,
    parsed: _Parsed | None = None,
    registry_label: str | None = None,
    decisions: Decisions | None = None,
    *,
    want_uid: bool = False,
) -> tuple[PlanFile | None, list[Problem]]:
    """Validate a plan's text against the partner ids in use; the file model and every problem
    (with `want_uid`, a warning where the plan has no `document.uid`)."""
    parsed = parsed or _parse(source, _("'document' and 'parts'"))
    return _checked(
        source,
        parsed,
        PlanFile,
        lambda data, at, file: checks.check_plan(
            data, source.label, at, partner_ids, file, registry_label, decisions, want_uid=want_uid
        ),
    )


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


class Registries:
    """The partner ids of each registry a plan is checked against, each file read once."""

    def __init__(self) -> None:
        self.ids: dict[Path, frozenset[str] | None] = {}
        self.among: Path | None = None  # the first valid registry among the paths validated

    def checked(self, path: Path, file: "PartnersFile | None") -> None:
        self.ids[resolved(path)] = registry_from_file(file).ids if file is not None else None
        if file is not None and self.among is None:
            self.among = path

    def of(self, path: Path) -> frozenset[str] | None:
        key = resolved(path)
        if key not in self.ids:
            try:
                self.ids[key] = registry_of(read_source(path))[0].ids
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


class ValidationRun(NamedTuple):
    """What `validate` found: every problem, the paths that could not be opened (a message
    each, and their names in `unopened`), and the YAML files passed over as neither a plan
    nor a registry (with `skip_other`)."""

    problems: list[Problem]
    unreadable: list[str]
    unopened: tuple[str, ...] = ()
    passed_over: tuple[str, ...] = ()


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
    strict: bool = False,
    skip_other: bool = False,
) -> ValidationRun:
    """Check each file once, whichever kind it is, in the order given.

    Each plan's partner references are checked against its registry in `assigned` (by the
    plan's resolved path), else `partners_in_use` when `override`, else the registry it
    names, else a valid registry among `paths`, else `partners_in_use`; when that one is not
    usable they are not checked. With `strict`, a plan with no `document.uid` (but the
    bundled one, whose calendar UIDs stay as they were) is warned. With `skip_other`, a file
    that is neither a plan nor a registry by its content (`sniff_kind`: its top-level keys)
    is passed over, never an error: a pre-commit hook given every YAML file of a repository.
    """
    problems: dict[int, list[Problem]] = {}
    unreadable: list[str] = []
    unopened: list[str] = []
    passed_over: list[str] = []
    plans: list[tuple[int, Path, Source, _Parsed]] = []
    registries = Registries()
    for n, path in enumerate(paths):
        try:
            source = decode_source(*path) if isinstance(path, ReadInput) else read_source(path)
            where = Path(path.label) if isinstance(path, ReadInput) else path  # `registry:` is relative to it
        except FileAccessError as error:
            unreadable.append(str(error))
            unopened.append(path.label if isinstance(path, ReadInput) else str(path))
            continue
        except DataFileError as error:
            problems[n] = error.problems
            continue
        if skip_other and sniff_kind(source.text.encode("utf-8")) is None:
            passed_over.append(source.label)
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
        registry = (assigned or {}).get(resolved(where)) or plan_registry(
            where, parsed.data, registries, partners_in_use, override
        )
        named = not override and isinstance(parsed.data.get("registry"), str)
        if named and not inside_plan_folder(where, registry):  # never read, never quoted
            line, column = _Positions(source.text)(("registry",), False)
            outside = Problem(
                source.label, line, column, Severity.ERROR, outside_message(parsed.data["registry"])
            )
            problems[n] = [outside, *check_plan_source(source, None, parsed)[1]]
            problems[n].sort(key=Problem.position)
            continue
        ids = registries.of(registry)
        problems[n] = [_registry_problem(source, registry)] if ids is None and named else []
        want_uid = strict and resolved(where) != bundled_file(FileKind.PLAN).resolve()
        problems[n] += check_plan_source(
            source, ids, parsed, registry_label(registry, where), want_uid=want_uid
        )[1]
        problems[n].sort(key=Problem.position)
    return ValidationRun(
        [p for n in sorted(problems) for p in problems[n]], unreadable, tuple(unopened), tuple(passed_over)
    )


def registry_of(source: Source) -> tuple[Registry, list[Problem]]:
    file, problems = check_partners_source(source)
    if file is None:
        raise DataFileError(problems)
    return registry_from_file(file), problems

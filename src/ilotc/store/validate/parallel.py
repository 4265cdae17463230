"""Validate many files on the machine's cores: a process pool above a size threshold.

`ilotc validate` over a portfolio checks each file on its own, so the files in use can be
split into runs of consecutive files, one per worker, and the problems put back together in
path order: the same problems, in the same order, as one process finds. The split is used
only where it cannot change a result: every plan has the registry it is checked against
assigned beforehand (the files in use), so no plan depends on a registry found among the
other files; and only above a threshold, below which starting workers costs more than it saves.
"""

import contextlib
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ilotc.store.sources import resolved
from ilotc.store.validate.validation import ReadInput, ValidationRun, validate_paths

MIN_FILES = 64
"""Fewer files are checked in this process."""
MIN_BYTES = 4 * 2**20
"""Files smaller than this in all are checked in this process."""


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every platform
        return os.cpu_count() or 1


def _independent(paths: Sequence[Path | ReadInput], assigned: dict[Path, Path]) -> bool:
    """Every path is a plan with its registry assigned, or one of those registries."""
    if not assigned or any(isinstance(path, ReadInput) for path in paths):
        return False
    # a portfolio's plans share a few registries: each is resolved once, not once per plan
    known = set(assigned) | {resolved(registry) for registry in set(assigned.values())}
    return all(isinstance(path, Path) and resolved(path) in known for path in paths)


def _size(paths: Sequence[Path | ReadInput]) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):  # an unreadable file is reported by its check
            total += os.stat(path).st_size if isinstance(path, Path) else 0
    return total


def _chunk(task: tuple[list[Path], Path, bool, dict[Path, Path], bool, bool]) -> ValidationRun:
    paths, partners, override, assigned, strict, skip_other = task
    return validate_paths(
        paths, partners, override=override, assigned=assigned, strict=strict, skip_other=skip_other
    )


def workers_for(paths: Sequence[Path | ReadInput], assigned: dict[Path, Path]) -> int:
    """How many processes check `paths`: 1 below the thresholds or where the split could
    change a result, else one per core."""
    if len(paths) < MIN_FILES or not _independent(paths, assigned):
        return 1
    count = _workers()
    return 1 if count < 2 or _size(paths) < MIN_BYTES else count


def validate_many(
    paths: Sequence[Path | ReadInput],
    partners_in_use: Path,
    *,
    override: bool = False,
    assigned: dict[Path, Path] | None = None,
    strict: bool = False,
    skip_other: bool = False,
) -> ValidationRun:
    """`validate_paths`, on several processes where that helps (see the module's docstring)."""
    assigned = assigned or {}
    workers = workers_for(paths, assigned)
    if workers == 1:
        return validate_paths(
            paths, partners_in_use, override=override, assigned=assigned, strict=strict, skip_other=skip_other
        )
    files = [path for path in paths if isinstance(path, Path)]
    keys = [resolved(path) for path in files]
    # a few runs per worker, so that a worker given slow files does not hold up the rest
    size = -(-len(files) // (workers * 4))
    tasks = [
        (
            files[at : at + size],
            partners_in_use,
            override,
            # only its own files' registries: the whole mapping, sent with every run, cost
            # more to pickle and unpickle than the run's problems
            {key: assigned[key] for key in keys[at : at + size] if key in assigned},
            strict,
            skip_other,
        )
        for at in range(0, len(files), size)
    ]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        runs = list(pool.map(_chunk, tasks))  # in the order given: problems stay in path order
    return ValidationRun(
        [problem for run in runs for problem in run.problems],
        [message for run in runs for message in run.unreadable],
        tuple(name for run in runs for name in run.unopened),
        tuple(name for run in runs for name in run.passed_over),
    )

"""Versions of a plan to compare: a file, or a git object `REV:PATH`, read and validated.

The edge of `ilotc diff`: git runs here (as a subprocess given an argument list, never a
shell), and the plans it yields go to the pure comparison in `ilotc.diff.changes`.
"""

import os
import posixpath
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

from ilotc.i18n import _
from ilotc.model.plan import Plan
from ilotc.store.build import Decisions, build_plan
from ilotc.store.problems import DataFileError, Problem, Severity
from ilotc.store.sources import (
    MAX_FILE_BYTES,
    FileAccessError,
    FileKind,
    Source,
    bundled_file,
    declared_registry,
    inside_plan_folder,
    outside_problem,
    read_bytes,
)
from ilotc.store.validate.validation import check_plan_source, decode_source, read_source

GIT_TIMEOUT_SECONDS = 60


class Version(NamedTuple):
    """One side of a comparison: the name problems and headers give it, and its bytes."""

    label: str
    raw: bytes
    stem: str  # the file's name without extension: the plan's name where it has no symbol
    revision: str | None = None  # the git revision it was read at; None for a file


def read_version(spec: str, cwd: Path | None = None) -> Version:
    """The bytes of a file, else of the git object `REV:PATH` in the repository around `cwd`.

    A path that exists wins over a git object of the same spelling (`ilotc diff a:b c` reads
    the file `a:b` if there is one); a spec with no `:` is a path. Raise FileAccessError (a
    missing file, a bad revision or path, no git) or DataFileError (too large).
    """
    as_path = (cwd or Path()) / spec
    if os.path.lexists(as_path) or ":" not in spec:
        return Version(spec, read_bytes(as_path), Path(spec).stem)
    revision, path = spec.split(":", 1)
    return Version(spec, _git_blob(spec, cwd), Path(path).stem, revision)


def registry_of(version: Version, cwd: Path | None = None) -> tuple[Source, str | None]:
    """The partner registry `version` names (`registry:`), read, and a note when it was not
    found where it was named: relative to the file; for `REV:PATH`, the registry at the same
    revision relative to PATH, else (a registry never committed) the working tree's, which the
    note says. The bundled registry for a plan that names none. Raise FileAccessError or
    DataFileError (a `registry:` that is not one path on one line)."""
    declared = declared_registry(version.label, version.raw)
    if declared is None:
        return read_source(bundled_file(FileKind.PARTNERS)), None
    if version.revision is None:
        plan = (cwd or Path()) / version.label
        if not inside_plan_folder(plan, plan.parent / declared):
            raise DataFileError([outside_problem(version.label, version.raw, declared)])
        return read_source(plan.parent / declared), None
    path = version.label.split(":", 1)[1]
    at_revision = posixpath.normpath(posixpath.join(posixpath.dirname(path), declared))
    if posixpath.isabs(declared) or posixpath.relpath(at_revision, posixpath.dirname(path) or ".").startswith(
        ".."
    ):
        raise DataFileError([outside_problem(version.label, version.raw, declared)])
    spec = f"{version.revision}:{at_revision}"
    try:
        return decode_source(spec, _git_blob(spec, cwd)), None
    except FileAccessError:
        local = Path(path).parent / declared
        note = _("{spec}: no registry {registry} at {revision}; checked against {local}").format(
            spec=version.label, registry=declared, revision=version.revision, local=local
        )
        if not inside_plan_folder((cwd or Path()) / path, (cwd or Path()) / local):  # a link out
            raise DataFileError([outside_problem(version.label, version.raw, declared)]) from None
        return read_source((cwd or Path()) / local), note


def _git_blob(spec: str, cwd: Path | None) -> bytes:
    if spec.startswith("-"):
        raise FileAccessError(
            _("{spec}: not a file, and not a git object REV:PATH (it starts with '-')").format(spec=spec)
        )
    git = shutil.which("git")
    if git is None:
        raise FileAccessError(
            _("{spec}: no such file, and git is not installed to read it as REV:PATH").format(spec=spec)
        )
    # `--end-of-options` keeps the spec an object name whatever it holds. The type first (with
    # git's own words for a bad spec), since a tree or commit is not a file; then the spec is
    # resolved to an object id, so the size checked is that of the object read, before a byte
    # of it is (a blob of 400 MB, 2 MB packed, costs nothing); `cat-file blob` applies no
    # textconv nor filter.
    kind = _git(git, ["cat-file", "-t", "--end-of-options", spec], spec, cwd).decode().strip()
    if kind != "blob":
        raise FileAccessError(
            _("{spec}: is a git {kind}, not a file; expected REV:PATH naming a file").format(
                spec=spec, kind=kind
            )
        )
    oid = _git(git, ["rev-parse", "--verify", "--end-of-options", spec], spec, cwd).decode().strip()
    size = int(_git(git, ["cat-file", "-s", oid], spec, cwd).decode().strip() or 0)
    if size > MAX_FILE_BYTES:
        message = _("the file is larger than {size} MiB").format(size=MAX_FILE_BYTES // 2**20)
        raise DataFileError([Problem(spec, 1, 1, Severity.ERROR, message)])
    return _git(git, ["cat-file", "blob", oid], spec, cwd)


# No command a repository's configuration names runs: git reads an index spec (`:plan.yaml`)
# through the index, where `core.fsmonitor` would run its hook; no lazy fetch from a
# partial clone's promisor remote.
_GIT_OPTIONS = ["--no-pager", "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false"]


def _git(git: str, arguments: list[str], spec: str, cwd: Path | None) -> bytes:
    environment = {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_PAGER": "cat",
        "LC_ALL": "C",
        "GIT_NO_LAZY_FETCH": "1",
    }
    try:
        done = subprocess.run(
            [git, *_GIT_OPTIONS, *arguments],
            cwd=cwd,
            capture_output=True,
            env=environment,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise FileAccessError(
            _("{spec}: git could not be run ({error})").format(spec=spec, error=error)
        ) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[-1].removeprefix("fatal: ") if said else f"git exited with {done.returncode}"
        raise FileAccessError(
            _("{spec}: no such file, and git cannot read it as REV:PATH: {reason}").format(
                spec=spec, reason=reason
            )
        )
    return done.stdout


class LoadedVersion(NamedTuple):
    """A version validated: its plan, or None with the problems that stop it."""

    version: Version
    plan: Plan | None
    problems: list[Problem]

    @property
    def name(self) -> str:
        """The plan's name in records: its symbol, else its file's name without extension."""
        symbol = getattr(self.plan.document, "symbol", None) if self.plan is not None else None
        return symbol or self.version.stem


def load_version(version: Version, partner_ids: frozenset[str] | None) -> LoadedVersion:
    """Validate a version as `ilotc validate` would, against the partner ids in use."""
    try:
        source = decode_source(version.label, version.raw)
    except DataFileError as error:
        return LoadedVersion(version, None, error.problems)
    decisions = Decisions()  # made once, for the checks and for the plan
    file, problems = check_plan_source(source, partner_ids, decisions=decisions)
    return LoadedVersion(version, None if file is None else build_plan(file, decisions=decisions), problems)

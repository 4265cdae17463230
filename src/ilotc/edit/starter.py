"""The starter plan and partner registry that `ilotc init` writes, in English, French or Spanish.

The files are kept under `starters/` as written, comments and all; only the names of the
two files are filled in, so the plan names its registry by a path relative to itself, and
the plan's `uid`, drawn at random, so two starter plans never share calendar UIDs.
"""

import uuid
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

_STARTERS = Path(__file__).resolve().parent.parent / "starters"
DEFAULT_PLAN = Path("plan.yaml")


class StarterLanguage(StrEnum):
    """The languages a starter plan is written in."""

    EN = "en"
    FR = "fr"
    ES = "es"


class StarterFile(NamedTuple):
    """A file `init` writes: where, and its text."""

    path: Path
    text: str


def registry_path(plan: Path) -> Path:
    """The registry written beside a plan: partners.yaml beside plan.yaml, else STEM-partners.yaml."""
    name = "partners.yaml" if plan.stem == "plan" else f"{plan.stem}-partners{plan.suffix or '.yaml'}"
    return plan.with_name(name)


def starter_files(plan: Path, lang: StarterLanguage, *, folder: bool = False) -> list[StarterFile]:
    """The starter registry and plan for `plan` in `lang`; a folder (an existing one, or any
    with `folder`) means plan.yaml in it."""
    if folder or plan.is_dir():
        plan = plan / DEFAULT_PLAN
    registry = registry_path(plan)
    names = {"{plan}": plan.name, "{registry}": registry.name, "{uid}": uuid.uuid4().hex}
    files = []
    for kind, path in (("partners", registry), ("plan", plan)):
        text = (_STARTERS / f"{kind}.{lang}.yaml").read_text(encoding="utf-8")
        for placeholder, name in names.items():
            text = text.replace(placeholder, name)
        files.append(StarterFile(path, text))
    return files

"""Shell completion of action and partner ids (Typer's `autocompletion` callbacks).

They run only when the shell asks for completions (`_ILOTC_COMPLETE` is set), never on an
ordinary run. They read the files in use as any command does, through the cache of
validated data, and complete nothing rather than fail when the files cannot be loaded.
"""

import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ilotc.store.cache import default_store
from ilotc.store.loading import load_many

if TYPE_CHECKING:
    from ilotc.store.loading import Dataset


def _option(ctx: typer.Context, name: str) -> object:
    """An option's value on this command or, given before the command name, on the group."""
    here: typer.Context | None = ctx
    while here is not None:
        value = here.params.get(name)
        if value is not None:
            return value
        here = here.parent  # type: ignore[assignment]
    return None


def _dataset(ctx: typer.Context) -> "Dataset | None":

    plans, partners = _option(ctx, "plan"), _option(ctx, "partners")
    if partners is None and os.environ.get("ILOTC_PARTNERS"):
        partners = os.environ["ILOTC_PARTNERS"]
    listed = plans if isinstance(plans, list | tuple) else [plans] if plans else []
    try:
        return load_many(
            [Path(str(plan)) for plan in listed] or None,
            Path(str(partners)) if partners else None,
            default_store(),
        )
    except Exception:
        return None


def action_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The ids of the plan's actions that start with what was typed, with their text's start."""
    data = _dataset(ctx)
    if data is None:
        return []
    wanted = incomplete.lower()
    return [(action.id, action.text[:60]) for action in data.plan if action.id.lower().startswith(wanted)]


def partner_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The registry's partner ids that start with what was typed, with their names."""
    data = _dataset(ctx)
    if data is None:
        return []
    return [(partner.id, partner.name) for partner in data.registry if partner.id.startswith(incomplete)]

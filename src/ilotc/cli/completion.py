"""Shell completion of action and partner ids (Typer's `autocompletion` callbacks).

They run only when the shell asks for completions (`_ILOTC_COMPLETE` is set), never on an
ordinary run. They read the files in use as any command does (the `--plan` and `--partners`
given anywhere earlier on the line, before or after the command name, else ILOTC_PLAN and
ILOTC_PARTNERS, else the bundled files), through the cache of validated data, and complete
nothing rather than fail when the files cannot be loaded.

Completion hands data to a shell: bash adds each value to the line unquoted (`($value)`, so
it is split and globbed), PowerShell inserts it as it is (`$(...)` would run when the line
is), and zsh evaluates the list it is given. So a value is offered only when it is made of
characters that mean nothing to any of the four shells (letters, digits and `. _ - / : +`);
any other, such as an id `A.1.1$(touch${IFS}pwned)` from a hostile plan, is never offered:
type it, quoted, by hand. A description (the action's text, the partner's name) is shown,
not inserted: it is made one line (control characters become spaces), with no Rich markup
(Typer renders it), no `:::` (PowerShell's field separator) and no backslash (zsh's list is
evaluated, and Typer escapes `$` and backquotes with a backslash that one of the data's own
would cancel: it is shown as `⧵`), and cut short.
"""

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ilotc.output.text import markup
from ilotc.store.cache import default_store
from ilotc.store.loading import load_many

if TYPE_CHECKING:
    from ilotc.store.loading import Dataset

HELP_CHARS = 60
_SAFE_PUNCTUATION = frozenset("._-/:+")


def safe_for_shells(value: str) -> bool:
    """True when `value` can go on a command line unquoted in bash, zsh, fish and PowerShell:
    letters and digits (any script) and `. _ - / : +`, not starting with `-` (an option)."""
    return (
        bool(value)
        and not value.startswith("-")
        and all(char.isalnum() or char in _SAFE_PUNCTUATION for char in value)
    )


_INVISIBLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
)


def shown_help(text: str) -> str:
    """A completion's description: one line, control and invisible characters made spaces, no
    backslash, no Rich markup (Typer renders it), no PowerShell field separator, at most
    HELP_CHARS characters."""
    flat = " ".join(_INVISIBLE.sub(" ", text).replace("\\", "\u29f5").split())[:HELP_CHARS]
    return markup(re.sub(":{3,}", lambda m: ": " * len(m.group()), flat), multiline=False)


def _given(value: object) -> bool:
    # while completing, an option not on the line is None, or an empty tuple when repeatable
    return value is not None and value not in ((), [])


def _option(ctx: typer.Context, name: str) -> object:
    """An option's value on this command or, given before the command name, on the group."""
    here: typer.Context | None = ctx
    while here is not None:
        value = here.params.get(name)
        if _given(value):
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
    """The ids of the plan's actions that start with what was typed and are safe to hand to a
    shell, with their text's start."""
    data = _dataset(ctx)
    if data is None:
        return []
    wanted = incomplete.lower()
    return [
        (action.id, shown_help(action.text))
        for action in data.plan
        if action.id.lower().startswith(wanted) and safe_for_shells(action.id)
    ]


def partner_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The registry's partner ids that start with what was typed and are safe to hand to a
    shell, with their names."""
    data = _dataset(ctx)
    if data is None:
        return []
    return [
        (partner.id, shown_help(partner.name))
        for partner in data.registry
        if partner.id.startswith(incomplete) and safe_for_shells(partner.id)
    ]

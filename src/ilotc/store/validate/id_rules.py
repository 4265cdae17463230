"""Rules on action ids themselves: the plan's pattern run in bounded time, what ids may hold, look-alikes.

A plan's `ids:` pattern is the plan author's regular expression, so it runs on RE2, whose time
is linear in the id and whose memory is bounded: `(a+)+b` cannot hang validation as it hangs
Python's `re`. A pattern RE2 cannot run (a backreference, a lookaround, a repetition past
1000) is a located error. Whatever the pattern allows, an id holds no space, shell syntax or
invisible character (an error at the id, naming the character and where it stands), and an
id that mixes scripts or looks like another id of the plan is a warning (`ilotc.model.ids`).
"""

import re
from collections.abc import Callable, Sequence
from typing import Any

from ilotc.i18n import _
from ilotc.model.ids import bad_character, describe, look_alikes, scripts
from ilotc.store.problems import Severity
from ilotc.store.validate.check_report import Path, Report

_SCHEMA_REFUSES = re.compile(r"[\s:]")
"""What the schema's own pattern for an id already refuses, with its position (no second error)."""

IdMatcher = Callable[[str], bool]
"""True when an id matches the plan's pattern, as a whole."""


def id_pattern(declared: str, report: Report) -> tuple[IdMatcher | None, str]:
    """The plan's `ids` pattern as a matcher run by RE2, and the pattern as written; None (and
    a located error) when RE2 cannot run it."""
    import re2  # noqa: PLC0415 - lazy: RE2, only for plans that declare a pattern

    options = re2.Options()
    options.log_errors = False  # RE2 would write its own line on stderr
    try:
        compiled = re2.compile(declared, options)
    except re2.error as error:
        reason = error.args[0] if error.args else error
        reason = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        report.add(
            ("ids",),
            _(
                "ids {declared!r} is not a regular expression that can be checked in bounded time "
                "({error}); ilotc runs it with RE2: no backreferences, no lookaround, repetitions "
                "up to 1000; expected 'derived', 'free' or a pattern such as '[A-D][.][0-9]+'"
            ).format(declared=declared, error=reason),
        )
        return None, declared
    return (lambda identifier: compiled.fullmatch(identifier) is not None), declared


def check_ids(written: Sequence[tuple[Path, Any]], report: Report) -> None:
    """Every action id as written (with where it stands): its characters, its scripts, and
    whether it looks like another."""
    ids: list[tuple[Path, str]] = [(where, value) for where, value in written if isinstance(value, str)]
    for where, identifier in ids:
        bad = bad_character(identifier)
        if bad is not None and not _SCHEMA_REFUSES.search(identifier):
            report.add(
                (*where, "id"),
                _(
                    "action id {id!r} holds {char} at character {index}; an id may not hold "
                    "spaces, shell syntax or invisible characters, whatever 'ids' says"
                ).format(id=identifier, char=describe(bad[1]), index=bad[0] + 1),
            )
        if bad is not None:
            continue
        found = scripts(identifier)
        if len(found) > 1:
            report.add(
                (*where, "id"),
                _("action id {id!r} mixes scripts ({scripts}); it may not be what it looks like").format(
                    id=identifier, scripts=", ".join(script.title() for script in found)
                ),
                Severity.WARNING,
            )
    lines = {identifier: where for where, identifier in reversed(ids)}
    for identifier, other in look_alikes(identifier for _where, identifier in ids).items():
        report.add(
            (*lines[identifier], "id"),
            _(
                "action id {id!r} looks like action id {other!r} (line {line}); "
                "give it an id that looks like itself"
            ).format(id=identifier, other=other, line=report.line_of((*lines[other], "id"))),
            Severity.WARNING,
        )

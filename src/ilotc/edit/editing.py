"""Record (or take back) a status change in a plan file without disturbing anything else in it.

A change goes into its action's history in date order (after the changes dated on or before
it), and the history it makes must be one that can happen (`sequence_problem`). The last
recorded change can be taken back (`undo_last_change`). Entries are spliced into (or cut
from) the text at positions the YAML parser reports, so every
byte outside the inserted lines stays as it was: comments, key order, quoting, escapes
such as `\\_` and line endings. (A round-trip YAML library re-emits the whole document
and does not promise that.) The result is validated before it is written, and it is
written atomically so an interruption never leaves a half-written plan.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ilotc.i18n import _
from ilotc.model.dates import PlanDate
from ilotc.model.labels import STATUS_LABELS
from ilotc.model.vocab import Status
from ilotc.store.build import initial_status_of_mapping, settings_of
from ilotc.store.yaml.reader import Position, PositionIndex, parse_yaml


class EditError(Exception):
    """The change cannot be made; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """A dated status change to append to one action's history."""

    action_id: str
    status: Status
    date: PlanDate
    note: str | None = None

    def fields(self) -> list[tuple[str, str]]:
        """The entry's keys and YAML values, in the order they are written."""
        found = [("date", f'"{self.date}"'), ("status", str(self.status))]
        if self.note:
            found.append(("note", yaml_double_quoted(self.note)))
        return found


# What YAML 1.1 (libyaml) does not keep as written inside a double-quoted scalar: DEL and C1
# are not printable (the file would be refused), NEL and the line and paragraph separators are
# line breaks (folded into a space), and a lone surrogate cannot be encoded.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def yaml_double_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar that reads back exactly as `text`."""
    quoted = json.dumps(text, ensure_ascii=False)  # JSON escapes C0, quotes and backslashes
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _action_path(data: Any, action_id: str) -> tuple[str | int, ...] | None:
    def walk(node: Any, path: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
        if isinstance(node, dict):
            if node.get("id") == action_id and "text" in node:
                return path
            children: Any = node.items()
        elif isinstance(node, list):
            children = enumerate(node)
        else:
            return None
        for key, child in children:
            found = walk(child, (*path, key))
            if found is not None:
                return found
        return None

    return walk(data, ())


def _history(data: Any, path: tuple[str | int, ...]) -> list[tuple[PlanDate, str]]:
    """The action's recorded changes: (date, status), in file order."""
    node = data
    for part in path:
        node = node[part]
    history = node.get("history") if isinstance(node, dict) else None
    return [
        (PlanDate.parse(str(entry.get("date"))), str(entry.get("status")))
        for entry in history or []
        if isinstance(entry, dict)
    ]


def sequence_problem(initial: str, changes: list[tuple[PlanDate, str]]) -> str | None:
    """Why this history cannot happen, or None: once an action has started, finished or been
    cancelled it cannot be `planned` again (to reopen it, it is `in_progress`)."""
    status = initial
    for date, new in changes:
        if new == Status.PLANNED and status != Status.PLANNED:
            return _(
                "on {date} it would be planned again after being {status}; an action that has "
                "started, finished or been cancelled cannot return to planned (record in_progress "
                "to reopen it)"
            ).format(date=date, status=status)
        status = new
    return None


# A line ends at CR LF, LF or a lone CR, as YAML reads it: a file may use any of them, or a mix.
_BREAK = re.compile(r"\r\n|\r|\n")


def _line_start(text: str, index: int) -> int:
    return max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1


def _line_end(text: str, index: int) -> int:
    found = _BREAK.search(text, index)
    return len(text) if found is None else found.end()


def _newline_at(text: str, at: int) -> str:
    """The line ending to write at `at`: that of the line just before, else of the line
    after, else LF, so that lines spliced into a mixed file match their neighbours."""
    if text.endswith("\r\n", 0, at):
        return "\r\n"
    if text.endswith(("\n", "\r"), 0, at):
        return text[at - 1]
    found = _BREAK.search(text, at)
    return found.group() if found is not None else "\n"


def _at_line_start(text: str, at: int) -> tuple[str, int]:
    """`text` with a line break added at `at` if `at` ends a last line that has none."""
    if at == len(text) and text and not text.endswith(("\n", "\r")):
        return text + _newline_at(text, at), at + len(_newline_at(text, at))
    return text, at


def _column(text: str, index: int) -> int:
    return index - _line_start(text, index)


def _block_entry(update: StatusUpdate, indent: int, newline: str) -> str:
    pad = " " * indent
    lines = [
        f"{pad}- {key}: {value}" if n == 0 else f"{pad}  {key}: {value}"
        for n, (key, value) in enumerate(update.fields())
    ]
    return "".join(line + newline for line in lines)


def _flow_entry(update: StatusUpdate) -> str:
    return "{" + ", ".join(f"{key}: {value}" for key, value in update.fields()) + "}"


def record_status_change(text: str, update: StatusUpdate) -> str:
    """The plan text with `update` in its action's history, after every change dated on or
    before it; raise EditError when the action is unknown or the history cannot happen."""
    data = parse_yaml(text)
    path = _find(data, update.action_id)
    changes = _history(data, path)
    at = sum(date.first_day() <= update.date.first_day() for date, _ in changes)
    after = [*changes[:at], (update.date, str(update.status)), *changes[at:]]
    _check_sequence(data, path, after)
    index = PositionIndex(text)
    action = index.get(path)
    history = index.get((*path, "history"))
    if action is None:  # pragma: no cover - the path came from this very text
        raise EditError(_("cannot locate action {id!r} in the file").format(id=update.action_id))
    if at < len(changes):
        following = index.get((*path, "history", at))
        if following is None or history is None:  # pragma: no cover - indexed from this text
            raise EditError(_("cannot locate the history of {id!r} in the file").format(id=update.action_id))
        if history.flow:
            return text[: following.start] + _flow_entry(update) + ", " + text[following.start :]
        line = _line_start(text, following.start)
        entry = _block_entry(update, _column(text, following.start) - 2, _newline_at(text, line))
        return text[:line] + entry + text[line:]
    return _splice(text, update, action, history)


_EMPTY_HISTORY = re.compile(r"^[ \t]*history:[ \t]*\[[ \t]*\]", re.MULTILINE)


def undo_last_change(text: str, action_id: str) -> tuple[str, str]:
    """The plan text without the action's last recorded change, and that change in words;
    raise EditError when there is none or what is left cannot happen."""
    data = parse_yaml(text)
    path = _find(data, action_id)
    changes = _history(data, path)
    if not changes:
        raise EditError(_("{id} has no recorded change to take back").format(id=action_id))
    _check_sequence(data, path, changes[:-1])
    index = PositionIndex(text)
    history = index.get((*path, "history"))
    last = index.get((*path, "history", len(changes) - 1))
    if history is None or last is None:  # pragma: no cover - indexed from this very text
        raise EditError(_("cannot locate the history of {id!r} in the file").format(id=action_id))
    date, status = changes[-1]
    taken = _("{status} from {date}").format(status=_(STATUS_LABELS.get(status, status)), date=date)
    if history.flow:
        if len(changes) == 1:
            return text[: history.start] + "[]" + text[history.end :], taken
        previous = index.get((*path, "history", len(changes) - 2))
        assert previous is not None  # the list has more than one item
        return text[: previous.end] + text[last.end : history.end - 1].lstrip(" ") + text[
            history.end - 1 :
        ], taken
    if len(changes) == 1:
        key = history.key_start if history.key_start is not None else history.start
        end = _line_end(text, history.end - 1)
        if _EMPTY_HISTORY.search(text):  # the file writes an empty history `history: []`: so here
            colon = text.index(":", key)
            return text[: colon + 1] + " []" + _newline_at(text, end) + text[end:], taken
        return text[: _line_start(text, key)] + text[end:], taken  # the key goes, as it came
    return text[: _line_start(text, last.start)] + text[_line_end(text, last.end - 1) :], taken


def undo_change(text: str, update: StatusUpdate) -> str:
    """The plan text without `update`, which must be its action's last recorded change (date,
    status and note alike); raise EditError when it is not."""
    data = parse_yaml(text)
    path = _find(data, update.action_id)
    node = data
    for part in path:
        node = node[part]
    history = [entry for entry in node.get("history") or [] if isinstance(entry, dict)]
    last = history[-1] if history else None
    if (
        last is None
        or str(last.get("date")) != str(update.date)
        or str(last.get("status")) != str(update.status)
        or (last.get("note") or None) != update.note
    ):
        raise EditError(
            _("{id}: its last recorded change is not {status} from {date}; nothing was taken back").format(
                id=update.action_id, status=_(STATUS_LABELS[update.status]), date=update.date
            )
        )
    return undo_last_change(text, update.action_id)[0]


def _find(data: Any, action_id: str) -> tuple[str | int, ...]:
    path = _action_path(data, action_id)
    if path is None:
        raise EditError(_("no action {id!r} in the plan; 'ilotc list' shows the ids").format(id=action_id))
    return path


def _check_sequence(data: Any, path: tuple[str | int, ...], changes: list[tuple[PlanDate, str]]) -> None:
    """Raise EditError when the action's history would be one that cannot happen."""
    node = data
    for part in path:
        node = node[part]
    document = data.get("document") if isinstance(data, dict) else None
    initial = str(
        initial_status_of_mapping(node, settings_of(document if isinstance(document, dict) else {}))
    )
    problem = sequence_problem(initial, changes)
    if problem is not None:
        raise EditError(_("{id}: {problem}; nothing was written").format(id=node.get("id"), problem=problem))


def _splice(text: str, update: StatusUpdate, action: Position, history: Position | None) -> str:
    if history is None:
        # no history key yet: add one after the action's last line, at its keys' indentation
        text, at = _at_line_start(text, _line_end(text, action.end - 1))
        newline = _newline_at(text, at)
        indent = _column(text, action.start)
        block = f"{' ' * indent}history:{newline}" + _block_entry(update, indent + 2, newline)
        return text[:at] + block + text[at:]
    if history.flow and history.items == 0:
        # `history: []` becomes a block list under the key
        key_indent = _column(text, history.key_start if history.key_start is not None else history.start)
        text, at = _at_line_start(text, _line_end(text, history.end - 1))
        before = text[: history.start].rstrip(" ")
        rest = text[history.end : at]
        return before + rest + _block_entry(update, key_indent + 2, _newline_at(text, at)) + text[at:]
    if history.flow:
        # `history: [{...}]`: add the entry before the closing bracket
        close = history.end - 1
        return text[:close] + ", " + _flow_entry(update) + text[close:]
    # a block list: a new item after the last one, at the same indentation
    text, at = _at_line_start(text, _line_end(text, history.end - 1))
    return text[:at] + _block_entry(update, _column(text, history.start), _newline_at(text, at)) + text[at:]

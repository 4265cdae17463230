"""What `ilotc diff` writes: its change records as a table, JSON or Markdown (one registry).

Every record is first put into words (`describe`): runs of the tool's own wording and of the
plan's data, with reworded values as word-level diffs. Each format then escapes the data with
the `ilotc.output.text` function made for it.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from ilotc.output.listing import reads_as, to_json
from ilotc.output.text import markdown, visible
from ilotc.word_diff import Op, shortened, word_diff

if TYPE_CHECKING:
    from rich.console import RenderableType

Record = dict[str, Any]


class Run(NamedTuple):
    """A run of a description: the tool's words (`data` False) or the plan's (True)."""

    text: str
    data: bool = False
    op: Op = Op.SAME


class Comparison(NamedTuple):
    """What a diff document shows: the two versions' names and the change records."""

    old_label: str
    new_label: str
    records: Sequence[Record]


_FIELD_NAMES = {
    "text": "text",
    "note": "note",
    "part_title": "part title",
    "section_title": "section title",
    "issue_title": "issue title",
    "group_title": "group title",
    "context": "context",
}
OPENING_WORDS = 12
"""How many of an action's first words the Markdown shows to say which action it is."""

_STATUS_WORDS = {
    "done": "done",
    "in_progress": "started",
    "cancelled": "cancelled",
    "planned": "planned again",
}


def _signed(days: int) -> str:
    return f"{days:+d} day" + ("" if abs(days) == 1 else "s")


def _value(value: Any) -> str:
    return "(none)" if value is None else str(value)


def _reworded(old: Any, new: Any) -> list[Run]:
    if isinstance(old, str) and isinstance(new, str):
        return [Run(piece.text, True, piece.op) for piece in shortened(word_diff(old, new))]
    return [Run(_value(old), True), Run(" → "), Run(_value(new), True)]


def _entry(entry: dict[str, Any]) -> list[Run]:
    runs = [Run(f" → {entry['status']} on {entry['date']}")]
    return [*runs, Run(" ("), Run(entry["note"], True), Run(")")] if entry["note"] else runs


def describe(record: Record) -> list[Run]:
    """The change a record describes, in words."""
    change, field, old, new = record["change"], record["field"], record["old"], record["new"]
    name = _FIELD_NAMES.get(field) or str(field).replace(".", " ").replace("_", " ")
    if change in ("added", "removed"):
        what = "" if field is None else f"{name.replace('_', ' ')} "
        return [Run(f"{what}{change}: "), Run(_value(new if change == "added" else old), True)]
    if change == "moved":
        runs = []
        if record["old_place"] != record["new_place"]:
            runs = [
                Run("moved from "),
                Run(record["old_place"], True),
                Run(" to "),
                Run(record["new_place"], True),
            ]
        if field == "id":
            runs += [Run("; " if runs else ""), Run("renumbered from "), Run(old, True)]
        return runs
    if change == "text":
        return [Run(f"{name} reworded: "), *_reworded(old, new)]
    if change == "timeline":
        return _timeline(record)
    if change == "partners":
        runs = [Run("partners")]
        for sign, ids in (("+", record["added"]), ("−", record["removed"])):
            runs += [Run(f" {sign}"), Run(", ".join(ids), True)] if ids else []
        return runs if len(runs) > 1 else [Run("partners reordered")]
    if field == "initial_status":
        return [Run(f"initial status {old} → {new}")]
    runs = [Run(f"status {old}")]
    for entry in record["added"]:
        runs += _entry(entry)
    if record["removed"]:
        runs.append(Run("; entries taken out of the history:"))
        for entry in record["removed"]:
            runs += _entry(entry)
    return runs


def _timeline(record: Record) -> list[Run]:
    runs: list[Run] = []
    moved = record["due_moved_days"]
    new_reading = reads_as({"schedules": record["new_schedules"]})
    old_reading = reads_as({"schedules": record["old_schedules"]})
    if moved is not None:
        due = next(s["due"] for s in record["new_schedules"] if s["due"] is not None)
        was = next(s["due"] for s in record["old_schedules"] if s["due"] is not None)
        runs.append(Run(f"now due {due} ({_signed(moved)}; was {was})"))
    elif new_reading != old_reading:
        runs.append(Run(f"now {new_reading} (was {old_reading})"))
    if record["old"] != record["new"]:
        runs += [
            Run("; " if runs else ""),
            Run("timeline reworded: "),
            *_reworded(record["old"], record["new"]),
        ]
    return runs or [Run("schedule restated")]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(records: Sequence[Record]) -> str:
    """One line saying what the change does: "3 deadlines moved (+182 days at most), 2 actions
    done, 1 reworded"."""
    if not records:
        return "No changes"
    counts: Counter[str] = Counter()
    moves = [r["due_moved_days"] for r in records if r["change"] == "timeline" and r["due_moved_days"]]
    for record in records:
        change = record["change"]
        if change == "timeline" and not record["due_moved_days"]:
            counts["timeline"] += 1
        elif change == "status" and record["field"] == "history" and record["added"]:
            counts["status " + record["new"]] += 1
        elif change not in ("timeline", "status"):
            counts[change] += 1
        elif change == "status":
            counts["status other"] += 1
    parts = []
    if moves:
        furthest = max(moves, key=abs)
        parts.append(_plural(len(moves), "deadline", "deadlines") + f" moved ({_signed(furthest)} at most)")
    for status in ("done", "in_progress", "cancelled", "planned"):
        if counts["status " + status]:
            parts.append(
                _plural(counts["status " + status], "action", "actions") + f" {_STATUS_WORDS[status]}"
            )
    wording = {
        "status other": ("status history edited", "status histories edited"),
        "timeline": ("timeline changed", "timelines changed"),
        "text": ("reworded", "reworded"),
        "partners": ("partner change", "partner changes"),
        "moved": ("moved", "moved"),
        "added": ("added", "added"),
        "removed": ("removed", "removed"),
    }
    parts += [_plural(counts[key], one, many) for key, (one, many) in wording.items() if counts[key]]
    return ", ".join(parts)


def _where(record: Record) -> str:
    return record["id"] if record["id"] is not None else "document"


class DiffFormat(StrEnum):
    """The formats `ilotc diff` writes: the keys of FORMATS."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def to_markdown(comparison: Comparison) -> str:
    """For a pull-request comment or `$GITHUB_STEP_SUMMARY`: a heading, the summary line,
    then one list item per change. Data is escaped; only `<ins>`, `<del>` and `<br>` are HTML."""
    records = comparison.records
    plan = f"{markdown(records[0]['plan'])}: " if records else ""
    lines = [
        "### Plan changes",
        "",
        f"**{markdown(summary(records))}**",
        "",
        f"{plan}from {markdown(comparison.old_label)} to {markdown(comparison.new_label)}.",
        "",
    ]
    for where, group in _by_place(records):
        head = f"- **{markdown(where)}**"
        changes = ["".join(_markdown_run(run) for run in describe(record)) for record in group]
        action = group[0].get("action")
        if len(group) == 1 and (action is None or group[0]["change"] in ("added", "removed")):
            lines.append(f"{head} {changes[0]}")
            continue
        if action is not None:  # which action it is, without opening the plan
            head += " " + markdown(_opening(action))
        lines += [head, *(f"  - {change}" for change in changes)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _by_place(records: Sequence[Record]) -> list[tuple[str, list[Record]]]:
    groups: list[tuple[str, list[Record]]] = []
    for record in records:
        where = _where(record)
        if groups and groups[-1][0] == where and ("action" in record) == ("action" in groups[-1][1][0]):
            groups[-1][1].append(record)
        else:
            groups.append((where, [record]))
    return groups


def _opening(text: str, words: int = OPENING_WORDS) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def _marked(run: Run, escape: Callable[[str], str], opening: str, closing: str) -> str:
    """A changed run between its markers, the spaces around it outside them."""
    core = run.text.strip()
    if not core:
        return escape(run.text)
    lead = run.text[: len(run.text) - len(run.text.lstrip())]
    trail = run.text[len(run.text.rstrip()) :]
    return f"{escape(lead)}{opening}{escape(core)}{closing}{escape(trail)}"


def _markdown_run(run: Run) -> str:
    escape = markdown if run.data else str
    if run.op is Op.SAME:
        return escape(run.text)
    tag = "del" if run.op is Op.REMOVED else "ins"
    return _marked(run, escape, f"<{tag}>", f"</{tag}>")


def to_table(comparison: Comparison) -> "RenderableType":
    """A Rich table: where, what kind, and the change in words; removed words struck out and
    marked `[-...-]`, inserted ones `{+...+}` (as `git diff --word-diff`), so the change reads
    without colour too."""
    from rich.console import Group  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    closing = Text(summary(comparison.records))
    if not comparison.records:
        return closing
    table = Table(header_style="bold", expand=False)
    table.add_column("Id", no_wrap=True)
    table.add_column("Change", no_wrap=True)
    table.add_column("What changed", overflow="fold", min_width=20)
    for record in comparison.records:
        shown = Text()
        for run in describe(record):
            escape = visible if run.data else str
            if run.op is Op.REMOVED:
                shown.append(_marked(run, escape, "[-", "-]"), style="red strike")
            elif run.op is Op.INSERTED:
                shown.append(_marked(run, escape, "{+", "+}"), style="green")
            else:
                shown.append(escape(run.text))
        table.add_row(Text(visible(_where(record), multiline=False)), record["change"], shown)
    return Group(table, closing)


def render_diff(fmt: DiffFormat, comparison: Comparison) -> "str | RenderableType":
    """The comparison in the format registered under `fmt`."""
    return FORMATS[fmt][0](comparison)


def _to_json(comparison: Comparison) -> str:
    return to_json(comparison.records)


FORMATS = {
    DiffFormat.TABLE: (to_table, "a table for people (the default)"),
    DiffFormat.JSON: (_to_json, "one JSON array of change records"),
    DiffFormat.MARKDOWN: (to_markdown, "a summary and a list, for a pull request or job summary"),
}
"""Each format's renderer and what it is for."""

"""What `ilotc diff` writes: its change records as a table, JSON or Markdown (one registry).

Every record is first put into words (`describe`): runs of the tool's own wording and of the
plan's data, with reworded values as word-level diffs. Each format then escapes the data with
the `ilotc.output.text` function made for it. The tool's words are in the interface
language; the plan's data, the records' enumerated values in JSON and the dates never change.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ilotc.diff.word_diff import Op, shortened, word_diff
from ilotc.i18n import N_, _, language_name, ngettext, pgettext
from ilotc.output.columns import reading_in_words
from ilotc.output.listing import reads_as, to_json
from ilotc.output.text import markdown, visible

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
    "text": N_("text"),
    "note": N_("note"),
    "timeline": N_("timeline"),
    "part_title": N_("part title"),
    "section_title": N_("section title"),
    "issue_title": N_("issue title"),
    "group_title": N_("group title"),
    "context": N_("context"),
    "document.symbol": N_("document symbol"),
    "document.session": N_("document session"),
    "document.place": N_("document place"),
    "document.meeting": N_("document meeting"),
    "document.committee": N_("document committee"),
    "document.committee_code": N_("document committee code"),
    "document.agenda_item": N_("document agenda item"),
    "document.title": N_("document title"),
    "document.date": N_("document date"),
    "document.last_modified": N_("document last modified"),
    "document.note": N_("document note"),
    "document.report_previous": N_("document report previous"),
    "document.report_decision": N_("document report decision"),
    "document.report_caveat": N_("document report caveat"),
}
OPENING_WORDS = 12
"""How many of an action's first words the Markdown shows to say which action it is."""


def _actions_changed(status: str, count: int) -> str:
    """'2 actions done' (the summary's words for actions whose status changed to `status`)."""
    match status:
        case "done":
            return ngettext("{count} action done", "{count} actions done", count)
        case "in_progress":
            return ngettext("{count} action started", "{count} actions started", count)
        case "cancelled":
            return ngettext("{count} action cancelled", "{count} actions cancelled", count)
    return ngettext("{count} action planned again", "{count} actions planned again", count)


_SUMMARY_WORDS: dict[str, Callable[[int], str]] = {
    "status other": lambda n: ngettext("{count} status history edited", "{count} status histories edited", n),
    "timeline": lambda n: ngettext("{count} timeline changed", "{count} timelines changed", n),
    "text": lambda n: ngettext("{count} reworded", "{count} reworded", n),
    "partners": lambda n: ngettext("{count} partner change", "{count} partner changes", n),
    "translation": lambda n: ngettext("{count} translation changed", "{count} translations changed", n),
    "moved": lambda n: ngettext("{count} moved", "{count} moved", n),
    "added": lambda n: ngettext("{count} added", "{count} added", n),
    "removed": lambda n: ngettext("{count} removed", "{count} removed", n),
}
"""The summary's words for each other kind of change, by count."""


_VALUE_WORDS: dict[str, Callable[[], str]] = {  # in English the values themselves, as JSON has them
    "planned": lambda: pgettext("status", "planned"),
    "in_progress": lambda: pgettext("status", "in_progress"),
    "done": lambda: pgettext("status", "done"),
    "cancelled": lambda: pgettext("status", "cancelled"),
    "added": lambda: pgettext("change", "added"),
    "removed": lambda: pgettext("change", "removed"),
    "moved": lambda: pgettext("change", "moved"),
    "text": lambda: pgettext("change", "text"),
    "timeline": lambda: pgettext("change", "timeline"),
    "partners": lambda: pgettext("change", "partners"),
    "translation": lambda: pgettext("change", "translation"),
    "status": lambda: pgettext("change", "status"),
}
"""A status or a kind of change in the table's words."""


def _status(value: str) -> str:
    """A status or change value in words (the value itself when it has none)."""
    words = _VALUE_WORDS.get(value)
    return words() if words is not None else str(value)


def _signed(days: int) -> str:
    return ngettext("{days} day", "{days} days", abs(days)).format(days=f"{days:+d}")


def _value(value: Any) -> str:
    return _("(none)") if value is None else str(value)


def _reworded(old: Any, new: Any) -> list[Run]:
    if isinstance(old, str) and isinstance(new, str):
        return [Run(piece.text, True, piece.op) for piece in shortened(word_diff(old, new))]
    return [Run(_value(old), True), Run(" → "), Run(_value(new), True)]


def _entry(entry: dict[str, Any]) -> list[Run]:
    runs = [Run(_(" → {status} on {date}").format(status=_status(entry["status"]), date=entry["date"]))]
    return [*runs, Run(" ("), Run(entry["note"], True), Run(")")] if entry["note"] else runs


def describe(record: Record) -> list[Run]:
    """The change a record describes, in words."""
    change, field, old, new = record["change"], record["field"], record["old"], record["new"]
    name = _(_FIELD_NAMES[field]) if field in _FIELD_NAMES else str(field).replace(".", " ").replace("_", " ")
    if change in ("added", "removed"):
        if change == "added":
            what = _("added: ") if field is None else _("{field} added: ")
        else:
            what = _("removed: ") if field is None else _("{field} removed: ")
        return [Run(what.format(field=name)), Run(_value(new if change == "added" else old), True)]
    if change == "moved":
        runs = []
        if record["old_place"] != record["new_place"]:
            runs = [
                Run(_("moved from ")),
                Run(record["old_place"], True),
                Run(_(" to ")),
                Run(record["new_place"], True),
            ]
        if field == "id":
            runs += [Run(_("; ") if runs else ""), Run(_("renumbered from ")), Run(old, True)]
            if record.get("look_alike"):
                runs.append(Run(_(" (a look-alike id: it looks the same, with other characters)")))
        return runs
    if change == "text":
        return [Run(_("{field} reworded: ").format(field=name)), *_reworded(old, new)]
    if change == "timeline":
        return _timeline(record)
    if change == "translation":
        # "en.text", or "document.en.title": the language, then the field it translates
        *where, lang, text_field = str(field).split(".")
        key = ".".join([*where, text_field])
        said = _("{field} in {language}: ").format(
            field=_(_FIELD_NAMES[key]) if key in _FIELD_NAMES else key, language=language_name(lang)
        )
        return [Run(said), *_reworded(old, new)]
    if change == "partners":
        runs = [Run(_("partners"))]
        for sign, ids in (("+", record["added"]), ("−", record["removed"])):
            runs += [Run(f" {sign}"), Run(", ".join(ids), True)] if ids else []
        return runs if len(runs) > 1 else [Run(_("partners reordered"))]
    if field == "initial_status":
        return [Run(_("initial status {old} → {new}").format(old=_status(old), new=_status(new)))]
    runs = [Run(_("status {old}").format(old=_status(old)))]
    for entry in record["added"]:
        runs += _entry(entry)
    if record["removed"]:
        runs.append(Run(_("; entries taken out of the history:")))
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
        runs.append(Run(_("now due {due} ({days}; was {was})").format(due=due, days=_signed(moved), was=was)))
    elif new_reading != old_reading:
        runs.append(
            Run(
                _("now {reading} (was {old})").format(
                    reading=reading_in_words(new_reading), old=reading_in_words(old_reading)
                )
            )
        )
    if record["old"] != record["new"]:
        runs += [
            Run(_("; ") if runs else ""),
            Run(_("timeline reworded: ")),
            *_reworded(record["old"], record["new"]),
        ]
    return runs or [Run(_("schedule restated"))]


def summary(records: Sequence[Record]) -> str:
    """One line saying what the change does: "3 deadlines moved (+182 days at most), 2 actions
    done, 1 reworded"."""
    if not records:
        return _("No changes")
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
        parts.append(
            ngettext(
                "{count} deadline moved ({days} at most)",
                "{count} deadlines moved ({days} at most)",
                len(moves),
            ).format(count=len(moves), days=_signed(furthest))
        )
    for status in ("done", "in_progress", "cancelled", "planned"):
        if count := counts["status " + status]:
            parts.append(_actions_changed(status, count).format(count=count))
    parts += [
        words(counts[key]).format(count=counts[key]) for key, words in _SUMMARY_WORDS.items() if counts[key]
    ]
    return ", ".join(parts)


def _where(record: Record) -> str:
    return record["id"] if record["id"] is not None else _("document")


def to_markdown(comparison: Comparison) -> str:
    """For a pull-request comment or `$GITHUB_STEP_SUMMARY`: a heading, the summary line,
    then one list item per change. Data is escaped; only `<ins>`, `<del>` and `<br>` are HTML."""
    records = comparison.records
    old, new = markdown(comparison.old_label), markdown(comparison.new_label)
    if records:
        versions = _("{plan}: from {old} to {new}.").format(
            plan=markdown(records[0]["plan"]), old=old, new=new
        )
    else:
        versions = _("from {old} to {new}.").format(old=old, new=new)
    lines = [
        "### " + _("Plan changes"),
        "",
        f"**{markdown(summary(records))}**",
        "",
        versions,
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
    # lazy: Rich, which only `diff --format table` needs
    from rich.console import Group  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    closing = Text(summary(comparison.records))
    if not comparison.records:
        return closing
    table = Table(header_style="bold", expand=False)
    table.add_column(_("Id"), no_wrap=True)
    table.add_column(_("Change"), no_wrap=True)
    table.add_column(_("What changed"), overflow="fold", min_width=20)
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
        table.add_row(Text(visible(_where(record), multiline=False)), _status(record["change"]), shown)
    return Group(table, closing)


def render_diff(fmt: str, comparison: Comparison) -> "str | RenderableType":
    """The comparison in the format registered under `fmt`."""
    return FORMATS[fmt][0](comparison)


def _to_json(comparison: Comparison) -> str:
    return to_json(comparison.records)


FORMATS: dict[str, tuple[Callable[[Comparison], "str | RenderableType"], str]] = {
    "table": (to_table, "a table for people (the default)"),
    "json": (_to_json, "one JSON array of change records"),
    "markdown": (to_markdown, "a summary and a list, for a pull request or $GITHUB_STEP_SUMMARY"),
}
"""The one registry of diff formats: each one's renderer and what it is for, in the order
`--format` lists them."""

"""What changed between two versions of a plan, as records in document order (no I/O).

Actions are paired across the versions by id and by text (CONTRACT, "Reviewing changes"):
first the same id with the same text, then the same text under another id (an action moved or
renumbered), then the same id (an action reworded), then a text alike enough (moved and
reworded). What is left was added or removed. Each pair is compared field by field; headings
(part, section, issue and group titles, contexts) and the document's metadata once each.
"""

from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import Any

from ilotc.diff.word_diff import similarity
from ilotc.model.dates import PlanDate
from ilotc.model.ids import look_alikes
from ilotc.model.plan import Action, Change, Plan
from ilotc.model.schedule import Schedule

ALIKE = 0.75
"""How alike (word for word) two texts must be for an action renumbered and reworded at once."""

FUZZY_PAIRS = 20_000
"""Past this many (old, new) pairs of actions left unpaired, texts that are only alike are not
compared: each comparison is a word alignment (20,000 take about 0.7 s on the bench plan's
texts), and they would then read as removed and added."""


class ChangeKind(StrEnum):
    """CONTRACT's kinds of change, in the order a single action's changes are listed."""

    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    TEXT = "text"
    TIMELINE = "timeline"
    STATUS = "status"
    PARTNERS = "partners"
    TRANSLATION = "translation"


_RANK = {kind: n for n, kind in enumerate(ChangeKind)}
Record = dict[str, Any]
Keep = Callable[[Action], bool]


def _words(text: str) -> str:
    return " ".join(text.split())


def pair_actions(old: Plan, new: Plan) -> tuple[list[tuple[Action, Action]], list[Action], list[Action]]:
    """The actions of both versions paired (old, new), then the old ones left (removed) and
    the new ones left (added)."""
    left_old = {action.order: action for action in old}
    left_new = {action.order: action for action in new}
    pairs: list[tuple[Action, Action]] = []

    def take(a: Action, b: Action) -> None:
        pairs.append((a, b))
        del left_old[a.order], left_new[b.order]

    by_id = {action.id: action for action in new}
    for action in old:  # the same action, unchanged text
        twin = by_id.get(action.id)
        if twin is not None and _words(twin.text) == _words(action.text):
            take(action, twin)
    by_text: dict[str, list[Action]] = {}
    for action in left_new.values():
        by_text.setdefault(_words(action.text), []).append(action)
    for action in list(left_old.values()):  # moved or renumbered, same text
        same = by_text.get(_words(action.text))
        if same:
            take(action, same.pop(0))
    by_id = {action.id: action for action in left_new.values()}
    for action in list(left_old.values()):  # reworded in place
        twin = by_id.get(action.id)
        if twin is not None:
            take(action, twin)
    if len(left_old) * len(left_new) <= FUZZY_PAIRS:
        _pair_alike(left_old, left_new, take)
    pairs.sort(key=lambda pair: pair[1].order)
    return pairs, list(left_old.values()), list(left_new.values())


def _pair_alike(
    left_old: dict[int, Action], left_new: dict[int, Action], take: Callable[[Action, Action], None]
) -> None:
    scored = [
        (similarity(a.text, b.text, ALIKE), a.order, b.order)
        for a in left_old.values()
        for b in left_new.values()
    ]
    for score, a, b in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if score < ALIKE:
            break
        if a in left_old and b in left_new:
            take(left_old[a], left_new[b])


def _place(action: Action) -> str:
    place = f"{action.part}.{action.section}"
    return f"{place} ({action.group_title})" if action.group_title else place


class _Groups:
    """The group titles of each section in both versions, to tell a group renamed (its old
    title gone, its new one new) from an action moved to another group."""

    def __init__(self, old: Plan, new: Plan) -> None:
        self.old = {(a.part, a.section, a.group_title) for a in old}
        self.new = {(a.part, a.section, a.group_title) for a in new}

    def renamed(self, a: Action, b: Action) -> bool:
        """True when the pair's group was renamed around it."""
        return (
            (a.part, a.section) == (b.part, b.section)
            and a.group_title is not None
            and b.group_title is not None
            and (a.part, a.section, a.group_title) not in self.new
            and (b.part, b.section, b.group_title) not in self.old
        )


def _history(changes: Iterable[Change]) -> list[dict[str, Any]]:
    return [{"date": str(c.date), "status": str(c.status), "note": c.note} for c in changes]


def _schedules(schedules: tuple[Schedule, ...]) -> list[dict[str, object]]:
    return [schedule.to_json() for schedule in schedules]


def due_moved_days(old: tuple[Schedule, ...], new: tuple[Schedule, ...]) -> int | None:
    """How many days the first due date moved (positive: later), or None if it did not move.

    Dates of one precision count from period start to period start, so a month moved by six
    months reads the same whatever the months' lengths (2000-12 to 2001-06: +182 days); where
    the precision changes, the last days (the days by which the action is due) are compared.
    """
    before = next((s.due for s in old if s.due is not None), None)
    after = next((s.due for s in new if s.due is not None), None)
    if before is None or after is None or before == after:
        return None
    if _has_day(before) == _has_day(after):
        return (after.first_day() - before.first_day()).days
    return (after.last_day() - before.last_day()).days


def _has_day(date: PlanDate) -> bool:
    return date.first_day() == date.last_day()


def _record(
    plan: str, ident: str | None, change: ChangeKind, field: str | None, old: Any, new: Any
) -> Record:
    return {"plan": plan, "id": ident, "change": str(change), "field": field, "old": old, "new": new}


def compare_actions(plan: str, old: Action, new: Action, group_renamed: bool = False) -> list[Record]:
    """What changed in one action: the records, in ChangeKind order. A group renamed around
    it (`group_renamed`) is a heading's change, not the action's."""
    found: list[Record] = []
    if old.id != new.id or (_place(old) != _place(new) and not group_renamed):
        field, before, after = (
            ("id", old.id, new.id) if old.id != new.id else ("place", _place(old), _place(new))
        )
        record = _record(plan, new.id, ChangeKind.MOVED, field, before, after)
        record |= {"old_place": _place(old), "new_place": _place(new)}
        if field == "id" and look_alikes((old.id, new.id)):  # never a silent swap of look-alikes
            record["look_alike"] = True
        found.append(record)
    for field in ("text", "note"):
        if getattr(old, field) != getattr(new, field):
            found.append(
                _record(plan, new.id, ChangeKind.TEXT, field, getattr(old, field), getattr(new, field))
            )
    if old.timeline != new.timeline or old.schedules != new.schedules:
        record = _record(plan, new.id, ChangeKind.TIMELINE, "timeline", old.timeline, new.timeline)
        record["old_schedules"] = _schedules(old.schedules)
        record["new_schedules"] = _schedules(new.schedules)
        record["due_moved_days"] = due_moved_days(old.schedules, new.schedules)
        found.append(record)
    if old.initial_status != new.initial_status:
        found.append(
            _record(
                plan,
                new.id,
                ChangeKind.STATUS,
                "initial_status",
                str(old.initial_status),
                str(new.initial_status),
            )
        )
    if old.history != new.history:
        kept = 0
        while kept < min(len(old.history), len(new.history)) and old.history[kept] == new.history[kept]:
            kept += 1
        record = _record(
            plan, new.id, ChangeKind.STATUS, "history", str(old.latest_status), str(new.latest_status)
        )
        record["added"] = _history(new.history[kept:])
        record["removed"] = _history(old.history[kept:])
        found.append(record)
    if old.partners != new.partners:
        record = _record(
            plan, new.id, ChangeKind.PARTNERS, "partners", list(old.partners), list(new.partners)
        )
        record["added"] = [p for p in new.partners if p not in old.partners]
        record["removed"] = [p for p in old.partners if p not in new.partners]
        found.append(record)
    found += _translation_records(plan, new.id, old.translations, new.translations, ("text", "timeline"))
    for record in found:
        record["action"] = new.text
    return found


def _translation_records(
    plan: str, ident: str | None, old: Any, new: Any, fields: tuple[str, ...], prefix: str = ""
) -> list[Record]:
    """A text's version in another language given, changed or taken out: its own kind of
    change, field `LANG.FIELD` ("en.text"), apart from the original's rewording."""
    before = {(lang, field): text for lang, texts in old for field, text in texts if field in fields}
    after = {(lang, field): text for lang, texts in new for field, text in texts if field in fields}
    return [
        _record(
            plan, ident, ChangeKind.TRANSLATION, f"{prefix}{lang}.{field}", before.get(key), after.get(key)
        )
        for key in sorted(set(before) | set(after))
        for lang, field in (key,)
        if before.get(key) != after.get(key)
    ]


def _headings(action: Action) -> Iterator[tuple[str, str, str | None]]:
    """The headings an action stands under: (id, field, value), outermost first."""
    section = f"{action.part}.{action.section_number}"
    issue = f"{action.part}.{action.section}"
    yield action.part, "part_title", action.part_title
    yield section, "section_title", action.section_title
    if action.issue_title is not None:
        yield issue, "issue_title", action.issue_title
    yield (issue if action.issue_title is not None else section), "context", action.context
    if action.group_title is not None:
        yield section, "group_title", action.group_title


_PLACES = ("section_title", "issue_title")


def _heading_records(
    plan: str, pairs: list[tuple[Action, Action]], old: Plan, new: Plan, groups: _Groups
) -> Iterator[Record]:
    seen: set[tuple[str, str, Any, Any]] = set()
    for a, b in pairs:  # a heading reworded: compared through the actions that stand under it
        if (a.part, a.section) != (b.part, b.section) or (a.group_title is None) != (b.group_title is None):
            continue
        for (ident, field, before), (_, _, after) in zip(_headings(a), _headings(b), strict=True):
            if field == "group_title" and not groups.renamed(a, b):
                continue  # moved to another group: the action's change
            if before != after and (ident, field, before, after) not in seen:
                seen.add((ident, field, before, after))
                yield _record(plan, ident, ChangeKind.TEXT, field, before, after)
    old_places = {(i, f): v for action in old for i, f, v in _headings(action) if f in _PLACES}
    new_places = {(i, f): v for action in new for i, f, v in _headings(action) if f in _PLACES}
    for (ident, field), title in new_places.items():
        if (ident, field) not in old_places:
            yield _record(plan, ident, ChangeKind.ADDED, field, None, title)
    for (ident, field), title in old_places.items():
        if (ident, field) not in new_places:
            yield _record(plan, ident, ChangeKind.REMOVED, field, title, None)


def _document_records(plan: str, old: Plan, new: Plan) -> Iterator[Record]:
    before, after = old.document._asdict(), new.document._asdict()
    yield from _translation_records(
        plan,
        None,
        old.document.translations,
        new.document.translations,
        ("title", "committee", "place"),
        "document.",
    )
    for field in dict.fromkeys([*before, *after]):
        if field in ("translations", "original"):
            continue  # translations are compared above, as changes of their own kind
        if before.get(field) != after.get(field):
            yield _record(
                plan, None, ChangeKind.TEXT, f"document.{field}", before.get(field), after.get(field)
            )
    for part in dict.fromkeys([*old.part_titles, *new.part_titles]):
        title_before, title_after = old.part_titles.get(part), new.part_titles.get(part)
        if title_before is None:
            yield _record(plan, part, ChangeKind.ADDED, "part", None, title_after)
        elif title_after is None:
            yield _record(plan, part, ChangeKind.REMOVED, "part", title_before, None)
        elif title_before != title_after:
            yield _record(plan, part, ChangeKind.TEXT, "part_title", title_before, title_after)


def diff_plans(plan: str, old: Plan, new: Plan, keep: Keep | None = None) -> list[Record]:
    """Every change from `old` to `new`, in the new version's document order (a removed action
    where it stood). `plan` names the plan in the records. With `keep`, only the actions it
    accepts (in either version) and the headings over them are compared; the document's
    metadata and parts only without it."""
    pairs, removed, added = pair_actions(old, new)
    if keep is not None:
        pairs = [(a, b) for a, b in pairs if keep(a) or keep(b)]
        removed = [a for a in removed if keep(a)]
        added = [b for b in added if keep(b)]
    # A removed action is listed after the action that stood before it and is still there.
    anchor = {a.order: b.order for a, b in pairs}
    last, after_old = -1, {}
    for action in old:
        last = anchor.get(action.order, last)
        after_old[action.order] = last
    groups = _Groups(old, new)
    keyed: list[tuple[tuple[Any, ...], Record]] = []
    first_under: dict[str, tuple[Any, ...]] = {}
    for a, b in pairs:
        key = (b.order, 0, 0)
        for ident, _, _ in [*_headings(a), *_headings(b)]:
            first_under.setdefault(ident, key)
        keyed += [
            ((key, 1, _RANK[ChangeKind(r["change"])]), r)
            for r in compare_actions(plan, a, b, groups.renamed(a, b))
        ]
    for b in added:
        key = (b.order, 0, 0)
        for ident, _, _ in _headings(b):
            first_under[ident] = min(first_under.get(ident, key), key)
        keyed.append(
            ((key, 1, 0), _record(plan, b.id, ChangeKind.ADDED, None, None, b.text) | {"action": b.text})
        )
    for a in removed:
        key = (after_old[a.order], 1, a.order)
        for ident, _, _ in _headings(a):
            first_under[ident] = min(first_under.get(ident, key), key)
        keyed.append(
            ((key, 1, 0), _record(plan, a.id, ChangeKind.REMOVED, None, a.text, None) | {"action": a.text})
        )
    depth = {"part": 0, "part_title": 0, "section_title": 1, "issue_title": 2}
    for record in _heading_records(plan, pairs, old, new, groups):
        if keep is not None and record["id"] not in first_under:
            continue  # a heading over no action the filters keep
        at = first_under.get(record["id"], (-1, 0, 0))
        keyed.append(((at, 0, depth.get(record["field"], 3)), record))
    if keep is None:
        keyed += [(((-1, 0, 0), -1, n), r) for n, r in enumerate(_document_records(plan, old, new))]
    keyed.sort(key=lambda item: item[0])
    return _unique(record for _, record in keyed)


def _unique(records: Iterable[Record]) -> list[Record]:
    # a part title is seen both in the document's parts and under its actions: listed once
    out: list[Record] = []
    seen: set[tuple[Any, ...]] = set()
    for record in records:
        key = (record["id"], record["change"], record["field"])
        if record["id"] is None or key not in seen:
            seen.add(key)
            out.append(record)
    return out

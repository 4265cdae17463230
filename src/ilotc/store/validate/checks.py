"""Rules of a plan that span more than one field: unique ids, references, places, dates, schedules.

They run even when part of a file fails its schema, over the items that are valid on
their own, so a file's every problem is reported at once. When the whole file is valid,
they walk its validated model instead, so no item is validated twice. Positions come
from `locate`.
"""

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from ilotc.i18n import _
from ilotc.model.dates import PlanDate
from ilotc.model.ids import bad_character
from ilotc.model.schedule import Schedule
from ilotc.store.build import Decisions, settings_of
from ilotc.store.models import ActionModel, PlanFile
from ilotc.store.problems import Problem, Severity
from ilotc.store.validate.check_report import Locate, Path, Report, items, suggest, valid
from ilotc.store.validate.id_rules import IdMatcher, check_ids, id_pattern
from ilotc.timeline.reasons import words as reason_words


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "?"


def _plan_actions(data: Any) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    """Every action mapping with its path and the part, section or issue it must be filed under."""
    for p, part in items(data, "parts"):
        part_id = _text(part.get("id"))
        for a, action in items(part, "actions"):
            yield ("parts", p, "actions", a), part_id, action
        for s, section in items(part, "sections"):
            base: Path = ("parts", p, "sections", s)
            place = f"{part_id}.{_text(section.get('id'))}"
            for a, action in items(section, "actions"):
                yield (*base, "actions", a), place, action
            for g, group in items(section, "groups"):
                for a, action in items(group, "actions"):
                    yield (*base, "groups", g, "actions", a), place, action
            for i, issue in items(section, "issues"):
                issue_place = f"{part_id}.{_text(issue.get('id'))}"
                for a, action in items(issue, "actions"):
                    yield (*base, "issues", i, "actions", a), issue_place, action


def _model_actions(file: PlanFile) -> Iterator[tuple[Path, str, ActionModel]]:
    """`_plan_actions` over a validated file: the same paths and places, as models."""
    for p, part in enumerate(file.parts):
        for a, action in enumerate(part.actions):
            yield ("parts", p, "actions", a), part.id, action
        for s, section in enumerate(part.sections):
            base: Path = ("parts", p, "sections", s)
            place = f"{part.id}.{section.id}"
            for a, action in enumerate(section.actions):
                yield (*base, "actions", a), place, action
            for g, group in enumerate(section.groups):
                for a, action in enumerate(group.actions):
                    yield (*base, "groups", g, "actions", a), place, action
            for i, issue in enumerate(section.issues):
                issue_place = f"{part.id}.{issue.id}"
                for a, action in enumerate(issue.actions):
                    yield (*base, "issues", i, "actions", a), issue_place, action


class IdScheme(NamedTuple):
    """How a plan's action ids are formed (the file's `ids`)."""

    derived: bool  # PART.SECTION.N from where the action stands (GB.276/TC/2's scheme)
    matches: IdMatcher | None  # a declared pattern every id must match (run by RE2)
    pattern: str = ""  # that pattern, as written


def _id_scheme(data: Any, report: Report) -> IdScheme:
    declared = data.get("ids") if isinstance(data, dict) else None
    if not isinstance(declared, str):
        return IdScheme(data.get("format", 1) != 2 if isinstance(data, dict) else True, None)
    if declared in ("derived", "free"):
        return IdScheme(declared == "derived", None)
    matches, pattern = id_pattern(declared, report)
    return IdScheme(False, matches, pattern)


_NOT_IN_AN_ID = re.compile(r"[\s:]")
"""What an action id may not hold, so a derived id cannot be built from a place holding it."""


def _not_derivable(where: Path, written: str, report: Report) -> None:
    """A part or section id that no derived action id can start with ("Pillar 1")."""
    report.add(
        where,
        _(
            "the id {id!r} holds a space or colon, which action ids cannot, so they cannot be "
            "derived from it; write it without (for example {short!r}), or declare 'ids: free' "
            "or a pattern with the top-level key 'ids'"
        ).format(id=written, short=_NOT_IN_AN_ID.sub("-", written.strip())),
    )


def _structure(data: Any, report: Report, scheme: IdScheme) -> None:
    seen_parts: set[str] = set()
    for p, part in items(data, "parts"):
        part_id = _text(part.get("id"))
        if scheme.derived and _NOT_IN_AN_ID.search(part_id):
            _not_derivable(("parts", p, "id"), part_id, report)
        if part_id in seen_parts:
            report.add(("parts", p, "id"), _("part {part} appears twice").format(part=part_id))
        seen_parts.add(part_id)
        seen_sections: set[str] = set()
        for s, section in items(part, "sections"):
            where: Path = ("parts", p, "sections", s)
            section_id = _text(section.get("id"))
            if scheme.derived and _NOT_IN_AN_ID.search(section_id):
                _not_derivable((*where, "id"), section_id, report)
            if section_id in seen_sections:
                report.add(
                    (*where, "id"),
                    _("section {section} appears twice in part {part}").format(
                        section=section_id, part=part_id
                    ),
                )
            seen_sections.add(section_id)
            seen_issues: set[str] = set()
            for i, issue in items(section, "issues"):
                issue_id = _text(issue.get("id"))
                if scheme.derived and issue_id[:-1] != section_id:
                    report.add(
                        (*where, "issues", i, "id"),
                        _(
                            "issue {issue} is filed under section {section}; "
                            "expected an id such as {section}a"
                        ).format(issue=issue_id, section=section_id),
                    )
                if issue_id in seen_issues:
                    report.add(
                        (*where, "issues", i, "id"), _("issue {issue} appears twice").format(issue=issue_id)
                    )
                seen_issues.add(issue_id)


def check_plan(
    data: Any,
    report_path: str,
    locate: Locate,
    partner_ids: frozenset[str] | None,
    file: PlanFile | None = None,
    registry_label: str | None = None,
    decisions: Decisions | None = None,
    *,
    want_uid: bool = False,
) -> list[Problem]:
    """Cross-field rules of a plan; `partner_ids` None skips the partner references; with
    `want_uid`, a plan with no `document.uid` is warned (its calendar UIDs could collide).

    `file` is the validated model of `data` when the whole file passed its schema;
    `decisions` the schedules and statuses `ilotc.store.build` decides, shared with the building
    of the plan (made here when not given).
    """
    decisions = decisions or Decisions()
    document = data.get("document") if isinstance(data, dict) else None
    decisions.read_as(settings_of(document if isinstance(document, dict) else {}))
    report = Report(report_path, locate)
    scheme = _id_scheme(data, report)
    _structure(data, report, scheme)
    if want_uid:
        _check_uid(data, report)
    if file is not None:
        listed = list(_model_actions(file))
    else:
        listed = [
            (where, place, model)
            for where, place, raw in _plan_actions(data)
            if (model := valid(ActionModel, raw)) is not None
        ]
    # every id written, also of actions with other problems: a link to one of them is not wrong
    all_ids = {raw["id"] for _where, _place, raw in _plan_actions(data) if isinstance(raw.get("id"), str)}
    check_ids([(where, raw.get("id")) for where, _place, raw in _plan_actions(data)], report)
    first_seen: dict[str, Path] = {}
    for where, place, action in listed:
        if action.id in first_seen:
            first = report.line_of((*first_seen[action.id], "id"))
            report.add(
                (*where, "id"),
                _("duplicate action id {id!r} (first on line {line}); each action needs its own id").format(
                    id=action.id, line=first
                ),
            )
        else:
            first_seen[action.id] = where
        derivable = not _NOT_IN_AN_ID.search(place)  # else said once, at the part or section
        if scheme.derived and derivable and action.id.rsplit(".", 1)[0] != place:
            report.add(
                (*where, "id"),
                _(
                    "action id {id!r} does not match where it stands; expected {place}.<number> "
                    "(or declare another scheme with the top-level key 'ids')"
                ).format(id=action.id, place=place),
            )
        if scheme.matches is not None and bad_character(action.id) is None and not scheme.matches(action.id):
            report.add(
                (*where, "id"),
                _("action id {id!r} does not match the plan's ids pattern {pattern!r}").format(
                    id=action.id, pattern=scheme.pattern
                ),
            )
        _check_history(action, where, report)
        _check_schedules(action, where, all_ids, report, decisions)
    if partner_ids is not None:
        _check_partner_references(data, partner_ids, registry_label, report)
    return report.problems


def _check_partner_references(
    data: Any, partner_ids: frozenset[str], registry_label: str | None, report: Report
) -> None:
    """Every partner id an action names, read from the data itself so that an action with
    another problem (a bad status, say) still has its references checked; problems name the
    registry the ids come from."""
    for where, _place, raw in _plan_actions(data):
        partners = raw.get("partners")
        for n, partner in enumerate(partners if isinstance(partners, list) else []):
            if isinstance(partner, str) and partner not in partner_ids:
                report.add(
                    (*where, "partners", n),
                    _(
                        "unknown partner {partner!r}{suggestion} "
                        "(partner ids are defined in the partner registry {registry})"
                    ).format(
                        partner=partner,
                        suggestion=suggest(partner, partner_ids),
                        registry=registry_label or _("in use"),
                    ),
                )


def _check_uid(data: Any, report: Report) -> None:
    document = data.get("document") if isinstance(data, dict) else None
    if isinstance(document, dict) and "uid" not in document:
        report.add(
            ("document",),
            _(
                "the plan has no 'uid': its calendar UIDs come from its name, and another plan "
                "of the same name would replace its entries; add under 'document' a 'uid:' of "
                "random letters and digits, as ilotc init writes"
            ),
            Severity.WARNING,
        )


def _check_history(action: ActionModel, where: Path, report: Report) -> None:
    previous: PlanDate | None = None
    for n, change in enumerate(action.history):
        date = PlanDate.parse(change.date)
        if previous is not None and date.first_day() < previous.first_day():
            report.add(
                (*where, "history", n, "date"),
                _("history must be in date order, oldest first: {date} comes after {previous}").format(
                    date=date, previous=previous
                ),
            )
        previous = date


def _check_schedules(
    action: ActionModel, where: Path, action_ids: set[str], report: Report, decisions: Decisions
) -> None:
    decided = decisions.of(action)
    reading = decided.reading
    specs = action.schedules or []
    for n, spec in enumerate(specs):
        if spec.linked_to is not None and spec.linked_to not in action_ids:
            report.add(
                (*where, "schedules", n, "linked_to"),
                _("linked_to names no action: {target!r}{suggestion}").format(
                    target=spec.linked_to, suggestion=suggest(spec.linked_to, action_ids)
                ),
            )
        elif spec.linked_to == action.id:
            report.add((*where, "schedules", n, "linked_to"), _("an action cannot be linked to itself"))
    if not specs:
        if not reading.readable and action.timeline is not None:
            report.add(
                (*where, "timeline"),
                _(
                    "the timeline {timeline!r} cannot be read ({reason}); "
                    "state its schedule under 'schedules'"
                ).format(timeline=action.timeline, reason=reason_words(reading.reason or "")),
                Severity.WARNING,
            )
    elif reading.readable:
        _compare(reading.schedules, decided.schedules, where, report)
    schedules, expected = decided.schedules, decided.implied_status
    if action.initial_status is not None and action.initial_status != expected:
        report.add(
            (*where, "initial_status"),
            _("initial_status is {status} but the timeline reads as {kind}; expected {expected}").format(
                status=action.initial_status, kind=schedules[0].kind, expected=expected
            ),
            Severity.WARNING,
        )


def _compare(read: tuple[Schedule, ...], stated: tuple[Schedule, ...], where: Path, report: Report) -> None:
    """An explicit schedule may complete the reading of the timeline, not contradict it."""
    if len(stated) != len(read):
        report.add(
            (*where, "schedules"),
            _("the timeline reads as {read} schedule(s) ({readings}) but {stated} are stated").format(
                read=len(read), readings="; ".join(s.describe() for s in read), stated=len(stated)
            ),
        )
        return
    for n, (got, given) in enumerate(zip(read, stated, strict=True)):
        if given.kind is not got.kind:
            report.add(
                (*where, "schedules", n, "kind"),
                _("the timeline reads as {reading}, not a {kind} schedule").format(
                    reading=got.describe(), kind=given.kind
                ),
            )
            continue
        for name in ("start", "due", "every_months"):
            theirs, ours = getattr(given, name), getattr(got, name)
            if theirs is not None and ours is not None and not _agrees(name, theirs, ours):
                report.add(
                    (*where, "schedules", n, name),
                    _("{name} {value} contradicts the timeline, which reads as {reading}").format(
                        name=name, value=theirs, reading=got.describe()
                    ),
                )


def _agrees(name: str, theirs: object, ours: object) -> bool:
    """Equal, or a stated date that refines the period read (a day inside its month)."""
    if theirs == ours:
        return True
    if name == "every_months" or not isinstance(theirs, PlanDate) or not isinstance(ours, PlanDate):
        return False
    return ours.first_day() <= theirs.first_day() and theirs.last_day() <= ours.last_day()

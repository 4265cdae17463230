"""The plan as the tool's queries see it: a flat list of actions with their context.

Built from a validated `PlanFile`; each action carries its part, section and issue
titles, its schedules (read from the timeline, or stated in the file) and its status
history, so queries never walk the file's nesting again.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ilotc.dates import PlanDate
from ilotc.schedule import Reading, Schedule
from ilotc.vocab import Kind, Status

if TYPE_CHECKING:  # the schema models are needed to build a plan, not to use one
    from ilotc.models import ActionModel, DocumentModel, PlanFile, ScheduleSpec

T = TypeVar("T")


class Document(NamedTuple):
    """The document the plan comes from (the file's `document`, without its body paragraphs)."""

    symbol: str | None
    session: int | None
    place: str | None
    meeting: str | None
    committee: str | None
    committee_code: str | None
    agenda_item: str | None
    title: str
    date: str | None
    last_modified: str | None
    note: str | None
    report_previous: str | None = None  # the previous progress report's date
    report_decision: str | None = None  # the point for decision, verbatim
    report_caveat: str | None = None  # a warning at the head of every report
    organisation: str | None = None
    body: str | None = None
    language: str | None = None

    @classmethod
    def from_model(cls, model: "DocumentModel") -> "Document":
        """The document a validated file describes."""
        return cls(
            symbol=model.symbol,
            session=model.session,
            place=model.place,
            meeting=model.meeting,
            committee=model.committee,
            committee_code=model.committee_code,
            agenda_item=model.agenda_item,
            title=model.title,
            date=model.date,
            last_modified=model.last_modified,
            note=model.note,
            report_previous=model.report.previous if model.report else None,
            report_decision=model.report.decision if model.report else None,
            report_caveat=model.report.caveat if model.report else None,
            organisation=model.organisation,
            body=model.body,
            language=model.language,
        )


class Change(NamedTuple):
    """A dated status change."""

    date: PlanDate
    status: Status
    note: str | None = None


class Action(NamedTuple):
    """One action, with everything needed to list, show or judge it.

    A named tuple, like the plan's other value types: immutable, cheap to define at
    start-up, and restored from the cache in about half the time of a dataclass instance
    (tens of thousands at a time: bench/run.py, case c).
    """

    id: str
    part: str
    section: str  # the lettered issue ("1a") or the section ("4") it stands in
    section_number: str
    text: str
    timeline: str | None
    reading: Reading
    schedules: tuple[Schedule, ...]
    explicit_schedules: bool
    initial_status: Status
    history: tuple[Change, ...]
    partners: tuple[str, ...]
    note: str | None
    part_title: str
    section_title: str
    issue_title: str | None
    group_title: str | None
    context: str | None
    order: int
    plan: str = ""  # the name of the plan it belongs to (see `Plan.name`)

    @property
    def schedule(self) -> Schedule:
        """The first schedule: the one `kind`, `start` and `due` describe."""
        return self.schedules[0]

    @property
    def kind(self) -> Kind:
        """The first schedule's kind."""
        return self.schedules[0].kind

    def status_as_of(self, day: dt.date) -> Status:
        """The status of the last change dated on or before `day` (a month counts from its 1st)."""
        status = self.initial_status
        for change in self.history:
            if change.date.first_day() <= day:
                status = change.status
            else:
                break
        return status

    @property
    def latest_status(self) -> Status:
        """The status after every recorded change."""
        return self.history[-1].status if self.history else self.initial_status


@dataclass(frozen=True, slots=True)
class Plan:
    """A validated implementation plan, or several side by side (see `merge_plans`)."""

    document: Document
    part_titles: dict[str, str]
    actions: tuple[Action, ...]
    name: str = ""  # the document's symbol, else the file name without its extension

    def action(self, action_id: str) -> Action | None:
        """The action with this id, or None."""
        for action in self.actions:
            if action.id == action_id:
                return action
        return None

    def named(self, ref: str) -> list[Action]:
        """The actions `ref` names: an id (one per plan that has it), or PLAN:ID."""
        plan, _, action_id = ref.rpartition(":")
        return [a for a in self.actions if a.id == action_id and (not plan or a.plan == plan)]

    def renamed(self, name: str) -> "Plan":
        """The same plan under another name (a plan without a symbol is named by its file)."""
        actions = tuple(action._replace(plan=name) for action in self.actions)
        return Plan(self.document, self.part_titles, actions, name=name)

    def __iter__(self) -> Iterator[Action]:
        return iter(self.actions)

    def __len__(self) -> int:
        return len(self.actions)


def schedule_from_spec(spec: "ScheduleSpec") -> Schedule:
    """The schedule a file states explicitly."""
    return Schedule(
        kind=spec.kind,
        start=PlanDate.parse(spec.start) if spec.start else None,
        due=PlanDate.parse(spec.due) if spec.due else None,
        every_months=spec.every_months,
        immediate=spec.immediate,
        label=spec.label,
        linked_to=spec.linked_to,
    )


def default_initial_status(schedules: tuple[Schedule, ...]) -> Status:
    """CONTRACT: actions already under way start `in_progress`, all others `planned`."""
    return Status.IN_PROGRESS if schedules[0].kind is Kind.ONGOING else Status.PLANNED


class _Builder:
    """Turns validated action models into actions; equal dates and changes are built once."""

    def __init__(self, name: str) -> None:
        from ilotc.timeline import read_timeline  # noqa: PLC0415 - needed to build a plan, not to use one

        self.read = read_timeline
        self.changes: dict[tuple[str, Status, str | None], Change] = {}
        self.shared: dict[object, object] = {}  # one object per distinct string or id tuple
        self.actions: list[Action] = []
        self.name = name  # the plan's, carried by each action

    def one(self, value: T) -> T:
        """The object equal to `value` already in use, else `value`: repeats share memory
        (and pickle once in the cache)."""
        return self.shared.setdefault(value, value)  # type: ignore[return-value]

    def change(self, date: str, status: Status, note: str | None) -> Change:
        key = (date, status, note)
        found = self.changes.get(key)
        if found is None:
            found = self.changes[key] = Change(PlanDate.parse(date), status, self.one(note))
        return found

    def add(self, model: "ActionModel", place: "_Place") -> None:
        reading = self.read(model.timeline)
        if model.schedules:
            schedules = tuple(schedule_from_spec(spec) for spec in model.schedules)
        else:
            schedules = reading.schedules
        self.actions.append(
            Action(
                id=model.id,
                part=place.part,
                section=place.section,
                section_number=place.section_number,
                text=self.one(model.text),
                timeline=self.one(model.timeline),
                reading=reading,
                schedules=schedules,
                explicit_schedules=bool(model.schedules),
                initial_status=model.initial_status or default_initial_status(schedules),
                history=tuple(self.change(c.date, c.status, c.note) for c in model.history),
                partners=self.one(tuple(self.one(partner) for partner in model.partners)),
                note=self.one(model.note),
                part_title=place.part_title,
                section_title=place.section_title,
                issue_title=place.issue_title,
                group_title=place.group_title,
                context=place.context,
                order=len(self.actions),
                plan=self.name,
            )
        )


class _Place(NamedTuple):
    """Where an action stands in the file."""

    part: str
    part_title: str
    section: str  # the lettered issue or the section
    section_number: str
    section_title: str
    issue_title: str | None = None
    group_title: str | None = None
    context: str | None = None


def _placed(file: "PlanFile") -> "Iterator[tuple[ActionModel, _Place]]":
    """Every action model with where it stands, in document order."""
    for part in file.parts:
        alone = _Place(part.id, part.title, "", "", "")
        for model in part.actions:
            yield model, alone
        for section in part.sections:
            here = _Place(part.id, part.title, section.id, section.id, section.title, context=section.context)
            for model in section.actions:
                yield model, here
            for group in section.groups:
                in_group = _Place(
                    part.id,
                    part.title,
                    section.id,
                    section.id,
                    section.title,
                    None,
                    group.title,
                    section.context,
                )
                for model in group.actions:
                    yield model, in_group
            for issue in section.issues:
                in_issue = _Place(
                    part.id, part.title, issue.id, section.id, section.title, issue.title, None, issue.context
                )
                for model in issue.actions:
                    yield model, in_issue


def plan_name(file: "PlanFile", stem: str) -> str:
    """CONTRACT: a plan is named by its symbol, else by its file name without extension."""
    return file.document.symbol or stem


def build_plan(file: "PlanFile", stem: str = "plan") -> Plan:
    """Flatten a validated plan file into actions, in document order; `stem` is the file's
    name without extension (the plan's name when it has no symbol)."""
    name = plan_name(file, stem)
    builder = _Builder(name)
    for model, place in _placed(file):
        builder.add(model, place)
    return Plan(
        document=Document.from_model(file.document),
        part_titles={part.id: part.title for part in file.parts},
        actions=tuple(builder.actions),
        name=name,
    )


def merge_plans(plans: "list[Plan]") -> Plan:
    """Several plans as one list of actions, each action naming its plan: named by all their
    names, with the first plan's document and every plan's parts (a part id two plans share
    keeps the first title)."""
    if len(plans) == 1:
        return plans[0]
    part_titles: dict[str, str] = {}
    for plan in plans:
        for part, title in plan.part_titles.items():
            part_titles.setdefault(part, title)
    actions = tuple(action._replace(order=n) for n, action in enumerate(a for p in plans for a in p))
    return Plan(plans[0].document, part_titles, actions, name=", ".join(plan.name for plan in plans))

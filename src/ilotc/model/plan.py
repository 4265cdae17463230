"""The plan as the tool's queries see it: a flat list of actions with their context.

Built from a validated `PlanFile` by `ilotc.store.build`; each action carries its part, section and
issue titles, its schedules (read from the timeline, or stated in the file) and its status
history, so queries never walk the file's nesting again.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ilotc.model.dates import PlanDate
from ilotc.model.report_identity import ReportIdentity
from ilotc.model.schedule import Reading, Schedule
from ilotc.model.vocab import Kind, Status


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
    uid: str | None = None  # the plan's own id, in its calendar UIDs (see output.calendar.uid_host)
    # texts in other languages: (language, ((field, text), ...)), see model/translations.py
    translations: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    original: str | None = None  # "(original in French)": shown texts left in the original
    day_first: bool | None = None  # how the plan's numeric dates are written, where stated
    fiscal_year_start: int | None = None  # the month its fiscal years start, where stated
    report: ReportIdentity | None = None  # the progress report's own identity (its `report:` block)


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
    # its texts and its place's in other languages, see model/translations.py
    translations: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    responsible: tuple[str, ...] = ()  # who is responsible: units' names or partner ids
    editorial_note: str | None = None  # how it was transcribed: for editors, never in a report

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

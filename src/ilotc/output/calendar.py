"""The calendar document: an RFC 5545 calendar of the plan's dated schedules (`export --format ics`).

`export_ics` gives one VTODO (with DUE, a DATE) per deadline, milestone and window end and
one all-day VEVENT per start and window start, and one repeating VTODO (RRULE) per recurring
schedule with a period; UIDs come from the action id, the role and the schedule's index, and
SEQUENCE from the action's recorded changes, so importing a newer export updates the entries
instead of doubling them, and a changed item supersedes the old one in every client. DTSTAMP
is the export's time, given by the caller (so a pinned time gives the same bytes). An
optional VALARM reminds a number of days before each due date.

Data is data: every calendar text value (summary, description, categories, the calendar's
name) goes through `ilotc.output.text.calendar_text` and is added as icalendar's `vText`,
which escapes it per RFC 5545 (an X- property would otherwise be written as it is).
Labels (the summary's "deadline", "Timeline:", "Part") are in the interface language;
UIDs, statuses and dates are not labels and never change with it.

Pure: returns bytes or text; no printing, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ilotc.i18n import N_, _
from ilotc.model.dates import PlanDate, add_months
from ilotc.model.lateness import plan_date_of
from ilotc.model.plan import Action, Plan
from ilotc.model.schedule import Schedule
from ilotc.model.vocab import Kind, Status
from ilotc.output.ics_fold import folded
from ilotc.output.text import calendar_text

PRODID = "-//ilotc//{plans}//EN"
UID_DOMAIN = "ilotc"
SUMMARY_CHARS = 70
PART_CATEGORY = N_("Part {part}")

_TODO_KINDS = (Kind.DEADLINE, Kind.MILESTONE, Kind.WINDOW)
_EVENT_KINDS = (Kind.START, Kind.WINDOW)
_TODO_STATUS = {
    Status.PLANNED: "NEEDS-ACTION",
    Status.IN_PROGRESS: "IN-PROCESS",
    Status.DONE: "COMPLETED",
    Status.CANCELLED: "CANCELLED",
}
_ROLE_WORDS = {
    Kind.DEADLINE: N_("deadline"),
    Kind.MILESTONE: N_("milestone"),
    Kind.WINDOW: N_("ends"),
    Kind.START: N_("starts"),
    Kind.RECURRING: N_("recurs"),
}
_DUE = N_("due")


def shorten(text: str, limit: int = 90) -> str:
    """The text on one line, cut at a word boundary to at most `limit` characters, with '…'.

    For calendar summaries only, which a calendar shows on one line; reports keep full texts.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.") + "…"


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One calendar component: a to-do for a due date, an all-day event for a start."""

    component: str  # "VTODO" or "VEVENT"
    role: str  # "due", "start" or "every"
    index: int  # the schedule's position in the action's schedules
    day: dt.date  # DUE of a to-do (the last day of the due period, the first occurrence's for
    # a recurring one); DTSTART of an event
    action: Action
    schedule: Schedule

    @property
    def uid(self) -> str:
        """Stable across exports, and distinct between plans that share action ids: action id,
        role, schedule index and plan, e.g. `I.1a.1-due-0@gb-276-tc-2.ilotc`."""
        return f"{self.action.id}-{self.role}-{self.index}@{uid_host(self.action.plan)}"

    @property
    def summary(self) -> str:
        """The action id, what the date is, and the text shortened."""
        word = _ROLE_WORDS[Kind.START] if self.role == "start" else _ROLE_WORDS.get(self.schedule.kind, _DUE)
        label = f" ({self.schedule.label})" if self.schedule.label else ""
        return _("{id} {what}: {text}").format(
            id=self.action.id, what=_(word) + label, text=shorten(self.action.text, SUMMARY_CHARS)
        )

    @property
    def description(self) -> str:
        """The full text, the verbatim timeline, how it was read, and where the action stands."""
        action = self.action
        place = [_("Part {part}: {title}").format(part=action.part, title=action.part_title)]
        if action.section_number:
            place.append(f"{action.section_number}. {action.section_title}")
        if action.issue_title:
            place.append(f"{action.section}) {action.issue_title}")
        if action.group_title:
            place.append(action.group_title)
        return "\n".join(
            [
                action.text,
                "",
                _("Timeline: {timeline}").format(timeline=action.timeline or _("(none)")),
                _("Reads as: {reading}").format(reading=self.schedule.describe()),
                "",
                *place,
                _("Action {id} of {plan} (ilotc)").format(id=action.id, plan=action.plan),
            ]
        )

    @property
    def sequence(self) -> int:
        """SEQUENCE (RFC 5545 3.8.7.4): grows with each recorded change of the action, so a
        newer export supersedes the item in clients that compare it; the same file gives the
        same number."""
        return len(self.action.history)


def calendar_entries(
    plan: Plan, actions: Iterable[Action] | None = None, plan_days: dict[str, dt.date | None] | None = None
) -> list[CalendarEntry]:
    """Every dated schedule's components, in document order (of `actions`, else every action).

    A deadline, milestone or window with a due date gives a to-do on the due period's last
    day; a start or window with a start date gives an event on the start period's first
    day; a recurring schedule with a period gives a to-do that repeats every period, first
    due a period after its start (else its plan's date: `plan_days` by plan name, else
    `plan`'s own). Immediate starts with no date, recurring ones with neither a start nor a
    plan date, and the undated kinds, give nothing.
    """
    found: list[CalendarEntry] = []
    plan_day = plan_date_of(plan.document.date)
    for action in plan if actions is None else actions:
        for index, schedule in enumerate(action.schedules):
            if schedule.kind is Kind.RECURRING and schedule.every_months:
                since = schedule.start.first_day() if schedule.start is not None else None
                since = since or (plan_days.get(action.plan) if plan_days is not None else plan_day)
                if since is not None:
                    first = add_months(since, schedule.every_months)
                    found.append(CalendarEntry("VTODO", "every", index, first, action, schedule))
                continue
            if schedule.kind in _EVENT_KINDS and schedule.start is not None:
                found.append(
                    CalendarEntry("VEVENT", "start", index, schedule.start.first_day(), action, schedule)
                )
            if schedule.kind in _TODO_KINDS and schedule.due is not None:
                found.append(CalendarEntry("VTODO", "due", index, schedule.due.last_day(), action, schedule))
    return found


def uid_host(plan_name: str) -> str:
    """The right-hand side of a plan's UIDs: its name in lowercase letters, digits and
    hyphens, under `ilotc` (GB.276/TC/2 -> gb-276-tc-2.ilotc)."""
    slug = "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in plan_name.lower()).split())
    return f"{slug or 'plan'}.{UID_DOMAIN}"


def calendar_stamp(plan: Plan) -> dt.datetime:
    """DTSTAMP for every component, the same on every export: the plan's last modification,
    else its date, else its latest status change, else 1 January 1970 (midnight UTC)."""
    document = plan.document
    written = document.last_modified or document.date
    changes = [change.date for action in plan for change in action.history]
    if written:
        day = PlanDate.parse(written).first_day()
    else:
        day = max(changes).first_day() if changes else dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def short_title(plan: Plan, limit: int = 60) -> str:
    """The plan's name and the title's last clause, e.g. 'GB.276/TC/2 — Plan de mise en œuvre'."""
    clause = shorten(plan.document.title.rsplit(": ", 1)[-1], limit)
    return clause if clause == plan.name else f"{plan.name} — {clause}"


def calendar_name(plan: Plan, names: list[str]) -> str:
    """The calendar's display name: the plan's name and the title's last clause, e.g.
    'GB.276/TC/2 — Plan de mise en œuvre'; the plans' names where there are several."""
    return short_title(plan) if len(names) == 1 else ", ".join(names)


def plan_names(plan: Plan) -> list[str]:
    """The names of the plans whose actions `plan` holds, in order."""
    return list(dict.fromkeys(action.plan for action in plan)) or [plan.name]


def export_ics(
    plan: Plan,
    actions: Iterable[Action] | None = None,
    *,
    stamp: dt.datetime | None = None,
    alarm_days: int | None = None,
    plan_days: dict[str, dt.date | None] | None = None,
) -> bytes:
    """The dated schedules of `actions` (else every action) as an iCalendar file (CRLF lines,
    folded by icalendar, and again where a line would be a command to a CI runner: `ics_fold`).
    DTSTAMP is `stamp` (else `calendar_stamp`); with `alarm_days`, each to-do has a display
    alarm that many days before it is due; `plan_days` is each plan's date by name, where
    several plans are in use (see `calendar_entries`)."""
    from icalendar import Alarm, Calendar, Event, Todo, vText  # noqa: PLC0415 - lazy: icalendar, only `export --format ics` needs it

    def text(value: str) -> vText:
        return vText(calendar_text(value))

    calendar = Calendar()
    names = plan_names(plan)
    calendar.add("prodid", text(PRODID.format(plans=", ".join(names))))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", text(calendar_name(plan, names)))
    stamp = stamp or calendar_stamp(plan)
    for entry in calendar_entries(plan, actions, plan_days):
        status = entry.action.latest_status
        component: Todo | Event
        if entry.component == "VTODO":
            component = Todo()
            if entry.role == "every":
                # a recurring to-do needs DTSTART (RFC 5545 3.8.5.3): one period before its due date
                every = entry.schedule.every_months or 1
                component.add("dtstart", add_months(entry.day, -every))
                component.add("rrule", {"freq": "monthly", "interval": every})
                # `done` marks one occurrence of a recurring action, never the end of the series
                status = Status.IN_PROGRESS if status is Status.DONE else status
            component.add("due", entry.day)
            component.add("status", _TODO_STATUS[status])
            if alarm_days is not None:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", text(entry.summary))
                alarm.add("trigger", -dt.timedelta(days=alarm_days), parameters={"RELATED": "END"})
                component.add_component(alarm)
        else:
            component = Event()
            component.add("dtstart", entry.day)
            component.add("dtend", entry.day + dt.timedelta(days=1))
            component.add("transp", "TRANSPARENT")
            if status is Status.CANCELLED:
                component.add("status", "CANCELLED")
        component.add("uid", entry.uid)
        component.add("dtstamp", stamp)
        component.add("sequence", entry.sequence)
        component.add("summary", text(entry.summary))
        component.add("description", text(entry.description))
        component.add("categories", [text(_(PART_CATEGORY).format(part=entry.action.part))])
        calendar.add_component(component)
    data: bytes = calendar.to_ical()
    return folded(data)

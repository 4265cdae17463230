"""The calendar document: an RFC 5545 calendar of the plan's dated schedules (`export --format ics`).

`export_ics` gives one VTODO (with DUE, a DATE) per deadline, milestone and window end and
one all-day VEVENT per start and window start, and one repeating VTODO (RRULE) per recurring
schedule with a period; with `events`, each deadline is an all-day VEVENT instead, for
clients that ignore to-dos (khal, Google Calendar, Outlook). UIDs come from the action id,
the role, the schedule's index and the plan (its `document.uid` where it has one), and
SEQUENCE from the action's recorded changes, so importing a newer export updates the entries
instead of doubling them, and a changed item supersedes the old one in every client. DTSTAMP
is the export's time, given by the caller (so a pinned time gives the same bytes). An
optional VALARM reminds a number of days before each due date.

Data is data: every calendar text value (summary, description, categories, the calendar's
name) goes through `ilotc.output.text.calendar_text` and is added as icalendar's `vText`,
which escapes it per RFC 5545 (an X- property would otherwise be written as it is).
Labels (the summary's "deadline", "Timeline:", "Part") are in the interface language;
UIDs, statuses and dates are not labels and never change with it.

Each occurrence of a recurring to-do is its own one-day span (DTSTART the day before DUE),
and the rule names the day of the month (BYMONTHDAY), so every occurrence is due on the day
`ilotc upcoming` gives: a to-do spanning the whole period would give every occurrence the
first one's length in days, and drift by a day whenever a leap day falls inside it.

Pure: returns bytes or text; no printing, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ilotc.i18n import N_, _
from ilotc.model.dates import PlanDate, add_months
from ilotc.model.lateness import last_done, plan_date_of
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
    host: str = ""  # the UIDs' right-hand side (see `uid_host`); "" means from the plan's name
    rule: dict[str, object] | None = None  # a recurring to-do's RRULE, its DTSTART the day before `day`

    @property
    def uid(self) -> str:
        """Stable across exports, and distinct between plans that share action ids: action id,
        role, schedule index and plan, e.g. `I.1a.1-due-0@gb-276-tc-2.ilotc`."""
        return f"{self.action.id}-{self.role}-{self.index}@{self.host or uid_host(self.action.plan)}"

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
    plan: Plan,
    actions: Iterable[Action] | None = None,
    plan_days: dict[str, dt.date | None] | None = None,
    uid_hosts: dict[str, str] | None = None,
) -> list[CalendarEntry]:
    """Every dated schedule's components, in document order (of `actions`, else every action).

    A deadline, milestone or window with a due date gives a to-do on the due period's last
    day; a start or window with a start date gives an event on the start period's first
    day; a recurring schedule with a period gives a to-do that repeats every period, due on
    the days `ilotc upcoming` gives: a period after the action's last `done` change, else
    after its plan's date (`plan_days` by plan name, else `plan`'s own), else after the
    schedule's start, and every period after that. Immediate starts with no date, recurring
    ones with nothing to count from, and the undated kinds, give nothing. `uid_hosts` gives
    each plan's UID host by name (else `plan`'s own, see `plan_uid_host`).
    """
    found: list[CalendarEntry] = []
    plan_day = plan_date_of(plan.document.date)
    hosts = uid_hosts if uid_hosts is not None else {plan.name: plan_uid_host(plan)}
    for action in plan if actions is None else actions:
        host = hosts.get(action.plan, "")
        for index, schedule in enumerate(action.schedules):
            if schedule.kind is Kind.RECURRING and schedule.every_months:
                day = plan_days.get(action.plan) if plan_days is not None else plan_day
                if day is None and schedule.start is not None:
                    day = schedule.start.first_day()
                since = last_done(action, dt.date.max) or day
                if since is not None:
                    anchor = getattr(schedule, "anchor", None)
                    first, rule = (
                        anchored_rule(anchor, schedule.every_months, since)
                        if anchor
                        else recurrence_rule(since, schedule.every_months)
                    )
                    found.append(CalendarEntry("VTODO", "every", index, first, action, schedule, host, rule))
                continue
            if schedule.kind in _EVENT_KINDS and schedule.start is not None:
                found.append(
                    CalendarEntry(
                        "VEVENT", "start", index, schedule.start.first_day(), action, schedule, host
                    )
                )
            if schedule.kind in _TODO_KINDS and schedule.due is not None:
                found.append(
                    CalendarEntry("VTODO", "due", index, schedule.due.last_day(), action, schedule, host)
                )
    return found


def _month_days(day: int) -> dict[str, object]:
    """BYMONTHDAY (with BYSETPOS) for the day before an occurrence on day `day` of its month,
    clamped to the month's end as `add_months` clamps: on the 1st, the previous month's last
    day (-1); from the 29th, the earlier of day-1 and the month's last day but one."""
    if day == 1:
        return {"bymonthday": [-1]}
    if day >= 29:
        return {"bymonthday": [day - 1, -2], "bysetpos": [1]}
    return {"bymonthday": [day - 1]}


def recurrence_rule(since: dt.date, every: int) -> tuple[dt.date, dict[str, object]]:
    """The first due day and the RRULE of a series due every `every` months after `since`
    (on `since`'s day of the month, clamped to shorter months, as `ilotc upcoming` counts).

    The rule's occurrences are the days before the due days (each to-do's DTSTART; its DUE
    is the next day), so it states the day of the month rather than a period's length."""
    return add_months(since, every), {"freq": "monthly", "interval": every, **_month_days(since.day)}


def anchored_rule(anchor: str, every: int, since: dt.date) -> tuple[dt.date, dict[str, object]]:
    """The first due day and the RRULE of a series with an anchor ("MM-DD": due that day;
    "MM": by that month's end), every `every` months, from the first anchor date on or after
    `since`. A period of whole years repeats YEARLY with BYMONTH; another, MONTHLY."""
    month_text, _, day_text = anchor.partition("-")
    month = int(month_text)

    def due_in(year: int) -> dt.date:
        last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
        return last if not day_text else dt.date(year, month, min(int(day_text), last.day))

    first = due_in(since.year)
    if first < since:
        first = due_in(since.year + 1)
    before = first - dt.timedelta(days=1)
    days: dict[str, object] = {"bymonthday": [-2]} if not day_text else _month_days(int(day_text))
    if every % 12 == 0:
        return first, {"freq": "yearly", "interval": every // 12, "bymonth": [before.month], **days}
    return first, {"freq": "monthly", "interval": every, **days}


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in text.lower()).split())


def uid_host(plan_name: str, plan_uid: str | None = None) -> str:
    """The right-hand side of a plan's UIDs: its name in lowercase letters, digits and
    hyphens, under `ilotc` (GB.276/TC/2 -> gb-276-tc-2.ilotc); with the plan's own `uid`
    (`document.uid`, which `ilotc init` writes at random), that uid before the name, so two
    plans that share a name never share a UID (nep-2026 -> 1f0c….nep-2026.ilotc)."""
    host = f"{_slug(plan_name) or 'plan'}.{UID_DOMAIN}"
    return f"{_slug(plan_uid)}.{host}" if plan_uid and _slug(plan_uid) else host


def plan_uid_host(plan: Plan) -> str:
    """`uid_host` of a plan, from its name and its `document.uid`."""
    return uid_host(plan.name, plan.document.uid)


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


def _completed(action: Action) -> dt.datetime | None:
    """COMPLETED of a done to-do: the date of its last `done` change (midnight UTC, as
    RFC 5545 3.8.2.1 wants a UTC date-time)."""
    day = last_done(action, dt.date.max) if action.latest_status is Status.DONE else None
    return None if day is None else dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def export_ics(
    plan: Plan,
    actions: Iterable[Action] | None = None,
    *,
    stamp: dt.datetime | None = None,
    alarm_days: int | None = None,
    plan_days: dict[str, dt.date | None] | None = None,
    uid_hosts: dict[str, str] | None = None,
    events: bool = False,
) -> bytes:
    """The dated schedules of `actions` (else every action) as an iCalendar file (CRLF lines,
    folded by icalendar, and again where a line would be a command to a CI runner: `ics_fold`).
    DTSTAMP is `stamp` (else `calendar_stamp`); with `alarm_days`, each to-do has a display
    alarm that many days before it is due; `plan_days` and `uid_hosts` are each plan's date and
    UID host by name, where several plans are in use (see `calendar_entries`). With `events`,
    every to-do is written as an all-day event on its due day instead (UID `...-due-event-0@...`,
    so it never replaces an imported to-do)."""
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
    for entry in calendar_entries(plan, actions, plan_days, uid_hosts):
        status = entry.action.latest_status
        if entry.role == "every" and status is Status.DONE:
            # `done` marks one occurrence of a recurring action, never the end of the series
            status = Status.IN_PROGRESS
        component: Todo | Event
        uid = entry.uid
        if entry.component == "VTODO" and not events:
            component = Todo()
            if entry.rule is not None:
                # each occurrence spans its one day (RFC 5545 3.8.2.3: DUE after DTSTART); the
                # rule names the day before each due day, so no occurrence drifts
                component.add("dtstart", entry.day - dt.timedelta(days=1))
                component.add("rrule", entry.rule)
            component.add("due", entry.day)
            component.add("status", _TODO_STATUS[status])
            if (completed := _completed(entry.action)) is not None and entry.rule is None:
                component.add("completed", completed)
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
            if entry.component == "VTODO":
                uid = uid.replace(f"-{entry.role}-", f"-{entry.role}-event-", 1)
                if entry.rule is not None:
                    component.add("rrule", event_rule(entry.rule, entry.day))
            component.add("transp", "TRANSPARENT")
            if status is Status.CANCELLED:
                component.add("status", "CANCELLED")
        component.add("uid", uid)
        component.add("dtstamp", stamp)
        component.add("sequence", entry.sequence)
        component.add("summary", text(entry.summary))
        component.add("description", text(entry.description))
        component.add("categories", [text(_(PART_CATEGORY).format(part=entry.action.part))])
        calendar.add_component(component)
    data: bytes = calendar.to_ical()
    return folded(data)


def event_rule(rule: dict[str, object], first: dt.date) -> dict[str, object]:
    """A to-do's rule (which names the day before each due day) for an all-day event on the
    due day itself, first on `first`: the same period, the due day of the month (clamped to
    shorter months as the to-do's is)."""
    moved = {key: value for key, value in rule.items() if key not in ("bymonthday", "bysetpos", "bymonth")}
    days: list[int] = rule["bymonthday"]  # type: ignore[assignment]  # always set by the rule's makers
    if days == [-2]:  # an "MM" anchor: the month's last day
        moved["bymonthday"] = [-1]
    elif days[0] == -1:  # due on the 1st
        moved["bymonthday"] = [1]
    elif len(days) > 1:  # from the 29th, clamped to the month's last day
        moved["bymonthday"] = [days[0] + 1, -1]
        moved["bysetpos"] = [1]
    else:
        moved["bymonthday"] = [days[0] + 1]
    if "bymonth" in rule:
        moved["bymonth"] = [first.month]
    return moved

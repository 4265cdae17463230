"""Every human text of the progress report, in one place, ready for translation.

English for now. Each text is a constant or a small function of figures, so a later change
can wrap them with gettext (`_()` / `ngettext()`) here without touching the renderers. The
plan's own text (titles, actions, notes, the point for decision it sets) is never here: it
stays verbatim in its own language.
"""

import datetime as dt

from ilotc.dates import PlanDate
from ilotc.output.labels import EVENT_LABELS, HEADERS, REASON_LABELS, STATUS_LABELS  # shared with tables
from ilotc.output.text import number

DEFAULT_DECISION = {
    "en": "The Governing Body may wish to take note of this report.",
    "fr": "Le Conseil d'administration voudra sans doute prendre note du présent rapport.",
}
"""The point for decision where a Governing Body plan sets none, per report language."""

OTHER_DECISION = "This report is submitted for information."
"""The point for decision where another plan sets none: nothing assumes a Governing Body."""


def default_decision(symbol: str | None) -> str:
    """The point for decision where the plan sets none: the Governing Body's wording for a
    Governing Body document (its symbol starts with GB.), else a neutral one."""
    return DEFAULT_DECISION[LANGUAGE] if (symbol or "").startswith("GB.") else OTHER_DECISION


LANGUAGE = "en"
"""The report's language until the interface is translated."""

TITLE = "Progress report on the implementation plan"
PURPOSE_LABEL = "Purpose of the document"
DECISION_LABEL = "Point for decision"
ILLUSTRATIVE_LABEL = "Note"

HEADINGS = {
    "introduction": "Introduction",
    "progress": "Progress by part",
    "changes": "Changes since",
    "overdue": "Overdue actions",
    "upcoming": "What falls due next",
    "timeline": "Timeline of the dated actions",
    "decision": "Point for decision",
    "annex": "Annex: the actions of the plan",
}

STANDING_LABELS = {
    "done": "Completed",
    "in_progress": "In progress",
    "planned": "Not started",
    "cancelled": "Cancelled",
    "on_schedule": "Recurring, on schedule",
    "missed": "Recurring, occurrence missed",
    "unjudged": "Recurring, no period stated",
}
SHORT_STANDING_LABELS = {
    "done": "Completed",
    "in_progress": "In progress",
    "planned": "Not started",
    "cancelled": "Cancelled",
    "on_schedule": "Rec. on schedule",
    "missed": "Rec. missed",
    "unjudged": "Rec. no period",
}
EVENT_VERBS = {
    "done": "completed",
    "in_progress": "started",
    "cancelled": "cancelled",
    "planned": "returned to planned",
}
UPCOMING_LABELS = EVENT_LABELS

FIELD_LABELS = {  # the concepts that tables show too take their labels from output.labels
    "part": HEADERS["part"],
    "section": HEADERS["section"],
    "text": HEADERS["text"],
    "timeline": HEADERS["timeline"],
    "reading": HEADERS["reads_as"],
    "status": HEADERS["status"],
    "last_change": "Last change",
    "history": "History",
    "partners": "Partners",
    "late": "Overdue",
    "note": "Note",
}
TABLE_HEADERS = {"part": "Part", "actions": "Actions", "share": "Share done", "overdue": "Overdue"}
FIGURE_PROGRESS = "Figure 1. Actions by standing, month by month"
FIGURE_TIMELINE = "Figure 2. Timeline of the dated actions"
PROGRESS_TABLE_CAPTION = "Actions by standing at the end of each month"
MONTH = "Month"
CHART_WORDS = {
    "legend": "Legend",
    "timeline_title": "Timeline of the dated actions as of",
    "timeline_desc": (
        "Months along the axis, one row per action with a dated deadline, milestone, start or window; "
        "a red line marks the as-of date. Colour gives the status, red a late schedule."
    ),
    "as_of": "as of",
    "late": "late",
    "as_of_date": "as-of date",
    "window": "window (start to end)",
    "deadline": "deadline (end of period)",
    "milestone": "milestone",
    "start": "start",
}
NONE = "none"
NO_TIMELINE = "(none)"
WHOLE_PLAN = "Whole plan"


def plural(count: int, singular: str, many: str) -> str:
    """'1 action', '3 actions' (becomes ngettext)."""
    return f"{count} {singular if count == 1 else many}"


def long_date(day: dt.date) -> str:
    """A day in words: '1 June 2000'."""
    return PlanDate.of(day).describe()


def part_label(part: str | None) -> str:
    """'Part II', or 'Whole plan'."""
    return WHOLE_PLAN if part is None else f"Part {part}"


def header_session(session: int) -> str:
    """'276th Session' (a session number too big for decimal is shown in hexadecimal)."""
    if len(shown := number(session)) > 12 or shown.startswith("0x"):
        return f"Session {shown}"
    suffix = "th" if 10 <= session % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(session % 10, "th")
    return f"{session}{suffix} Session"


def purpose(symbol: str | None, as_of: dt.date) -> str:
    """The purpose box."""
    plan = f"the implementation plan {symbol}" if symbol else "the implementation plan"
    return (
        f"This document reports on progress in {plan} as of {long_date(as_of)}, and on what is "
        "overdue or falls due next. See the point for decision at the end."
    )


def introduction(
    symbol: str | None, title: str, plan_date: dt.date | None, as_of: dt.date, total: int
) -> str:
    """The opening paragraph, citing the plan (and its date, where it has one)."""
    cited = f"document {symbol}, “{title}”" if symbol else f"“{title}”"
    dated = f", dated {long_date(plan_date)}" if plan_date is not None else ""
    return (
        f"The implementation plan ({cited}{dated}) sets out "
        f"{plural(total, 'action', 'actions')}. This report gives their progress as of "
        f"{long_date(as_of)}, replayed from the status history recorded with each action."
    )


def filtered_note(count: int, total: int) -> str:
    """Said when filters narrowed the report."""
    return f"It covers {count} of the plan's {total} actions, selected by filters."


def counting(recurring: int) -> str:
    """How the figures are counted."""
    text = (
        "One-off actions are counted by status; the share done is the one-off actions completed "
        "among those not cancelled."
    )
    if recurring:
        text += (
            f" {'The recurring action is' if recurring == 1 else f'The {recurring} recurring actions are'}"
            " counted per period instead: on schedule while the last occurrence lies within its period, "
            "occurrence missed once it does not. A recurring action never counts as done for the "
            "whole plan, and no action is counted both done and overdue."
        )
    return text


def part_sentence(
    label: str, total: int, by: dict[str, int], recurring: int, overdue: int, share: float | None
) -> str:
    """'Of the 24 actions of Part I, 18 are one-off: 10 have been completed, ...'."""
    one_off = total - recurring
    parts = [
        f"{by['done']} {'has' if by['done'] == 1 else 'have'} been completed",
        f"{by['in_progress']} {'is' if by['in_progress'] == 1 else 'are'} in progress",
        f"{by['planned']} {'has' if by['planned'] == 1 else 'have'} not started",
        f"{by['cancelled']} {'has' if by['cancelled'] == 1 else 'have'} been cancelled",
    ]
    listed = ", ".join(parts[:-1]) + " and " + parts[-1]
    where = "of the whole plan" if label == WHOLE_PLAN else f"of {label}"
    text = (
        f"Of the {plural(total, 'action', 'actions')} {where}, {one_off} {'is' if one_off == 1 else 'are'} "
    )
    text += f"one-off: {listed}"
    if share is not None:
        text += f" ({share_text(share)} done)"
    text += "."
    if recurring == 1:
        text += " The recurring action " + (
            "is on schedule."
            if by["on_schedule"]
            else "has missed an occurrence."
            if by["missed"]
            else "states no period."
        )
    elif recurring:
        text += (
            f" Of the {recurring} recurring actions, "
            f"{by['on_schedule']} {'is' if by['on_schedule'] == 1 else 'are'} on schedule and "
            f"{by['missed']} {'has' if by['missed'] == 1 else 'have'} missed an occurrence"
        )
        if by["unjudged"]:
            text += f"; {by['unjudged']} {'states' if by['unjudged'] == 1 else 'state'} no period"
        text += "."
    if overdue:
        text += f" {plural(overdue, 'action is', 'actions are')} overdue."
    return text


def share_text(share: float | None) -> str:
    """'25%', or '-' when nothing counts."""
    return "-" if share is None else f"{int(share * 100 + 0.5)}%"  # half up, not to even


def progress_intro(plan_date: dt.date, as_of: dt.date, step: int = 1) -> str:
    """The paragraph before the progress chart (`step`: months between its columns)."""
    when = "at the end of each month" if step == 1 else f"every {step} months"
    return (
        f"Figure 1 shows the actions by standing {when} from {long_date(plan_date)} "
        f"to {long_date(as_of)}, replayed from the recorded status changes."
    )


def changes_none(since: dt.date, as_of: dt.date) -> str:
    """No status change in the span."""
    return f"No status change was recorded between {long_date(since)} and {long_date(as_of)}."


def changes_lead(verb: str, count: int, since: dt.date) -> str:
    """'Since 1 January 2000, 3 actions were completed:'."""
    return f"Since {long_date(since)}, {plural(count, 'action was', 'actions were')} {verb}:"


def occurrences_lead(count: int, since: dt.date) -> str:
    """Recurring occurrences held."""
    return f"Since {long_date(since)}, {plural(count, 'occurrence was', 'occurrences were')} held:"


def overdue_lead(count: int, as_of: dt.date) -> str:
    """The overdue paragraph's lead."""
    if not count:
        return f"As of {long_date(as_of)}, no action is overdue."
    return f"As of {long_date(as_of)}, {plural(count, 'action is', 'actions are')} overdue:"


def late_phrase(reason: str, late_since: dt.date, days: int) -> str:
    """'not finished, late since 1 May 2000 (32 days)'."""
    reason_text = REASON_LABELS.get(reason, reason)
    return f"{reason_text}, late since {long_date(late_since)} ({plural(days, 'day', 'days')})"


def upcoming_lead(count: int, months: int, until: dt.date) -> str:
    """The 'falls due next' paragraph's lead."""
    span = f"in the next {plural(months, 'month', 'months')}, to {long_date(until)}"
    if not count:
        return f"Nothing falls due or starts {span}."
    return f"{plural(count, 'deadline or start falls', 'deadlines or starts fall')} {span}:"


def timeline_intro(count: int) -> str:
    """The paragraph before the timeline chart."""
    return (
        f"Figure 2 places the {plural(count, 'action', 'actions')} with a dated deadline, milestone, "
        "start or window on a month axis; red marks a late schedule."
    )


def chart_note(outside: str | None, clipped: bool, months: int, as_of: dt.date) -> str:
    """What the timeline leaves out, if anything ('' when nothing)."""
    notes = []
    if outside is not None:
        notes.append(f"The as-of date ({long_date(as_of)}) lies {outside} the months shown.")
    if clipped:
        notes.append(
            f"The plan spans more than {months} months: the chart shows those around the as-of date, "
            "and marks beyond them stand at its edges."
        )
    return " ".join(notes)


def change_line(date: str, status: str, note: str | None) -> str:
    """'2000-04-15: done — Déclaration diffusée'."""
    text = f"{date}: {STATUS_LABELS.get(status, status)}"
    return f"{text} — {note}" if note else text


GRID_LEGEND = "D deadline  M milestone  S start  = window  | as-of month  ! a late schedule on the row"

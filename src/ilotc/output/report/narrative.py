"""The report's narrative: sentences built from the recorded changes, their notes and what is late.

Each part's paragraph tells what was recorded for it since the previous report (who was
completed, started or cancelled, and when, with the note recorded); what is overdue and what
falls due next are told as sentences, the plan's action quoted without its list punctuation.
Dates are in the language's prose form, never as `YYYY-MM`. The plan's own text (actions,
notes) stays verbatim; only the words around it are the interface language's.
"""

from __future__ import annotations

import datetime as dt
import re

from ilotc.i18n import _, language, ngettext
from ilotc.model.lateness import Late, Upcoming
from ilotc.model.vocab import Kind, Status
from ilotc.output.report import texts as t
from ilotc.report.progress import Event, Report, Summary

# A list item of the plan ends with its list punctuation ("...social;", "...suivantes:"):
# quoted inside a sentence it ends without it.
_LIST_END = re.compile(r"[\s;:,.—–-]+$")
_NBSP = "\u00a0"


def quoted(text: str) -> str:
    """The plan's text quoted in the interface language's marks, without list punctuation:
    “...” in English, « ... » with no-break spaces in French, «...» in Spanish."""
    bare = _LIST_END.sub("", text.strip())
    match language():
        case "fr":
            return f"«{_NBSP}{bare}{_NBSP}»"
        case "es":
            return f"«{bare}»"
        case _:
            return f"“{bare}”"


def _event_clause(event: Event, report: Report) -> str:
    ref = report.ref(event.action)
    date = event.change.date.describe()
    if event.recurring and event.change.status.value == "done":
        clause = _("an occurrence of {ref} was held ({date})")
    else:
        match event.change.status.value:
            case "done":
                clause = _("{ref} was completed ({date})")
            case "in_progress":
                clause = _("{ref} was started ({date})")
            case "cancelled":
                clause = _("{ref} was cancelled ({date})")
            case _:
                clause = _("{ref} was returned to planned ({date})")
    if event.late_days is not None and not event.recurring:  # done on time, or how late
        date = f"{date}, {t.done_when(event.late_days)}"
    clause = clause.format(ref=ref, date=date)
    if event.change.note:
        clause = _("{clause}, with the note {note}").format(clause=clause, note=quoted(event.change.note))
    return clause


def _joined(clauses: list[str]) -> str:
    """'a, b and c', by the language's list pattern."""
    if len(clauses) == 1:
        return clauses[0]
    return _("{items} and {last}").format(items="; ".join(clauses[:-1]), last=clauses[-1])


def changes_sentence(summary: Summary, report: Report) -> str:
    """What was recorded for the part since the previous report, as one sentence ('' if nothing)."""
    events = [e for e in report.events if summary.holds(e.action)]
    if not events:
        return _("No change was recorded for it since {date}.").format(date=t.long_date(report.since))
    text = _("Since {date}, {changes}.").format(
        date=t.long_date(report.since), changes=_joined([_event_clause(e, report) for e in events])
    )
    return text[0].upper() + text[1:]


def _due_day(late: Late) -> dt.date:
    return late.late_since - dt.timedelta(days=1)


def overdue_sentence(late: Late, report: Report, note_date: str | None, note: str | None) -> str:
    """One overdue action as a sentence: what it is, by when it was due, since when it is late."""
    ref = report.ref(late.action)
    if late.schedule.kind is Kind.RECURRING:
        text = ngettext(
            "{ref}, {action}, has missed an occurrence due by {date}: {count} day late.",
            "{ref}, {action}, has missed an occurrence due by {date}: {count} days late.",
            late.days_late,
        )
    elif late.reason == "start" or (
        late.schedule.kind is Kind.MILESTONE and late.action.status_as_of(report.as_of) is Status.PLANNED
    ):  # a first result due from an action still planned: it has not started
        text = ngettext(
            "{ref}, {action}, was to start by {date} and has not: {count} day late.",
            "{ref}, {action}, was to start by {date} and has not: {count} days late.",
            late.days_late,
        )
    else:
        text = ngettext(
            "{ref}, {action}, was due by {date} and is not finished: {count} day late.",
            "{ref}, {action}, was due by {date} and is not finished: {count} days late.",
            late.days_late,
        )
    sentence = text.format(
        ref=ref, action=quoted(late.action.text), date=t.long_date(_due_day(late)), count=late.days_late
    )
    if note and note_date:
        sentence += " " + _("The latest note ({date}) reads {note}.").format(
            date=note_date, note=quoted(note)
        )
    return sentence


def upcoming_sentence(item: Upcoming, report: Report) -> str:
    """One action falling due or starting soon, as a sentence."""
    if item.reason == "start":
        text = _("{ref}, {action}, is to start on {date}.")
    else:
        text = _("{ref}, {action}, falls due on {date}.")
    return text.format(
        ref=report.ref(item.action), action=quoted(item.action.text), date=t.long_date(item.date)
    )


def refs_sentence(events: list[Event], report: Report) -> str:
    """The actions of some changes named in a row: 'I.1a.1, I.2b.3 and II.4.1'."""
    refs = [report.ref(e.action) for e in events]
    if len(refs) == 1:
        return refs[0]
    return _("{items} and {last}").format(items=", ".join(refs[:-1]), last=refs[-1])

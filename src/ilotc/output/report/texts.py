"""Every human text of the progress report, in one place, in the interface language.

Each text is marked for the catalogs (`N_`, `_`, `ngettext`) and translated when it is read,
so the report speaks the language chosen when it is rendered: a constant such as
`report_texts.TITLE` translates on access (see `__getattr__`), as do the mappings such as
`HEADINGS`, and a function of figures translates its sentence. The plan's own text
(titles, actions, notes, the point for decision it sets) is never here: it stays verbatim
in its own language.

The labels by key (headings, standings, fields, chart words) translate on access; the concepts
tables show too take their labels from `ilotc.model.labels`. Parts and plans are named here
too: a part numbered by a numeral or a letter is "Part II", one whose id already is a name
keeps it, and a report on several plans names each plan ("All plans" for the whole).
"""

import datetime as dt
import re
from collections.abc import Iterator, Mapping

from ilotc.i18n import N_, _, language, ngettext, pgettext
from ilotc.model import labels
from ilotc.model.dates import PlanDate
from ilotc.output.text import number

WHOLE_PLAN = N_("Whole plan")
_ALL_PLANS = N_("All plans")


def ALL_PLANS() -> str:
    """'All plans', in the interface language."""
    return _(_ALL_PLANS)


# A part numbered by a numeral or a letter ("II", "3", "B") is named "Part II"; one whose id
# is already a name ("Pillar 1", "Axe 2") is named by its id alone.
_BARE_NUMBER = re.compile(r"(?:[IVXLCDM]+|[0-9]+|[A-Za-z])", re.IGNORECASE)


def part_label(part: str | None) -> str:
    """'Part II', 'Pillar 1' (an id that already is a name), or 'Whole plan'."""
    if part is None:
        return _(WHOLE_PLAN)
    return _("Part {part}").format(part=part) if _BARE_NUMBER.fullmatch(part) else part


def plans_introduction(count: int, total: int, as_of: dt.date) -> str:
    """The opening paragraph of a report on several plans, before one item per plan."""
    return _(
        "This report covers {count} implementation plans, {total} actions in all, and gives their "
        "progress as of {as_of}, replayed from the status history recorded with each action:"
    ).format(count=count, total=total, as_of=PlanDate.of(as_of).describe())


def plan_share(name: str, title: str, total: int) -> str:
    """One plan of several: 'NEP-2026: 2026 National Employment Plan (10 actions)'."""
    return ngettext("{name}: {title} ({count} action)", "{name}: {title} ({count} actions)", total).format(
        name=name, title=title, count=total
    )


class Translated(Mapping[str, str]):
    """Labels by key, each marked with `N_` and translated when looked up."""

    def __init__(self, words: Mapping[str, str]) -> None:
        self._words = words

    def __getitem__(self, key: str) -> str:
        return _(self._words[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


HEADINGS = Translated(
    {
        "introduction": N_("Introduction"),
        "progress": N_("Progress by part"),
        "changes": N_("Changes since"),
        "overdue": N_("Overdue actions"),
        "upcoming": N_("What falls due next"),
        "timeline": N_("Timeline of the dated actions"),
        "decision": N_("Point for decision"),
        "annex": N_("Annex: the actions of the plan"),
    }
)

STANDING_LABELS = Translated(
    {
        "done": N_("Completed"),
        "in_progress": N_("In progress"),
        "planned": N_("Not started"),
        "cancelled": N_("Cancelled"),
        "on_schedule": N_("Recurring, on schedule"),
        "missed": N_("Recurring, occurrence missed"),
        "unjudged": N_("Recurring, no period stated"),
        "continuous": N_("Continuous"),
    }
)


class _CountHeaders(Mapping[str, str]):
    """The standings as headers of columns of counts: plural where the language agrees them
    ("Achevées" over a count of actions, where one action's status is "Achevée")."""

    @staticmethod
    def _words() -> dict[str, str]:
        return {
            "done": pgettext("header over counts", "Completed"),
            "in_progress": pgettext("header over counts", "In progress"),
            "planned": pgettext("header over counts", "Not started"),
            "cancelled": pgettext("header over counts", "Cancelled"),
            "on_schedule": pgettext("header over counts", "Rec. on schedule"),
            "missed": pgettext("header over counts", "Rec. missed"),
            "unjudged": pgettext("header over counts", "Rec. no period"),
            "continuous": pgettext("header over counts", "Continuous"),
        }

    def __getitem__(self, key: str) -> str:
        return self._words()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words())

    def __len__(self) -> int:
        return len(self._words())


SHORT_STANDING_LABELS = _CountHeaders()
STATUS_LABELS = Translated(labels.STATUS_LABELS)
UPCOMING_LABELS = Translated(labels.EVENT_LABELS)

FIELD_LABELS = Translated(
    {
        "part": labels.HEADERS["part"],
        "section": labels.HEADERS["section"],
        "text": labels.HEADERS["text"],
        "timeline": labels.HEADERS["timeline"],
        "reading": labels.HEADERS["reads_as"],
        "status": labels.HEADERS["status"],
        "last_change": N_("Last change"),
        "history": N_("History"),
        "partners": N_("Partners"),
        "late": N_("Overdue"),
        "note": N_("Note"),
        "responsible": labels.HEADERS["responsible"],
    }
)
ANNEX_HEADERS = Translated(
    {
        "id": labels.HEADERS["id"],
        "text": labels.HEADERS["text"],
        "timeline": labels.HEADERS["timeline"],
        "reading": labels.HEADERS["reads_as"],
        "status": labels.HEADERS["status"],
        "latest_note": N_("Latest note"),
    }
)


def annex_headers() -> tuple[str, ...]:
    """The annex table's header row, in the interface language."""
    return tuple(ANNEX_HEADERS.values())


TABLE_HEADERS = Translated(
    {"part": N_("Part"), "actions": N_("Actions"), "share": N_("Share done"), "overdue": N_("Overdue")}
)
CHART_WORDS = Translated(
    {
        "legend": N_("Legend"),
        "timeline_title": N_("Timeline of the dated actions as of"),
        "timeline_desc": N_(
            "Months along the axis, one row per action with a dated deadline, milestone, start or window; "
            "a red line marks the as-of date. Colour gives the status, red a late schedule."
        ),
        "count_axis": N_("Number of actions"),
        "late_mark": N_("late (crossed)"),
        "as_of": N_("as of"),
        "as_of_title": N_("As of"),
        "late": N_("late"),
        "as_of_date": N_("as-of date"),
        "window": N_("window (start to end)"),
        "deadline": N_("deadline (end of period)"),
        "milestone": N_("milestone"),
        "start": N_("start"),
    }
)
GRID_MARKS = Translated({"deadline": N_("D"), "milestone": N_("M"), "start": N_("S")})
"""The grid's mark for each kind of schedule, the first letter of its word in GRID_LEGEND."""

_TEXTS = {
    "TITLE": N_("Progress report on the implementation plan"),
    "PURPOSE_LABEL": N_("Purpose of the document"),
    "DECISION_LABEL": N_("Point for decision"),
    "ILLUSTRATIVE_LABEL": N_("Note"),
    "FIGURE_PROGRESS": N_("Figure 1. Actions by standing, month by month"),
    "FIGURE_TIMELINE": N_("Figure 2. Timeline of the dated actions"),
    "PROGRESS_TABLE_CAPTION": N_("Actions by standing at the end of each month"),
    "MONTH": N_("Month"),
    "NONE": N_("none"),
    "NO_TIMELINE": N_("(none)"),
    "WHOLE_PLAN": N_("Whole plan"),
    "OCCURRENCE_MISSED": labels.OCCURRENCE_MISSED,
    "GRID_LEGEND": N_(
        "D deadline  M milestone  S start  = window  | as-of month  ! a late schedule on the row"
    ),
}


def __getattr__(name: str) -> str:
    """`TITLE`, `NONE`...: the text in the interface language (read when the report is drawn)."""
    if name in _TEXTS:
        return _(_TEXTS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def report_language() -> str:
    """The report's language (`<html lang=...>`): the interface's."""
    return language()


def labelled(label: str) -> str:
    """'Purpose of the document:' — a label before its text, with the language's colon."""
    return _("{label}:").format(label=label)


def long_date(day: dt.date) -> str:
    """A day in words: '1 June 2000', '1er juin 2000' (no-break spaces)."""
    return PlanDate.of(day).describe()


# A session's ordinal by the language's CLDR ordinal rules (the category of the number):
# English 1st, 2nd, 3rd, 4th; French 1re, 2e; Spanish 1.ª, 2.ª (a reunión is feminine).
_SESSION_ORDINALS = {
    "one": N_("{number}st Session"),
    "two": N_("{number}nd Session"),
    "few": N_("{number}rd Session"),
    "other": N_("{number}th Session"),
}


def header_session(session: int) -> str:
    """'276th Session', '276e session', '276.ª reunión' (a session number too big for decimal
    is shown in hexadecimal)."""
    if len(shown := number(session)) > 12 or shown.startswith("0x"):
        return _("Session {number}").format(number=shown)
    from babel import Locale  # noqa: PLC0415 - lazy: Babel, CLDR's ordinal rules, for the report only

    form = Locale.parse(language()).ordinal_form(session)
    return _(_SESSION_ORDINALS.get(form, _SESSION_ORDINALS["other"])).format(number=session)


def purpose(symbol: str | None, as_of: dt.date, *, decision: bool = True) -> str:
    """The purpose box (`decision`: whether the paper ends with a point for decision)."""
    if symbol:
        text = _(
            "This document reports on progress in the implementation plan {symbol} as of {date}, and on "
            "what is overdue or falls due next."
        )
    else:
        text = _(
            "This document reports on progress in the implementation plan as of {date}, and on what is "
            "overdue or falls due next."
        )
    text = text.format(symbol=symbol, date=long_date(as_of))
    if not decision:
        return text
    return text + " " + _("See the point for decision at the end.")


def introduction(
    symbol: str | None, title: str, plan_date: dt.date | None, as_of: dt.date, total: int
) -> str:
    """The opening paragraph, citing the plan (and its date, where it has one)."""
    cited = (_("document {symbol}, “{title}”") if symbol else _("“{title}”")).format(
        symbol=symbol, title=title
    )
    if plan_date is None:
        return ngettext(
            "The implementation plan ({cited}) sets out {count} action. This report gives their progress "
            "as of {as_of}, replayed from the status history recorded with each action.",
            "The implementation plan ({cited}) sets out {count} actions. This report gives their progress "
            "as of {as_of}, replayed from the status history recorded with each action.",
            total,
        ).format(cited=cited, count=total, as_of=long_date(as_of))
    return ngettext(
        "The implementation plan ({cited}, dated {plan_date}) sets out {count} action. This report "
        "gives their progress as of {as_of}, replayed from the status history recorded with each action.",
        "The implementation plan ({cited}, dated {plan_date}) sets out {count} actions. This report "
        "gives their progress as of {as_of}, replayed from the status history recorded with each action.",
        total,
    ).format(cited=cited, plan_date=long_date(plan_date), count=total, as_of=long_date(as_of))


def filtered_note(count: int, total: int) -> str:
    """Said when filters narrowed the report."""
    return ngettext(
        "It covers {count} of the plan's {total} action, selected by filters.",
        "It covers {count} of the plan's {total} actions, selected by filters.",
        total,
    ).format(count=count, total=total)


def counting(recurring: int, continuous: int = 0) -> str:
    """How the figures are counted."""
    text = _(
        "One-off actions are counted by status; the share done is the one-off actions completed "
        "among those not cancelled."
    )
    if recurring:
        text += " " + ngettext(
            "The recurring action is counted per period instead: on schedule while the last occurrence "
            "lies within its period, occurrence missed once it does not. A recurring action never counts "
            "as done for the whole plan, and no action is counted both done and overdue.",
            "The {count} recurring actions are counted per period instead: on schedule while the last "
            "occurrence lies within its period, occurrence missed once it does not. A recurring action "
            "never counts as done for the whole plan, and no action is counted both done and overdue.",
            recurring,
        ).format(count=recurring)
    if continuous:
        text += " " + ngettext(
            "The continuous action, a permanent way of working with no end, is counted apart: it is "
            "neither 'not started' nor done once and for all.",
            "The {count} continuous actions, permanent ways of working with no end, are counted apart: "
            "they are neither 'not started' nor done once and for all.",
            continuous,
        ).format(count=continuous)
    return text


def _counted(count: int, none: str, counted: str) -> str:
    """A count in words: `none` ('none has been completed') for zero, else `counted` (the
    language's plural form, '{count} have been completed') with the count."""
    return none if count == 0 else counted.format(count=count)


def _one_off(by: dict[str, int]) -> str:
    """'10 have been completed, 2 are in progress, 5 have not started and none has been cancelled'."""
    done, going, planned, cancelled = (by[k] for k in ("done", "in_progress", "planned", "cancelled"))
    # A zero count is said in words, in every language: French would count 0 in the singular
    # ("0 a été achevée") where a translator writes "aucune n'a été achevée".
    return _("{done}, {in_progress}, {planned} and {cancelled}").format(
        done=_counted(
            done,
            _("none has been completed"),
            ngettext("{count} has been completed", "{count} have been completed", done),
        ),
        in_progress=_counted(
            going,
            _("none is in progress"),
            ngettext("{count} is in progress", "{count} are in progress", going),
        ),
        planned=_counted(
            planned,
            _("none remains to be started"),
            ngettext("{count} has not started", "{count} have not started", planned),
        ),
        cancelled=_counted(
            cancelled,
            _("none has been cancelled"),
            ngettext("{count} has been cancelled", "{count} have been cancelled", cancelled),
        ),
    )


def _recurring(recurring: int, by: dict[str, int]) -> str:
    """What the part's recurring actions did ('' when it has none)."""
    if recurring == 1:
        if by["on_schedule"]:
            return " " + _("The recurring action is on schedule.")
        return " " + (
            _("The recurring action has missed an occurrence.")
            if by["missed"]
            else _("The recurring action states no period.")
        )
    if not recurring:
        return ""
    on, missed, unjudged = by["on_schedule"], by["missed"], by["unjudged"]
    text = " " + _("Of the {count} recurring actions, {on_schedule} and {missed}").format(
        count=recurring,
        on_schedule=_counted(
            on, _("none is on schedule"), ngettext("{count} is on schedule", "{count} are on schedule", on)
        ),
        missed=_counted(
            missed,
            _("none has missed an occurrence"),
            ngettext("{count} has missed an occurrence", "{count} have missed an occurrence", missed),
        ),
    )
    if unjudged:
        text += ngettext("; {count} states no period", "; {count} state no period", unjudged).format(
            count=unjudged
        )
    return text + "."


def part_sentence(
    label: str, total: int, by: dict[str, int], recurring: int, overdue: int, share: float | None
) -> str:
    """'Of the 24 actions of Part I, 18 are one-off: 10 have been completed, ...'; the
    continuous ones are told apart, never as not started."""
    continuous = by.get("continuous", 0)
    one_off = total - recurring - continuous
    if label in (part_label(None), ALL_PLANS()):
        where = _("of the whole plan") if label == part_label(None) else _("of all the plans")
    else:
        where = _("of {part}").format(part=label)
    text = ngettext("Of the {count} action {where}", "Of the {count} actions {where}", total).format(
        count=total, where=where
    )
    text += ngettext(", {count} is one-off: {listed}", ", {count} are one-off: {listed}", one_off).format(
        count=one_off, listed=_one_off(by)
    )
    if share is not None:
        text += " " + _("({share} done)").format(share=share_text(share))
    text += "." + _recurring(recurring, by)
    if continuous:
        text += " " + ngettext(
            "{count} action is continuous.", "{count} actions are continuous.", continuous
        ).format(count=continuous)
    if overdue:
        text += " " + ngettext("{count} action is overdue.", "{count} actions are overdue.", overdue).format(
            count=overdue
        )
    return text


def share_text(share: float | None) -> str:
    """'25%', or '-' when nothing counts."""
    if share is None:
        return "-"
    return _("{percent}%").format(percent=int(share * 100 + 0.5))  # half up, not to even


def progress_intro(plan_date: dt.date, as_of: dt.date, step: int = 1) -> str:
    """The paragraph before the progress chart (`step`: months between its columns)."""
    if step == 1:
        text = _(
            "Figure 1 shows the actions by standing at the end of each month from {start} to {end}, "
            "replayed from the recorded status changes."
        )
    else:
        text = ngettext(
            "Figure 1 shows the actions by standing every {step} month from {start} to {end}, "
            "replayed from the recorded status changes.",
            "Figure 1 shows the actions by standing every {step} months from {start} to {end}, "
            "replayed from the recorded status changes.",
            step,
        )
    return text.format(step=step, start=long_date(plan_date), end=long_date(as_of))


def changes_none(since: dt.date, as_of: dt.date) -> str:
    """No status change in the span."""
    return _("No status change was recorded between {start} and {end}.").format(
        start=long_date(since), end=long_date(as_of)
    )


def changes_lead(status: str, count: int, since: dt.date) -> str:
    """'Since June 1, 2000, 3 actions were completed:' (`status`: the status they changed to)."""
    match status:
        case "done":
            text = ngettext(
                "Since {date}, {count} action was completed:",
                "Since {date}, {count} actions were completed:",
                count,
            )
        case "in_progress":
            text = ngettext(
                "Since {date}, {count} action was started:",
                "Since {date}, {count} actions were started:",
                count,
            )
        case "cancelled":
            text = ngettext(
                "Since {date}, {count} action was cancelled:",
                "Since {date}, {count} actions were cancelled:",
                count,
            )
        case _:
            text = ngettext(
                "Since {date}, {count} action was returned to planned:",
                "Since {date}, {count} actions were returned to planned:",
                count,
            )
    return text.format(date=long_date(since), count=count)


def occurrences_lead(count: int, since: dt.date) -> str:
    """Recurring occurrences held."""
    return ngettext(
        "Since {date}, {count} occurrence was held:", "Since {date}, {count} occurrences were held:", count
    ).format(date=long_date(since), count=count)


def overdue_lead(count: int, as_of: dt.date) -> str:
    """The overdue paragraph's lead."""
    if not count:
        return _("As of {date}, no action is overdue.").format(date=long_date(as_of))
    return ngettext(
        "As of {date}, {count} action is overdue:", "As of {date}, {count} actions are overdue:", count
    ).format(date=long_date(as_of), count=count)


def done_when(days: int) -> str:
    """'done 92 days after its deadline', or 'done on time' (0 days or fewer)."""
    if days <= 0:
        return _("done on time")
    return ngettext(
        "done {count} day after its deadline", "done {count} days after its deadline", days
    ).format(count=days)


def late_phrase(
    reason: str, late_since: dt.date, days: int, *, recurring: bool = False, planned: bool = False
) -> str:
    """'not finished, late since May 1, 2000 (32 days)'; 'occurrence missed, ...' for a
    recurring action, which is never finished; 'not started, ...' for a milestone of an
    action still `planned` (`planned`)."""
    if planned and not recurring:
        reason = "start"
    if recurring:
        reason_text = _(_TEXTS["OCCURRENCE_MISSED"])
    else:
        reason_text = _(labels.REASON_LABELS[reason]) if reason in labels.REASON_LABELS else reason
    return ngettext(
        "{reason}, late since {date} ({count} day)", "{reason}, late since {date} ({count} days)", days
    ).format(reason=reason_text, date=long_date(late_since), count=days)


def upcoming_lead(count: int, months: int, until: dt.date) -> str:
    """The 'falls due next' paragraph's lead."""
    span = ngettext(
        "in the next {count} month, to {date}", "in the next {count} months, to {date}", months
    ).format(count=months, date=long_date(until))
    if not count:
        return _("Nothing falls due or starts {span}.").format(span=span)
    return ngettext(
        "{count} deadline or start falls {span}:", "{count} deadlines or starts fall {span}:", count
    ).format(count=count, span=span)


def timeline_intro(count: int) -> str:
    """The paragraph before the timeline chart."""
    return ngettext(
        "Figure 2 places the {count} action with a dated deadline, milestone, start or window on a month "
        "axis; a late schedule is red and crossed.",
        "Figure 2 places the {count} actions with a dated deadline, milestone, start or window on a month "
        "axis; a late schedule is red and crossed.",
        count,
    ).format(count=count)


def chart_note(outside: str | None, clipped: bool, months: int, as_of: dt.date) -> str:
    """What the timeline leaves out, if anything ('' when nothing)."""
    notes = []
    if outside is not None:
        words = (
            _("The as-of date ({date}) lies after the months shown.")
            if outside == "after"
            else _("The as-of date ({date}) lies before the months shown.")
        )
        notes.append(words.format(date=long_date(as_of)))
    if clipped:
        notes.append(
            _(
                "The plan spans more than {count} months: the chart shows those around the as-of date, "
                "and marks beyond them stand at its edges."
            ).format(count=months)
        )
    return " ".join(notes)


def change_line(date: str, status: str, note: str | None) -> str:
    """'2000-04-15: done — Déclaration diffusée'."""
    text = _("{date}: {status}").format(date=date, status=STATUS_LABELS.get(status, status))
    return f"{text} — {note}" if note else text


def late_note(status: str) -> str:
    """A timeline grid row's note: its status, and whether its schedule is late."""
    return _("{status}, late").format(status=STATUS_LABELS.get(status, status))


__all__ = [
    "ALL_PLANS",
    "CHART_WORDS",
    "FIELD_LABELS",
    "GRID_MARKS",
    "HEADINGS",
    "SHORT_STANDING_LABELS",
    "STANDING_LABELS",
    "STATUS_LABELS",
    "TABLE_HEADERS",
    "UPCOMING_LABELS",
    "part_label",
    "plan_share",
    "plans_introduction",
]


def label_and_text(label: str, text: str) -> str:
    """A text after its label ("III.1d.1: ..."), with the language's colon (French puts a
    no-break space before it)."""
    return _("{label}: {text}").format(label=label, text=text)


def semicolon() -> str:
    """'; ' between two parts of a sentence, as the language writes it (French: a no-break
    space before)."""
    return _("; ")

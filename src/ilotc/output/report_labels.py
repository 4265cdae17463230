"""The report's labels by key (headings, standings, fields, chart words), translated on access.

Each label is marked with `N_` for the catalogs and put into the interface language when it
is looked up, so the report speaks the language in use when it is drawn. The concepts that
tables show too take their labels from `ilotc.output.labels`. `report_texts` re-exports
these mappings beside the report's sentences.
"""

from collections.abc import Iterator, Mapping

from ilotc.i18n import N_, _
from ilotc.output import labels


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
    }
)
SHORT_STANDING_LABELS = Translated(
    {
        "done": N_("Completed"),
        "in_progress": N_("In progress"),
        "planned": N_("Not started"),
        "cancelled": N_("Cancelled"),
        "on_schedule": N_("Rec. on schedule"),
        "missed": N_("Rec. missed"),
        "unjudged": N_("Rec. no period"),
    }
)
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
    }
)
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

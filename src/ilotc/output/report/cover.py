"""The report's cover in the Governing Body's form, and its closing line, in the interface language.

A Governing Body paper opens with INTERNATIONAL LABOUR OFFICE / Governing Body on one side and
its symbol, session, place and date on the other, then the committee, the item on the agenda
and the purpose (FOR DECISION ...), and, for a paper with a decision, "Point for decision:
paragraph N"; it closes with "Geneva, <date>.". Each comes from the report's own identity
(`ilotc.model.report_identity`): the plan's symbol is the plan's, never the report's. The
office, body and place default to the ILO's own words where the paper is the ILO's (its
symbol, or the plan's, starts with "GB.").
"""

from __future__ import annotations

from dataclasses import dataclass

from ilotc.i18n import N_, _, language, pgettext
from ilotc.model.dates import PlanDate
from ilotc.model.report_identity import LocalText, in_language
from ilotc.output.report import texts as t
from ilotc.report.progress import Report

PURPOSE_LABELS = t.Translated(
    {
        "decision": N_("FOR DECISION"),
        "discussion": N_("FOR DISCUSSION AND GUIDANCE"),
        "information": N_("FOR INFORMATION"),
    }
)
"""The Governing Body's purpose lines, in its official words in each language."""


@dataclass(frozen=True, slots=True)
class Cover:
    """The cover, in reading order; None where the report's identity says nothing."""

    office: str | None  # INTERNATIONAL LABOUR OFFICE
    body: str | None  # Governing Body
    symbol: str | None  # the report's own symbol
    session: str | None  # 279th Session
    place_date: str | None  # Geneva, November 2000
    committee: str | None
    agenda_item: str | None
    purpose: str  # FOR DECISION
    title: str
    subtitle: str  # what the report is on: the plan's title (or the plans')
    decision_point: str | None = None  # Point for decision: paragraph 23.
    original: str | None = None  # "(original in French)": the plan's texts left in their language

    @property
    def lines(self) -> tuple[str, ...]:
        """The cover's lines in reading order, for formats without columns (Markdown, terminal)."""
        found = (
            self.office,
            self.body,
            self.symbol,
            self.session,
            self.place_date,
            self.committee,
            self.agenda_item,
            self.purpose,
            self.original,  # as a UN paper says "Original: French" on its cover
        )
        return tuple(line for line in found if line)


def is_ilo(report: Report) -> bool:
    """True when the paper goes to the ILO's Governing Body: its symbol, or the plan's, is a GB one."""
    symbols = (report.identity.symbol, *(p.document.symbol for p in report.plans), report.document.symbol)
    return any((symbol or "").startswith("GB.") for symbol in symbols)


def _local(text: LocalText | None) -> str | None:
    return in_language(text, language())


def paper_date(report: Report) -> PlanDate:
    """The report's date: the one its identity states, else the as-of day."""
    if report.identity.date:
        return PlanDate.parse(report.identity.date)
    return PlanDate.of(report.as_of)


def place(report: Report) -> str | None:
    """Where the paper is issued: its identity's place, else Geneva for the ILO's."""
    stated = _local(report.identity.place)
    return stated or (_("Geneva") if is_ilo(report) else None)


def purpose_of(report: Report) -> str:
    """One of PURPOSES: the identity's, else decision where it sets a decision, else information."""
    if report.identity.purpose:
        return report.identity.purpose
    return "decision" if report.identity.decision is not None else "information"


def build_cover(report: Report, title: str, subtitle: str, decision_paragraph: int | None) -> Cover:
    """The cover of the report; `decision_paragraph` is the number of its draft decision, if any."""
    identity = report.identity
    ilo = is_ilo(report)
    where = place(report)
    when = paper_date(report).describe()
    return Cover(
        office=_("INTERNATIONAL LABOUR OFFICE") if ilo else None,
        # the report goes to the body that examines the plan, unless it says otherwise
        body=_local(identity.body) or (_("Governing Body") if ilo else report.document.body),
        symbol=identity.symbol,
        session=t.header_session(identity.session) if identity.session else None,
        place_date=_("{place}, {date}").format(place=where, date=when) if where else when,
        committee=_local(identity.committee),
        agenda_item=_local(identity.agenda_item),
        purpose=PURPOSE_LABELS[purpose_of(report)],
        title=title,
        subtitle=subtitle,
        decision_point=_("Point for decision: paragraph {number}.").format(number=decision_paragraph)
        if decision_paragraph is not None
        else None,
        original=getattr(report.document, "original", None),
    )


def closing(report: Report) -> str:
    """The paper's last line: "Geneva, 1 November 2000." ("Genève, le 1er novembre 2000.",
    but "Genève, novembre 2000." for a month)."""
    where = place(report)
    date = paper_date(report)
    when = date.describe()
    if not where:
        return when + "."
    text = pgettext("day", "{place}, {date}.") if date.day else pgettext("month", "{place}, {date}.")
    return text.format(place=where, date=when)


def draft_decision(report: Report) -> str:
    """The draft decision: the identity's text in the interface language, else the GB form."""
    stated = _local(report.identity.decision)
    if stated:
        return stated
    if _local(report.identity.committee):
        return _(
            "The Committee may wish to recommend to the Governing Body that it take note of this report "
            "and request the Office to pursue the implementation plan, taking into account the actions "
            "found overdue."
        )
    if is_ilo(report):
        return _(
            "The Governing Body may wish to take note of this report and request the Office to pursue "
            "the implementation plan, taking into account the actions found overdue."
        )
    return _("This report is submitted for decision.")

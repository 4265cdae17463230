"""The progress report laid out as a Governing Body paper: blocks every renderer draws alike.

A header, a title and purpose, headings, numbered paragraphs (with items), tables, figures
and the annex. Texts come from `report_texts`; the plan's text is carried verbatim, and each
renderer escapes it for its own output kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ilotc.model.vocab import Kind, Status
from ilotc.output.report import narrative
from ilotc.output.report import texts as t
from ilotc.output.report.cover import Cover, build_cover, closing, draft_decision, purpose_of
from ilotc.report.chart import Column
from ilotc.report.progress import Report, Standing, Summary

if TYPE_CHECKING:
    from ilotc.model.lateness import Late

Row = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading."""

    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A numbered paragraph, with the items it lists (each verbatim where it quotes the plan)."""

    number: int
    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A table: header row, body rows, right-aligned columns."""

    headers: Row
    rows: tuple[Row, ...]
    numeric: tuple[int, ...] = ()
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart: 'progress' (by standing over time) or 'timeline' (the dated actions)."""

    which: str
    caption: str


@dataclass(frozen=True, slots=True)
class Paper:
    """The whole report, in reading order."""

    cover: Cover  # the report's own identity, in the Governing Body's form
    purpose: str  # the summary box under the cover
    caveat: str | None
    blocks: tuple[Heading | Paragraph | Table | Figure, ...]
    annex: Table = field(default_factory=lambda: Table((), ()))  # a row per action
    closing: str = ""  # "Geneva, 1 November 2000."

    @property
    def title(self) -> str:
        """The report's title."""
        return self.cover.title

    @property
    def subtitle(self) -> str:
        """What the report is on: the plan's title (or the plans')."""
        return self.cover.subtitle


def summary_table(report: Report) -> Table:
    """Standing counts per part and for the whole plan."""
    standings = [s for s in Standing.ALL if s in Standing.ONE_OFF or report.whole.by_standing[s]]
    headers = (
        t.TABLE_HEADERS["part"],
        t.TABLE_HEADERS["actions"],
        *(t.SHORT_STANDING_LABELS[s] for s in standings),
        t.TABLE_HEADERS["share"],
        t.TABLE_HEADERS["overdue"],
    )
    rows = tuple(
        (
            _label(s, report),
            str(s.total),
            *(str(s.by_standing[k]) for k in standings),
            t.share_text(s.share_done),
            str(s.overdue),
        )
        for s in (*report.parts, report.whole)
    )
    return Table(headers, rows, numeric=tuple(range(1, len(headers))))


def progress_table(report: Report) -> Table:
    """The progress chart as a compact table: a row per month, a column per standing in use."""
    used = report.progress.used_bands
    rows = tuple((c.label, *(str(_count(c, b)) for b in used)) for c in report.progress.columns)
    headers = (t.MONTH, *(t.SHORT_STANDING_LABELS[b] for b in used))
    return Table(headers, rows, tuple(range(1, len(headers))), t.PROGRESS_TABLE_CAPTION)


def _count(column: Column, band: str) -> int:
    return sum(piece.count for piece in column.slices if piece.band == band)


def _label(summary: Summary, report: Report) -> str:
    """A summary's name: 'Part I', 'Pillar 1', 'Whole plan'; with several plans, the plan's
    name before its part's, and 'All plans'."""
    if summary.part is None:
        return t.ALL_PLANS() if report.plans else t.part_label(None)
    label = t.part_label(summary.part)
    return f"{summary.plan} {label}" if summary.plan else label


def build_paper(report: Report) -> Paper:
    """The report as a paper: numbered paragraphs throughout, the annex at the end."""
    document = report.document
    blocks: list[Heading | Paragraph | Table | Figure] = []
    number = 0

    def para(text: str, items: tuple[str, ...] = ()) -> None:
        nonlocal number
        number += 1
        blocks.append(Paragraph(number, text, items))

    blocks.append(Heading(t.HEADINGS["introduction"]))
    para(*_introduction(report))
    para(t.counting(report.whole.recurring, report.whole.continuous))

    blocks.append(Heading(t.HEADINGS["progress"]))
    for s in (*report.parts, report.whole):
        label = _label(s, report) if s.part is None else f"{_label(s, report)} ({s.title})"
        text = t.part_sentence(label, s.total, s.by_standing, s.recurring, s.overdue, s.share_done)
        if s.part is not None:  # the whole plan's changes are told part by part
            text += " " + narrative.changes_sentence(s, report)
        para(text)
    blocks.append(summary_table(report))
    para(t.progress_intro(report.plan_date, report.as_of, _months_between_columns(report)))
    blocks.append(Figure("progress", t.FIGURE_PROGRESS))

    blocks.append(Heading(f"{t.HEADINGS['changes']} {t.long_date(report.since)}"))
    if not report.events:
        para(t.changes_none(report.since, report.as_of))
    for status in ("done", "in_progress", "cancelled", "planned"):
        events = [e for e in report.events_of(status) if not (e.recurring and status == "done")]
        if events:
            lead = t.changes_lead(status, len(events), report.since)
            para(f"{lead} {narrative.refs_sentence(events, report)}.")
    held = [e for e in report.events_of("done") if e.recurring]
    if held:
        para(f"{t.occurrences_lead(len(held), report.since)} {narrative.refs_sentence(held, report)}.")

    blocks.append(Heading(t.HEADINGS["overdue"]))
    items = []
    for item in report.overdue:
        noted = item.latest_note
        items.append(
            narrative.overdue_sentence(
                item.late,
                report,
                noted.date.describe() if noted is not None else None,
                noted.note if noted is not None else None,
            )
        )
    para(t.overdue_lead(len(items), report.as_of), tuple(items))

    blocks.append(Heading(t.HEADINGS["upcoming"]))
    soon = tuple(narrative.upcoming_sentence(u, report) for u in report.upcoming)
    para(t.upcoming_lead(len(soon), report.upcoming_months, report.upcoming_until), soon)

    if report.chart.rows:
        blocks.append(Heading(t.HEADINGS["timeline"]))
        chart = report.chart
        note = t.chart_note(chart.as_of_outside, chart.clipped, len(chart.months), report.as_of)
        para(" ".join(filter(None, (t.timeline_intro(len(chart.rows)), note))))
        blocks.append(Figure("timeline", t.FIGURE_TIMELINE))

    decision_paragraph = None
    if purpose_of(report) == "decision":
        blocks.append(Heading(t.HEADINGS["decision"]))
        para(draft_decision(report))
        decision_paragraph = number

    subtitle = "; ".join(p.document.title for p in report.plans) if report.plans else document.title
    return Paper(
        cover=build_cover(report, t.TITLE, subtitle, decision_paragraph),
        purpose=t.purpose(_symbols(report), report.as_of, decision=decision_paragraph is not None),
        caveat=document.report_caveat,
        blocks=tuple(blocks),
        annex=_annex(report),
        closing=closing(report),
    )


def _months_between_columns(report: Report) -> int:
    columns = report.progress.columns  # the last column is the as-of day: compare the first two
    if len(columns) <= 2:
        return 1
    first, second = columns[0].day, columns[1].day
    return (second.year - first.year) * 12 + second.month - first.month


def _introduction(report: Report) -> tuple[str, tuple[str, ...]]:
    """The opening paragraph: the plan cited, or each of several plans named in an item."""
    document = report.document
    if report.plans:  # each plan named, none taken for the whole
        shares = tuple(t.plan_share(p.name, p.document.title, p.total) for p in report.plans)
        return t.plans_introduction(len(report.plans), report.whole.total, report.as_of), shares
    intro = t.introduction(
        document.symbol,
        document.title,
        report.plan_date if document.date else None,  # an undated plan's axis starts elsewhere
        report.as_of,
        report.whole.total,
    )
    if report.filtered:
        intro += " " + t.filtered_note(report.whole.total, report.plan_total)
    return intro, ()


def _symbols(report: Report) -> str | None:
    """The plan's symbol, or the names of the plans the report covers."""
    return ", ".join(p.name for p in report.plans) if report.plans else report.document.symbol


def _planned(late: Late, report: Report) -> bool:
    """True when what is late is a milestone of an action not started as of the report's date."""
    return late.schedule.kind is Kind.MILESTONE and late.action.status_as_of(report.as_of) is Status.PLANNED


def _recurs(late: Late) -> bool:
    """True when what is late is a missed occurrence of a recurring schedule."""
    return late.schedule.kind is Kind.RECURRING


def _annex(report: Report) -> Table:
    """The annex: a row per action with its id, text, timeline, reading, standing and latest
    note. An action's editorial note (how it was transcribed) is for editors, never printed."""
    rows = []
    for entry in report.annex:
        action = entry.action
        noted = [c for c in entry.history if c.note]
        latest = noted[-1] if noted else entry.last_change
        standing = t.STANDING_LABELS[entry.standing]
        if entry.late is not None:
            late = entry.late
            standing += "; " + t.late_phrase(
                late.reason,
                late.late_since,
                late.days_late,
                recurring=_recurs(late),
                planned=_planned(late, report),
            )
        if action.responsible:  # who answers for it, in the status column where it is judged
            standing += "; " + t.label_and_text(t.FIELD_LABELS["responsible"], ", ".join(action.responsible))
        rows.append(
            (
                report.ref(action),
                action.text,
                action.timeline or t.NO_TIMELINE,
                "; ".join(s.describe() for s in action.schedules),
                standing,
                t.change_line(latest.date.describe(), latest.status.value, latest.note) if latest else "",
            )
        )
    return Table(t.annex_headers(), tuple(rows))

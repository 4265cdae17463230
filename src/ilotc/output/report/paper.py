"""The progress report laid out as a Governing Body paper: blocks every renderer draws alike.

A header, a title and purpose, headings, numbered paragraphs (with items), tables, figures
and the annex. Texts come from `report_texts`; the plan's text is carried verbatim, and each
renderer escapes it for its own output kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ilotc.model.vocab import Kind, Status
from ilotc.output.report import texts as t
from ilotc.report.chart import Column
from ilotc.report.progress import Event, Report, Standing, Summary

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
class AnnexEntry:
    """One action in the annex: its id and standing, then labelled fields."""

    action_id: str
    standing: str
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Paper:
    """The whole report, in reading order."""

    header: tuple[tuple[str, str], ...]  # what the plan has of body, session, place, date, symbol
    title: str
    subtitle: str
    purpose: str
    caveat: str | None
    blocks: tuple[Heading | Paragraph | Table | Figure, ...]
    annex: tuple[AnnexEntry, ...] = field(default=())


def header_fields(report: Report) -> tuple[tuple[str, str], ...]:
    """The header block, only with what the plan's metadata holds."""
    document = report.document
    if report.plans:  # one plan's body or session would misname the others
        return (("date", t.long_date(report.as_of)), ("symbol", ", ".join(p.name for p in report.plans)))
    found = []
    for key, value in (
        ("body", document.committee or document.body),
        ("session", t.header_session(document.session) if document.session else None),
        ("place", getattr(document, "place", None)),
        ("date", t.long_date(report.as_of)),
        ("symbol", getattr(document, "symbol", None)),
        ("original", getattr(document, "original", None)),  # as a UN paper's "Original: French"
    ):
        if value:
            found.append((key, str(value)))
    return tuple(found)


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


def _event_item(event: Event, report: Report) -> str:
    note = f" — {event.change.note}" if event.change.note else ""
    when = f" ({t.done_when(event.late_days)})" if event.late_days is not None and not event.recurring else ""
    return f"{report.ref(event.action)} ({event.change.date}): {event.action.text}{when}{note}"


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
    para(t.counting(report.whole.recurring))

    blocks.append(Heading(t.HEADINGS["progress"]))
    for s in (*report.parts, report.whole):
        label = _label(s, report) if s.part is None else f"{_label(s, report)} ({s.title})"
        para(t.part_sentence(label, s.total, s.by_standing, s.recurring, s.overdue, s.share_done))
    blocks.append(summary_table(report))
    para(t.progress_intro(report.plan_date, report.as_of, _months_between_columns(report)))
    blocks.append(Figure("progress", t.FIGURE_PROGRESS))

    blocks.append(Heading(f"{t.HEADINGS['changes']} {t.long_date(report.since)}"))
    if not report.events:
        para(t.changes_none(report.since, report.as_of))
    for status in ("done", "in_progress", "cancelled", "planned"):
        events = [e for e in report.events_of(status) if not (e.recurring and status == "done")]
        if events:
            para(t.changes_lead(status, len(events), report.since), _items(events, report))
    held = [e for e in report.events_of("done") if e.recurring]
    if held:
        para(t.occurrences_lead(len(held), report.since), _items(held, report))

    blocks.append(Heading(t.HEADINGS["overdue"]))
    items = []
    for item in report.overdue:
        late = item.late
        what = f"{late.action.text} — {late.action.timeline or t.NO_TIMELINE}{t.semicolon()}"
        text = t.label_and_text(report.ref(late.action), what)
        text += (
            t.late_phrase(
                late.reason,
                late.late_since,
                late.days_late,
                recurring=_recurs(late),
                planned=_planned(late, report),
            )
            + "."
        )
        if item.latest_note is not None:
            text += f" {t.FIELD_LABELS['note']} ({item.latest_note.date}): {item.latest_note.note}"
        items.append(text)
    para(t.overdue_lead(len(items), report.as_of), tuple(items))

    blocks.append(Heading(t.HEADINGS["upcoming"]))
    soon = tuple(
        t.label_and_text(
            f"{report.ref(u.action)} ({t.UPCOMING_LABELS[u.reason]} {t.long_date(u.date)})", u.action.text
        )
        for u in report.upcoming
    )
    para(t.upcoming_lead(len(soon), report.upcoming_months, report.upcoming_until), soon)

    if report.chart.rows:
        blocks.append(Heading(t.HEADINGS["timeline"]))
        chart = report.chart
        note = t.chart_note(chart.as_of_outside, chart.clipped, len(chart.months), report.as_of)
        para(" ".join(filter(None, (t.timeline_intro(len(chart.rows)), note))))
        blocks.append(Figure("timeline", t.FIGURE_TIMELINE))

    blocks.append(Heading(t.HEADINGS["decision"]))
    para((not report.plans and document.report_decision) or t.default_decision(_symbols(report)))

    return Paper(
        header=header_fields(report),
        title=t.TITLE,
        subtitle="; ".join(p.document.title for p in report.plans) if report.plans else document.title,
        purpose=t.purpose(_symbols(report), report.as_of),
        caveat=document.report_caveat,
        blocks=tuple(blocks),
        annex=tuple(_annex(report)),
    )


def _months_between_columns(report: Report) -> int:
    columns = report.progress.columns  # the last column is the as-of day: compare the first two
    if len(columns) <= 2:
        return 1
    first, second = columns[0].day, columns[1].day
    return (second.year - first.year) * 12 + second.month - first.month


def _items(events: list[Event], report: Report) -> tuple[str, ...]:
    return tuple(_event_item(e, report) for e in events)


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


def _annex(report: Report) -> list[AnnexEntry]:
    found = []
    for entry in report.annex:
        action = entry.action
        last = entry.last_change
        fields = [(t.FIELD_LABELS["part"], f"{action.part} — {action.part_title}")]
        if action.section:  # a part without sections has none to name
            title = action.issue_title or action.section_title
            fields.append((t.FIELD_LABELS["section"], f"{action.section} — {title}"))
        fields += [
            (t.FIELD_LABELS["text"], action.text),
            (t.FIELD_LABELS["timeline"], action.timeline or t.NO_TIMELINE),
            (t.FIELD_LABELS["reading"], "; ".join(s.describe() for s in action.schedules)),
            (t.FIELD_LABELS["status"], t.STANDING_LABELS[entry.standing]),
            (
                t.FIELD_LABELS["last_change"],
                t.change_line(str(last.date), last.status.value, last.note) if last else t.NONE,
            ),
        ]
        if len(entry.history) > 1:
            earlier = [t.change_line(str(c.date), c.status.value, c.note) for c in entry.history[:-1]]
            fields.append((t.FIELD_LABELS["history"], "\n".join(earlier)))
        if entry.late is not None:
            late = entry.late
            fields.append(
                (
                    t.FIELD_LABELS["late"],
                    t.late_phrase(
                        late.reason,
                        late.late_since,
                        late.days_late,
                        recurring=_recurs(late),
                        planned=_planned(late, report),
                    ),
                )
            )
        fields.append((t.FIELD_LABELS["partners"], "; ".join(entry.partner_names) or t.NONE))
        if action.responsible:
            fields.append((t.FIELD_LABELS["responsible"], "; ".join(action.responsible)))
        if action.note:
            fields.append((t.FIELD_LABELS["note"], action.note))
        found.append(AnnexEntry(report.ref(action), entry.standing, tuple(fields)))
    return found

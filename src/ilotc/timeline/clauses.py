"""Turn a phrase's dates and cues into schedules, clause by clause, in the order written.

A phrase splits at ";", at "puis"/"then"/"luego", and where a comma or "et"/"and"/"y"
is followed by a date ("...; novembre 2000 pour ..."); each clause gives its schedules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ilotc.model.dates import PlanDate
from ilotc.model.schedule import Schedule
from ilotc.model.vocab import Kind
from ilotc.timeline import periods, reasons
from ilotc.timeline.cues import DATE, Hit, find_cues
from ilotc.timeline.grammar import Cue, Grammar
from ilotc.timeline.spans import Dates, Span
from ilotc.timeline.spans import precision as _plain_precision
from ilotc.timeline.tokens import Token


@dataclass(frozen=True, slots=True)
class _Clause:
    begin: int
    end: int
    follows_on: bool  # introduced by "puis"/"then": continues from the clause before


_TIMING = (Cue.START, Cue.END, Cue.BEFORE, Cue.AFTER)
_DATELESS = {
    Cue.CONTINUOUS: Kind.CONTINUOUS,
    Cue.ONGOING: Kind.ONGOING,
    Cue.AS_NEEDED: Kind.AS_NEEDED,
    Cue.LINKED: Kind.LINKED,
    Cue.RECURRING: Kind.RECURRING,
}
_Placed = tuple[int, Schedule]  # a schedule and the token where it was written


class Phrase:
    """One phrase, tokenised, with its dates and cues found."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        grammar: Grammar,
        day_first: bool | None,
        fiscal_year_start: int | None = None,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.g = grammar
        self.dates = Dates(tokens, grammar, day_first, fiscal_year_start)
        self.spans = self.dates.spans
        texts = [t.text for t in tokens]
        for span in self.spans:
            texts[span.begin : span.end] = [DATE] * (span.end - span.begin)
        self.hits = find_cues(texts, {s.begin for s in self.spans}, grammar)
        self.relative = any(hit.cue is None for hit in self.hits)
        self.labelled: list[tuple[int, int]] = []  # tokens kept verbatim as a label, read as words

    def schedules(self) -> list[Schedule]:
        """Every clause's schedules, in the order written."""
        found: list[Schedule] = []
        for clause in self.clauses():
            found.extend(self.read(clause, found))
        return found

    def clauses(self) -> list[_Clause]:
        """Split at ";", at "puis"/"then", and at "," or "et" right before a date."""
        breaks = {hit.begin: hit.end for hit in self.hits if hit.cue is Cue.BREAK}
        inside = {k for span in self.spans for k in range(span.begin, span.end)}
        starts = {span.begin for span in self.spans}
        found: list[_Clause] = []
        begin, follows, i = 0, False, 0
        while i < len(self.tokens):
            text = self.tokens[i].text
            cut = i in breaks or text == ";"
            if text in self.g.clause_cuts and i not in inside:
                after = i + 1
                while after < len(self.tokens) and self.tokens[after].text in self.g.clause_joiners:
                    after += 1
                cut = after in starts
            if cut:
                found += [_Clause(begin, i, follows)] if begin < i else []
                begin, follows = breaks.get(i, i + 1), i in breaks
                i = begin
            else:
                i += 1
        return found + ([_Clause(begin, i, follows)] if begin < i else [])

    def read(self, clause: _Clause, before: Sequence[Schedule]) -> list[Schedule]:
        """The schedules of one clause; `before` holds those of the clauses before it."""
        hits = [h for h in self.hits if clause.begin <= h.begin < clause.end]
        linked = next((h.begin for h in hits if h.cue is Cue.LINKED), clause.end)
        self.labelled.append((linked, clause.end))  # the other timetable's words
        stop, label = self._qualifier(clause, hits, linked)
        spans = [s for s in self.spans if clause.begin <= s.begin and s.end <= stop]
        hits = [h for h in hits if h.begin < stop or h.begin == linked]
        if not spans and any(h.cue is None for h in hits):
            return []  # "six mois après l'adoption": no calendar date stands for it
        placed = _worded(_dated(spans, hits, clause.begin, _inherited(before)), hits, before)
        anchors = [a for k, a in self.dates.anchors.items() if clause.begin <= k < stop]
        dateless = _dateless(hits, len(anchors))
        if dateless is not None:
            placed = _absorb(placed, dateless, before if clause.follows_on else ())
            placed = _anchored(placed, dateless[0], hits, anchors)
        if any(h.cue is Cue.IMMEDIATE for h in hits) and not any(s.kind is Kind.START for _, s in placed):
            first = min(h.begin for h in hits if h.cue is Cue.IMMEDIATE)
            placed.append((first, Schedule(Kind.START, immediate=True)))
        return [s._replace(label=label) for _, s in sorted(placed, key=lambda p: p[0])]

    def _qualifier(self, clause: _Clause, hits: list[Hit], stop: int) -> tuple[int, str | None]:
        """Where the clause's own words end, and its qualifier ("pour ...") after a date."""
        first_date = next((s.end for s in self.spans if clause.begin <= s.begin < stop), None)
        if first_date is None:
            return stop, None
        qualifier = next((h.begin for h in hits if h.cue is Cue.LABEL and first_date <= h.begin < stop), None)
        if qualifier is None:
            return stop, None
        self.labelled.append((qualifier, stop))
        start, end = self.tokens[qualifier].start, self.tokens[stop - 1].end
        return qualifier, self.text[start:end].strip(" ,;:.") or None

    def why_unreadable(self) -> str:
        """In English, why no schedule could be read."""
        if self.dates.unread:
            return reasons.DATE_UNREAD.format(why=self.dates.unread[0])
        if self.relative:
            return reasons.RELATIVE
        reason = reasons.UNRECOGNISED
        yearless = self.dates.yearless_reason()
        return reason + (f"; {yearless}" if yearless else "")


def _inherited(before: Sequence[Schedule]) -> Kind | None:
    """The dated kind a bare date takes in a later clause ("...; novembre 2000 pour ...")."""
    for schedule in reversed(before):
        if schedule.kind in (Kind.START, Kind.DEADLINE, Kind.MILESTONE):
            return schedule.kind
        if schedule.kind is Kind.WINDOW:
            return Kind.DEADLINE
    return None


def _worded(placed: list[_Placed], hits: list[Hit], before: Sequence[Schedule]) -> list[_Placed]:
    """A milestone of first initiatives says so ("first initiatives by ..."), with the words of
    the last milestone cue before its date, or of the milestone of an earlier clause it follows
    ("...; novembre 2000 pour ..."). Its kind and dates are those of any milestone."""
    earlier = next((s.initiatives for s in reversed(before) if s.kind is Kind.MILESTONE), False)
    worded = []
    for where, schedule in placed:
        cues = [h for h in hits if h.cue is Cue.MILESTONE and h.begin < where]
        initiatives = cues[-1].initiatives if cues else earlier
        if schedule.kind is Kind.MILESTONE and initiatives:
            worded.append((where, schedule._replace(initiatives=True)))
        else:
            worded.append((where, schedule))
    return worded


def _dated(spans: list[Span], hits: list[Hit], begin: int, inherited: Kind | None) -> list[_Placed]:
    """One schedule per date; the last timing cue before a date says what it means."""
    placed: list[_Placed] = []
    for n, span in enumerate(spans):
        if (
            n
            and placed
            and any(h.cue is Cue.OR_EVEN and spans[n - 1].end <= h.begin < span.begin for h in hits)
        ):
            # "en 2023 voire en 2024": one commitment, by the later date, with the earlier's meaning
            where, earlier = placed[-1]
            if earlier.kind is Kind.START and not span.is_range:
                placed[-1] = (where, earlier._replace(start=span.first))
                continue
            if earlier.kind in (Kind.DEADLINE, Kind.MILESTONE) and not span.is_range:
                placed[-1] = (where, earlier._replace(due=span.last))
                continue
        if span.is_range:
            placed.append((span.begin, _window(span.first, span.last, span, span)))
            continue
        side_by_side = n and spans[n - 1].end == span.begin and not spans[n - 1].is_range
        if side_by_side and placed and placed[-1][1].kind is Kind.DEADLINE and not span.modifier:
            # "08/01/2019 31/01/2019": two dates with nothing between, as a table's start and end cells
            where = placed[-1][0]
            first = spans[n - 1].first
            if first.first_day() <= span.first.first_day() and not any(
                h.begin == span.begin - 1 for h in hits
            ):
                placed[-1] = (where, _window(first, span.last, spans[n - 1], span))
                continue
        low = spans[n - 1].end if n else begin
        cues = [h.cue for h in hits if low <= h.begin < span.begin and h.cue in _TIMING]
        first_part = any(h.cue is Cue.MILESTONE and h.begin < span.begin for h in hits)
        schedule = _dated_one(span, cues[-1] if cues else None, inherited, first_part)
        placed.append((span.begin, schedule))
    return _windows(placed)


def _dated_one(span: Span, cue: Cue | None, inherited: Kind | None, first_part: bool) -> Schedule:
    """The schedule of one date, given the timing cue before it (None: no cue)."""
    if cue is None and (span.modifier == "begin" or inherited is Kind.START):
        cue = Cue.START  # "Début 2000"; a bare date after a start clause
    if cue is Cue.START:
        return Schedule(Kind.START, start=span.first, start_precision=_opening(span))
    if cue is Cue.AFTER:
        after = periods.next_period(span.last)
        return Schedule(Kind.START, start=after, start_precision=precision(after, after))
    due = span.last
    if cue is Cue.BEFORE and span.modifier != "end" and span.first.day is None:
        due = periods.previous_month(span.first)  # before March: by the end of February
    if first_part or (cue is None and inherited is Kind.MILESTONE):
        return Schedule(Kind.MILESTONE, due=due, due_precision=_closing(span, due))
    return Schedule(Kind.DEADLINE, due=due, due_precision=_closing(span, due))


def precision(first: PlanDate, last: PlanDate) -> str | None:
    """The precision a schedule keeps: only a quarter or a year (a day or a month is told by
    the date itself)."""
    found = _plain_precision(first, last)
    return found if found in ("quarter", "year") else None


def _opening(span: Span) -> str | None:
    """The precision of a date as a start: "2022" is a year, "début 2000" a quarter."""
    if span.opening is not None:
        return span.opening
    whole = precision(span.first, span.last)
    return whole if whole in ("year", "quarter") and not span.is_range else precision(span.first, span.first)


def _closing(span: Span, due: PlanDate) -> str | None:
    """The precision of a date as a due date: that of the period it closes."""
    if due != span.last:
        return precision(due, due)  # before March: by the end of February
    whole = precision(span.first, span.last) if not span.is_range else None
    return whole if whole in ("year", "quarter") else precision(due, due)


def _window(start: PlanDate, due: PlanDate, opening: Span, closing: Span) -> Schedule:
    """A window from `start` to `due`, with the precision each is written in."""
    if opening is closing and opening.is_range and precision(start, due) is None and start.day is None:
        years = start.month == 1 and due.month == 12  # "2020-2021": a span of years
        start_p = due_p = "year" if years else None
        if not years:
            start_p, due_p = precision(start, start), precision(due, due)
        return Schedule(Kind.WINDOW, start=start, due=due, start_precision=start_p, due_precision=due_p)
    if opening is closing:
        start_p = precision(start, start)
        return Schedule(
            Kind.WINDOW, start=start, due=due, start_precision=start_p, due_precision=precision(due, due)
        )
    return Schedule(
        Kind.WINDOW,
        start=start,
        due=due,
        start_precision=_opening(opening),
        due_precision=_closing(closing, due),
    )


def _windows(placed: list[_Placed]) -> list[_Placed]:
    """A start followed by a later deadline in one clause is a window."""
    merged: list[_Placed] = []
    for where, schedule in placed:
        if merged and schedule.kind is Kind.DEADLINE and merged[-1][1].kind is Kind.START:
            opening = merged[-1][1]
            if opening.start and schedule.due and _not_after(opening.start, schedule.due):
                merged[-1] = (
                    merged[-1][0],
                    Schedule(
                        Kind.WINDOW,
                        start=opening.start,
                        due=schedule.due,
                        start_precision=opening.start_precision,
                        due_precision=schedule.due_precision,
                    ),
                )
                continue
        merged.append((where, schedule))
    return merged


def _not_after(start: PlanDate, due: PlanDate) -> bool:
    return start.first_day() <= due.last_day()


def _dateless(hits: list[Hit], fixed_dates: int) -> _Placed | None:
    """The clause's dateless kind: its first such cue leads ("De manière continue par ...
    réunions périodiques" is continuous)."""
    heads = [h for h in hits if h.cue in _DATELESS]
    if not heads:
        return None
    kind = _DATELESS[heads[0].cue]  # type: ignore[index]
    every = _stated_period(hits, fixed_dates) if kind is Kind.RECURRING else None
    return heads[0].begin, Schedule(kind, every_months=every)


def _stated_period(hits: list[Hit], fixed_dates: int) -> int | None:
    """The first stated period; in "X ou au moins Y" the binding one is Y; "February 15
    and July 15 in each year" is every six months."""
    stated = [h for h in hits if h.cue is Cue.RECURRING and h.months is not None]
    for previous, hit in pairwise(hits):
        if previous.cue is Cue.AT_LEAST and hit in stated:
            return hit.months
    if stated and stated[0].every_year and fixed_dates > 1 and 12 % fixed_dates == 0:
        return 12 // fixed_dates
    return stated[0].months if stated else None


def _anchored(placed: list[_Placed], where: int, hits: list[Hit], anchors: list[str]) -> list[_Placed]:
    """A recurrence on dates fixed in the year keeps them: "by 1 May each year" is due every
    1 May; "February 15 and July 15 in each calendar year" is two yearly dates, each its own
    schedule. Only periods of whole years take anchors (the date recurs on the same day)."""
    found = next((p for p in placed if p[0] == where and p[1].kind is Kind.RECURRING), None)
    if found is None or not anchors or len(set(anchors)) != len(anchors):
        return placed
    stated = [h for h in hits if h.cue is Cue.RECURRING and h.months is not None]
    # "each year", or as many times a year as dates are written ("trois fois par an, en mars, ...")
    yearly = any(h.every_year or (h.months or 0) * len(anchors) == 12 for h in stated)
    every = 12 if yearly or not stated else stated[0].months
    if every is None or every % 12:
        return placed  # "monthly on the 15th": no month fixed in the year
    rest = [p for p in placed if p is not found]
    schedule = found[1]._replace(every_months=every)
    return rest + [(where + n, schedule._replace(anchor=anchor)) for n, anchor in enumerate(anchors)]


def _absorb(placed: list[_Placed], dateless: _Placed, before: Sequence[Schedule]) -> list[_Placed]:
    """Give a dateless schedule the clause's start ("tous les ans à partir de 2001"), or,
    after "puis", the start of what came before ("début en janvier 2000 puis ...").

    Only a recurrence takes an end as well ("tous les ans de 2001 à 2005"): continuous,
    ongoing and as-needed work has none, and a link's dates are the other timetable's."""
    where, schedule = dateless
    takes_end = schedule.kind is Kind.RECURRING
    opening_kinds = (Kind.START, Kind.WINDOW) if takes_end else (Kind.START,)
    opening = next((p for p in placed if p[1].kind in opening_kinds), None)
    if schedule.kind is not Kind.LINKED and opening is not None:
        placed = [p for p in placed if p is not opening]
        schedule = schedule._replace(start=opening[1].start, due=opening[1].due if takes_end else None)
    elif schedule.kind is not Kind.LINKED and before:
        previous = before[-1]
        schedule = schedule._replace(start=previous.start or previous.due)
    return [*placed, (where, schedule)]

"""Find the dates written in a tokenised phrase: days, months, parts of years, ranges.

Forms read, in any language whose grammar names the words: a day ("15 mars 2001",
"March 31, 2005", "30 de junio de 2021", "31-Mar-2020"), a numeric date ("16/02/2018",
"2020-03-15", "07/2018"), a month, a part of a year ("T3 2021", "premier semestre
2000", "1er trim. 2001"), a span of years ("2002-03", "bienio 2020-2021"), a session of
an ILO body ("279e session"), a year where one is expected ("en 2001"), each after an
optional modifier ("fin", "mid-"), and ranges of these ("du 13 au 15 novembre 2007").

A date-like expression that cannot be read honestly (no year, a two-digit year, an
ambiguous day and month, a season) is recorded in `unread` with the reason, so the
reader can say `unspecified` instead of falling back on a coarser date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ilotc.model.dates import PlanDate
from ilotc.timeline import meetings, numeric, periods, reasons
from ilotc.timeline.grammar import Grammar
from ilotc.timeline.numeric import SEPARATORS as _SEPARATORS
from ilotc.timeline.numeric import Part
from ilotc.timeline.tokens import GRAMMARS, Token

_ARTICLES = frozenset({"le", "la", "l", "the", "el", "los", "las"})
_BEFORE_YEAR = frozenset({".", ",", "/", "-", "of", "de", "del"})
_MONTH_WORDS = frozenset(month for grammar in GRAMMARS.values() for month in grammar.months)
_NEAR = 6  # words between a session and the date written for it: ", Ginebra," "de la Conferencia a"


@dataclass(frozen=True, slots=True)
class Span:
    """A date expression over tokens [begin, end): the period first..last."""

    begin: int
    end: int
    first: PlanDate
    last: PlanDate
    modifier: str | None = None  # begin, end or mid: "début 2000", "fin 2000", "mi-2000"
    is_range: bool = False  # "de janvier à juin 2001", "2002-03": a window by itself
    meeting: bool = False  # a session of an ILO body: refined by a date written next to it
    opening: str | None = None  # the precision of its start where not plain from first..last


class Dates:
    """The dates of one phrase, read with one language's grammar."""

    def __init__(
        self,
        tokens: Sequence[Token],
        grammar: Grammar,
        day_first: bool | None,
        fiscal_year_start: int | None = None,
    ) -> None:
        self.tokens = tokens
        self.g = grammar
        self.day_first = day_first
        self.fiscal_year_start = fiscal_year_start  # the month a fiscal year starts, where stated
        self.periods_named = any(t.text in grammar.period_words or t.text.startswith("bienn") for t in tokens)
        self.unread: list[str] = []  # why a date-like expression could not be read
        self.yearless: list[int] = []  # where a day or month with no year is written
        self.anchors: dict[int, str] = {}  # each of those by where it is written: "MM-DD" or "MM"
        self.unknown_sessions: list[tuple[int, str]] = []  # where each ends, and why
        self.other_words: list[tuple[int, int]] = []  # read, though no span: yearless dates, sessions
        self.spans = self._find()

    # --- token helpers ---------------------------------------------------------------

    def _at(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def _kind(self, i: int) -> str:
        return self.tokens[i].kind if 0 <= i < len(self.tokens) else ""

    def _skip(self, i: int, skippable: frozenset[str]) -> int:
        while i < len(self.tokens) and self.tokens[i].text in skippable:
            i += 1
        return i

    def _verbatim(self, begin: int, end: int) -> str:
        return " ".join(t.text for t in self.tokens[begin:end])

    def _year(self, i: int) -> int | None:
        """A four-digit year at i, not a reference number ("no 1999")."""
        if self._kind(i) != "num" or len(self._at(i)) != 4 or self._at(i - 1) in self.g.not_number_leads:
            return None
        year = int(self._at(i))
        return year if periods.is_year(year) else None

    def _past_weekday(self, i: int) -> int:
        """Past a weekday and its comma: "mardi 13", "Wednesday, 6"."""
        if self._at(i) in self.g.weekdays:
            return self._skip(i + 1, frozenset({","}))
        return i

    # --- single dates ----------------------------------------------------------------

    def _part(self, i: int) -> Part | None:
        """A day, month or numeric date at i, with or without its year."""
        i = self._past_weekday(self._skip(i, _ARTICLES))
        figures = self._numeric(i)
        if figures is not None:
            return figures
        day, written = numeric.day_number(self.tokens, i), numeric.figures(self.tokens, i)
        if day is not None or (written is not None and self._at(i - 1) not in self.g.not_number_leads):
            k = i + 1
            if self._at(k) == "." and self._at(k + 1) in ("o", "a"):
                k += 2  # "1.º de julio"
            k = self._skip(k, self.g.day_leads | _SEPARATORS | {"°"})
            month = self.g.months.get(self._at(k))
            if month is None:
                return Part(i + 1, day, None, None) if day is not None else None
            if day is None:  # "32 mars 2001": no day to read, and the month is no honest guess
                self.unread.append(reasons.NO_SUCH_DAY.format(day=written, month=repr(self._at(k))))
                return Part(self._skip(k + 1, _BEFORE_YEAR) + 1, None, None, None)
            return self._with_year(k + 1, day, month)
        month = self.g.months.get(self._at(i))
        if month is None:
            return None
        k = self._skip(i + 1, frozenset({"."}))
        us_day = numeric.day_number(self.tokens, k)  # "March 31, 2005", "July 15"
        if us_day is not None and self._year(k) is None:
            return self._with_year(k + 1, us_day, month)
        return self._with_year(k, None, month)

    def _with_year(self, i: int, day: int | None, month: int) -> Part:
        k = self._skip(i, _BEFORE_YEAR)
        year = self._year(k)
        if year is None:
            return Part(self._skip(i, frozenset({"."})), day, month, None)
        return Part(k + 1, day, month, year)

    def _numeric(self, i: int) -> Part | None:
        """ "16/02/2018", "2020-03-15", "07/2018" at i; see `numeric`."""
        return numeric.read(self.tokens, i, self.day_first, self.unread)

    def _core(self, i: int, led: bool) -> tuple[periods.Period, int, bool] | None:
        """A date at i as (period, end, is a span of years)."""
        word = self._at(i)
        if word in self.g.part_codes:  # Q3 2000
            return self._year_part(i + 1, *self.g.part_codes[word])
        if word in self.g.ordinals and self._at(i + 1) in self.g.year_parts:  # premier semestre
            return self._year_part(i + 2, self.g.year_parts[self._at(i + 1)], self.g.ordinals[word])
        if word in self.g.seasons and self._year(self._skip(i + 1, self.g.fillers)) is not None:
            self.unread.append(reasons.SEASON.format(season=repr(word)))
            return None
        span = self._years(i)
        if span is not None:
            return span
        part = self._part(i)
        if part is not None and part.year is not None and part.month is not None:
            if part.day is None:
                month = periods.month(part.year, part.month)
                if month is None:
                    self.unread.append(reasons.NOT_A_MONTH.format(date=f"{part.year:04d}-{part.month:02d}"))
                    return None
                return (month, month), part.end, False
            date = periods.day(part.year, part.month, part.day)
            if date is None:
                self.unread.append(
                    reasons.NO_SUCH_DAY.format(day=part.day, month=f"{part.year}-{part.month:02d}")
                )
                return None
            return (date, date), part.end, False
        year = self._year(i)
        if year is None or not (led or self._bare_year_ok(i)):
            return None
        return periods.whole_year(year), i + 1, False

    def _year_part(self, i: int, size: int, number: int) -> tuple[periods.Period, int, bool] | None:
        after = self._skip(i, self.g.fillers | {"."})
        year = self._year(after)
        part = None if year is None else periods.year_part(year, size, number)
        return None if part is None else (part, after + 1, False)

    def _years(self, i: int) -> tuple[periods.Period, int, bool] | None:
        """ "2002-03", "2019-2024", "2010-15": a span of years, read as a window."""
        first = self._year(i)
        if first is None or self._at(i + 1) not in ("-", "/") or self._kind(i + 2) != "num":
            return None
        if self._at(i + 3) in _SEPARATORS and self._kind(i + 4) == "num":
            return None  # a numeric day, 2020-03-15
        written = self._at(i + 2)
        closing = periods.later_year(first, written)
        as_month = len(written) == 2 and 1 <= int(written) <= 12
        if closing is not None and as_month and not self.periods_named:
            self.unread.append(reasons.MONTH_OR_YEARS.format(span=f"{first}-{written}"))
            return None
        if closing is None and as_month and self._at(i + 1) == "-" and not self.periods_named:
            month = PlanDate(first, int(written))  # ISO month, 2020-03
            return (month, month), i + 3, False
        if closing is None:
            self.unread.append(reasons.NOT_YEARS.format(span=f"{first}{self._at(i + 1)}{written}"))
            return None
        if self._at(i + 1) == "/" and closing == first + 1 and not self.periods_named:
            # "2020/21" is how one twelve-month year across two is written: fiscal, academic...
            if self.fiscal_year_start not in (None, 1):  # ...the plan's fiscal year
                return periods.fiscal_years(closing, closing, self.fiscal_year_start), i + 3, True
            self.unread.append(reasons.SHIFTED_YEAR.format(span=f"{first}/{written}"))
            return None
        return periods.years(first, closing), i + 3, True

    def _bare_year_ok(self, i: int) -> bool:
        """A year with no month is a date only where one is expected: "en 2001", "l'an 2000"."""
        j = i - 1
        while j >= 0 and self.tokens[j].text in self.g.fillers:
            if self.tokens[j].text in self.g.year_words:
                return True
            j -= 1
        k = j
        while k >= 0 and self.tokens[k].text in _SEPARATORS:
            k -= 1  # "Mar. 2021", "Q2/2022"
        after = i + 1 + (self._at(i + 1) == "/")  # "2022 Q2", "2022/Q2"
        if (
            numeric.day_number(self.tokens, k) is not None
            or self._at(k) in _MONTH_WORDS
            or "code" in (self._kind(k), self._kind(after))
        ):
            # a day, month or part of the year next to it was not read: the year alone would round it
            self.unread.append(reasons.BESIDE.format(word=self._at(i)))
            return False
        if j < 0 or self.tokens[j].kind == "punct":
            return True
        lead = self.tokens[j].text
        if lead in self.g.year_words and self._listed(i):
            return True  # "pour les années 2018, 2019 et 2020": the first year of a list
        return lead in self.g.year_leads or lead.startswith(self.g.year_lead_stems)

    def _listed(self, i: int) -> bool:
        """True when the year at i is followed by another year, with only list joiners (",",
        "et", "and", "y") between: "années 2018, 2019" is a list, "les années 2020" (the 2020s)
        is not, and stays unread."""
        k = i + 1
        while self._at(k) in self.g.clause_joiners:
            k += 1
        return k > i + 1 and self._year(k) is not None

    def _meeting(self, i: int) -> Span | None:
        """ "279e session", "332.ª reunión", "104th Session (2015)": the month it met."""
        text, k = self._at(i), i + 1
        if self._kind(i) == "ord":
            number = text.rstrip("abcdefghijklmnopqrstuvwxyz")
        elif self._kind(i) == "num" and self._at(i + 1) == "." and self._at(i + 2) in ("a", "o"):
            number, k = text, i + 3
        else:
            return None
        if not number.isdigit() or self._at(k) not in self.g.session_words:
            return None
        self.other_words.append((i, k + 1))
        met = meetings.session(int(number))
        end = k + 1
        if self._at(end) == "(":
            inner = self._core(end + 1, led=True)
            close = inner[1] if inner else end + 1
            if inner is not None and self._at(close) == ")":
                (first, last), stated = inner[0], inner[0][0]
                end = close + 1
                if met is not None and first.month == 1 and last.month == 12 and met.year == stated.year:
                    return Span(i, end, met, met, meeting=True)
                return Span(i, end, first, last, meeting=True)
        if met is None:
            self.unknown_sessions.append((end, reasons.UNKNOWN_SESSION.format(number=number)))
            return None
        return Span(i, end, met, met, meeting=True)

    # --- periods and ranges ----------------------------------------------------------

    def _period(self, i: int, led: bool = False) -> Span | None:
        """A date after an optional modifier: "fin de l'an 2000", "mi-2001", "juin 2000"."""
        meeting = self._meeting(i)
        if meeting is not None:
            return meeting
        whole = self._whole_period(i)
        if whole is not None:
            return whole
        modifier = self.g.modifiers.get(self._at(i))
        if modifier is not None:
            core = self._core(self._skip(i + 1, self.g.fillers), led=True)
            if core is not None and not core[2] and core[0][0].day is None:
                (first, last), end, _ = core
                if modifier == "begin":
                    if precision(first, last) == "year":  # "début 2000": its first quarter
                        return Span(i, end, first, first, modifier, opening="quarter")
                    last = first
                elif modifier == "end":
                    first = last
                else:
                    first = last = periods.middle(first, last)
                return Span(i, end, first, last, modifier)
        core = self._core(i, led)
        if core is None:
            return None
        (first, last), end, is_range = core
        return Span(i, end, first, last, is_range=is_range)

    def _whole_period(self, i: int) -> Span | None:
        """ "throughout 2026", "tout au long de 2026": work over the whole period, a window."""
        for lead in self.g.throughout:
            if tuple(t.text for t in self.tokens[i : i + len(lead)]) == lead:
                core = self._core(self._skip(i + len(lead), self.g.fillers | _ARTICLES), led=True)
                if core is not None and core[0][0] != core[0][1]:
                    (first, last), end, _ = core
                    return Span(i, end, first, last, is_range=True)
        return None

    def _range(self, i: int) -> Span | None:
        """ "de janvier à juin 2001", "du 13 au 15 novembre 2007", "November 2017 - March 2018"."""
        prefix = self._at(i) if self._at(i) in self.g.range_prefixes else None
        k = i + 1 if prefix else i
        opening = self._part(k)
        full = (
            None if opening is not None and opening.year is None else self._period(k, led=prefix is not None)
        )
        if opening is None and full is None:
            return None
        after = full.end if full is not None else opening.end if opening is not None else k
        joined = self._connector(after, paired=prefix in self.g.pair_prefixes)
        if joined is None:
            return None
        closing = self._period(self._skip(joined, _ARTICLES), led=True)
        if closing is None or closing.is_range:
            return None
        first = full.first if full is not None else self._opening(opening, closing)
        # By days: a day and a month do not compare as tuples ("du 15 au janvier 2001").
        if first is None or first.first_day() > closing.last.last_day():
            return None
        return Span(i, closing.end, first, closing.last, is_range=True)

    def _opening(self, part: Part | None, closing: Span) -> PlanDate | None:
        """A range's opening, completed from its closing: "du 13 au 15 novembre 2007"."""
        if part is None:
            return None
        month = part.month or closing.first.month
        year = part.year or closing.first.year
        if part.year is None and part.month is not None and month > closing.first.month:
            year -= 1  # "de novembre à mars 2001": November 2000
        if part.day is None:
            return periods.month(year, month) if part.month is not None else None
        return periods.day(year, month, part.day)

    def _connector(self, i: int, paired: bool) -> int | None:
        for option in self.g.range_connectors:
            if tuple(t.text for t in self.tokens[i : i + len(option)]) == option:
                return i + len(option)
        if paired and self._at(i) in self.g.pair_connectors:  # only "entre X et Y"
            return i + 1
        return None

    def _fiscal(self, i: int, spans: list[Span]) -> int | None:
        """Past "FY 2021", "FY19", "fiscal year 2020-21", "exercice 2019-2020", "ejercicio 2021":
        fiscal years, read through the plan's `fiscal_year_start` (a window), else unread."""
        word = self._at(i)
        if word not in self.g.fiscal_words:
            return None
        if word in self.g.period_words and self.fiscal_year_start is None:
            # "exercice 2000-01" is also the ILO's biennium: a span of years, unless the plan has fiscal years
            return None
        k = self._skip(i + 1, self.g.fillers | self.g.fiscal_words | {"(", ")"})
        first = self._year(k)
        short = k == i + 1 and self._kind(k) == "num" and len(self._at(k)) == 2
        if first is None and word == "fy" and short and self.fiscal_year_start is not None:
            first = 2000 + int(self._at(k))  # "FY19": the letters FY make two digits a year
        if first is None:
            return None
        two = self._at(k + 1) in ("-", "/") and self._kind(k + 2) == "num"
        end = k + 3 if two else k + 1
        written = "".join(t.text for t in self.tokens[k:end])
        if self.fiscal_year_start is None:
            self.unread.append(reasons.FISCAL_YEAR.format(span=written))
            return end
        ends_in = first
        if two:  # "FY2019-20": one fiscal year, named by both calendar years, ending in the later
            closing = periods.later_year(first, self._at(k + 2))
            if closing != first + 1 or self.fiscal_year_start == 1:
                self.unread.append(reasons.NOT_YEARS.format(span=written))
                return end
            ends_in = closing
        period = periods.fiscal_years(ends_in, ends_in, self.fiscal_year_start)
        spans.append(Span(i, end, period[0], period[1], is_range=True))
        return end

    def _find(self) -> list[Span]:
        spans: list[Span] = []
        i = 0
        while i < len(self.tokens):
            past = self._fiscal(i, spans)
            if past is not None:
                i = past
                continue
            span = self._range(i) or self._period(i)
            if span is not None:
                spans.append(span)
                i = span.end
                continue
            part = self._part(i)
            if part is not None and part.month is not None and part.year is None:
                word = self._at(i)
                if not (word in self.g.not_only_months and part.day is None):
                    self.yearless.append(i)
                    self.other_words.append((i, max(part.end, i + 1)))
                    self.anchors[i] = _anchor(part.month, part.day)
                    self._range_of_anchors(i)
                i = max(part.end, i + 1)
            else:
                i += 1
        return self._sessions_dated(self._year_lists(_refined(spans)))

    def _year_lists(self, spans: list[Span]) -> list[Span]:
        """ "2018, 2019 et 2020": a list of years is one window, from the first to the last
        (read as separate deadlines, the first year would be late while the list allows more)."""
        merged: list[Span] = []
        for span in spans:
            previous = merged[-1] if merged else None
            if (
                previous is not None
                and _whole_years(previous)
                and _whole_years(span)
                and previous.last.year < span.first.year
                and all(t.text in self.g.clause_joiners for t in self.tokens[previous.end : span.begin])
                and previous.end < span.begin
            ):
                merged[-1] = Span(previous.begin, span.end, previous.first, span.last, is_range=True)
            else:
                merged.append(span)
        return merged

    def _range_of_anchors(self, i: int) -> None:
        """ "from April to September each year": a yearly range is due at its closing date,
        so its opening is no anchor of its own."""
        before = [k for k in self.anchors if k < i]
        if not before:
            return
        opening = before[-1]
        part = self._part(opening)
        end = part.end if part is not None else opening + 1
        joined = self._connector(end, paired=self._at(opening - 1) in self.g.pair_prefixes)
        if joined is not None and self._skip(joined, _ARTICLES) == i:
            del self.anchors[opening]

    def _sessions_dated(self, spans: list[Span]) -> list[Span]:
        """A session outside the table is dated by a date written right after it.

        "340.ª reunión, Ginebra, octubre-noviembre de 2020", "to postpone the 109th Session
        to June 2021": the date stands for the session. With no date next to it (a few
        words, no other number, no ";"), the session is a date that cannot be read.
        """
        for end, why in self.unknown_sessions:
            after = next((s for s in spans if s.begin >= end), None)
            between = self.tokens[end : after.begin] if after is not None else []
            if (
                after is None
                or len(between) > _NEAR
                or any(t.kind in ("num", "ord") or t.text == ";" for t in between)
            ):
                self.unread.append(why)
        return spans

    def yearless_reason(self) -> str | None:
        """Why a yearless day or month was not read, or None if there is none."""
        if not self.yearless:
            return None
        i = self.yearless[0]
        words = [t.text for t in self.tokens[i:] if t.text in self.g.months][:1] or [self._at(i)]
        return reasons.NO_YEAR.format(month=repr(words[0]))


def _whole_years(span: Span) -> bool:
    """A span of one or more whole calendar years, as written ("2019", a list of them)."""
    return (
        not span.modifier
        and not span.meeting
        and span.first.day is None
        and span.first.month == 1
        and span.last.month == 12
        and (span.is_range or span.first.year == span.last.year)
    )


def precision(first: PlanDate, last: PlanDate) -> str | None:
    """How precise the period first..last is: day, month, quarter, year, or None (a half...)."""
    if first.day is not None:
        return "day"
    if first == last:
        return "month"
    months = first.months_until(last) + 1
    if months == 12 and first.month == 1:
        return "year"
    if months == 3 and first.month % 3 == 1:
        return "quarter"
    return None


def _anchor(month: int, day: int | None) -> str:
    """A yearless date as a recurring anchor: "05-01", or "12" for a month."""
    return f"{month:02d}" if day is None else f"{month:02d}-{day:02d}"


def _refined(spans: list[Span]) -> list[Span]:
    """A meeting followed by the dates it met on keeps only those dates."""
    kept: list[Span] = []
    for n, span in enumerate(spans):
        following = spans[n + 1] if n + 1 < len(spans) else None
        if (
            span.meeting
            and following is not None
            and following.first.as_month() <= span.last <= following.last.as_month()
        ):
            continue
        kept.append(span)
    return kept

"""Read a plan's free-text timeline ("Achevée en avril 2000") as schedules.

A small grammar, in five layers:

1. normaliser: lower case, accents stripped, every apostrophe a word break, every dash
   "-", every kind of space or control character a space;
2. tokenizer: words, numbers, ordinals ("1er"), year-part codes ("q3"), punctuation;
3. date rules: a period (a month, a part of a year, a year) after an optional modifier
   ("fin", "début", "mi-"), and ranges ("de janvier à juin 2001");
4. cue rules: phrases from `timeline_words` saying what a date means (start, end...),
   or what timing a clause has with no date (continuous, ongoing, recurring...);
5. clause rules: a phrase splits at ";", at "puis"/"then", and where a comma is followed
   by a date ("...; novembre 2000 pour ..."); each clause gives its schedules.

Pure: no I/O. `read_timeline` never raises for a string, and never guesses: a phrase it
cannot read is `unspecified`, with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ilotc import timeline_words as words
from ilotc.dates import PlanDate
from ilotc.schedule import UNSPECIFIED, Reading, Schedule
from ilotc.timeline_words import Cue
from ilotc.vocab import Kind

__all__ = ["MAX_CHARS", "UNSPECIFIED", "Kind", "Reading", "Schedule", "read_timeline"]

MAX_CHARS = 1000
"""Only this many characters of a phrase are read (timelines are one line)."""


def read_timeline(text: str | None, lang: str | None = None) -> Reading:
    """Read a timeline phrase as one or more schedules, in the order written.

    lang None: detect French or English from the words; "fr"/"en": read as that language.
    Readings are immutable and plans repeat their phrases, so each (phrase, lang) is read
    once per process and the same Reading returned after that.
    """
    if lang is not None and lang not in words.CUES:
        raise ValueError(f"lang must be 'fr' or 'en', not {lang!r}")
    if text is None or isinstance(text, str):
        return _read_cached(text, lang)
    return _read(text, lang)


@lru_cache(maxsize=4096)
def _read_cached(text: str | None, lang: str | None) -> Reading:
    return _read(text, lang)


def _read(text: str | None, lang: str | None) -> Reading:
    if not isinstance(text, str) or not text.strip():
        given = text if isinstance(text, str) else ""
        return Reading(given, lang or "fr", (UNSPECIFIED,), "no timeline")
    head = text[:MAX_CHARS]
    note = f"only the first {MAX_CHARS} characters were read" if len(text) > MAX_CHARS else None
    tokens = _tokenize(head)
    chosen = lang or _language(tokens, head)
    phrase = _Phrase(head, tokens, chosen)
    schedules: list[Schedule] = []
    for clause in phrase.clauses():
        schedules.extend(phrase.read(clause, schedules))
    if not schedules:
        reason = phrase.why_unreadable() + (f"; {note}" if note else "")
        return Reading(text, chosen, (UNSPECIFIED,), reason)
    return Reading(text, chosen, tuple(schedules), note)


# --- 1-2. Normaliser and tokenizer ---------------------------------------------------

_APOSTROPHES = frozenset("'’‘ʼ`´′")
_DASHES = frozenset("‐‑‒–—―−")
_LIGATURES = {"œ": "oe", "æ": "ae"}


def _fold(char: str) -> str:
    """One character in normalised form: possibly several characters, or none."""
    if char in _APOSTROPHES:
        return " "  # "d'ici" reads as the two words "d ici"
    if char in _DASHES:
        return "-"
    if char.isspace() or unicodedata.category(char)[0] in "CZ":
        return " "  # control, format and separator characters are spaces
    lowered = char.lower()
    if lowered in _LIGATURES:
        return _LIGATURES[lowered]
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_TOKEN = re.compile(
    r"(?P<ord>[0-9]{1,2}(?:ere|er|re|eme|e|nd|rd|st|th))(?![^\W_])"  # 1er, 2e, 3rd
    r"|(?P<code>[qtsh][1-4])(?![^\W_])"  # q3, t3, h1, s1
    r"|(?P<num>[0-9]+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>[^\w\s])"
)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str  # normalised
    kind: str  # ord, code, num, word or punct
    start: int  # offsets in the phrase as given, for verbatim labels
    end: int


def _tokenize(text: str) -> list[_Token]:
    pieces: list[str] = []
    origin: list[int] = []  # normalised offset -> offset in `text`
    for index, char in enumerate(text):
        piece = _fold(char)
        pieces.append(piece)
        origin.extend([index] * len(piece))
    folded = "".join(pieces)
    return [
        _Token(m.group(), m.lastgroup or "punct", origin[m.start()], origin[m.end() - 1] + 1)
        for m in _TOKEN.finditer(folded)
    ]


def _language(tokens: Sequence[_Token], text: str) -> str:
    """French unless English words outnumber French ones (the plan is French).

    A word counts for the language whose marker fits it best, so "immediately" (English
    stem "immediate") is English although the French stem "immediat" fits it too."""
    score = 0
    for token in tokens:
        french, english = _FRENCH.fit(token.text), _ENGLISH.fit(token.text)
        score += (french > english) - (english > french)
    if any(c in "éèêëàâçîïôûù" for c in text.lower()):
        score += 1
    return "en" if score < 0 else "fr"


class _Markers:
    """Words and word stems that belong to one language only."""

    def __init__(self, own: set[str], other: set[str]) -> None:
        self.words = frozenset(w for w in own - other if not w.endswith("*"))
        self.stems = tuple(w[:-1] for w in own - other if w.endswith("*"))

    def fit(self, word: str) -> int:
        """How well `word` fits: 0 not at all, a stem's length, or more for a whole word."""
        if word in self.words:
            return len(word) + 1
        return max((len(stem) for stem in self.stems if word.startswith(stem)), default=0)


def _vocabulary(lang: str) -> set[str]:
    markers = words.FRENCH_MARKERS if lang == "fr" else words.ENGLISH_MARKERS
    months = words.FRENCH_MONTHS if lang == "fr" else words.ENGLISH_MONTHS
    found = set(markers) | set(months)
    for specs in words.CUES[lang].values():
        for spec in specs:
            found.update(alt for slot in spec.rstrip(">").split() for alt in slot.split("|"))
    return found


_FRENCH = _Markers(_vocabulary("fr"), _vocabulary("en"))
_ENGLISH = _Markers(_vocabulary("en"), _vocabulary("fr"))


# --- 3. Date rules -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    """A date expression over tokens [begin, end): the months first..last."""

    begin: int
    end: int
    first: PlanDate
    last: PlanDate
    modifier: str | None = None  # begin, end or mid: "début 2000", "fin 2000", "mi-2000"
    is_range: bool = False  # "de janvier à juin 2001": a window by itself


def _at(tokens: Sequence[_Token], i: int) -> str:
    return tokens[i].text if 0 <= i < len(tokens) else ""


def _skip(tokens: Sequence[_Token], i: int, skippable: frozenset[str]) -> int:
    while i < len(tokens) and tokens[i].text in skippable:
        i += 1
    return i


_JOINS = frozenset({"-", "/"})


def _year(tokens: Sequence[_Token], i: int) -> int | None:
    """A plausible year standing alone: not part of "2002-03", not "no 1999"."""
    if i >= len(tokens) or tokens[i].kind != "num" or len(tokens[i].text) != 4:
        return None
    year = int(tokens[i].text)
    in_range = (i >= 2 and _at(tokens, i - 1) in _JOINS and tokens[i - 2].kind == "num") or (
        i + 2 < len(tokens) and _at(tokens, i + 1) in _JOINS and tokens[i + 2].kind == "num"
    )
    if in_range or _at(tokens, i - 1) in words.NOT_NUMBER_LEADS or not 1900 <= year <= 2099:
        return None
    return year


def _bare_year_ok(tokens: Sequence[_Token], i: int) -> bool:
    """A year with no month is a date only where one is expected: "en 2001", "l'an 2000"."""
    j = i - 1
    while j >= 0 and tokens[j].text in words.FILLERS:
        if tokens[j].text in words.YEAR_WORDS:
            return True
        j -= 1
    if j < 0 or tokens[j].kind == "punct":
        return True
    lead = tokens[j].text
    return lead in words.YEAR_LEADS or lead.startswith(words.YEAR_LEAD_STEMS)


_AFTER_MONTH = frozenset({".", ",", "of", "de"})
_Core = tuple[PlanDate, PlanDate, int]


def _skip_day(tokens: Sequence[_Token], i: int) -> int:
    """Past a day before a month ("15 mars 2001", "1er janvier"): dates keep month precision."""
    token = tokens[i] if i < len(tokens) else None
    is_day = token is not None and (
        (token.kind == "num" and len(token.text) <= 2 and 1 <= int(token.text) <= 31)
        or token.text in ("1er", "1st")
    )
    return i + 1 if is_day and _at(tokens, i + 1) in words.MONTHS else i


def _core(tokens: Sequence[_Token], i: int, led: bool) -> _Core | None:
    """A month, part of a year, or year at token i: (first month, last month, end)."""
    i = _skip_day(tokens, i)
    word = _at(tokens, i)
    if word in words.PART_CODES:  # Q3 2000
        size, number = words.PART_CODES[word]
        return _year_part(tokens, i + 1, size, number)
    if word in words.ORDINALS and _at(tokens, i + 1) in words.YEAR_PARTS:  # premier semestre
        size = words.YEAR_PARTS[tokens[i + 1].text]
        return _year_part(tokens, i + 2, size, words.ORDINALS[word])
    if word in words.MONTHS:  # a month needs its year: "mai" alone is not a date
        after = _skip(tokens, i + 1, _AFTER_MONTH)
        year = _year(tokens, after)
        if year is None:
            return None
        month = PlanDate(year, words.MONTHS[word])
        return month, month, after + 1
    year = _year(tokens, i)
    if year is None or not (led or _bare_year_ok(tokens, i)):
        return None
    return PlanDate(year, 1), PlanDate(year, 12), i + 1


def _year_part(tokens: Sequence[_Token], i: int, size: int, number: int) -> _Core | None:
    after = _skip(tokens, i, words.FILLERS)
    year = _year(tokens, after)
    parts = 12 // size
    if year is None or number > parts:
        return None
    first = PlanDate(year, 1).add_months(((number or parts) - 1) * size)  # 0: the last part
    return first, first.add_months(size - 1), after + 1


def _period(tokens: Sequence[_Token], i: int, led: bool = False) -> _Span | None:
    """A period after an optional modifier: "fin de l'an 2000", "mi-2001", "juin 2000"."""
    modifier = words.MODIFIERS.get(_at(tokens, i))
    if modifier is not None:
        core = _core(tokens, _skip(tokens, i + 1, words.FILLERS), led=True)
        if core is not None:
            first, last, end = core
            if modifier == "begin":
                last = first
            elif modifier == "end":
                first = last
            else:
                first = last = first.add_months(first.months_until(last) // 2)
            return _Span(i, end, first, last, modifier)
    core = _core(tokens, i, led)
    return None if core is None else _Span(i, core[2], core[0], core[1])


_ARTICLES = frozenset({"la", "le", "l", "the"})


def _range(tokens: Sequence[_Token], i: int) -> _Span | None:
    """ "de janvier à juin 2001", "from January 2001 to June 2002", "janvier-juin 2001"."""
    prefix = _at(tokens, i) if _at(tokens, i) in words.RANGE_PREFIXES else None
    k = _skip_day(tokens, i + 1 if prefix else i)
    opening = _period(tokens, k, led=prefix is not None)
    month = words.MONTHS.get(_at(tokens, k)) if opening is None else None
    if opening is None and month is None:
        return None
    after = opening.end if opening else _skip(tokens, k + 1, frozenset({"."}))
    joined = _connector(tokens, after, paired=prefix in words.PAIR_PREFIXES)
    closing = None if joined is None else _period(tokens, _skip(tokens, joined, _ARTICLES), True)
    if closing is None:
        return None
    if opening is not None:
        first = opening.first
    else:  # "de novembre à mars 2001": the month takes the closing year, or the one before
        assert month is not None
        first = PlanDate(closing.first.year - (month > closing.first.month), month)
    if first > closing.last:
        return None
    return _Span(i, closing.end, first, closing.last, is_range=True)


def _connector(tokens: Sequence[_Token], i: int, paired: bool) -> int | None:
    for option in words.RANGE_CONNECTORS:
        if tuple(t.text for t in tokens[i : i + len(option)]) == option:
            return i + len(option)
    if paired and _at(tokens, i) in words.PAIR_CONNECTORS:  # only "entre X et Y"
        return i + 1
    return None


def _find_dates(tokens: Sequence[_Token]) -> list[_Span]:
    spans: list[_Span] = []
    i = 0
    while i < len(tokens):
        span = _range(tokens, i) or _period(tokens, i)
        if span is None:
            i += 1
        else:
            spans.append(span)
            i = span.end
    return spans


# --- 4. Cue rules --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    """A cue found over tokens [begin, end)."""

    cue: Cue
    begin: int
    end: int
    months: int | None = None  # a recurrence's stated period


_PATTERNS = {
    lang: [(cue, *words.compile_phrase(spec)) for cue, specs in table.items() for spec in specs]
    for lang, table in words.CUES.items()
}
_DATE = "\0"  # stands for a token inside a date, which no cue may use


def _find_cues(texts: Sequence[str], date_starts: set[int], lang: str) -> list[_Hit]:
    hits: list[_Hit] = []
    i = 0
    while i < len(texts):
        hit = _recurrence(texts, i) or _milestone(texts, i) or _phrase(texts, i, date_starts, lang)
        if hit is None:
            i += 1
        else:
            hits.append(hit)
            i = hit.end
    return hits


def _word(texts: Sequence[str], i: int) -> str:
    return texts[i] if 0 <= i < len(texts) else ""


def _phrase(texts: Sequence[str], i: int, date_starts: set[int], lang: str) -> _Hit | None:
    """The longest cue phrase at i; on a tie, one that needs a date ("pour>") wins."""
    best: tuple[int, bool, Cue] | None = None
    for cue, pattern, needs_date in _PATTERNS[lang]:
        end = _match(texts, i, pattern)
        if end is None or (needs_date and end not in date_starts):
            continue
        if best is None or (end, needs_date) > best[:2]:
            best = (end, needs_date, cue)
    return None if best is None else _Hit(best[2], i, best[0])


def _match(texts: Sequence[str], i: int, pattern: words.Pattern) -> int | None:
    """Where `pattern` ends when matched at i (hyphens between words skipped), or None."""
    k = i
    for n, slot in enumerate(pattern):
        while n and _word(texts, k) == "-":
            k += 1
        word = _word(texts, k)
        if not word or not any(
            word.startswith(alt[:-1]) if alt.endswith("*") else word == alt for alt in slot
        ):
            return None
        k += 1
    return k


def _number(texts: Sequence[str], i: int) -> tuple[int, int] | None:
    """A small count in digits or words ("6", "six", "dix-huit"): (value, end)."""
    word = _word(texts, i)
    if word.isascii() and word.isdigit() and len(word) <= 3:
        return int(word), i + 1
    after = i + 1 + (_word(texts, i + 1) == "-")
    pair = f"{word} {_word(texts, after)}"
    if pair in words.NUMBERS:
        return words.NUMBERS[pair], after + 1
    return (words.NUMBERS[word], i + 1) if word in words.NUMBERS else None


def _recurrence(texts: Sequence[str], i: int) -> _Hit | None:
    """A repetition at i, with its period when stated."""
    return _every_unit(texts, i) or _times_per_unit(texts, i) or _recurrence_word(texts, i)


def _every_unit(texts: Sequence[str], i: int) -> _Hit | None:
    """ "tous les deux ans", "chaque année", "every 3 months": N units apart."""
    if texts[i] not in words.EVERY_WORDS:
        return None
    k = i + 1 + (_word(texts, i + 1) == "les")
    count, k = _number(texts, k) or (1, k)
    unit = words.UNITS.get(_word(texts, k))
    if unit is None or not 1 <= count <= 100:
        return None
    return _Hit(Cue.RECURRING, i, k + 1, count * unit)


def _times_per_unit(texts: Sequence[str], i: int) -> _Hit | None:
    """ "deux fois par an", "twice a year": the period is the unit over the count."""
    if texts[i] in words.TIMES:
        count, k = words.TIMES[texts[i]], i + 1
    else:
        number = _number(texts, i)
        if number is None or _word(texts, number[1]) not in words.TIMES_WORDS:
            return None
        count, k = number[0], number[1] + 1
    unit = words.UNITS.get(_word(texts, k + 1))
    if unit is None or _word(texts, k) not in words.PER_WORDS or count < 1:
        return None
    return _Hit(Cue.RECURRING, i, k + 2, unit // count if unit % count == 0 else None)


def _recurrence_word(texts: Sequence[str], i: int) -> _Hit | None:
    """ "annuel", "biennially", "semi-annual": a word that states its own period."""
    after = i + 1 + (_word(texts, i + 1) == "-")
    pair = (texts[i], _word(texts, after))
    if pair in words.TWO_WORD_RECURRENCES:
        return _Hit(Cue.RECURRING, i, after + 1, words.TWO_WORD_RECURRENCES[pair])
    for stem, months in words.RECURRENCE_STEMS.items():
        if texts[i].startswith(stem):
            return _Hit(Cue.RECURRING, i, i + 1, months)
    return None


def _milestone(texts: Sequence[str], i: int) -> _Hit | None:
    """ "premiers résultats", "first results": a first part, not the whole, is due."""
    following = _word(texts, i + 1)
    if (
        texts[i] in words.MILESTONE_WORDS
        and following.isalpha()
        and following not in words.NOT_MILESTONE_NEXT
    ):
        return _Hit(Cue.MILESTONE, i, i + 1)
    return None


# --- 5. Clause rules -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Clause:
    begin: int
    end: int
    follows_on: bool  # introduced by "puis"/"then": continues from the clause before


_TIMING = (Cue.START, Cue.END, Cue.BEFORE)
_DATELESS = {
    Cue.CONTINUOUS: Kind.CONTINUOUS,
    Cue.ONGOING: Kind.ONGOING,
    Cue.AS_NEEDED: Kind.AS_NEEDED,
    Cue.LINKED: Kind.LINKED,
    Cue.RECURRING: Kind.RECURRING,
}
_Placed = tuple[int, Schedule]  # a schedule and the token where it was written


class _Phrase:
    """One phrase, tokenised, with its dates and cues found."""

    def __init__(self, text: str, tokens: list[_Token], lang: str) -> None:
        self.text = text
        self.tokens = tokens
        self.spans = _find_dates(tokens)
        texts = [t.text for t in tokens]
        for span in self.spans:
            texts[span.begin : span.end] = [_DATE] * (span.end - span.begin)
        self.hits = _find_cues(texts, {s.begin for s in self.spans}, lang)

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
            if text in words.CLAUSE_CUTS and i not in inside:
                cut = _skip(self.tokens, i + 1, words.CLAUSE_JOINERS) in starts
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
        stop, label = self._qualifier(clause, hits, linked)
        spans = [s for s in self.spans if clause.begin <= s.begin and s.end <= stop]
        hits = [h for h in hits if h.begin < stop or h.begin == linked]
        placed = _dated(spans, hits, clause.begin, _inherited(before))
        dateless = _dateless(hits)
        if dateless is not None:
            placed = _absorb(placed, dateless, before if clause.follows_on else ())
        if any(h.cue is Cue.IMMEDIATE for h in hits) and not any(s.kind is Kind.START for _, s in placed):
            first = min(h.begin for h in hits if h.cue is Cue.IMMEDIATE)
            placed.append((first, Schedule(Kind.START, immediate=True)))
        return [s._replace(label=label) for _, s in sorted(placed, key=lambda p: p[0])]

    def _qualifier(self, clause: _Clause, hits: list[_Hit], stop: int) -> tuple[int, str | None]:
        """Where the clause's own words end, and its qualifier ("pour ...") after a date."""
        first_date = next((s.end for s in self.spans if clause.begin <= s.begin < stop), None)
        if first_date is None:
            return stop, None
        qualifier = next((h.begin for h in hits if h.cue is Cue.LABEL and first_date <= h.begin < stop), None)
        if qualifier is None:
            return stop, None
        start, end = self.tokens[qualifier].start, self.tokens[stop - 1].end
        return qualifier, self.text[start:end].strip(" ,;:.") or None

    def why_unreadable(self) -> str:
        """In English, why no schedule could be read."""
        inside = {k for span in self.spans for k in range(span.begin, span.end)}
        loose = [
            t.text
            for k, t in enumerate(self.tokens)
            if t.text in words.MONTHS and t.text not in _NOT_ONLY_MONTHS and k not in inside
        ]
        joined = [
            f"{a.text}{b.text}{c.text}"
            for a, b, c in zip(self.tokens, self.tokens[1:], self.tokens[2:], strict=False)
            if a.kind == c.kind == "num" and b.text in _JOINS and len(a.text) == 4
        ]
        reason = "no date or timing expression recognised"
        if loose:
            reason += f"; the month {loose[0]!r} has no year"
        if joined:
            reason += f"; {joined[0]!r} is a span of years (e.g. a biennium), not a date"
        return reason


_NOT_ONLY_MONTHS = frozenset({"sept", "may"})  # also seven, and a verb


def _inherited(before: Sequence[Schedule]) -> Kind | None:
    """The dated kind a bare date takes in a later clause ("...; novembre 2000 pour ...")."""
    for schedule in reversed(before):
        if schedule.kind in (Kind.START, Kind.DEADLINE, Kind.MILESTONE):
            return schedule.kind
        if schedule.kind is Kind.WINDOW:
            return Kind.DEADLINE
    return None


def _dated(spans: list[_Span], hits: list[_Hit], begin: int, inherited: Kind | None) -> list[_Placed]:
    """One schedule per date; the last timing cue before a date says what it means."""
    placed: list[_Placed] = []
    for n, span in enumerate(spans):
        if span.is_range:
            placed.append((span.begin, Schedule(Kind.WINDOW, start=span.first, due=span.last)))
            continue
        low = spans[n - 1].end if n else begin
        cues = [h.cue for h in hits if low <= h.begin < span.begin and h.cue in _TIMING]
        first_part = any(h.cue is Cue.MILESTONE and h.begin < span.begin for h in hits)
        schedule = _dated_one(span, cues[-1] if cues else None, inherited, first_part)
        placed.append((span.begin, schedule))
    return _windows(placed)


def _dated_one(span: _Span, cue: Cue | None, inherited: Kind | None, first_part: bool) -> Schedule:
    """The schedule of one date, given the timing cue before it (None: no cue)."""
    if cue is None and (span.modifier == "begin" or inherited is Kind.START):
        cue = Cue.START  # "Début 2000"; a bare date after a start clause
    if cue is Cue.START:
        return Schedule(Kind.START, start=span.first)
    due = span.last
    if cue is Cue.BEFORE and span.modifier != "end":  # before March: by the end of February
        due = span.first.add_months(-1)
    if first_part or (cue is None and inherited is Kind.MILESTONE):
        return Schedule(Kind.MILESTONE, due=due)
    return Schedule(Kind.DEADLINE, due=due)


def _windows(placed: list[_Placed]) -> list[_Placed]:
    """A start followed by a later deadline in one clause is a window."""
    merged: list[_Placed] = []
    for where, schedule in placed:
        if merged and schedule.kind is Kind.DEADLINE and merged[-1][1].kind is Kind.START:
            opening = merged[-1][1]
            if opening.start and schedule.due and opening.start <= schedule.due:
                merged[-1] = (merged[-1][0], Schedule(Kind.WINDOW, start=opening.start, due=schedule.due))
                continue
        merged.append((where, schedule))
    return merged


def _dateless(hits: list[_Hit]) -> _Placed | None:
    """The clause's dateless kind: its first such cue leads ("De manière continue par ...
    réunions périodiques" is continuous)."""
    heads = [h for h in hits if h.cue in _DATELESS]
    if not heads:
        return None
    kind = _DATELESS[heads[0].cue]
    every = _stated_period(hits) if kind is Kind.RECURRING else None
    return heads[0].begin, Schedule(kind, every_months=every)


def _stated_period(hits: list[_Hit]) -> int | None:
    """The first stated period; in "X ou au moins Y" the binding one is Y."""
    stated = [h for h in hits if h.cue is Cue.RECURRING and h.months is not None]
    for previous, hit in pairwise(hits):
        if previous.cue is Cue.AT_LEAST and hit in stated:
            return hit.months
    return stated[0].months if stated else None


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

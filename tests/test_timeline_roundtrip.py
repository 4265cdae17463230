"""Properties of issue 15's patterns: each reads back any date in each language, and
text made of date-like words never yields a date that the text does not hold."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from ilotc.model.dates import PlanDate
from ilotc.timeline import LANGUAGES, read_timeline
from ilotc.timeline.en import GRAMMAR as EN
from ilotc.timeline.es import GRAMMAR as ES
from ilotc.timeline.fr import GRAMMAR as FR

FAST = settings(max_examples=150, deadline=None)
NAMES = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
}  # fmt: skip
DAYS = st.dates(min_value=PlanDate(1950, 1).first_day(), max_value=PlanDate(2099, 12).last_day())

# (language, pattern for a day) -> the phrase; every one is a deadline on that day.
DAY_PATTERNS: dict[str, list[Callable[[int, str, int, int], str]]] = {
    "fr": [
        lambda d, name, m, y: f"Au plus tard le {'1er' if d == 1 else d} {name} {y}",
        lambda d, name, m, y: f"Achevé le {d:02d}/{m:02d}/{y}",
        lambda d, name, m, y: f"D'ici le {d} {name} {y}",
    ],
    "en": [
        lambda d, name, m, y: f"By {d} {name} {y}",
        lambda d, name, m, y: f"No later than {name} {d}, {y}",
        lambda d, name, m, y: f"Completed by {y}-{m:02d}-{d:02d}",
    ],
    "es": [
        lambda d, name, m, y: f"A más tardar el {d} de {name} de {y}",
        lambda d, name, m, y: f"Antes del {d} de {name} de {y}",
        lambda d, name, m, y: f"Concluido el {d:02d}/{m:02d}/{y}",
    ],
}
QUARTERS = {"fr": "T{q} {y}", "en": "Q{q} {y}", "es": "{o} trimestre de {y}"}
ES_ORDINALS = ["primer", "segundo", "tercer", "cuarto"]


@FAST
@given(DAYS, st.sampled_from(LANGUAGES), st.data())
def test_every_day_pattern_reads_back_any_day(day, lang: str, data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(DAY_PATTERNS[lang]))
    phrase = pattern(day.day, NAMES[lang][day.month - 1], day.month, day.year)
    reading = read_timeline(phrase, lang)
    assert [(s.kind.value, s.due) for s in reading.schedules] == [("deadline", PlanDate.of(day))], phrase


@FAST
@given(DAYS, DAYS, st.sampled_from(LANGUAGES))
def test_every_range_of_days_reads_back_as_a_window(a, b, lang: str) -> None:
    first, last = sorted((a, b))
    name_a, name_b = NAMES[lang][first.month - 1], NAMES[lang][last.month - 1]
    phrase = {
        "fr": f"Du {first.day} {name_a} {first.year} au {last.day} {name_b} {last.year}",
        "en": f"From {first.day} {name_a} {first.year} to {last.day} {name_b} {last.year}",
        "es": f"Del {first.day} de {name_a} de {first.year} al {last.day} de {name_b} de {last.year}",
    }[lang]
    (schedule,) = read_timeline(phrase, lang).schedules
    assert (schedule.kind.value, schedule.start, schedule.due) == (
        "window",
        PlanDate.of(first),
        PlanDate.of(last),
    )


@FAST
@given(st.integers(1950, 2099), st.integers(1, 4), st.sampled_from(LANGUAGES))
def test_every_quarter_reads_back(year: int, quarter: int, lang: str) -> None:
    phrase = QUARTERS[lang].format(q=quarter, y=year, o=ES_ORDINALS[quarter - 1])
    (schedule,) = read_timeline(phrase, lang).schedules
    assert schedule.due == PlanDate(year, 3 * quarter), phrase


@FAST
@given(st.integers(1950, 2098), st.integers(1, 9), st.sampled_from(LANGUAGES))
def test_every_programme_period_reads_back_as_a_window(year: int, length: int, lang: str) -> None:
    closing = min(year + length, 2099)
    lead = {"fr": "Exercice", "en": "Biennium", "es": "Bienio"}[lang]
    (schedule,) = read_timeline(f"{lead} {year}-{closing}", lang).schedules
    assert (schedule.start, schedule.due) == (PlanDate(year, 1), PlanDate(closing, 12))


WORDS = sorted(
    {w for g in (FR, EN, ES) for w in [*g.months, *g.modifiers, *g.part_codes, *g.weekdays]}
    | {
        "le",
        "de",
        "du",
        "au",
        "a",
        "to",
        "from",
        "entre",
        "et",
        "and",
        "y",
        "el",
        "by",
        "en",
        "-",
        "/",
        ",",
        ".",
    }
    | {"1er", "1st", "session", "reunion", "each", "year", "cada", "año", "trimestre", "semestre"}
)
TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.integers(1, 31).map(str),
    st.integers(1, 12).map(lambda m: f"{m:02d}"),
    st.integers(1950, 2099).map(str),
    st.integers(0, 99).map(lambda n: f"{n:02d}"),
    st.integers(85, 340).map(lambda n: f"{n}e"),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(TOKENS, max_size=12))
def test_date_like_text_never_yields_a_date_it_does_not_hold(words: list[str]) -> None:
    text = " ".join(words)
    reading = read_timeline(text)
    years = {int(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", text)}
    tails = {int(t) for t in re.findall(r"(?<!\d)\d{2}(?!\d)", text)}
    meeting = "session" in text or "reunion" in text
    for schedule in reading.schedules:
        for date in (schedule.start, schedule.due):
            if date is None or meeting:
                continue
            # a year written, or one next to it ("avant 2001" is due in December 2000,
            # "after 31 December 2013" starts 1 January 2014), or a span's "2002-03"
            near = {date.year - 1, date.year, date.year + 1}
            assert near & years or (date.year % 100 in tails and years), (text, schedule)
            if date.day is not None:
                assert str(date.day) in text or f"{date.day:02d}" in text or date.day == 1, (text, schedule)

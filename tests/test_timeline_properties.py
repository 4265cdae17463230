"""Properties of the timeline reader: every dated pattern works for any month and year,
in any spelling, and no text makes it raise."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ilotc.model.dates import PlanDate
from ilotc.timeline import MAX_CHARS, Kind, Schedule, read_timeline

FAST = settings(max_examples=200, deadline=None)
THOROUGH = settings(max_examples=1000, deadline=None)

FRENCH_MONTHS = [
    ["janvier", "janv."], ["février", "févr.", "fév.", "fevrier"], ["mars"], ["avril", "avr."],
    ["mai"], ["juin"], ["juillet", "juil."], ["août", "aout"], ["septembre", "sept."],
    ["octobre", "oct."], ["novembre", "nov."], ["décembre", "déc.", "decembre"],
]  # fmt: skip
ENGLISH_MONTHS = [
    ["January", "Jan", "Jan."], ["February", "Feb"], ["March", "Mar"], ["April", "Apr"],
    ["May"], ["June", "Jun"], ["July", "Jul"], ["August", "Aug"],
    ["September", "Sept.", "Sep", "Sept"], ["October", "Oct"], ["November", "Nov"],
    ["December", "Dec"],
]  # fmt: skip
YEARS = st.integers(min_value=1950, max_value=2099)
MONTHS = st.integers(min_value=1, max_value=12)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# Ways the same phrase may be typed: any case, with or without accents, curly apostrophes.
SPELLINGS: list[Callable[[str], str]] = [
    lambda s: s,
    str.upper,
    str.lower,
    str.title,
    strip_accents,
    lambda s: strip_accents(s).upper(),
    lambda s: s.replace("'", "’"),
    lambda s: s.replace(" ", "\u00a0"),
    lambda s: s.replace(" ", "  "),
]


@st.composite
def month_names(draw: st.DrawFn, table: list[list[str]]) -> tuple[int, str]:
    month = draw(MONTHS)
    return month, draw(st.sampled_from(table[month - 1]))


def spelled(phrase: str, how: Callable[[str], str]) -> str:
    return how(phrase)


def only(phrase: str) -> Schedule:
    schedules = read_timeline(phrase).schedules
    assert len(schedules) == 1, (phrase, schedules)
    return schedules[0]


DEADLINES_FR = ["Achevée en {m} {y}", "Terminé en {m} {y}", "D'ici {m} {y}", "{m} {y}",
                "D'ici à {m} {y}", "Fin {m} {y}"]  # fmt: skip
STARTS_FR = ["Démarrage en {m} {y}", "Début en {m} {y}", "Début {m} {y}", "À partir de {m} {y}",
             "Les activités commenceront en {m} {y}", "Dès {m} {y}"]  # fmt: skip
MILESTONES_FR = ["Premiers résultats en {m} {y}", "Première partie achevée en {m} {y}",
                 "Premières initiatives {m} {y}"]  # fmt: skip
DEADLINES_EN = ["Completed by {m} {y}", "By {m} {y}", "{m} {y}", "No later than {m} {y}"]
STARTS_EN = ["Starting {m} {y}", "Starting in {m} {y}", "From {m} {y}", "Start in {m} {y}"]
MILESTONES_EN = ["First results in {m} {y}", "Initial results by {m} {y}"]


@FAST
@given(month_names(FRENCH_MONTHS), YEARS, st.sampled_from(DEADLINES_FR), st.sampled_from(SPELLINGS))
def test_french_deadline_any_month(
    named: tuple[int, str], year: int, pattern: str, how: Callable[[str], str]
) -> None:
    month, name = named
    phrase = spelled(pattern.format(m=name, y=year), how)
    assert only(phrase) == Schedule(Kind.DEADLINE, due=PlanDate(year, month))


@FAST
@given(month_names(FRENCH_MONTHS), YEARS, st.sampled_from(STARTS_FR), st.sampled_from(SPELLINGS))
def test_french_start_any_month(
    named: tuple[int, str], year: int, pattern: str, how: Callable[[str], str]
) -> None:
    month, name = named
    phrase = spelled(pattern.format(m=name, y=year), how)
    assert only(phrase) == Schedule(Kind.START, start=PlanDate(year, month))


@FAST
@given(month_names(FRENCH_MONTHS), YEARS, st.sampled_from(MILESTONES_FR), st.sampled_from(SPELLINGS))
def test_french_milestone_any_month(
    named: tuple[int, str], year: int, pattern: str, how: Callable[[str], str]
) -> None:
    month, name = named
    phrase = spelled(pattern.format(m=name, y=year), how)
    initiatives = "initiatives" in pattern  # a milestone all the same: only its words differ
    assert only(phrase) == Schedule(Kind.MILESTONE, due=PlanDate(year, month), initiatives=initiatives)


@FAST
@given(month_names(ENGLISH_MONTHS), YEARS, st.sampled_from(DEADLINES_EN), st.sampled_from(SPELLINGS))
def test_english_deadline_any_month(
    named: tuple[int, str], year: int, pattern: str, how: Callable[[str], str]
) -> None:
    month, name = named
    phrase = spelled(pattern.format(m=name, y=year), how)
    assert only(phrase) == Schedule(Kind.DEADLINE, due=PlanDate(year, month))


@FAST
@given(month_names(ENGLISH_MONTHS), YEARS, st.sampled_from(STARTS_EN), st.sampled_from(SPELLINGS))
def test_english_start_any_month(
    named: tuple[int, str], year: int, pattern: str, how: Callable[[str], str]
) -> None:
    month, name = named
    phrase = spelled(pattern.format(m=name, y=year), how)
    assert only(phrase) == Schedule(Kind.START, start=PlanDate(year, month))


@FAST
@given(month_names(ENGLISH_MONTHS), YEARS, st.sampled_from(MILESTONES_EN))
def test_english_milestone_any_month(named: tuple[int, str], year: int, pattern: str) -> None:
    month, name = named
    assert only(pattern.format(m=name, y=year)) == Schedule(Kind.MILESTONE, due=PlanDate(year, month))


YEAR_ENDS = [
    "Fin {y}", "Fin de l'an {y}", "Fin de l'année {y}", "D'ici la fin de l'année {y}",
    "Avant la fin de {y}", "Terminé à la fin de l'an {y}", "By the end of {y}",
    "By end-{y}", "End of {y}", "Achevé en {y}",
]  # fmt: skip


@FAST
@given(YEARS, st.sampled_from(YEAR_ENDS), st.sampled_from(SPELLINGS))
def test_end_of_year(year: int, pattern: str, how: Callable[[str], str]) -> None:
    phrase = spelled(pattern.format(y=year), how)
    found = only(phrase)
    assert found._replace(due_precision=None) == Schedule(Kind.DEADLINE, due=PlanDate(year, 12))
    assert found.due_precision in (None, "year")  # "fin 2000": December; "en 2000": the year


@FAST
@given(YEARS, st.sampled_from(["Début {y}", "Début de l'année {y}", "Early {y}", "From {y}"]))
def test_start_of_year(year: int, pattern: str) -> None:
    found = only(pattern.format(y=year))
    assert found._replace(start_precision=None) == Schedule(Kind.START, start=PlanDate(year, 1))
    # issue 23: "early 2000" is its first quarter, "from 2000" the year: late only after it
    assert found.start_precision == ("year" if pattern.startswith("From") else "quarter")


HALVES = [["Premier", "1er"], ["Deuxième", "Second", "2e"]]
QUARTERS = [["Premier", "1er"], ["Deuxième", "2e"], ["Troisième", "3e"], ["Quatrième", "4e"]]
EN_ORDINALS = ["first", "second", "third", "fourth"]


@FAST
@given(st.data(), YEARS, st.sampled_from(SPELLINGS))
def test_year_parts(data: st.DataObject, year: int, how: Callable[[str], str]) -> None:
    half = data.draw(st.integers(1, 2))
    quarter = data.draw(st.integers(1, 4))
    phrases = {
        f"{data.draw(st.sampled_from(HALVES[half - 1]))} semestre {year}": 6 * half,
        f"{EN_ORDINALS[half - 1]} half of {year}": 6 * half,
        f"{data.draw(st.sampled_from(QUARTERS[quarter - 1]))} trimestre {year}": 3 * quarter,
        f"{EN_ORDINALS[quarter - 1]} quarter of {year}": 3 * quarter,
        f"Q{quarter} {year}": 3 * quarter,
    }
    for phrase, month in phrases.items():
        found = only(how(phrase))
        assert found._replace(due_precision=None) == Schedule(Kind.DEADLINE, due=PlanDate(year, month))
        assert found.due_precision == (
            "quarter" if "semestre" not in phrase and "half" not in phrase else None
        )
    milestone = how(f"Premières initiatives premier semestre {year}")
    assert only(milestone) == Schedule(Kind.MILESTONE, due=PlanDate(year, 6), initiatives=True)


@FAST
@given(
    month_names(FRENCH_MONTHS),
    st.integers(1950, 2095),  # the end year may be up to 4 years later, and 2099 at most
    month_names(FRENCH_MONTHS),
    st.integers(0, 3),
)
def test_windows(opening: tuple[int, str], year: int, closing: tuple[int, str], extra: int) -> None:
    (m1, n1), (m2, n2) = opening, closing
    end_year = year + extra + (m2 < m1)
    phrase = f"Démarrer en {n1} {year} et se terminer en {n2} {end_year}"
    assert only(phrase) == Schedule(Kind.WINDOW, start=PlanDate(year, m1), due=PlanDate(end_year, m2))


@FAST
@given(month_names(FRENCH_MONTHS), YEARS, month_names(FRENCH_MONTHS), YEARS)
def test_compound_starts(first: tuple[int, str], y1: int, second: tuple[int, str], y2: int) -> None:
    phrase = f"Démarrage en {first[1]} {y1} pour les uns; {second[1]} {y2} pour les autres"
    assert read_timeline(phrase).schedules == (
        Schedule(Kind.START, start=PlanDate(y1, first[0]), label="pour les uns"),
        Schedule(Kind.START, start=PlanDate(y2, second[0]), label="pour les autres"),
    )


# Each language counts with its own words: (French, English, Spanish).
NUMBER_WORDS = {
    2: ("deux", "two", "dos"), 3: ("trois", "three", "tres"), 4: ("quatre", "four", "cuatro"),
    5: ("cinq", "five", "cinco"), 6: ("six", "six", "seis"), 12: ("douze", "twelve", "doce"),
}  # fmt: skip


@FAST
@given(st.integers(1, 99), st.sampled_from(["ans", "mois", "years", "months"]))
def test_every_n_units(count: int, unit: str) -> None:
    months = count * (12 if unit in ("ans", "years") else 1)
    lead = "Tous les" if unit in ("ans", "mois") else "Every"
    assert only(f"{lead} {count} {unit}") == Schedule(Kind.RECURRING, every_months=months)


@FAST
@given(st.sampled_from(sorted(NUMBER_WORDS)))
def test_every_n_units_in_words(count: int) -> None:
    french, english, spanish = NUMBER_WORDS[count]
    assert only(f"Tous les {french} ans").every_months == 12 * count
    assert only(f"Every {english} months").every_months == count
    assert only(f"Cada {spanish} meses").every_months == count


@FAST
@given(st.integers(1800, 1899) | st.integers(2100, 9999), month_names(FRENCH_MONTHS))
def test_implausible_years_are_not_dates(year: int, named: tuple[int, str]) -> None:
    reading = read_timeline(f"Achevée en {named[1]} {year}")
    assert reading.schedules == (Schedule(Kind.UNSPECIFIED),)
    assert reading.reason


@FAST
@given(YEARS, st.integers(0, 99))
def test_biennium_ranges_are_windows_or_unread(year: int, tail: int) -> None:
    reading = read_timeline(f"Pour le programme et budget {year}-{tail:02d}")
    closing = year - year % 100 + tail + (100 if tail <= year % 100 else 0)
    if 0 < closing - year <= 10 and closing <= 2099:
        assert [s.to_json() for s in reading.schedules] == [
            {
                "kind": "window",
                "start": f"{year}-01",
                "due": f"{closing}-12",
                "every_months": None,
                "immediate": False,
                "start_precision": "year",
                "due_precision": "year",
            }
        ]
    else:
        assert not reading.readable and reading.reason


@FAST
@given(st.text())
def test_any_text_reads_without_raising(text: str) -> None:
    reading = read_timeline(text)
    assert len(reading.schedules) >= 1
    assert reading.readable or reading.reason
    json.dumps(reading.to_json(), ensure_ascii=False)
    for schedule in reading.schedules:
        assert isinstance(schedule.describe(), str)


FIGURES = (
    st.integers(0, 99).map(str)
    | st.integers(0, 99).map("{:02d}".format)
    | st.integers(0, 9999).map("{:04d}".format)
)
WORDS = st.sampled_from(["mars", "March", "de junio de", "fin", "mid", "T3", "Q4", "1er", "au", "to"])
SEPARATORS = st.sampled_from(["/", "-", ".", " "])
DATE_LIKE = st.tuples(
    FIGURES | WORDS, SEPARATORS, FIGURES | WORDS, SEPARATORS, FIGURES, st.sampled_from(["", " au 2001"])
).map("".join)
"""Figures, separators and month words in any order: year 0, day 32, month 13..."""


@THOROUGH
@given(DATE_LIKE)
@example("07/0000")
@example("01/01/0000")
@example("du 15 au janvier 2001")
@example("1-1/2001")
def test_date_shaped_text_reads_without_raising(text: str) -> None:
    reading = read_timeline(text)
    assert reading.readable or reading.reason
    for schedule in reading.schedules:
        assert isinstance(schedule.describe(), str)


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=MAX_CHARS, max_size=3 * MAX_CHARS))
def test_long_text_is_bounded(text: str) -> None:
    reading = read_timeline(text)
    assert len(reading.schedules) >= 1
    assert reading.text == text
    if len(text) > MAX_CHARS:
        assert reading.reason is not None and str(MAX_CHARS) in reading.reason


def test_control_characters_and_lone_surrogates() -> None:
    phrase = "Achevée\x00en\u200bavril\ud800 2000\x1b[31m\u2028"
    reading = read_timeline(phrase)
    assert reading.schedules == (Schedule(Kind.DEADLINE, due=PlanDate(2000, 4)),)
    assert read_timeline("\ud800" * 10_000).schedules == (Schedule(Kind.UNSPECIFIED),)


YEAR_LISTS = {
    "fr": ("pour les années {listed} et {last}", ", "),
    "en": ("for the years {listed} and {last}", ", "),
    "es": ("para los años {listed} y {last}", ", "),
}


@FAST
@given(
    st.integers(1950, 2090),
    st.integers(1, 4),
    st.sampled_from(sorted(YEAR_LISTS)),
    st.sampled_from(SPELLINGS),
)
def test_a_list_of_years_is_one_window_from_the_first_to_the_last(
    first: int, more: int, lang: str, how: Callable[[str], str]
) -> None:
    pattern, comma = YEAR_LISTS[lang]
    years = [str(first + n) for n in range(more + 1)]
    phrase = spelled(pattern.format(listed=comma.join(years[:-1]), last=years[-1]), how)
    reading = read_timeline(phrase, lang)
    assert reading.schedules == (
        Schedule(
            Kind.WINDOW,
            start=PlanDate(first, 1),
            due=PlanDate(first + more, 12),
            start_precision="year",
            due_precision="year",
        ),
    ), phrase

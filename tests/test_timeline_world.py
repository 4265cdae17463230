"""Timelines as other plans write them (issue 15): days, Spanish, quarters, biennia,
ranges, recurring fixed dates, ILO meetings, and never a silent misread."""

from __future__ import annotations

import datetime as dt

import pytest

from ilotc.model.dates import PlanDate
from ilotc.model.lateness import lateness
from ilotc.model.plan import Action
from ilotc.model.vocab import Status
from ilotc.timeline import read_timeline
from ilotc.timeline.meetings import conference, governing_body

Row = tuple[str, str | None, str | None, int | None]


def rows(phrase: str, lang: str | None = None) -> list[Row]:
    reading = read_timeline(phrase, lang)
    return [
        (
            s.kind.value,
            None if s.start is None else str(s.start),
            None if s.due is None else str(s.due),
            s.every_months,
        )
        for s in reading.schedules
    ]


def due(when: str) -> list[Row]:
    return [("deadline", None, when, None)]


def window(begin: str, end: str) -> list[Row]:
    return [("window", begin, end, None)]


UNSPECIFIED = [("unspecified", None, None, None)]

CASES: list[tuple[str, list[Row]]] = [
    # Explicit days, in each language.
    ("au plus tard le 15 mars 2001", due("2001-03-15")),
    ("Achevé le 1er janvier 2002", due("2002-01-01")),
    ("by 31 December 2020", due("2020-12-31")),
    ("on or about March 31, 2005", due("2005-03-31")),
    ("on or about September 30, 2004", due("2004-09-30")),
    ("until June 27, 2022", due("2022-06-27")),
    ("by the 1st of May 2003", due("2003-05-01")),
    ("antes del 30 de junio de 2021", due("2021-06-30")),
    ("a más tardar el 1.º de julio de 2019", due("2019-07-01")),
    # Numeric dates: day first in French and Spanish, ISO anywhere, month/year.
    ("16/02/2018", due("2018-02-16")),
    ("Terminé le 03/04/2020", due("2020-04-03")),
    ("Completed by 2020-03-15", due("2020-03-15")),
    ("07/2018", due("2018-07")),
    ("Diciembre/2019", due("2019-12")),
    ("Completed by 16/02/2018", due("2018-02-16")),  # 16 can only be the day
    ("Completed by 02/16/2018", due("2018-02-16")),  # and here too
    # Quarters and halves, every abbreviation.
    ("T3 2021", due("2021-09")),
    ("Q2 2022", due("2022-06")),
    ("H1 2022", due("2022-06")),
    ("1er trim. 2001", due("2001-03")),
    ("segundo trimestre de 2022", due("2022-06")),
    ("primer semestre de 2021", due("2021-06")),
    # Biennia and programme periods are windows.
    ("pour l'exercice biennal 2002-03", window("2002-01", "2003-12")),
    ("période biennale 2004-05", window("2004-01", "2005-12")),
    ("bienio 2020-2021", window("2020-01", "2021-12")),
    ("2010-15", window("2010-01", "2015-12")),
    ("Phase II (2012-2013)", window("2012-01", "2013-12")),
    # Ranges with months or days.
    ("de janvier à juin 2000", window("2000-01", "2000-06")),
    ("November 2017 - March 2018", window("2017-11", "2018-03")),
    ("17 August → 02 October 2020", window("2020-08-17", "2020-10-02")),
    ("entre marzo y junio de 2021", window("2021-03", "2021-06")),
    ("entre le 1er janvier 2024 et le 31 décembre 2024", window("2024-01-01", "2024-12-31")),
    ("du mardi 13 au jeudi 15 novembre 2007", window("2007-11-13", "2007-11-15")),
    # Mid-year names a month honestly; a season does not.
    ("a mediados de 2021", due("2021-06")),
    ("mid-2021", due("2021-06")),
    ("printemps 2021", UNSPECIFIED),
    ("in the summer of 2021", UNSPECIFIED),
    # Recurring with fixed dates.
    ("by 1 May each year", [("recurring", None, None, 12)]),
    # issue 23: two dates fixed in the year, each recurring yearly on its own day (anchors 02-15, 07-15)
    (
        "not later than February 15 and July 15 in each calendar year",
        [("recurring", None, None, 12), ("recurring", None, None, 12)],
    ),
    ("Diciembre de cada año", [("recurring", None, None, 12)]),
    ("cada dos años", [("recurring", None, None, 24)]),
    ("dos veces al año", [("recurring", None, None, 6)]),
    ("anual", [("recurring", None, None, 12)]),
    # ILO meetings by session number or month.
    ("à sa 98e session (juin 2009)", due("2009-06")),
    ("279e session du Conseil d'administration", due("2000-11")),
    ("the 104th Session (2015) of the Conference", due("2015-06")),
    ("en su 332.ª reunión", due("2018-03")),
    # Spanish, as complete as French.
    ("a partir de enero de 2022", [("start", "2022-01", None, None)]),
    ("a más tardar en junio de 2021", due("2021-06")),
    ("antes de marzo de 2021", due("2021-02")),
    ("de manera continua", [("continuous", None, None, None)]),
    ("en curso", [("ongoing", None, None, None)]),
    ("según sea necesario", [("as_needed", None, None, None)]),
    ("cada año", [("recurring", None, None, 12)]),
    # Before and after a day or a month.
    ("avant le 15 mars 2001", due("2001-03-15")),
    ("after 31 December 2013", [("start", "2014-01-01", None, None)]),
    ("after March 2001", [("start", "2001-04", None, None)]),
    # The whole of a period, worked through: a window over it.
    ("throughout 2026", window("2026-01", "2026-12")),
    ("tout au long de l'année 2026", window("2026-01", "2026-12")),
    ("a lo largo de 2026", window("2026-01", "2026-12")),
    ("throughout the first half of 2026", window("2026-01", "2026-06")),
    # Bullets and multi-clause cells: one schedule per dated clause, in order.
    ("- Juin 2015 : rapport", due("2015-06")),
    ("Mars 2016 : atelier; Juin 2016 : rapport final", due("2016-03") + due("2016-06")),
]


@pytest.mark.parametrize(("phrase", "expected"), CASES, ids=[c[0] for c in CASES])
def test_phrase_reads_as_written(phrase: str, expected: list[Row]) -> None:
    assert rows(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ("six mois après l'adoption", "relative to an event"),
        ("within 12 months of approval", "relative to an event"),
        ("dentro de los seis meses siguientes a la aprobación", "relative to an event"),
        ("dans l'année suivant son approbation", "relative to an event"),
        ("le 1er janvier", "'janvier' has no year"),
        ("Completed by 03/04/2020", "cannot be told apart"),
        ("3/01/22", "two-digit year"),
        ("le 31 février 2001", "does not exist"),
        # A day that no month has is never rounded to the month it names.
        ("le 32 mars 2001", "day 32 does not exist"),
        ("au plus tard le 99 mars 2001", "day 99 does not exist"),
        ("by 32 March 2021", "day 32 does not exist"),
        ("by 0 March 2021", "day 0 does not exist"),
        ("antes del 32 de junio de 2021", "day 32 does not exist"),
        # Year 0 is no year: the numeric date is unread, never an error.
        ("01/01/0000", "0000-01-01 is not a real day"),
        ("31/12/0000", "0000-12-31 is not a real day"),
        ("31.12.0000", "0000-12-31 is not a real day"),
        ("avant le 01/0000", "01/0000 is not a real month"),
        ("printemps 2021", "season"),
        ("Achevé le 15 mars, en 2001", "has no year"),
        ("du 2 au 17 novembre", "has no year"),
        ("390e session", "not in the table"),
    ],
)
def test_never_a_silent_misread(phrase: str, reason: str) -> None:
    reading = read_timeline(phrase)
    assert not reading.readable
    assert reading.reason is not None and reason in reading.reason


def test_an_ambiguous_numeric_date_reads_where_the_convention_is_stated() -> None:
    assert rows("Completed by 03/04/2020") == UNSPECIFIED
    assert read_timeline("Completed by 03/04/2020", day_first=True).schedules[0].due == PlanDate(2020, 4, 3)
    assert read_timeline("Completed by 03/04/2020", day_first=False).schedules[0].due == PlanDate(2020, 3, 4)


@pytest.mark.parametrize(
    ("phrase", "lang"),
    [
        ("A más tardar en junio de 2021", "es"),
        ("Diciembre de cada año", "es"),
        ("De manera continua", "es"),
        ("Según sea necesario", "es"),
        ("Achevée en avril 2000", "fr"),
        ("Selon les besoins", "fr"),
        ("Completed by April 2000", "en"),
        ("As needed", "en"),
    ],
)
def test_language_is_detected_among_three(phrase: str, lang: str) -> None:
    assert read_timeline(phrase).lang == lang


def test_meeting_table_matches_the_sessions_documents() -> None:
    # dates stated by the sessions' own documents (see meetings.py)
    assert governing_body(276) == PlanDate(1999, 11)
    assert governing_body(277) == PlanDate(2000, 3)
    assert governing_body(312) == PlanDate(2011, 11)
    assert governing_body(316) == PlanDate(2012, 11)
    assert governing_body(317) == PlanDate(2013, 3)
    assert governing_body(326) == PlanDate(2016, 3)
    assert governing_body(332) == PlanDate(2018, 3)
    assert conference(88) == PlanDate(2000, 6)
    assert conference(96) == PlanDate(2007, 6)
    assert conference(98) == PlanDate(2009, 6)
    assert conference(107) == PlanDate(2018, 6)
    assert governing_body(400) is None and conference(200) is None


def test_a_due_day_is_late_from_the_next_day() -> None:
    phrase = "au plus tard le 15 mars 2001"
    reading = read_timeline(phrase)
    action = Action(
        id="I.1.1", part="I", section="1", section_number="1", text="t", timeline=phrase,
        reading=reading, schedules=reading.schedules, explicit_schedules=False,
        initial_status=Status.PLANNED, history=(), partners=(), note=None, part_title="I",
        section_title="1", issue_title=None, group_title=None, context=None, order=0,
    )  # fmt: skip
    plan_date = dt.date(2000, 1, 1)
    assert lateness(action, dt.date(2001, 3, 15), plan_date) is None
    late = lateness(action, dt.date(2001, 3, 16), plan_date)
    assert late is not None and late.late_since == dt.date(2001, 3, 16) and late.days_late == 1


def test_json_dates_keep_the_day() -> None:
    (schedule,) = read_timeline("by 31 December 2020").schedules
    assert schedule.to_json()["due"] == "2020-12-31"

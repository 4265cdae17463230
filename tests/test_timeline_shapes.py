"""Shapes of dates from real plans (issue 23): horizons, long spans, yearly ranges, days that
do not exist, abbreviated months. Each reads as a careful reader would, or is unspecified."""

import pytest

from ilotc.timeline import read_timeline


def _rows(
    phrase: str, lang: str | None = None
) -> list[tuple[str, str | None, str | None, int | None, str | None]]:
    return [
        (str(s.kind), s.start and str(s.start), s.due and str(s.due), s.every_months, s.anchor)
        for s in read_timeline(phrase, lang).schedules
    ]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("d'ici l'horizon 2035", [("deadline", None, "2035-12", None, None)]),
        ("à l'horizon 2035", [("deadline", None, "2035-12", None, None)]),
        ("con horizonte 2040", [("deadline", None, "2040-12", None, None)]),
        ("2005-2025", [("window", "2005-01", "2025-12", None, None)]),  # a span at any length
        ("from April to September each year", [("recurring", None, None, 12, "09")]),
        ("de janvier à mars de chaque année", [("recurring", None, None, 12, "03")]),
        ("by 1 May each year", [("recurring", None, None, 12, "05-01")]),
        # "X voire Y", "X or even Y", "X o incluso Y": one deadline, the later
        ("en 2023 voire en 2024", [("deadline", None, "2024-12", None, None)]),
        ("by 2023 or even 2024", [("deadline", None, "2024-12", None, None)]),
        ("en 2023 o incluso 2024", [("deadline", None, "2024-12", None, None)]),
        # a list of years is one window, from the first to the last
        ("2018, 2019 and 2020", [("window", "2018-01", "2020-12", None, None)]),
        ("pour les années 2018, 2019 et 2020", [("window", "2018-01", "2020-12", None, None)]),
        ("for the years 2018, 2019 and 2020", [("window", "2018-01", "2020-12", None, None)]),
        ("para los años 2018, 2019 y 2020", [("window", "2018-01", "2020-12", None, None)]),
        ("les années 2018 et 2019", [("window", "2018-01", "2019-12", None, None)]),
        ("en 2019 y 2020", [("window", "2019-01", "2020-12", None, None)]),
        ("between 1 March 2021 and 1 March 2022", [("window", "2021-03-01", "2022-03-01", None, None)]),
        ("el 31 de enero de cada año", [("recurring", None, None, 12, "01-31")]),
        (
            "February 15 and July 15 in each calendar year",
            [("recurring", None, None, 12, "02-15"), ("recurring", None, None, 12, "07-15")],
        ),
    ],
)
def test_reads_as_written(phrase: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "lang", "due"),
    [
        ("Jan 2020", "en", "2020-01"),
        ("Jan. 2020", "en", "2020-01"),
        ("Sept 2020", "en", "2020-09"),
        ("Sep. 2020", "en", "2020-09"),
        ("févr. 2020", "fr", "2020-02"),
        ("janv. 2020", "fr", "2020-01"),
        ("sept. 2020", "fr", "2020-09"),
        ("ene. 2020", "es", "2020-01"),
        ("sept. 2020", "es", "2020-09"),
        ("dic. 2020", "es", "2020-12"),
    ],
)
def test_abbreviated_months_read_in_every_language(phrase: str, lang: str, due: str) -> None:
    assert _rows(phrase, lang) == [("deadline", None, due, None, None)]


@pytest.mark.parametrize("phrase", ["Feb 30, 2019", "30 février 2019", "30 de febrero de 2019"])
def test_a_day_that_does_not_exist_is_unspecified_never_a_coarser_period(phrase: str) -> None:
    reading = read_timeline(phrase)
    assert not reading.readable
    assert reading.reason is not None and "does not exist" in reading.reason


@pytest.mark.parametrize(
    "phrase",
    [
        "pour les années 2018, 2019 et 2020",
        "for the years 2018, 2019 and 2020",
        "For the years 2018, 2019, and 2020",
        "para los años 2018, 2019 y 2020",
    ],
)
def test_a_list_of_years_after_the_word_years_is_one_window_of_whole_years(phrase: str) -> None:
    (window,) = read_timeline(phrase).schedules
    assert (window.start_precision, window.due_precision) == ("year", "year")
    assert read_timeline(phrase).reason is None


@pytest.mark.parametrize(("phrase", "lang"), [("les années 2020", "fr"), ("the years 2020", "en")])
def test_years_then_one_year_is_no_list_and_gives_no_date(phrase: str, lang: str) -> None:
    # "les années 2020" are the 2020s: no list follows, so no single year is read from it
    assert _rows(phrase, lang) == [("unspecified", None, None, None, None)]

"""Every number and month word of a phrase is accounted for (CONTRACT "Dates and 'as of'")."""

import pytest

from ilotc.timeline import read_timeline


@pytest.mark.parametrize(
    ("phrase", "lang", "word"),
    [
        ("Jun 30, 2019", "fr", "'30'"),  # French has no "Jun": never the year 2019 alone
        ("Achevée en 2019 sauf 12", "fr", "'12'"),
    ],
)
def test_a_number_or_month_left_unread_is_unspecified(phrase: str, lang: str, word: str) -> None:
    reading = read_timeline(phrase, lang)
    assert not reading.readable
    assert reading.reason is not None and f"{word} was not read" in reading.reason


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Jun 30, 2019", "2019-06-30"),  # detected: French cannot account for "Jun" and "30"
        ("Achevé en mai 2001 pour la phase 1", "2001-05"),  # a label's number is its words
        ("no later than 5:00 pm, on Thursday, July 4, 2019 EST", "2019-07-04"),  # a time of day
        ("Ratification de la Convention no 182 d'ici 2001", "2001-12"),  # a reference
    ],
)
def test_numbers_that_are_not_dates_are_accounted_for(phrase: str, due: str) -> None:
    reading = read_timeline(phrase)
    assert reading.readable, reading.reason
    assert str(reading.schedules[0].due) == due

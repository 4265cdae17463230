"""Dates in prose are CLDR's, as Babel writes them, without importing Babel at run time."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from babel.dates import format_date, format_skeleton

from ilotc import i18n

ROOT = Path(__file__).resolve().parent.parent
DAYS = [dt.date(2000, 1, 1) + dt.timedelta(days=n) for n in range(0, 3 * 366, 7)] + [
    dt.date(1, 1, 1),
    dt.date(999, 12, 31),
    dt.date(9999, 12, 31),
]


@pytest.fixture(params=i18n.LANGUAGES)
def lang(request: pytest.FixtureRequest):
    before = i18n.chosen()
    i18n.use(request.param)
    yield str(request.param)
    i18n.use(before)


CLDR_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es"}  # the ILO writes British English


def _ilo(text: str, lang: str, day: dt.date) -> str:
    """Babel's date as the ILO writes it: "1er" in French, no-break spaces between words."""
    if lang == "fr" and day.day == 1:
        text = "1er" + text[1:]
    return text.replace(" ", "\u00a0")


def test_long_dates_are_babels(lang: str) -> None:
    assert i18n.language() == lang
    for day in DAYS:
        expected = format_date(day, "long", locale=CLDR_LOCALES[lang])
        assert i18n.long_date(day) == _ilo(expected, lang, day)


@pytest.mark.parametrize(
    ("lang", "day", "expected"),
    [
        ("en", dt.date(2000, 6, 1), "1 June 2000"),
        ("fr", dt.date(2000, 6, 1), "1er juin 2000"),
        ("fr", dt.date(2000, 10, 2), "2 octobre 2000"),
        ("es", dt.date(2000, 6, 1), "1 de junio de 2000"),
    ],
)
def test_dates_read_as_the_ilo_writes_them(lang: str, day: dt.date, expected: str) -> None:
    before = i18n.chosen()
    i18n.use(lang)
    try:
        written = i18n.long_date(day)
    finally:
        i18n.use(before)
    assert written == expected.replace(" ", "\u00a0")
    assert " " not in written  # a line never breaks inside a date


def test_months_are_babels(lang: str) -> None:
    for year in (2000, 2026):
        for month in range(1, 13):
            expected = format_skeleton("yMMMM", dt.date(year, month, 1), locale=CLDR_LOCALES[lang])
            assert i18n.month_year(year, month) == expected.replace(" ", "\u00a0")


def test_the_generated_module_is_current() -> None:
    script = ROOT / "scripts" / "cldr_dates.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], check=False, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_a_date_in_prose_imports_no_babel() -> None:
    code = (
        "import sys, datetime; from ilotc import i18n; i18n.long_date(datetime.date(2000, 6, 1)); "
        "i18n.month_year(2000, 6); print('babel' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

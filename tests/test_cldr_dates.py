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


def test_long_dates_are_babels(lang: str) -> None:
    assert i18n.language() == lang
    for day in DAYS:
        assert i18n.long_date(day) == format_date(day, "long", locale=lang)


def test_months_are_babels(lang: str) -> None:
    for year in (2000, 2026):
        for month in range(1, 13):
            expected = format_skeleton("yMMMM", dt.date(year, month, 1), locale=lang)
            assert i18n.month_year(year, month) == expected


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

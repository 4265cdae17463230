"""The interface language: how it is chosen, its messages, and dates in prose."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from ilotc import i18n
from ilotc.model.dates import PlanDate
from ilotc.model.schedule import Schedule
from ilotc.model.vocab import Kind
from ilotc.timeline import read_timeline

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        ("fr", {"ILOTC_LANG": "es", "LANG": "en_US.UTF-8"}, "fr"),
        (None, {"ILOTC_LANG": "es", "LANG": "fr_FR.UTF-8"}, "es"),
        (None, {"ILOTC_LANG": "fr_CA"}, "fr"),
        (None, {"LANG": "fr_FR.UTF-8"}, "fr"),
        (None, {"LANG": "es_ES@euro"}, "es"),
        (None, {"LANGUAGE": "es:fr", "LANG": "fr_FR.UTF-8"}, "es"),
        (None, {"LANGUAGE": "de:fr"}, "fr"),
        (None, {"LC_ALL": "es_MX.UTF-8", "LANG": "fr_FR.UTF-8"}, "es"),
        (None, {"LC_MESSAGES": "fr_BE", "LANG": "es_ES"}, "fr"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        (None, {"LANGUAGE": "", "LANG": "fr_FR"}, "fr"),
    ],
)
def test_language_is_the_option_then_ilotc_lang_then_gettext_variables(
    option: str | None, environ: dict[str, str], expected: str
) -> None:
    assert i18n.resolve(option, environ) == expected


@pytest.mark.parametrize(
    ("option", "environ", "origin"), [("de", {}, "--lang"), (None, {"ILOTC_LANG": "xx"}, "ILOTC_LANG")]
)
def test_a_language_chosen_on_purpose_must_be_known(
    option: str | None, environ: dict[str, str], origin: str
) -> None:
    with pytest.raises(i18n.UnknownLanguageError) as caught:
        i18n.resolve(option, environ)
    assert caught.value.origin == origin


@pytest.mark.parametrize(
    ("lang", "day", "end", "month"),
    [
        ("en", "1 June 2000", "30 June 2000", "June 2000"),
        ("fr", "1er juin 2000", "30 juin 2000", "juin 2000"),
        ("es", "1 de junio de 2000", "30 de junio de 2000", "junio de 2000"),
    ],
)
def test_dates_in_prose_are_the_ilos_long_forms(lang: str, day: str, end: str, month: str) -> None:
    i18n.use(lang)
    nbsp = "\u00a0"  # no line ever breaks inside a date
    assert i18n.long_date(dt.date(2000, 6, 1)) == day.replace(" ", nbsp)
    assert PlanDate(2000, 6).describe() == month.replace(" ", nbsp)
    assert PlanDate(2000, 6).describe(end=True) == end.replace(" ", nbsp)


def test_month_names_come_from_cldr() -> None:
    i18n.use("fr")
    assert i18n.month_names()[0] == "janvier"
    i18n.use("es")
    assert i18n.month_names("narrow")[5] == "J"


@pytest.mark.parametrize(
    ("lang", "phrase", "expected"),
    [
        ("en", "Achevée en avril 2000", f"deadline: by 30{NBSP}April{NBSP}2000"),
        ("fr", "Achevée en avril 2000", f"échéance{NBSP}: au plus tard le 30{NBSP}avril{NBSP}2000"),
        ("es", "Achevée en avril 2000", f"plazo: a más tardar el 30{NBSP}de{NBSP}abril{NBSP}de{NBSP}2000"),
        ("fr", "Démarrage en janvier 2000", f"démarrage{NBSP}: en janvier{NBSP}2000"),
        ("es", "Démarrage en janvier 2000", f"inicio: en enero{NBSP}de{NBSP}2000"),
        ("fr", "Tous les deux ans", f"périodique{NBSP}: tous les 24 mois"),
        ("es", "Tous les mois", "periódico: cada mes"),
        ("fr", "De manière continue", "continu"),
        (
            "fr",
            "démarrer en janvier 2000 et se terminer à la fin de l'année 2000",
            f"période{NBSP}: de janvier{NBSP}2000 au 31{NBSP}décembre{NBSP}2000",
        ),
    ],
)
def test_a_reading_in_words_speaks_the_interface_language(lang: str, phrase: str, expected: str) -> None:
    i18n.use(lang)
    assert read_timeline(phrase).schedules[0].describe() == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", f"start: in 15{NBSP}March{NBSP}2001"),
        ("fr", f"démarrage{NBSP}: le 15{NBSP}mars{NBSP}2001"),
        ("es", f"inicio: el 15{NBSP}de{NBSP}marzo{NBSP}de{NBSP}2001"),
    ],
)
def test_a_start_on_a_day_is_said_as_a_day(lang: str, expected: str) -> None:
    i18n.use(lang)
    assert Schedule(Kind.START, start=PlanDate(2001, 3, 15)).describe() == expected


def test_the_plan_language_is_not_the_interface_language() -> None:
    i18n.use("fr")
    reading = read_timeline("Completed by April 2000")
    assert reading.lang == "en"
    assert reading.schedules[0].describe() == f"échéance{NBSP}: au plus tard le 30{NBSP}avril{NBSP}2000"


def test_plural_forms_follow_the_language() -> None:
    i18n.use("fr")
    assert i18n.ngettext("{count} error", "{count} errors", 1) == "{count} erreur"
    assert i18n.ngettext("{count} error", "{count} errors", 2) == "{count} erreurs"
    i18n.use("en")
    assert i18n.ngettext("{count} error", "{count} errors", 0) == "{count} errors"


def test_english_reads_no_catalog_and_no_cldr_data_to_list_actions() -> None:
    """The start-up cost of languages: `list` in English imports no Babel, reads no catalog."""
    code = (
        "import sys\n"
        "from ilotc.cli.main import app\n"
        "from ilotc import i18n\n"
        "try:\n"
        "    app(['list', '--part', 'II'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'), sorted(i18n._catalogs))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"ILOTC_LANG": "en", "PATH": ""},
    )
    assert result.stdout.splitlines()[-1] == "[] []"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "no action 'X.9'"), ("fr", "aucune action «\u00a0X.9\u00a0» dans le plan"), ("es", "«X.9»")],
)
def test_a_quoted_value_takes_the_languages_quotation_marks(lang: str, expected: str) -> None:
    i18n.use(lang)
    try:
        text = i18n._("no action {ref!r} in the plan").format(ref="X.9")
        assert expected in text
        assert "\n" not in i18n._("no action {ref!r} in the plan").format(ref="X\n9")
    finally:
        i18n.use(None)

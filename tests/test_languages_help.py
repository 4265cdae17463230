"""The help of every command in French and Spanish, Click's own words included: the usage
line, metavariables, date masks, and the defaults and ranges Click adds to an option."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from ilotc.cli.commands import COMMANDS
from ilotc.cli.main import app

NBSP = "\u00a0"
# English that Click, Typer or ilotc's own help would leave in a translated help.
ENGLISH = {
    "fr": r"Usage|\bCOMMAND\b|\[ARGS\]|\bFILE\b|\bPATH\b|\bTEXT\b|\bDAYS\b|\bKIND\b|\bOLD\b|\bNEW\b"
    r"|<str>|<path>|<int|<kind>|YYYY|-DD\b|<=|>=|\bdefault\b|\brequired\b|la locale|l’extra",
    "es": r"Usage|\bCOMMAND\b|\[ARGS\]|OPTIONS|\bFILE\b|\bPATH\b|\bTEXT\b|\bDATE\b|\bDAYS\b|\bKIND\b"
    r"|\bOLD\b|\bNEW\b|<str>|<path>|<int|<kind>|YYYY|<=|>=|\bdefault\b|\brequired\b|el extra",
}
EVERY_HELP = [["--help"], *([name, "--help"] for name in COMMANDS)]


def _help(runner: CliRunner, lang: str, args: list[str]) -> str:
    result = runner.invoke(app, ["--lang", lang, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _flat(text: str) -> str:
    """`text` on one line, its no-break spaces kept (`str.split` would take them too)."""
    return re.sub(r"[ \n]+", " ", text)


@pytest.mark.parametrize("lang", ["fr", "es"])
@pytest.mark.parametrize("args", EVERY_HELP, ids=" ".join)
def test_no_english_word_is_left_in_the_help(runner: CliRunner, lang: str, args: list[str]) -> None:
    text = _help(runner, lang, args)
    assert re.findall(ENGLISH[lang], text) == [], text


def test_the_usage_lines_are_the_languages_own(runner: CliRunner) -> None:
    assert _help(runner, "fr", ["--help"]).startswith(
        f"Utilisation{NBSP}: ilotc [OPTIONS] COMMANDE [ARGUMENTS]...\n"
    )
    assert _help(runner, "es", ["--help"]).startswith("Uso: ilotc [OPCIONES] COMANDO [ARGUMENTOS]...\n")
    assert _help(runner, "fr", ["diff", "--help"]).startswith(
        f"Utilisation{NBSP}: ilotc diff [OPTIONS] {{ANCIENNE}} {{NOUVELLE}}\n"
    )
    validate = _help(runner, "es", ["validate", "--help"])
    assert validate.startswith("Uso: ilotc validate [OPCIONES] [RUTA...]\n")


@pytest.mark.parametrize(
    ("lang", "option", "metavar", "mask"),
    [
        ("fr", "--as-of", "DATE", "AAAA-MM"),
        ("fr", "--due-before", "DATE", "(AAAA-MM[-JJ])"),
        ("fr", "--output", "FICHIER", "FICHIER"),
        ("fr", "--plan", "CHEMIN", "CHEMIN"),
        ("fr", "--search", "TEXTE", "TEXTE"),
        ("es", "--as-of", "FECHA", "AAAA-MM"),
        ("es", "--due-before", "FECHA", "(AAAA-MM[-DD])"),
        ("es", "--output", "ARCHIVO", "ARCHIVO"),
        ("es", "--plan", "RUTA", "RUTA"),
        ("es", "--search", "TEXTO", "TEXTO"),
    ],
)
def test_metavariables_and_date_masks_are_translated(
    runner: CliRunner, lang: str, option: str, metavar: str, mask: str
) -> None:
    text = _flat(_help(runner, lang, ["list", "--help"]))
    assert f"{option} {metavar} " in text
    assert mask in text


def test_defaults_and_ranges_take_each_languages_typography(runner: CliRunner) -> None:
    french = _flat(_help(runner, "fr", ["report", "--help"]))
    spanish = _flat(_help(runner, "es", ["report", "--help"]))
    english = _flat(_help(runner, "en", ["report", "--help"]))
    within = f"1{NBSP}≤{NBSP}x{NBSP}≤{NBSP}1200"  # never wrapped
    assert "--within N " in french and f"[par défaut{NBSP}: 3{NBSP}; {within}]" in french
    assert f"[por defecto: 3; {within}]" in spanish
    assert f"[default: 3; {within}]" in english
    upcoming = _flat(_help(runner, "es", ["upcoming", "--help"]))
    assert "-n, --within N " in upcoming and f"[por defecto: 3; {within}]" in upcoming


def test_a_usage_error_shows_the_translated_usage_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "es", "show"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Uso: ilotc show [OPCIONES] {ID}\n")

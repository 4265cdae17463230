"""What a UN translator's review of the French and Spanish outputs asked for, one case each:
severities in the language, language names, quotation marks, no chained colons."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc.cli.main import app

NBSP = "\u00a0"
FIVE_WAYS = str(Path(__file__).resolve().parent / "examples" / "invalid" / "plan_five_ways.yaml")


def _out(runner: CliRunner, args: list[str]) -> str:
    result = runner.invoke(app, args)
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    ("lang", "error", "warning"),
    [("fr", f"erreur{NBSP}: ", f"avertissement{NBSP}: "), ("es", "error: ", "advertencia: ")],
)
def test_the_severity_is_said_in_the_language(runner: CliRunner, lang: str, error: str, warning: str) -> None:
    text = _out(runner, ["--no-cache", "--lang", lang, "validate", FIVE_WAYS])
    assert f"plan_five_ways.yaml:25:17: {error}" in text
    assert f"plan_five_ways.yaml:80:27: {warning}" in text
    assert "warning:" not in text


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_machines_keep_the_severity_word(runner: CliRunner, fmt: str) -> None:
    result = runner.invoke(app, ["--no-cache", "--lang", "fr", "validate", "-f", fmt, FIVE_WAYS])
    text = result.stdout  # the summary on stderr is for people
    assert "error" in text and "warning" in text and "erreur" not in text and "avertissement" not in text


def test_a_schema_error_says_what_it_expected_in_one_sentence(runner: CliRunner) -> None:
    text = _out(runner, ["--no-cache", "--lang", "fr", "validate", FIVE_WAYS])
    assert (
        f"erreur{NBSP}: on attend «{NBSP}planned{NBSP}», «{NBSP}in_progress{NBSP}», «{NBSP}done{NBSP}» "
        f"ou «{NBSP}cancelled{NBSP}», et non «{NBSP}finished{NBSP}»\n"
    ) in text
    spanish = _out(runner, ["--no-cache", "--lang", "es", "validate", FIVE_WAYS])
    assert "«banque-inconnue»" in spanish and "'" not in spanish.split("\n")[2]


@pytest.mark.parametrize(
    ("lang", "phrase", "line"),
    [
        ("fr", "Tous les deux ans", f"Langue{NBSP}:   français (détectée)\n"),
        ("fr", "Completed by April 2000", f"Langue{NBSP}:   anglais (détectée)\n"),
        ("es", "Achevée en avril 2000", "Idioma:   francés (detectado)\n"),
        ("en", "Cada dos años", "Language: Spanish (detected)\n"),
    ],
)
def test_the_phrase_language_is_named(runner: CliRunner, lang: str, phrase: str, line: str) -> None:
    assert line in _out(runner, ["--lang", lang, "timeline", phrase])

"""The command line in French and Spanish: `--lang`, the environment, and no English left.

The commands below are those translated so far (help, usage errors, validate, timeline);
the rest join ENGLISH_LABELS and COMMANDS as they are translated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc.cli.main import app

EXAMPLES = Path(__file__).resolve().parent / "examples"
NBSP = "\u00a0"

# What an English interface prints, and a French or Spanish one must not. (A problem line's
# severity, `error` or `warning`, is an enumerated value, as in `validate --format json`:
# editors and CI read `FILE:LINE:COLUMN: severity: message` in every language.)
ENGLISH_LABELS = (
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Error:",
    "Try '",
    "for help",
    "Show this message",
    "No such",
    "Missing argument",
    "Choose from",
    "Invalid value",
    "is not one of",
    "is not in the range",
    "not a valid",
    "requires an argument",
    "unexpected extra",
    "Did you mean",
    "default:",
    "Output format",
    "Examples:",
    "file checked",
    "files checked",
    "Phrase:",
    "Language:",
    "Reason:",
    "deadline:",
    "milestone:",
    "first results",
    "problem in the data",
    "problems in the data",
    "expected",
    "unknown",
    "did you mean",
    "no action",
    "shows the ids",
    "lists the ids",
    "is not in the",
    "repeatable",
    "beside it",
    " by ",
    "April",
    "June",
    "December",
)

# Words that are the same in a language as in English.
SAME_WORDS = {"fr": (), "es": ("Error:",)}

INVALID_PLAN = str(EXAMPLES / "invalid" / "plan_schedule_contradicts.yaml")
UNKNOWN_KEY_PLAN = str(EXAMPLES / "invalid" / "plan_unknown_key.yaml")

COMMANDS = [
    ["--help"],
    *([name, "--help"] for name in ("list", "show", "overdue", "upcoming", "update", "partners")),
    *([name, "--help"] for name in ("report", "export", "validate", "schema", "timeline", "diff", "init")),
    ["lst"],
    ["list", "--format", "xml"],
    ["list", "--bogus"],
    ["show"],
    ["show", "I.1a.99"],
    ["list", "--part", "IV"],
    ["list", "--section", "9z"],
    ["list", "--plan-id", "other"],
    ["list", "--partner", "nobody"],
    ["schema"],
    ["list", "--as-of", "2000-13"],
    ["schema", "plan", "extra"],
    ["overdue", "--as-of"],
    ["upcoming", "--within", "x"],
    ["upcoming", "--within", "-3"],
    ["validate"],
    ["validate", INVALID_PLAN],
    ["--plan", INVALID_PLAN, "list"],
    ["timeline", "Premières initiatives premier semestre 2000"],
    ["timeline", "Achevée en avril 2000"],
    ["timeline", "démarrer en janvier 2000 et se terminer à la fin de l'année 2000"],
]


def _run(runner: CliRunner, args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("lang", ["fr", "es"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_english_label_is_left(runner: CliRunner, lang: str, args: list[str]) -> None:
    code, english = _run(runner, args)
    code_translated, output = _run(runner, ["--lang", lang, *args])
    assert code_translated == code
    assert output and output != english
    left = [label for label in ENGLISH_LABELS if label in output and label not in SAME_WORDS[lang]]
    assert left == [], output


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "fr", "timeline", "Achevée en avril 2000"], {}),
        (["timeline", "Achevée en avril 2000", "--lang", "fr"], {}),
        (["timeline", "Achevée en avril 2000", "--lang=FR"], {}),
        (["timeline", "Achevée en avril 2000"], {"ILOTC_LANG": "fr"}),
        (["timeline", "Achevée en avril 2000"], {"ILOTC_LANG": "", "LANG": "fr_FR.UTF-8"}),
        (["timeline", "Achevée en avril 2000"], {"ILOTC_LANG": "", "LANGUAGE": "de:fr", "LANG": "es_ES"}),
        (["--lang", "fr", "timeline", "Achevée en avril 2000"], {"ILOTC_LANG": "es"}),
        (["timeline", "Achevée en avril 2000", "--lang", "fr"], {"ILOTC_LANG": "de"}),
    ],
)
def test_the_language_is_chosen_before_or_after_the_command_or_by_the_environment(
    runner: CliRunner, args: list[str], env: dict[str, str]
) -> None:
    code, output = _run(runner, args, env)
    assert code == 0
    assert f"échéance{NBSP}: au plus tard le 30 avril 2000" in output


def test_help_is_translated_wherever_lang_stands(runner: CliRunner) -> None:
    assert _run(runner, ["list", "--help", "--lang", "es"])[1].startswith("Uso: ilotc list")
    assert _run(runner, ["--lang", "fr", "list", "--help"])[1].startswith(f"Usage{NBSP}: ilotc list")


def test_french_usage_error_in_full(runner: CliRunner) -> None:
    code, output = _run(runner, ["--lang", "fr", "lst"])
    assert code == 2
    assert output == (
        f"Usage{NBSP}: ilotc [OPTIONS] COMMAND [ARGS]...\n"
        f"Essayez «{NBSP}ilotc -h{NBSP}» pour l’aide.\n\n"
        f"Erreur{NBSP}: Commande inconnue{NBSP}: 'lst'. Vouliez-vous dire 'list'{NBSP}?\n"
    )


def test_english_usage_errors_are_clicks_own_words(runner: CliRunner) -> None:
    assert "Error: Option '--as-of' requires an argument.\n" in _run(runner, ["overdue", "--as-of"])[1]
    assert "Error: Got unexpected extra argument(s) (extra)\n" in _run(runner, ["schema", "plan", "extra"])[1]


def test_validate_summary_in_spanish(runner: CliRunner) -> None:
    code, output = _run(runner, ["--lang", "es", "validate", INVALID_PLAN])
    assert code == 1
    assert "1 archivo comprobado: 2 errores, 1 advertencia" in output
    assert "contradice el calendario, que se lee como plazo: a más tardar el" in output


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--lang", "de", "validate"], {}, "'de' is not one of 'en', 'fr', 'es'"),
        (["validate", "--lang", "xx"], {}, "'xx' is not one of 'en', 'fr', 'es'"),
        (
            ["validate"],
            {"ILOTC_LANG": "de"},
            "ILOTC_LANG 'de' is not a language of ilotc: expected en, fr, es",
        ),
    ],
)
def test_an_unknown_language_is_a_usage_error(
    runner: CliRunner, args: list[str], env: dict[str, str], message: str
) -> None:
    code, output = _run(runner, args, env)
    assert code == 2
    assert message in output


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--part", "II", "--format", "json"],
        ["list", "--part", "II", "--format", "csv"],
        ["overdue", "--as-of", "2000-06", "--format", "json"],
        ["timeline", "Achevée en avril 2000", "--format", "json"],
        ["schema", "plan"],
    ],
    ids=" ".join,
)
def test_machine_readable_output_does_not_change(runner: CliRunner, args: list[str]) -> None:
    english = runner.invoke(app, args).stdout
    assert runner.invoke(app, ["--lang", "fr", *args]).stdout == english
    assert runner.invoke(app, [*args, "--lang", "es"]).stdout == english


def test_validate_json_keeps_its_keys_and_severities(runner: CliRunner) -> None:
    english = json.loads(runner.invoke(app, ["validate", "--format", "json", INVALID_PLAN]).stdout)
    french = json.loads(
        runner.invoke(app, ["--lang", "fr", "validate", "--format", "json", INVALID_PLAN]).stdout
    )
    strip = [{k: v for k, v in problem.items() if k != "message"} for problem in english]
    assert [{k: v for k, v in problem.items() if k != "message"} for problem in french] == strip
    assert [p["message"] for p in french] != [p["message"] for p in english]


def test_the_phrase_language_and_the_interface_language_are_apart(runner: CliRunner) -> None:
    code, output = _run(runner, ["timeline", "Achevée en avril 2000", "--phrase-lang", "en", "--lang", "es"])
    assert code == 0
    assert "Idioma:   en\n" in output

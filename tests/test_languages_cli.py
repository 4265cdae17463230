"""The command line in French and Spanish: `--lang`, the environment, and no English left.

The commands below are those translated so far (help, usage errors, validate, timeline,
the listings, the reports, diff); the rest join ENGLISH_LABELS and COMMANDS as they are
translated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc.cli.commands import COMMANDS as COMMAND_TABLE
from ilotc.cli.main import app
from ilotc.i18n import LANGUAGES, SOURCE_LANGUAGE

TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]

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
    # tables and the notes under them
    "Id /",
    "Status",
    "Reason /",
    "Late since",
    "Days late",
    "Days left",
    "Event /",
    "Timeline",
    "not finished",
    "not started",
    "falls due",
    "in progress",
    "returned to planned",
    "overdue of",
    "actions as of",
    "due date(s)",
    "month(s) after",
    # the reports
    "Progress report",
    "Purpose of the document",
    "Introduction",
    "Progress by part",
    "Changes since",
    "Overdue actions",
    "What falls due next",
    "Point for decision",
    "Annex:",
    "Whole plan",
    "Share done",
    "Not started",
    "Completed",
    "Session",
    "Governing Body",
    "take note",
    "have not started",
    "are overdue",
    "late since",
    "Figure 1 shows",
    "Figure 2 places",
    "Legend",
    "as-of date",
    "as-of month",
    'lang="en"',
    # diff
    "Plan changes",
    "No changes",
    "What changed",
    "reworded",
    "moved from",
    "renumbered",
    "deadline moved",
    "days at most",
    "now due",
    "partner change",
    "action done",
    " from ",
    # the readers
    "duplicate key",
    "each key may appear once",
    "did not find",
    "while parsing",
    "no such file",
    "could not be read",
    "names no month",
    "is not a real day",
)

# Words that are the same in a language as in English.
SAME_WORDS = {"fr": ("Introduction",), "es": ("Error:",)}

INVALID_PLAN = str(EXAMPLES / "invalid" / "plan_schedule_contradicts.yaml")
DIFF = EXAMPLES / "diff"
UNKNOWN_KEY_PLAN = str(EXAMPLES / "invalid" / "plan_unknown_key.yaml")

COMMANDS = [
    ["--help"],
    *([name, "--help"] for name in COMMAND_TABLE),
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
    ["timeline", "Printemps 2001"],
    ["timeline", "31/02/2020"],
    ["list", "--part", "II"],
    ["overdue", "--as-of", "2000-06"],
    ["upcoming", "--as-of", "2000-06", "--within", "12"],
    *(["report", "--as-of", "2000-06", "-f", fmt] for fmt in ("markdown", "html", "terminal")),
    *(
        ["diff", str(DIFF / case / "old.yaml"), str(DIFF / case / "new.yaml"), "-f", fmt]
        for case in ("timeline", "status", "moved", "headings", "partners")
        for fmt in ("table", "markdown")
    ),
    ["diff", str(DIFF / "text" / "old.yaml"), str(DIFF / "text" / "old.yaml")],
    ["validate", "/nonexistent/plan.yaml"],
]


def _run(runner: CliRunner, args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_english_label_is_left(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, lang: str, args: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, english = _run(runner, args)
    code_translated, output = _run(runner, ["--lang", lang, *args])
    assert code_translated == code
    assert output and output != english
    left = [label for label in ENGLISH_LABELS if label in output and label not in SAME_WORDS.get(lang, ())]
    assert left == [], output


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_broken_yaml_file_is_explained_in_the_language(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    broken = tmp_path / "plan.yaml"
    broken.write_text("a: 1\na: 2\nb: [1, 2\n", encoding="utf-8")
    code, output = _run(runner, ["--lang", lang, "validate", str(broken)])
    assert code == 1
    assert output.count(str(broken)) == 2
    left = [label for label in ENGLISH_LABELS if label in output and label not in SAME_WORDS.get(lang, ())]
    assert left == [], output


PAPER = ["--symbol", "GB.279/TC/3", "--session", "279", "--date", "2000-11", "--purpose", "decision"]


@pytest.mark.parametrize(
    ("lang", "html", "cover", "purpose", "point", "decision", "closing"),
    [
        (
            "en",
            '<html lang="en">',
            "INTERNATIONAL LABOUR OFFICE · Governing Body · GB.279/TC/3 · 279th Session · "
            f"Geneva, November{NBSP}2000",
            "Committee on Technical Cooperation · **FOR DECISION**",
            "**Point for decision: paragraph 12.**",
            "12\\. The Committee may wish to recommend to the Governing Body that it take note of this",
            f"Geneva, November{NBSP}2000.",
        ),
        (
            "fr",
            '<html lang="fr">',
            "BUREAU INTERNATIONAL DU TRAVAIL · Conseil d’administration · GB.279/TC/3 · 279e session · "
            f"Genève, novembre{NBSP}2000",
            "Commission de la coopération technique · **POUR DÉCISION**",
            f"**Point appelant une décision{NBSP}: paragraphe 12.**",
            "12\\. La commission voudra sans doute recommander au Conseil d’administration de prendre note",
            f"Genève, novembre{NBSP}2000.",
        ),
        (
            "es",
            '<html lang="es">',
            "OFICINA INTERNACIONAL DEL TRABAJO · Consejo de Administración · GB.279/TC/3 · 279.ª reunión · "
            f"Ginebra, noviembre{NBSP}de{NBSP}2000",
            "Comisión de Cooperación Técnica · **PARA DECISIÓN**",
            "**Punto que requiere decisión: párrafo 12.**",
            "12\\. La Comisión tal vez estime oportuno recomendar al Consejo de Administración que tome nota",
            f"Ginebra, noviembre{NBSP}de{NBSP}2000.",
        ),
    ],
)
def test_the_report_is_the_ilos_paper_in_each_language(
    runner: CliRunner, lang: str, html: str, cover: str, purpose: str, point: str, decision: str, closing: str
) -> None:
    page = _run(runner, ["--lang", lang, "report", "--as-of", "2000-06", "-f", "html", *PAPER])[1]
    assert page.startswith(f"<!DOCTYPE html>\n{html}\n")
    markdown = _run(runner, ["--lang", lang, "report", "--as-of", "2000-06", "-f", "markdown", *PAPER])[1]
    lines = markdown.splitlines()
    # the cover first: office, body, the report's own symbol, session, place and date; committee, purpose
    assert lines[:3] == [cover, "", purpose]
    assert markdown.index(point) < markdown.index("## ")  # on the cover, before the first heading
    assert decision in markdown
    closed = markdown.split("\n\n")
    assert closed[closed.index(closing) + 1] == point  # the closing line, then the point again
    assert "GB.276/TC/2" in markdown and "GB.279/TC/3 ·" not in markdown.split("# ", 1)[1]


def test_french_report_sentences_agree_and_keep_french_typography(runner: CliRunner) -> None:
    markdown = _run(runner, ["--lang", "fr", "report", "--as-of", "2000-06", "-f", "markdown"])[1]
    assert f"> **Objet du document{NBSP}:** Le présent document rend compte" in markdown
    assert "Sur les 28 actions de la Partie II (" in markdown
    # a zero count reads as words
    assert f"27 sont ponctuelles{NBSP}: aucune n’a été achevée, 1 est en cours, 26 sont prévues" in markdown
    assert "(0\u00a0% achevées). 1 action est continue. 15 actions sont en retard." in markdown
    assert f"(0{NBSP}% achevées)" in markdown
    assert f"Au 1er{NBSP}juin{NBSP}2000" in markdown  # the first of the month, as French writes it


def test_spanish_zero_counts_read_as_words(runner: CliRunner) -> None:
    markdown = _run(runner, ["--lang", "es", "report", "--as-of", "2000-06", "-f", "markdown"])[1]
    assert "ninguna se ha finalizado" in markdown


def test_the_diff_summary_counts_in_spanish(runner: CliRunner) -> None:
    case = DIFF / "timeline"
    code, output = _run(runner, ["--lang", "es", "diff", str(case / "old.yaml"), str(case / "new.yaml")])
    assert code == 0
    assert "1 plazo desplazado (+183 días como máximo)" in output


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
    assert f"échéance{NBSP}: au plus tard le 30{NBSP}avril{NBSP}2000" in output


def test_help_is_translated_wherever_lang_stands(runner: CliRunner) -> None:
    assert _run(runner, ["list", "--help", "--lang", "es"])[1].startswith("Uso: ilotc list")
    assert _run(runner, ["--lang", "fr", "list", "--help"])[1].startswith(f"Utilisation{NBSP}: ilotc list")


def test_french_usage_error_in_full(runner: CliRunner) -> None:
    code, output = _run(runner, ["--lang", "fr", "lst"])
    assert code == 2
    assert output == (
        f"Utilisation{NBSP}: ilotc [OPTIONS] COMMANDE [ARGUMENTS]...\n"
        f"Essayez «{NBSP}ilotc -h{NBSP}» pour obtenir de l’aide.\n\n"
        f"Erreur{NBSP}: Commande inconnue{NBSP}: «{NBSP}lst{NBSP}». "
        f"Vouliez-vous dire «{NBSP}list{NBSP}»{NBSP}?\n"
    )


def test_english_usage_errors_are_clicks_own_words(runner: CliRunner) -> None:
    assert "Error: Option '--as-of' requires an argument.\n" in _run(runner, ["overdue", "--as-of"])[1]
    assert "Error: Got unexpected extra argument(s) (extra)\n" in _run(runner, ["schema", "plan", "extra"])[1]


def test_validate_summary_in_spanish(runner: CliRunner) -> None:
    code, output = _run(runner, ["--lang", "es", "validate", INVALID_PLAN])
    assert code == 1
    assert "1 archivo comprobado: 2 errores, 1 advertencia" in output
    assert "contradice el calendario, que se interpreta como plazo: a más tardar el" in output


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
        ["timeline", "Printemps 2001", "--format", "json"],
        ["timeline", "31/02/2020 ou plus tard", "--format", "json"],
        ["upcoming", "--as-of", "2000-06", "--format", "csv"],
        ["diff", str(DIFF / "timeline" / "old.yaml"), str(DIFF / "timeline" / "new.yaml"), "-f", "json"],
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
    assert "Idioma:   inglés (indicado)\n" in output  # named, and stated here


@pytest.mark.parametrize(
    ("lang", "joined"),
    [("fr", f"«{NBSP}done{NBSP}» ou «{NBSP}cancelled{NBSP}»"), ("es", "«done» o «cancelled»")],
)
def test_allowed_values_are_listed_as_written_in_the_interface_language(
    runner: CliRunner, lang: str, joined: str
) -> None:
    plan = str(EXAMPLES / "invalid" / "plan_allowed_values.yaml")
    output = runner.invoke(app, ["--lang", lang, "validate", plan]).stdout
    assert joined in output and "Status." not in output and " or " not in output


def test_the_markdown_annex_is_a_table_with_french_headers() -> None:
    result = CliRunner().invoke(app, ["--lang", "fr", "report", "--as-of", "2000-06", "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    annex = result.stdout.split("\n## ")[-1].splitlines()
    assert annex[2].startswith("| Réf. | Action | Calendrier |") and annex[2].endswith("| Dernière note |")
    assert len([row for row in annex if row.startswith("| I")]) == 78  # a row per action
    assert "- **Partie:**" not in result.stdout

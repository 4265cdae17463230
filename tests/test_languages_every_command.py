"""Every command in French and Spanish: no phrase or label of the English run is left.

The English words to look for are taken from the English run of the same command, not listed
by hand: every phrase of two words or more it prints (cut at punctuation, numbers and paths)
and every label of its tables and panels. What the English run prints from the data (the
plan's French text, partner names, curators' notes) is content, never translated, so a
phrase also found in the files the command reads is left out.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc.cli.commands import COMMANDS
from ilotc.cli.main import app
from ilotc.i18n import LANGUAGES, SOURCE_LANGUAGE

TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "examples"
INVALID = EXAMPLES / "invalid"
DIFF = EXAMPLES / "diff"

# Labels spelt the same in English and in the language (checked one by one).
SAME_LABELS = {
    "fr": {"Action", "Actions", "Type", "Note", "Section", "Plan", "Date", "Introduction", "Phrase", "Usage"},
    "es": {"Plan", "Error"},
}
# Phrases that are the language's own words too ("via donateurs": by way of the group).
SAME_PHRASES = {"fr": re.compile(r"^via "), "es": re.compile(r"^$")}
# Words that read the same in every language: names of formats, file kinds and values.
NOT_ENGLISH = {"json", "csv", "ics", "html", "markdown", "terminal", "table", "pdf", "yaml"}

_PATH = re.compile(r"(?:/|\.\./|\w+/)[\w./~-]*|\S+\.(?:yaml|json|csv|ics|md|html)\b")
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|«[^»\n]*»")
_CUT = re.compile(r"[^A-Za-z' -]+|\s-\s|(?:^|\s+)--?[a-z]\S*|\s{2,}")
# Command names and formats read the same in every language ("ilotc validate", "json").
# So do markup and metavars ("<div class=...>", "<int range>"), symbols ("GB.276/TC/2").
_SAME_EVERYWHERE = re.compile(
    rf"\b(?:ilotc|pip)(?: [a-z]+)?|\b(?:{'|'.join(NOT_ENGLISH)})\b|<[^>]*>|\b[A-Z]+[.][\w./]+"
)
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)  # the HTML report's CSS
_BOX = re.compile(r"[│┃┏┓┗┛┡┩╇╋┳━─╭╮╰╯├┤┼┬┴└┘┌┐═║]")


def _sources(args: list[str]) -> str:
    """The text of every file the command reads (the bundled data, and files named in args)."""
    files = [ROOT / "data" / "plan.yaml", ROOT / "data" / "partners.yaml"]
    files += [Path(arg) for arg in args if arg.endswith(".yaml") and Path(arg).is_file()]
    text = " ".join(path.read_text(encoding="utf-8", errors="replace") for path in files)
    text += " " + " ".join(args)  # a timeline phrase is content too
    return " ".join(text.split())


def english_phrases(output: str, sources: str) -> set[str]:
    """The phrases of two words or more that the English run printed, beyond the data's."""
    found = set()
    for line in _STYLE.sub("", output).splitlines():
        words = _SAME_EVERYWHERE.sub(" , ", _BOX.sub(" , ", line))
        for piece in _CUT.split(_QUOTED.sub(" , ", _PATH.sub(" , ", words))):
            phrase = " ".join(piece.strip(" -'").split())
            if len(phrase.split()) >= 2 and phrase not in sources:
                found.add(phrase)
    return found


def english_labels(output: str) -> set[str]:
    """The labels of the English run's tables (header cells) and panels (the left column)."""
    labels = set()
    for line in output.splitlines():
        if line.startswith("┃"):
            for cell in line.strip("┃ ").split("┃"):
                labels.update(part.strip() for part in cell.split("/") if part.strip())
        label = re.match(r"│ ([A-Z][A-Za-z ]*?)\s{2,}\S|([A-Z][A-Za-z ]*):\s", line)
        if label:
            labels.add(label.group(1) or label.group(2))
    return labels


def _left(english: str, translated: str, lang: str, args: list[str]) -> list[str]:
    sources = _sources(args)
    flat = " ".join(translated.split())
    phrases = [
        p
        for p in english_phrases(english, sources)
        if p in flat and not SAME_PHRASES.get(lang, re.compile(r"^$")).match(p)
    ]
    labels = [
        label
        for label in english_labels(english) - SAME_LABELS.get(lang, set())
        if label not in sources and re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", translated)
    ]
    return sorted(phrases + labels)


def _run(runner: CliRunner, args: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout + result.stderr


def _same_run(runner: CliRunner, args: list[str], lang: str, tmp_path: Path) -> tuple[int, str, int, str]:
    """The command in English and in `lang`, each on a fresh copy of the files it changes."""
    runs = []
    for chosen in ("en", lang):
        here = tmp_path / chosen
        if here.exists():
            shutil.rmtree(here)
        here.mkdir()
        shutil.copy(ROOT / "data" / "plan.yaml", here / "plan.yaml")
        filled = [arg.replace("{tmp}", str(here)) for arg in args]
        runs.append(_run(runner, ["--lang", chosen, *filled]))
    return runs[0][0], runs[0][1].replace(str(tmp_path / "en"), "TMP"), runs[1][0], runs[1][1]


UPDATE = ["--plan", "{tmp}/plan.yaml", "update", "I.1a.1"]

EVERY_COMMAND = [
    ["list", "--part", "II"],
    ["list", "--as-of", "2000-06", "--status", "in_progress"],
    ["show", "I.1a.1"],
    ["show", "III.1c.3", "--as-of", "2000-06"],
    ["overdue", "--as-of", "2026-10"],
    ["upcoming", "--as-of", "2000-06", "--within", "6"],
    ["partners"],
    ["partners", "pnud"],
    ["partners", "--programme", "himo", "--role", "donor"],
    *(
        ["validate", str(INVALID / f"{name}.yaml")]
        for name in (
            "plan_bad_values",
            "plan_duplicate_key",
            "plan_misspelt_key",
            "plan_references",
            "plan_five_ways",
            "plan_top_level_list",
            "plan_format_boolean",
            "plan_schedule_contradicts",
            "plan_cut_off",
            "plan_history_order",
            "partners_references",
            "plan_tabs",
            "plan_latin1",
        )
    ),
    ["validate"],
    *(
        ["timeline", phrase]
        for phrase in (
            "Achevée en avril 2000",
            "Premiers résultats en juillet 2000",
            "Tous les deux ans",
            "Immédiatement",
            "De manière continue",
            "Selon les besoins",
            "En cours",
            "Associé à un examen de la structure extérieure",
            "Quand la lune sera bleue",
            "Completed by April 2000",
            "31/02/2020",
            "Printemps 2001",
        )
    ),
    [*UPDATE, "--status", "in_progress", "--date", "2000-05", "--dry-run"],
    [*UPDATE, "--status", "in_progress", "--date", "2000-05", "--note", "x"],
    [*UPDATE, "--undo"],
    [*UPDATE, "--undo", "--dry-run"],
    [*UPDATE, "--status", "planned", "--date", "2000-05"],
    ["--plan", "{tmp}/plan.yaml", "update", "I.9z.1", "--status", "done", "--date", "2000-05"],
    ["--plan", "{tmp}/plan.yaml", "update", "I.1a.1", "--status", "done", "--date", "2000-02-30"],
    *(["report", "--as-of", "2000-06", "-f", fmt] for fmt in ("terminal", "markdown", "html")),
    ["report", "--as-of", "2000-06", "-o", "{tmp}/report.md"],
    ["export", "-o", "{tmp}/plan.ics"],
    ["export", "-f", "csv", "-o", "{tmp}/plan.csv"],
    ["list", "-f", "json", "-o", "{tmp}/list.json"],
    ["show", "I.1a.1", "-o", "{tmp}/show.txt"],
    ["partners", "pnud", "-o", "{tmp}/pnud.txt"],
    *(
        ["diff", str(DIFF / case / "old.yaml"), str(DIFF / case / "new.yaml"), "-f", fmt]
        for case in ("timeline", "status", "moved", "headings", "partners", "text")
        for fmt in ("table", "markdown")
    ),
    ["init", "{tmp}/mine.yaml"],
    ["init", "{tmp}/plan.yaml"],
    *(
        [name, "--help"]
        for name in (
            "list",
            "show",
            "overdue",
            "upcoming",
            "update",
            "partners",
            "report",
            "export",
            "validate",
            "schema",
            "timeline",
            "diff",
            "init",
        )
    ),
    ["list", "--status", "bogus"],
    ["list", "--as-of", "2000-xx"],
    ["report", "--format", "docx"],
]


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("args", EVERY_COMMAND, ids=" ".join)
def test_no_english_phrase_or_label_is_left(
    runner: CliRunner, tmp_path: Path, lang: str, args: list[str]
) -> None:
    code, english, code_translated, output = _same_run(runner, args, lang, tmp_path)
    assert code_translated == code
    assert output != english
    assert _left(english, output, lang, args) == [], output


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_starter_files_are_commented_in_the_language(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    _run(runner, ["--lang", "en", "init", str(tmp_path / "en.yaml")])
    _run(runner, ["--lang", lang, "init", str(tmp_path / f"{lang}.yaml")])
    for suffix in (".yaml", "-partners.yaml"):
        english = (tmp_path / f"en{suffix}").read_text(encoding="utf-8")
        translated = (tmp_path / f"{lang}{suffix}").read_text(encoding="utf-8")
        comments = "\n".join(line.partition("#")[2] for line in english.splitlines())
        left = [p for p in english_phrases(comments, "") if p in " ".join(translated.split())]
        assert left == [], translated


def test_the_english_words_are_found_where_they_are_left() -> None:
    english = "┃ Id / Status ┃ Action ┃\n│ Late since  2000-01 │\nWrote 3 records as json to /tmp/x.json"
    assert english_labels(english) == {"Id", "Status", "Action", "Late since"}
    assert english_labels("Phrase:   Achevée en avril 2000\nLanguage: fr") == {"Phrase", "Language"}
    assert english_phrases(english, "") == {"Late since", "records as"}
    assert english_phrases(english, "the plan says: records as") == {"Late since"}


ONE_RUN_EACH = [
    ["list", "--part", "II"],
    ["show", "I.1a.1"],
    ["overdue", "--as-of", "2000-06"],
    ["upcoming", "--as-of", "2000-06"],
    ["update", "I.9z.1", "--status", "done", "--date", "2000-05"],
    ["partners", "pnud"],
    ["report", "--as-of", "2000-06", "-f", "markdown"],
    ["diff", str(DIFF / "timeline" / "old.yaml"), str(DIFF / "timeline" / "new.yaml")],
    ["export", "--part", "II"],
    ["validate", str(INVALID / "plan_bad_values.yaml")],
    ["schema", "--help"],
    ["timeline", "Achevée en avril 2000"],
    ["init", "--help"],
    ["import", "--help"],
    ["status", "--as-of", "2000-06"],
]


def test_one_run_each_runs_every_command_of_the_table() -> None:
    assert {args[0] for args in ONE_RUN_EACH} == set(COMMANDS)


NO_LOCALE = {"ILOTC_LANG": "", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


@pytest.mark.parametrize("args", ONE_RUN_EACH, ids=lambda args: args[0])
def test_every_command_takes_the_language_from_anywhere(runner: CliRunner, args: list[str]) -> None:
    def run(arguments: list[str], **env: str) -> str:
        result = runner.invoke(app, arguments, env={**NO_LOCALE, **env})
        return result.stdout + result.stderr

    english = run(args)
    for lang, locale_env in (
        (
            "fr",
            [{"ILOTC_LANG": "fr"}, {"LC_ALL": "fr_FR.UTF-8"}, {"LANGUAGE": "fr:es", "LANG": "es_ES.UTF-8"}],
        ),
        (
            "es",
            [{"ILOTC_LANG": "es"}, {"LANG": "es_ES.UTF-8"}, {"LANGUAGE": "es:fr", "LC_ALL": "fr_FR.UTF-8"}],
        ),
    ):
        before = run(["--lang", lang, *args])
        assert before != english
        assert run([*args, "--lang", lang]) == before
        for env in locale_env:
            assert run(args, **env) == before, env


@pytest.mark.parametrize(
    "args",
    [
        ["partners", "--format", "json"],
        ["partners", "--format", "csv"],
        ["show", "I.1a.1", "--format", "json"],
        ["export", "--format", "json"],
        ["export", "--format", "csv"],
        ["upcoming", "--as-of", "2000-06", "--format", "json"],
        ["list", "--format", "markdown", "--part", "II"],
        ["validate", "--format", "json", str(INVALID / "plan_bad_values.yaml")],
    ],
    ids=" ".join,
)
def test_what_machines_read_is_the_same_in_every_language(runner: CliRunner, args: list[str]) -> None:
    english = runner.invoke(app, args).stdout
    assert english
    for lang in TRANSLATED:
        translated = runner.invoke(app, ["--lang", lang, *args]).stdout
        if args[0] == "validate":  # only the messages are words; keys, positions, severities stay
            english, translated = (re.sub(r'"message": "[^"]*"', "", text) for text in (english, translated))
        assert translated == english, lang

"""Plan texts in several languages: people read the interface language's version where the
plan gives one, else the original, told once; lateness and machine outputs keep the original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = str(ROOT / "examples" / "plan-translated.yaml")
FRENCH = "une déclaration sur la politique de coopération technique;"
IN_LANGUAGE = {
    "en": ("a statement on technical cooperation policy;", "(original in French)", "Geneva"),
    "es": ("una declaración sobre la política de cooperación técnica;", "(original en francés)", "Ginebra"),
}
UNTRANSLATED = "les imperfections dans la conception des projets."


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["--plan", TRANSLATED, *args])
    assert result.exit_code == 0, result.output
    return result.stdout + result.stderr


@pytest.mark.parametrize("lang", ["en", "es"])
def test_three_translated_actions_are_reported_in_each_language(runner: CliRunner, lang: str) -> None:
    text, note, place = IN_LANGUAGE[lang]
    report = _run(runner, "--lang", lang, "report", "--as-of", "2000-06", "-f", "markdown")
    assert text in report and FRENCH not in report
    assert place in report and "Genève" not in report
    assert UNTRANSLATED in report  # no version in the language: the original
    assert report.count(note) == 1


def test_the_original_language_reports_the_original(runner: CliRunner) -> None:
    report = _run(runner, "--lang", "fr", "report", "--as-of", "2000-06", "-f", "markdown")
    assert FRENCH in report and "Genève" in report and "(original" not in report


@pytest.mark.parametrize("lang", ["en", "es"])
def test_tables_and_show_use_the_translation_and_say_once_what_stays_original(
    runner: CliRunner, lang: str
) -> None:
    text, note, _place = IN_LANGUAGE[lang]
    listing = _run(runner, "--lang", lang, "list", "-f", "markdown")
    assert text in listing and UNTRANSLATED in listing and listing.count(note) == 1
    shown = " ".join(_run(runner, "--lang", lang, "show", "I.1a.1").split())
    assert " ".join(text.split()) in shown and note not in shown  # fully translated


def test_machines_read_the_original(runner: CliRunner) -> None:
    records = json.loads(
        CliRunner().invoke(app, ["--plan", TRANSLATED, "--lang", "en", "list", "-f", "json"]).stdout
    )
    assert records[0]["text"] == FRENCH


def test_lateness_is_read_from_the_original_timeline(runner: CliRunner, tmp_path: Path) -> None:
    plan = (
        Path(TRANSLATED)
        .read_text(encoding="utf-8")
        .replace("timeline: Completed by April 2000", "timeline: Completed by December 2001")
    )
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    mine = ["--plan", str(tmp_path / "plan.yaml"), "--lang", "en"]
    result = runner.invoke(app, [*mine, "overdue", "--as-of", "2000-06", "-f", "json"])
    assert "I.1a.1" in [record["id"] for record in json.loads(result.stdout)]
    shown = runner.invoke(app, [*mine, "show", "I.1a.1"]).stdout
    assert "Completed by December 2001" in shown and "30 April 2000" in shown.replace("\u00a0", " ")


def test_the_bundled_plan_says_its_texts_are_french_in_the_report_only(runner: CliRunner) -> None:
    english = runner.invoke(app, ["--lang", "en", "list", "--part", "II"])
    assert english.stderr == "28 of 78 actions\n"  # a plan with no translation: as before
    report = runner.invoke(app, ["--lang", "en", "report", "--as-of", "2000-06", "-f", "markdown"]).stdout
    assert report.count("(original in French)") == 1
    french = runner.invoke(app, ["--lang", "fr", "report", "--as-of", "2000-06", "-f", "markdown"]).stdout
    assert "(original" not in french


def test_a_changed_translation_is_a_change_of_its_own_kind(runner: CliRunner, tmp_path: Path) -> None:
    text = Path(TRANSLATED).read_text(encoding="utf-8")
    changed = text.replace("text: a statement on technical cooperation policy;", "text: a policy statement;")
    (tmp_path / "new.yaml").write_text(
        changed.replace("place: Ginebra", "place: Ginebra (Suiza)"), encoding="utf-8"
    )
    result = runner.invoke(app, ["diff", TRANSLATED, str(tmp_path / "new.yaml"), "-f", "json"])
    records = [(r["id"], r["change"], r["field"], r["old"], r["new"]) for r in json.loads(result.stdout)]
    assert records == [
        (None, "translation", "document.es.place", "Ginebra", "Ginebra (Suiza)"),
        (
            "I.1a.1",
            "translation",
            "en.text",
            "a statement on technical cooperation policy;",
            "a policy statement;",
        ),
    ]
    table = runner.invoke(app, ["--lang", "es", "diff", TRANSLATED, str(tmp_path / "new.yaml")]).stdout
    assert "traducción" in table and "texto en inglés:" in " ".join(table.split())


def test_a_partners_name_is_shown_in_the_language(runner: CliRunner, tmp_path: Path) -> None:
    registry = (ROOT / "tests" / "examples" / "valid" / "partners.yaml").read_text(encoding="utf-8")
    registry = registry.replace(
        "    short_name: PNUD\n",
        "    short_name: PNUD\n    translations:\n"
        "      en: {name: United Nations Development Programme, short_name: UNDP}\n",
    )
    (tmp_path / "partners.yaml").write_text(registry, encoding="utf-8")
    mine = [
        "--plan",
        str(ROOT / "tests" / "examples" / "valid" / "plan.yaml"),
        "--partners",
        str(tmp_path / "partners.yaml"),
    ]
    english = " ".join(runner.invoke(app, [*mine, "--lang", "en", "show", "I.1a.3"]).stdout.split())
    assert "pnud (United Nations Development Programme)" in english
    french = " ".join(runner.invoke(app, [*mine, "--lang", "fr", "show", "I.1a.3"]).stdout.split())
    assert "UNDP" not in french and "United Nations" not in french
    records = json.loads(runner.invoke(app, [*mine, "--lang", "en", "partners", "pnud", "-f", "json"]).stdout)
    assert records[0]["name"] == "Programme des Nations Unies pour le développement"


def test_the_html_report_marks_each_original_text_with_its_language(runner: CliRunner) -> None:
    page = _run(runner, "--lang", "en", "report", "--as-of", "2000-06", "-f", "html")
    assert '<html lang="en">' in page
    assert f'<span lang="fr">{UNTRANSLATED}</span>' in page
    assert '<span lang="fr">Améliorer la qualité</span>' in page  # a part without an English title
    assert "a statement on technical cooperation policy;" in page
    assert '<span lang="fr">a statement' not in page and "Making technical cooperation" in page
    french = _run(runner, "--lang", "fr", "report", "--as-of", "2000-06", "-f", "html")
    assert "<span lang=" not in french

"""`ilotc import`: a plan from a CSV table (tests/examples/importing/), each case one file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from ilotc.edit.importing import field_of, parse_map
from ilotc.office.reading import read_csv, sniff_separator

CASES = EXAMPLES / "importing"


def imported(runner: CliRunner, tmp_path: Path, name: str, *args: str) -> tuple[dict, str]:
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["import", str(CASES / name), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    check = runner.invoke(app, ["validate", str(out)])
    assert check.exit_code == 0, check.output
    return yaml.safe_load(out.read_text(encoding="utf-8")), result.stderr


def test_french_semicolons_in_windows_1252_with_one_level_of_headings(
    runner: CliRunner, tmp_path: Path
) -> None:
    plan, summary = imported(runner, tmp_path, "fr_semicolon_cp1252.csv")
    assert plan["document"] == {"title": "Plan d'action national pour l'emploi", "language": "fr"}
    assert [(p["id"], p["title"]) for p in plan["parts"]] == [
        ("1", "Emploi des jeunes"),
        ("2", "Dialogue social"),
    ]
    first, second = plan["parts"][0]["actions"]
    assert first == {
        "id": "1.1",
        "text": "Adopter le décret sur l'apprentissage",
        "timeline": "D'ici juin 2025",
        "responsible": "Ministère du Travail",
        "partners": ["oit"],
    }
    # a line break in a cell is kept; several responsible units become a list
    assert second["text"] == "Lancer le programme pilote\ndans trois régions"
    assert second["responsible"] == ["DGE", "Direction régionale"]
    # a partner the registry does not know is never an id: it is kept in the note, and listed
    assert second["partners"] == ["oit"]
    assert second["note"] == "Partners as written, not in the registry: Banque inconnue"
    assert "Read as CSV in windows-1252." in summary
    assert "Partner not in the registry (kept in the action's note): 'Banque inconnue'" in summary
    # the impossible date is read as unspecified, and said
    assert "Unspecified: 'au plus tard le 31 avril 2025'" in summary
    # a cell outside every column is listed with its place, never guessed
    assert "Not placed: fr_semicolon_cp1252, row 8, column F: 'hors colonne'" in summary
    assert "Made 2 parts, 0 sections and 4 actions." in summary


def test_spanish_tabs_with_a_bom_and_two_levels_of_headings(runner: CliRunner, tmp_path: Path) -> None:
    plan, summary = imported(runner, tmp_path, "es_tab_bom.csv")
    assert plan["document"]["language"] == "es"
    shape = [
        (p["id"], [(s["id"], [a["id"] for a in s["actions"]]) for s in p["sections"]]) for p in plan["parts"]
    ]
    assert shape == [("I", [("A", ["I.A.1", "I.A.2"]), ("B", ["I.B.1"])]), ("II", [("A", ["II.A.1"])])]
    assert "Made 2 parts, 3 sections and 4 actions." in summary
    assert "Read as CSV in utf-8." in summary


def test_ids_are_derived_where_the_table_has_none(runner: CliRunner, tmp_path: Path) -> None:
    plan, summary = imported(runner, tmp_path, "en_comma_no_ids.csv")
    assert plan["ids"] == "derived"
    assert [a["id"] for a in plan["parts"][0]["actions"]] == ["I.1", "I.2"]
    assert "Unspecified: 'Some time soon'" in summary


def test_map_names_a_column_the_headers_do_not(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "odd.csv"
    source.write_text("Quoi,Quand\r\nFaire le bilan,Fin 2025\r\n", encoding="utf-8")
    out = tmp_path / "odd.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert "--map HEADER=text" in result.stderr
    assert not out.exists()
    result = runner.invoke(
        app, ["import", str(source), "-o", str(out), "--map", "Quoi=text", "--map", "quand=timeline"]
    )
    assert result.exit_code == 0, result.output
    action = yaml.safe_load(out.read_text(encoding="utf-8"))["parts"][0]["actions"][0]
    assert (action["text"], action["timeline"]) == ("Faire le bilan", "Fin 2025")


def test_import_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    out.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["import", str(CASES / "en_comma_no_ids.csv"), "-o", str(out)])
    assert result.exit_code == 2
    assert "never overwrites" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"


def test_an_unknown_file_kind_or_a_bad_map_is_bad_usage(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "plan.txt"
    other.write_text("x", encoding="utf-8")
    assert runner.invoke(app, ["import", str(other)]).exit_code == 2
    result = runner.invoke(app, ["import", str(CASES / "en_comma_no_ids.csv"), "--map", "Action=texte"])
    assert result.exit_code == 2
    assert "HEADER=FIELD" in result.stderr


def test_the_bundled_plan_round_trips_through_its_own_csv_export(runner: CliRunner, tmp_path: Path) -> None:
    exported = tmp_path / "plan.csv"
    assert runner.invoke(app, ["export", "--format", "csv", "-o", str(exported)]).exit_code == 0
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["import", str(exported), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Not placed" not in result.stderr
    assert_same_actions(runner, out)


@pytest.mark.parametrize(
    ("name", "title", "outside"),
    [
        # Word: the lines above the table are paragraphs, not cells; the file's name is the title
        ("napfl_results_matrix.docx", "napfl_results_matrix", []),
        # Excel: the first lone line above the header is the title, the second is listed
        (
            "napfl_results_matrix.xlsx",
            "Annex 1: NAPFL Results Matrix",
            ["Not placed: Annex 1, row 2, column A: 'NAPFL GOAL: Forced labour incidence is reduced'"],
        ),
    ],
)
def test_a_real_results_matrix_with_goals_and_outcomes_merged_down(
    runner: CliRunner, tmp_path: Path, name: str, title: str, outside: list[str]
) -> None:
    # Rows of a real public plan, laid out as it lays them out: the National Action Plan on Forced
    # Labour (2021-2025), Annex 1 "NAPFL Results Matrix", Ministry of Human Resources, Malaysia
    # (with the ILO's support), 2021 (where each row comes from: napfl_results_matrix.py). A goal's
    # cell, an outcome's cell and its timeline are merged down over their activities, in Word and
    # in Excel (where only a merged range's top cell holds the value).
    plan, summary = imported(runner, tmp_path, name)
    assert plan["ids"] == "derived"
    assert plan["document"] == {"title": title, "language": "en"}
    # the goals' column gives the parts (numbered by the "No" column), the outcomes' the sections
    shape = [(p["id"], [(s["id"], len(s["actions"])) for s in p["sections"]]) for p in plan["parts"]]
    assert shape == [
        ("1", [("1", 4), ("2", 3), ("3", 3)]),
        ("2", [("1", 2), ("4", 1), ("5", 1), ("6", 3)]),
        ("3", [("1", 4), ("3", 1)]),
        ("4", [("2", 3)]),
    ]
    first = plan["parts"][0]
    assert first["title"].endswith(
        "general public\n(Implementation to be coordinated by the Technical Committee on Awareness)"
    )
    assert first["sections"][0]["title"].startswith("Workers and employers have increased knowledge")
    # a timeline merged down over an outcome's activities is each activity's, as written
    assert [a["timeline"] for a in first["sections"][0]["actions"]] == ["2023 (partially), 2025"] * 4
    trained = plan["parts"][1]["sections"][0]["actions"][0]
    assert trained["id"] == "2.1.1"
    assert trained["text"].splitlines()[1:] == [
        "a) Compliance of labour standards;",
        "b) The Fundamental Principles and Rights at Work; and",
        "c) Conducting gender and child responsive labour inspection.",
        "(NAPTIP)",
    ]
    assert "Made 4 parts, 10 sections and 25 actions." in summary
    assert "part_title ← 'Strategic Goal', section_title ← 'Outcomes'" in summary
    # goals 2 and 3 both read "[…]" (cells the stored copy lacks): the "No" column tells them apart
    assert [p["title"] for p in plan["parts"][1:3]] == ["[…]", "[…]"]
    # "2023 (partially), 2025" is two deadlines; "2023, 2025" and "2022, 2025" are read as windows;
    # "[…]" is unspecified
    assert "Timelines read as: deadline 22, unspecified 6, window 4." in summary
    assert "Unspecified: '[…]'" in summary
    assert [line for line in summary.splitlines() if line.startswith("Not placed")] == outside


FDS_MAP = (
    *("--map", "Milestone=text", "--map", "Target Date=timeline"),
    *("--map", "Measurement=ignore", "--map", "Reporting Mechanism=ignore"),
    *("--map", "Required or Encouraged=ignore"),
)


def test_a_real_plan_of_65_milestones_in_three_word_tables(runner: CliRunner, tmp_path: Path) -> None:
    # Every milestone of a real public plan: the Federal Data Strategy 2020 Action Plan, Office of
    # Management and Budget (United States), December 2019 (where it was read and how it is laid
    # out: fds_2020_action_plan.py). One Word table per kind of action, with its heading and each
    # "Action N: ..." heading as rows spanning the table; the milestones are the actions.
    plan, summary = imported(runner, tmp_path, "fds_2020_action_plan.docx", *FDS_MAP)
    assert plan["ids"] == "derived"
    assert plan["document"] == {"title": "fds_2020_action_plan", "language": "en"}
    # the kinds of action are parts, the numbered "Action N: ..." headings under them sections
    shape = [(p["title"], [len(s["actions"]) for s in p["sections"]]) for p in plan["parts"]]
    assert shape == [
        ("Agency Actions", [3, 6, 3, 3, 2, 2]),
        ("Community of Practice Actions", [3, 3, 3, 5]),
        ("Shared Solution Actions", [3, 3, 4, 3, 2, 3, 4, 6, 3, 1]),
    ]
    assert [s["id"] for p in plan["parts"] for s in p["sections"]] == [str(n) for n in range(1, 21)]
    ethics = plan["parts"][2]["sections"][3]
    assert ethics["title"] == "Develop a Data Ethics Framework"
    assert ethics["actions"][0] == {
        "id": "III.14.1",
        "text": "Initial examination of ethical issues encountered across data life cycle",
        "timeline": "6 months",
        "responsible": "GSA with CDO Council and ICSP",
    }
    # the Agency Actions' tables have no responsible column: their milestones have none
    assert not any("responsible" in a for s in plan["parts"][0]["sections"] for a in s["actions"])
    assert "Made 3 parts, 20 sections and 65 actions." in summary
    assert "responsible ← 'Responsible Party'" in summary
    # most target dates count months from the plan's release ("10 months", "12 months"): no date
    # to read them against, they are unspecified, and said; "September 2020" is a deadline
    assert "Timelines read as: deadline 1, ongoing 1, recurring 2, unspecified 61." in summary
    assert "Unspecified: '12 months'" in summary
    assert "Unspecified: 'See timeline on performance.gov'" in summary
    assert "Not placed" not in summary


@pytest.mark.parametrize(
    ("header", "word"), [("Action,Timeline", "Action"), ("Acción;Plazo", "Acción")], ids=["en", "es"]
)
def test_numbered_action_headings_under_a_numbered_part_are_sections(
    runner: CliRunner, tmp_path: Path, header: str, word: str
) -> None:
    separator = header[len(word)]
    rows = ("I. Data", f"{word} 1: Identify data needs", "Consult leaders", f"{word} 2: Govern", "Publish")
    source = tmp_path / "headed.csv"
    source.write_text(
        "".join(f"{row}\r\n" for row in (header, *(r + separator for r in rows))), encoding="utf-8"
    )
    out = tmp_path / "headed.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    plan = yaml.safe_load(out.read_text(encoding="utf-8"))
    # "Action 1: ..." alone in the action column is a numbered heading (as "Axe 1: ..." is), one
    # level below the roman-numbered one
    assert [(p["id"], [(s["id"], s["title"]) for s in p["sections"]]) for p in plan["parts"]] == [
        ("I", [("1", "Identify data needs"), ("2", "Govern")])
    ]


def test_an_id_column_numbering_actions_beside_a_goal_column_keeps_one_part_per_goal(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "goals.csv"
    source.write_text(
        "N°;Objectif stratégique;Activité;Échéance\r\n"
        "1;Axe emploi;Former les conseillers;2025\r\n"
        "2;Axe emploi;Ouvrir deux guichets;2026\r\n"
        "3;Axe dialogue;Réunir le conseil;2025\r\n",
        encoding="utf-8",
    )
    out = tmp_path / "goals.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    plan = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [(p["title"], [a["id"] for a in p["actions"]]) for p in plan["parts"]] == [
        ("Axe emploi", ["1", "2"]),
        ("Axe dialogue", ["3"]),
    ]


def assert_same_actions(runner: CliRunner, plan: Path) -> None:
    """The plan holds the bundled plan's 78 actions: ids, places, texts and timelines, byte for byte."""
    import json

    def actions(*args: str) -> list[tuple[str, str, str, str, str | None]]:
        result = runner.invoke(app, [*args, "export", "--format", "json"])
        assert result.exit_code == 0, result.output
        return [
            (r["id"], r["part"], r["section"], r["text"], r["timeline"]) for r in json.loads(result.stdout)
        ]

    bundled = actions()
    assert len(bundled) == 78
    assert actions("--plan", str(plan)) == bundled


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Activité", "text"),
        ("Actividades", "text"),
        ("Échéance prévue", "timeline"),
        ("Cronograma", "timeline"),
        ("Plazo", "timeline"),
        ("Entité responsable", "responsible"),
        ("Partenaires", "partners"),
        ("Socios", "partners"),
        ("N°", "id"),
        ("Código", "id"),
        ("part_title", "part_title"),
        ("Strategic Goal", "part_title"),
        ("Objectif stratégique", "part_title"),
        ("Eje estratégico", "part_title"),
        ("Outcomes", "section_title"),
        ("Résultats attendus", "section_title"),
        ("Resultados esperados", "section_title"),
        ("issue_title", "issue_title"),
        ("due_month", "ignore"),
        ("Indicateur", None),
    ],
)
def test_headers_in_three_languages(header: str, field: str | None) -> None:
    assert field_of(header, {}) == field


def test_map_overrides_a_known_header() -> None:
    assert field_of("Responsable", parse_map(["responsable=ignore"])) == "ignore"


@pytest.mark.parametrize(
    ("sep", "text"), [(",", "a,b\r\n1,2\r\n"), (";", "a;b\r\n1;2\r\n"), ("\t", "a\tb\r\n1\t2\r\n")]
)
def test_the_separator_is_sniffed(sep: str, text: str) -> None:
    assert sniff_separator(text) == sep
    assert [c.text for c in read_csv(text.encode(), "t").tables[0].rows[1].cells] == ["1", "2"]


def test_partners_are_matched_against_the_registry_given_and_the_plan_names_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    registry = tmp_path / "partners.yaml"
    registry.write_bytes((EXAMPLES / "responsible" / "partners.yaml").read_bytes())
    source = tmp_path / "plan.csv"
    source.write_text(
        "Action,Timeline,Partners\r\n"  # a partner by its name, another by its id
        'Adopt the rules,By June 2025,"Ministry of Labour and Employment, union"\r\n',
        encoding="utf-8",
    )
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out), "--partners", str(registry)])
    assert result.exit_code == 0, result.output
    plan = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert plan["registry"] == "partners.yaml"
    assert plan["parts"][0]["actions"][0]["partners"] == ["ministry", "union"]
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


@pytest.mark.parametrize(
    "text", ["1e3", "0o17", "0x1F", "1_000", ".5", "12:30", "-2", "no", "On", "null", "~", ".inf"]
)
def test_a_text_that_looks_like_a_number_or_a_word_of_yaml_imports_as_text(
    runner: CliRunner, tmp_path: Path, text: str
) -> None:
    table = tmp_path / "plan.csv"
    table.write_text(f"Action,Timeline\n{text},By June 2026\n", encoding="utf-8")
    written = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["import", str(table), "-o", str(written)])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(app, ["--plan", str(written), "list", "-f", "json"])
    assert json.loads(shown.stdout)[0]["text"] == text

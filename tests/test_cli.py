"""The command line, through Typer's runner: outputs, formats and exit codes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES
from ilotc.cli.main import app


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_list_json_gives_78_records_24_28_26(runner: CliRunner) -> None:
    code, out, _ = run(runner, "list", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert len(records) == 78
    assert Counter(r["part"] for r in records) == {"I": 24, "II": 28, "III": 26}


def test_action_record_fields(runner: CliRunner) -> None:
    _, out, _ = run(runner, "list", "--format", "json")
    first = json.loads(out)[0]
    assert {
        "id": first["id"],
        "part": first["part"],
        "section": first["section"],
        "timeline": first["timeline"],
        "kind": first["kind"],
        "start": first["start"],
        "due": first["due"],
        "every_months": first["every_months"],
        "status": first["status"],
        "partners": first["partners"],
    } == {
        "id": "I.1a.1",
        "part": "I",
        "section": "1a",
        "timeline": "Achevée en avril 2000",
        "kind": "deadline",
        "start": None,
        "due": "2000-04",
        "every_months": None,
        "status": "planned",
        "partners": [],
    }
    assert first["text"].startswith("une déclaration sur la politique de coopération technique")
    assert first["schedules"] == [
        {
            "kind": "deadline",
            "start": None,
            "due": "2000-04",
            "every_months": None,
            "immediate": False,
            "start_precision": None,
            "due_precision": "month",
        }
    ]


def test_list_part_ii_table(runner: CliRunner) -> None:
    code, out, err = run(runner, "list", "--part", "II")
    assert code == 0
    assert "II.1.1" in out and "II.5.3" in out and "I.1a.1" not in out
    assert "28 of 78 actions" in err


def test_tables_stack_the_status_under_the_id_and_the_reading_under_the_timeline(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # three columns leave the text room on 80
    code, out, _ = run(runner, "list", "--search", "Achevé en avril 2000")
    assert code == 0
    lines = out.splitlines()
    assert [cell.strip() for cell in lines[1].split("┃")[1:-1]] == [
        "Id / Status",
        "Action",
        "Timeline / Reading",
    ]
    assert all(len(line) <= 80 for line in lines)
    row = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines[3:-1]]
    assert row[0][0] == "II.2.2" and row[1][0] == "planned"
    first = " ".join(line[2] for line in row[: [line[0] for line in row].index("II.2.3")])
    assert first.split() == ["Achevé", "en", "avril", "2000", "→", "deadline", "2000-04"]
    for command in (["overdue", "--as-of", "2000-06"], ["upcoming", "--as-of", "2000-06"]):
        header = run(runner, *command)[1].splitlines()[1]
        assert header.split("┃")[1].strip() == "Id / Status", command


def test_options_go_before_or_after_the_command(
    runner: CliRunner, example_plan: Path, example_partners: Path
) -> None:
    before = run(
        runner, "--plan", str(example_plan), "--partners", str(example_partners), "list", "-f", "json"
    )
    after = run(
        runner, "list", "-f", "json", "--plan", str(example_plan), "--partners", str(example_partners)
    )
    assert before == after
    assert len(json.loads(before[1])) == 10


def test_environment_selects_the_files(
    runner: CliRunner, example_plan: Path, example_partners: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILOTC_PLAN", str(example_plan))
    monkeypatch.setenv("ILOTC_PARTNERS", str(example_partners))
    _, out, _ = run(runner, "list", "-f", "json")
    assert [r["id"] for r in json.loads(out)][:2] == ["I.1a.1", "I.1a.2"]
    assert len(json.loads(out)) == 10


def test_csv_and_markdown(runner: CliRunner) -> None:
    _, out, _ = run(runner, "list", "--section", "1a", "--part", "I", "-f", "csv")
    lines = out.splitlines()
    assert lines[0] == (
        "id,part,section,text,timeline,kind,start,due,every_months,status,partners,responsible,done_late_days"
    )
    assert len(lines) == 5 and lines[1].startswith("I.1a.1,I,1a,")
    _, out, _ = run(runner, "list", "--section", "1a", "--part", "I", "-f", "markdown")
    assert out.splitlines()[0].startswith("| id | part | section |")
    assert len(out.splitlines()) == 2 + 4


def test_validate_bundled_files(runner: CliRunner) -> None:
    code, out, err = run(runner, "validate")
    assert code == 0
    assert out == ""
    assert "2 files checked: 0 errors, 0 warnings" in err


def test_validate_reports_a_misspelt_key_with_its_position(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "plan.yaml"
    text = (DATA / "plan.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace('    title: "Rendre', '    tilte: "Rendre', 1), encoding="utf-8")
    line = next(n for n, text in enumerate(broken.read_text().splitlines(), 1) if "tilte:" in text)
    code, out, _ = run(runner, "validate", str(broken))
    assert code == 1
    assert f"{broken}:{line}:5: error: unknown key 'tilte'; did you mean 'title'?" in out


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_validate_machine_formats(runner: CliRunner, fmt: str) -> None:
    path = EXAMPLES / "invalid" / "plan_references.yaml"
    code, out, _ = run(
        runner,
        "validate",
        str(path),
        "--format",
        fmt,
        "--partners",
        str(EXAMPLES / "valid" / "partners.yaml"),
    )
    assert code == 1
    if fmt == "json":
        problems = json.loads(out)
        assert problems[0] == {
            "path": str(path),
            "line": 19,
            "column": 30,
            "severity": "error",
            "message": "unknown partner 'pnudd'; did you mean 'pnud'? "
            "(partner ids are defined in the partner registry ../valid/partners.yaml)",
            "pointer": "/parts/0/sections/0/actions/0/partners/1",
        }
        assert len(problems) == 4
    else:
        assert out.splitlines()[0] == (
            f"::error file={path},line=19,col=30::unknown partner 'pnudd'; did you mean 'pnud'? "
            "(partner ids are defined in the partner registry ../valid/partners.yaml)"
        )


def test_github_format_is_the_default_in_github_actions(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(runner, "validate", str(EXAMPLES / "invalid" / "plan_tabs.yaml"))
    assert out.startswith("::error file=")


def test_validate_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "validate", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "no such file" in err


def test_command_on_broken_plan_prints_problems_and_exits_1(runner: CliRunner) -> None:
    code, out, err = run(runner, "--plan", str(EXAMPLES / "invalid" / "plan_misspelt_key.yaml"), "list")
    assert code == 1
    assert out == ""
    assert "plan_misspelt_key.yaml:17:13: error: unknown key 'tilte'" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--part", "IV"], "--part 'IV' is not a part: expected I, II or III"),
        (["list", "--due-before", "2000-13"], "expected YYYY-MM or YYYY-MM-DD"),
        (["list", "--due-after", "juin"], "expected YYYY-MM or YYYY-MM-DD"),
        (["list", "--partner", "nobody"], "'nobody' is not in the partner registry"),
        (["list", "--section", "x1"], "is not a section: expected one such as 1, 1a, 1b"),
        (["show", "I.9z.9"], "no action 'I.9z.9' in the plan"),
        (["list", "--frobnicate"], "No such option"),
    ],
)
def test_bad_usage_exits_2(runner: CliRunner, args: list[str], message: str) -> None:
    code, _, err = run(runner, *args)
    assert code == 2
    assert message in " ".join(err.split())


def test_show_an_action(runner: CliRunner) -> None:
    code, out, _ = run(runner, "show", "II.1.1")
    assert code == 0
    for expected in (
        "Améliorer la qualité",
        "La planification de l'étude devrait démarrer",
        "window: from January 2000 to 31 December 2000",
        "planned",
    ):
        assert expected in " ".join(out.replace("│", " ").split()), expected


def test_show_json(runner: CliRunner) -> None:
    _, out, _ = run(runner, "show", "III.1a.2", "-f", "json")
    (record,) = json.loads(out)
    assert record["partners"] == ["pnud"]
    assert record["issue_title"] == "Au sein du système des Nations Unies"


def test_schema_command(runner: CliRunner) -> None:
    code, out, _ = run(runner, "schema", "partners")
    assert code == 0
    assert json.loads(out)["title"] == "ilotc partner registry"


def test_every_command_has_help(runner: CliRunner) -> None:
    _, out, _ = run(runner, "--help")
    for command in ("list", "show", "validate", "schema", "timeline"):
        assert command in out
        code, text, _ = run(runner, command, "--help")
        assert code == 0 and "Usage:" in text


def test_version(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--version")
    assert code == 0 and out.startswith("ilotc ")


def test_overdue_as_of_june_2000(runner: CliRunner) -> None:
    code, out, err = run(runner, "overdue", "--as-of", "2000-06", "--format", "json")
    assert code == 0
    records = json.loads(out)
    by_id = {r["id"]: r for r in records}
    assert len(records) == 26
    assert "26 overdue of 78 actions as of 1\u00a0June\u00a02000" in err
    assert (by_id["II.3.1"]["reason"], by_id["II.3.1"]["late_since"], by_id["II.3.1"]["days_late"]) == (
        "due",
        "2000-06-01",
        1,
    )
    assert by_id["I.2c.1"]["reason"] == "start"
    assert records[0]["id"] == "III.1d.1" and records[0]["days_late"] == 153
    # due in June 2000: not late on 1 June
    assert "III.1d.4" not in by_id and "III.1a.1" not in by_id


def test_overdue_fail_exits_1_when_something_is_late(runner: CliRunner) -> None:
    assert run(runner, "overdue", "--as-of", "2000-06", "--fail")[0] == 1
    assert run(runner, "overdue", "--as-of", "1999-11", "--fail")[0] == 0


def test_overdue_filters(runner: CliRunner) -> None:
    _, out, _ = run(
        runner, "overdue", "--as-of", "2000-06", "--part", "I", "--kind", "deadline", "-f", "json"
    )
    assert [r["id"] for r in json.loads(out)] == ["I.3b.3", "I.1a.1"]


def test_upcoming_after_june_2000(runner: CliRunner) -> None:
    code, out, _ = run(runner, "upcoming", "--as-of", "2000-06", "--format", "json")
    assert code == 0
    assert [(r["id"], r["reason"], r["date"]) for r in json.loads(out)] == [
        ("III.1a.1", "due", "2000-06-30"),
        ("III.1a.2", "due", "2000-06-30"),
        ("III.1a.3", "due", "2000-06-30"),
        ("III.1b.1", "due", "2000-06-30"),
        ("III.1d.4", "due", "2000-06-30"),
        ("II.2.4", "due", "2000-07-31"),
    ]
    _, out, _ = run(runner, "upcoming", "--as-of", "2000-06", "--within", "4", "--format", "json")
    assert {"I.2a.2", "I.3b.2"} <= {r["id"] for r in json.loads(out)}


def test_filters_combine(runner: CliRunner) -> None:
    _, out, _ = run(
        runner, "list", "--part", "III", "--kind", "milestone", "--search", "NATIONS", "-f", "json"
    )
    # the issue title "Au sein du système des Nations Unies" is searched too
    assert [r["id"] for r in json.loads(out)] == ["III.1a.1", "III.1a.2", "III.1a.3"]
    _, out, _ = run(runner, "list", "--search", "parite", "-f", "json")
    assert {r["id"] for r in json.loads(out)} >= {"I.4a.1", "I.4a.2"}
    _, out, _ = run(runner, "list", "--due-before", "2000-05", "--due-after", "2000-03", "-f", "json")
    assert [r["id"] for r in json.loads(out)] == ["I.1a.1", "II.2.2", "II.2.3"]
    _, out, _ = run(runner, "list", "--section", "1", "--part", "I", "-f", "json")
    assert {r["section"] for r in json.loads(out)} == {"1a", "1b"}
    _, out, _ = run(runner, "list", "--status", "in_progress", "--part", "I", "-f", "json")
    assert [r["id"] for r in json.loads(out)] == ["I.2a.1", "I.2c.2", "I.2c.4", "I.3a.2"]
    _, out, _ = run(runner, "list", "--partner", "pnud", "-f", "json")
    assert {"III.1a.2", "III.1a.1"} <= {r["id"] for r in json.loads(out)}


def test_timeline_reads_a_bullet_after_double_dash(runner: CliRunner) -> None:
    code, out, _ = run(runner, "timeline", "--format", "json", "--", "- Juin 2015 : rapport")
    assert code == 0
    assert json.loads(out)["schedules"][0]["due"] == "2015-06"
    code, out, _ = run(runner, "timeline", "--help")
    assert "--" in out and "starts with" in out


def test_timeline_of_nothing_names_no_language(runner: CliRunner) -> None:
    code, out, _ = run(runner, "timeline", "")
    assert code == 0 and "Language: none (nothing to read)" in out and "fr" not in out
    code, out, _ = run(runner, "timeline", "--format", "json", "")
    assert json.loads(out)["lang"] is None


def test_timeline_with_year_zero_is_unspecified_not_an_error(runner: CliRunner) -> None:
    code, out, err = run(runner, "timeline", "01/01/0000")
    assert code == 0 and "unspecified" in out and "0000-01-01 is not a real day" in out
    assert "internal error" not in err


def test_timeline_phrase_lang_names_the_language(runner: CliRunner) -> None:
    code, out, _ = run(
        runner, "timeline", "--phrase-lang", "es", "--format", "json", "antes del 30 de junio de 2021"
    )
    assert code == 0
    record = json.loads(out)
    assert record["lang"] == "es"
    assert record["schedules"] == [
        {
            "kind": "deadline",
            "start": None,
            "due": "2021-06-30",
            "every_months": None,
            "immediate": False,
            "start_precision": None,
            "due_precision": "day",
        }
    ]
    # --lang is the interface's language (CONTRACT "Languages"), not the phrase's
    code, out, _ = run(runner, "timeline", "--lang", "fr", "Mai 2000")
    assert code == 0 and "échéance\u00a0: au plus tard le 31\u00a0mai\u00a02000" in out


def test_timeline_relative_phrase_says_why(runner: CliRunner) -> None:
    code, out, _ = run(runner, "timeline", "six mois après l'adoption")
    assert code == 0
    assert "unspecified" in out and "relative to an event" in out

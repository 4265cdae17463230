"""Any plan, several at once: plans of other shapes and languages, side by side with GB.276/TC/2.

Each example plan under examples/plans/ goes through validate, list, overdue, report and
export --format ics; the bundled plan's records are compared with a snapshot taken before
plans became many.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from conftest import EXAMPLES, ROOT
from ilotc.cli.main import app

PLANS = EXAMPLES / "plans"
ENGLISH = PLANS / "english" / "nep-2025.yaml"
SPANISH = PLANS / "spanish" / "plan.yaml"
TWO_LEVEL = PLANS / "two_level" / "plan.yaml"
SHARED = PLANS / "shared_ids"
SNAPSHOTS = ROOT / "tests" / "snapshots"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def records(runner: CliRunner, *args: str) -> list[dict[str, object]]:
    code, out, err = run(runner, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


# --- each example plan through every command --------------------------------------------------

EXAMPLE_PLANS = {
    "english": (ENGLISH, "nep-2025", 6, 5),
    "spanish": (SPANISH, "PTD-2024", 4, 1),
    "two_level": (TWO_LEVEL, "plan", 3, 1),
    "shared_ids": (SHARED, None, 4, 4),
}
"""Name: (what --plan names, the plan's name, its actions, overdue as of 2026-01)."""


@pytest.mark.parametrize("name", EXAMPLE_PLANS)
def test_example_plan_validates(runner: CliRunner, name: str) -> None:
    path = EXAMPLE_PLANS[name][0]
    code, out, err = run(runner, "--plan", str(path), "validate")
    assert (code, out) == (0, ""), err
    assert "0 errors, 0 warnings" in err


@pytest.mark.parametrize("name", EXAMPLE_PLANS)
def test_example_plan_lists_and_overdue_carry_the_plan(runner: CliRunner, name: str) -> None:
    path, plan_name, total, late = EXAMPLE_PLANS[name]
    listed = records(runner, "--plan", str(path), "list")
    assert len(listed) == total
    overdue = records(runner, "--plan", str(path), "overdue", "--as-of", "2026-01")
    assert len(overdue) == late
    names = {record["plan"] for record in [*listed, *overdue]}
    assert names == ({"one", "two"} if plan_name is None else {plan_name})


def test_english_plan_parts_and_ids_as_written(runner: CliRunner) -> None:
    listed = records(runner, "--plan", str(ENGLISH), "list")
    assert [r["part"] for r in listed] == ["A", "A", "B", "C", "D", "D"]
    assert listed[0]["partners"] == ["ministry", "union"]  # checked against its own registry
    assert [r["id"] for r in records(runner, "--plan", str(ENGLISH), "list", "--part", "c")] == ["C.1.1"]


def test_two_level_plan_has_no_section(runner: CliRunner) -> None:
    listed = records(runner, "--plan", str(TWO_LEVEL), "list")
    assert [(r["id"], r["part"], r["section"]) for r in listed] == [
        ("coord-1", "1", None),
        ("coord-2", "1", None),
        ("fund-1", "2", None),
    ]
    assert listed[1]["kind"] == "unspecified"  # timeline: null


@pytest.mark.parametrize("name", EXAMPLE_PLANS)
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_example_plan_report_says_only_what_the_plan_states(runner: CliRunner, name: str, fmt: str) -> None:
    path = EXAMPLE_PLANS[name][0]
    code, out, err = run(runner, "--plan", str(path), "report", "--as-of", "2026-01", "--format", fmt)
    assert code == 0, err
    assert (
        "Governing Body" not in out
        and "GB.276" not in out
        and "Session" not in out.replace("21st Session", "")
    )
    assert "FOR INFORMATION" in out and "Point for decision" not in out  # no decision is set
    if name == "spanish":  # the report goes to the plan's body; the plan's session is the plan's
        assert "Consejo Nacional de Trabajo" in out and "21st Session" not in out


def test_a_plan_with_no_date_reports_without_one(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the calendar's DTSTAMP is the export's time
    text = TWO_LEVEL.read_text(encoding="utf-8").replace('  date: "2025-09"\n', "")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    code, out, err = run(
        runner, "--plan", str(tmp_path / "plan.yaml"), "report", "--as-of", "2026-01", "-f", "markdown"
    )
    assert code == 0, err
    assert "The implementation plan (“Donor coordination plan”) sets out 3 actions." in out
    code, out, err = run(runner, "--plan", str(tmp_path / "plan.yaml"), "export", "--format", "ics")
    assert code == 0 and "DTSTAMP:19700101T000000Z" in out, err


def ics_uids(runner: CliRunner, *plans: Path) -> list[str]:
    args = [arg for path in plans for arg in ("--plan", str(path))]
    code, out, err = run(runner, *args, "export", "--format", "ics")
    assert code == 0, err
    calendar = Calendar.from_ical(out.encode("utf-8"))
    return [str(c["UID"]) for c in calendar.walk() if c.name in ("VTODO", "VEVENT")]


@pytest.mark.parametrize("name", EXAMPLE_PLANS)
def test_example_plan_calendar(runner: CliRunner, name: str) -> None:
    path, plan_name, _, _ = EXAMPLE_PLANS[name]
    code, out, err = run(runner, "--plan", str(path), "export", "--format", "ics")
    assert code == 0, err
    calendar = Calendar.from_ical(out.encode("utf-8"))
    prodid = str(calendar["PRODID"])
    assert "GB.276" not in prodid and prodid == f"-//ilotc//{plan_name or 'one, two'}//EN"
    assert "Calendrier" not in out and "Partie" not in out
    uids = ics_uids(runner, path)
    assert uids and len(uids) == len(set(uids))


def test_plans_sharing_ids_have_different_uids(runner: CliRunner) -> None:
    one, two = ics_uids(runner, SHARED / "one.yaml"), ics_uids(runner, SHARED / "two.yaml")
    assert one == ["I.1.1-due-0@one.ilotc", "I.1.2-start-0@one.ilotc"]
    assert two == ["I.1.1-due-0@two.ilotc", "I.1.2-start-0@two.ilotc"]
    assert ics_uids(runner, SHARED) == ics_uids(runner, SHARED)  # stable across exports
    assert sorted(ics_uids(runner, SHARED)) == sorted(one + two)


# --- several plans at once ----------------------------------------------------------------------


def test_plans_beside_the_bundled_one(runner: CliRunner) -> None:
    bundled = ROOT / "data" / "plan.yaml"
    listed = records(runner, "--plan", str(bundled), "--plan", str(ENGLISH), "list")
    assert len(listed) == 78 + 6
    assert {r["plan"] for r in listed} == {"GB.276/TC/2", "nep-2025"}
    only = records(runner, "--plan", str(bundled), "--plan", str(ENGLISH), "list", "--plan-id", "nep-2025")
    assert [r["id"] for r in only] == ["A.1.1", "A.1.2", "B.1.1", "C.1.1", "D.1.1", "D.1.2"]
    code, table, _ = run(runner, "--plan", str(bundled), "--plan", str(ENGLISH), "list", "--part", "D")
    assert code == 0 and "nep-2025" in table.splitlines()[3]  # a plan column where several are in use
    assert table.splitlines()[1].split()[1] == "Plan"  # headed as the table's other columns
    code, csv, _ = run(runner, "--plan", str(SHARED), "overdue", "--as-of", "2026-01", "-f", "csv")
    assert code == 0 and csv.startswith("plan,id,")  # machine output keeps the record's key
    code, ics, _ = run(runner, "--plan", str(SHARED), "export", "-f", "ics", "--plan-id", "two")
    assert code == 0 and "@two.ilotc" in ics and "@one.ilotc" not in ics
    code, table, _ = run(runner, "--plan", str(ENGLISH), "list")
    assert "nep-2025" not in table


def test_ilotc_plan_is_a_path_list(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILOTC_PLAN", os.pathsep.join([str(ENGLISH), str(TWO_LEVEL)]))
    assert {r["plan"] for r in records(runner, "list")} == {"nep-2025", "plan"}


def test_an_unknown_plan_id_is_bad_usage(runner: CliRunner) -> None:
    code, _, err = run(runner, "--plan", str(SHARED), "list", "--plan-id", "three")
    assert code == 2 and "--plan-id 'three' is not a plan in use: expected one or two" in err


def test_an_id_in_two_plans_asks_for_plan_colon_id(runner: CliRunner) -> None:
    code, _, err = run(runner, "--plan", str(SHARED), "show", "I.1.1")
    assert code == 2
    assert "action 'I.1.1' is in 2 plans; name one as PLAN:ID, one of one:I.1.1, two:I.1.1" in err
    code, out, err = run(runner, "--plan", str(SHARED), "show", "two:I.1.1", "--format", "json")
    assert code == 0, err
    assert [(r["plan"], r["text"]) for r in json.loads(out)] == [("two", "First action of plan two.")]


def test_update_writes_the_file_that_holds_the_action(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("one.yaml", "two.yaml"):
        (tmp_path / name).write_bytes((SHARED / name).read_bytes())
    code, _, err = run(
        runner, "--plan", str(tmp_path), "update", "two:I.1.2", "--status", "done", "--date", "2025-06"
    )
    assert code == 0, err
    assert (tmp_path / "one.yaml").read_bytes() == (SHARED / "one.yaml").read_bytes()
    assert "status: done" in (tmp_path / "two.yaml").read_text(encoding="utf-8")


def test_two_plans_with_one_name_are_an_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.yaml").write_bytes((SHARED / "one.yaml").read_bytes())
    code, _, err = run(runner, "--plan", str(SHARED), "--plan", str(tmp_path / "a"), "list")
    assert code == 1
    assert "two plans in use are named 'one'" in err


def test_a_folder_uses_the_registry_beside_its_plans(runner: CliRunner, tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8").replace("registry: partners.yaml\n", "")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "who.yml").write_bytes((PLANS / "english" / "partners.yaml").read_bytes())
    assert len(records(runner, "--plan", str(tmp_path), "list", "--partner", "union")) == 2
    code, _, err = run(runner, "--plan", str(tmp_path / "plan.yaml"), "list")  # alone: the bundled one
    assert code == 1 and "unknown partner 'ministry'" in err and "registry bundled with ilotc" in err


def test_validate_checks_each_plan_against_its_own_registry(runner: CliRunner) -> None:
    bundled = ROOT / "data" / "plan.yaml"
    code, out, err = run(runner, "--plan", str(ENGLISH), "--plan", str(bundled), "validate")
    assert (code, out) == (0, ""), err
    assert "4 files checked: 0 errors" in err


def test_partner_problems_name_the_registry(runner: CliRunner, tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8").replace("[ministry, union]", "[ministry, unoin]")
    (tmp_path / "nep.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "partners.yaml").write_bytes((PLANS / "english" / "partners.yaml").read_bytes())
    code, out, _ = run(runner, "validate", str(tmp_path / "nep.yaml"))
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path / 'nep.yaml'}:20:34: error: unknown partner 'unoin'; did you mean 'union'? "
        "(partner ids are defined in the partner registry partners.yaml)"
    ]


def test_a_missing_registry_is_located(runner: CliRunner, tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8").replace("registry: partners.yaml", "registry: gone.yaml")
    (tmp_path / "nep.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run(runner, "validate", str(tmp_path / "nep.yaml"))
    assert code == 1
    assert out.splitlines()[0].startswith(
        f"{tmp_path / 'nep.yaml'}:3:11: error: the partner registry it names cannot be used: "
    )
    assert "no such file" in out


# --- ilotc init ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "before", "after", "environ"),
    [
        ("en", [], [], {}),
        ("fr", ["--lang", "fr"], [], {}),
        ("es", [], ["--lang", "es"], {}),
        ("es", [], [], {"ILOTC_LANG": "es"}),
    ],
    ids=["default", "lang-before", "lang-after", "ILOTC_LANG"],
)
def test_init_writes_a_plan_in_the_interface_language_that_validates(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    before: list[str],
    after: list[str],
    environ: dict[str, str],
) -> None:
    for variable, value in environ.items():
        monkeypatch.setenv(variable, value)
    code, _, err = run(runner, *before, "init", str(tmp_path), *after)
    assert code == 0, err
    monkeypatch.setenv("ILOTC_LANG", "en")  # the checks below are read in English
    plan, registry = tmp_path / "plan.yaml", tmp_path / "partners.yaml"
    assert plan.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=plan.schema.json\n")
    assert f"language: {lang}" in plan.read_text(encoding="utf-8")
    code, out, err = run(runner, "validate", str(plan))
    assert (code, out) == (0, ""), err
    assert "0 errors, 0 warnings" in err
    kinds = [r["kind"] for r in records(runner, "--plan", str(plan), "list")]
    assert kinds == ["deadline", "window", "recurring"]
    assert registry.exists()


def test_init_names_a_registry_after_its_plan(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "init", str(tmp_path / "nep.yaml"))
    assert code == 0, err
    assert "registry: nep-partners.yaml" in (tmp_path / "nep.yaml").read_text(encoding="utf-8")
    assert records(runner, "--plan", str(tmp_path / "nep.yaml"), "list")[0]["plan"] == "NEP-2026"


def test_init_with_a_trailing_slash_makes_that_folder(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "plan-folder"
    code, _, err = run(runner, "init", f"{folder}/")
    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == ["partners.yaml", "plan.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new"]  # no file named after the folder
    code, _, err = run(runner, "validate", str(folder / "plan.yaml"))
    assert code == 0, err


@pytest.mark.parametrize("existing", ["plan.yaml", "partners.yaml"])
def test_init_never_overwrites(runner: CliRunner, tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_text("mine\n", encoding="utf-8")
    code, _, err = run(runner, "init", str(tmp_path / "plan.yaml"))
    assert code == 2 and "already exists" in err
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing]  # nothing half-written


# --- the bundled plan is unchanged ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "snapshot"),
    [
        (("list", "--format", "json"), "bundled_list.json"),
        (("export", "--format", "json"), "bundled_export.json"),
        (("overdue", "--as-of", "2001-01", "--format", "json"), "bundled_overdue_2001-01.json"),
    ],
)
def test_bundled_records_are_todays_plus_plan(
    runner: CliRunner, args: tuple[str, ...], snapshot: str
) -> None:
    code, out, err = run(runner, *args)
    assert code == 0, err
    now = json.loads(out)
    before = json.loads((SNAPSHOTS / snapshot).read_text(encoding="utf-8"))
    assert {record.pop("plan") for record in now} == {"GB.276/TC/2"}
    assert now == before


def test_the_guides_part_named_with_a_space_validates_as_shown(runner: CliRunner, tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "writing-a-plan.md").read_text(encoding="utf-8")
    block = next(b for b in guide.split("```yaml\n")[1:] if "- id: Pilier 1" in b).split("```")[0]
    plan = tmp_path / "plan.yaml"
    plan.write_text(block, encoding="utf-8")
    code, out, err = run(runner, "validate", str(plan))
    assert code == 0, out + err
    assert "0 errors, 0 warnings" in err + out

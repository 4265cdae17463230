"""Every document has one home and one registry: `--format` choices and `-o FILE` suffixes come
from it, listing commands write files as `export` does, and the core parts moved out of the CLI
(the partner filter, the update flow) do what the commands did."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from conftest import DATA, ROOT
from ilotc.cli.main import app
from ilotc.edit.editing import StatusUpdate
from ilotc.edit.updating import UpdateRefused, update_plan
from ilotc.model.dates import PlanDate
from ilotc.model.queries import PartnerFilter, close_partner_ids
from ilotc.model.vocab import Role, Status
from ilotc.output.exports import EXPORT_FORMATS
from ilotc.output.listing import RENDERERS
from ilotc.output.problems import PROBLEM_FORMATS
from ilotc.output.reading import READING_FORMATS
from ilotc.store.loading import load


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("command", "registry"),
    [
        (["list"], RENDERERS),
        (["partners"], RENDERERS),
        (["validate"], PROBLEM_FORMATS),
        (["export"], EXPORT_FORMATS),
        (["timeline", "Mai 2000"], READING_FORMATS),
    ],
)
def test_format_choices_are_the_registry(
    runner: CliRunner, command: list[str], registry: dict[str, object]
) -> None:
    code, _, err = run(runner, *command, "--format", "nosuch")
    assert code == 2
    assert ", ".join(repr(name) for name in registry) in err


@pytest.mark.parametrize(
    ("args", "suffix", "fmt"),
    [
        (["list", "--part", "II"], ".csv", "csv"),
        (["list", "--part", "II"], ".json", "json"),
        (["list", "--part", "II"], ".md", "markdown"),
        (["overdue", "--as-of", "2001-01"], ".json", "json"),
        (["upcoming", "--as-of", "2000-01"], ".csv", "csv"),
        (["partners", "--role", "donor"], ".markdown", "markdown"),
        (["partners", "pnud"], ".json", "json"),
        (["show", "I.1a.1"], ".csv", "csv"),
    ],
)
def test_a_listing_written_to_a_file_is_what_stdout_gets(
    runner: CliRunner, tmp_path: Path, args: list[str], suffix: str, fmt: str
) -> None:
    target = tmp_path / f"out{suffix}"
    code, out, err = run(runner, *args, "-o", str(target))
    assert code == 0 and out == ""
    assert "Wrote " in err and str(target) in err
    _, expected, _ = run(runner, *args, "--format", fmt)
    assert target.read_text(encoding="utf-8") == expected


def test_a_table_or_view_goes_to_a_file_by_its_text_suffix(runner: CliRunner, tmp_path: Path) -> None:
    table, view = tmp_path / "list.txt", tmp_path / "show.text"
    assert run(runner, "list", "--part", "III", "-o", str(table))[0] == 0
    lines = table.read_text(encoding="utf-8").splitlines()
    assert "Id / Status" in lines[1] and max(len(line) for line in lines) <= 80
    assert run(runner, "show", "I.1a.1", "-o", str(view))[0] == 0
    shown = view.read_text(encoding="utf-8")
    assert shown.startswith("╭─ I.1a.1") and "Reads as" in shown and "\x1b" not in shown


@pytest.mark.parametrize(
    ("args", "name", "said"),
    [
        (["list", "--format", "json"], "out.md", "the name says markdown but --format is json"),
        (["overdue"], "out.pdf", "ilotc cannot write pdf here"),
        (["partners"], "out.zzz", ".zzz names no format ilotc knows"),
        (["show", "I.1a.1", "-f", "csv"], "out.json", "the name says json but --format is csv"),
    ],
)
def test_a_suffix_that_contradicts_the_format_is_bad_usage(
    runner: CliRunner, tmp_path: Path, args: list[str], name: str, said: str
) -> None:
    target = tmp_path / name
    code, out, err = run(runner, *args, "-o", str(target))
    assert (code, out) == (2, "")
    assert said in " ".join(err.split())
    assert not target.exists()


def test_view_labels_follow_the_interface_language(runner: CliRunner) -> None:
    french = run(runner, "--lang", "fr", "show", "I.1a.1")[1]
    assert "Partie" in french and "Calendrier" in french and "Reads as" not in french
    spanish = run(runner, "--lang", "es", "partners", "pnud")[1]
    assert "Nombre abreviado" in spanish and "Short name" not in spanish


def test_the_partner_filter_combines_its_criteria() -> None:
    registry = load(DATA / "plan.yaml", DATA / "partners.yaml").registry
    donors = [p.id for p in registry if PartnerFilter(programme="himo", role=Role.DONOR).matches(p)]
    assert donors and all(
        any(r.programme == "himo" and r.role is Role.DONOR for r in registry.get(i).roles) for i in donors
    )
    found = [p.id for p in registry if PartnerFilter(search="Developpement").matches(p)]
    assert "pnud" in found and "oit" not in found
    assert all(PartnerFilter().matches(p) for p in registry)


def test_a_mistyped_partner_id_finds_its_neighbours() -> None:
    registry = load(DATA / "plan.yaml", DATA / "partners.yaml").registry
    assert close_partner_ids("PNUD", registry)[0] == "pnud"
    assert close_partner_ids("  ", registry) == []


def test_the_update_flow_refuses_what_is_not_a_plan_file_as_bad_usage(tmp_path: Path) -> None:
    change = StatusUpdate("I.1a.1", Status.DONE, PlanDate.parse("2000-06"))
    with pytest.raises(UpdateRefused) as refused:
        update_plan(tmp_path, DATA / "partners.yaml", "I.1a.1", change)
    assert refused.value.usage and str(tmp_path) in refused.value.message


def test_the_update_flow_dry_run_writes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(DATA / "plan.yaml", plan)
    before = plan.read_bytes()
    change = StatusUpdate("I.1a.1", Status.DONE, PlanDate.parse("2000-06"), "fait")
    edit = update_plan(plan, DATA / "partners.yaml", "I.1a.1", change, dry_run=True)
    assert plan.read_bytes() == before
    assert "+        status: done" in edit.diff() or "status: done" in edit.diff()
    update_plan(plan, DATA / "partners.yaml", "I.1a.1", change)
    assert plan.read_bytes() == edit.data


def test_only_the_annotation_writer_starts_a_line_with_two_colons() -> None:
    """And the fence around CSV on a runner's log (`::stop-commands::`, docs/security.md)."""
    writers = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "src" / "ilotc").rglob("*.py"))
        if re.search(r"""f?["']::""", path.read_text(encoding="utf-8"))
    ]
    assert writers == ["src/ilotc/cli/streams.py", "src/ilotc/output/problems.py"]


def test_calendar_labels_follow_the_interface_language_and_uids_do_not(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")

    def todo(*lang: str) -> Any:
        data = runner.invoke(app, [*lang, "export", "--format", "ics", "--part", "I"]).stdout_bytes
        return next(c for c in Calendar.from_ical(data).walk("VTODO") if str(c["UID"]).startswith("I.1a.1-"))

    english, french, spanish = todo(), todo("--lang", "fr"), todo("--lang", "es")
    assert english["UID"] == french["UID"] == spanish["UID"]
    assert english["STATUS"] == french["STATUS"] == spanish["STATUS"]
    assert [english["CATEGORIES"].cats, french["CATEGORIES"].cats, spanish["CATEGORIES"].cats] == [
        ["Part I"],
        ["Partie I"],
        ["Parte I"],
    ]
    assert str(english["SUMMARY"]).startswith("I.1a.1 deadline: ")
    assert str(french["SUMMARY"]).startswith("I.1a.1 échéance\u00a0: ")
    assert "Calendrier\u00a0: Achevée en avril 2000" in str(french["DESCRIPTION"])
    assert "Calendario: Achevée en avril 2000" in str(spanish["DESCRIPTION"])

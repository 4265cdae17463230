"""`ilotc export`: the calendar (read back with icalendar) and the flat records (json, csv)."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from ilotc.cli.main import app

ICS_TODO_KINDS = {"deadline", "milestone", "window"}
ICS_EVENT_KINDS = {"start", "window"}
PLAN_DATE = dt.date(1999, 9, 28)  # GB.276/TC/2's date: recurring actions count from it
STAMP = dt.datetime(2000, 1, 26, 12, 0, tzinfo=dt.UTC)
"""DTSTAMP pinned for these tests with SOURCE_DATE_EPOCH (it is the export's time otherwise)."""


@pytest.fixture(autouse=True)
def pinned_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(STAMP.timestamp())))


def months_after(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + year, month + 1, day.day)


CSV_HEADER = [
    "id",
    "part",
    "section",
    "part_title",
    "section_title",
    "issue_title",
    "group_title",
    "text",
    "timeline",
    "kind",
    "start",
    "due",
    "every_months",
    "immediate",
    "schedules",
    "status",
    "partners",
    "partner_names",
    "responsible",
    "done_late_days",
    "history",
    "note",
]


def invoke(runner: CliRunner, *args: str) -> tuple[int, bytes, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def example(example_plan: Path, example_partners: Path) -> list[str]:
    return ["--plan", str(example_plan), "--partners", str(example_partners)]


def listed(runner: CliRunner, *data: str) -> list[dict[str, Any]]:
    """The actions as `ilotc list --format json` gives them: the independent source of truth."""
    code, out, _ = invoke(runner, *data, "list", "--format", "json")
    assert code == 0
    records: list[dict[str, Any]] = json.loads(out)
    return records


def month_end(text: str) -> dt.date:
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    year, month = map(int, text.split("-"))
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_start(text: str) -> dt.date:
    return dt.date.fromisoformat(text if len(text) == 10 else text + "-01")


def expected_entries(records: list[dict[str, Any]]) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
    """UID -> DUE of each to-do and UID -> DTSTART of each event, from the listed schedules."""
    todos: dict[str, dt.date] = {}
    events: dict[str, dt.date] = {}
    for record in records:
        for index, schedule in enumerate(record["schedules"]):
            if schedule["kind"] in ICS_TODO_KINDS and schedule["due"]:
                todos[f"{record['id']}-due-{index}@gb-276-tc-2.ilotc"] = month_end(schedule["due"])
            if schedule["kind"] in ICS_EVENT_KINDS and schedule["start"]:
                events[f"{record['id']}-start-{index}@gb-276-tc-2.ilotc"] = month_start(schedule["start"])
            if schedule["kind"] == "recurring" and schedule["every_months"]:
                first = months_after(PLAN_DATE, schedule["every_months"])
                todos[f"{record['id']}-every-{index}@gb-276-tc-2.ilotc"] = first
    return todos, events


def ics(runner: CliRunner, *data: str) -> bytes:
    code, out, err = invoke(runner, *data, "export", "--format", "ics")
    assert code == 0, err
    return out


# --- the calendar ---------------------------------------------------------------------------


def test_ics_reads_back_with_one_component_per_dated_schedule(runner: CliRunner) -> None:
    records = listed(runner)
    todos, events = expected_entries(records)
    # 16 deadlines + 9 milestones + 3 window ends + 2 recurring with a period; 15 dated starts
    # + 3 window starts
    assert (len(todos), len(events)) == (30, 18)
    parsed = Calendar.from_ical(ics(runner))
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["PRODID"]) == "-//ilotc//GB.276/TC/2//EN"
    got_todos = {str(c["UID"]): c["DUE"].dt for c in parsed.walk("VTODO")}
    got_events = {str(c["UID"]): (c["DTSTART"].dt, c["DTEND"].dt) for c in parsed.walk("VEVENT")}
    assert got_todos == todos
    assert got_events == {uid: (day, day + dt.timedelta(days=1)) for uid, day in events.items()}
    for component in [*parsed.walk("VTODO"), *parsed.walk("VEVENT")]:
        for name in ("DUE", "DTSTART", "DTEND"):
            if name in component:
                value = component[name].dt
                assert isinstance(value, dt.date) and not isinstance(value, dt.datetime)
                assert component[name].params.get("VALUE") == "DATE"


def test_ics_uids_stable_unique_and_output_reproducible(runner: CliRunner) -> None:
    first, second = ics(runner), ics(runner)
    assert first == second
    uids = [str(c["UID"]) for c in Calendar.from_ical(first).walk() if c.name in ("VTODO", "VEVENT")]
    assert len(uids) == len(set(uids)) == 48
    assert "I.1a.1-due-0@gb-276-tc-2.ilotc" in uids
    assert {"I.3a.1-start-0@gb-276-tc-2.ilotc", "I.3a.1-start-1@gb-276-tc-2.ilotc"} <= set(
        uids
    )  # a compound timeline
    assert {"II.1.1-start-0@gb-276-tc-2.ilotc", "II.1.1-due-0@gb-276-tc-2.ilotc"} <= set(
        uids
    )  # a window's two ends


def test_ics_fields(runner: CliRunner) -> None:
    parsed = Calendar.from_ical(ics(runner))
    todo = next(c for c in parsed.walk("VTODO") if str(c["UID"]) == "I.1a.1-due-0@gb-276-tc-2.ilotc")
    assert todo["DTSTAMP"].dt == STAMP
    assert str(todo["SUMMARY"]).startswith("I.1a.1 deadline: une déclaration sur la politique")
    assert "Timeline: Achevée en avril 2000" in str(todo["DESCRIPTION"])
    assert str(todo["STATUS"]) == "NEEDS-ACTION"
    assert todo["CATEGORIES"].cats == ["Part I"]
    parts = Counter(c["CATEGORIES"].cats[0] for c in parsed.walk() if c.name in ("VTODO", "VEVENT"))
    assert set(parts) == {"Part I", "Part II", "Part III"}
    assert all("DTSTAMP" in c for c in parsed.walk() if c.name in ("VTODO", "VEVENT"))


def test_ics_is_crlf_and_folded(runner: CliRunner) -> None:
    data = ics(runner)
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75


def test_ics_statuses_of_done_and_cancelled(
    runner: CliRunner, example_plan: Path, example_partners: Path
) -> None:
    parsed = Calendar.from_ical(ics(runner, *example(example_plan, example_partners)))
    todos = {str(c["UID"]): c for c in parsed.walk("VTODO")}
    events = {str(c["UID"]): c for c in parsed.walk("VEVENT")}
    # deadlines I.1a.1, II.2.1, III.1a.3, milestone III.1a.1, window II.1.1's end; its start
    assert sorted(todos) == [
        "I.1a.1-due-0@gb-276-tc-2.ilotc",
        "I.1a.2-every-0@gb-276-tc-2.ilotc",
        "II.1.1-due-0@gb-276-tc-2.ilotc",
        "II.2.1-due-0@gb-276-tc-2.ilotc",
        "III.1a.1-due-0@gb-276-tc-2.ilotc",
        "III.1a.3-due-0@gb-276-tc-2.ilotc",
    ]
    assert list(events) == [
        "II.1.1-start-0@gb-276-tc-2.ilotc"
    ]  # I.1a.3 starts at once, with no date: nothing
    assert {uid: str(c["STATUS"]) for uid, c in todos.items()} == {
        "I.1a.1-due-0@gb-276-tc-2.ilotc": "NEEDS-ACTION",
        "I.1a.2-every-0@gb-276-tc-2.ilotc": "IN-PROCESS",  # done marks one occurrence, not the series' end
        "II.1.1-due-0@gb-276-tc-2.ilotc": "IN-PROCESS",
        "II.2.1-due-0@gb-276-tc-2.ilotc": "COMPLETED",
        "III.1a.1-due-0@gb-276-tc-2.ilotc": "NEEDS-ACTION",
        "III.1a.3-due-0@gb-276-tc-2.ilotc": "CANCELLED",
    }
    assert todos["III.1a.1-due-0@gb-276-tc-2.ilotc"]["DUE"].dt == dt.date(
        2000, 6, 30
    )  # "premier semestre 2000"
    assert events["II.1.1-start-0@gb-276-tc-2.ilotc"]["DTSTART"].dt == dt.date(2000, 1, 1)
    assert todos["I.1a.1-due-0@gb-276-tc-2.ilotc"]["DTSTAMP"].dt == STAMP


# --- records --------------------------------------------------------------------------------


def test_json_records(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "export", "--format", "json")
    assert code == 0
    records = json.loads(out)
    source = {r["id"]: r for r in listed(runner)}
    assert [r["id"] for r in records] == list(source)
    assert len(records) == 78
    by_id = {r["id"]: r for r in records}
    assert by_id["III.1.2"]["partners"] == source["III.1.2"]["partners"]
    assert by_id["III.1.2"]["partners"][:2] == ["ministeres-cooperation-developpement", "cad-ocde"]
    assert len(by_id["III.1.2"]["partner_names"]) == len(source["III.1.2"]["partners"]) >= 3
    assert by_id["III.1.2"]["partner_names"][1] == "Comité d'aide au développement de l'OCDE"
    assert all(len(r["partner_names"]) == len(r["partners"]) for r in records)
    assert by_id["I.1a.1"]["partner_names"] == []


def test_json_partner_names_and_status_as_of_today(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, example_plan: Path, example_partners: Path
) -> None:
    args = [*example(example_plan, example_partners), "export", "--format", "json"]
    _, out, _ = invoke(runner, *args)
    by_id = {r["id"]: r for r in json.loads(out)}
    assert by_id["I.1a.3"]["partner_names"] == ["Programme des Nations Unies pour le développement"]
    assert by_id["II.1.1"]["status"] == "in_progress"  # changed on 2000-02-15; today is 2000-06-01
    monkeypatch.setenv("ILOTC_TODAY", "2000-02-01")
    _, out, _ = invoke(runner, *args)
    assert {r["id"]: r["status"] for r in json.loads(out)}["II.1.1"] == "planned"


def test_csv_records(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "export", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.decode("utf-8"))))
    assert rows[0] == CSV_HEADER
    assert len(rows) == 1 + 78
    by_id = {row[0]: dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]}
    partners = {r["id"]: r["partners"] for r in listed(runner)}
    assert by_id["III.1.2"]["partners"] == "; ".join(partners["III.1.2"])
    assert by_id["III.1.2"]["partners"].startswith("ministeres-cooperation-developpement; cad-ocde; ")
    assert by_id["I.3a.1"]["schedules"] == "start 2000-03; start 2000-11"
    assert (by_id["I.1a.1"]["kind"], by_id["I.1a.1"]["due"], by_id["I.1a.1"]["status"]) == (
        "deadline",
        "2000-04",
        "planned",
    )


def test_csv_history_of_the_example(runner: CliRunner, example_plan: Path, example_partners: Path) -> None:
    _, out, _ = invoke(runner, *example(example_plan, example_partners), "export", "--format", "csv")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out.decode("utf-8")))}
    assert len(rows) == 10
    assert rows["I.1a.2"]["history"] == "2000-03 done (première réunion)"
    assert rows["I.1a.3"]["immediate"] == "true"
    assert rows["I.1a.3"]["partner_names"] == "Programme des Nations Unies pour le développement"


# --- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "name"), [("ics", "plan.ics"), ("json", "plan.json"), ("csv", "plan.csv")])
def test_output_file(runner: CliRunner, tmp_path: Path, fmt: str, name: str) -> None:
    target = tmp_path / name
    code, out, err = invoke(runner, "export", "--format", fmt, "-o", str(target))
    assert code == 0, err
    assert out == b""
    assert err.startswith("Wrote ") and err.count("\n") == 1
    _, direct, _ = invoke(runner, "export", "--format", fmt)
    assert target.read_bytes() == direct
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_ics_confirmation_counts(runner: CliRunner, tmp_path: Path) -> None:
    _, _, err = invoke(runner, "export", "--format", "ics", "-o", str(tmp_path / "plan.ics"))
    assert "a calendar of 30 to-dos and 18 events" in err


@pytest.mark.parametrize("args", [[], ["--format", "pdf"]])
def test_export_usage_errors(runner: CliRunner, args: list[str]) -> None:
    code, out, err = invoke(runner, "export", *args)
    assert code == 2
    assert out == b"" and "Traceback" not in err


def test_export_bad_output_path(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = invoke(runner, "export", "--format", "ics", "-o", str(tmp_path / "no" / "plan.ics"))
    assert code == 2
    assert "cannot write" in err and "does not exist" in err
    assert out == b""


# --- issue 16: recurrences, sequences, alarms, DTSTAMP, filters -------------------------------


def test_recurring_actions_repeat_with_an_rrule_that_icalendar_expands(runner: CliRunner) -> None:
    parsed = Calendar.from_ical(ics(runner))
    todo = next(c for c in parsed.walk("VTODO") if str(c["UID"]) == "I.1a.2-every-0@gb-276-tc-2.ilotc")
    # each occurrence is its own day (DTSTART the day before DUE); the rule names that day
    assert dict(todo["RRULE"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [24], "BYMONTHDAY": [27]}
    assert todo["DTSTART"].dt == dt.date(2001, 9, 27) and todo["DUE"].dt == dt.date(2001, 9, 28)
    assert str(todo["SUMMARY"]).startswith("I.1a.2 recurs: ")
    from dateutil.rrule import rrulestr  # icalendar's own dependency

    rule = rrulestr(todo["RRULE"].to_ical().decode(), dtstart=dt.datetime(2001, 9, 27))
    dues = [day.date() + dt.timedelta(days=1) for day in rule[:3]]
    assert dues == [months_after(PLAN_DATE, 24), months_after(PLAN_DATE, 48), months_after(PLAN_DATE, 72)]
    # one without a period ("Tous les ans ou..." read with no number) gives nothing to repeat
    assert not any(str(c.get("UID", "")).startswith("I.3b.1-") for c in parsed.walk())


def test_sequence_grows_with_the_recorded_changes(
    runner: CliRunner, example_plan: Path, example_partners: Path, tmp_path: Path
) -> None:
    def sequence(plan: Path) -> int:
        parsed = Calendar.from_ical(ics(runner, "--plan", str(plan), "--partners", str(example_partners)))
        return int(
            next(c for c in parsed.walk("VTODO") if str(c["UID"]) == "I.1a.1-due-0@gb-276-tc-2.ilotc")[
                "SEQUENCE"
            ]
        )

    copy = tmp_path / "plan.yaml"
    copy.write_bytes(example_plan.read_bytes())
    before = sequence(copy)
    assert sequence(copy) == before  # the same file, the same number
    code = runner.invoke(
        app,
        [
            "--plan",
            str(copy),
            "--partners",
            str(example_partners),
            "update",
            "I.1a.1",
            "--status",
            "in_progress",
            "--date",
            "2000-07",
        ],
    ).exit_code
    assert code == 0
    assert sequence(copy) == before + 1


def test_alarm_days_before_each_due_date(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "export", "--format", "ics", "--alarm", "14", "--part", "II")
    assert code == 0, err
    parsed = Calendar.from_ical(out)
    todos = list(parsed.walk("VTODO"))
    assert todos and all(str(c["CATEGORIES"].cats[0]) == "Part II" for c in todos)
    for todo in todos:
        (alarm,) = todo.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == -dt.timedelta(days=14)
        assert alarm["TRIGGER"].params["RELATED"] == "END"
    assert invoke(runner, "export", "--format", "json", "--alarm", "3")[0] == 2


def test_dtstamp_is_the_time_of_the_export(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    parsed = Calendar.from_ical(ics(runner))
    stamps = {c["DTSTAMP"].dt for c in parsed.walk() if c.name in ("VTODO", "VEVENT")}
    assert len(stamps) == 1
    assert before <= stamps.pop() <= dt.datetime.now(dt.UTC)


def test_export_takes_the_filters_and_as_of(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "export", "--format", "json", "--part", "III", "--kind", "deadline")
    assert code == 0
    records = json.loads(out)
    assert records and {(r["part"], r["kind"]) for r in records} == {("III", "deadline")}
    code, out, _ = invoke(runner, "export", "--format", "csv", "--as-of", "2000-06", "--search", "parite")
    assert code == 0 and out.count(b"\r\n") + out.count(b"\n") >= 2
    assert invoke(runner, "export", "--format", "csv", "--as-of", "2000-13")[0] == 2


@pytest.mark.parametrize(
    ("args", "name", "code"),
    [
        ([], "plan.ics", 0),  # the suffix picks the format
        (["--format", "csv"], "plan.ics", 2),  # a suffix naming another format
        ([], "plan.pdf", 2),  # a format ilotc cannot write
        (["--format", "json"], "plan.out", 0),  # a suffix that names no format: --format wins
        ([], "plan", 2),  # neither --format nor a suffix
    ],
)
def test_output_suffix_and_format(
    runner: CliRunner, tmp_path: Path, args: list[str], name: str, code: int
) -> None:
    target = tmp_path / name
    got, _, err = invoke(runner, "export", *args, "-o", str(target))
    assert got == code, err
    assert target.exists() == (code == 0)

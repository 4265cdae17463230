"""The calendar read by the clients people use: recurring_ical_events (how khal and CalDAV
servers expand a rule), vobject (the parser under khal and Radicale) and icalendar.

Every occurrence of a recurring to-do must be due on the day `ilotc upcoming` gives, for ten
years, leap days included; UIDs stay apart between plans that share a name; done to-dos say
when; `--events` gives the same deadlines as all-day events.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import recurring_ical_events
import vobject
from icalendar import Calendar
from typer.testing import CliRunner

from ilotc.cli.main import app
from ilotc.model.dates import add_months
from ilotc.output.calendar import anchored_rule, event_rule, recurrence_rule

STAMP = "946209600"  # SOURCE_DATE_EPOCH: 2000-01-26 12:00 UTC
PERIODS = {"Every month": 1, "Every three months": 3, "Every year": 12, "Every two years": 24}
TEN_YEARS = 120


@pytest.fixture(autouse=True)
def pinned_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", STAMP)


def recurring_plan(folder: Path, date: str, name: str = "plan.yaml", symbol: str | None = None) -> Path:
    """A plan dated `date` with one recurring action per period of PERIODS."""
    actions = "\n".join(
        f"      - id: R.{n}\n        text: Report {phrase.lower()}.\n        timeline: {phrase}"
        for n, phrase in enumerate(PERIODS, 1)
    )
    head = f"  symbol: {symbol}\n" if symbol else ""
    path = folder / name
    path.write_text(
        f'format: 2\nids: free\ndocument:\n  title: Recurring reports\n{head}  date: "{date}"\n'
        f"  language: en\nparts:\n  - id: R\n    title: Reports\n    actions:\n{actions}\n",
        encoding="utf-8",
    )
    return path


def export(runner: CliRunner, plan: Path, *more: str) -> bytes:
    result = runner.invoke(app, ["--plan", str(plan), "export", "--format", "ics", *more])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def upcoming_dates(runner: CliRunner, plan: Path, as_of: dt.date) -> dict[str, str]:
    """What `ilotc upcoming` says each action is next due on, as of `as_of`, a period ahead."""
    result = runner.invoke(
        app,
        ["--plan", str(plan), "upcoming", "--as-of", as_of.isoformat(), "--within", "25", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    found: dict[str, str] = {}
    for record in json.loads(result.stdout):
        found.setdefault(record["id"], record["date"])
    return found


PLAN_DATES = [
    "1999-09-28",  # GB.276/TC/2's date: the issue's drift, 2003-09-29 instead of 2003-09-28
    "2026-01-15",  # the starter plan's
    "2000-01-01",  # a first of the month: the rule's day is the month before's last
    "2000-01-29",  # from the 29th, shorter months clamp the due day to their end
    "2000-01-30",
    "2000-01-31",
    "2000-02-29",  # a leap day
    "2000-03",  # a month: its first day
]


@pytest.mark.parametrize("date", PLAN_DATES)
def test_every_occurrence_for_ten_years_falls_on_the_day_upcoming_gives(
    runner: CliRunner, tmp_path: Path, date: str
) -> None:
    plan = recurring_plan(tmp_path, date)
    calendar = Calendar.from_ical(export(runner, plan))
    start = dt.date.fromisoformat(date if len(date) == 10 else f"{date}-01")
    end = add_months(start, TEN_YEARS)
    dues: dict[str, list[dt.date]] = {}
    for occurrence in recurring_ical_events.of(calendar, components=["VTODO"]).between(start, end):
        dues.setdefault(str(occurrence["UID"]).split("-")[0], []).append(occurrence["DUE"].dt)
    for number, every in enumerate(PERIODS.values(), 1):
        expected = [add_months(start, k * every) for k in range(1, TEN_YEARS // every + 1)]
        got = sorted(dues[f"R.{number}"])
        # the period's whole range; `between` may hold the occurrence whose span reaches `end`
        assert got[: len(expected)] == expected, (date, every)
    # and `ilotc upcoming` itself, at three as-of days across the ten years, agrees
    for as_of in (start, add_months(start, 61) + dt.timedelta(days=3), add_months(start, 119)):
        told = upcoming_dates(runner, plan, as_of)
        for number in range(1, len(PERIODS) + 1):
            following = min(day for day in dues[f"R.{number}"] if day >= as_of)
            assert told[f"R.{number}"] == following.isoformat(), (date, number, as_of)


def test_each_occurrence_is_one_day_long_and_the_rule_names_the_day(
    runner: CliRunner, tmp_path: Path
) -> None:
    calendar = Calendar.from_ical(export(runner, recurring_plan(tmp_path, "1999-09-28")))
    todo = next(c for c in calendar.walk("VTODO") if str(c["UID"]).startswith("R.4-"))
    assert todo["DTSTART"].dt == dt.date(2001, 9, 27) and todo["DUE"].dt == dt.date(2001, 9, 28)
    assert dict(todo["RRULE"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [24], "BYMONTHDAY": [27]}


def test_the_bundled_plans_recurring_todo_no_longer_drifts(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "--format", "ics"])
    calendar = Calendar.from_ical(result.stdout_bytes)
    dues = sorted(
        o["DUE"].dt
        for o in recurring_ical_events.of(calendar, components=["VTODO"]).between(
            dt.date(1999, 9, 1), dt.date(2010, 1, 1)
        )
        if str(o["UID"]) == "I.1a.2-every-0@gb-276-tc-2.ilotc"
    )
    assert dues == [dt.date(year, 9, 28) for year in range(2001, 2010, 2)]  # never 2003-09-29


@pytest.mark.parametrize(
    ("since", "every", "first", "rule"),
    [
        (
            dt.date(2000, 1, 1),
            12,
            dt.date(2001, 1, 1),
            {"freq": "monthly", "interval": 12, "bymonthday": [-1]},
        ),
        (
            dt.date(2000, 1, 15),
            1,
            dt.date(2000, 2, 15),
            {"freq": "monthly", "interval": 1, "bymonthday": [14]},
        ),
        (
            dt.date(2000, 1, 31),
            1,
            dt.date(2000, 2, 29),
            {"freq": "monthly", "interval": 1, "bymonthday": [30, -2], "bysetpos": [1]},
        ),
    ],
)
def test_recurrence_rule(since: dt.date, every: int, first: dt.date, rule: dict[str, object]) -> None:
    assert recurrence_rule(since, every) == (first, rule)


@pytest.mark.parametrize(
    ("anchor", "every", "first", "rule", "event"),
    [
        # "03-15" yearly from the plan's date 2026-01-15: 15 March 2026, the rule on the 14th
        (
            "03-15",
            12,
            dt.date(2026, 3, 15),
            {"freq": "yearly", "interval": 1, "bymonth": [3], "bymonthday": [14]},
            {"freq": "yearly", "interval": 1, "bymonth": [3], "bymonthday": [15]},
        ),
        # "01-01" every two years: the day before is 31 December
        (
            "01-01",
            24,
            dt.date(2027, 1, 1),
            {"freq": "yearly", "interval": 2, "bymonth": [12], "bymonthday": [-1]},
            {"freq": "yearly", "interval": 2, "bymonth": [1], "bymonthday": [1]},
        ),
        # "06": by the end of June
        (
            "06",
            12,
            dt.date(2026, 6, 30),
            {"freq": "yearly", "interval": 1, "bymonth": [6], "bymonthday": [-2]},
            {"freq": "yearly", "interval": 1, "bymonth": [6], "bymonthday": [-1]},
        ),
    ],
)
def test_anchored_rules_name_the_month_and_day(
    anchor: str, every: int, first: dt.date, rule: dict[str, object], event: dict[str, object]
) -> None:
    assert anchored_rule(anchor, every, dt.date(2026, 1, 15)) == (first, rule)
    assert event_rule(rule, first) == event


def test_anchored_rule_expands_on_the_anchor_day_in_recurring_ical_events() -> None:
    from icalendar import Todo

    first, rule = anchored_rule("02-29", 12, dt.date(2026, 1, 15))
    calendar = Calendar()
    todo = Todo()
    todo.add("uid", "x@test")
    todo.add("dtstart", first - dt.timedelta(days=1))
    todo.add("due", first)
    todo.add("rrule", rule)
    calendar.add_component(todo)
    expanded = recurring_ical_events.of(calendar, components=["VTODO"])
    dues = [o["DUE"].dt for o in expanded.between(dt.date(2026, 1, 1), dt.date(2033, 1, 1))]
    # by the leap day where there is one, else by the 28th
    assert dues == [dt.date(y, 2, 29 if y % 4 == 0 else 28) for y in range(2026, 2033)]


def test_two_init_plans_never_share_a_uid(runner: CliRunner, tmp_path: Path) -> None:
    uids = []
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
        calendar = Calendar.from_ical(export(runner, folder / "plan.yaml"))
        uids.append({str(c["UID"]) for c in calendar.walk() if "UID" in c})
    assert uids[0] and uids[1] and not uids[0] & uids[1]
    assert all(uid.endswith(".nep-2026.ilotc") for uid in uids[0] | uids[1])  # the symbol still shows


def test_plans_without_a_uid_keep_their_name_as_domain(runner: CliRunner, tmp_path: Path) -> None:
    calendar = Calendar.from_ical(export(runner, recurring_plan(tmp_path, "2000-01", name="reviews.yaml")))
    assert {str(c["UID"]).split("@")[1] for c in calendar.walk("VTODO")} == {"reviews.ilotc"}


def test_done_todos_say_when_they_were_completed(
    runner: CliRunner, example_plan: Path, example_partners: Path
) -> None:
    data = export(runner, example_plan, "--partners", str(example_partners))
    todos = {str(c["UID"]): c for c in Calendar.from_ical(data).walk("VTODO")}
    done = todos["II.2.1-due-0@gb-276-tc-2.ilotc"]
    assert str(done["STATUS"]) == "COMPLETED"
    assert done["COMPLETED"].dt == dt.datetime(2000, 5, 20, tzinfo=dt.UTC)  # its `done` change: 2000-05-20
    assert "COMPLETED" not in todos["I.1a.1-due-0@gb-276-tc-2.ilotc"]  # not done
    assert "COMPLETED" not in todos["I.1a.2-every-0@gb-276-tc-2.ilotc"]  # a series goes on


def test_events_give_every_deadline_as_an_all_day_event(runner: CliRunner) -> None:
    todos = Calendar.from_ical(runner.invoke(app, ["export", "--format", "ics"]).stdout_bytes)
    events = Calendar.from_ical(runner.invoke(app, ["export", "--format", "ics", "--events"]).stdout_bytes)
    assert not list(events.walk("VTODO"))
    by_uid = {str(c["UID"]): c for c in events.walk("VEVENT")}
    for todo in todos.walk("VTODO"):
        uid = str(todo["UID"])
        role = uid.split("@", maxsplit=1)[0].rsplit("-", 2)[1]
        event = by_uid[uid.replace(f"-{role}-", f"-{role}-event-")]
        assert event["DTSTART"].dt == todo["DUE"].dt
        assert event["DTEND"].dt == todo["DUE"].dt + dt.timedelta(days=1)
        assert event["SEQUENCE"] == todo["SEQUENCE"]
    # a recurring one repeats on the same days as the to-do's due days
    window = (dt.date(1999, 9, 1), dt.date(2010, 1, 1))
    as_events = sorted(
        o["DTSTART"].dt
        for o in recurring_ical_events.of(events).between(*window)
        if str(o["UID"]).startswith("I.1a.2-")
    )
    as_todos = sorted(
        o["DUE"].dt
        for o in recurring_ical_events.of(todos, components=["VTODO"]).between(*window)
        if str(o["UID"]).startswith("I.1a.2-")
    )
    assert as_events == as_todos and len(as_events) == 5


def test_events_apply_to_the_calendar_only(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "--format", "json", "--events"])
    assert result.exit_code == 2 and "--events" in result.stderr


@pytest.mark.parametrize("events", [False, True])
def test_vobject_reads_every_component(runner: CliRunner, example_plan: Path, events: bool) -> None:
    data = export(runner, example_plan, *(["--events"] if events else []))
    parsed = vobject.readOne(data.decode("utf-8"))
    components = [c for c in parsed.getChildren() if c.name in ("VTODO", "VEVENT")]
    expected = Calendar.from_ical(data)
    assert len(components) == len(list(expected.walk("VTODO"))) + len(list(expected.walk("VEVENT")))
    for component in components:
        assert component.uid.value and component.summary.value
        if component.name == "VTODO" and hasattr(component, "rrule"):
            # vobject's own expansion agrees with recurring_ical_events on the due days
            starts = list(component.getrruleset())[:3]
            window = (dt.date(1999, 1, 1), dt.date(2006, 1, 1))
            dues = sorted(
                o["DUE"].dt
                for o in recurring_ical_events.of(expected, components=["VTODO"]).between(*window)
                if str(o["UID"]) == component.uid.value
            )
            # I.1a.2, yearly, was done in March 2000: due every year from then
            assert (
                [day.date() + dt.timedelta(days=1) for day in starts]
                == dues[:3]
                == [
                    dt.date(2001, 3, 1),
                    dt.date(2002, 3, 1),
                    dt.date(2003, 3, 1),
                ]
            )

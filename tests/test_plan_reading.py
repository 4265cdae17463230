"""The plan says how its timelines are read: `document.language`, `day_first` and
`fiscal_year_start` (CONTRACT "Dates and 'as of'"), in the library, `timeline` and `show`."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc.cli.main import app
from ilotc.store.loading import load
from ilotc.timeline import read_timeline

PLANS = Path(__file__).parent / "examples" / "plans" / "reading"
EN_PLAN = PLANS / "en-workplan.yaml"

# Each action of the English work plan, as a careful reader reads it: (kind, start, due, every)
EN_EXPECTED = {
    "A1": [("deadline", None, "2019-06-30", None)],  # never the year's end
    "A2": [("window", "2019-07-01", "2020-06-30", None)],
    "A3": [("window", "2019-08", "2019-12", None)],
    "A4": [("deadline", None, "2019-09-30", None)],
    "A5": [("deadline", None, "2019-12-31", None)],
    "B1": [("recurring", None, None, 12)],
    "B2": [("window", "2019-07", "2020-06", None)],  # fiscal years from July
    "B3": [("deadline", None, "2019-10-15", None)],  # day_first: false
    "B4": [("recurring", "2019-10-01", None, 3)],
    "B5": [("ongoing", None, None, None)],
    "B6": [("unspecified", None, None, None)],  # no 30 February: a warning, never a coarser date
}


FR_EXPECTED = {
    "A1": [("deadline", None, "2021-06-30", None)],
    "A2": [("start", "2021-01", None, None)],  # "Début 2021": its first quarter (start_precision to come)
    "A3": [("window", "2022-01", "2022-06", None)],
    "A4": [("deadline", None, "2024-12", None)],  # "voire": one deadline, the later
    "A5": [("deadline", None, "2035-12", None)],  # a horizon
    "B1": [("recurring", None, None, 12)],  # anchor "03"
    "B2": [("deadline", None, "2025-12", None)],
    "B3": [("continuous", None, None, None)],
    "B4": [("deadline", None, "2021-09-15", None)],
    "B5": [("milestone", None, "2022-12", None)],  # "déc.": an abbreviated month
}

ES_EXPECTED = {
    "A1": [("recurring", None, None, 12)],  # anchor "01-31"
    "A2": [("window", "2019-01-08", "2019-01-31", None)],  # two dates side by side
    "A3": [("deadline", None, "2019-06-30", None)],
    "A4": [("window", "2019-03-01", "2020-03-01", None)],  # "entre ... y ...": a window
    "A5": [("deadline", None, "2040-12", None)],  # a horizon
    "B1": [("deadline", None, "2020-01", None)],  # "ene.": an abbreviated month
    "B2": [("recurring", None, None, 6)],
    "B3": [("ongoing", None, None, None)],
    "B4": [("deadline", None, "2021-12", None)],  # "o incluso": one deadline, the later
    "B5": [("deadline", None, "2022-12", None)],
}


def _rows(plan_path: Path) -> dict[str, list[tuple[object, ...]]]:
    plan = load(plan_path, plan_path.parent / "partners.yaml", None).plan
    found = {}
    for action in plan:
        found[action.id] = [
            (
                str(s.kind),
                None if s.start is None else str(s.start),
                None if s.due is None else str(s.due),
                s.every_months,
            )
            for s in action.schedules
        ]
    return found


def test_the_english_work_plan_reads_as_a_careful_reader_would() -> None:
    assert _rows(EN_PLAN) == EN_EXPECTED


def test_the_french_action_plan_reads_as_a_careful_reader_would() -> None:
    assert _rows(PLANS / "fr-plan-action.yaml") == FR_EXPECTED


def test_the_spanish_action_plan_reads_as_a_careful_reader_would() -> None:
    assert _rows(PLANS / "es-plan-accion.yaml") == ES_EXPECTED


def test_anchors_of_the_french_and_spanish_plans() -> None:
    french = load(PLANS / "fr-plan-action.yaml", PLANS / "partners.yaml", None).plan
    spanish = load(PLANS / "es-plan-accion.yaml", PLANS / "partners.yaml", None).plan
    assert next(a for a in french if a.id == "B1").schedules[0].anchor == "03"
    assert next(a for a in spanish if a.id == "A1").schedules[0].anchor == "01-31"


def test_an_evident_date_settles_the_order_of_the_others() -> None:
    reading = read_timeline("08/01/2019 31/01/2019")
    assert [(str(s.kind), str(s.start), str(s.due)) for s in reading.schedules] == [
        ("window", "2019-01-08", "2019-01-31")
    ]


def test_the_plan_language_is_the_reading_language() -> None:
    plan = load(EN_PLAN, PLANS / "partners.yaml", None).plan
    readings = [action.reading for action in plan]
    assert {r.lang for r in readings} == {"en"}
    assert all(r.lang_stated and r.day_first is False and r.fiscal_year_start == 7 for r in readings)


def test_jun_30_2019_is_a_day_in_english_and_never_a_years_end() -> None:
    assert str(read_timeline("Jun 30, 2019", "en").schedules[0].due) == "2019-06-30"
    assert str(read_timeline("Jun 30, 2019").schedules[0].due) == "2019-06-30"  # detected too


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("FY2019-20", "2019-07", "2020-06"),
        ("FY19", "2018-07", "2019-06"),  # named by the year it ends in
        ("fiscal year 2020-21", "2020-07", "2021-06"),
        ("2019/20", "2019-07", "2020-06"),
        ("exercice 2019-2020", "2019-07", "2020-06"),
        ("ejercicio 2021", "2020-07", "2021-06"),
    ],
)
def test_fiscal_years_read_through_the_plans_fiscal_year_start(phrase: str, start: str, due: str) -> None:
    schedule = read_timeline(phrase, fiscal_year_start=7).schedules[0]
    assert (str(schedule.kind), str(schedule.start), str(schedule.due)) == ("window", start, due)


@pytest.mark.parametrize("phrase", ["FY2019-20", "fiscal year 2020-21", "2019/20"])
def test_a_fiscal_year_without_the_setting_is_unspecified_with_the_reason(phrase: str) -> None:
    reading = read_timeline(phrase)
    assert not reading.readable
    assert reading.reason is not None and (
        "fiscal year" in reading.reason or "starts in a month" in reading.reason
    )


def test_a_calendar_fiscal_year_is_the_calendar_year() -> None:
    schedule = read_timeline("ejercicio 2021", fiscal_year_start=1).schedules[0]
    assert (str(schedule.start), str(schedule.due)) == ("2021-01", "2021-12")


def _timeline(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> dict[str, object]:
    result = runner.invoke(app, ["timeline", *args, "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_timeline_reads_as_the_plan_named_would(runner: CliRunner) -> None:
    alone = _timeline(runner, "FY2019-20")
    assert alone["schedules"][0]["kind"] == "unspecified"  # type: ignore[index]
    as_plan = _timeline(runner, "FY2019-20", "--plan", str(EN_PLAN))
    assert as_plan["schedules"][0] == {  # type: ignore[index]
        "kind": "window",
        "start": "2019-07",
        "due": "2020-06",
        "every_months": None,
        "immediate": False,
        "start_precision": "month",
        "due_precision": "month",
    }
    from_env = _timeline(runner, "10/03/2019", env={"ILOTC_PLAN": str(EN_PLAN)})
    assert from_env["lang"] == "en"
    assert from_env["schedules"][0]["due"] == "2019-10-03"  # type: ignore[index]  # month first


def test_timeline_options_win_over_the_plan(runner: CliRunner) -> None:
    found = _timeline(runner, "10/03/2019", "--plan", str(EN_PLAN), "--day-first")
    assert found["schedules"][0]["due"] == "2019-03-10"  # type: ignore[index]
    found = _timeline(runner, "FY2019-20", "--fiscal-year-start", "4")
    assert found["schedules"][0]["start"] == "2019-04"  # type: ignore[index]


def test_the_bundled_plan_never_steers_timeline(runner: CliRunner) -> None:
    # the bundled plan states French; a phrase on its own is still detected
    result = runner.invoke(app, ["timeline", "Jun 30, 2019"], env={"ILOTC_PLAN": ""})
    assert "English (detected)" in result.stdout


def test_timeline_and_show_say_how_a_phrase_was_read(runner: CliRunner) -> None:
    text = runner.invoke(app, ["timeline", "FY2019-20", "--plan", str(EN_PLAN)]).stdout
    assert "Language: English (stated); numeric dates month first; fiscal year from month 7" in text
    shown = runner.invoke(
        app, ["show", "B2", "--plan", str(EN_PLAN), "--partners", str(PLANS / "partners.yaml")]
    )
    assert shown.exit_code == 0, shown.output
    assert "Read in" in shown.stdout and "English (stated); numeric dates month first" in shown.stdout

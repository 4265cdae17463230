"""The progress report as data: standings, honest recurring counts, changes since a date,
overdue with notes, the annex, progress over time, and the timeline chart's geometry.

The example plan (tests/examples/valid) as of June 2000: I.1a.1 (deadline April 2000) is the
one overdue action; III.1a.1 (first initiatives in the first half of 2000) falls due next;
I.1a.2 is recurring ("Tous les ans") with one occurrence held in March 2000.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLES, ROOT
from ilotc.report.chart import CHART_WIDTH, LABEL_WIDTH, RIGHT_MARGIN, nice_ticks
from ilotc.report.progress import Report, Standing, build_report, progress_series, standing
from ilotc.store.loading import load

JUNE_2000 = dt.date(2000, 6, 1)
PLOT_WIDTH = CHART_WIDTH - LABEL_WIDTH - RIGHT_MARGIN
ILLUSTRATIVE = ROOT / "examples" / "plan-illustrative.yaml"


def report_of(plan: Path, partners: Path, day: dt.date = JUNE_2000, **options: object) -> Report:
    data = load(plan, partners)
    return build_report(data.plan, data.registry, day, **options)  # type: ignore[arg-type]


@pytest.fixture
def example_report(example_plan: Path, example_partners: Path) -> Report:
    return report_of(example_plan, example_partners)


@pytest.fixture(scope="module")
def illustrative_report() -> Report:
    return report_of(ILLUSTRATIVE, DATA / "partners.yaml", dt.date(2001, 3, 1))


def test_overdue_is_exactly_i_1a_1(example_report: Report) -> None:
    assert [item.late.action.id for item in example_report.overdue] == ["I.1a.1"]
    late = example_report.overdue[0].late
    assert late.to_json() == {"reason": "due", "late_since": "2000-05-01", "days_late": 32}


def test_upcoming_is_exactly_iii_1a_1(example_report: Report) -> None:
    assert [(u.action.id, u.reason, u.date, u.days_left) for u in example_report.upcoming] == [
        ("III.1a.1", "due", dt.date(2000, 6, 30), 29)
    ]
    assert example_report.upcoming_until == dt.date(2000, 8, 31)


def test_within_widens_what_falls_due_next(example_plan: Path, example_partners: Path) -> None:
    report = report_of(example_plan, example_partners, upcoming_months=12)
    assert report.upcoming[0].action.id == "III.1a.1"
    assert {u.action.id for u in report.upcoming} >= {"III.1a.1", "II.1.1", "I.1a.2"}
    assert report.upcoming_until == dt.date(2001, 5, 31)


def test_one_off_actions_by_status_and_recurring_apart(example_report: Report) -> None:
    whole = example_report.whole
    assert whole.total == 10
    assert whole.by_standing == {
        "done": 1,  # II.2.1; the recurring I.1a.2 is not counted done
        "in_progress": 2,
        "planned": 5,
        "cancelled": 1,
        "on_schedule": 1,  # I.1a.2: held in March 2000, every 12 months
        "missed": 0,
        "unjudged": 0,
        "continuous": 0,
    }
    assert (whole.one_off, whole.recurring, whole.done) == (9, 1, 1)
    assert whole.share_done == pytest.approx(1 / 8)
    assert (whole.overdue, whole.upcoming) == (1, 1)
    assert [(s.part, s.total, s.overdue, s.upcoming) for s in example_report.parts] == [
        ("I", 3, 1, 0),
        ("II", 4, 0, 0),
        ("III", 3, 0, 1),
    ]


def test_a_recurring_occurrence_missed_is_never_done_and_overdue(
    example_plan: Path, example_partners: Path
) -> None:
    report = report_of(example_plan, example_partners, dt.date(2001, 6, 1))
    (recurring,) = [e for e in report.annex if e.action.id == "I.1a.2"]
    assert recurring.action.status_as_of(dt.date(2001, 6, 1)).value == "done"  # its last change
    assert recurring.standing == Standing.MISSED
    assert "I.1a.2" in [item.late.action.id for item in report.overdue]
    assert report.whole.by_standing["missed"] == 1 and report.whole.done == 1
    for entry in report.annex:  # no action counts both done and overdue
        assert not (entry.standing == Standing.DONE and entry.late is not None), entry.action.id


def test_recurring_with_no_period_cannot_fall_behind(illustrative_report: Report) -> None:
    (entry,) = [e for e in illustrative_report.annex if e.action.id == "I.3b.1"]  # "Sur une base régulière"
    assert entry.standing == Standing.UNJUDGED and entry.late is None


def test_continuous_actions_are_counted_apart_never_as_not_started(example_partners: Path) -> None:
    report = report_of(EXAMPLES / "valid" / "plan_continuous.yaml", example_partners)
    standings = {entry.action.id: entry.standing for entry in report.annex}
    assert standings == {
        "I.1.1": Standing.CONTINUOUS,  # "De manière continue", nothing recorded
        "I.1.2": Standing.CONTINUOUS,  # continuous from January 2000, recorded in progress
        "I.1.3": Standing.CANCELLED,  # a cancelled continuous action is cancelled
        "I.1.4": Standing.PLANNED,
        "I.1.5": Standing.PLANNED,  # "Début en janvier 2000 puis de manière continue": a start to judge
        "II.1.1": Standing.PLANNED,  # continuous, with first results due: judged by its milestone
    }
    whole = report.whole
    assert (whole.continuous, whole.by_standing["planned"], whole.one_off, whole.recurring) == (2, 3, 4, 0)
    assert whole.share_done == 0  # of the 3 one-off actions not cancelled
    assert [(s.part, s.total, s.continuous, s.one_off) for s in report.parts] == [
        ("I", 5, 2, 3),
        ("II", 1, 0, 1),
    ]
    assert not any(item.late.action.id in ("I.1.1", "I.1.2") for item in report.overdue)


def test_events_since_the_plan_date_by_default(example_report: Report) -> None:
    assert example_report.since == dt.date(1999, 9, 28)
    assert [
        (e.action.id, str(e.change.date), e.change.status.value, e.recurring) for e in example_report.events
    ] == [
        ("II.1.1", "2000-02-15", "in_progress", False),
        ("I.1a.2", "2000-03", "done", True),
        ("III.1a.3", "2000-04", "cancelled", False),
        ("II.2.1", "2000-05-20", "done", False),
    ]


def test_events_since_a_date(example_plan: Path, example_partners: Path) -> None:
    report = report_of(example_plan, example_partners, since=dt.date(2000, 4, 1))
    assert [e.action.id for e in report.events] == ["III.1a.3", "II.2.1"]
    assert [e.change.note for e in report.events] == ["abandonné", None]


def test_since_defaults_to_the_previous_report_the_plan_records(illustrative_report: Report) -> None:
    assert illustrative_report.since == dt.date(2000, 11, 1)
    assert all(
        dt.date(2000, 11, 1) <= e.change.date.first_day() <= dt.date(2001, 3, 1)
        for e in illustrative_report.events
    )
    assert "Déclaration diffusée dans l'ensemble du Bureau" not in [
        e.change.note for e in illustrative_report.events
    ]
    assert "Accord de collaboration signé" in [e.change.note for e in illustrative_report.events]


def test_overdue_carries_its_latest_note(illustrative_report: Report) -> None:
    (item,) = [o for o in illustrative_report.overdue if o.late.action.id == "I.1a.4"]
    assert item.latest_note is not None
    assert (str(item.latest_note.date), item.latest_note.note) == (
        "2000-06-05",
        "Groupe de travail constitué",
    )


def test_annex_has_every_action_with_partner_names_and_history(illustrative_report: Report) -> None:
    assert len(illustrative_report.annex) == 78
    (entry,) = [e for e in illustrative_report.annex if e.action.id == "III.1e.3"]
    assert "Prince of Wales Business Forum" in entry.partner_names
    (declared,) = [e for e in illustrative_report.annex if e.action.id == "I.1a.1"]
    assert [c.note for c in declared.history] == [
        "Projet de déclaration soumis aux secteurs",
        "Déclaration diffusée dans l'ensemble du Bureau",
    ]
    assert declared.last_change is not None and declared.last_change.status.value == "done"


def test_filters_narrow_the_report(example_plan: Path, example_partners: Path) -> None:
    data = load(example_plan, example_partners)
    part_two = [a for a in data.plan if a.part == "II"]
    report = build_report(data.plan, data.registry, JUNE_2000, actions=part_two)
    assert report.filtered and report.plan_total == 10 and report.whole.total == 4
    assert [s.part for s in report.parts] == ["II"]
    assert report.overdue == ()


def test_progress_series_replays_the_histories(example_plan: Path, example_partners: Path) -> None:
    data = load(example_plan, example_partners)
    series = progress_series(list(data.plan), JUNE_2000, dt.date(1999, 9, 28))
    assert [day for day, _ in series][:2] == [dt.date(1999, 9, 30), dt.date(1999, 10, 31)]
    assert series[-1][0] == JUNE_2000
    assert all(sum(counts.values()) == 10 for _, counts in series)
    by_month = dict(series)
    assert by_month[dt.date(2000, 1, 31)]["cancelled"] == 0
    assert by_month[dt.date(2000, 4, 30)]["cancelled"] == 1  # III.1a.3 from April 2000
    assert by_month[dt.date(2000, 5, 31)]["done"] == 1  # II.2.1 from May 20, 2000


def test_a_long_span_is_sampled_and_ends_on_the_as_of_day(example_plan: Path, example_partners: Path) -> None:
    data = load(example_plan, example_partners)
    series = progress_series(list(data.plan), dt.date(2040, 7, 9), dt.date(1999, 9, 28))
    assert len(series) <= 72 and series[-1][0] == dt.date(2040, 7, 9)


def test_burndown_geometry_stacks_to_the_total(illustrative_report: Report) -> None:
    chart = illustrative_report.progress
    assert chart.total == 78
    # the count axis reads in round steps up to a tick at or above the tallest column
    assert [count for count, _y in chart.ticks] == [0, 20, 40, 60, 80]
    assert chart.ticks[-1][1] == pytest.approx(chart.plot_top, abs=0.1)
    scale = (chart.plot_bottom - chart.plot_top) / 80
    for column in chart.columns:
        assert sum(s.count for s in column.slices) == 78
        top = min(s.y for s in column.slices)
        assert top == pytest.approx(chart.plot_bottom - 78 * scale, abs=0.1)
        assert chart.plot_left <= column.x < chart.plot_right
    # months in words, as the interface language abbreviates them
    assert chart.columns[-1].label == "Mar\u00a02001" and chart.columns[-1].show_label


@pytest.mark.parametrize(
    ("total", "step", "top"),
    [
        (0, 1, 0),
        (1, 1, 1),
        (6, 1, 6),
        (7, 2, 8),
        (44, 10, 50),
        (64, 20, 80),
        (78, 20, 80),
        (100, 20, 100),
        (101, 20, 120),
        (1234, 250, 1250),
    ],
)
def test_the_count_axis_has_round_ticks_up_to_the_tallest_column(total: int, step: int, top: int) -> None:
    assert nice_ticks(total) == (step, top)
    assert top >= total and (top == 0 or top // step <= 6)


def test_standing_of_an_ongoing_action_before_any_change(example_plan: Path, example_partners: Path) -> None:
    data = load(example_plan, example_partners)
    action = data.plan.action("III.1a.2")
    assert action is not None
    assert standing(action, JUNE_2000, dt.date(1999, 9, 28)) == "in_progress"


# --- the timeline chart -------------------------------------------------------------------------


def test_chart_rows_axis_and_as_of_line(example_report: Report) -> None:
    chart = example_report.chart
    assert [row.action_id for row in chart.rows] == ["I.1a.1", "II.1.1", "II.2.1", "III.1a.1", "III.1a.3"]
    assert [m.label for m in chart.months][:2] == ["January\u00a02000", "February\u00a02000"]
    assert len(chart.months) == 12 and chart.months[-1].label == "December\u00a02000"
    assert chart.as_of_month == 5
    assert chart.as_of_x == pytest.approx(LABEL_WIDTH + 5 * PLOT_WIDTH / 12, abs=0.01)
    assert len(chart.part_breaks) == 2
    assert [row.late for row in chart.rows] == [True, False, False, False, False]


def test_chart_marks_per_kind(example_report: Report) -> None:
    month = PLOT_WIDTH / 12
    marks = {row.action_id: row.marks for row in example_report.chart.rows}
    (bar,) = marks["II.1.1"]
    assert (bar.shape, bar.state, bar.first_month, bar.last_month) == ("bar", "in_progress", 0, 11)
    (late,) = marks["I.1a.1"]
    assert (late.shape, late.state, late.first_month) == ("deadline", "late", 3)
    assert late.x == pytest.approx(LABEL_WIDTH + 4 * month, abs=0.01)
    (cancelled,) = marks["III.1a.3"]
    assert (cancelled.shape, cancelled.state, cancelled.first_month) == ("deadline", "cancelled", 11)
    assert late.reading == "deadline: by 30\u00a0April\u00a02000"


def test_as_of_far_outside_the_plan_leaves_the_line_out(example_plan: Path, example_partners: Path) -> None:
    chart = report_of(example_plan, example_partners, dt.date(2030, 1, 1)).chart
    assert chart.as_of_x is None and chart.as_of_outside == "after"
    assert len(chart.months) == 12


def test_a_plan_spanning_millennia_is_charted_around_the_as_of_date(tmp_path: Path) -> None:
    example = ROOT / "tests" / "examples" / "valid"
    text = (
        (example / "plan.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "            timeline: null",
            "            timeline: null\n"
            '            schedules: [{kind: window, start: "0001-01", due: "9999-12"}]',
        )
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    chart = report_of(plan, example / "partners.yaml").chart
    assert chart.clipped and len(chart.months) == 240 and chart.as_of_x is not None
    (row,) = [row for row in chart.rows if row.action_id == "II.1.2"]
    (bar,) = row.marks
    assert (bar.x, bar.x_end) == (chart.plot_left, chart.plot_right)

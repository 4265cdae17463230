"""Any as-of date in the calendar, through every date-driven part of the core: no exception."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from ilotc.model.dates import PlanDate
from ilotc.model.lateness import add_months, overdue_as_of, plan_date_of, upcoming_as_of
from ilotc.output.report.html import render_html
from ilotc.output.report.markdown import render_markdown
from ilotc.report.progress import build_report
from ilotc.store.loading import load

DATA = load(EXAMPLES / "asof" / "plan.yaml", EXAMPLES / "asof" / "partners.yaml")
EXAMPLE = load(EXAMPLES / "valid" / "plan.yaml", EXAMPLES / "valid" / "partners.yaml")
days = st.dates(min_value=dt.date.min, max_value=dt.date.max)


@settings(max_examples=150, deadline=None)
@given(day=days, months=st.integers(1, 1200))
def test_lateness_is_defined_on_every_day(day: dt.date, months: int) -> None:
    plan_date = plan_date_of(DATA.plan.document.date)
    actions = list(DATA.plan)
    for late in overdue_as_of(actions, day, plan_date):
        assert late.late_since <= day and late.days_late >= 1
    for coming in upcoming_as_of(actions, day, months, plan_date):
        assert coming.date >= day or coming.reason == "start"
    assert add_months(day, months) >= day


@settings(max_examples=40, deadline=None)
@given(day=days)
def test_the_report_is_defined_on_every_day(day: dt.date) -> None:
    report = build_report(EXAMPLE.plan, EXAMPLE.registry, day)
    assert len(report.chart.months) >= 1
    assert "<svg" in render_html(report)
    assert "# Progress report on the implementation plan" in render_markdown(report)


@given(text=st.from_regex(r"\A\d{4}-\d{2}(-\d{2})?\Z"))
def test_plan_dates_parse_or_say_why(text: str) -> None:
    try:
        date = PlanDate.parse(text)
    except ValueError as error:
        assert str(error)
    else:
        assert str(date) == text
        assert date.first_day() <= date.last_day()

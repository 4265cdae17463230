"""`ilotc report`: the progress report's content, in every form, and the command's edges.

The example plan (tests/examples/valid/plan.yaml) as of 2000-06 (1 June 2000), worked out
by hand from CONTRACT's rules:

- I.1a.1 "Achevée en avril 2000", planned: due 30 April, so overdue (reason due) since
  1 May, 32 days late counting 1 May as day 1. The only overdue action: II.2.1 (due May)
  was done on 20 May, III.1a.3 (due December) is cancelled, II.1.1 (window Jan-Dec 2000)
  is in progress and not yet at its end, I.1a.2 (every year) was done in March 2000.
- Falls due in the next three months (1 June to 31 August): only III.1a.1 (first
  initiatives in the first half of 2000: due 30 June, 29 days left).
- Statuses: planned 5 (I.1a.1, I.1a.3, II.1.2, II.2.2, III.1a.1), in progress 2 (II.1.1,
  III.1a.2 ongoing), done 2 (I.1a.2, II.2.1), cancelled 1 (III.1a.3).

The Markdown golden file is regenerated, after a deliberate change, with:

    ILOTC_TODAY=2000-06-01 .venv/bin/ilotc --plan tests/examples/valid/plan.yaml \\
        --partners tests/examples/valid/partners.yaml report --as-of 2000-06 \\
        --format markdown -o tests/golden/report_example.md
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA, ROOT
from ilotc.cli.main import app
from ilotc.loading import load
from ilotc.report import CHART_WIDTH, LABEL_WIDTH, RIGHT_MARGIN, Report, build_report
from ilotc.report_render import month_grid, render_html, render_markdown

GOLDEN = Path(__file__).resolve().parent / "golden"
JUNE_2000 = dt.date(2000, 6, 1)
PLOT_WIDTH = CHART_WIDTH - LABEL_WIDTH - RIGHT_MARGIN


def example_args(example_plan: Path, example_partners: Path) -> list[str]:
    return ["--plan", str(example_plan), "--partners", str(example_partners)]


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def example_report(example_plan: Path, example_partners: Path) -> Report:
    data = load(example_plan, example_partners)
    return build_report(data.plan, data.registry, JUNE_2000)


@pytest.fixture(scope="module")
def bundled_report() -> Report:
    data = load(DATA / "plan.yaml", DATA / "partners.yaml")
    return build_report(data.plan, data.registry, JUNE_2000)


# --- the core -------------------------------------------------------------------------------


def test_overdue_is_exactly_i_1a_1(example_report: Report) -> None:
    assert [late.action.id for late in example_report.overdue] == ["I.1a.1"]
    late = example_report.overdue[0]
    assert late.to_json() == {"reason": "due", "late_since": "2000-05-01", "days_late": 32}


def test_upcoming_is_exactly_iii_1a_1(example_report: Report) -> None:
    assert [(u.action.id, u.reason, u.date, u.days_left) for u in example_report.upcoming] == [
        ("III.1a.1", "due", dt.date(2000, 6, 30), 29)
    ]
    assert example_report.upcoming_until == dt.date(2000, 8, 31)


def test_counts_by_status_whole_and_per_part(example_report: Report) -> None:
    whole = example_report.whole
    assert whole.total == 10
    assert whole.by_status == {"planned": 5, "in_progress": 2, "done": 2, "cancelled": 1}
    assert (whole.done, whole.active, whole.share_done_text) == (2, 9, "22%")
    assert whole.share_done == pytest.approx(2 / 9)
    assert (whole.overdue, whole.upcoming) == (1, 1)
    per_part = {s.part: (s.total, s.by_status, s.overdue, s.upcoming) for s in example_report.parts}
    assert per_part == {
        "I": (3, {"planned": 2, "in_progress": 0, "done": 1, "cancelled": 0}, 1, 0),
        "II": (4, {"planned": 2, "in_progress": 1, "done": 1, "cancelled": 0}, 0, 0),
        "III": (3, {"planned": 1, "in_progress": 1, "done": 0, "cancelled": 1}, 0, 1),
    }
    assert [s.title for s in example_report.parts] == [
        "Rendre la coopération technique plus pertinente",
        "Améliorer la qualité",
        "Renforcer les partenariats",
    ]


def test_counts_by_kind(example_report: Report) -> None:
    assert example_report.whole.by_kind == {
        "deadline": 3,
        "milestone": 1,
        "start": 1,
        "window": 1,
        "recurring": 1,
        "continuous": 0,
        "ongoing": 1,
        "as_needed": 0,
        "linked": 1,
        "unspecified": 1,
    }
    part_two = example_report.parts[1].by_kind
    assert {kind: n for kind, n in part_two.items() if n} == {
        "deadline": 1,
        "window": 1,
        "linked": 1,
        "unspecified": 1,
    }


def test_partners_per_part(example_report: Report) -> None:
    assert [(p.part, p.id, p.name, p.actions) for p in example_report.partners] == [
        ("I", "pnud", "Programme des Nations Unies pour le développement", ("I.1a.3",)),
        ("III", "systeme-nations-unies", "Système des Nations Unies", ("III.1a.1",)),
    ]


def test_bundled_counts_add_up(bundled_report: Report) -> None:
    assert [(s.part, s.total) for s in bundled_report.parts] == [("I", 24), ("II", 28), ("III", 26)]
    assert bundled_report.whole.total == 78
    assert sum(bundled_report.whole.by_status.values()) == 78
    assert sum(bundled_report.whole.by_kind.values()) == 78
    assert sum(s.overdue for s in bundled_report.parts) == bundled_report.whole.overdue == 26


# --- the chart ------------------------------------------------------------------------------


def test_chart_rows_axis_and_as_of_line(example_report: Report) -> None:
    chart = example_report.chart
    assert [row.action_id for row in chart.rows] == ["I.1a.1", "II.1.1", "II.2.1", "III.1a.1", "III.1a.3"]
    assert [m.label for m in chart.months] == [f"2000-{m:02d}" for m in range(1, 13)]
    assert chart.as_of_month == 5
    assert chart.as_of_x == pytest.approx(LABEL_WIDTH + 5 * PLOT_WIDTH / 12, abs=0.01)
    assert len(chart.part_breaks) == 2  # between parts I and II, II and III
    assert [row.late for row in chart.rows] == [True, False, False, False, False]


def test_chart_marks_per_kind(example_report: Report) -> None:
    month = PLOT_WIDTH / 12
    marks = {row.action_id: row.marks for row in example_report.chart.rows}
    (bar,) = marks["II.1.1"]
    assert (bar.shape, bar.state, bar.first_month, bar.last_month) == ("bar", "in_progress", 0, 11)
    assert bar.x == pytest.approx(LABEL_WIDTH) and bar.x_end == pytest.approx(LABEL_WIDTH + PLOT_WIDTH)
    (late,) = marks["I.1a.1"]  # deadline April 2000: drawn at the end of April, red
    assert (late.shape, late.state, late.first_month) == ("deadline", "late", 3)
    assert late.x == pytest.approx(LABEL_WIDTH + 4 * month, abs=0.01)
    (done,) = marks["II.2.1"]
    assert (done.shape, done.state, done.first_month) == ("deadline", "done", 4)
    (milestone,) = marks["III.1a.1"]
    assert (milestone.shape, milestone.state, milestone.first_month) == ("milestone", "planned", 5)
    assert milestone.x == pytest.approx(LABEL_WIDTH + 6 * month, abs=0.01)
    (cancelled,) = marks["III.1a.3"]
    assert (cancelled.shape, cancelled.state, cancelled.first_month) == ("deadline", "cancelled", 11)
    assert "I.1a.1 — deadline: by 30 April 2000 — planned, late" in late.title


def test_chart_start_marks_on_the_bundled_plan(bundled_report: Report) -> None:
    chart = bundled_report.chart
    assert (chart.months[0].label, chart.months[-1].label) == ("1999-12", "2001-12")
    month = PLOT_WIDTH / len(chart.months)
    row = next(row for row in chart.rows if row.action_id == "I.3a.1")
    # "Démarrage en mars 2000 ...; novembre 2000 ...": two starts, at the first of each month
    assert [(m.shape, m.first_month) for m in row.marks] == [("start", 3), ("start", 11)]
    assert row.marks[0].x == pytest.approx(LABEL_WIDTH + 3 * month, abs=0.01)
    assert [m.state for m in row.marks] == ["late", "planned"]  # March has passed unstarted
    assert len(chart.rows) == 42
    shapes = {m.shape for r in chart.rows for m in r.marks}
    assert shapes == {"bar", "deadline", "milestone", "start"}


def test_as_of_far_outside_the_plan_leaves_the_line_out(example_plan: Path, example_partners: Path) -> None:
    data = load(example_plan, example_partners)
    chart = build_report(data.plan, data.registry, dt.date(2030, 1, 1)).chart
    assert chart.as_of_x is None and chart.as_of_outside == "after"
    assert len(chart.months) == 12


# --- HTML -----------------------------------------------------------------------------------

VOID = {"meta", "link", "br", "img", "input", "hr", "col", "source", "wbr", "area", "base", "embed"}
SVG_SELF_CLOSING = {"rect", "line", "path", "circle"}


class Page(HTMLParser):
    """Elements with their attributes and ancestors; fails on unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.elements: list[tuple[str, dict[str, str], tuple[str, ...]]] = []
        self.titles: list[tuple[str, ...]] = []  # the ancestors of each <title>
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}, tuple(self.stack)))
        if tag == "title":
            self.titles.append(tuple(self.stack))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}, tuple(self.stack)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a, _ in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.errors == []
    assert page.stack == []
    return page


def assert_self_contained(html: str) -> None:
    lowered = html.lower()
    for needle in ("http:", "https:", "//", "@import", "url(", "<script", "<link", "src=", "@font-face"):
        assert needle not in lowered, needle


def test_html_parses_and_is_self_contained(example_report: Report) -> None:
    html = render_html(example_report)
    assert html.startswith("<!DOCTYPE html>")
    page = parse(html)
    assert_self_contained(html)
    (head_title,) = [a for t, a, anc in page.elements if t == "title" and "head" in anc]
    assert head_title == {}
    assert "<style>" in html and "@media print" in html and "size: A4" in html


def test_html_tables_have_real_markup(example_report: Report) -> None:
    page = parse(render_html(example_report))
    tables = page.find("table")
    assert len(tables) == 5  # summary, overdue, upcoming, kinds, partners
    assert len(page.find("thead")) == 5
    col_headers = page.find("th", scope="col")
    row_headers = page.find("th", scope="row")
    assert len(col_headers) >= 5 * 3
    # summary 4 rows, overdue 1, upcoming 1, kinds 8, partners 2
    assert len(row_headers) == 4 + 1 + 1 + 8 + 2
    assert all("scope" in a for t, a, _ in page.elements if t == "th")


def test_html_chart_marks_and_as_of_line(example_report: Report) -> None:
    html = render_html(example_report)
    page = parse(html)
    marks = [(t, a) for t, a, _ in page.elements if "mark" in a.get("class", "").split()]
    shapes = sorted((a["class"].split()[1], a["class"].split()[2]) for _, a in marks)
    assert shapes == [
        ("mark-bar", "m-in_progress"),
        ("mark-deadline", "m-cancelled"),
        ("mark-deadline", "m-done"),
        ("mark-deadline", "m-late"),
        ("mark-milestone", "m-planned"),
    ]
    assert [t for t, a in marks if a["class"].startswith("mark mark-bar")] == ["rect"]
    # every mark carries a <title>: 5 marks, 5 row labels, 12 months, the as-of line, the chart
    svg_titles = [anc for anc in page.titles if "svg" in anc]
    assert len(svg_titles) == 5 + 5 + 12 + 1 + 1
    (line,) = page.find("line", **{"class": "c-asof"})
    assert float(line["x1"]) == pytest.approx(LABEL_WIDTH + 5 * PLOT_WIDTH / 12, abs=0.01)
    assert "as of 1 June 2000" in "".join(page.text)
    (bar,) = [a for _, a in marks if a["class"].startswith("mark mark-bar")]
    assert float(bar["x"]) == pytest.approx(LABEL_WIDTH)
    assert float(bar["width"]) == pytest.approx(PLOT_WIDTH, abs=0.02)


def test_html_content(example_report: Report) -> None:
    page = parse(render_html(example_report))
    text = " ".join(" ".join(page.text).split())
    assert "Overdue (1)" in text
    assert "I.1a.1" in text and "2000-05-01" in text
    assert "Falls due next: to 31 August 2000 (1)" in text
    assert "Programme des Nations Unies pour le développement (pnud)" in text
    assert "22%" in text


def test_html_start_marks_and_no_external_reference_on_the_bundled_plan(bundled_report: Report) -> None:
    html = render_html(bundled_report)
    page = parse(html)
    assert_self_contained(html)
    starts = [a for t, a, _ in page.elements if t == "path" and "mark-start" in a.get("class", "")]
    expected = sum(1 for r in bundled_report.chart.rows for m in r.marks if m.shape == "start")
    # 15 dated start schedules (I.3a.1 has two; the 4 immediate starts have no date)
    assert len(starts) == expected == 15


def test_html_escapes_the_plan_text(tmp_path: Path, example_plan: Path, example_partners: Path) -> None:
    hostile = tmp_path / "plan.yaml"
    source = example_plan.read_text(encoding="utf-8")
    hostile.write_text(
        source.replace(
            "text: une déclaration sur", "text: <script>alert('x')</script> & une déclaration sur"
        ),
        encoding="utf-8",
    )
    data = load(hostile, example_partners)
    html = render_html(build_report(data.plan, data.registry, JUNE_2000))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; une déclaration" in html
    parse(html)


# --- Markdown and the terminal ---------------------------------------------------------------


def test_markdown_matches_the_golden_file(example_report: Report) -> None:
    golden = (GOLDEN / "report_example.md").read_text(encoding="utf-8")
    assert render_markdown(example_report) == golden


def test_markdown_has_pipe_tables_and_the_month_grid(example_report: Report) -> None:
    text = render_markdown(example_report)
    lines = text.splitlines()
    rules = [line for line in lines if re.fullmatch(r"\|( ---:? \|)+", line)]
    assert len(rules) == 5
    assert "| Whole plan | 10 | 5 | 2 | 2 | 1 | 22% | 1 | 1 |" in lines
    assert "| I.1a.1 | I | une déclaration sur la politique de coopération technique; |" in text
    assert month_grid(example_report.chart) == [
        "          2000",
        "          JFMAMJJASOND",
        "I.1a.1    ···D·|······  ! planned, late",
        "II.1.1    ============    in progress",
        "II.2.1    ····D|······    done",
        "III.1a.1  ·····M······    planned",
        "III.1a.3  ·····|·····D    cancelled",
    ]


def test_bundled_month_grid_shows_starts_and_years(bundled_report: Report) -> None:
    grid = month_grid(bundled_report.chart)
    assert grid[0] == "           2000        2001"
    assert grid[1] == "          DJFMAMJJASONDJFMAMJJASOND"
    assert "I.3a.1    ···S··|····S·············  ! planned, late" in grid
    assert "II.1.1    ·============············  ! planned, late" in grid


def test_terminal_report_has_the_month_grid(
    runner: CliRunner, example_plan: Path, example_partners: Path
) -> None:
    code, out, err = run(
        runner, *example_args(example_plan, example_partners), "report", "--as-of", "2000-06"
    )
    assert code == 0, err
    assert "JFMAMJJASOND" in out
    assert "I.1a.1    ···D·|······  ! planned, late" in out
    assert "Overdue (1)" in out
    assert "Falls due in the next 3 months, to 31 August 2000 (1)" in out
    assert re.search(r"Share done\s*│\s*22%\s*│\s*33%\s*│\s*25%\s*│\s*0%", out)


# --- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_report_to_stdout(runner: CliRunner, example_plan: Path, example_partners: Path, fmt: str) -> None:
    args = [*example_args(example_plan, example_partners), "report", "--as-of", "2000-06", "--format", fmt]
    code, out, err = run(runner, *args)
    assert code == 0, err
    assert err == ""
    assert ("<!DOCTYPE html>" in out) == (fmt == "html")
    assert ("# Progress report: GB.276/TC/2" in out) == (fmt == "markdown")


def test_report_output_file(
    runner: CliRunner, tmp_path: Path, example_plan: Path, example_partners: Path
) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    args = [*example_args(example_plan, example_partners), "report", "--as-of", "2000-06", "-o", str(target)]
    code, out, err = run(runner, *args)
    assert code == 0, err
    assert out == ""
    assert err.startswith("Wrote the html report to ") and str(target) in err.replace("\n", "")
    assert err.count("\n") == 1
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")  # the format comes from the suffix
    parse(html)
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left


@pytest.mark.parametrize(
    ("target", "message"),
    [("missing/report.html", "does not exist"), (".", "is a directory")],
)
def test_report_bad_output_path(
    runner: CliRunner, tmp_path: Path, example_plan: Path, example_partners: Path, target: str, message: str
) -> None:
    path = tmp_path / target
    args = [*example_args(example_plan, example_partners), "report", "-f", "html", "-o", str(path)]
    code, out, err = run(runner, *args)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert out == ""


@pytest.mark.parametrize("as_of", ["2000-13", "June 2000", "2000-02-30"])
def test_report_bad_as_of_is_usage_error(runner: CliRunner, as_of: str) -> None:
    code, out, err = run(runner, "report", "--as-of", as_of)
    assert code == 2
    assert "--as-of" in err and "Traceback" not in err
    assert out == ""


def test_report_default_as_of_is_today(runner: CliRunner, example_plan: Path, example_partners: Path) -> None:
    code, out, _ = run(runner, *example_args(example_plan, example_partners), "report", "-f", "markdown")
    assert code == 0
    assert "*Status as of 1 June 2000.*" in out  # ILOTC_TODAY is pinned to 2000-06-01


def test_list_does_not_import_jinja2_or_icalendar() -> None:
    code = (
        "import sys, ilotc.cli.main; "
        "print(sorted(m for m in ('jinja2', 'icalendar', 'ilotc.report_render') if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    assert found == "[]"


def test_template_ships_inside_the_package() -> None:
    from importlib.resources import files

    template = files("ilotc") / "templates" / "report.html.j2"
    assert template.is_file()
    assert "{{ report.symbol }}" in template.read_text(encoding="utf-8")


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
    data = load(plan, example / "partners.yaml")
    report = build_report(data.plan, data.registry, dt.date(2000, 6, 1))
    chart = report.chart
    assert chart.clipped
    assert len(chart.months) == 240
    assert chart.as_of_x is not None
    (row,) = [row for row in chart.rows if row.action_id == "II.1.2"]
    (bar,) = row.marks
    assert (bar.first_month, bar.last_month) == (0, 239)
    assert (bar.x, bar.x_end) == (chart.plot_left, chart.plot_right)
    assert "marks beyond them stand at its edges" in render_html(report)
    assert "marks beyond them stand at its edges" in render_markdown(report)

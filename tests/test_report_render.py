"""The progress report rendered: the paper's shape, every note, full texts, escaping.

The Markdown golden files are regenerated, after a deliberate change, with:

    ILOTC_TODAY=2000-06-01 ilotc --plan tests/examples/valid/plan.yaml \\
        --partners tests/examples/valid/partners.yaml report --as-of 2000-06 \\
        --format markdown -o tests/golden/report_example.md
    ilotc --plan examples/plan-illustrative.yaml report --as-of 2001-03 \\
        --format markdown -o tests/golden/report_illustrative.md
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES, ROOT
from ilotc.cli.main import app
from ilotc.output.report.html import render_html
from ilotc.output.report.markdown import render_markdown
from ilotc.output.report.paper import Paragraph, build_paper
from ilotc.output.report.terminal import render_terminal
from ilotc.report.progress import Report, build_report
from ilotc.store.loading import load

GOLDEN = Path(__file__).resolve().parent / "golden"
ILLUSTRATIVE = ROOT / "examples" / "plan-illustrative.yaml"
MARCH_2001 = dt.date(2001, 3, 1)


@pytest.fixture
def example_report(example_plan: Path, example_partners: Path) -> Report:
    data = load(example_plan, example_partners)
    return build_report(data.plan, data.registry, dt.date(2000, 6, 1))


@pytest.fixture(scope="module")
def illustrative() -> Report:
    data = load(ILLUSTRATIVE, DATA / "partners.yaml")
    return build_report(data.plan, data.registry, MARCH_2001)


def terminal_text(report: Report, width: int = 80) -> str:
    console = Console(width=width, no_color=True, color_system=None, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for piece in render_terminal(report):
        console.print(piece)
    return console.export_text()


class Page(HTMLParser):
    """Tags and text; records unbalanced tags."""

    VOID = frozenset({"meta", "br", "hr", "img", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.errors == [] and page.stack == []
    return page


def test_markdown_matches_the_golden_files(example_report: Report, illustrative: Report) -> None:
    assert render_markdown(example_report) == (GOLDEN / "report_example.md").read_text(encoding="utf-8")
    assert render_markdown(illustrative) == (GOLDEN / "report_illustrative.md").read_text(encoding="utf-8")


def test_paragraphs_are_numbered_throughout(illustrative: Report) -> None:
    paper = build_paper(illustrative)
    numbers = [b.number for b in paper.blocks if isinstance(b, Paragraph)]
    assert numbers == list(range(1, len(numbers) + 1))
    cover = paper.cover
    # the report's own identity: the plan's symbol (GB.276/TC/2) is the plan's, never the report's
    assert (cover.office, cover.body, cover.symbol, cover.session) == (
        "INTERNATIONAL LABOUR OFFICE",
        "Governing Body",
        None,
        None,
    )
    assert cover.place_date == "Geneva, 1\u00a0March\u00a02001"  # no date stated: the as-of day
    assert (cover.committee, cover.purpose) == ("Committee on Technical Cooperation", "FOR DECISION")
    decision = [b for b in paper.blocks if isinstance(b, Paragraph)][-1]
    assert cover.decision_point == f"Point for decision: paragraph {decision.number}."
    assert decision.text.startswith("The Committee may wish to recommend to the Governing Body that it")
    assert paper.closing == "Geneva, 1\u00a0March\u00a02001."


def test_the_options_give_the_report_its_own_identity(illustrative: Report) -> None:
    report = replace(
        illustrative,
        identity=illustrative.identity.overridden(symbol="GB.280/TC/1", session=280, date="2001-03-05"),
    )
    cover = build_paper(report).cover
    assert (cover.symbol, cover.session, cover.place_date) == (
        "GB.280/TC/1",
        "280th Session",
        "Geneva, 5\u00a0March\u00a02001",
    )
    page = render_html(report)
    # every page after the first carries the report's symbol and its number, the first none
    assert '@top-right { content: "GB\\2e 280\\2f TC\\2f 1";' in page
    assert "@bottom-center { content: counter(page);" in page
    assert "@page :first {\n  @top-right { content: none; }\n  @bottom-center { content: none; }" in page
    markdown = render_markdown(report)
    assert markdown.startswith("INTERNATIONAL LABOUR OFFICE · Governing Body · GB.280/TC/1 · 280th Session")
    assert "Geneva, 5\u00a0March\u00a02001.\n" in markdown
    information = replace(report, identity=report.identity.overridden(purpose="information"))
    paper = build_paper(information)
    assert paper.cover.purpose == "FOR INFORMATION" and paper.cover.decision_point is None
    assert "Point for decision" not in render_markdown(information)


def test_sentences_by_part_follow_the_figures(illustrative: Report) -> None:
    text = render_markdown(illustrative)
    assert (
        "Of the 24 actions of Part I (Rendre la coopération technique de l'OIT plus pertinente et plus "
        "efficace), 15 are one-off: 5 have been completed, 8 are in progress, 2 have not started and none "
        "has been cancelled (33% done). Of the 3 recurring actions, 2 are on schedule and none has missed "
        "an occurrence; 1 states no period. 6 actions are continuous."
    ) in text
    assert "| Whole plan | 78 | 13 | 20 | 29 | 2 | 2 | 1 | 11 | 21% | 20 |" in text


def test_continuous_actions_have_their_column_and_their_clause(example_partners: Path) -> None:
    data = load(EXAMPLES / "valid" / "plan_continuous.yaml", example_partners)
    text = render_markdown(build_report(data.plan, data.registry, dt.date(2000, 6, 1)))
    assert (
        "Of the 5 actions of Part I (Rendre la coopération technique plus pertinente), 3 are one-off: none "
        "has been completed, none is in progress, 2 have not started and 1 has been cancelled (0% done). "
        "2 actions are continuous. 1 action is overdue."
    ) in text
    assert "| Part | Actions | Completed | In progress | Not started | Cancelled | Continuous |" in text
    assert "| Part I | 5 | 0 | 0 | 2 | 1 | 2 | 0% | 1 |" in text
    assert "| Part II | 1 | 0 | 0 | 1 | 0 | 0 | 0% | 0 |" in text
    assert "The 2 continuous actions, permanent ways of working with no end, are counted apart" in text


def test_every_recorded_note_and_full_text_appears(illustrative: Report) -> None:
    data = load(ILLUSTRATIVE, DATA / "partners.yaml")
    # the latest note of each action (the annex) and every note since the previous report (the
    # narrative) appear in full
    since = illustrative.since
    latest = {}
    for action in data.plan:
        noted = [c for c in action.history if c.note and c.date.first_day() <= MARCH_2001]
        if noted:
            latest[action.id] = noted[-1].note
    notes = set(latest.values())
    notes |= {
        c.note for a in data.plan for c in a.history if c.note and since <= c.date.first_day() <= MARCH_2001
    }
    assert len(notes) > 20
    markdown_text = render_markdown(illustrative).replace("\\", "")
    page_text = " ".join(parse(render_html(illustrative)).text)
    terminal = " ".join(terminal_text(illustrative, 200).split())
    for note in notes:
        assert note.replace("'", "'") in markdown_text, note
        assert note in page_text, note
        assert " ".join(note.split()) in terminal, note
    for action in data.plan:
        assert action.text in page_text, action.id
    assert "…" not in markdown_text and "…" not in page_text


def test_partners_by_name_not_slug(illustrative: Report) -> None:
    text = render_markdown(illustrative)
    assert "Prince of Wales Business Forum" in text
    assert "prince-of-wales-business-forum" not in text


def test_the_caveat_heads_every_format(illustrative: Report) -> None:
    caveat = "Illustrative example: the status history in this report is invented"
    assert caveat in render_markdown(illustrative)
    assert caveat in render_html(illustrative)
    assert caveat in " ".join(terminal_text(illustrative).split())


def test_point_for_decision_default_and_set_by_the_plan(example_report: Report, tmp_path: Path) -> None:
    # no decision set: the paper is for information, and has no point for decision
    assert "**FOR INFORMATION**" in render_markdown(example_report)
    assert "Point for decision" not in render_markdown(example_report)
    source = (ROOT / "tests" / "examples" / "valid" / "plan.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    decision = "Le Conseil d'administration voudra sans doute prendre note du présent rapport."
    plan.write_text(
        source.replace(
            '  date: "1999-09-28"\n', f'  date: "1999-09-28"\n  report:\n    decision: "{decision}"\n'
        ),
        encoding="utf-8",
    )
    data = load(plan, ROOT / "tests" / "examples" / "valid" / "partners.yaml")
    report = build_report(data.plan, data.registry, dt.date(2000, 6, 1))
    assert decision in render_html(report).replace("&#39;", "'")
    assert "FOR DECISION" in render_markdown(report)  # a decision set: the paper is for decision
    assert "The Governing Body may wish" not in render_markdown(report)
    # a decision per language: the interface language's
    plan.write_text(
        source.replace(
            '  date: "1999-09-28"\n',
            '  date: "1999-09-28"\n  report:\n    decision:\n      en: "EN text."\n      fr: "Texte FR."\n',
        ),
        encoding="utf-8",
    )
    data = load(plan, ROOT / "tests" / "examples" / "valid" / "partners.yaml")
    report = build_report(data.plan, data.registry, dt.date(2000, 6, 1))
    assert "EN text." in render_markdown(report) and "Texte FR." not in render_markdown(report)


def test_html_is_one_self_contained_printable_page(illustrative: Report) -> None:
    html = render_html(illustrative)
    page = parse(html)
    lowered = html.lower()
    for needle in ("http:", "https:", "@import", "<script", "<link", "src=", "@font-face"):
        assert needle not in lowered, needle
    assert lowered.count("url(") == lowered.count("url(#")  # only the page's own patterns
    assert '<html lang="en">' in html and "size: A4" in html and "@media print" in html
    svgs = [a for tag, a in page.tags if tag == "svg" and "chart" in a.get("class", "")]
    assert [a["class"] for a in svgs] == ["chart progress", "chart"]
    columns = [a for tag, a in page.tags if tag == "g" and a.get("class") == "p-column"]
    assert len(columns) == len(illustrative.progress.columns) == 19  # September 1999 to March 2001
    annex = [a for tag, a in page.tags if tag == "tr" and a.get("id", "").startswith("a-")]
    assert len(annex) == 78  # the annex: a table, a row per action
    # each timeline mark says in words what it is, with the action's full text
    assert (
        "I.1a.1 — deadline: by 30\u00a0April\u00a02000 — done — une déclaration sur la politique de "
        "coopération technique, indiquant les principes directeurs de ces activités qui sera diffusée dans "
        "l'ensemble du Bureau;"
    ) in " ".join(page.text)


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
    report = build_report(data.plan, data.registry, dt.date(2000, 6, 1))
    html = render_html(report)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; une déclaration" in html
    parse(html)
    markdown = render_markdown(report)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


def test_markdown_and_terminal_escape_markup_and_controls(
    tmp_path: Path, example_plan: Path, example_partners: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    source = example_plan.read_text(encoding="utf-8")
    plan.write_text(
        source.replace("note: première réunion", 'note: "# titre | [x](javascript:y) \\e[31mrouge"'),
        encoding="utf-8",
    )
    data = load(plan, example_partners)
    report = build_report(data.plan, data.registry, dt.date(2000, 6, 1))
    markdown = render_markdown(report)
    assert "\x1b" not in markdown
    # the escape shows as \e, its backslash escaped for Markdown; '|' and '[' are literal
    assert "— # titre \\| \\[x\\](javascript:y) \\\\e\\[31mrouge" in markdown
    terminal = terminal_text(report, 200)
    assert "\x1b" not in terminal and "\\e[31mrouge" in terminal


def test_terminal_report_has_the_charts_and_fits_80_columns(illustrative: Report) -> None:
    text = terminal_text(illustrative)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert re.search(r"Mar\u00a02001 █+▓+░+", text)
    assert "JFMAMJJASOND" in text
    assert re.search(
        r"\d+\. The Committee may wish to recommend to the Governing Body that", " ".join(text.split())
    )


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (dt.date(2000, 6, 1), "at the end of each month from 28\u00a0September\u00a01999"),
        (dt.date(2026, 12, 1), "every 5 months from 28\u00a0September\u00a01999"),
        (
            dt.date(1999, 1, 1),
            "at the end of each month from 28\u00a0September\u00a01999 to 1\u00a0January\u00a01999",
        ),
    ],
)
def test_the_progress_chart_says_how_often_it_counts(
    example_plan: Path, example_partners: Path, day: dt.date, said: str
) -> None:
    data = load(example_plan, example_partners)
    report = build_report(data.plan, data.registry, day)
    assert said in render_markdown(report)
    assert report.progress.columns[-1].day == day


def test_an_editorial_note_is_never_in_a_report_but_show_labels_it(illustrative: Report) -> None:
    data = load(DATA / "plan.yaml", DATA / "partners.yaml")
    notes = {a.id: a.editorial_note for a in data.plan if a.editorial_note}
    assert len(notes) == 35  # the bundled plan's transcription notes, moved out of the action's note
    assert all("seed" not in note for note in notes.values())
    assert "The source document (GB.276/TC/2 as published) lists the three timelines" in notes["I.3b.1"]
    report = build_report(data.plan, data.registry, dt.date(2000, 6, 1))
    for text in (render_markdown(report), render_html(report), terminal_text(report, 200)):
        assert "The source document" not in text and "Editorial note" not in text
    shown = CliRunner().invoke(app, ["show", "I.3b.1"]).stdout
    assert "Editorial note" in shown and "The source document" in " ".join(shown.replace("│", " ").split())


def test_the_pdf_is_set_in_the_shipped_font(illustrative: Report, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="the PDF extra (pip install 'ilotc[pdf]') is not installed")
    if shutil.which("pdffonts") is None:
        pytest.skip("no pdffonts (Debian: apt-get install poppler-utils)")
    from ilotc.output.report.html import render_pdf

    report = replace(illustrative, identity=illustrative.identity.overridden(symbol="GB.280/TC/1"))
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(report))
    listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = [line.split()[0] for line in listed.splitlines()[2:]]
    # only the house font, shipped with ilotc under its licence: no font of the machine's
    assert fonts and all("ilotc-house" in font for font in fonts), fonts
    assert "SIL OPEN FONT LICENSE" in (ROOT / "src" / "ilotc" / "fonts" / "OFL.txt").read_text(
        encoding="utf-8"
    )

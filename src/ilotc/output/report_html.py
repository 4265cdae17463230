"""The progress report as one self-contained HTML page, printable on A4.

The page comes from a Jinja2 template (`templates/report.html.j2`) with autoescaping on and
every `{{ }}` value passed through `ilotc.output.text.html_value`, so every value from the plan
is text, never markup, and shows its control characters escaped. Charts are inline SVG; nothing is fetched.
"""

from __future__ import annotations

from ilotc.output import report_texts as t
from ilotc.output.report_paper import Figure, Heading, Paragraph, Table, build_paper
from ilotc.output.text import html_value
from ilotc.report import Report

TEMPLATE = "report.html.j2"

COLOURS = {
    "ink": "#1d2433",
    "planned": "#8d97ab",
    "in_progress": "#2f6fb3",
    "done": "#2e8540",
    "cancelled": "#c3c7cf",
    "late": "#c62828",
    "on_schedule": "#7fb58a",
    "missed": "#c62828",
    "unjudged": "#d9c27a",
}
"""Chart colours, given as SVG attributes: a PDF renderer may not apply page CSS inside SVG."""


def render_html(report: Report) -> str:
    """The report as one HTML page (inline CSS and SVG, no script, nothing fetched)."""
    # lazy: Jinja2, imported only by the commands that render HTML
    import jinja2  # noqa: PLC0415

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("ilotc", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=html_value,  # every {{ }} value: control characters escaped, huge integers safe
    )
    environment.filters.update(long_date=t.long_date)
    environment.tests.update(
        heading=lambda b: isinstance(b, Heading),
        paragraph=lambda b: isinstance(b, Paragraph),
        table=lambda b: isinstance(b, Table),
        figure=lambda b: isinstance(b, Figure),
    )
    return environment.get_template(TEMPLATE).render(
        report=report,
        paper=build_paper(report),
        chart=report.chart,
        progress=report.progress,
        t=t,
        colours=COLOURS,
        lang=t.report_language(),
    )

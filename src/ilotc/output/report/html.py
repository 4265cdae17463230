"""The progress report as one self-contained HTML page, printable on A4, and that page as a PDF.

The page comes from a Jinja2 template (`templates/report.html.j2`) with autoescaping on and
every `{{ }}` value passed through `ilotc.output.text.html_value`, so every value from the plan
is text, never markup, and shows its control characters escaped. Charts are inline SVG; nothing is fetched.

The PDF is this page laid out by WeasyPrint (`ilotc[pdf]`), which prints HTML and CSS (the
page's `@page` rules included) without a browser; it is optional because it needs Pango.
"""

from __future__ import annotations

from importlib.resources import files

from ilotc.i18n import N_, _
from ilotc.output.report import texts as t
from ilotc.output.report.hyphenation import soft_hyphens
from ilotc.output.report.paper import Figure, Heading, Paragraph, Table, build_paper
from ilotc.output.report.text_languages import mark_languages
from ilotc.output.text import html_templates
from ilotc.report.progress import Report

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
    "continuous": "#6a8fc7",
}
"""Chart colours, given as SVG attributes: a PDF renderer may not apply page CSS inside SVG."""

PATTERNS = {
    "done": "",
    "in_progress": "M0 6L6 0",
    "planned": "M0 3h6",
    "cancelled": "M0 0L6 6M0 6L6 0",
    "on_schedule": "M3 0v6",
    "missed": "M0 0L6 6",
    "unjudged": "M0 3h6M3 0v6",
    "continuous": "M0 1.5h6M0 4.5h6",
}
"""A white hatching over each standing's colour (a 6-unit tile's path): the bands of Figure 1
stay apart when the page is printed in greyscale."""


def css_string(value: str) -> str:
    """`value` as the inside of a CSS string, every character but ASCII letters and digits
    escaped (`\\2f `): data in a style sheet can neither end the string nor the sheet."""
    return "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):x} " for c in value)


def render_html(report: Report) -> str:
    """The report as one HTML page (inline CSS and SVG, no script, nothing fetched)."""
    environment = html_templates()
    environment.filters.update(long_date=t.long_date, soft_hyphens=soft_hyphens, css_string=css_string)
    page_lang = t.report_language()
    plan_lang = report.document.language
    environment.tests.update(
        heading=lambda b: isinstance(b, Heading),
        paragraph=lambda b: isinstance(b, Paragraph),
        table=lambda b: isinstance(b, Table),
        figure=lambda b: isinstance(b, Figure),
    )
    page = environment.get_template(TEMPLATE).render(
        report=report,
        paper=build_paper(report),
        chart=report.chart,
        progress=report.progress,
        t=t,
        colours=COLOURS,
        patterns=PATTERNS,
        lang=page_lang,
        # the plan's own text is marked with the plan's language where it differs (WCAG 3.1.2)
        plan_lang=plan_lang if plan_lang and plan_lang != page_lang else None,
    )
    return mark_languages(page, report, t.report_language())


INSTALL_HINT = N_(
    "PDF output needs the optional extra: pip install 'ilotc[pdf]', or pip install '.[pdf]' in a "
    "clone of ilotc (WeasyPrint, which needs Pango: on Debian, "
    "apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
)


class PdfUnavailable(Exception):
    """WeasyPrint cannot be imported: the message says how to install it."""


HOUSE_FONT = "ilotc house"
"""The family the PDF is set in: Liberation Sans (SIL OFL 1.1, `ilotc/fonts/OFL.txt`), shipped
with the package, so the PDF is laid out the same on every machine, whatever fonts it has."""


def house_font_css() -> str:
    """`@font-face` rules for the shipped font, and the page set in it (the PDF's style sheet)."""
    folder = files("ilotc") / "fonts"
    faces = "".join(
        f'@font-face {{ font-family: "{HOUSE_FONT}"; font-weight: {weight}; '
        f'src: url("{(folder / name).as_uri()}") format("truetype"); }}\n'  # type: ignore[attr-defined]
        for weight, name in ((400, "LiberationSans-Regular.ttf"), (700, "LiberationSans-Bold.ttf"))
    )
    family = f'font-family: "{HOUSE_FONT}" !important;'
    boxes = f"@page {{ @top-right {{ {family} }} @bottom-center {{ {family} }} }}\n"
    return faces + f"html, body, svg text {{ {family} }}\n" + boxes


def render_pdf(report: Report) -> bytes:
    """The HTML report printed to PDF, in the house font; PdfUnavailable when WeasyPrint is missing."""
    try:
        # lazy: WeasyPrint, an optional extra that only `report --format pdf` uses
        import weasyprint  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415
    except (ImportError, OSError) as error:  # OSError: Pango's libraries are missing
        raise PdfUnavailable(
            _("{hint}; the import failed: {error}").format(hint=_(INSTALL_HINT), error=error)
        ) from error
    from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415 - lazy: WeasyPrint, as above

    fonts = FontConfiguration()
    house = weasyprint.CSS(string=house_font_css(), font_config=fonts)
    pdf = weasyprint.HTML(string=render_html(report)).write_pdf(stylesheets=[house], font_config=fonts)
    assert pdf is not None  # write_pdf returns the bytes when given no target
    return bytes(pdf)

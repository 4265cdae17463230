"""The progress report as an A4 PDF, from its HTML page, through WeasyPrint (`ilotc[pdf]`).

WeasyPrint lays out HTML and CSS for print (the page's `@page` rules included) without a
browser; it is optional because it needs Pango from the system.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ilotc.i18n import N_, _
from ilotc.output.report_html import render_html

if TYPE_CHECKING:
    from ilotc.report import Report

INSTALL_HINT = N_(
    "PDF output needs the optional extra: pip install 'ilotc[pdf]' "
    "(WeasyPrint, which needs Pango: on Debian, apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
)


class PdfUnavailable(Exception):
    """WeasyPrint cannot be imported: the message says how to install it."""


def render_pdf(report: Report) -> bytes:
    """The HTML report printed to PDF; PdfUnavailable when WeasyPrint is missing."""
    try:
        # lazy: WeasyPrint, an optional extra that only `report --format pdf` uses
        import weasyprint  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415
    except (ImportError, OSError) as error:  # OSError: Pango's libraries are missing
        raise PdfUnavailable(
            _("{hint}; the import failed: {error}").format(hint=_(INSTALL_HINT), error=error)
        ) from error
    pdf = weasyprint.HTML(string=render_html(report)).write_pdf()
    assert pdf is not None  # write_pdf returns the bytes when given no target
    return bytes(pdf)

"""The HTML report in a real browser: headless Chromium prints it to an A4 PDF.

Checks the page count, that nothing overflows the page width (measured in the DOM at the
A4 printable width), and that a sample of action texts is in the printed PDF (pdftotext).
Skips, saying why, where no Chromium (or no pdftotext) is installed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from ilotc.output.report.html import render_html
from ilotc.report.progress import build_report
from ilotc.store.loading import load

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (Debian: apt-get install chromium)"
)

A4_PRINTABLE_PX = 719  # 210 mm less the 14 mm margins either side, at 96 px per inch
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# measures, at print width, how far the widest element reaches past the page's right edge
MEASURE = """<script>
window.addEventListener('load', () => {
  let worst = 0;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    worst = Math.max(worst, r.right - document.documentElement.clientWidth);
  }
  document.title = JSON.stringify({overflow: Math.round(worst), width: document.documentElement.scrollWidth});
});
</script>"""


def chromium(html: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, html.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = load(ROOT / "examples" / "plan-illustrative.yaml", DATA / "partners.yaml")
    html = tmp_path_factory.mktemp("report") / "report.html"
    html.write_text(
        render_html(build_report(data.plan, data.registry, dt.date(2001, 3, 1))), encoding="utf-8"
    )
    return html


def test_prints_to_a4_with_the_action_texts(page: Path, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("no pdftotext/pdfinfo (Debian: apt-get install poppler-utils)")
    pdf = tmp_path / "report.pdf"
    done = chromium(page, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.is_file(), done.stderr[-2000:]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert "(A4)" in info
    assert 8 <= pages <= 40
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for sample in (  # from the narrative (the annex's narrow cells wrap too often to quote whole)
        "identification de partenaires potentiels en vue d'une coopération dans des domaines intéressant",
        "Prince of Wales Business Forum",
        "Illustrative example",
        "with the note “Accord de collaboration signé”",
    ):
        assert sample in text, sample


def test_nothing_overflows_the_page_width(page: Path, tmp_path: Path) -> None:
    measured = tmp_path / "measured.html"
    measured.write_text(
        page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8"
    )
    done = chromium(measured, tmp_path, f"--window-size={A4_PRINTABLE_PX},1000", "--dump-dom")
    found = re.search(r"<title>(\{.*?\})</title>", done.stdout)
    assert found is not None, done.stderr[-2000:]
    result = json.loads(found.group(1).replace("&quot;", '"'))
    assert result["overflow"] <= 0 and result["width"] <= A4_PRINTABLE_PX, result

"""The HTML report for screen readers, print and phones (issue 24): the plan's own text marked
with its language, headers that break only at a hyphen, nothing wider than a 375 px screen.

The browser checks run in headless Chromium where it is installed (as
tests/test_report_browser.py), and skip saying why where it is not.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from ilotc import i18n
from ilotc.output.report.html import render_html
from ilotc.output.report.hyphenation import break_points, soft_hyphens
from ilotc.report.progress import build_report
from ilotc.store.loading import load

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
    None,
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (Debian: apt-get install chromium)"
)
PHONE_PX = 375


ILLUSTRATIVE = ROOT / "examples" / "plan-illustrative.yaml"
BUNDLED = DATA / "plan.yaml"  # says `language: fr`


def page(lang: str, plan: Path = BUNDLED) -> str:
    data = load(plan, DATA / "partners.yaml")
    before = i18n.chosen()
    i18n.use(lang)
    try:
        return render_html(build_report(data.plan, data.registry, dt.date(2001, 3, 1)))
    finally:
        i18n.use(before)


def test_the_plans_french_text_is_marked_french_in_an_english_page() -> None:
    html = page("en")
    assert '<html lang="en">' in html
    # each text shown in the plan's own language is marked as such (a translation would not be)
    assert re.search(
        r'<td class="a1"><span lang="fr">une déclaration sur la politique de coopération technique', html
    )
    assert re.search(r'<p class="gb-subtitle" lang="fr">', html)
    # the labels stay in the page's language: no lang on them
    assert "<th lang=" not in html and re.search(r'<td class="a4">(Not started|In progress|Completed)', html)


def test_no_lang_mark_where_the_plan_is_in_the_pages_language_or_states_none() -> None:
    html = page("fr")
    assert '<html lang="fr">' in html and 'lang="fr"' not in html.replace('<html lang="fr">', "")
    assert 'lang="fr"' not in page("en", ILLUSTRATIVE)  # no `language:`: nothing to claim


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Completed", ["Comple", "ted"]),
        ("Cancelled", ["Can", "celled"]),
        ("Terminées", ["Ter", "mi", "nées"]),
        ("Overdue", ["Overdue"]),  # too short to need a break
        ("Échéance", ["Échéance"]),  # no point that leaves three letters either side
    ],
)
def test_header_words_break_only_at_syllables(word: str, parts: list[str]) -> None:
    assert str(soft_hyphens(word)) == "&shy;".join(parts)
    if len(parts) > 1:
        assert break_points(word) == [len("".join(parts[: n + 1])) for n in range(len(parts) - 1)]


def test_headers_carry_soft_hyphens_and_break_nowhere_else() -> None:
    html = page("en")
    assert '<th scope="col" class="num">Comple&shy;ted</th>' in html
    css = re.search(r"thead th \{([^}]*)\}", html)
    assert css is not None and "hyphens: manual" in css.group(1) and "overflow-wrap: normal" in css.group(1)
    assert str(soft_hyphens("a <b> & Completed")) == "a &lt;b&gt; &amp; Comple&shy;ted"


# Headless Chromium will not open a window narrower than 500 px, whatever --window-size says, so
# the page is laid out in a frame exactly as wide as the screen measured, and measured there: the
# frame's own width, how far its document scrolls sideways, and every element's right edge.
MEASURE = """<script>
window.addEventListener('load', () => {
  const frame = document.querySelector('iframe');
  const doc = frame.contentDocument;
  const seen = doc.documentElement.clientWidth;
  let worst = 0;
  for (const el of doc.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    worst = Math.max(worst, r.right - seen);
  }
  document.title = JSON.stringify({
    screen: frame.contentWindow.innerWidth, seen: seen,
    overflow: Math.round(worst), width: doc.documentElement.scrollWidth,
  });
});
</script>"""
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def measured_on_a_screen(html: str, screen_px: int, tmp_path: Path) -> dict[str, int]:
    framed = tmp_path / f"screen-{screen_px}.html"
    framed.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body style="margin: 0">'
        f'<iframe style="border: 0; width: {screen_px}px; height: 800px" srcdoc="{escape(html)}"></iframe>'
        f"{MEASURE}</body></html>",
        encoding="utf-8",
    )
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={tmp_path / f'profile-{screen_px}'}",
            "--window-size=800,800",
            "--dump-dom",
            framed.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    found = re.search(r"<title>(\{.*?\})</title>", done.stdout)
    assert found is not None, done.stderr[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"'))


@needs_chromium
def test_nothing_overflows_a_375_px_screen(tmp_path: Path) -> None:
    html = page("en", ILLUSTRATIVE)
    for screen_px in (PHONE_PX, 600):  # a phone, and a small tablet (wider than the phone layout)
        result = measured_on_a_screen(html, screen_px, tmp_path)
        assert result["screen"] == screen_px, result  # laid out at the width claimed
        assert result["overflow"] <= 0 and result["width"] <= result["seen"], result


@needs_chromium
def test_printed_headers_break_only_with_a_hyphen(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("no pdftotext (Debian: apt-get install poppler-utils)")
    assert CHROMIUM is not None
    html = tmp_path / "report.html"
    html.write_text(page("en", ILLUSTRATIVE), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for word in ("Completed", "Overdue", "Cancelled"):
        for cut in range(1, len(word)):
            # a header word split over two lines shows a hyphen where it breaks
            assert f"{word[:cut]}\n{word[cut:]}" not in text, word

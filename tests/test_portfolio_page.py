"""`report --portfolio`: the status of every plan as a page, Markdown or self-contained HTML.

The example portfolio (`examples/portfolio/`, see tests/test_status.py) as of June 2025:
regional and PER-2025 have two late actions each, KEN-2025 one. In Chromium (where
installed) the page is loaded, the filter typed into, and the rows left visible read back.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app

TREE = EXAMPLES / "portfolio"
CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
    None,
)


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def page(runner: CliRunner, tree: Path, path: Path) -> str:
    code, _, err = run(
        runner, "--plan", str(tree), "report", "--portfolio", "--as-of", "2025-06", "-o", str(path)
    )
    assert code == 0, err
    return path.read_text(encoding="utf-8")


def test_markdown_lists_the_most_behind_first_with_a_chart(runner: CliRunner) -> None:
    code, out, err = run(
        runner, "--plan", str(TREE), "report", "--portfolio", "--as-of", "2025-06", "--format", "markdown"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "# Portfolio status as of 1\u00a0June\u00a02025"  # as the ILO writes a date
    table = [line for line in lines if line.startswith("| ") and "---" not in line]
    assert [line.split(" | ")[0][2:] for line in table] == ["Plan", "regional", "PER-2025", "KEN-2025"]
    assert "| KEN-2025 | Kenya country programme | 3 | 33 | 1 | 2025-12-31 | 2025-04-02 |" in lines
    chart = lines[lines.index("## Late actions per plan") + 3 : -1]
    assert chart == [
        "regional  " + "█" * 30 + " 2",
        "PER-2025  " + "█" * 30 + " 2",
        "KEN-2025  " + "█" * 15 + " 1",
    ]


def test_html_is_self_contained_in_order_and_in_the_interface_language(
    runner: CliRunner, tmp_path: Path
) -> None:
    html = page(runner, TREE, tmp_path / "portfolio.html")
    assert re.findall(r'<tr data-plan="([^"]+)"', html) == ["regional", "PER-2025", "KEN-2025"]
    assert re.findall(r'width="([0-9.]+)"', html) == ["100.0", "100.0", "50.0"]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)  # nothing fetched
    assert '<input id="filter" type="search"' in html
    code, _, err = run(
        runner,
        "--lang",
        "fr",
        "--plan",
        str(TREE),
        "report",
        "--portfolio",
        "--as-of",
        "2025-06",
        "-o",
        str(tmp_path / "fr.html"),
    )
    assert code == 0, err
    french = (tmp_path / "fr.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in french and "Prochaine échéance" in french


def test_plan_text_is_data_never_markup(runner: CliRunner, tmp_path: Path) -> None:
    tree = tmp_path / "portfolio"
    shutil.copytree(TREE, tree)
    kenya = tree / "africa" / "kenya" / "plan.yaml"
    hostile = 'title: "<script>alert(1)</script> | # x"'
    kenya.write_text(kenya.read_text(encoding="utf-8").replace("title: Kenya country programme", hostile, 1))
    html = page(runner, tree, tmp_path / "portfolio.html")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    code, out, _ = run(
        runner, "--plan", str(tree), "report", "--portfolio", "--as-of", "2025-06", "-f", "markdown"
    )
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("| KEN-2025"))
    assert row.count(" | ") == 6  # the title's pipe is escaped, not a column of its own


def test_the_terminal_and_pdf_are_refused_with_the_way_out(runner: CliRunner) -> None:
    for args in ([], ["--format", "pdf"]):
        code, out, err = run(runner, "--plan", str(TREE), "report", "--portfolio", *args)
        assert (code, out) == (2, "")
        assert "use ilotc status" in err


FILTER_AND_READ = """<script>
window.addEventListener('load', () => {
  const input = document.getElementById('filter');
  input.value = 'PERU';
  input.dispatchEvent(new Event('input'));
  const shown = [...document.querySelectorAll('tr[data-plan]')]
    .filter(r => !r.hidden).map(r => r.dataset.plan);
  const bars = [...document.querySelectorAll('.chart-row')].filter(r => !r.hidden).length;
  const first = document.querySelector('tr[data-plan]').dataset.plan;
  document.title = JSON.stringify({shown, bars, first});
});
</script>"""


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (Debian: apt-get install chromium)")
def test_in_chromium_the_most_behind_come_first_and_the_filter_works(
    runner: CliRunner, tmp_path: Path
) -> None:
    assert CHROMIUM is not None
    html = page(runner, TREE, tmp_path / "portfolio.html")
    probe = tmp_path / "probe.html"
    probe.write_text(html.replace("</body>", FILTER_AND_READ + "</body>"), encoding="utf-8")
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    found = re.search(r"<title>(\{.*?\})</title>", done.stdout)
    assert found is not None, done.stderr[-2000:]
    result = json.loads(found.group(1).replace("&quot;", '"'))
    assert result == {"shown": ["PER-2025"], "bars": 1, "first": "regional"}

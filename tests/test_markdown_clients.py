"""Every Markdown writer read by a CommonMark parser (markdown-it-py, CommonMark mode with
GFM tables): a text starting "1. a|b" or an id "2015.a.3" shows as written, never with a
stray backslash (issue 24: `\\1.` is no escape in CommonMark)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from ilotc.cli.main import app
from ilotc.output.text import markdown

PARSER = MarkdownIt("commonmark").enable("table")
TEXTS = [
    "1. a|b",
    "2015) the year of the review",
    "# not a heading",
    "- not an item",
    "+ nor this",
    "> nor a quote",
    "10.5 per cent * of 3_000",
]


def shown(markdown_text: str) -> str:
    """What a reader sees: the rendered HTML's text, tags dropped, entities read."""
    rendered = PARSER.render(markdown_text)
    return html.unescape(re.sub(r"<[^>]+>", " ", rendered))


def plan(tmp_path: Path, texts: list[str], name: str = "plan.yaml") -> Path:
    actions = "\n".join(
        f"      - id: 2015.a.{n}\n        text: {text!r}\n        timeline: By June 2026"
        for n, text in enumerate(texts, 1)
    )
    path = tmp_path / name
    path.write_text(
        'format: 2\nids: free\ndocument:\n  title: Review plan\n  date: "2026-01"\n  language: en\n'
        f"parts:\n  - id: A\n    title: Reviews\n    actions:\n{actions}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("text", [*TEXTS, "2015.a.3", "3)"])
def test_markdown_shows_a_leading_number_as_written(text: str) -> None:
    for line in (markdown(text), f"| {markdown(text)} |\n|---|"):
        assert text in shown(line), line
        assert "\\" not in shown(line)


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_listings_show_every_text_as_written(runner: CliRunner, tmp_path: Path) -> None:
    path = str(plan(tmp_path, TEXTS))
    for listing in (["list"], ["upcoming", "--as-of", "2026-05"], ["overdue", "--as-of", "2027-01"]):
        seen = shown(run(runner, "--plan", path, *listing, "--format", "markdown"))
        for n, text in enumerate(TEXTS, 1):
            assert text in seen and f"2015.a.{n}" in seen, (listing, text)
        assert "\\" not in seen


def test_the_report_shows_every_text_and_id_as_written(runner: CliRunner, tmp_path: Path) -> None:
    path = str(plan(tmp_path, TEXTS))
    seen = shown(run(runner, "--plan", path, "report", "--as-of", "2026-05", "--format", "markdown"))
    for n, text in enumerate(TEXTS, 1):
        assert text in seen and f"2015.a.{n}" in seen, text
    assert "\\" not in seen


def test_the_diff_shows_every_text_and_id_as_written(runner: CliRunner, tmp_path: Path) -> None:
    old = plan(tmp_path, TEXTS[:3], "old.yaml")
    new = plan(tmp_path, TEXTS, "new.yaml")
    seen = shown(run(runner, "diff", str(old), str(new), "--format", "markdown"))
    for n, text in enumerate(TEXTS[3:], 4):
        assert text in seen and f"2015.a.{n}" in seen, text
    assert "\\" not in seen

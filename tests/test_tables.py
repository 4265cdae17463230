"""Tables that fit: every table at 60, 80 and 120 columns stays within the width and never
splits a word where a space, hyphen or slash could take the break (issue 16)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest
from typer.testing import CliRunner

from conftest import DATA
from ilotc.cli.main import app
from ilotc.model import labels, vocab
from ilotc.output.listing import Column
from ilotc.output.report import texts as report_texts
from ilotc.output.table import TextTable, wrap

WIDTHS = (60, 80, 120)
TABLES = {
    "list": ["list"],
    "overdue": ["overdue", "--as-of", "2001-01"],
    "upcoming": ["upcoming", "--as-of", "2000-03"],
    "partners": ["partners"],
    "report": ["report", "--as-of", "2000-06"],
}
BOX = re.compile(r"[│┃┏┓┗┛┡┩┣┫━─┳┻╇╈┼└┘┴┬┌┐╭╮╰╯]")
# what is not a word: numbers, dates, percentages, arrows, reading ranges ("2000-01..2000-12")
NOT_A_WORD = re.compile(r"^[\d.\-–—…%()/:;,+=→·•▕▏▔▁█░▒▓?!*#|]+[m]?$")


def _pieces(token: str) -> set[str]:
    """A token and the pieces a line may break it into (after hyphens and slashes)."""
    token = token.lower()  # headings may be in capitals
    found = {token, token.strip(".,;:()«»\"'…")}
    for piece in re.split(r"(?<=[-/])", token):
        found |= {piece, piece.strip(".,;:()«»\"'…")}
    return found


@pytest.fixture
def vocabulary(runner: CliRunner) -> set[str]:
    """Every word of the data, of the labels and of the same content in formats that never
    wrap (JSON, Markdown), and the pieces they may break into."""
    words: set[str] = set()
    unwrapped = [
        ["partners", "--format", "json"],
        ["list", "--format", "json"],
        ["report", "--as-of", "2000-06", "--format", "markdown"],
    ]
    texts = [runner.invoke(app, args).stdout.replace("_", " ") for args in unwrapped]
    texts += [
        (DATA / "plan.yaml").read_text(encoding="utf-8"),
        (DATA / "partners.yaml").read_text(encoding="utf-8"),
    ]
    for module in (labels, report_texts):
        for name in dir(module):
            value = getattr(module, name)
            if isinstance(value, Mapping):  # report_texts' labels translate on access
                texts += [str(v) for v in value.values()] + [str(k) for k in value]
            elif isinstance(value, str):
                texts.append(value)
    # the vocabularies' values, which tables show as they are ("as_needed")
    texts += [member.value for enum in (vocab.Kind, vocab.Status) for member in enum]
    texts.append("action(s)")  # the partners table's count of actions (output/columns.py)
    for text in texts:
        for token in text.replace("\\_", "_").split():
            words |= _pieces(token)
    return words


def table_text(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, width: int, args: list[str]) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(TABLES))
def test_tables_fit_and_keep_words_whole(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, vocabulary: set[str], name: str, width: int
) -> None:
    out = table_text(runner, monkeypatch, width, TABLES[name])
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    split = sorted(
        {
            token
            for line in lines
            for token in BOX.sub(" ", line).split()
            if not NOT_A_WORD.match(token) and not (_pieces(token) & vocabulary)
        }
    )
    assert split == [], f"pieces of words at {width} columns: {split[:10]}"


def test_partners_at_80_columns_is_a_readable_length(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = table_text(runner, monkeypatch, 80, ["partners"])
    assert len(out.splitlines()) < 200  # 756 when the 52-character id took its own column
    # the longest id wraps after its hyphens, every piece present in order
    rows = [BOX.sub(" ", line).split() for line in out.splitlines()]
    flat = " ".join(" ".join(row) for row in rows)
    assert "organisations-" in flat and "entreprises" in flat


def test_a_long_id_wraps_after_hyphens_and_a_long_word_breaks_only_when_nothing_else_fits() -> None:
    assert wrap("organisations-employeurs-micro-petites-entreprises", 20) == [
        "organisations-",
        "employeurs-micro-",
        "petites-entreprises",
    ]
    assert wrap("régionales/sous-régionales et locales", 12) == [
        "régionales/",
        "sous-",
        "régionales",
        "et locales",
    ]
    assert wrap("2000-01-01", 5, joints=False) == ["2000-", "01-01"]  # a last resort only
    assert wrap("anticonstitutionnellement", 10) == ["anticonsti", "tutionnell", "ement"]


def test_wide_characters_take_two_cells() -> None:
    table = TextTable([{"a": "中文字符 中文", "b": "x"}], [Column("a", "A", wrap=True), Column("b", "B")])
    lines = table.text(20).splitlines()
    from rich.cells import cell_len

    assert {cell_len(line) for line in lines} == {cell_len(lines[0])}
    assert cell_len(lines[0]) <= 20


def test_control_characters_in_cells_are_visible() -> None:
    table = TextTable([{"a": "bell\x07 esc\x1b[31m"}], [Column("a", "A")])
    text = table.text(80)
    assert "\x07" not in text and "\x1b" not in text
    assert "\\x07" in text and "\\e[31m" in text

"""Action ids are what they look like, and a plan's own id pattern runs in bounded time.

The located problems of each case are in tests/examples/invalid/plan_id_*.yaml (with their
`.expected`); here: the pattern that hangs Python's `re`, RE2's silence, any forbidden character
wherever it stands, and `diff` naming a look-alike renumbering.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from ilotc.model.ids import SHELL_SYNTAX, bad_character, look_alikes, scripts
from ilotc.store.validate.validation import validate_paths

PARTNERS = EXAMPLES / "valid" / "partners.yaml"
GUARD_SECONDS = 20  # a guard against a hang (`re` takes 8.9 s at 28 characters, doubling per 2 more)


@contextmanager
def _guard() -> Iterator[None]:
    def stop(*_: object) -> None:
        raise TimeoutError("validation did not finish")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _plan(tmp_path: Path, ids: str, *action_ids: str) -> Path:
    actions = "".join(
        f"      - {{id: {json.dumps(i)}, text: t{n}, timeline: Mai 2000}}\n" for n, i in enumerate(action_ids)
    )
    path = tmp_path / "plan.yaml"
    path.write_text(
        f"format: 2\nids: {json.dumps(ids)}\ndocument: {{title: t}}\n"
        f"parts:\n  - id: A\n    title: p\n    actions:\n{actions}",
        encoding="utf-8",
    )
    return path


def test_a_catastrophic_pattern_is_checked_in_linear_time(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "(a+)+b", "a" * 28, "a" * 60, "a" * 59 + "b")
    with _guard():
        problems = validate_paths([plan], PARTNERS).problems
    messages = [(p.line, p.message) for p in problems]
    assert messages == [
        (8, f"action id {'a' * 28!r} does not match the plan's ids pattern '(a+)+b'"),
        (9, f"action id {'a' * 60!r} does not match the plan's ids pattern '(a+)+b'"),
    ]


@pytest.mark.parametrize("pattern", [r"(a)\1", "a(?=b)", "(?<!x)a", "a{2000}", "(a{999}){999}", "["])
def test_a_pattern_re2_cannot_run_is_a_located_error_and_nothing_else_is_printed(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], pattern: str
) -> None:
    plan = _plan(tmp_path, pattern, "a")
    problems = validate_paths([plan], PARTNERS).problems
    assert [(p.line, p.column, p.is_error) for p in problems] == [(2, 6, True)], problems
    assert "ids " in problems[0].message and "RE2" in problems[0].message
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


FORBIDDEN = st.sampled_from(
    [
        *SHELL_SYNTAX,
        " ",
        "\t",
        "\n",
        "\u00a0",
        "\u3000",
        "\u200b",
        "\u200d",
        "\u202e",
        "\u2066",
        "\ufeff",
        "\x07",
        "\x9b",
        "\ue000",
    ]
)
SAFE = st.text(alphabet=st.sampled_from("AZaz09.-_/éа"), min_size=0, max_size=12)


@given(SAFE, FORBIDDEN, SAFE)
def test_any_forbidden_character_is_found_where_it_stands(before: str, char: str, after: str) -> None:
    assert bad_character(before + char + after) == (len(before), char)
    assert bad_character(before + after) is None


def test_the_red_team_id_is_an_error_with_its_position(runner: CliRunner, tmp_path: Path) -> None:
    plan = _plan(tmp_path, "free", "A.1.1$(touch${IFS}pwned)")
    result = runner.invoke(app, ["validate", "--partners", str(PARTNERS), str(plan)])
    assert result.exit_code == 1
    assert (
        "plan.yaml:8:14: error: action id 'A.1.1$(touch${IFS}pwned)' holds U+0024 DOLLAR SIGN at character 6"
        in (result.stdout)
    )


def test_scripts_and_look_alikes() -> None:
    assert scripts("I.1a.1") == ["LATIN"] and scripts("1.2") == []
    assert scripts("I.1а.1") == ["LATIN", "CYRILLIC"]
    assert look_alikes(["I.1a.1", "I.1а.1", "I.2"]) == {"I.1а.1": "I.1a.1"}
    assert look_alikes(["I.1", "l.1", "O.1", "0.1"]) == {}  # all ASCII: not compared


def test_diff_says_a_renumbering_to_a_look_alike_id_is_one(runner: CliRunner, tmp_path: Path) -> None:
    old = _plan(tmp_path, "free", "A.1a")
    new = tmp_path / "new.yaml"
    new.write_text(old.read_text(encoding="utf-8").replace("A.1a", "A.1\u0430"), encoding="utf-8")
    args = ["--partners", str(PARTNERS), "diff", str(old), str(new)]
    records = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert [(r["change"], r["field"], r.get("look_alike")) for r in records] == [("moved", "id", True)]
    table = runner.invoke(app, [*args], env={"COLUMNS": "200"}).stdout
    assert "renumbered from A.1a (a look-alike id: it looks the same, with other characters)" in table
    plain = tmp_path / "plain.yaml"
    plain.write_text(old.read_text(encoding="utf-8").replace("A.1a", "A.1b"), encoding="utf-8")
    records = json.loads(runner.invoke(app, [*args[:3], str(old), str(plain), "-f", "json"]).stdout)
    assert [(r["field"], r.get("look_alike")) for r in records] == [("id", None)]

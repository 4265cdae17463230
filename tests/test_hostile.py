"""Hostile and broken files: a clean, located error and exit 1, never a traceback or a hang.

Every case goes through both `ilotc validate FILE` and `ilotc --plan FILE list`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import DATA
from ilotc.cli import main as cli_main
from ilotc.cli.main import app

VALID = (DATA / "plan.yaml").read_bytes()


def _bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        lines.append(f"{chr(97 + n)}: &{chr(97 + n)} [{', '.join(['*' + chr(96 + n)] * 9)}]")
    return ("\n".join(lines) + "\n").encode()


def _amplified() -> bytes:
    # one 100 KB string anchored once and aliased 20,000 times: a 240 KB file whose data
    # would be 2 GB; the 9th alias takes the data past 4 times the file's size
    return b"big: &big " + b"x" * 100_000 + b"\nrefs:\n" + b"- *big\n" * 20_000


def _a_few_aliases() -> bytes:
    text = VALID.replace(b"                partners: []\n", b"                partners: &none []\n", 1)
    return text.replace(b"                partners: []\n", b"                partners: *none\n", 3)


# name -> (file bytes, line, column, a phrase of the message)
CASES: dict[str, tuple[bytes, int, int, str]] = {
    "duplicate key": (b"document: {}\ndocument: {}\n", 2, 1, "duplicate key 'document'"),
    "unknown key": (
        VALID.replace(b"  symbol:", b"  symbole:", 1),
        5,
        3,
        "unknown key 'symbole'; did you mean 'symbol'?",
    ),
    "python tag": (b"parts: !!python/object/apply:os.system ['true']\n", 1, 8, "is not allowed"),
    "alias bomb": (_bomb(), 3, 24, "aliases expand the data to more than 4 times the size of the file"),
    "alias amplification": (_amplified(), 11, 3, "aliases expand the data to more than 4 times"),
    "a few aliases": (_a_few_aliases(), -1, -1, ""),  # valid
    "deep nesting": (b"parts: " + b"[" * 5000 + b"]" * 5000 + b"\n", 1, 107, "nesting is deeper than"),
    "huge scalar": (
        VALID.replace(b"place: Gen", b"place: " + b"x" * 4_000_000 + b" Gen", 1),
        -1,
        -1,
        "",  # valid: a long string is still a string
    ),
    "binary": (b"\x00\x01\x02\xff\xfe", 1, 4, "byte 0xFF is not valid UTF-8"),
    "latin-1": ("document:\n  place: Genève\n".encode("latin-1"), 2, 13, "byte 0xE8 is not valid UTF-8"),
    "empty": (b"", 1, 1, "found an empty file"),
    "top-level list": (b"- a\n- b\n", 1, 1, "found a list"),
    "top-level scalar": (b"just text\n", 1, 1, "found a string"),
    # the parser's own words for this one are its own: only the located error is asserted
    "cut off": (VALID[: VALID.index(b"II.1.1") + 40], -1, -1, ": error: "),
    "tabs": (b"document:\n\tsymbol: x\n", 2, 1, "a tab character cannot indent YAML; indent with spaces"),
    "wrong types": (b"document: 3\nparts: x\n", 1, 11, "expected a mapping, got 3"),
    "control character": (b"document:\n  symbol: a\x07b\n", 2, 12, "is not allowed in a YAML file"),
    "huge number": (
        b"document:\n  session: " + b"9" * 5000 + b"\n",
        2,
        12,
        "a number of 5000 characters is too long",
    ),
    "two documents": (b"parts: []\n---\nparts: []\n", 2, 1, "found a second one"),
}


def _run(runner: CliRunner, args: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("how", ["validate", "list"])
def test_hostile_file_gives_a_located_error(runner: CliRunner, tmp_path: Path, name: str, how: str) -> None:
    content, line, column, phrase = CASES[name]
    path = tmp_path / "plan.yaml"
    path.write_bytes(content)
    args = ["validate", str(path)] if how == "validate" else ["--plan", str(path), "list", "-f", "json"]
    code, output = _run(runner, args)
    if not phrase:
        assert code == 0, output
        return
    assert code == 1, output
    assert "Traceback" not in output
    assert phrase in output
    if line > 0:
        assert f"{path}:{line}:{column}: error: " in output
    else:
        assert re.search(rf"{re.escape(str(path))}:\d+:\d+: error: ", output)


@pytest.mark.parametrize("how", ["validate", "list"])
def test_a_path_that_cannot_be_opened_exits_2(runner: CliRunner, tmp_path: Path, how: str) -> None:
    for path, phrase in ((tmp_path / "missing.yaml", "no such file"), (tmp_path, "a folder with no")):
        args = ["validate", str(path)] if how == "validate" else ["--plan", str(path), "list"]
        code, output = _run(runner, args)
        assert code == 2 and phrase in output


@pytest.mark.parametrize("how", ["validate", "list"])
def test_an_unreadable_file_exits_2(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(VALID)
    real_open = os.open

    def refuse(file: object, *args: Any, **kwargs: Any) -> int:
        # root reads every file whatever its mode, so the refusal is simulated
        if isinstance(file, (str, Path)) and Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    args = ["validate", str(path)] if how == "validate" else ["--plan", str(path), "list"]
    code, output = _run(runner, args)
    assert code == 2 and f"{path}: permission denied" in output


def test_bom_and_windows_line_endings_are_valid(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.replace(b"\n", b"\r\n"))
    assert _run(runner, ["validate", str(path)])[0] == 0


def test_the_last_resort_guard_reports_a_bug_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_main, "app", broken)
    with pytest.raises(SystemExit) as caught:
        cli_main.run()
    assert caught.value.code == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "ilotc: internal error: RuntimeError: boom",
        "This is a bug in ilotc; please report it with the command you ran.",
    ]

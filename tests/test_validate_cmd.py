"""`ilotc validate`: every problem of a file at once, standard input, and --strict."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from typer.testing import CliRunner

from conftest import DATA, EXAMPLES
from ilotc.cli.main import app

PLAN = (DATA / "plan.yaml").read_text(encoding="utf-8")
FIVE_WAYS = EXAMPLES / "invalid" / "plan_five_ways.yaml"
EXAMPLE_PARTNERS = EXAMPLES / "valid" / "partners.yaml"


def run(runner: CliRunner, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def _bundled_plan_broken_five_ways() -> str:
    text = PLAN
    text = _replace_once(  # a duplicate key
        text,
        '                timeline: "Achevée en avril 2000"\n',
        '                timeline: "Achevée en avril 2000"\n                timeline: "Mai 2000"\n',
    )
    text = _replace_once(text, "                partners: []\n", "                partners: [inconnu]\n")
    text = _replace_once(
        text, "                history: []\n", '                history: [{date: "2000-13", status: done}]\n'
    )
    text = _replace_once(
        text, "                initial_status: planned\n", "                initial_status: finished\n"
    )
    return _replace_once(text, '"Tous les ans ou au moins tous les deux ans"', '"Quand la lune sera bleue"')


def test_the_bundled_plan_broken_five_ways_shows_all_five(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(_bundled_plan_broken_five_ways(), encoding="utf-8")
    code, out, err = run(runner, "validate", str(path), "--format", "json")
    assert code == 1
    found = [(p["line"], p["severity"], p["message"]) for p in json.loads(out)]
    assert [(line, severity) for line, severity, _ in found] == [
        (71, "error"),  # the second timeline key
        (72, "error"),  # the status
        (73, "error"),  # the partner
        (74, "error"),  # the history's date
        (78, "warning"),  # the timeline that cannot be read
    ]
    assert [re.sub(r" .*", "", message) for *_, message in found] == [
        "duplicate",
        "expected",
        "unknown",
        "expected",
        "the",
    ]
    assert "Traceback" not in out + err
    assert "1 file checked: 4 errors, 1 warning" in err


def test_the_five_way_example_shows_all_five_as_text(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--partners", str(EXAMPLE_PARTNERS), "validate", str(FIVE_WAYS))
    assert code == 1
    expected = FIVE_WAYS.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert out.splitlines() == [f"{FIVE_WAYS}:{line}" for line in expected]


def test_a_dash_reads_standard_input(runner: CliRunner) -> None:
    code, out, err = run(runner, "validate", "-", stdin=PLAN.encode())
    assert (code, out) == (0, "")
    assert "1 file checked: 0 errors, 0 warnings" in err
    broken = FIVE_WAYS.read_bytes()
    code, out, _ = run(runner, "--partners", str(EXAMPLE_PARTNERS), "validate", "-", stdin=broken)
    assert code == 1
    assert out.splitlines()[0] == (
        "<stdin>:25:17: error: duplicate key 'text' (first defined on line 23); each key may appear once"
    )
    assert len(out.splitlines()) == 5


def test_standard_input_is_checked_beside_files(runner: CliRunner) -> None:
    code, out, err = run(
        runner, "validate", str(DATA / "partners.yaml"), "-", stdin=b"document: {}\ndocument: {}\n"
    )
    assert code == 1
    assert out.startswith("<stdin>:")
    assert "2 files checked" in err


def test_bytes_that_are_not_utf8_on_standard_input_are_located(runner: CliRunner) -> None:
    code, out, _ = run(runner, "validate", "-", stdin="document:\n  place: Genève\n".encode("latin-1"))
    assert code == 1
    assert out.startswith("<stdin>:2:13: error: byte 0xE8 is not valid UTF-8")


def test_strict_makes_warnings_errors(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        _replace_once(PLAN, '"Tous les ans ou au moins tous les deux ans"', '"Quand la lune sera bleue"'),
        encoding="utf-8",
    )
    code, out, err = run(runner, "validate", str(path))
    assert code == 0
    assert ": warning: the timeline 'Quand la lune sera bleue' cannot be read" in out
    code, out, err = run(runner, "validate", "--strict", str(path))
    assert code == 1
    assert ": error: the timeline 'Quand la lune sera bleue' cannot be read" in out
    # a copy of the bundled plan is another plan: without a uid of its own, warned (issue 24)
    assert f"{path}:5:3: error: the plan has no 'uid'" in out  # at the document's first key
    assert "1 file checked: 2 errors, 0 warnings" in err
    code, out, _ = run(runner, "validate", "--strict", "--format", "github", str(path))
    assert code == 1
    assert out.startswith("::error file=")


def test_strict_warns_a_plan_without_a_uid_but_not_the_bundled_one(runner: CliRunner, tmp_path: Path) -> None:
    code, out, _err = run(runner, "validate", "--strict")
    assert code == 0 and "'uid'" not in out
    (tmp_path / "new").mkdir()
    assert runner.invoke(app, ["init", str(tmp_path / "new")]).exit_code == 0
    code, out, _err = run(runner, "validate", "--strict", str(tmp_path / "new" / "plan.yaml"))
    assert code == 0, out  # init writes a uid
    old = tmp_path / "old.yaml"
    old.write_text("format: 2\ndocument:\n  title: Old plan\nparts: []\n", encoding="utf-8")
    code, out, _err = run(runner, "validate", str(old))
    assert "'uid'" not in out  # only --strict asks for it
    code, out, _err = run(runner, "validate", "--strict", str(old))
    assert code == 1 and out.startswith(f"{old}:3:3: error: the plan has no 'uid'")


def test_strict_passes_a_file_without_warnings(runner: CliRunner) -> None:
    assert run(runner, "validate", "--strict")[0] == 0


def test_a_pipe_is_refused_not_waited_on(runner: CliRunner, tmp_path: Path) -> None:
    pipe = tmp_path / "plan.yaml"
    os.mkfifo(pipe)  # nobody ever writes to it: opening it to read would wait forever
    result = runner.invoke(app, ["validate", str(pipe)])
    assert result.exit_code == 2
    assert "is not a regular file" in result.stderr and "'-'" in result.stderr
    result = runner.invoke(app, ["--plan", str(pipe), "list"])
    assert result.exit_code == 2 and "is not a regular file" in result.stderr


def test_github_format_annotates_a_file_that_cannot_be_opened(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    code, out, _err = run(runner, "validate", "--format", "github", str(missing), str(DATA / "plan.yaml"))
    assert code == 2
    assert out == f"::error file={missing},line=1,col=1::{missing}: no such file\n"
    code, out, _err = run(runner, "validate", "--format", "github", str(tmp_path))  # a folder with no YAML
    assert code == 2


def test_skip_other_yaml_passes_over_what_is_not_a_plan_or_registry(
    runner: CliRunner, tmp_path: Path
) -> None:
    workflow = tmp_path / "validate-plan.yml"
    workflow.write_text("name: validate\non: push\njobs: {}\n", encoding="utf-8")
    code, out, err = run(runner, "validate", str(workflow))
    assert code == 1 and "not a plan or partner file" in out  # named on purpose: an error
    code, out, err = run(runner, "validate", "--skip-other-yaml", str(workflow), str(DATA / "plan.yaml"))
    assert (code, out) == (0, "")
    assert "1 file checked: 0 errors, 0 warnings" in err
    # a plan is recognised by its content, broken or not: never passed over
    broken = tmp_path / "notes.yaml"
    broken.write_text("document:\n  title: x\nparts: 3\n", encoding="utf-8")
    code, out, err = run(runner, "validate", "--skip-other-yaml", str(broken))
    assert code == 1 and out.startswith(f"{broken}:3:8: error:")

"""`ilotc update`: appends a dated change, touches nothing else, never leaves a broken file."""

from __future__ import annotations

import difflib
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES
from ilotc.cli.main import app


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A copy of the bundled plan (comments, escapes and all) that the test may change."""
    copy = tmp_path / "plan.yaml"
    shutil.copyfile(DATA / "plan.yaml", copy)
    copy.chmod(0o640)
    return copy


def invoke(runner: CliRunner, plan: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--plan", str(plan), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def overdue_ids(runner: CliRunner, plan: Path, as_of: str) -> set[str]:
    _, out, _ = invoke(runner, plan, "overdue", "--as-of", as_of, "--format", "json")
    return {record["id"] for record in json.loads(out)}


def test_done_in_june_is_late_in_may_and_not_in_june(runner: CliRunner, plan_copy: Path) -> None:
    assert "I.1a.1" in overdue_ids(runner, plan_copy, "2000-06")
    code, _, err = invoke(runner, plan_copy, "update", "I.1a.1", "--status", "done", "--date", "2000-06")
    assert code == 0, err
    assert "I.1a.1" in overdue_ids(runner, plan_copy, "2000-05")
    assert "I.1a.1" not in overdue_ids(runner, plan_copy, "2000-06")


def test_only_the_changed_lines_differ(runner: CliRunner, plan_copy: Path) -> None:
    before = plan_copy.read_text(encoding="utf-8").splitlines(keepends=True)
    code, _, _ = invoke(
        runner,
        plan_copy,
        "update",
        "II.4.6",
        "--status",
        "in_progress",
        "--date",
        "2000-03-15",
        "--note",
        "Premier examen « lancé »",
    )
    assert code == 0
    after = plan_copy.read_text(encoding="utf-8").splitlines(keepends=True)
    removed = [line for line in difflib.ndiff(before, after) if line.startswith("- ")]
    added = [line for line in difflib.ndiff(before, after) if line.startswith("+ ")]
    pad = " " * 16  # the action's keys in Part II 4's groups
    assert removed == [f"- {pad}history: []\n"]
    assert added == [
        f"+ {pad}history:\n",
        f'+ {pad}  - date: "2000-03-15"\n',
        f"+ {pad}    status: in_progress\n",
        f'+ {pad}    note: "Premier examen « lancé »"\n',
    ]
    assert len(after) == len(before) + 3
    assert stat.S_IMODE(plan_copy.stat().st_mode) == 0o640


def test_a_second_change_goes_after_the_first(runner: CliRunner, plan_copy: Path) -> None:
    invoke(runner, plan_copy, "update", "I.1a.1", "--status", "in_progress", "--date", "2000-02")
    invoke(runner, plan_copy, "update", "I.1a.1", "--status", "done", "--date", "2000-04-20")
    _, out, _ = invoke(runner, plan_copy, "show", "I.1a.1", "--format", "json")
    assert json.loads(out)[0]["history"] == [
        {"date": "2000-02", "status": "in_progress", "note": None},
        {"date": "2000-04-20", "status": "done", "note": None},
    ]


def test_dry_run_prints_a_diff_and_writes_nothing(runner: CliRunner, plan_copy: Path) -> None:
    before = plan_copy.read_bytes()
    code, out, _ = invoke(
        runner, plan_copy, "update", "I.1a.1", "--status", "done", "--date", "2000-06", "--dry-run"
    )
    assert code == 0
    assert plan_copy.read_bytes() == before
    assert '+                  - date: "2000-06"' in out
    assert out.startswith(f"--- {plan_copy}")


def test_windows_line_endings_are_kept(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes((EXAMPLES / "valid" / "plan_bom_crlf.yaml").read_bytes())
    code, _, err = invoke(
        runner,
        plan,
        "--partners",
        str(EXAMPLES / "valid" / "partners.yaml"),
        "update",
        "III.1a.2",
        "--status",
        "done",
        "--date",
        "2000-07",
    )
    assert code == 0, err
    text = plan.read_bytes()
    assert b'  - date: "2000-07"\r\n' in text
    assert text.count(b"\n") == text.count(b"\r\n")


def _endings(text: bytes, kind: str) -> bytes:
    """The example plan with CR-only line ends, or with CRLF in its first half and LF after."""
    lines = text.splitlines(keepends=True)
    if kind == "cr":
        return b"".join(line.replace(b"\n", b"\r") for line in lines)
    half = len(lines) // 2
    return b"".join(line.replace(b"\n", b"\r\n") for line in lines[:half]) + b"".join(lines[half:])


@pytest.mark.parametrize(("kind", "action"), [("cr", "I.1a.1"), ("mixed", "I.1a.1"), ("mixed", "III.1a.2")])
def test_any_line_endings_are_matched_and_undo_restores_every_byte(
    runner: CliRunner, tmp_path: Path, kind: str, action: str
) -> None:
    plan = tmp_path / "plan.yaml"
    original = _endings((EXAMPLES / "valid" / "plan.yaml").read_bytes(), kind)
    plan.write_bytes(original)
    partners = ("--partners", str(EXAMPLES / "valid" / "partners.yaml"))
    assert invoke(runner, plan, *partners, "validate")[0] == 0
    code, _, err = invoke(runner, plan, *partners, "update", action, "--status", "done", "--date", "2001-07")
    assert code == 0, err
    updated = plan.read_bytes()
    added = [line for line in updated.splitlines(keepends=True) if b"2001-07" in line]
    assert len(added) == 1
    where = updated.index(added[0])
    before_line = updated[:where].splitlines(keepends=True)[-1]
    ending = before_line[len(before_line.rstrip(b"\r\n")) :]
    assert added[0].endswith(ending) and not added[0].endswith(b"\r\r\n")  # as its neighbour
    code, _, err = invoke(runner, plan, *partners, "update", action, "--undo")
    assert code == 0, err
    assert plan.read_bytes() == original


def test_undoing_the_only_change_removes_the_history_it_added(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    original = (EXAMPLES / "valid" / "plan.yaml").read_bytes()
    plan.write_bytes(original)
    partners = ("--partners", str(EXAMPLES / "valid" / "partners.yaml"))
    assert invoke(runner, plan, *partners, "update", "II.1.2", "--status", "in_progress")[0] == 0
    code, out, err = invoke(runner, plan, *partners, "update", "II.1.2", "--undo")
    assert code == 0, err
    assert "-            history:" in out
    assert plan.read_bytes() == original  # no `history: []` left behind


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["I.1a.1", "--status", "finished"], "'finished' is not one of"),
        (["I.1a.1", "--status", "done", "--date", "2000-13"], "expected YYYY-MM or YYYY-MM-DD"),
        (["I.9z.1", "--status", "done"], "no action 'I.9z.1' in the plan"),
    ],
)
def test_bad_input_exits_2_and_leaves_the_file(
    runner: CliRunner, plan_copy: Path, args: list[str], message: str
) -> None:
    before = plan_copy.read_bytes()
    code, _, err = invoke(runner, plan_copy, "update", *args)
    assert code == 2
    assert message in " ".join(err.split())
    assert plan_copy.read_bytes() == before


def history(runner: CliRunner, plan: Path, action_id: str) -> list[tuple[str, str]]:
    _, out, _ = invoke(runner, plan, "show", action_id, "--format", "json")
    return [(change["date"], change["status"]) for change in json.loads(out)[0]["history"]]


def test_a_forgotten_change_goes_in_date_order(runner: CliRunner, plan_copy: Path) -> None:
    invoke(runner, plan_copy, "update", "I.1a.1", "--status", "in_progress", "--date", "2000-02")
    invoke(runner, plan_copy, "update", "I.1a.1", "--status", "done", "--date", "2000-06")
    code, _, err = invoke(runner, plan_copy, "update", "I.1a.1", "--status", "cancelled", "--date", "2000-04")
    assert code == 0, err
    assert history(runner, plan_copy, "I.1a.1") == [
        ("2000-02", "in_progress"),
        ("2000-04", "cancelled"),
        ("2000-06", "done"),
    ]
    assert invoke(runner, plan_copy, "validate")[0] == 0


def test_a_forgotten_change_in_a_flow_list(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = (EXAMPLES / "valid" / "plan.yaml").read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    args = ["--partners", str(EXAMPLES / "valid" / "partners.yaml")]
    assert '{date: "2000-03", status: done' in text  # I.1a.2's history is a flow list
    code, _, err = invoke(
        runner, plan, *args, "update", "I.1a.2", "--status", "in_progress", "--date", "2000-01"
    )
    assert code == 0, err
    _, out, _ = invoke(runner, plan, *args, "show", "I.1a.2", "--format", "json")
    assert [c["status"] for c in json.loads(out)[0]["history"]] == ["in_progress", "done"]


def test_a_history_that_cannot_happen_is_refused_with_the_reason(runner: CliRunner, plan_copy: Path) -> None:
    invoke(runner, plan_copy, "update", "I.1a.1", "--status", "done", "--date", "2000-06")
    before = plan_copy.read_bytes()
    code, _, err = invoke(runner, plan_copy, "update", "I.1a.1", "--status", "planned", "--date", "2000-07")
    assert code == 2
    assert "on 2000-07 it would be planned again after being done" in err
    # inserted before the change that follows it, the history must still be one that can happen
    invoke(runner, plan_copy, "update", "I.1a.1", "--status", "in_progress", "--date", "2000-02")
    before = plan_copy.read_bytes()
    code, _, err = invoke(runner, plan_copy, "update", "I.1a.1", "--status", "cancelled", "--date", "2000-01")
    assert code == 0, err  # cancelled, then in progress again (reopened), then done
    code, _, err = invoke(runner, plan_copy, "update", "I.1a.1", "--status", "planned", "--date", "2000-03")
    assert code == 2 and "after being in_progress" in err
    assert invoke(runner, plan_copy, "validate")[0] == 0
    # an action already under way (En cours) is never planned
    code, _, err = invoke(runner, plan_copy, "update", "I.2a.1", "--status", "planned", "--date", "2000-03")
    assert code == 2 and "after being in_progress" in err
    assert before != plan_copy.read_bytes()


def test_undo_takes_back_the_last_change_and_shows_it(runner: CliRunner, plan_copy: Path) -> None:
    original = plan_copy.read_bytes()
    invoke(runner, plan_copy, "update", "I.1a.1", "--status", "in_progress", "--date", "2000-02")
    after_one = plan_copy.read_bytes()
    invoke(runner, plan_copy, "update", "I.1a.1", "--status", "done", "--date", "2000-06", "--note", "fini")
    code, out, _ = invoke(runner, plan_copy, "update", "I.1a.1", "--undo", "--dry-run")
    assert code == 0 and '-                  - date: "2000-06"' in out
    code, out, err = invoke(runner, plan_copy, "update", "I.1a.1", "--undo")
    assert code == 0, err
    assert "took back done from 2000-06" in err and '-                    note: "fini"' in out
    assert plan_copy.read_bytes() == after_one
    assert invoke(runner, plan_copy, "update", "I.1a.1", "--undo")[0] == 0
    assert plan_copy.read_bytes() == original  # the history key goes with its only entry
    code, _, err = invoke(runner, plan_copy, "update", "I.1a.1", "--undo")
    assert code == 2 and "no recorded change" in err


def test_status_or_undo_but_not_both(runner: CliRunner, plan_copy: Path) -> None:
    assert invoke(runner, plan_copy, "update", "I.1a.1")[0] == 2
    assert invoke(runner, plan_copy, "update", "I.1a.1", "--undo", "--status", "done")[0] == 2
    assert invoke(runner, plan_copy, "update", "I.1a.1", "--undo", "--date", "2000-01")[0] == 2


def test_a_crash_while_writing_leaves_the_original_intact(
    runner: CliRunner, plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = plan_copy.read_bytes()

    def crash(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    code, _, err = invoke(runner, plan_copy, "update", "I.1a.1", "--status", "done", "--date", "2000-06")
    assert code == 1
    assert "cannot be written" in err and "unchanged" in err
    assert plan_copy.read_bytes() == before
    assert sorted(p.name for p in plan_copy.parent.iterdir()) == ["plan.yaml"]  # no temporary left


def test_an_invalid_plan_is_not_updated(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLES / "invalid" / "plan_references.yaml", plan)
    before = plan.read_bytes()
    code, _, err = invoke(
        runner,
        plan,
        "--partners",
        str(EXAMPLES / "valid" / "partners.yaml"),
        "update",
        "I.1.4",
        "--status",
        "done",
    )
    assert code == 1
    assert "unknown partner 'pnudd'" in err
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    "note", ["a\x85b", "line\u2028sep", "para\u2029sep", "del\x7fc1\x9b", "tab\tnl\nend"]
)
def test_a_note_reads_back_exactly_as_given(runner: CliRunner, plan_copy: Path, note: str) -> None:
    code, _, err = invoke(
        runner, plan_copy, "update", "I.1a.2", "--status", "done", "--date", "2000-04", "--note", note
    )
    assert code == 0, err
    _, out, _ = invoke(runner, plan_copy, "list", "--format", "json")
    action = next(record for record in json.loads(out) if record["id"] == "I.1a.2")
    assert action["history"][-1]["note"] == note

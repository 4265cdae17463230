"""`ilotc update` never loses a change: a lock serialises writers, the file read is the file
written, mode, owner and byte order mark are kept, and nothing is left behind."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from ilotc.store.file_lock import LockBusy, lock_path, locked
from ilotc.store.files import BOM, FileChanged, Identity, remove_stale_temporaries, replace_read_file

PARTNERS = EXAMPLES / "valid" / "partners.yaml"
ACTIONS = ["I.1a.1", "I.1a.3", "II.1.2", "II.2.2", "III.1a.1", "III.1a.2"]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of the small example plan."""
    copy = tmp_path / "plan.yaml"
    copy.write_bytes((EXAMPLES / "valid" / "plan.yaml").read_bytes())
    return copy


def _update(
    runner: CliRunner, plan: Path, action: str = "III.1a.2", date: str = "2001-01"
) -> tuple[int, str]:
    result = runner.invoke(
        app,
        [
            "--plan",
            str(plan),
            "--partners",
            str(PARTNERS),
            "update",
            action,
            "--status",
            "done",
            "--date",
            date,
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "plan.yaml")


def _history(plan: Path, action: str) -> list[dict[str, object]]:
    def walk(node: object) -> list[dict[str, object]] | None:
        if isinstance(node, dict):
            if node.get("id") == action and "text" in node:
                return list(node.get("history") or [])
            children = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            return None
        for child in children:
            found = walk(child)
            if found is not None:
                return found
        return None

    found = walk(yaml.safe_load(plan.read_text(encoding="utf-8-sig")))
    assert found is not None
    return found


# ---------------------------------------------------------------- the lock


def test_a_lock_of_a_live_process_makes_the_next_writer_wait_then_give_up(plan: Path) -> None:
    lock_path(plan).write_text(f"{os.getppid()}\n")
    with pytest.raises(LockBusy) as caught, locked(plan, wait=0.2):
        pass
    assert str(os.getppid()) in str(caught.value) and "try again" in str(caught.value)


def test_a_stale_lock_is_removed_and_taken(plan: Path) -> None:
    lock_path(plan).write_text(f"{_dead_pid()}\n")
    with locked(plan, wait=0.2) as lock:
        assert lock.read_text() == f"{os.getpid()}\n"
    assert not lock.exists()


def test_update_exits_1_when_the_file_stays_locked(
    runner: CliRunner, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ilotc.store.file_lock.WAIT_SECONDS", 0.2)
    monkeypatch.setattr(
        "ilotc.store.file_lock.locked.__defaults__", (0.2,)
    )  # the command uses the default wait
    lock_path(plan).write_text(f"{os.getppid()}\n")
    before = plan.read_bytes()
    code, err = _update(runner, plan)
    assert code == 1
    assert "plan.yaml.lock is held by process" in err
    assert plan.read_bytes() == before


def test_stale_temporaries_and_locks_are_cleaned_by_the_next_update(runner: CliRunner, plan: Path) -> None:
    dead = _dead_pid()
    (plan.parent / f".plan.yaml.{dead}.abcdefgh.tmp").write_text("half")
    (plan.parent / f".plan.yaml.{os.getpid()}.live0000.tmp").write_text("being written")
    lock_path(plan).write_text(f"{dead}\n")
    code, err = _update(runner, plan)
    assert code == 0, err
    assert _leftovers(plan.parent) == [f".plan.yaml.{os.getpid()}.live0000.tmp"]
    assert remove_stale_temporaries(plan) == 0


def test_a_dangling_link_as_lock_is_stale_and_cleaned(runner: CliRunner, plan: Path) -> None:
    lock_path(plan).symlink_to(plan.parent / "nowhere")
    code, err = _update(runner, plan)
    assert code == 0, err
    assert _history(plan, "III.1a.2")[-1]["status"] == "done"
    assert _leftovers(plan.parent) == []


def test_a_folder_where_the_lock_goes_is_refused_with_what_to_do(runner: CliRunner, plan: Path) -> None:
    lock_path(plan).mkdir()
    before = plan.read_bytes()
    code, err = _update(runner, plan)
    assert code == 1
    assert "plan.yaml.lock is a folder" in err and "move or remove that folder" in err
    assert "cannot be written" not in err
    assert plan.read_bytes() == before


# ---------------------------------------------------------------- the file written


def test_a_path_replaced_since_it_was_read_is_not_written(tmp_path: Path, plan: Path) -> None:
    read = Identity.of(plan)
    secret = tmp_path / "secret"
    secret.write_text("keep")
    plan.unlink()
    plan.symlink_to(secret)
    with pytest.raises(FileChanged):
        replace_read_file(plan, b"new", read)
    assert secret.read_text() == "keep"
    assert _leftovers(tmp_path) == ["secret"]


def test_a_read_only_file_is_refused(runner: CliRunner, plan: Path) -> None:
    plan.chmod(0o444)
    before = plan.read_bytes()
    code, err = _update(runner, plan)
    assert code == 1
    assert "read-only" in err
    assert plan.read_bytes() == before and stat.S_IMODE(plan.stat().st_mode) == 0o444
    assert _leftovers(plan.parent) == []


def test_mode_and_byte_order_mark_are_kept(runner: CliRunner, plan: Path) -> None:
    plan.write_bytes(BOM + plan.read_bytes())
    plan.chmod(0o604)
    code, err = _update(runner, plan)
    assert code == 0, err
    assert plan.read_bytes().startswith(BOM) and not plan.read_bytes()[3:].startswith(BOM)
    assert stat.S_IMODE(plan.stat().st_mode) == 0o604
    assert _history(plan, "III.1a.2")[-1]["date"] == "2001-01"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_root_keeps_the_owner(runner: CliRunner, plan: Path) -> None:
    os.chown(plan, 65534, 65534)
    code, err = _update(runner, plan)
    assert code == 0, err
    assert (plan.stat().st_uid, plan.stat().st_gid) == (65534, 65534)


def test_a_note_that_is_not_utf8_is_refused_cleanly(runner: CliRunner, plan: Path) -> None:
    note = b"caf\xe9".decode("utf-8", "surrogateescape")  # what Python makes of Latin-1 argv
    result = runner.invoke(
        app,
        [
            "--plan",
            str(plan),
            "--partners",
            str(PARTNERS),
            "update",
            "I.1a.1",
            "--status",
            "done",
            "--note",
            note,
        ],
    )
    assert result.exit_code == 2
    assert "is not UTF-8 text" in result.stderr and "\\udce9" in result.stderr


# ---------------------------------------------------------------- processes at once


def _command(plan: Path, action: str) -> list[str]:
    return [
        sys.executable, "-m", "ilotc", "--no-cache", "--plan", str(plan), "--partners", str(PARTNERS),
        "update", action, "--status", "in_progress", "--date", "2001-02",
    ]  # fmt: skip


def test_parallel_updates_of_one_file_record_every_change(plan: Path) -> None:
    processes = [subprocess.Popen(_command(plan, a), stderr=subprocess.PIPE, text=True) for a in ACTIONS]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in processes]
    for action, (code, err) in zip(ACTIONS, outcomes, strict=True):
        if code == 0:
            assert _history(plan, action)[-1]["date"] == "2001-02", (action, err)
        else:  # could not get the lock in time: says so, and nothing of it was written
            assert code == 1 and "is held by" in err, (action, err)
    assert sum(code == 0 for code, _ in outcomes) >= 1
    assert _leftovers(plan.parent) == []


def test_kill_9_leaves_old_or_new_and_never_blocks_the_next_update(runner: CliRunner, plan: Path) -> None:
    rng = random.Random(12)
    for round_ in range(8):
        action = ACTIONS[round_ % len(ACTIONS)]
        before, history = plan.read_bytes(), _history(plan, action)
        process = subprocess.Popen(_command(plan, action), stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if plan.read_bytes() != before:  # the new file, whole: one entry more, nothing else
            added = {"date": "2001-02", "status": "in_progress"}
            assert _history(plan, action) == [*history, added]
    code, err = _update(runner, plan, "III.1a.2", "2001-03")
    assert code == 0, err
    assert _leftovers(plan.parent) == []

"""The cache of validated data: hits, misses, corrupt and foreign entries, races, bypasses.

Every test runs with its own $XDG_CACHE_HOME (see conftest.py), so the cache folder is
`$XDG_CACHE_HOME/ilotc` and starts empty.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES, ROOT
from ilotc.cli.main import app
from ilotc.store import cache, loading
from ilotc.store.cache import Store, default_folder, default_store, key_of
from ilotc.store.loading import load
from ilotc.store.validate import validation

PLAN = DATA / "plan.yaml"
PARTNERS = DATA / "partners.yaml"


def entries() -> list[Path]:
    folder = default_folder()
    return sorted(folder.glob(f"*{cache.SUFFIX}")) if folder.is_dir() else []


def entry_of(plan: Path, partners: Path) -> Path:
    return default_store_or_fail().path_of(key_of(plan.read_bytes(), partners.read_bytes()))


def default_store_or_fail() -> Store:
    store = default_store()
    assert store is not None
    return store


def no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any validation fail loudly: a load that validates was not a cache hit."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated although the cache holds this data")

    monkeypatch.setattr(validation, "check_plan_source", refuse)
    monkeypatch.setattr(validation, "check_partners_source", refuse)


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_the_cache_folder_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_folder() == tmp_path / "ilotc"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as the spec says
    assert default_folder() == Path.home() / ".cache" / "ilotc"


def test_a_hit_returns_equal_data_without_validating(monkeypatch: pytest.MonkeyPatch) -> None:
    uncached = load(PLAN, PARTNERS)
    assert entries() == []
    first = load(PLAN, PARTNERS, default_store())
    assert len(entries()) == 1
    assert stat_mode(default_folder()) == 0o700
    assert stat_mode(entries()[0]) == 0o600
    no_validation(monkeypatch)
    second = load(PLAN, PARTNERS, default_store())
    assert second == first
    assert second.plan.actions == first.plan.actions
    assert second.registry == first.registry
    assert second == first == uncached


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_a_one_byte_change_misses(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN.read_bytes())
    before = load(plan, PARTNERS, default_store())
    text = plan.read_bytes()
    at = text.index(b"I.1a.1") + text[text.index(b"I.1a.1") :].index(b"text:") + len(b'text: "')
    plan.write_bytes(text[:at] + b"U" + text[at + 1 :])  # "une déclaration" -> "Une déclaration"
    after = load(plan, PARTNERS, default_store())
    assert after.plan.actions[0].text == "U" + before.plan.actions[0].text[1:]
    assert len(entries()) == 2
    partners = tmp_path / "partners.yaml"
    partners.write_bytes(PARTNERS.read_bytes() + b"\n")  # the registry is part of the key too
    load(plan, partners, default_store())
    assert len(entries()) == 3


def test_a_hit_names_the_files_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (EXAMPLES / "valid" / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("timeline: Achevée en avril 2000", "timeline: zzz", 1)
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(text, encoding="utf-8")
    second.write_text(text, encoding="utf-8")
    partners = EXAMPLES / "valid" / "partners.yaml"
    warned = load(first, partners, default_store()).warnings
    assert warned and {problem.path for problem in warned} == {str(first)}
    no_validation(monkeypatch)
    again = load(second, partners, default_store()).warnings
    assert [(p.line, p.column, p.message) for p in again] == [(p.line, p.column, p.message) for p in warned]
    assert {problem.path for problem in again} == {str(second)}


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"\x00garbage, not a pickle\xff" * 10, id="garbage"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: pickle.dumps(("ilotc-cache", cache.FORMAT, "x", [1, 2])), id="wrong key"),
        pytest.param(lambda data: pickle.dumps({"plan": None}), id="wrong type"),
        pytest.param(
            lambda data: pickle.dumps(("ilotc-cache", -1, *pickle.loads(data)[2:])), id="old format"
        ),
        pytest.param(lambda data: b"cilotc.plan\nNoSuchClass\n.", id="names a missing class"),
    ],
)
def test_a_corrupt_entry_is_a_miss_and_is_replaced(content: object) -> None:
    expected = load(PLAN, PARTNERS, default_store())
    entry = entry_of(PLAN, PARTNERS)
    assert callable(content)
    entry.write_bytes(content(entry.read_bytes()))
    entry.chmod(0o600)
    assert default_store_or_fail().get(entry.stem, loading._Entry) is None
    assert load(PLAN, PARTNERS, default_store()) == expected
    assert default_store_or_fail().get(entry.stem, loading._Entry) is not None  # written again


def test_a_directory_or_symlink_in_place_of_an_entry_is_a_miss(tmp_path: Path) -> None:
    expected = load(PLAN, PARTNERS, default_store())
    entry = entry_of(PLAN, PARTNERS)
    elsewhere = tmp_path / "elsewhere.pickle"
    shutil.move(entry, elsewhere)
    entry.symlink_to(elsewhere)  # a symbolic link is not followed
    assert default_store_or_fail().get(entry.stem, loading._Entry) is None
    assert load(PLAN, PARTNERS, default_store()) == expected
    assert not entry.is_symlink()


def test_an_entry_others_may_write_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    load(PLAN, PARTNERS, default_store())
    entry = entry_of(PLAN, PARTNERS)
    store = default_store_or_fail()
    entry.chmod(0o620)  # writable by the group: its content may be anyone's
    assert store.get(entry.stem, loading._Entry) is None
    entry.chmod(0o602)
    assert store.get(entry.stem, loading._Entry) is None
    entry.chmod(0o600)
    assert store.get(entry.stem, loading._Entry) is not None
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(entry).st_uid + 1)  # owned by someone else
    assert store.get(entry.stem, loading._Entry) is None


def test_a_folder_others_may_write_disables_the_cache() -> None:
    load(PLAN, PARTNERS, default_store())
    entry = entry_of(PLAN, PARTNERS)
    folder = default_folder()
    folder.chmod(0o777)
    try:
        store = default_store_or_fail()
        assert store.get(entry.stem, loading._Entry) is None
        entry.unlink()
        load(PLAN, PARTNERS, store)
        assert entries() == []  # nothing written there either
    finally:
        folder.chmod(0o700)


def test_an_unwritable_cache_folder_silently_disables_caching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder's parent should be\n")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    expected = load(PLAN, PARTNERS)
    assert load(PLAN, PARTNERS, default_store()) == expected
    code, out, err = run(runner, "list", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 78 and err == ""
    assert blocker.read_text().startswith("a file")


def test_concurrent_writers_leave_a_loadable_entry() -> None:
    expected = load(PLAN, PARTNERS)
    key = key_of(PLAN.read_bytes(), PARTNERS.read_bytes())
    built = loading._Entry(expected.plan, expected.registry, (), ())
    store = default_store_or_fail()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(10):
                store.put(key, built)
                found = store.get(key, loading._Entry)
                assert found is None or found.plan == expected.plan
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    found = store.get(key, loading._Entry)
    assert found is not None and found.plan == expected.plan
    assert [p.name for p in default_folder().iterdir()] == [f"{key}{cache.SUFFIX}"]  # no temporary left


def test_concurrent_processes_leave_a_loadable_entry() -> None:
    code = (
        "from pathlib import Path; from ilotc.store.loading import load; "
        "from ilotc.store.cache import default_store; "
        f"d = load(Path({str(PLAN)!r}), Path({str(PARTNERS)!r}), default_store()); print(len(d.plan))"
    )
    children = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(3)
    ]
    assert [child.communicate()[0].strip() for child in children] == ["78"] * 3
    assert all(child.returncode == 0 for child in children)
    assert len(entries()) == 1
    assert default_store_or_fail().get(entries()[0].stem, loading._Entry) is not None


def sized_entries(store: Store, count: int) -> list[str]:
    """`count` entries of about 1 KiB each, modified a second apart (the first the oldest)."""
    keys = [f"{n:064x}" for n in range(count)]
    for n, key in enumerate(keys):
        store.put(key, b"x" * 1000)
        os.utime(store.path_of(key), (1_000_000 + n, 1_000_000 + n))
    return keys


def test_entries_past_the_total_size_are_pruned_oldest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    store = default_store_or_fail()
    keys = sized_entries(store, 4)
    size = store.path_of(keys[0]).stat().st_size
    monkeypatch.setattr(cache, "MAX_BYTES", 2 * size + size // 2)  # room for two entries
    store.put(keys[3], b"x" * 1000)  # written again: now the newest
    assert [path.stem for path in entries()] == [keys[2], keys[3]]


def test_a_hit_counts_as_a_use_so_it_is_pruned_last(monkeypatch: pytest.MonkeyPatch) -> None:
    store = default_store_or_fail()
    keys = sized_entries(store, 3)
    size = store.path_of(keys[0]).stat().st_size
    assert store.get(keys[0], bytes) == b"x" * 1000  # the oldest, read now
    monkeypatch.setattr(cache, "MAX_BYTES", 2 * size + size // 2)
    store.put(keys[2], b"x" * 1000)
    assert sorted(path.stem for path in entries()) == sorted([keys[0], keys[2]])


def test_the_newest_entry_stays_however_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_BYTES", 10)
    store = default_store_or_fail()
    keys = sized_entries(store, 2)
    store.put(keys[1], b"x" * 1000)
    assert [path.stem for path in entries()] == [keys[1]]


def test_a_batch_prunes_once_at_its_end(monkeypatch: pytest.MonkeyPatch) -> None:
    store = default_store_or_fail()
    monkeypatch.setattr(cache, "MAX_BYTES", 1)
    with store.batch():
        keys = sized_entries(store, 3)
        assert len(entries()) == 3  # not yet
    assert [path.stem for path in entries()] == [keys[2]]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_no_cache_bypasses_the_cache(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    if how == "environment":
        monkeypatch.setenv("ILOTC_NO_CACHE", "1")
        args = ["list", "--format", "json"]
    else:
        args = ["--no-cache", "list", "--format", "json"]
    code, out, _ = run(runner, *args)
    assert code == 0 and len(json.loads(out)) == 78
    assert not default_folder().exists()
    monkeypatch.delenv("ILOTC_NO_CACHE", raising=False)
    code, cached, _ = run(runner, "list", "--format", "json")  # the control: this one writes
    assert code == 0 and cached == out
    assert len(entries()) == 1


@pytest.mark.parametrize("value", ["", "0", "false", "no"])
def test_no_cache_values_that_keep_the_cache(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("ILOTC_NO_CACHE", value)
    assert default_store() is not None


def test_commands_give_the_same_output_from_the_cache(runner: CliRunner) -> None:
    commands = [
        ["overdue", "--as-of", "2000-06", "--format", "json"],
        ["partners", "pnud", "--format", "json"],
        ["show", "II.1.1", "--format", "json"],
        ["report", "--as-of", "2000-06", "--format", "markdown"],
    ]
    for command in commands:
        fresh = run(runner, "--no-cache", *command)
        cold = run(runner, *command)  # writes the entry (the first command) or reads it
        warm = run(runner, *command)
        assert fresh == cold == warm, command


# What a warm `ilotc list` may not import: the validation machinery.
HEAVY = (
    "yaml",
    "ilotc.store.models",
    "ilotc.store.yaml.reader",
    "ilotc.store.validate.checks",
    "ilotc.timeline",
    "ilotc.store.validate.schema_errors",
)
PROBE = """
import json, sys
from ilotc.cli.main import run
sys.argv = ["ilotc", *sys.argv[1:]]
try:
    run()
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(sys.modules)) + "\\n")
"""
# Typer 0.2x coerces every option through a Pydantic TypeAdapter, so a Typer command line
# imports Pydantic whatever the command does; the check for Pydantic applies where it does not.
TYPER_ALONE = """
import json, sys
import typer
app = typer.Typer()
@app.command()
def main(part: list[str] | None = typer.Option(None, "--part")) -> None:
    pass
try:
    app()
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(sys.modules)) + "\\n")
"""


def modules_after(code: str, *args: str) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILOTC_")}
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_a_warm_list_imports_no_validation_machinery() -> None:
    cold = modules_after(PROBE, "list", "--part", "II")
    assert set(HEAVY) <= cold  # the first run validates, and writes the cache
    warm = modules_after(PROBE, "list", "--part", "II")
    assert "ilotc.store.cache" in warm and "ilotc.output.table" in warm
    assert sorted(set(HEAVY) & warm) == []
    if "pydantic" not in modules_after(TYPER_ALONE, "--part", "II"):
        assert "pydantic" not in warm
    for name in (
        "jinja2",
        "icalendar",
        "ilotc.report.progress",
        "ilotc.output.calendar",
        "ilotc.output.exports",
        "ilotc.edit.editing",
        "ilotc.model.lateness",
    ):
        assert name not in warm


def test_only_a_one_command_process_freezes_the_collector(runner: CliRunner) -> None:
    before = gc.get_freeze_count()
    assert run(runner, "list", "--format", "json")[0] == 0  # in-process, as a library would
    assert gc.get_freeze_count() == before
    code = (
        "import atexit, gc, sys; "
        "atexit.register(lambda: sys.stderr.write(f'frozen {gc.get_freeze_count()}\\n')); "
        "from ilotc.cli.main import run; sys.argv = ['ilotc', 'list', '--format', 'json']; run()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    frozen = int(result.stderr.strip().splitlines()[-1].split()[-1])
    assert frozen > 0


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", nowhere)
    assert default_store() is None


def test_a_home_that_does_not_exist_is_not_made(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nonexistent"
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(missing))
    code, out, err = run(runner, "list", "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)) == 78
    assert not missing.exists()  # no cache rather than a home made up

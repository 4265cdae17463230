"""Fuzzing: whatever bytes arrive, only clean problems come out (bounded so the suite stays fast)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, EXAMPLES
from ilotc.store.problems import Problem
from ilotc.store.validate.validation import ValidationRun, validate_paths

# A small valid plan keeps each example fast; the mutations still reach every layer.
SMALL_PLAN = (EXAMPLES / "valid" / "plan.yaml").read_bytes()
PARTNERS = EXAMPLES / "valid" / "partners.yaml"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(tmp_path: Path, content: bytes) -> ValidationRun:
    path = tmp_path / "fuzzed.yaml"
    path.write_bytes(content)
    run = validate_paths([path], PARTNERS)
    assert run.unreadable == []
    for problem in run.problems:
        _clean(problem, path)
    return run


def _clean(problem: Problem, path: Path) -> None:
    assert problem.path == str(path)
    assert problem.line >= 1 and problem.column >= 1
    assert problem.message and "Traceback" not in problem.message
    assert problem.pointer == "" or problem.pointer.startswith("/")


@FUZZ
@given(content=st.binary(max_size=2_000))
def test_arbitrary_bytes_give_clean_problems(tmp_path: Path, content: bytes) -> None:
    _check(tmp_path, content)


@FUZZ
@given(data=st.data())
def test_mutated_plan_gives_clean_problems(tmp_path: Path, data: st.DataObject) -> None:
    content = bytearray(SMALL_PLAN)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        at = data.draw(st.integers(0, len(content) - 1), label="at")
        action = data.draw(st.sampled_from(["flip", "insert", "delete", "duplicate line"]), label="action")
        if action == "flip":
            content[at] = data.draw(st.integers(0, 255), label="byte")
        elif action == "insert":
            content[at:at] = data.draw(
                st.sampled_from(
                    [b":", b"- ", b"\t", b"&a ", b"*a", b"!!python/name:x ", b"'", b"{", b"\n  ", b"\xe9"]
                ),
                label="inserted",
            )
        elif action == "delete":
            del content[at : at + data.draw(st.integers(1, 20), label="length")]
        else:
            start = content.rfind(b"\n", 0, at) + 1
            end = content.find(b"\n", at) + 1 or len(content)
            content[end:end] = content[start:end]
    _check(tmp_path, bytes(content))


@FUZZ
@given(text=st.text(max_size=300))
def test_arbitrary_text_values_in_a_valid_plan(tmp_path: Path, text: str) -> None:
    # any string as a timeline or text is data, never a crash; quoting keeps it a string
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    content = SMALL_PLAN.decode().replace("timeline: Mai 2000", f'timeline: "{escaped}"', 1)
    _check(tmp_path, content.encode("utf-8", errors="replace"))


def test_the_bundled_plan_is_clean() -> None:
    assert validate_paths([DATA / "plan.yaml"], DATA / "partners.yaml").problems == []

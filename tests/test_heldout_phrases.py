"""The held-out set: real timeline phrases from public plans and meeting papers, in
French, English and Spanish (tests/data/heldout_phrases.yaml), each with its source
and the reading decided before the reader was tuned. Issue 15's bar: at least 85%
exact, and no phrase given a wrong date."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ilotc.timeline import LANGUAGES, read_timeline

CASES = yaml.safe_load((Path(__file__).parent / "data" / "heldout_phrases.yaml").read_text(encoding="utf-8"))
FIELDS = ("kind", "start", "due", "every_months")


def _read(case: dict) -> tuple[list[dict], str | None]:
    reading = read_timeline(case["phrase"])
    found = [
        {k: v for k, v in s.to_json().items() if k in FIELDS and v is not None} for s in reading.schedules
    ]
    return found, reading.reason


def _exact(case: dict) -> bool:
    found, reason = _read(case)
    if "expected" in case:
        return found == case["expected"]
    return found == [{"kind": "unspecified"}] and case["unspecified"] in (reason or "")


def _dated(found: list[dict]) -> bool:
    return any("start" in s or "due" in s for s in found)


def test_every_phrase_has_a_source_and_one_expectation() -> None:
    assert len(CASES) >= 60
    assert {case["lang"] for case in CASES} == set(LANGUAGES)
    for case in CASES:
        assert case["source"].startswith("http"), case
        assert ("expected" in case) != ("unspecified" in case), case


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_least_85_percent_exact_in_each_language(lang: str) -> None:
    cases = [case for case in CASES if case["lang"] == lang]
    missed = [case["phrase"] for case in cases if not _exact(case)]
    assert len(missed) <= 0.15 * len(cases), missed


def test_no_phrase_gets_a_wrong_date() -> None:
    wrong = []
    for case in CASES:
        found, _ = _read(case)
        if _dated(found) and found != case.get("expected"):
            wrong.append((case["phrase"], found))
    assert wrong == []


def test_each_phrase_is_detected_in_its_language() -> None:
    assert [
        c["phrase"] for c in CASES if read_timeline(c["phrase"]).lang != c["lang"] and _dated(_read(c)[0])
    ] == []

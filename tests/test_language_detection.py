"""Language detection scales: each language is scored on its own vocabulary, ties go to the
languages known first, so adding a language never changes how an existing phrase is read."""

import ast
import dataclasses
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ilotc.timeline as reader
from ilotc.timeline import en, read_timeline, tokens
from ilotc.timeline.grammar import Grammar

TESTS = Path(__file__).parent


def _corpus() -> list[str]:
    """Every phrase of the timeline corpora: the test files' strings and the held-out sets."""
    found: set[str] = set()
    for path in TESTS.glob("test_timeline*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and 3 < len(node.value) < 200:
                found.add(node.value)
    for path in (TESTS / "data").glob("heldout_*.yaml"):
        stack = [yaml.safe_load(path.read_text(encoding="utf-8"))]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                found.update(v for k, v in item.items() if k in ("text", "phrase") and isinstance(v, str))
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return sorted(p for p in found if "{" not in p)


CORPUS = _corpus()


def _renamed(word: str, prefix: str) -> str:
    return "|".join(prefix + alt for alt in word.split("|"))


def _toy(prefix: str, day_first: bool | None) -> Grammar:
    """A language whose every word is an English word with `prefix` before it: a vocabulary
    disjoint from every other language's."""
    g = en.GRAMMAR

    def words(found: frozenset[str]) -> frozenset[str]:
        return frozenset(prefix + w for w in found)

    def phrase(spec: str) -> str:
        tail = ">" if spec.endswith(">") else ""
        return " ".join(_renamed(w, prefix) for w in spec.rstrip(">").split()) + tail

    return dataclasses.replace(
        g,
        lang=prefix,
        months={prefix + k: v for k, v in g.months.items()},
        weekdays=words(g.weekdays),
        units={prefix + k: v for k, v in g.units.items()},
        numbers={" ".join(prefix + w for w in k.split()): v for k, v in g.numbers.items()},
        markers=words(g.markers),
        period_words=words(g.period_words),
        seasons=words(g.seasons),
        every_words=words(g.every_words),
        modifiers={prefix + k: v for k, v in g.modifiers.items()},
        fiscal_words=words(g.fiscal_words),
        throughout=tuple(tuple(prefix + w for w in lead) for lead in g.throughout),
        session_words=words(g.session_words),
        times_words=words(g.times_words),
        per_words=words(g.per_words),
        not_number_leads=words(g.not_number_leads),
        cues={cue: tuple(phrase(spec) for spec in specs) for cue, specs in g.cues.items()},
        accents="",
        day_first=day_first,
    )


def test_the_corpus_is_large() -> None:
    assert len(CORPUS) > 500


def test_the_toy_language_shares_no_word() -> None:
    toy = _toy("qxz", None).vocabulary()
    for grammar in tokens.GRAMMARS.values():
        assert not toy & grammar.vocabulary()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    phrases=st.lists(st.sampled_from(CORPUS), min_size=1, max_size=25, unique=True),
    prefix=st.sampled_from(["qxz", "zzq", "xqj"]),
    day_first=st.sampled_from([True, False, None]),
)
def test_adding_a_language_changes_no_reading(
    monkeypatch: pytest.MonkeyPatch, phrases: list[str], prefix: str, day_first: bool | None
) -> None:
    reader._read_cached.cache_clear()
    before = [read_timeline(p) for p in phrases]
    with monkeypatch.context() as patched:
        patched.setitem(tokens.GRAMMARS, prefix, _toy(prefix, day_first))
        reader._read_cached.cache_clear()
        after = [read_timeline(p) for p in phrases]
    reader._read_cached.cache_clear()
    assert after == before


def test_the_toy_language_reads_its_own_phrases(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(tokens.GRAMMARS, "qxz", _toy("qxz", None))
    reader._read_cached.cache_clear()
    try:
        reading = read_timeline("qxzby qxzjune 2030")
        assert reading.lang == "qxz"
        assert str(reading.schedules[0].due) == "2030-06"
    finally:
        reader._read_cached.cache_clear()


@pytest.mark.parametrize(
    ("phrase", "lang"),
    [("Immediately", "en"), ("Réunion annuelle", "fr"), ("17/03/2010", "fr"), ("Jun 30, 2019", "en")],
)
def test_ties_go_to_the_language_known_first(phrase: str, lang: str) -> None:
    assert read_timeline(phrase).lang == lang

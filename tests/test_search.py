"""`--search`: case- and accent-insensitive over an action's text, timeline and issue title,
with the query folded once however many actions are searched."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA
from ilotc.model import queries
from ilotc.model.queries import ActionFilter, fold, select
from ilotc.store.loading import load

PLAN = load(DATA / "plan.yaml", DATA / "partners.yaml").plan
AS_OF = dt.date(2000, 6, 1)


def test_a_long_query_is_folded_once_not_once_per_action(monkeypatch: pytest.MonkeyPatch) -> None:
    query = "ä" * 100_003  # not searched by any other test: folded here, not cached before
    folded: list[int] = []

    def counting(text: str) -> str:
        folded.append(len(text))
        return fold(text)

    monkeypatch.setattr(queries, "fold", counting)
    assert select(PLAN, ActionFilter(search=query), AS_OF) == []
    assert folded.count(len(query)) <= 1
    assert len(folded) <= len(list(PLAN)) + 1  # each action's own text, and the query once


@pytest.mark.parametrize("query", ["parite", "PARITÉ", "Parité", "pari\u0301te"])
def test_case_and_accents_do_not_matter(query: str) -> None:
    found = {action.id for action in select(PLAN, ActionFilter(search=query), AS_OF)}
    assert {"I.4a.1", "I.4a.2"} <= found


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(list(PLAN)), st.data())
def test_any_piece_of_an_action_text_finds_it(action: queries.Action, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, max(len(action.text) - 1, 0)))
    piece = action.text[start : start + data.draw(st.integers(1, 30))].swapcase()
    if fold(piece).strip():
        assert action in select(PLAN, ActionFilter(search=piece), AS_OF)

"""build.py decides each action's schedules and initial status once: the checks and the plan
read the same decisions, and an edit's view of a valid file agrees with them."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import DATA, EXAMPLES, ROOT
from ilotc.model.vocab import Kind, Status
from ilotc.store import build
from ilotc.store.build import Decisions, decide, initial_status_of_mapping
from ilotc.store.loading import load
from ilotc.store.models import ActionModel, PlanFile

PLANS = [
    DATA / "plan.yaml",
    ROOT / "examples" / "plan-illustrative.yaml",
    EXAMPLES / "valid" / "plan.yaml",
    EXAMPLES / "valid" / "plan_schedule_refines.yaml",
]


def _action_mappings(data: Any) -> list[dict[str, Any]]:
    """Every action mapping of a plan file, wherever it stands."""
    if isinstance(data, dict):
        own = [a for a in data.get("actions") or [] if isinstance(a, dict)]
        return own + [m for key, value in data.items() if key != "actions" for m in _action_mappings(value)]
    if isinstance(data, list):
        return [m for item in data for m in _action_mappings(item)]
    return []


def test_loading_reads_each_timeline_once(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str | None] = []
    real = build.read_as

    def counting(text: str | None, *args: Any, **kwargs: Any) -> Any:
        read.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(build, "read_as", counting)
    dataset = load(DATA / "plan.yaml", DATA / "partners.yaml", None)
    assert len(read) == len(dataset.plan) == 78
    assert read == [action.timeline for action in dataset.plan]


def test_decisions_are_made_once_per_model() -> None:
    model = ActionModel.model_validate({"id": "I.1.1", "text": "x", "timeline": "En cours"})
    decisions = Decisions()
    first = decisions.of(model)
    assert decisions.of(model) is first
    assert first.schedules[0].kind is Kind.ONGOING
    assert first.implied_status is first.initial_status is Status.IN_PROGRESS


def test_a_stated_status_wins_over_the_implied_one() -> None:
    model = ActionModel.model_validate(
        {"id": "I.1.1", "text": "x", "timeline": "En cours", "initial_status": "planned"}
    )
    decided = decide(model)
    assert (decided.implied_status, decided.initial_status) == (Status.IN_PROGRESS, Status.PLANNED)


@pytest.mark.parametrize("path", PLANS, ids=lambda path: path.name)
def test_an_edit_sees_the_status_the_plan_is_built_with(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    file = PlanFile.model_validate(data)
    plan = build.build_plan(file)
    mappings = _action_mappings(data.get("parts"))
    assert len(mappings) == len(plan) > 0
    by_id = {action.id: action.initial_status for action in plan}
    assert {m["id"]: initial_status_of_mapping(m) for m in mappings} == by_id


@pytest.mark.parametrize(
    ("timeline", "words"),
    [
        (
            "Premières initiatives premier semestre 2000",
            "milestone: first initiatives by 15\u00a0June\u00a02000",
        ),
        ("Premiers résultats premier semestre 2000", "milestone: first results by 15\u00a0June\u00a02000"),
    ],
)
def test_a_stated_milestone_takes_the_words_of_its_timeline(timeline: str, words: str) -> None:
    model = ActionModel.model_validate(
        {
            "id": "I.1.1",
            "text": "x",
            "timeline": timeline,
            "schedules": [{"kind": "milestone", "due": "2000-06-15"}],
        }
    )
    (schedule,) = decide(model).schedules
    assert (schedule.kind, str(schedule.due), schedule.describe()) == (Kind.MILESTONE, "2000-06-15", words)

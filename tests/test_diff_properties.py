"""`ilotc diff` over generated plans: nothing changed reads as nothing, every change is listed,
and the Markdown keeps its structure whatever the plan's text."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ilotc.diff.changes import diff_plans
from ilotc.model.plan import Plan
from ilotc.model.records import action_record
from ilotc.output.diff import Comparison, to_markdown
from ilotc.store.build import build_plan
from ilotc.store.models import PlanFile

DAY = dt.date(2000, 6, 1)
PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any text at all, and often markup, control characters and line breaks: it is data.
HOSTILE = [
    "\n",
    "\n\n",
    "# ",
    "> ",
    "- ",
    "1. ",
    "|",
    "`",
    "```",
    "*",
    "_",
    "<b>",
    "<!--",
    "[a](http://x)",
    "![i](x)",
    "    ",
    "---",
    "&amp;",
    "\\",
    "~~",
    "\x1b[31m",
    "\u202e",
    "\r",
]
texts = (
    st.lists(
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
        | st.sampled_from(HOSTILE),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(bool)
)
timelines = st.one_of(
    st.sampled_from(["Achevée en avril 2000", "Juin 2001", "Tous les ans", "En cours", "Immédiatement"]),
    st.none(),
    texts,
)
months = st.dates(dt.date(1999, 1, 1), dt.date(2003, 12, 31)).map(lambda d: d.strftime("%Y-%m"))
statuses = st.sampled_from(["planned", "in_progress", "done", "cancelled"])
partner_ids = st.lists(st.sampled_from(["himo", "pnud", "suisse"]), unique=True, max_size=2)


@st.composite
def histories(draw: st.DrawFn) -> list[dict[str, Any]]:
    dates = sorted(set(draw(st.lists(months, max_size=3))))
    return [{"date": d, "status": draw(statuses), "note": draw(st.none() | texts)} for d in dates]


@st.composite
def actions(draw: st.DrawFn, place: str) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 3))
    return [
        {
            "id": f"{place}.{n}",
            "text": draw(texts),
            "timeline": draw(timelines),
            "history": draw(histories()),
            "partners": draw(partner_ids),
        }
        for n in range(1, count + 1)
    ]


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """A plan file's data, valid by construction: ids match places, histories in order."""
    parts = []
    for part in draw(st.lists(st.sampled_from(["I", "II", "III"]), min_size=1, unique=True).map(sorted)):
        sections = []
        for number in range(1, draw(st.integers(1, 2)) + 1):
            section: dict[str, Any] = {
                "id": str(number),
                "title": draw(texts),
                "context": draw(st.none() | texts),
            }
            shape = draw(st.sampled_from(["actions", "groups", "issues"]))
            if shape == "actions":
                section["actions"] = draw(actions(f"{part}.{number}"))
            elif shape == "groups":
                section["groups"] = [{"title": draw(texts), "actions": draw(actions(f"{part}.{number}"))}]
            else:
                section["issues"] = [
                    {
                        "id": f"{number}{letter}",
                        "title": draw(texts),
                        "context": draw(st.none() | texts),
                        "actions": draw(actions(f"{part}.{number}{letter}")),
                    }
                    for letter in "ab"[: draw(st.integers(1, 2))]
                ]
            sections.append(section)
        parts.append({"id": part, "title": draw(texts), "sections": sections})
    document = {
        "symbol": "GB.276/TC/2",
        "session": 276,
        "place": "Genève",
        "meeting": "1999-11",
        "committee": "Commission",
        "title": draw(texts),
        "date": "1999-09-28",
    }
    return {"document": document, "parts": parts}


def _containers(data: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every list of actions with the place its ids start with."""
    found = []
    for part in data["parts"]:
        for section in part["sections"]:
            place = f"{part['id']}.{section['id']}"
            found += [(place, section.get("actions", []))]
            found += [(place, group["actions"]) for group in section.get("groups", [])]
            found += [
                (f"{part['id']}.{issue['id']}", issue["actions"]) for issue in section.get("issues", [])
            ]
    return found


@st.composite
def changed(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """The plan with a few edits of every kind a pull request makes."""
    new = copy.deepcopy(data)
    for serial in range(100, 100 + draw(st.integers(1, 4))):  # a new id's number, unused before
        containers = _containers(new)
        where = [(place, items, n) for place, items in containers for n in range(len(items))]
        edit = draw(
            st.sampled_from(
                [
                    "text",
                    "timeline",
                    "history",
                    "partners",
                    "remove",
                    "renumber",
                    "move",
                    "add",
                    "heading",
                    "document",
                ]
            )
        )
        if edit == "document":
            new["document"]["title"] = draw(texts)
        elif edit == "heading":
            part = draw(st.sampled_from(new["parts"]))
            section = draw(st.sampled_from(part["sections"]))
            target = draw(
                st.sampled_from([part, section, *section.get("issues", []), *section.get("groups", [])])
            )
            target[draw(st.sampled_from(["title", "context"])) if "context" in target else "title"] = draw(
                texts
            )
        elif edit == "add":
            place, items = draw(st.sampled_from(containers))
            items.append({"id": f"{place}.{serial}", "text": draw(texts), "timeline": draw(timelines)})
        elif where:
            place, items, n = draw(st.sampled_from(where))
            action = items[n]
            if edit in ("text", "timeline"):
                action[edit] = draw(texts if edit == "text" else timelines)
            elif edit == "history":
                action["history"] = [
                    *action.get("history", []),
                    {"date": "2004-01", "status": draw(statuses)},
                ]
            elif edit == "partners":
                action["partners"] = draw(partner_ids)
            elif edit == "remove":
                del items[n]
            elif edit == "renumber":
                action["id"] = f"{place}.{serial}"
            else:
                to_place, to_items = draw(st.sampled_from(containers))
                del items[n]
                to_items.append(action | {"id": f"{to_place}.{serial}"})
    return new


def _plan(data: dict[str, Any]) -> Plan:
    return build_plan(PlanFile.model_validate(data))


@PROPERTIES
@given(data=plans())
def test_a_plan_compared_with_itself_has_no_changes(data: dict[str, Any]) -> None:
    assert diff_plans("p", _plan(data), _plan(copy.deepcopy(data))) == []


def _listed(plan: Plan) -> dict[str, dict[str, Any]]:
    return {action.id: action_record(action, DAY) for action in plan}


@PROPERTIES
@given(st.data())
def test_every_action_listed_differently_is_in_the_diff(data: st.DataObject) -> None:
    before_data = data.draw(plans(), label="old")
    after_data = data.draw(changed(before_data), label="new")
    before, after = _plan(before_data), _plan(after_data)
    records = diff_plans("p", before, after)
    old_list, new_list = _listed(before), _listed(after)
    differs = {i for i in old_list.keys() | new_list.keys() if old_list.get(i) != new_list.get(i)}
    named = {r["id"] for r in records} | {
        r["old"] for r in records if r["change"] == "moved" and r["field"] == "id"
    }
    headings = {r["id"] for r in records if r["id"] not in old_list and r["id"] not in new_list}
    for action_id in differs:
        action = after.action(action_id) or before.action(action_id)
        assert action is not None
        # a heading's record (part "I", section "I.1", issue "I.1a") covers the actions under it
        places = {action.part, f"{action.part}.{action.section_number}", f"{action.part}.{action.section}"}
        listed = action_id in named or bool(places & headings)
        assert listed, (action_id, old_list.get(action_id), new_list.get(action_id), records)


MARKDOWN = MarkdownIt("commonmark")
OUR_HTML = {"<ins>", "</ins>", "<del>", "</del>", "<br>"}


@PROPERTIES
@given(st.data())
def test_the_markdown_keeps_its_structure_whatever_the_text(data: st.DataObject) -> None:
    before_data = data.draw(plans(), label="old")
    after_data = data.draw(changed(before_data), label="new")
    records = diff_plans("p", _plan(before_data), _plan(after_data))
    text = to_markdown(Comparison("old.yaml", "new.yaml", records))
    tokens = MARKDOWN.parse(text)
    kinds = [token.type for token in tokens]
    assert kinds.count("heading_open") == 1
    assert "html_block" not in kinds
    for unwanted in ("blockquote_open", "ordered_list_open", "fence", "code_block", "hr", "table_open"):
        assert unwanted not in kinds, text
    items = [line for line in text.splitlines() if line.startswith("- ")]
    subitems = [line for line in text.splitlines() if line.startswith("  - ")]
    assert sum(t.type == "list_item_open" and t.level == 1 for t in tokens) == len(items)
    assert sum(t.type == "list_item_open" and t.level == 3 for t in tokens) == len(subitems)
    assert len(items) + len(subitems) >= len(records) > 0 or not records
    for token in tokens:
        for child in token.children or []:
            assert child.type not in ("link_open", "image", "code_inline"), text
            if child.type == "html_inline":
                assert child.content in OUR_HTML, text

#!/usr/bin/env python3
"""Write a valid plan file of N actions to stdout, for benchmarks.

Usage:
    python bench/make_plan.py N > plan.yaml

The plan is made of the bundled plan's own material, recombined: its document metadata,
its part, section and issue titles and context paragraphs, its action sentences (an action's
text is one or two of them) and its verbatim timelines, each with the initial status and any
explicit schedule the bundled plan gives it, so every timeline kind appears (given N >= 10).
Actions get status histories in date order and partner links to ids of the bundled
`data/partners.yaml`. Ids follow the file's rules: `<part>.<section or issue>.<n>`, unique.

The same N always gives the same bytes (a random generator seeded with N); the result
validates against the bundled partner registry with no error and no warning.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ilotc.store.sources import FileKind, bundled_file
from ilotc.store.yaml.reader import parse_yaml

PART_SHARES = {"I": 24, "II": 28, "III": 26}  # the bundled plan's shares of actions
STATUS_NOTES = (
    "Déclaration diffusée",
    "Rapport présenté au Conseil d'administration",
    "Consultations tenues avec les mandants",
    "Premiers résultats communiqués aux bureaux extérieurs",
    "Reporté faute de ressources",
    None,
    None,
    None,
)


@dataclass(frozen=True, slots=True)
class Timing:
    """A bundled action's timeline with what goes with it: initial status, explicit schedules."""

    timeline: str | None
    initial_status: str | None
    schedules: list[dict[str, Any]] | None
    kind: str


def _bundled(kind: FileKind) -> Any:
    return parse_yaml(bundled_file(kind).read_text(encoding="utf-8"))


def _actions(plan: Any) -> Iterator[dict[str, Any]]:
    for part in plan["parts"]:
        for section in part["sections"]:
            yield from section["actions"]
            for group in section["groups"]:
                yield from group["actions"]
            for issue in section["issues"]:
                yield from issue["actions"]


def _timings(plan: Any) -> list[Timing]:
    from ilotc.timeline import read_timeline  # noqa: PLC0415

    found: dict[tuple[str | None, str], Timing] = {}
    for action in _actions(plan):
        specs = action.get("schedules")
        kind = specs[0]["kind"] if specs else str(read_timeline(action["timeline"]).schedules[0].kind)
        key = (action["timeline"], json.dumps(specs, sort_keys=True))
        found.setdefault(key, Timing(action["timeline"], action.get("initial_status"), specs, kind))
    return list(found.values())


def q(value: Any) -> str:
    """A YAML scalar: strings double-quoted (JSON escapes are YAML escapes), null, numbers."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = json.dumps(value, ensure_ascii=False)
    # characters YAML reads as line breaks are escaped too
    return text.replace("\u2028", "\\L").replace("\u2029", "\\P").replace("\x85", "\\N")


class Generator:
    """Builds the plan's text, part by part, from a seeded random generator."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.rng = random.Random(f"ilotc bench plan {n}")
        plan = _bundled(FileKind.PLAN)
        partners = _bundled(FileKind.PARTNERS)
        self.document = plan["document"]
        self.part_titles = {part["id"]: part["title"] for part in plan["parts"]}
        self.sections = [s for part in plan["parts"] for s in part["sections"]]
        self.issues = [i for s in self.sections for i in s["issues"]]
        self.groups = [g["title"] for s in self.sections for g in s["groups"]]
        self.texts = [action["text"] for action in _actions(plan)]
        self.timings = _timings(plan)
        self.partner_ids = [partner["id"] for partner in partners["partners"]]
        # the first actions take one timing of each kind, so every kind appears
        by_kind: dict[str, Timing] = {}
        for timing in self.timings:
            by_kind.setdefault(timing.kind, timing)
        self.first = sorted(by_kind.values(), key=lambda t: t.kind == "linked")  # linked last
        self.ids: list[str] = []
        self.lines: list[str] = []

    def emit(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def text(self) -> str:
        first = self.rng.choice(self.texts)
        if self.rng.random() < 0.3:
            second = self.rng.choice(self.texts)
            return f"{first.rstrip(' ;.:')}; {second}"
        return first

    def timing(self) -> Timing:
        index = len(self.ids)
        if index < len(self.first):
            return self.first[index]
        return self.rng.choice(self.timings)

    def history(self) -> list[tuple[str, str, str | None]]:
        rng = self.rng
        if rng.random() < 0.45:
            return []
        month = rng.randrange(0, 12)  # months after 1999-10
        changes = []
        path = rng.choices(
            (["in_progress"], ["in_progress", "done"], ["done"], ["in_progress", "cancelled"], ["cancelled"]),
            weights=(3, 3, 2, 1, 1),
        )[0]
        for status in path:
            year, month0 = divmod(1999 * 12 + 9 + month, 12)
            day = rng.choice((None, None, rng.randint(1, 28)))
            date = f"{year:04d}-{month0 + 1:02d}" + (f"-{day:02d}" if day else "")
            changes.append((date, status, rng.choice(STATUS_NOTES)))
            month += rng.randint(1, 8)
        return changes

    def action(self, indent: int, action_id: str) -> None:
        rng = self.rng
        timing = self.timing()
        self.emit(indent, f"- id: {action_id}")
        pad = indent + 2
        self.emit(pad, f"text: {q(self.text())}")
        self.emit(pad, f"timeline: {q(timing.timeline)}")
        self.emit(pad, f"initial_status: {q(timing.initial_status)}")
        partners = rng.sample(self.partner_ids, rng.choice((0, 0, 0, 1, 1, 2, 3)))
        self.emit(pad, f"partners: [{', '.join(partners)}]")
        history = self.history()
        if not history:
            self.emit(pad, "history: []")
        else:
            self.emit(pad, "history:")
            for date, status, note in history:
                self.emit(pad + 2, f"- date: {q(date)}")
                self.emit(pad + 4, f"status: {status}")
                if note is not None:
                    self.emit(pad + 4, f"note: {q(note)}")
        if timing.schedules:
            self.emit(pad, "schedules:")
            for spec in timing.schedules:
                fields = dict(spec)
                if fields.get("linked_to") is not None:
                    fields["linked_to"] = rng.choice(self.ids)  # an action written before
                self.emit(pad + 2, "- {" + ", ".join(f"{k}: {q(v)}" for k, v in fields.items()) + "}")
        self.emit(pad, "note: null")
        self.ids.append(action_id)

    def actions(self, indent: int, place: str, count: int, first: int = 1) -> None:
        if count == 0:
            self.emit(indent, "actions: []")
            return
        self.emit(indent, "actions:")
        for number in range(first, first + count):
            self.action(indent + 2, f"{place}.{number}")

    def section(self, part: str, number: int, quota: int) -> int:
        """Write one section with at most `quota` actions; return how many it holds."""
        rng = self.rng
        model = rng.choice(self.sections)
        self.emit(6, f"- id: {q(str(number))}")
        self.emit(8, f"title: {q(model['title'])}")
        self.emit(8, f"context: {q(model['context'])}")
        shape = rng.choice(("actions", "actions", "groups", "issues", "issues", "issues"))
        if quota <= 0:
            shape = "actions"
        written = 0
        if shape == "actions":
            written = min(quota, rng.randint(2, 12))
            self.actions(8, f"{part}.{number}", written)
            self.emit(8, "groups: []")
            self.emit(8, "issues: []")
        elif shape == "groups":
            self.emit(8, "actions: []")
            self.emit(8, "groups:")
            while written < quota and (written == 0 or rng.random() < 0.7):
                count = min(quota - written, rng.randint(1, 8))
                self.emit(10, f"- title: {q(rng.choice(self.groups))}")
                self.actions(12, f"{part}.{number}", count, first=written + 1)
                written += count
            self.emit(8, "issues: []")
        else:
            self.emit(8, "actions: []")
            self.emit(8, "groups: []")
            self.emit(8, "issues:")
            for letter in "abcdefghijklmnopqrstuvwxyz"[: rng.randint(1, 6)]:
                if written >= quota:
                    break
                issue = rng.choice(self.issues)
                count = min(quota - written, rng.randint(1, 8))
                self.emit(10, f"- id: {number}{letter}")
                self.emit(12, f"title: {q(issue['title'])}")
                self.emit(12, f"context: {q(issue['context'])}")
                self.actions(12, f"{part}.{number}{letter}", count)
                written += count
        return written

    def document_lines(self) -> None:
        self.emit(0, "document:")
        for key, value in self.document.items():
            if key == "paragraphs":
                self.emit(2, "paragraphs:")
                for paragraph in value:
                    self.emit(4, f"- number: {q(paragraph['number'])}")
                    self.emit(6, f"heading: {q(paragraph['heading'])}")
                    self.emit(6, f"text: {q(paragraph['text'])}")
            elif key == "note":
                note = (
                    f"Benchmark plan of {self.n} actions, made by bench/make_plan.py from the bundled plan."
                )
                self.emit(2, f"note: {q(note)}")
            else:
                self.emit(2, f"{key}: {q(value)}")

    def plan(self) -> str:
        self.emit(0, f"# A benchmark plan of {self.n} actions made by `python bench/make_plan.py {self.n}`:")
        self.emit(0, "# the bundled GB.276/TC/2 plan's sentences and timelines, recombined.")
        self.document_lines()
        total = sum(PART_SHARES.values())
        quotas, given = {}, 0
        for part, share in PART_SHARES.items():
            quotas[part] = self.n * share // total
            given += quotas[part]
        quotas["I"] += self.n - given
        self.emit(0, "parts:")
        for part, quota in quotas.items():
            self.emit(2, f"- id: {part}")
            self.emit(4, f"title: {q(self.part_titles[part])}")
            self.emit(4, "sections:")
            number, written = 1, 0
            while written < quota or number == 1:
                written += self.section(part, number, quota - written)
                number += 1
        return "\n".join(self.lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[1].isdigit():
        sys.stderr.write("usage: python bench/make_plan.py N  (N actions, written to stdout)\n")
        return 2
    text = Generator(int(argv[1])).plan()
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

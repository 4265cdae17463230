"""Rules of a partner registry that span more than one field: unique ids, groups, programmes.

Like the plan's checks (`checks.py`), they run over the items valid on their own when part of
the file fails its schema, and over the validated model when the whole file passed.
"""

from __future__ import annotations

from typing import Any

from ilotc.i18n import _
from ilotc.store.models import PartnerModel, PartnersFile, ProgrammeModel
from ilotc.store.problems import Problem
from ilotc.store.validate.check_report import Locate, Path, Report, items, suggest, valid


def check_partners(
    data: Any, report_path: str, locate: Locate, file: PartnersFile | None = None
) -> list[Problem]:
    """Cross-field rules of a partner registry; `file` is its validated model, if it passed."""
    report = Report(report_path, locate)
    programmes: dict[str, int] = {}
    if file is not None:
        valid_programmes = list(enumerate(file.programmes))
        listed = list(enumerate(file.partners))
    else:
        valid_programmes = [
            (n, g) for n, raw in items(data, "programmes") if (g := valid(ProgrammeModel, raw))
        ]
        listed = [(n, p) for n, raw in items(data, "partners") if (p := valid(PartnerModel, raw))]
    for n, programme in valid_programmes:
        if programme.id in programmes:
            report.add(("programmes", n, "id"), _("duplicate programme id {id!r}").format(id=programme.id))
        programmes.setdefault(programme.id, n)
    partners: dict[str, tuple[int, PartnerModel]] = {}
    for n, partner in listed:
        if partner.id in partners:
            first = report.line_of(("partners", partners[partner.id][0], "id"))
            report.add(
                ("partners", n, "id"),
                _("duplicate partner id {id!r} (first on line {line})").format(id=partner.id, line=first),
            )
        partners.setdefault(partner.id, (n, partner))
    for n, partner in listed:
        for m, group in enumerate(partner.member_of):
            where: Path = ("partners", n, "member_of", m)
            if group not in partners:
                report.add(
                    where,
                    _("unknown group {group!r}{suggestion}").format(
                        group=group, suggestion=suggest(group, set(partners))
                    ),
                )
            elif not partners[group][1].group:
                report.add(
                    where,
                    _("{group!r} is not a group; expected the id of a partner with group: true").format(
                        group=group
                    ),
                )
            elif group == partner.id:
                report.add(where, _("a group cannot belong to itself"))
        for m, role in enumerate(partner.roles):
            if role.programme not in programmes:
                report.add(
                    ("partners", n, "roles", m, "programme"),
                    _("unknown programme {programme!r}{suggestion}").format(
                        programme=role.programme, suggestion=suggest(role.programme, set(programmes))
                    ),
                )
    _cycles(
        {pid: entry[1].member_of for pid, entry in partners.items()},
        {pid: entry[0] for pid, entry in partners.items()},
        report,
    )
    return report.problems


def _cycles(member_of: dict[str, list[str]], index: dict[str, int], report: Report) -> None:
    """Report each group that reaches itself through member_of."""
    for start, groups in member_of.items():
        seen: set[str] = set()
        todo = [(group, [start, group]) for group in groups]
        while todo:
            group, trail = todo.pop()
            if group == start:
                report.add(
                    ("partners", index[start], "member_of"),
                    _("groups form a cycle: {trail}").format(trail=" -> ".join(trail)),
                )
                break
            if group in seen:
                continue
            seen.add(group)
            todo.extend((parent, [*trail, parent]) for parent in member_of.get(group, []))

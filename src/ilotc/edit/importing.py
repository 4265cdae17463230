"""Turn a table from a Word, Excel or CSV file into a plan: columns, headings, ids, partners.

Pure: tables in (`ilotc.office.reading`), the plan's data and what was made out; the CLI
writes the file. Nothing is guessed: a column is recognised from its header (English,
French, Spanish, or ilotc's own export columns; `--map` overrides), a row is a heading only
when it spans the table or holds a lone numbered heading, and a cell that fits nowhere is
listed with its table, row and column. Texts and timelines are kept verbatim.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any, NamedTuple

import yaml

from ilotc.i18n import _
from ilotc.model.queries import fold
from ilotc.model.registry import Registry
from ilotc.model.schedule import short_reading
from ilotc.office.reading import Place, Row, Table
from ilotc.store.problems import Problem
from ilotc.store.sources import Source
from ilotc.store.validate.validation import check_plan_source
from ilotc.timeline import read_timeline
from ilotc.timeline.tokens import detect_language, tokenize

FIELDS = (
    "id",
    "text",
    "timeline",
    "responsible",
    "partners",
    "part",
    "section",
    "part_title",
    "section_title",
)
"""What a column may hold (`--map HEADER=FIELD` names one of these, or `ignore`)."""

HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "n°", "nº", "no", "no.", "num", "numero", "code", "codigo", "ref", "reference", "#"),
    "text": (
        "text",
        "action",
        "actions",
        "activity",
        "activities",
        "activite",
        "activites",
        "actividad",
        "actividades",
        "accion",
        "acciones",
        "mesure",
        "mesures",
        "lignes d'action",
        "medida",
        "medidas",
        "contexte et lignes d'action",
        "description",
    ),
    "timeline": (
        "timeline",
        "calendrier",
        "echeance",
        "echeances",
        "plazo",
        "plazos",
        "cronograma",
        "fecha",
        "fechas",
        "deadline",
        "timeframe",
        "time frame",
        "calendario",
        "delai",
        "delais",
        "when",
    ),
    "responsible": (
        "responsible",
        "responsable",
        "responsables",
        "entite",
        "entite responsable",
        "entidad",
        "entidad responsable",
        "owner",
        "lead",
        "responsibility",
        "responsabilite",
        "responsabilidad",
    ),
    "partners": ("partners", "partner", "partenaires", "partenaire", "socios", "socio", "asociados"),
    "part": ("part", "partie", "parte"),
    "section": ("section", "seccion"),
    # a column of goals or outcomes (a cell merged down over their actions) heads parts and sections
    "part_title": (
        "part_title",
        "strategic goal",
        "strategic goals",
        "goal",
        "goals",
        "strategic objective",
        "objective",
        "objectives",
        "objectif",
        "objectifs",
        "objectif strategique",
        "objectifs strategiques",
        "objetivo",
        "objetivos",
        "objetivo estrategico",
        "objetivos estrategicos",
        "axe",
        "axes",
        "axe strategique",
        "eje",
        "ejes",
        "eje estrategico",
        "pillar",
        "pilier",
        "pilar",
    ),
    "section_title": (
        "section_title",
        "outcome",
        "outcomes",
        "output",
        "outputs",
        "expected result",
        "expected results",
        "result",
        "results",
        "resultat",
        "resultats",
        "resultat attendu",
        "resultats attendus",
        "resultado",
        "resultados",
        "resultado esperado",
        "resultados esperados",
        "produit",
        "produits",
        "producto",
        "productos",
    ),
    "issue_title": ("issue_title",),
    "note": ("note", "notes", "observations", "remarques", "observaciones", "comments", "commentaires"),
}
"""Headers, folded (lowercase, no accents), that name each field; a header names a field when it
is one of these or starts with one followed by a space or punctuation ("Échéance prévue")."""

_HEADING = re.compile(
    r"^(?:(?P<word>partie|part|parte|axe|eje|axis|pilier|pillar|pilar|section|seccion|chapitre|"
    r"chapter|capitulo|objectif|objective|objetivo|action|acci[oó]n)\s+)?"
    r"(?P<id>[IVXLC]+|[0-9]+(?:\.[0-9]+)?[a-z]?|[A-Z])\s*(?:[.):\-–—]\s*|\s+(?=\S))(?P<title>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_SPLIT_NAMES = re.compile(r"\s*[;\n]\s*|\s*,\s*")
_SPLIT_RESPONSIBLE = re.compile(r"\s*[;\n]\s*")
_BAD_ID = re.compile(r"[\s:]|[^\w.\-/()]")


class Unplaced(NamedTuple):
    """A cell the import could not place: where, and what it holds."""

    place: Place
    text: str


class Imported(NamedTuple):
    """A plan made from tables, with what the summary says about it."""

    data: dict[str, Any]  # the plan file's data, ready to be written as YAML
    parts: int
    sections: int
    actions: int
    readings: dict[str, int]  # timeline kinds, how many of each
    unspecified: list[str]  # the phrases read as unspecified, in order, once each
    unplaced: list[Unplaced]
    unmatched_partners: list[str]
    columns: dict[str, str]  # field: the header it was read from
    language: str | None


class TableError(Exception):
    """A table that cannot be made into a plan: no header with an action column."""


def parse_map(given: Iterable[str]) -> dict[str, str]:
    """`--map HEADER=FIELD` options as {folded header: field}; ValueError names a bad one."""
    found = {}
    for item in given:
        header, sep, field = item.rpartition("=")
        field = field.strip()
        if not sep or not header.strip() or field not in (*FIELDS, "ignore"):
            raise ValueError(item)
        found[fold(header.strip())] = field
    return found


OWN_COLUMNS = frozenset(
    (
        "plan",
        "kind",
        "start",
        "due",
        "due_month",
        "every_months",
        "immediate",
        "status",
        "schedules",
        "reads_as",
        "history",
        "group_title",
        "done_late_days",
        "partner_names",
        "anchor",
        "start_precision",
        "due_precision",
    )
)
"""ilotc's own export columns that a plan does not hold (they are read from the timeline): known,
and passed over without being listed as cells not placed."""
IGNORED = "ignore"


def field_of(header: str, mapping: Mapping[str, str]) -> str | None:
    """The field a header names (`mapping` first; `ignore` for ilotc's own derived columns), or None."""
    folded = fold(" ".join(header.split()))
    if folded in mapping:
        return mapping[folded]
    if folded in OWN_COLUMNS:
        return IGNORED
    for field, words in HEADER_WORDS.items():
        if folded in words:
            return field
    for field, words in HEADER_WORDS.items():
        for word in words:
            if folded == word or (folded.startswith(word) and not folded[len(word)].isalnum()):
                return field
    return None


def _header(table: Table, mapping: Mapping[str, str]) -> tuple[int, dict[int, str]] | None:
    """The header row's index and its recognised columns: the first row naming an action column."""
    for index, row in enumerate(table.rows[:50]):
        columns: dict[int, str] = {}
        for position, cell in enumerate(row.cells):
            field = field_of(cell.text, mapping) if cell.text.strip() else None
            if field is not None and (field == IGNORED or field not in columns.values()):
                columns[position] = field
        if "text" in columns.values():
            return index, columns
    return None


class _Heading(NamedTuple):
    id: str | None
    title: str
    style: str  # how it is numbered: the same style is the same level


def _heading(text: str) -> _Heading:
    found = _HEADING.match(text.strip())
    if found is None:
        return _Heading(None, text.strip(), "plain")
    ident = found["id"]
    if re.fullmatch(r"[IVXLC]+", ident) and not found["word"] and len(ident) == 1 and ident in "CL":
        style = "letter"
    elif re.fullmatch(r"[IVXLC]+", ident):
        style = "roman"
    elif ident.isalpha():
        style = "letter"
    elif "." in ident:
        style = "dotted"
    else:
        style = "number"
    word = fold(found["word"]) if found["word"] else ""
    return _Heading(ident, found["title"].strip(), f"{word}:{style}")


def _is_heading(row: Row, columns: Mapping[int, str]) -> str | None:
    """The heading a row holds, or None: one merged cell across the table (Word repeats a
    merged cell's text in each column it covers), or a lone numbered heading in the first
    column where the row fills no other column."""
    filled = [(i, cell.text) for i, cell in enumerate(row.cells) if cell.text.strip()]
    if not filled:
        return None
    if row.spanning or (len(filled) == len(row.cells) > 1 and len({text for _i, text in filled}) == 1):
        return filled[0][1]
    if len(filled) == 1 and filled[0][0] == min(columns):
        position, text = filled[0]
        if columns.get(position) != "text" or _HEADING.match(text.strip()):
            return text
    return None


def _roman(number: int) -> str:
    numerals = (
        ("M", 1000),
        ("CM", 900),
        ("D", 500),
        ("CD", 400),
        ("C", 100),
        ("XC", 90),
        ("L", 50),
        ("XL", 40),
        ("X", 10),
        ("IX", 9),
        ("V", 5),
        ("IV", 4),
        ("I", 1),
    )
    out = ""
    for letters, value in numerals:
        while number >= value:
            out += letters
            number -= value
    return out


class _Builder:
    """Puts rows into parts and sections as they come."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.parts: list[dict[str, Any]] = []
        self.unmatched: dict[str, None] = {}
        self.ids: dict[str, None] = {}
        self.section: dict[str, Any] | None = None

    def part(self, ident: str | None, title: str) -> None:
        ident = ident or _roman(len(self.parts) + 1)
        existing = next((p for p in self.parts if p["id"] == ident), None)
        if existing is None:
            existing = {"id": ident, "title": title or ident, "sections": [], "actions": []}
            self.parts.append(existing)
        self.section = None

    def new_section(self, ident: str | None, title: str) -> None:
        if not self.parts:
            self.part(None, _("Plan"))
        part = self.parts[-1]
        ident = ident or str(len(part["sections"]) + 1)
        found = next((s for s in part["sections"] if s["id"] == ident), None)
        if found is None:
            found = {"id": ident, "title": title or ident, "actions": []}
            part["sections"].append(found)
        self.section = found

    def add(self, action: dict[str, Any]) -> None:
        if not self.parts:
            self.part(None, _("Plan"))
        target = self.section if self.section is not None else self.parts[-1]
        target["actions"].append(action)

    def partners(self, text: str) -> tuple[list[str], list[str]]:
        """Partner ids named by a cell (by id, name, short name or mention), and names unmatched."""
        ids: list[str] = []
        unmatched: list[str] = []
        for name in (n for n in _SPLIT_NAMES.split(text.strip()) if n):
            found = _partner_id(name, self.registry)
            if found is None:
                unmatched.append(name)
                self.unmatched.setdefault(name)
            elif found not in ids:
                ids.append(found)
        return ids, unmatched


def _partner_id(name: str, registry: Registry) -> str | None:
    wanted = fold(name)
    for partner in registry:
        names = {partner.id, fold(partner.name), *(fold(m) for m in partner.mentions)}
        if partner.short_name:
            names.add(fold(partner.short_name))
        if wanted in names:
            return partner.id
    return None


def _cell(row: Row, position: int | None) -> str:
    if position is None or position >= len(row.cells):
        return ""
    return row.cells[position].text


def _cells(table: Table, row: Row, skip: Iterable[int] = ()) -> list[Unplaced]:
    """The row's filled cells, but those at positions `skip`, as cells not placed."""
    skipped = set(skip)
    return [
        Unplaced(Place(table.name, row.number, i + 1), c.text)
        for i, c in enumerate(row.cells)
        if c.text.strip() and i not in skipped
    ]


class _Found(NamedTuple):
    """The tables with a header, their columns, and what lay outside them."""

    tables: list[tuple[Table, list[Row], dict[int, str]]]
    columns: dict[str, str]
    title: str | None
    unplaced: list[Unplaced]


def _find_tables(tables: Sequence[Table], mapping: Mapping[str, str]) -> _Found:
    """The tables that have a header naming an action column (a table without one is listed
    cell by cell); a lone line above the first header is the plan's title."""
    found = _Found([], {}, None, [])
    title: str | None = None
    for table in tables:
        header = _header(table, mapping)
        if header is None:
            found.unplaced.extend(cell for row in table.rows for cell in _cells(table, row))
            continue
        index, columns = header
        for position, field in columns.items():
            if field != IGNORED:
                found.columns.setdefault(field, table.rows[index].cells[position].text)
        for row in table.rows[:index]:
            filled = {c.text.strip() for c in row.cells if c.text.strip()}
            if title is None and len(filled) == 1:
                title = filled.pop()  # a lone line above the table: its title
                continue
            found.unplaced.extend(_cells(table, row))
        found.tables.append((table, list(table.rows[index + 1 :]), columns))
    return found._replace(title=title)


def make_plan(
    tables: Sequence[Table],
    registry: Registry,
    title: str | None,
    mapping: Mapping[str, str] | None = None,
    *,
    fallback_title: str = "",
) -> Imported:
    """The plan the tables describe (every table with an action column, in order); raises
    TableError when none has one. Its title is `title`, else a lone line above the first
    table's header, else `fallback_title`."""
    found = _find_tables(tables, mapping or {})
    if not found.tables:
        raise TableError(
            _(
                "no table has a header naming the actions (action, activité, actividad...); "
                "name it with --map HEADER=text"
            )
        )
    builder = _Builder(registry)
    unplaced = found.unplaced
    levels = _heading_levels(found.tables)
    actions: list[dict[str, Any]] = []
    for table, rows, columns in found.tables:
        where = {field: position for position, field in columns.items()}
        previous: Row | None = None
        goal_numbers = _numbers_goals(rows, where)
        for row in rows:
            heading = _is_heading(row, columns)
            if heading is not None:
                parsed = _heading(heading)
                if levels.get(parsed.style, 1) == 1:
                    builder.part(parsed.id, parsed.title)
                else:
                    builder.new_section(parsed.id, parsed.title)
                continue
            text = _cell(row, where.get("text"))
            if not text.strip():
                unplaced += _cells(table, row)
                continue
            _place_by_columns(builder, row, where, previous, goal_numbers)
            previous = row
            action = _action(builder, row, where, text)
            unplaced += _cells(table, row, columns)
            builder.add(action)
            actions.append(action)
    derived = _settle_ids(builder)
    language = _language(actions)
    readings, unspecified = _readings(actions, language)
    document: dict[str, Any] = {"title": title or found.title or fallback_title or _("Imported plan")}
    if language:
        document["language"] = language
    parts = [_tidy(part) for part in builder.parts]
    data: dict[str, Any] = {"format": 2, "document": document, "parts": parts}
    if derived:
        data = {"format": 2, "ids": "derived", "document": document, "parts": parts}
    return Imported(
        data,
        len(parts),
        sum(len(part.get("sections", [])) for part in parts),
        len(actions),
        readings,
        unspecified,
        unplaced,
        list(builder.unmatched),
        found.columns,
        language,
    )


def _readings(actions: Sequence[Mapping[str, Any]], language: str | None) -> tuple[dict[str, int], list[str]]:
    """How many schedules of each kind the timelines read as, and the phrases left unspecified."""
    readings: dict[str, int] = {}
    unspecified: dict[str, None] = {}
    for action in actions:
        reading = read_timeline(action["timeline"], language)
        for schedule in reading.schedules:
            readings[str(schedule.kind)] = readings.get(str(schedule.kind), 0) + 1
        if not reading.readable and action["timeline"]:
            unspecified.setdefault(action["timeline"])
    return readings, list(unspecified)


def _heading_levels(rows_read: list[tuple[Table, list[Row], dict[int, str]]]) -> dict[str, int]:
    """Each heading style's level: where a heading directly follows another, the first one's
    style is a part and the second's a section; else every heading is a part."""
    levels: dict[str, int] = {}
    for _table, rows, columns in rows_read:
        previous: str | None = None
        for row in rows:
            heading = _is_heading(row, columns)
            if heading is None:
                if any(c.text.strip() for c in row.cells):
                    previous = None
                continue
            style = _heading(heading).style
            if previous is not None and previous != style and style not in levels:
                levels.setdefault(previous, 1)
                levels[style] = 2
            levels.setdefault(style, 1)
            previous = style
    return levels


def _place_by_columns(
    builder: _Builder, row: Row, where: Mapping[str, int], previous: Row | None, goal_numbers: bool
) -> None:
    """A part and a section named on the row itself: ilotc's own export columns (ids and titles),
    or a column of goals and one of outcomes with no ids (as a results matrix lays them out, a
    cell merged down over its actions): a new part or section where the title changes, or where
    the goal's number does (`goal_numbers`: the id column numbers goals, not actions)."""
    part = _cell(row, where.get("part")).strip()
    number = _cell(row, where.get("id")).strip() if goal_numbers else ""
    number = number if _PART_NUMBER.fullmatch(number) else ""
    new_part = False
    if part and (not builder.parts or builder.parts[-1]["id"] != part):
        builder.part(part, _cell(row, where.get("part_title")).strip() or part)
    elif "part" not in where and (
        _changed(row, previous, where.get("part_title"))
        or (
            number
            and previous is not None
            and "part_title" in where
            and _cell(previous, where.get("id")).strip() != number
        )
    ):
        parsed = _heading(_cell(row, where.get("part_title")))
        builder.part(parsed.id or number or None, parsed.title)
        new_part = True
    section = _cell(row, where.get("section")).strip()
    if section and (builder.section is None or builder.section["id"] != section):
        title = _cell(row, where.get("issue_title")).strip() or _cell(row, where.get("section_title")).strip()
        builder.new_section(section, title or section)
    elif "section" not in where and (
        _changed(row, previous, where.get("section_title"))
        or (new_part and _cell(row, where.get("section_title")).strip())
    ):
        parsed = _heading(_cell(row, where.get("section_title")))
        ident = parsed.id
        part_id = builder.parts[-1]["id"] if builder.parts else None
        if ident and part_id and ident.startswith(f"{part_id}."):
            ident = ident[len(part_id) + 1 :]  # "1.2" under goal 1 is its section 2 (ids: PART.SECTION.N)
        builder.new_section(ident if ident and "." not in ident else None, parsed.title)


_PART_NUMBER = re.compile(r"[0-9]+|[IVXLC]+|[A-Z]")


def _numbers_goals(rows: Sequence[Row], where: Mapping[str, int]) -> bool:
    """Whether the id column numbers the goals beside it rather than the actions: a goal's number
    is a cell merged down over its rows (its value repeats on the next row); an action's id never."""
    if "part_title" not in where or "part" in where or "id" not in where:
        return False
    values = [_cell(row, where["id"]).strip() for row in rows]
    return any(a and a == b for a, b in pairwise(values))


def _changed(row: Row, previous: Row | None, position: int | None) -> bool:
    """Whether a title column holds a new title on this row (a merged cell repeats it down)."""
    text = _cell(row, position).strip()
    return bool(text) and (previous is None or _cell(previous, position).strip() != text)


def _action(builder: _Builder, row: Row, where: Mapping[str, int], text: str) -> dict[str, Any]:
    timeline = _cell(row, where.get("timeline"))
    action: dict[str, Any] = {
        "id": _cell(row, where.get("id")).strip(),
        "text": text,
        "timeline": timeline if timeline.strip() else None,
    }
    responsible = [n for n in _SPLIT_RESPONSIBLE.split(_cell(row, where.get("responsible")).strip()) if n]
    if responsible:
        action["responsible"] = responsible[0] if len(responsible) == 1 else responsible
    note = _cell(row, where.get("note"))
    if note.strip():
        action["note"] = note
    partners_text = _cell(row, where.get("partners"))
    if partners_text.strip():
        ids, unmatched = builder.partners(partners_text)
        if ids:
            action["partners"] = ids
        if unmatched:
            kept = _("Partners as written, not in the registry: {names}").format(names="; ".join(unmatched))
            action["note"] = f"{action['note']}\n{kept}" if "note" in action else kept
    return action


def _settle_ids(builder: _Builder) -> bool:
    """Keep the table's ids where every action has one, usable and unique; else derive them all
    as `ids: derived` gives them (PART.SECTION.N, or PART.N)."""
    every = [a for part in builder.parts for a in _actions_of(part)]
    given = [a["id"] for a in every]
    if every and all(given) and len(set(given)) == len(given) and not any(_BAD_ID.search(i) for i in given):
        return False
    for part in builder.parts:
        for n, action in enumerate(part["actions"], start=1):
            action["id"] = f"{part['id']}.{n}"
        for section in part["sections"]:
            for n, action in enumerate(section["actions"], start=1):
                action["id"] = f"{part['id']}.{section['id']}.{n}"
    return True


def _actions_of(part: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [*part["actions"], *(a for s in part["sections"] for a in s["actions"])]


def _tidy(part: dict[str, Any]) -> dict[str, Any]:
    tidy = dict(part)
    if not tidy["sections"]:
        del tidy["sections"]
    elif not tidy["actions"]:
        del tidy["actions"]
    return tidy


def _language(actions: Sequence[Mapping[str, Any]]) -> str | None:
    """The language the plan's texts and timelines are written in (French first on a tie)."""
    text = " ".join(filter(None, (f"{a['text']} {a['timeline'] or ''}" for a in actions[:200])))
    if not text.strip():
        return None
    found = detect_language(tokenize(text), text)
    return found[0] if found else None


def reading_words(kind: str, count: int) -> str:
    """One line of the summary: a kind and how many timelines read as it."""
    return f"{short_reading(kind, None, None, None, False)}: {count}"


# A text any YAML reader might take for something else: a number in any notation (1e3, 0o17,
# 0x1F, 1_000, .5, 12:30), a boolean or a null in YAML 1.1 or 1.2. PyYAML's writer quotes only
# what its own reader would misread; ilotc's reader, and others, read more as numbers.
_AMBIGUOUS = re.compile(
    r"[-+]?[0-9.][0-9a-zA-Z_.:+-]*|[-+]?\.(?:inf|nan)|~|null|true|false|yes|no|on|off|y|n",
    re.IGNORECASE,
)


class _TextsAsWritten(yaml.SafeDumper):
    """PyYAML's safe writer, quoting every text that a reader might take for another type."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "'" if _AMBIGUOUS.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_TextsAsWritten.add_representer(str, _text)


def plan_text(imported: Imported, source: str) -> str:
    """The plan file's YAML text: a comment saying where it came from, then the data (texts
    written so that YAML reads them back as they were, line breaks included)."""
    body = yaml.dump(
        imported.data,
        Dumper=_TextsAsWritten,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )
    printable = "".join(char if char.isprintable() else "?" for char in source)
    comment = " ".join(_("Imported by 'ilotc import' from {source}.").format(source=printable).split())
    return f"# {comment}\n{body}"


def check_plan_text(text: str, label: str, registry: Registry) -> list[Problem]:
    """The problems `validate` would find in the plan text, against this registry's ids."""
    _file, problems = check_plan_source(Source(label, text), registry.ids)
    return problems

"""The house rules of src/ilotc, checked on every module (docs/architecture.md says why):
- one job per module: a docstring whose first line says the job, and no module past 800 lines;
- no `from __future__ import annotations` where annotations are read at run time: modules
  defining named tuples (NamedTuple compiles each string annotation at import) and the
  command line (Typer reads every command's annotations on each run);
- imports at the top of modules, except at the one documented boundary: an import inside
  a function is preceded (or followed on its line) by a `lazy:` comment, and imports one of
  the modules in LAZY_BOUNDARY (the command modules themselves are imported by name, through
  `importlib`, by the lazy command table in cli/commands.py).
"""

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "ilotc"
MODULES = sorted(SRC.rglob("*.py"))
MAX_LINES = 800  # a sign that two jobs share a module, not a target

LAZY_BOUNDARY = {
    "pathspec": "gitignore patterns, for a folder of plans that holds a .ilotcignore",
    "ilotc.cli.main": "the command line, imported by the console script after the collector is set",
    "ilotc.store.validate.validation": (
        "parsing, schema validation and checks (PyYAML, Pydantic): only on a cache miss"
    ),
    "ilotc.store.build": (
        "deciding schedules and building the plan (the timeline reader): only on a cache miss"
    ),
    "rich": "Rich, for the commands that paint to a terminal",
    "ilotc.output.report.terminal": "the report for a terminal, made of Rich renderables",
    "jinja2": "Jinja2, for the HTML report",
    "markupsafe": "MarkupSafe, Jinja2's escaping, for the HTML report",
    "icalendar": "icalendar, for `export --format ics`",
    "babel": "Babel and its CLDR data, for dates written in words",
    "weasyprint": "WeasyPrint, the optional extra for the PDF report",
    "openpyxl": "openpyxl, the office extra, for .xlsx files only (import, export, update --from)",
    "docx": "python-docx, the office extra, for .docx files only (import, export --format docx)",
    "ilotc.output.json_text": "orjson, for JSON output only (its import costs more than a table's whole run)",
    "re2": "RE2, for plans that declare an `ids` pattern (validation only)",
    "confusable_homoglyphs": "Unicode scripts and confusables, for non-ASCII ids (validation only)",
}
"""What may be imported inside a function, and why (heavy, and needed by few runs)."""


def _name(path: Path) -> str:
    return str(path.relative_to(SRC.parent))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


ARCHITECTURE = SRC.parent.parent / "docs" / "architecture.md"


def test_the_architecture_page_names_every_module_once_and_no_other() -> None:
    homes = ARCHITECTURE.read_text(encoding="utf-8").split("## The home of each job", 1)[1]
    listed = re.findall(r"^- `([\w/]+\.py)`: ", homes, flags=re.MULTILINE)
    assert sorted(listed) == sorted(_name(path).removeprefix("ilotc/") for path in MODULES)


def test_the_checks_see_every_module() -> None:
    assert len(MODULES) > 60
    assert SRC / "cli" / "entry.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_a_module_has_one_job_and_stays_small(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{_name(path)} has {lines} lines: split it by job"
    docstring = ast.get_docstring(_tree(path))
    assert docstring, f"{_name(path)} has no docstring saying its job"
    first = docstring.splitlines()[0].strip()
    assert first.endswith((".", ":")) and len(first.split()) >= 2, (
        f"{_name(path)}: the docstring's first line is not a sentence saying the job: {first!r}"
    )


def _defines_a_named_tuple(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ClassDef)
        and any(isinstance(base, ast.Name) and base.id == "NamedTuple" for base in node.bases)
        for node in ast.walk(tree)
    )


def _postpones_annotations(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "annotations" for alias in node.names)
        for node in tree.body
    )


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_annotations_read_at_run_time_are_not_postponed(path: Path) -> None:
    tree = _tree(path)
    if _defines_a_named_tuple(tree):
        assert not _postpones_annotations(tree), (
            f"{_name(path)} defines a NamedTuple: no `from __future__ import annotations` here "
            "(quote names imported for type checking instead)"
        )
    if path.parent.name == "cli":
        assert not _postpones_annotations(tree), (
            f"{_name(path)} is read by Typer on each run: no `from __future__ import annotations` here"
        )


def test_the_annotation_rule_can_fail() -> None:
    postponed = ast.parse(
        "from __future__ import annotations\nfrom typing import NamedTuple\n"
        "class P(NamedTuple):\n    x: int\n"
    )
    assert _postpones_annotations(postponed) and _defines_a_named_tuple(postponed)


def _imports_in_functions(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            found += [node for node in ast.walk(function) if isinstance(node, ast.Import | ast.ImportFrom)]
    return found


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    # `from ilotc.store import build` imports ilotc.store.build; a name that is not a module
    # (`from rich.console import Console`) stays under its module all the same
    return [f"{node.module}.{alias.name}" for alias in node.names]


def _marked_lazy(lines: list[str], node: ast.stmt) -> bool:
    """A `lazy:` comment on the import's line, or above it across comments, blank lines and
    the imports of the same block."""
    if "lazy:" in lines[node.lineno - 1]:
        return True
    row = node.lineno - 2
    while row >= 0:
        text = lines[row].strip()
        if "# lazy:" in text:
            return True
        if not (text == "" or text.startswith(("#", "from ", "import ", ")")) or text.endswith(",")):
            return False
        row -= 1
    return False


def _lazy_problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    problems = []
    for node in _imports_in_functions(ast.parse(text)):
        where = f"{_name(path)}:{node.lineno}"
        if not _marked_lazy(lines, node):
            problems.append(f"{where}: an import inside a function without a `lazy:` comment")
        for module in _imported(node):
            if not any(module == allowed or module.startswith(allowed + ".") for allowed in LAZY_BOUNDARY):
                problems.append(f"{where}: {module} is imported inside a function, outside the boundary")
    return problems


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_imports_inside_functions_are_only_at_the_boundary(path: Path) -> None:
    assert _lazy_problems(path) == []


def test_the_import_rule_can_fail() -> None:
    text = (
        '"""A module."""\n\n\ndef f() -> None:\n    import json\n\n\ndef g() -> None:\n'
        "    # lazy: Rich\n    from rich.text import Text\n"
    )
    imports = _imports_in_functions(ast.parse(text))
    assert [_marked_lazy(text.splitlines(), node) for node in imports] == [False, True]

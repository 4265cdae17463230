#!/usr/bin/env python3
"""Keep the message catalogs up to date: extract, update, compile (Babel's three steps).

    python scripts/catalogs.py extract   # src -> src/ilotc/locale/ilotc.pot
    python scripts/catalogs.py update    # the template's new messages -> fr and es .po
    python scripts/catalogs.py compile   # every .po -> its .mo (committed; a test checks them)
    python scripts/catalogs.py all       # the three, in order

`extract` is `pybabel extract -F babel.cfg` with ilotc's keywords, plus what pybabel cannot
see: the help of each command (its function's docstring) and of each option, as Click shows
them. `update` and `compile` do what `pybabel update` and `pybabel compile` do. The
messages are then translated by hand in the .po files (see README, "Languages").
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from importlib.metadata import version
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "ilotc"
LOCALE = SOURCE / "locale"
TEMPLATE = LOCALE / "ilotc.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
TRANSLATED = ("fr", "es")


def po_path(lang: str) -> Path:
    """Where the catalog of one language lives (its .mo sits beside it)."""
    return LOCALE / lang / "LC_MESSAGES" / "ilotc.po"


def help_texts() -> list[tuple[str, str]]:
    """(where, text) for the help of the group, each command and each of their options."""
    sys.path.insert(0, str(ROOT / "src"))
    from typer.main import get_command  # noqa: PLC0415

    from ilotc.cli.commands import COMMANDS  # noqa: PLC0415
    from ilotc.cli.main import app, command  # noqa: PLC0415

    found: list[tuple[str, str]] = []
    for name, built in [("ilotc", get_command(app)), *((n, command(n)) for n in COMMANDS)]:
        for item in [built, *built.params]:
            if item.help:
                found.append((f"help:{name}", item.help))
    return found


def extract() -> Catalog:
    """The template: every message of the source and every help text."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    template = Catalog(
        project="ilotc",
        version=version("ilotc"),
        copyright_holder="ilotc developers",
        msgid_bugs_address="the ilotc issue tracker",
        charset="utf-8",
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for where, text in help_texts():
        template.add(text, None, [(where, 0)], auto_comments=["help text"])
    return template


def write_template(template: Catalog) -> None:
    """Write the template, without line numbers, and only when its messages changed (so its
    creation date, copied into each catalog, does not churn)."""
    text = io.BytesIO()
    write_po(text, template, width=100, include_lineno=False, omit_header=False, sort_output=True)
    if not TEMPLATE.exists() or _undated(TEMPLATE.read_bytes()) != _undated(text.getvalue()):
        TEMPLATE.write_bytes(text.getvalue())


def _undated(po: bytes) -> bytes:
    return re.sub(rb'"POT-Creation-Date: [^"]*"', b"", po)


def update(template: Catalog) -> None:
    """Merge the template into each language's catalog: new messages come in untranslated,
    gone ones are dropped, changed ones are marked fuzzy (to be checked by a translator)."""
    for lang in TRANSLATED:
        path = po_path(lang)
        with path.open("rb") as source:
            catalog = read_po(source, locale=lang)
        catalog.update(template)
        with path.open("wb") as out:
            write_po(out, catalog, width=100, include_lineno=False, ignore_obsolete=True, sort_output=True)


def compile_all() -> None:
    """Compile each .po into the .mo the package reads."""
    for lang in TRANSLATED:
        path = po_path(lang)
        with path.open("rb") as source:
            catalog = read_po(source, locale=lang)
        with path.with_suffix(".mo").open("wb") as out:
            write_mo(out, catalog, use_fuzzy=False)


def main() -> None:
    """Run the step named on the command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", choices=("extract", "update", "compile", "all"))
    step = parser.parse_args().step
    if step in ("extract", "all"):
        write_template(extract())
    if step in ("update", "all"):
        with TEMPLATE.open("rb") as source:
            update(read_po(source))
    if step in ("compile", "all"):
        compile_all()


if __name__ == "__main__":
    main()

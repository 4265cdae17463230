"""The catalogs against the glossary (docs/glossary.md): an ILO term says the same everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from ilotc.i18n import LOCALE_DIR

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"
COLUMN = {"fr": 1, "es": 2}
# What a message quotes from the command line is not a term: placeholders, quoted text,
# an option's value, and the lines of examples.
_NOT_TERMS = re.compile(
    r"\{[^}]*\}|'[^'\n]*'|«[^»]*»|`[^`]*`|--[a-z-]+(?: [a-z_]+)?|^.*\bilotc [a-z].*$", re.MULTILINE
)


def glossary() -> list[list[str]]:
    """The rows of the glossary's table: English, French, Spanish, note."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 4 and cells[0] not in ("English", "---"):
            rows.append(cells)
    return rows


def _uses(term: str, text: str) -> bool:
    flags = 0 if term.isupper() else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", _NOT_TERMS.sub(" ", text), flags) is not None


def _says(translation: str, text: str) -> bool:
    """Whether `text` says one of the forms of `translation` (a plural or feminine ending allowed)."""
    for form in translation.split(" / "):
        flags = 0 if form.isupper() else re.IGNORECASE
        if re.search(rf"(?<!\w){re.escape(form)}\w{{0,2}}(?!\w)", text, flags):
            return True
    return False


def test_the_glossary_has_the_terms_the_issue_names() -> None:
    english = {row[0] for row in glossary()}
    assert {"Governing Body", "occurrence", "reading", "not started", "cancelled", "FOR DECISION"} <= english


def test_a_term_found_in_a_message_is_found() -> None:
    assert _uses("cancelled", "{count} have been cancelled")
    assert not _uses("planned", "ilotc list --status planned")
    assert not _uses("reading", "now {reading} (was {old})")
    assert not _uses("FOR DECISION", "Point for decision")
    assert _says("annulée / annulation", "3 actions annulées")
    assert not _says("annulée", "3 actions annulant")


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_glossary_term_has_its_translation(lang: str) -> None:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "ilotc.po").open("rb") as source:
        catalog = read_po(source, locale=lang)
    wrong = []
    for row in glossary():
        term, translation = row[0], row[COLUMN[lang]]
        for message in catalog:
            if not message.id:
                continue
            ids = (message.id,) if isinstance(message.id, str) else message.id
            strings = (message.string,) if isinstance(message.string, str) else message.string
            if any(_uses(term, text) for text in ids) and not all(_says(translation, s) for s in strings):
                wrong.append(f"{term} -> {translation}: {strings[-1]}")
    assert wrong == []


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_one_apostrophe_and_one_quotation_mark_per_language(lang: str) -> None:
    """The glossary's typography: ’ for an apostrophe, « » for quotes (a shell command keeps
    its own quotes: pip install 'ilotc[pdf]'); `{value!r}` is quoted by ilotc.i18n the same way."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "ilotc.po").open("rb") as source:
        catalog = read_po(source, locale=lang)
    wrong = []
    for message in catalog:
        for text in (message.string,) if isinstance(message.string, str) else message.string:
            prose = re.sub(r"install '[^']*'|\"[^\"]*\"", "", text or "")
            if re.search(r"\w'\w|(?<![\w{])'[^'\n]+'", prose):
                wrong.append(text)
    assert wrong == []

"""The message catalogs: current with the source, complete, consistent, and compiled.

What `msgfmt --check` does for C programs, for ilotc's `str.format` messages: a message
without a French or Spanish translation, a translation whose placeholders differ from the
English, a template that misses a message of the source, or a .mo older than its .po
fails here. docs/languages.md says how to put each right.
"""

from __future__ import annotations

import importlib.util
import io
import re
import string
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ilotc.i18n import LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parent.parent
LANGS = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "scripts" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=locale)


def _keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def _po(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "ilotc.po"


def _fields(text: str) -> set[str]:
    """The names of a message's `{placeholders}` (conversions such as !r aside)."""
    return {name.split("!")[0] for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _translated(lang: str) -> list[Message]:
    return [message for message in _read(_po(lang), lang) if message.id]


def test_the_interface_languages_are_the_source_and_the_catalogs_present() -> None:
    catalogs = {path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/ilotc.po")}
    assert LANGUAGES[0] == SOURCE_LANGUAGE
    assert sorted(LANGUAGES[1:]) == sorted(catalogs)


def test_the_template_has_every_message_of_the_source() -> None:
    """Run `python scripts/catalogs.py all` after adding or changing a message."""
    extracted = _keys(_script().extract())
    committed = _keys(_read(LOCALE_DIR / "ilotc.pot"))
    assert extracted - committed == set(), "messages missing from ilotc.pot"
    assert committed - extracted == set(), "messages in ilotc.pot that the source no longer has"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang: str) -> None:
    template = _keys(_read(LOCALE_DIR / "ilotc.pot"))
    messages = _translated(lang)
    assert (
        _keys(Catalog(locale=lang))
        | {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in messages}
        >= template
    )
    untranslated = [
        m.id
        for m in messages
        if "fuzzy" in m.flags or not all(m.string if isinstance(m.string, tuple) else (m.string,))
    ]
    assert untranslated == []


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for message in _translated(lang):
        if isinstance(message.id, str):
            assert isinstance(message.string, str)
            if _fields(message.string) != _fields(message.id):
                wrong.append((message.id, message.string))
        else:
            singular, plural = message.id
            forms = message.string
            allowed = _fields(singular) | _fields(plural)
            if _fields(forms[-1]) != _fields(plural) or any(not _fields(form) <= allowed for form in forms):
                wrong.append((plural, forms))
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_babels_own_checks_pass(lang: str) -> None:
    assert list(_read(_po(lang), lang).check()) == []


def test_french_typography() -> None:
    """A non-breaking space (never an ordinary one) before : ; ? ! and inside « » (literal
    examples in straight quotes, typed as they are on a command line, aside, and the signs of a
    legend, listed after a comma: "| mois de référence, ! calendrier en retard")."""
    wrong = []
    for message in _translated("fr"):
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            prose = re.sub(r'"[^"]*"', "", text)
            if re.search(r"(?<!,) [:;?!]|«(?!\u00a0)|(?<!\u00a0)»", prose):
                wrong.append(text)
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogs_are_current(lang: str) -> None:
    """The .mo beside each .po is what `python scripts/catalogs.py compile` makes of it."""
    compiled = io.BytesIO()
    write_mo(compiled, _read(_po(lang), lang), use_fuzzy=False)
    assert _po(lang).with_suffix(".mo").read_bytes() == compiled.getvalue()

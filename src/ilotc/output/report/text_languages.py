"""The HTML report's plan texts marked with their language: `<span lang="fr">` around each.

The page says its language (`<html lang=...>`, the interface language). A text of the plan
shown in the original (no version in the page's language: see model/translations.py) is in
the plan's own language, and says so, for screen readers, hyphenation and spell-checkers
(WCAG 3.1.2, language of parts). Texts stand in the page within sentences ("III.1d.1 : TEXT —
TIMELINE"), so each is found in the rendered page, outside the charts, and wrapped where it
stands.
"""

import re

from ilotc.model.plan import Action, Document
from ilotc.model.translations import ACTION_FIELDS, DOCUMENT_FIELDS, texts_in
from ilotc.output.text import html_value
from ilotc.report.progress import Report

_NOT_TEXT = re.compile(r"(<head\b.*?</head>|<svg\b.*?</svg>|<style\b.*?</style>)", re.DOTALL)


def original_texts(actions: "list[Action]", document: Document, page: str) -> set[str]:
    """The texts shown in the original language, on a page in language `page`."""
    texts: set[str | None] = set()
    for action in actions:
        given = texts_in(action.translations, page)
        texts.update(getattr(action, field) for field in ACTION_FIELDS if field not in given)
    given = texts_in(document.translations, page)
    texts.update(getattr(document, field) for field in DOCUMENT_FIELDS if field not in given)
    return {text for text in texts if text}


def mark_languages(page: str, report: Report, lang: str) -> str:
    """`page` (the rendered report, in `lang`) with each plan text shown in the original
    wrapped in a span saying the plan's language; as it is when the plan does not state its
    language or states `lang`."""
    original = report.document.language
    if original is None or original == lang:
        return page
    texts = original_texts([entry.action for entry in report.annex], report.document, lang)
    escaped = sorted({str(html_value(text)) for text in texts}, key=len, reverse=True)
    if not escaped:
        return page
    # one pass, longest first: a title inside a longer text is not wrapped twice
    found = re.compile("|".join(re.escape(text) for text in escaped))
    pieces = _NOT_TEXT.split(page)
    for index in range(0, len(pieces), 2):  # the odd pieces are the head, charts and styles
        pieces[index] = found.sub(
            lambda match: f'<span lang="{original}">{match.group()}</span>', pieces[index]
        )
    return "".join(pieces)

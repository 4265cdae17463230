"""A plan's texts in other languages: which version people read in the interface language.

A plan file may give any of its texts in other languages beside the original (a `translations:`
map on an action, issue, section, group, part or the document; see docs/writing-a-plan.md).
Here an action, its place's titles and the document are put in the interface language where
the file gives that version, else left in the original. Only what people read changes:
schedules, statuses and lateness were read from the original timeline when the plan was built,
and machine outputs (JSON, CSV) keep the original texts.
"""

from collections.abc import Iterable
from typing import Any, NamedTuple

from ilotc.model.plan import Action, Document, Plan
from ilotc.model.registry import Registry

Translations = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
"""Texts in other languages: (language, ((field, text), ...)) for each language given."""

ACTION_FIELDS = ("text", "timeline", "part_title", "section_title", "issue_title", "group_title", "context")
"""The fields of an action people read, each of which a translation may give."""

DOCUMENT_FIELDS = ("title", "committee", "place")
"""The fields of a document people read, each of which a translation may give."""

PARTNER_FIELDS = ("name", "short_name")
"""The fields of a partner people read, each of which a translation may give."""


def texts_in(translations: Translations, lang: str) -> dict[str, str]:
    """The texts `translations` gives in `lang`, by field ({} when none)."""
    for language, texts in translations:
        if language == lang:
            return dict(texts)
    return {}


class Localised(NamedTuple):
    """A plan as people read it in one language, and whether some text stayed in the original."""

    plan: Plan
    original_shown: bool  # some text is shown in the plan's own language, untranslated


def localise_action(action: Action, lang: str) -> tuple[Action, bool]:
    """`action` with the texts the file gives in `lang`, and whether its own text (the action's
    text) stayed in the original; its schedules and status are the original's."""
    texts = texts_in(action.translations, lang)
    if not texts:
        return action, True
    changed: dict[str, Any] = {field: texts[field] for field in ACTION_FIELDS if field in texts}
    return action._replace(**changed), "text" not in texts


def localise_document(document: Document, lang: str) -> Document:
    """`document` with the title, committee and place the file gives in `lang`."""
    texts = texts_in(document.translations, lang)
    changed: dict[str, Any] = {field: texts[field] for field in DOCUMENT_FIELDS if field in texts}
    return document._replace(**changed) if changed else document


def localise(plan: Plan, lang: str) -> Localised:
    """`plan` as people read it in `lang`. A plan whose own language is `lang` is left as it
    is; so is a plan that gives no translation at all (nothing to say about it)."""
    if plan.document.language == lang:
        return Localised(plan, False)
    actions, untranslated = _localised_actions(plan.actions, lang)
    part_titles = dict(plan.part_titles)
    for action in actions:
        part_titles[action.part] = action.part_title
    document = localise_document(plan.document, lang)
    localised = Plan(document, part_titles, tuple(actions), name=plan.name)
    return Localised(localised, untranslated and plan.document.language is not None)


def _localised_actions(actions: Iterable[Action], lang: str) -> tuple[list[Action], bool]:
    shown, untranslated = [], False
    for action in actions:
        localised, original = localise_action(action, lang)
        shown.append(localised)
        untranslated = untranslated or original
    return shown, untranslated


def localise_actions(
    actions: Iterable[Action], lang: str, plan_language: str | None
) -> tuple[list[Action], bool]:
    """Actions as people read them in `lang` (see `localise`), and whether some text stayed in
    the original, `plan_language` (None when the plan does not say its language)."""
    if plan_language == lang:
        return list(actions), False
    shown, untranslated = _localised_actions(actions, lang)
    return shown, untranslated and plan_language is not None


def localise_registry(registry: Registry, lang: str) -> Registry:
    """`registry` with the partners' names the file gives in `lang` (ids stay as they are)."""
    partners = []
    for partner in registry.partners:
        texts = texts_in(partner.translations, lang)
        changed: dict[str, Any] = {field: texts[field] for field in PARTNER_FIELDS if field in texts}
        partners.append(partner._replace(**changed) if changed else partner)
    return Registry(registry.programmes, tuple(partners))

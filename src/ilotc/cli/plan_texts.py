"""The plan's texts in the interface language for people: a translation where the plan gives one.

Tables, Markdown listings, `show` and the report show an action's text, timeline and titles in
the interface language where the plan file gives that version (`translations:`), else in the
original, and then say so once ("(original in French)"). JSON and CSV keep the original texts,
and lateness is always judged before any text is changed.
"""

from collections.abc import Iterable

from ilotc import i18n
from ilotc.i18n import _
from ilotc.model.plan import Action, Plan
from ilotc.model.registry import Registry
from ilotc.model.translations import localise, localise_actions, localise_registry

HUMAN_FORMATS = frozenset({"table", "markdown"})
"""The listing formats people read (the others are for machines and keep the original)."""


def original_note(plan_language: str | None) -> str:
    """'(original in French)': some texts are shown in the plan's own language."""
    return _("(original in {language})").format(language=i18n.language_name(plan_language or ""))


def actions_for(actions: Iterable[Action], plan: Plan, fmt: str) -> tuple[list[Action], str | None]:
    """The actions as people read them in the interface language when `fmt` is for people
    (else as they are), and the note to give once when some text stayed in the original.
    A table of a plan that gives no translation at all says nothing (its notes on stderr
    stay as scripts know them); the report says it in its header whatever the plan."""
    if fmt not in HUMAN_FORMATS:
        return list(actions), None
    language = plan.document.language
    shown, untranslated = localise_actions(actions, i18n.language(), language)
    multilingual = any(action.translations for action in plan.actions)
    return shown, original_note(language) if untranslated and multilingual else None


def plan_for(plan: Plan) -> Plan:
    """The plan as people read it in the interface language (the report): where some text
    stays in the original, its document says so once, in the report's header, as a UN
    paper's cover says "Original: French"."""
    localised = localise(plan, i18n.language())
    if not localised.original_shown:
        return localised.plan
    document = localised.plan.document._replace(original=original_note(plan.document.language))
    return Plan(document, localised.plan.part_titles, localised.plan.actions, name=plan.name)


def registry_for(registry: Registry, fmt: str = "table") -> Registry:
    """The partner registry with its names in the interface language where it gives them,
    when `fmt` is for people (else as it is)."""
    return localise_registry(registry, i18n.language()) if fmt in HUMAN_FORMATS else registry

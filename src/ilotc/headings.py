"""How a plan's own metadata is worded where a document names it: headers, ordinals, titles.

Nothing here assumes GB.276/TC/2: a line is made only of what the plan's `document` states.
Labels ("session") are English for now; the interface language will choose them later
(CONTRACT, "Languages"), and `ordinal` already follows the language it is given.
"""

from ilotc.output.text import number as output_number
from ilotc.plan import Document

SEPARATOR = " · "


def ordinal(number: int, lang: str = "en") -> str:
    """A number as an ordinal: 1st, 2nd, 3rd, 11th, 21st (en); 1re, 2e (fr, feminine as
    "session"); 1.ª, 276.ª (es, feminine as "reunión")."""
    digits = output_number(number)  # a number too long for decimal is shown in hexadecimal
    if lang == "fr":
        return f"{digits}re" if number == 1 else f"{digits}e"
    if lang == "es":
        return f"{digits}.ª"
    if number % 100 in (11, 12, 13):
        return f"{digits}th"
    return f"{digits}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def session_words(document: Document, lang: str = "en") -> str | None:
    """ "Conseil d'administration, 276th session", "3rd session", the body alone, or None."""
    session = f"{ordinal(document.session, lang)} session" if document.session is not None else None
    return ", ".join(part for part in (document.body, session) if part) or None


def header_line(document: Document, name: str) -> str:
    """The line above a report's title: committee, body and session, and the plan's name,
    each where the plan states it (the organisation where it states no committee)."""
    parts = [document.committee or document.organisation, session_words(document), name]
    return SEPARATOR.join(part for part in parts if part)


def short_title(document: Document, name: str, limit: int = 60) -> str:
    """The plan's name and the title's last clause, e.g. 'GB.276/TC/2 — Plan de mise en œuvre'."""
    clause = " ".join(document.title.rsplit(": ", 1)[-1].split())
    if len(clause) > limit:
        clause = clause[: limit - 1].rstrip() + "…"
    return clause if clause == name else f"{name} — {clause}"

"""The progress report's own identity: symbol, body, session, place, date, committee, purpose.

A progress report is a paper of its own, not the plan it reports on: it has its own symbol,
session, date, committee, agenda item and purpose, and a decision text in each language. The
plan's `report:` block states them, and `ilotc report --symbol --session --date --purpose`
overrides them. A text may be one string for every language, or one per language.
"""

from typing import NamedTuple

LocalText = str | tuple[tuple[str, str], ...]
"""A text for every language, or one per language as (language, text) pairs."""

PURPOSES = ("decision", "discussion", "information")
"""What the paper is for: the Governing Body's FOR DECISION, FOR DISCUSSION AND GUIDANCE and
FOR INFORMATION."""


class ReportIdentity(NamedTuple):
    """Who the report is, as its cover states it; None where the plan and the options say nothing."""

    symbol: str | None = None
    body: LocalText | None = None
    session: int | None = None
    place: LocalText | None = None
    date: str | None = None  # YYYY-MM or YYYY-MM-DD
    committee: LocalText | None = None
    agenda_item: LocalText | None = None
    purpose: str | None = None  # one of PURPOSES
    decision: LocalText | None = None

    def overridden(
        self,
        *,
        symbol: str | None = None,
        session: int | None = None,
        date: str | None = None,
        purpose: str | None = None,
    ) -> "ReportIdentity":
        """This identity with what the command line gives in place of the plan's."""
        return self._replace(
            symbol=symbol if symbol is not None else self.symbol,
            session=session if session is not None else self.session,
            date=date if date is not None else self.date,
            purpose=purpose if purpose is not None else self.purpose,
        )


def in_language(text: LocalText | None, lang: str) -> str | None:
    """`text` in `lang`: the one string, else the language's own, else English, else the first."""
    if text is None or isinstance(text, str):
        return text
    found = dict(text)
    if lang in found:
        return found[lang]
    return found.get("en") or (text[0][1] if text else None)

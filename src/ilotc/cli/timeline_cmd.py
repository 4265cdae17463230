"""`ilotc timeline PHRASE`: how a timeline phrase is read."""

from enum import StrEnum
from typing import Annotated

import typer

from ilotc.cli.output import format_choice, write_document
from ilotc.output.reading import READING_FORMATS
from ilotc.timeline import read_timeline


class PhraseLang(StrEnum):
    """Languages the timeline reader knows."""

    FR = "fr"
    EN = "en"
    ES = "es"


def timeline(
    phrase: Annotated[
        str,
        typer.Argument(
            help='The timeline phrase, e.g. "Achevée en avril 2000" (quote it; put -- before a '
            'phrase that starts with "-").',
            metavar="PHRASE",
            show_default=False,
        ),
    ],
    phrase_lang: Annotated[
        PhraseLang | None,
        typer.Option(
            "--phrase-lang",
            help="Read the phrase as French, English or Spanish [default: detect from its words].",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format.", click_type=format_choice(READING_FORMATS)),
    ] = "text",
) -> None:
    """Show how a timeline phrase is read: its kind and dates, one line per schedule.

    A phrase copied from a table cell may start with "-": write it after --, as in
    ilotc timeline -- "- Juin 2015 : rapport".
    """
    # Bytes that were not valid text on the command line become U+FFFD, so output never fails.
    text = phrase.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    reading = read_timeline(text, phrase_lang.value if phrase_lang else None)
    writer = READING_FORMATS[output]
    write_document(writer.render(reading), markup=writer.markup)

"""`ilotc timeline PHRASE`: how a timeline phrase is read."""

from typing import Annotated

import typer
from typer._types import TyperChoice

from ilotc.cli.output import format_choice, write_document
from ilotc.output.reading import READING_FORMATS
from ilotc.timeline import LANGUAGES, read_timeline


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
        str | None,
        typer.Option(
            "--phrase-lang",
            help="Read the phrase in this language [default: detect it from its words].",
            # the choices are the timeline grammars (`ilotc.timeline.LANGUAGES`), never a copy
            click_type=TyperChoice(list(LANGUAGES), case_sensitive=False),
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
    reading = read_timeline(text, phrase_lang)
    writer = READING_FORMATS[output]
    write_document(writer.render(reading), markup=writer.markup)

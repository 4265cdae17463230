"""`ilotc timeline PHRASE`: how a timeline phrase is read."""

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ilotc.cli.common import escape, stdout, write_out
from ilotc.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from ilotc.schedule import Reading


class PhraseLang(StrEnum):
    """Languages the timeline reader knows."""

    FR = "fr"
    EN = "en"
    ES = "es"


class TimelineFormat(StrEnum):
    """Output formats of `ilotc timeline`."""

    TEXT = "text"
    JSON = "json"


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
        TimelineFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = TimelineFormat.TEXT,
) -> None:
    """Show how a timeline phrase is read: its kind and dates, one line per schedule.

    A phrase copied from a table cell may start with "-": write it after --, as in
    ilotc timeline -- "- Juin 2015 : rapport".
    """
    from ilotc.timeline import read_timeline  # noqa: PLC0415

    # Bytes that were not valid text on the command line become U+FFFD, so output never fails.
    text = phrase.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    reading = read_timeline(text, phrase_lang.value if phrase_lang else None)
    if output is TimelineFormat.JSON:
        write_out(json.dumps(reading.to_json(), ensure_ascii=False) + "\n")
    else:
        print_reading(reading, stdout(soft_wrap=True))


def print_reading(reading: "Reading", console: "Console") -> None:
    """The text form: the phrase, its language, one line per schedule, and any reason."""
    console.print(_("Phrase:   {phrase}").format(phrase=escape(reading.text, multiline=False)))
    console.print(_("Language: {lang}").format(lang=reading.lang))
    for schedule in reading.schedules:
        label = f" ({escape(schedule.label, multiline=False)})" if schedule.label else ""
        console.print(f"  - {escape(schedule.describe(), multiline=False)}{label}")
    if reading.reason is not None:
        heading = _("Note:   {reason}") if reading.readable else _("Reason:   {reason}")
        console.print(heading.format(reason=escape(reading.reason, multiline=False)))

"""`ilotc timeline PHRASE`: how a timeline phrase is read."""

import os
from pathlib import Path
from typing import Annotated

import typer
from typer._types import TyperChoice

from ilotc.cli.common import PlanOption, data_options, fail, load_data
from ilotc.cli.output import format_choice, write_document
from ilotc.i18n import _
from ilotc.output.reading import READING_FORMATS
from ilotc.timeline import LANGUAGES, ReadingSettings, read_as


def timeline(
    ctx: typer.Context,
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
            help="Read the phrase in this language [default: the plan's language with --plan, else "
            "detect it from its words].",
            # the choices are the timeline grammars (`ilotc.timeline.LANGUAGES`), never a copy
            click_type=TyperChoice(list(LANGUAGES), case_sensitive=False),
            show_default=False,
        ),
    ] = None,
    day_first: Annotated[
        bool | None,
        typer.Option(
            "--day-first/--month-first",
            help="Numeric dates are written day first (31/01/2019) or month first (01/31/2019) "
            "[default: the plan's day_first with --plan, else the language's convention].",
            show_default=False,
        ),
    ] = None,
    fiscal_year_start: Annotated[
        int | None,
        typer.Option(
            "--fiscal-year-start",
            help="The month (1-12) a fiscal year starts in, for 'FY2019-20' [default: the "
            "plan's fiscal_year_start with --plan, else none: such a phrase is unspecified].",
            min=1,
            max=12,
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = None,
    output: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format.", click_type=format_choice(READING_FORMATS)),
    ] = "text",
) -> None:
    """Show how a timeline phrase is read: its kind and dates, one line per schedule.

    With --plan (or ILOTC_PLAN), the phrase is read as that plan reads its timelines (its
    language, day_first and fiscal_year_start); the options given here win. The bundled plan
    never steers it.

    A phrase copied from a table cell may start with "-": write it after --, as in
    ilotc timeline -- "- Juin 2015 : rapport".
    """
    # Bytes that were not valid text on the command line become U+FFFD, so output never fails.
    text = phrase.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    stated = _plan_settings(ctx, plan)
    settings = ReadingSettings(
        phrase_lang or stated.lang,
        stated.day_first if day_first is None else day_first,
        stated.fiscal_year_start if fiscal_year_start is None else fiscal_year_start,
    )
    reading = read_as(text, settings)
    writer = READING_FORMATS[output]
    write_document(writer.render(reading), markup=writer.markup)


def _plan_settings(ctx: typer.Context, plan: list[Path] | None) -> ReadingSettings:
    """The reading settings of the plan named on the command line or in ILOTC_PLAN (never the
    bundled plan's); several plans must agree."""
    named, _partners = data_options(ctx, plan, None)
    if not named and not os.environ.get("ILOTC_PLAN"):
        return ReadingSettings()
    data = load_data(ctx, named, None)
    documents = [used.plan.document for used in data.plans] or [data.plan.document]
    found = {ReadingSettings(d.language, d.day_first, d.fiscal_year_start) for d in documents}
    if len(found) > 1:
        fail(_("the plans in use read their timelines differently; name one with --plan"))
    return found.pop()

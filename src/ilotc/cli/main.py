"""The `ilotc` command: global options, the commands, and a last-resort guard."""

import sys
from typing import Annotated

import typer

from ilotc import __version__
from ilotc.cli import common
from ilotc.cli.common import EXIT_PROBLEMS, PartnersOption, PlanOption
from ilotc.cli.export_cmd import export
from ilotc.cli.list_cmd import list_actions, show
from ilotc.cli.partners_cmd import partners_command
from ilotc.cli.report_cmd import report
from ilotc.cli.schedule_cmd import overdue, upcoming
from ilotc.cli.timeline_cmd import timeline
from ilotc.cli.update_cmd import update
from ilotc.cli.validate_cmd import schema, validate

app = typer.Typer(
    name="ilotc",
    help=(
        "Check, query and report on the ILO's technical cooperation implementation plan "
        "(GB.276/TC/2) and the HIMO programme's partner registry."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ilotc {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    plan: PlanOption = None,
    partners: PartnersOption = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Validate the files again instead of reusing what was validated before "
            "[env: ILOTC_NO_CACHE=1].",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Options given here apply to every command; they may also follow the command name."""
    ctx.obj = {"plan": plan, "partners": partners, "no_cache": no_cache}


app.command("list")(list_actions)
app.command("show")(show)
app.command("overdue")(overdue)
app.command("upcoming")(upcoming)
app.command("update")(update)
app.command("partners")(partners_command)
app.command("report")(report)
app.command("export")(export)
app.command("validate")(validate)
app.command("schema")(schema)


app.command("timeline")(timeline)


def run() -> None:
    """The console script: run the app; never show a Python traceback."""
    common.ONE_SHOT = True
    try:
        _run()
    finally:
        common.ONE_SHOT = False


def _run() -> None:
    try:
        app()
    except BrokenPipeError:
        # the reader (e.g. `head`) went away; nothing left to say
        sys.stderr.close()
        raise SystemExit(0) from None
    except KeyboardInterrupt:
        sys.stderr.write("ilotc: interrupted\n")
        raise SystemExit(130) from None
    except Exception as error:  # the last resort: a bug, reported in one line
        sys.stderr.write(
            f"ilotc: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in ilotc; please report it with the command you ran.\n"
        )
        raise SystemExit(EXIT_PROBLEMS) from None

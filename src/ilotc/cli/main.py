"""The `ilotc` command: global options, the commands, and a last-resort guard."""

import contextlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.exceptions import ClickException
from typer._click.utils import make_default_short_help
from typer._types import TyperChoice as Choice
from typer.core import TyperGroup

from ilotc import __version__, i18n
from ilotc.cli import common
from ilotc.cli.commands import COMMANDS, CommandTable, command_doc, command_function
from ilotc.cli.common import EXIT_PROBLEMS, EXIT_USAGE, PartnersOption, PlanOption
from ilotc.cli.process import one_shot
from ilotc.cli.streams import ClosedStream, cannot_write, flush_stdout, is_output_error, reader_gone
from ilotc.cli.translated import (
    LANG_HELP,
    TranslatedCommand,
    TranslatedHelp,
    choose_language,
    command_help,
    early_language,
    lang_option,
    translate_error,
)
from ilotc.i18n import N_, _
from ilotc.output.text import line

if TYPE_CHECKING:
    # Typer carries its own copy of Click; its group and command types are these.
    from typer._click import Command, Context


class LazyCommands(TranslatedHelp, TyperGroup):
    """The `ilotc` group, over a CommandTable: Typer and Click see every command's name (for
    help, suggestions and dispatch), and only the command that runs is built."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = CommandTable(command)

    def list_commands(self, ctx: "Context") -> list[str]:
        return list(self.commands)  # the names, without building each command

    def _main_shell_completion(
        self, ctx_args: "MutableMapping[str, Any]", prog_name: str, complete_var: str | None = None
    ) -> None:
        # Click 8 documents `_ILOTC_COMPLETE=bash_source`; Typer reads `source_bash`. Take both.
        variable = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        shell, _, action = os.environ.get(variable, "").partition("_")
        if shell in COMPLETION_SHELLS and action in ("source", "complete"):
            os.environ[variable] = f"{action}_{shell}"
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

    # Click turns a broken pipe into exit 1, CONTRACT's status for problems in the data.
    # ilotc's own output outlives its reader (common.write_out, common.stdout) and the command
    # ends with its own status; what Click prints itself (help) ends here, with success.
    # Usage errors are shown in the interface language (translated.translate_error).
    def parse_args(self, ctx: "Context", args: list[str]) -> list[str]:
        i18n.use(None)  # each run chooses its language afresh (--lang, else the environment)
        early_language(args)
        with _click_errors():
            return super().parse_args(ctx, global_flags_first(args))

    def invoke(self, ctx: "Context") -> Any:
        with _click_errors():
            return super().invoke(ctx)

    def format_commands(self, ctx: "Context", formatter: Any) -> None:
        # Click cuts each description to fit one line of the help's width, with "..." (at
        # 80 columns when piped); the formatter wraps a whole one on lines of its own instead.
        # A command not built yet is listed from its docstring, read without importing its
        # module (`command_doc`): `ilotc --help` imports no command, so neither PyYAML nor Pydantic.
        rows = []
        for name in self.list_commands(ctx):
            built = self.commands.built(name) if isinstance(self.commands, CommandTable) else None
            if built is None and name in COMMANDS:
                rows.append((name, make_default_short_help(_(command_doc(name)), HELP_MAX_WIDTH * 4)))
                continue
            built = built or self.commands[name]
            if built.hidden:
                continue
            command_help(built, ctx)
            rows.append((name, built.get_short_help_str(limit=HELP_MAX_WIDTH * 4)))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


@contextlib.contextmanager
def _click_errors() -> "Iterator[None]":
    """A reader gone away ends the command with success; a usage error speaks the interface
    language (see LazyCommands)."""
    try:
        yield
    except BrokenPipeError:
        reader_gone()
        raise typer.Exit(0) from None
    except ClickException as error:
        translate_error(error)
        raise


COMPLETION_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
HELP_MAX_WIDTH = 200
"""The widest `--help` gets on a wide terminal (it follows the terminal's width up to this)."""


GLOBAL_FLAGS = ("--no-cache",)
"""Global options without a value that no command has itself: moved before the command
name when given after it (--plan and --partners are each command's own options too)."""


def global_flags_first(args: list[str]) -> list[str]:
    """The arguments with GLOBAL_FLAGS given after the command name moved before it; what
    follows `--` is left alone."""
    end = args.index("--") if "--" in args else len(args)
    flags = [arg for arg in args[:end] if arg in GLOBAL_FLAGS]
    if not flags:
        return args
    return flags + [arg for arg in args[:end] if arg not in GLOBAL_FLAGS] + args[end:]


def command(name: str) -> "Command":
    """The Click command for one of ilotc's commands, built from its function, with the
    global `--lang` (which replaces any `--lang` of the command's own)."""
    single = typer.Typer(add_completion=False, rich_markup_mode=None)
    single.command(name, cls=TranslatedCommand)(command_function(name))
    built = typer.main.get_command(single)
    built.params = [param for param in built.params if "--lang" not in param.opts]
    built.params.append(lang_option())
    return built


app = typer.Typer(
    cls=LazyCommands,
    name="ilotc",
    help=N_(
        "Check, query and report on implementation plans and their partner registries: the "
        "ILO's GB.276/TC/2 and the HIMO programme's partners are bundled; 'ilotc init' starts "
        "a plan of your own."
    ),
    no_args_is_help=True,
    # --install-completion / --show-completion, and the _ILOTC_COMPLETE protocol: Typer
    # imports its completion module anyway, so this costs a tenth of a millisecond.
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # help as wide as the terminal (Click caps it at 80 columns by default)
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": HELP_MAX_WIDTH},
)


def _version(value: bool) -> None:
    if value:
        common.write_out(f"ilotc {__version__}\n")
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
            help=N_(
                "Validate the files again instead of reusing what was validated before "
                "[env: ILOTC_NO_CACHE=1]."
            ),
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=N_("Print the version and exit.")),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help=LANG_HELP,
            click_type=Choice(i18n.LANGUAGES, case_sensitive=False),
            is_eager=True,
            callback=choose_language,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Options given here apply to every command; they may also follow the command name."""
    if lang is None and i18n.chosen() is None:  # no --lang on either side of the command
        try:
            i18n.use(i18n.resolve(None, os.environ))
        except i18n.UnknownLanguageError as error:
            common.fail(common.unknown_language(error))
    ctx.obj = {"plan": plan, "partners": partners, "no_cache": no_cache}


def run() -> None:
    """Run the app once in this process (the console script, `ilotc.cli.run`, calls this);
    never show a Python traceback."""
    # Python gives a process started with stdout or stderr closed (`>&-`) None for it: output
    # then fails with a one-line message (exit 2); messages to a closed stderr are dropped.
    if sys.stdout is None:
        sys.stdout = ClosedStream()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - open until the process ends
    # A stream whose encoding cannot hold every character (cp1252 on a Windows pipe, or
    # PYTHONIOENCODING=ascii) shows the others escaped, never a crash; and never dropped
    # (`:ignore`), which could join what the guard against workflow commands kept apart.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    with one_shot():
        _run()


def _run() -> None:
    try:
        try:
            app()
        finally:  # a full disk shows at the last flush: say so here (the exit ignores it)
            flush_stdout()
    except BrokenPipeError:  # the reader (e.g. `head`) went away outside a command
        reader_gone()
        raise SystemExit(0) from None
    except KeyboardInterrupt:
        sys.stderr.write(_("ilotc: interrupted") + "\n")
        raise SystemExit(130) from None
    except Exception as error:  # the last resort: a bug, reported in one line
        if is_output_error(error):  # stdout closed or full (also under Click's own help)
            with contextlib.suppress(OSError):
                sys.stderr.write(cannot_write(error) + "\n")
            raise SystemExit(EXIT_USAGE) from None
        sys.stderr.write(
            _("ilotc: internal error: {error}").format(error=f"{type(error).__name__}: {line(str(error))}")
            + "\n"
            + _("This is a bug in ilotc; please report it with the command you ran.")
            + "\n"
        )
        raise SystemExit(EXIT_PROBLEMS) from None

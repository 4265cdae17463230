"""What every command shares: consoles, data options, loading, dates and problems.

Data is data: every value from a plan, a partner file, a file name or the command line reaches
the terminal through `escape` (Rich markup) or `note`, which show its control characters as
visible escapes (`ilotc.output.text`); messages are one line each, so no value can start a line
of its own (such as a forged `::error` workflow command). Consoles render no emoji codes.

Light on purpose: Rich and the data loading are imported when first used, so a command
starts by importing only what it needs.
"""

import datetime as dt
import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from typer._types import TyperChoice

from ilotc.cli.process import freeze_heap
from ilotc.cli.streams import HumanStream, fenced, human_stderr, human_stdout, output_error, reader_gone
from ilotc.i18n import LANGUAGES, N_, UnknownLanguageError, _, ngettext
from ilotc.model.dates import ACCEPTED_FORM, DateFormatError, PlanDate
from ilotc.output.listing import RENDERERS
from ilotc.output.problems import text_lines
from ilotc.output.table import plain
from ilotc.output.text import line, markup, no_commands
from ilotc.store.cache import default_store
from ilotc.store.loading import load_many
from ilotc.store.problems import DataFileError
from ilotc.store.sources import FileAccessError

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from ilotc.model.plan import Action
    from ilotc.output.table import TextTable
    from ilotc.store.loading import Dataset, PlanInUse
    from ilotc.store.problems import Problem

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


PlanOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--plan",
        help=N_(
            "Plan file, or a folder of plans, to use; repeatable [env: ILOTC_PLAN, a path list; "
            "default: the bundled GB.276/TC/2 plan]."
        ),
        show_default=False,
        dir_okay=True,
    ),
]
PartnersOption = Annotated[
    Path | None,
    typer.Option(
        "--partners",
        help=N_("Partner registry to use [env: ILOTC_PARTNERS; default: the bundled registry]."),
        show_default=False,
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help=N_("Output format."),
        click_type=TyperChoice(list(RENDERERS), case_sensitive=False),
    ),
]
"""A listing command's `--format`: the formats of `ilotc.output.listing.RENDERERS`."""
RawCsvOption = Annotated[
    bool,
    typer.Option(
        "--raw-csv",
        help=N_(
            "In CSV, write cells starting with = + - @ tab or CR as they are (by default they "
            "get a leading ' so a spreadsheet does not run them as formulas)."
        ),
    ),
]
BomOption = Annotated[
    bool,
    typer.Option(
        "--bom",
        help=N_(
            "In CSV, begin with a UTF-8 byte order mark, so Excel opened by double-click reads "
            "the accents right."
        ),
    ),
]
BOM = "\ufeff"
"""The UTF-8 byte order mark `--bom` puts before a CSV document."""


def write_out(text: str, *, verbatim: bool = False, annotations: bool = False) -> None:
    """Write text to stdout: human-readable text with no workflow command in it (see
    `ilotc.cli.streams`), a machine-readable document (`verbatim`) as it is, fenced from a CI
    runner where it holds a command (`streams.fenced`), but for the annotation writer's own
    (`annotations`); a reader that went away is not an error (see `reader_gone`), any other
    failure is an OutputError."""
    try:
        if verbatim:
            sys.stdout.write(text if annotations else fenced(text))
        else:
            HumanStream(sys.stdout).write(text)
    except BrokenPipeError:
        reader_gone()
    except OSError as error:
        raise output_error(error) from error


@functools.cache
def _result_console_class() -> "type[Console]":
    from rich.console import Console  # noqa: PLC0415 - lazy: Rich, where a console writes

    class ResultConsole(Console):
        """A console for results that outlives its reader (Rich's default exits 1)."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            reader_gone()

    return ResultConsole


def stdout(*, soft_wrap: bool = False) -> "Console":
    """The console for results (plain text when piped or when NO_COLOR is set)."""
    return _result_console_class()(file=human_stdout(), soft_wrap=soft_wrap, highlight=False, emoji=False)


def write_table(table: "TextTable") -> None:
    """Lay a table out for stdout's width (read as Rich reads it: COLUMNS, else the terminal
    of stdin, stdout or stderr, else 80) and write it a few hundred rows at a time; with
    colours where Rich would use them (a terminal, FORCE_COLOR; not with NO_COLOR or TERM=dumb,
    where Rich keeps bold and the like only)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower()
    if _uncoloured():  # a pipe or a file: no need for Rich's console (and its import)
        lines = table.lines(_terminal_width(), plain, ascii_only=not encoding.startswith("utf"))
    else:
        console = stdout()
        paint = _painter(console.color_system, no_color=console.no_color) if console.color_system else plain
        lines = table.lines(console.width, paint, ascii_only=not console.encoding.startswith("utf"))
    chunk: list[str] = []
    for rows in lines:
        chunk.append(rows)
        if len(chunk) == 512:
            write_out("".join(chunk))
            chunk.clear()
    write_out("".join(chunk))


def _uncoloured() -> bool:
    """True when Rich would write stdout without colour for certain: not a terminal, and no
    variable that forces one."""
    if any(os.environ.get(name) for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return not (isatty is not None and isatty())
    except ValueError:  # a closed stream
        return True


def _terminal_width() -> int:
    """COLUMNS, else the width of the terminal on stdin, stdout or stderr, else 80 (Rich's rule)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _painter(system: str, *, no_color: bool = False) -> "Callable[[str, str | None], str]":
    """A function wrapping text in a style's codes for this colour system; with `no_color`
    (NO_COLOR set), its attributes such as bold only, as Rich writes them."""
    from rich.color import ColorSystem  # noqa: PLC0415 - lazy: Rich, to paint a table on a terminal
    from rich.style import Style  # noqa: PLC0415 - lazy: Rich, as above

    colours = {"256": ColorSystem.EIGHT_BIT}.get(system) or ColorSystem[system.upper()]
    render = functools.lru_cache(maxsize=None)(
        lambda style: (
            (Style.parse(style).without_color if no_color else Style.parse(style))
            .render("\0", color_system=colours)
            .split("\0")
        )
    )

    def paint(text: str, style: str | None) -> str:
        if not style:
            return text
        before, after = render(style)
        return before + text + after

    return paint


def stderr() -> "Console":
    """The console for messages, warnings and problems."""
    from rich.console import Console  # noqa: PLC0415 - lazy: Rich, where a console writes

    return Console(file=human_stderr(), soft_wrap=True, highlight=False, emoji=False)


def note(message: str) -> None:
    """A one-line message on stderr, as written (what `stderr().print` shows of plain text),
    its control characters shown escaped."""
    sys.stderr.write(no_commands(line(message)) + "\n")


def escape(text: str, *, multiline: bool = True) -> str:
    """Text made safe to print as Rich markup: no markup of its own, control characters shown
    escaped (newlines too unless `multiline`)."""
    return markup(text, multiline=multiline)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print an error to stderr and exit with `code`."""
    stderr().print("[bold red]" + escape(_("Error:")) + f"[/] {escape(message, multiline=False)}")
    raise typer.Exit(code)


def unknown_language(error: UnknownLanguageError) -> str:
    """The message for a --lang or ILOTC_LANG that names no language of ilotc."""
    return _("{origin} {value!r} is not a language of ilotc: expected {choices}").format(
        origin=error.origin, value=error.value, choices=", ".join(LANGUAGES)
    )


def not_a_date(name: str, value: str) -> str:
    """The message for a date option or variable that is not a date."""
    return _("{name} {value!r} is not a date: expected {form}").format(
        name=name, value=value, form=_(ACCEPTED_FORM)
    )


def parse_date(value: str | None, option: str) -> PlanDate | None:
    """A DATE option's value, or exit 2 naming the accepted form."""
    if value is None:
        return None
    try:
        return PlanDate.parse(value)
    except DateFormatError:
        fail(not_a_date(option, value))


def as_of_day(value: str | None) -> dt.date:
    """The as-of day: a month means its first day; no value means today."""
    date = parse_date(value, "--as-of")
    return date.first_day() if date is not None else today()


def today() -> dt.date:
    """Today, or $ILOTC_TODAY (YYYY-MM-DD) so scripts and tests can pin the date."""
    pinned = os.environ.get("ILOTC_TODAY")
    if pinned:
        try:
            return PlanDate.parse(pinned).first_day()
        except DateFormatError:
            fail(not_a_date("ILOTC_TODAY", pinned))
    return dt.date.today()


def data_options(
    ctx: typer.Context, plan: "list[Path] | None", partners: Path | None
) -> "tuple[list[Path] | None, Path | None]":
    """The plan and partner options given: the command's, else the global ones, else
    ILOTC_PARTNERS for the registry (ILOTC_PLAN is read with the plans, see store/sources.py)."""
    shared = ctx.obj if isinstance(ctx.obj, dict) else {}
    override = partners or shared.get("partners")
    if override is None and os.environ.get("ILOTC_PARTNERS"):
        override = Path(os.environ["ILOTC_PARTNERS"])
    return (plan or shared.get("plan") or None), override


def print_problems(problems: "list[Problem]", console: "Console") -> None:
    """Problems as `file:line:column: severity: message` lines (`ilotc.output.problems`)."""
    for text in text_lines(problems):
        console.print(text, soft_wrap=True)


def caching(ctx: typer.Context) -> bool:
    """False when the global --no-cache option was given."""
    shared = ctx.obj if isinstance(ctx.obj, dict) else {}
    return not shared.get("no_cache", False)


def near_miss(ctx: typer.Context, partners_path: Path) -> str:
    """'; did you mean --partner X?' when `--partners X` names no file but the command has a
    `--partner` filter and X looks like a partner id, not a path."""
    value = str(partners_path)
    if partners_path.exists() or partners_path.suffix or "/" in value or os.sep in value:
        return ""
    if not any("--partner" in param.opts for param in ctx.command.params):
        return ""
    return _("; did you mean --partner {value} (actions naming that partner)?").format(value=value)


def load_data(ctx: typer.Context, plan: "list[Path] | None", partners: Path | None) -> "Dataset":
    """Both files, validated (or as validated before: see `ilotc.store.cache`); on problems print
    them like `validate` and exit 1."""
    plans, override = data_options(ctx, plan, partners)
    try:
        dataset = load_many(plans, override, default_store() if caching(ctx) else None)
    except FileAccessError as error:
        fail(str(error) + (near_miss(ctx, override) if override is not None else ""))
    except DataFileError as error:
        print_problems(error.problems, stderr())
        count = sum(problem.is_error for problem in error.problems)
        message = ngettext(
            "{count} problem in the data; run 'ilotc validate' for details",
            "{count} problems in the data; run 'ilotc validate' for details",
            count,
        )
        fail(message.format(count=count), EXIT_PROBLEMS)
    freeze_heap()
    return dataset


def find_action(data: "Dataset", ref: str) -> "tuple[Action, PlanInUse]":
    """The action `ref` names (ID, or PLAN:ID where several plans are in use) and its plan;
    exit 2 when none or several match, saying what to write instead."""
    found = data.plan.named(ref)
    if len(found) > 1:
        choices = ", ".join(f"{action.plan}:{action.id}" for action in found)
        fail(
            _("action {ref!r} is in {count} plans; name one as PLAN:ID, one of {choices}").format(
                ref=ref, count=len(found), choices=choices
            )
        )
    if not found:
        close = [a for a in data.plan if f"{a.plan}:{a.id}".lower().endswith(ref.lower())]
        if len(data.plans) > 1:
            missing = _("no action {ref!r} in the plans").format(ref=ref)
        else:
            missing = _("no action {ref!r} in the plan").format(ref=ref)
        if len(close) == 1:
            fail(_("{missing}; did you mean {id}?").format(missing=missing, id=close[0].id))
        fail(_("{missing}; 'ilotc list' shows the ids").format(missing=missing))
    action = found[0]
    return action, next(used for used in data.plans if used.plan.name == action.plan)

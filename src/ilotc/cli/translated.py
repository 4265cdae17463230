"""The command line in the interface language: `--lang`, help texts and usage errors.

Typer 0.28 carries its own copy of Click with its messages written in English ("Usage:",
"Error:", "No such option"), and looks a few words up with `gettext.gettext` ("Options",
"default: {default}"), whose language only the environment sets. Here the help is
translated when it is shown (the language is known by then, whichever side of the command
name `--lang` stands), and a usage error's English is matched against Click's own
sentences and said again from ilotc's catalogs.
"""

import functools
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer
import typer.core
from typer._click.core import Context
from typer._click.formatting import HelpFormatter
from typer._types import TyperChoice as Choice

from ilotc import i18n
from ilotc.i18n import N_, _, pgettext
from ilotc.output.text import line, no_commands, visible

if TYPE_CHECKING:
    from typer._click.core import Command, Parameter
    from typer._click.exceptions import ClickException

# The choices (`i18n.LANGUAGES`) show beside the option; the text names none of them.
LANG_HELP = N_("Language of the interface [env: ILOTC_LANG; default: from the locale].")

# The words Typer looks up itself: routed through ilotc's catalogs, which have them.
typer.core._ = _  # type: ignore[attr-defined]
TYPER_WORDS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Aborted!"),
    N_("Show this message and exit."),
)


def choose_language(value: str | None) -> str | None:
    """`--lang`'s callback: speak that language from now on (before any help is shown)."""
    if value is not None:
        i18n.use(i18n.language_of(value))
    return value


def early_language(args: list[str]) -> None:
    """Speak the language a `--lang` among `args` names before Click reads them, so that
    `--help --lang fr` and errors in the options before `--lang` are in French too (Click
    would process the eager --help first). Click checks the value afterwards."""
    for index, arg in enumerate(args):
        if arg == "--":
            return
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        found = i18n.language_of(value) if value else None
        if found is not None:
            i18n.use(found)


def lang_option() -> "Parameter":
    """`--lang` for a command (the same option the group takes before the command name)."""
    return typer.core.TyperOption(
        param_decls=["interface_lang", "--lang"],  # a name no command uses for its own
        type=Choice(i18n.LANGUAGES, case_sensitive=False),
        help=LANG_HELP,
        expose_value=False,
        is_eager=True,
        callback=lambda _ctx, _param, value: choose_language(value),
    )


def metavar_words() -> dict[str, str]:
    """Each metavariable of the help (as ilotc declares it, or as Typer makes one from a
    type) in the interface language; the choices of an option are values and stay."""
    return {
        "FILE": pgettext("metavar", "FILE"),
        "PATH": pgettext("metavar", "PATH"),
        "<path>": pgettext("metavar", "PATH"),
        "DATE": pgettext("metavar", "DATE"),
        "N": pgettext("metavar", "N"),
        "DAYS": pgettext("metavar", "DAYS"),
        "<str>": pgettext("metavar", "TEXT"),
        "<int>": pgettext("metavar", "N"),
        "<int range>": pgettext("metavar", "N"),
        "ID": pgettext("metavar", "ID"),
        "PHRASE": pgettext("metavar", "PHRASE"),
        "OLD": pgettext("metavar", "OLD"),
        "NEW": pgettext("metavar", "NEW"),
        "KIND": pgettext("metavar", "KIND"),
        "<kind>": pgettext("metavar", "KIND"),
    }


def usage_words() -> dict[str, str]:
    """The words Click writes into a usage line itself, in the interface language."""
    return {
        "[OPTIONS]": _("[OPTIONS]"),
        "COMMAND [ARGS]...": _("COMMAND [ARGS]..."),
    }


_EXTRAS = re.compile(r"(?P<gap>\s*)\[(?P<extras>[^\[\]]*)\]", re.DOTALL)
_RANGE = re.compile(r"(?P<low>-?[\d.]+)?(?P<lop><=|<|>=|>)?x(?P<rop><=|<|>=|>)(?P<high>-?[\d.]+)")
_MATH = {"<=": "≤", "<": "<", ">=": "≥", ">": ">"}


def _range_in_words(text: str) -> str:
    """Click's range ("1<=x<=1200") as a reader writes it ("1 ≤ x ≤ 1200"), with no-break
    spaces, so that the help never wraps it."""
    match = _RANGE.fullmatch(text)
    if match is None:
        return text
    parts = [match["low"], _MATH.get(match["lop"] or ""), "x", _MATH[match["rop"]], match["high"]]
    return "\u00a0".join(part for part in parts if part)


def translate_extras(help_text: str, record: str) -> str:
    """An option's help line as Click wrote it (`help_text` then "  [default: 3; 1<=x<=1200]")
    with the bracket in the interface language's typography: its list separator, and the
    range in mathematical signs. A help line Click added nothing to is left as it is."""
    rest = record[len(help_text) :] if record.startswith(help_text) else ""
    match = _EXTRAS.fullmatch(rest) if rest else None
    if match is None:
        return record
    extras = [_range_in_words(extra) for extra in match["extras"].split("; ")]
    separator = pgettext("list separator in help", "; ")
    return f"{help_text}{match['gap']}[{separator.join(extras)}]"


class TranslatedFormatter(HelpFormatter):
    """Click's help formatter, with its "Usage:" and headings in the interface language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(" " * self.current_indent + _("{heading}:").format(heading=heading) + "\n")


class TranslatedContext(Context):
    """A context whose help and usage lines are written by TranslatedFormatter."""

    formatter_class = TranslatedFormatter


class TranslatedHelp:
    """A command whose help texts are translated when shown (mixed into Typer's classes)."""

    help: str | None
    context_class: type[Context] = TranslatedContext

    def translate_texts(self, ctx: Context) -> None:
        """Put the help of the command and of each of its options, and their metavariables,
        in the interface language."""
        sources: dict[int, str] = self.__dict__.setdefault("_source_help", {})
        metavars: dict[int, str | None] = self.__dict__.setdefault("_source_metavar", {})
        targets: list[Any] = [self, *self.get_params(ctx)]  # type: ignore[attr-defined]
        words = metavar_words()
        for target in targets:
            original = sources.setdefault(id(target), target.help or "")
            if original:
                target.help = _(original)
            if target is not self:
                metavar = metavars.setdefault(id(target), target.metavar or _type_metavar(target, ctx))
                target.metavar = _metavar_in(words, metavar) if metavar else None

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        self.translate_texts(ctx)
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        """The usage line's pieces ("[OPTIONS]", each argument), in the interface language."""
        self.translate_texts(ctx)
        words = usage_words()
        pieces: list[str] = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [words.get(piece, piece) for piece in pieces]

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        """Typer's options and arguments sections, with what Click adds to an option's help
        (default, range) in the interface language's typography (`translate_extras`)."""
        args: list[tuple[str, str]] = []
        opts: list[tuple[str, str]] = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is not None:
                record = (record[0], translate_extras(param.help or "", record[1]))
                (args if param.param_type_name == "argument" else opts).append(record)
        if args:
            with formatter.section(_("Arguments")):
                formatter.write_dl(args)
        if opts:
            with formatter.section(_("Options")):
                formatter.write_dl(opts)
        format_commands = getattr(self, "format_commands", None)
        if format_commands is not None:
            format_commands(ctx, formatter)


def _metavar_in(words: dict[str, str], metavar: str) -> str:
    """`metavar` in the words of `words`, a repeatable one's "..." kept."""
    stem = metavar.removesuffix("...")
    return words.get(stem, stem) + metavar[len(stem) :]


def _type_metavar(param: Any, ctx: Context) -> str | None:
    """The metavariable Typer would make for an option of no metavar of its own from its type
    ("<str>", "<path>"); None for an argument (Typer writes its name) or a list of choices."""
    if param.param_type_name != "option" or param.type.get_metavar(param=param, ctx=ctx) is not None:
        return None
    name: str = param.type.name
    return name if name.startswith("<") else f"<{name}>"


class TranslatedCommand(TranslatedHelp, typer.core.TyperCommand):
    """One of ilotc's commands."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        early_language(args)
        return super().parse_args(ctx, args)


# Click's usage errors in English, and the catalog's message for each; a group names what
# the message puts back. The first that matches the whole text wins.
USAGE_ERRORS: tuple[tuple[str, str], ...] = (
    (
        r"No such option: (?P<option>\S+) \(Possible options: (?P<options>.+)\)",
        N_("No such option: {option} (possible options: {options})"),
    ),
    (r"No such option: (?P<option>.+)", N_("No such option: {option}")),
    (
        r"(?P<message>.+)\. Did you mean (?P<suggestions>.+)\?",
        N_("{message}. Did you mean {suggestions}?"),
    ),
    (
        r"Invalid value for (?P<param>.+?): (?P<value>'.*') is not one of (?P<choices>.+)\.",
        N_("Invalid value for {param}: {value} is not one of {choices}."),
    ),
    (
        r"Invalid value for (?P<param>.+?): (?P<value>'.*') is not a valid (?:int|int range|integer)\.",
        N_("Invalid value for {param}: {value} is not a whole number."),
    ),
    (
        r"Invalid value for (?P<param>.+?): \w+ (?P<path>'.*') does not exist\.",
        N_("Invalid value for {param}: {path} does not exist."),
    ),
    (
        r"Invalid value for (?P<param>.+?): (?P<value>.+) is not in the range (?P<range>.+)\.",
        N_("Invalid value for {param}: {value} is not in the range {range}."),
    ),
    (r"Invalid value for (?P<param>.+?): (?P<detail>.+)", N_("Invalid value for {param}: {detail}")),
    (
        r"Missing argument (?P<param>\S+)\. Choose from:(?P<choices>.+)",
        N_("Missing argument {param}. Choose from:{choices}"),
    ),
    (
        r"Missing option (?P<param>.+?)\. Choose from:(?P<choices>.+)",
        N_("Missing option {param}. Choose from:{choices}"),
    ),
    (r"Missing argument (?P<param>.+)\.", N_("Missing argument {param}.")),
    (r"Missing option (?P<param>.+)\.", N_("Missing option {param}.")),
    (r"Got unexpected extra argument\(s\) \((?P<args>.+)\)", N_("Got unexpected extra argument(s) ({args})")),
    (r"Option (?P<option>'.+') requires an argument\.", N_("Option {option} requires an argument.")),
    (r"Option (?P<option>'.+') does not take a value\.", N_("Option {option} does not take a value.")),
)


@functools.cache
def _usage_errors() -> tuple[tuple["re.Pattern[str]", str], ...]:
    # compiled when a usage error is shown, not at every start-up
    return tuple((re.compile(pattern, re.DOTALL), message) for pattern, message in USAGE_ERRORS)


# The groups that hold lists Click writes itself, on several lines; every other group holds
# what was typed (an option, a value, an argument), which is shown on one line.
_LISTS = frozenset({"choices", "options"})
# A value Click quotes ('--status', 'bogus'), to be quoted as the interface language quotes.
_CLICK_QUOTED = re.compile(r"'([^'\n]*)'")


def translate_usage_error(text: str) -> str:
    """A usage error's text (Click's English) in the interface language, with the values it
    quotes from the command line shown on one line, their control, bidirectional and line
    separator characters escaped (`ilotc.output.text.line`), so none can reorder or break it."""
    for pattern, message in _usage_errors():
        match = pattern.fullmatch(text)
        if match is not None:
            values = {
                name: value if name in _LISTS or value is None else line(value)
                for name, value in match.groupdict().items()
            }
            if i18n.language() == i18n.SOURCE_LANGUAGE:  # Click's own words, values escaped
                return _with_groups(text, match, values)
            quoted = {
                name: _CLICK_QUOTED.sub(lambda found: i18n.quote(found[1]), value or "")
                for name, value in values.items()
            }
            return _(message).format(**quoted)
    return visible(text)


def _with_groups(text: str, match: "re.Match[str]", values: dict[str, str]) -> str:
    """`text` with each group `match` found replaced by its value in `values`."""
    spans = sorted((match.span(name), value) for name, value in values.items() if value is not None)
    pieces, last = [], 0
    for (start, end), value in spans:
        pieces += [text[last:start], value]
        last = end
    return "".join(pieces) + text[last:]


def show_usage_error(error: "ClickException", write: Callable[[str], object]) -> None:
    """What Click's UsageError.show prints, in the interface language."""
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        hint = ""
        help_option = ctx.command.get_help_option(ctx)
        if help_option is not None:
            hint = _("Try '{command} {option}' for help.").format(
                command=ctx.command_path, option=ctx.help_option_names[0]
            )
            hint += "\n"
        write(f"{ctx.get_usage()}\n{hint}\n")
    message = translate_usage_error(error.format_message())
    write(no_commands(_("Error: {message}").format(message=message)) + "\n")


def translate_error(error: "ClickException") -> None:
    """Make `error` show itself in the interface language when Typer prints it."""

    def show(file: Any = None) -> None:
        show_usage_error(error, (file or sys.stderr).write)

    error.show = show  # type: ignore[method-assign]


def command_help(command: "Command", ctx: Context) -> None:
    """Translate a sub-command's texts before its group lists it."""
    if isinstance(command, TranslatedHelp):
        command.translate_texts(ctx)

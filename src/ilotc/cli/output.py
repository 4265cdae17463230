"""Where a command's document goes: stdout, or a file written atomically (`-o FILE`)."""

import io
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer._click.core import ParameterSource
from typer._types import TyperChoice

from ilotc.cli.common import BOM, escape, fail, stderr, stdout, write_out, write_table
from ilotc.cli.streams import fenced, output_error, reader_gone
from ilotc.i18n import N_, _, ngettext, number
from ilotc.output.cells import Column
from ilotc.output.columns import with_plan
from ilotc.output.listing import LISTING_SUFFIX_FORMATS, RENDERERS, render
from ilotc.output.table import plain
from ilotc.store.files import write_atomically

if TYPE_CHECKING:
    from rich.console import RenderableType

FILE_WIDTH = 80
"""The width of a table or view written to a file."""

OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE instead of stdout ('-' for stdout). The file is replaced atomically.",
        show_default=False,
        metavar="FILE",
    ),
]


def format_choice(names: Iterable[str]) -> TyperChoice[str]:
    """The `--format` choices of a command: the names of its document kind's registry
    (Typer's own Click, as the enum choices it makes for other options)."""
    return TyperChoice(list(names), case_sensitive=False)


def formats_help(formats: Iterable[tuple[str, str]], after: str = "") -> str:
    """A `--format` help made from its registry: "name: what it is; ..." then `after`."""
    text = "; ".join(f"{name}: {what}" for name, what in formats)
    return f"{text} {after}" if after else f"{text}."


def to_stdout(path: Path | None) -> bool:
    """True when the document goes to stdout (no -o, or -o -)."""
    return path is None or str(path) == "-"


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; on failure the old file is left as it was and the
    command exits 2 saying why."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        fail(_("cannot write {path}: it is a directory").format(path=path))
    if not folder.is_dir():
        fail(_("cannot write {path}: folder {folder} does not exist").format(path=path, folder=folder))
    try:
        write_atomically(path, data)
    except OSError as error:
        fail(_("cannot write {path}: {reason}").format(path=path, reason=error.strerror or error))


def write_output(path: Path | None, data: bytes, what: str, *, human: bool = False) -> None:
    """Send the document to stdout, or to FILE with a one-line confirmation on stderr; a
    `human` document (Markdown, plain text) on stdout starts no workflow command (see
    `ilotc.cli.streams`), the others are written byte for byte."""
    if to_stdout(path):
        out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
        if out is None or human:
            write_out(data.decode("utf-8"), verbatim=not human)
            return
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:  # a binary document (a PDF): no text for a runner to read
            text = ""
        fenced_text = fenced(text)  # as it is, but for a runner's log holding a command
        if fenced_text is not text:
            data = fenced_text.encode("utf-8")
        try:
            sys.stdout.flush()
            out.write(data)
            out.flush()
        except BrokenPipeError:
            reader_gone()
        except OSError as error:
            raise output_error(error) from error
        return
    assert path is not None
    write_file(path, data)
    where = escape(str(path), multiline=False)
    stderr().print(
        ngettext(
            "Wrote {what} to {where} ({size} byte)", "Wrote {what} to {where} ({size} bytes)", len(data)
        ).format(what=escape(what, multiline=False), where=where, size=number(len(data))),
        soft_wrap=True,
    )


F = TypeVar("F", bound=str)

SUFFIX_FORMATS = {
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".ics": "ics",
    ".ical": "ics",
    ".txt": "text",
    ".text": "text",
    ".pdf": "pdf",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".doc": "doc",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".xls": "xls",
    ".xlsx": "xlsx",
    ".ods": "ods",
    ".xml": "xml",
    ".yaml": "yaml",
    ".yml": "yaml",
}
"""The document format a file name's suffix names (lowercase), known or not to ilotc."""


BINARY_FORMATS = frozenset({"xlsx", "docx"})
"""Formats written to a file only: a terminal would show their bytes."""
NEEDS_A_FILE = N_(
    "--format {format} writes a file, not text for a terminal: give -o FILE (e.g. -o actions.{format})"
)


def output_format(
    path: Path | None,
    given: F | None,
    formats: "Mapping[str, F]",
    default: F,
    *,
    unknown_suffix_is_default: bool = False,
) -> F:
    """The format a command writes: `--format` wins, else the suffix of `-o FILE` names it,
    else the default. A suffix that names another format, or one this command cannot write,
    is bad usage (exit 2): never a file whose name says one format and holds another.

    `formats` maps the format names of `SUFFIX_FORMATS` this command writes to its formats.
    With `unknown_suffix_is_default`, a suffix that names no format at all (`report.out`)
    writes the default (the report's plain text) instead of being bad usage.
    """
    if to_stdout(path):
        return given if given is not None else default
    assert path is not None
    suffix = path.suffix.lower()
    named = SUFFIX_FORMATS.get(suffix)
    wanted = formats.get(named) if named is not None else None
    if given is not None:
        if named is not None and wanted != given:
            fail(
                _(
                    "-o {path}: the name says {named} but --format is {given}; rename it or drop --format"
                ).format(path=path, named=named, given=given)
            )
        return given
    if named is None:
        if suffix and not unknown_suffix_is_default:
            fail(
                _("-o {path}: {suffix} names no format ilotc knows; {choices}").format(
                    path=path, suffix=suffix, choices=_choices(formats)
                )
            )
        return default
    if wanted is None:
        fail(
            _("-o {path}: ilotc cannot write {named} here; {choices}").format(
                path=path, named=named, choices=_choices(formats)
            )
        )
    return wanted


def _choices(formats: "Mapping[str, str]") -> str:
    names = sorted({str(fmt) for fmt in formats.values()})
    suffixes = sorted(suffix for suffix, name in SUFFIX_FORMATS.items() if name in formats)
    return _("give --format {names} or a name ending in {suffixes}").format(
        names="|".join(names), suffixes=", ".join(suffixes)
    )


def write_document(document: str, *, markup: bool, annotations: bool = False) -> None:
    """Write a text document to stdout: Rich markup through the console a line at a time (a
    terminal gets colours, a pipe plain text), anything else (JSON, GitHub annotations) as it
    is, byte for byte (but for `write_out`'s fence; the `annotations` are never fenced)."""
    if not markup:
        write_out(document, verbatim=True, annotations=annotations)
        return
    console = stdout(soft_wrap=True)
    for line in document.splitlines():
        console.print(line)


def listing_format(ctx: typer.Context, fmt: str, path: Path | None) -> str:
    """A listing command's format: `--format` when given, else the suffix of `-o FILE`, else a
    table (a contradicting suffix exits 2: see `output_format`)."""
    given = None if ctx.get_parameter_source("fmt") in (None, ParameterSource.DEFAULT) else fmt
    return output_format(path, given, LISTING_SUFFIX_FORMATS, "table")


def emit(
    fmt: str,
    records: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    *,
    raw_csv: bool = False,
    bom: bool = False,
    path: Path | None = None,
) -> None:
    """Render the records in `fmt` (`ilotc.output.listing`) and write them: to stdout (a table
    laid out for the console), or to `-o FILE` (a table FILE_WIDTH columns wide, uncoloured).
    With `bom`, a CSV document begins with the UTF-8 byte order mark (`--bom`, for Excel);
    `--bom` with another format is bad usage."""
    if bom and fmt != "csv":
        fail(_("--bom applies to CSV only (--format csv)"))
    if fmt in BINARY_FORMATS and to_stdout(path):
        fail(_(NEEDS_A_FILE).format(format=fmt))
    document = render(fmt, records, columns, raw_csv=raw_csv)
    if isinstance(document, bytes):
        assert path is not None
        what = ngettext("{count} record as {format}", "{count} records as {format}", len(records))
        write_output(path, document, what.format(count=len(records), format=fmt))
        return
    if bom and isinstance(document, str):
        document = BOM + document
    if to_stdout(path):
        if isinstance(document, str):  # JSON and CSV keep the data as it is, in their strings
            write_out(document, verbatim=RENDERERS[fmt].verbatim)
        else:
            write_table(document)
        return
    if not isinstance(document, str):
        document = "".join(document.lines(FILE_WIDTH, plain, ascii_only=False))
    write_output(
        path,
        document.encode("utf-8"),
        ngettext("{count} record as {format}", "{count} records as {format}", len(records)).format(
            count=len(records), format=fmt
        ),
    )


def emit_listing(
    fmt: str,
    records: Sequence[dict[str, Any]],
    columns: tuple[Sequence[Column], Sequence[Column]],
    several_plans: bool,
    *,
    raw_csv: bool,
    path: Path | None,
    bom: bool = False,
) -> None:
    """`emit` a listing with `columns` (a table's, else the other formats'), led by the plan's
    column where several plans are in use."""
    table = fmt == "table"
    chosen = with_plan(columns[0] if table else columns[1], several_plans, table=table)
    emit(fmt, records, chosen, raw_csv=raw_csv, bom=bom, path=path)


def emit_view(view: "RenderableType", path: Path | None, what: str) -> None:
    """Write a full view (`ilotc.output.views`): to the console, or to `-o FILE` as plain text
    FILE_WIDTH columns wide."""
    if to_stdout(path):
        stdout().print(view)
        return
    from rich.console import Console  # noqa: PLC0415 - lazy: Rich, where a console writes

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=FILE_WIDTH, no_color=True, color_system=None, highlight=False, emoji=False
    )
    console.print(view)
    write_output(path, buffer.getvalue().encode("utf-8"), what)

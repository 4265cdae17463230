"""`ilotc import`: a plan from a table in a .csv, .xlsx or .docx file, written to a new file.

The work is `ilotc.edit.importing.make_plan` on the tables `ilotc.office.reading` reads; this
module reads the options, writes the plan (never over a file) and says what it made.
"""

import os
from pathlib import Path
from typing import Annotated

import typer

from ilotc.cli.common import (
    EXIT_PROBLEMS,
    PartnersOption,
    data_options,
    fail,
    note,
    print_problems,
    stderr,
    write_out,
)
from ilotc.edit.importing import (
    FIELDS,
    Imported,
    TableError,
    check_plan_text,
    make_plan,
    parse_map,
    plan_text,
)
from ilotc.i18n import N_, _, ngettext
from ilotc.model.registry import Registry
from ilotc.office.reading import OfficeFileError, read_tables
from ilotc.store.loading import load_registry
from ilotc.store.problems import DataFileError
from ilotc.store.sources import FileAccessError, FileKind, bundled_file, resolved

EXISTS = N_("{path} already exists; import never overwrites a file: choose another -o PATH")
_LISTED = 20  # unplaced cells listed one by one; the rest counted


def import_plan(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A .csv, .xlsx or .docx file holding the plan's table.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The plan file to write (never overwritten) [default: stdout].",
            show_default=False,
        ),
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="HEADER=FIELD",
            help="Read the column headed HEADER as FIELD: id, text, timeline, responsible, partners, part, "
            "section, part_title, section_title, issue_title, note or ignore (repeatable).",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", help="The plan's title [default: the file's name].", show_default=False),
    ] = None,
    partners: PartnersOption = None,
) -> None:
    """Make a plan from a table in a Word, Excel or CSV file.

    Columns are recognised from their headers in English, French or Spanish (action,
    activité, actividad; timeline, échéance, plazo; responsible, responsable; partners,
    partenaires, socios; id, n°, código) or ilotc's own export columns. Rows spanning the
    table are headings: parts, and sections where there are two levels. Texts and
    timelines are kept as written. Then: ilotc validate PLAN.
    """
    if output is not None and (output.exists() or output.is_symlink()):
        fail(_(EXISTS).format(path=output))
    try:
        wanted = parse_map(mapping or [])
    except ValueError as error:
        fail(
            _("--map {value!r}: expected HEADER=FIELD, FIELD one of {fields}").format(
                value=str(error), fields=", ".join((*FIELDS, "ignore"))
            )
        )
    try:
        tables = read_tables(file)
    except OfficeFileError as error:
        fail(str(error))
    registry, partners = _registry(ctx, partners)
    try:
        imported = make_plan(tables.tables, registry, title, wanted, fallback_title=file.stem)
    except TableError as error:
        fail(f"{file.name}: {error}", EXIT_PROBLEMS)
    registry_path = _registry_key(partners, output)
    if registry_path is not None:
        imported.data["registry"] = registry_path
        imported.data.update({"document": imported.data.pop("document"), "parts": imported.data.pop("parts")})
    text = plan_text(imported, file.name)
    problems = check_plan_text(text, str(output or "<stdout>"), registry)
    if any(problem.is_error for problem in problems):
        print_problems(problems, stderr())
        fail(
            _("the plan made from {path} does not validate; nothing was written").format(path=file.name),
            EXIT_PROBLEMS,
        )
    if output is None:
        write_out(text, verbatim=True)
    else:
        try:
            with output.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            fail(_(EXISTS).format(path=output))
        except OSError as error:
            fail(
                _("{path}: cannot be written ({reason})").format(path=output, reason=error.strerror or error),
                EXIT_PROBLEMS,
            )
    _summary(imported, tables.encoding, output)


def _registry(ctx: typer.Context, partners: Path | None) -> tuple[Registry, Path | None]:
    """The registry partner cells are matched against (--partners, ILOTC_PARTNERS, else the
    bundled one), and its path when one was given; exit 1 when it does not validate."""
    given = data_options(ctx, None, partners)[1]
    try:
        registry, _problems = load_registry(given or bundled_file(FileKind.PARTNERS))
    except FileAccessError as error:
        fail(str(error))
    except DataFileError as error:
        print_problems(error.problems, stderr())
        fail(_("the partner registry has problems; run 'ilotc validate' for details"), EXIT_PROBLEMS)
    return registry, given


def _registry_key(partners: Path | None, output: Path | None) -> str | None:
    """The `registry:` the plan names: the --partners file, relative to the plan, where it
    stands in the plan's folder tree (else the plan is used with --partners)."""
    if partners is None or output is None:
        return None
    relative = os.path.relpath(resolved(partners), resolved(output).parent)
    return None if relative.startswith("..") else Path(relative).as_posix()


def _summary(imported: Imported, encoding: str | None, output: Path | None) -> None:
    """What was made, on stderr: counts, readings, phrases left unspecified, cells not placed."""
    lines = []
    if encoding is not None:
        lines.append(_("Read as CSV in {encoding}.").format(encoding=encoding))
    lines.append(
        _("Made {parts}, {sections} and {actions}.").format(
            parts=ngettext("{count} part", "{count} parts", imported.parts).format(count=imported.parts),
            sections=ngettext("{count} section", "{count} sections", imported.sections).format(
                count=imported.sections
            ),
            actions=ngettext("{count} action", "{count} actions", imported.actions).format(
                count=imported.actions
            ),
        )
    )
    columns = ", ".join(f"{field} ← {header!r}" for field, header in imported.columns.items())
    lines.append(_("Columns: {columns}.").format(columns=columns))
    if imported.language:
        lines.append(_("Language of the plan: {language}.").format(language=imported.language))
    readings = ", ".join(f"{kind} {count}" for kind, count in sorted(imported.readings.items()))
    lines.append(_("Timelines read as: {readings}.").format(readings=readings))
    for phrase in imported.unspecified:
        lines.append(_("Unspecified: {phrase!r}").format(phrase=phrase))
    for name in imported.unmatched_partners:
        lines.append(_("Partner not in the registry (kept in the action's note): {name!r}").format(name=name))
    for cell in imported.unplaced[:_LISTED]:
        lines.append(_("Not placed: {place}: {text!r}").format(place=cell.place.words(), text=cell.text))
    if len(imported.unplaced) > _LISTED:
        more = len(imported.unplaced) - _LISTED
        lines.append(
            ngettext(
                "... and {count} more cell not placed", "... and {count} more cells not placed", more
            ).format(count=more)
        )
    if output is not None:
        lines.append(_("Wrote {path}. Next: ilotc validate {path}").format(path=output))
    for line in lines:
        note(line)

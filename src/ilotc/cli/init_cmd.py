"""`ilotc init`: write a starter plan and partner registry that validate as written."""

import os
from pathlib import Path
from typing import Annotated

import typer

from ilotc import i18n
from ilotc.cli.common import EXIT_PROBLEMS, escape, fail, stderr
from ilotc.edit.starter import StarterLanguage, starter_files
from ilotc.i18n import N_, _

EXISTS = N_("{path} already exists; init never overwrites a file: choose another PATH")


def init(
    path: Annotated[
        str,
        typer.Argument(
            help="The plan file to write (a folder, existing or written with a trailing slash: "
            "plan.yaml in it, the folder created if need be). Its registry is written beside "
            "it: partners.yaml beside plan.yaml, else NAME-partners.yaml.",
            metavar="PATH",
        ),
    ] = "plan.yaml",
) -> None:
    """Write a starter plan and partner registry, with a comment on each field and three
    example actions (a deadline, a window and a recurring action), in the interface
    language (--lang, before or after 'init'). Never overwrites a file.

    Then: edit the plan, and check it with 'ilotc validate PLAN' (see docs/writing-a-plan.md).
    """
    # "new-plan/" is a folder to make, as `mkdir` and `cp` read a trailing slash.
    folder = path.endswith(("/", os.sep)) or Path(path).is_dir()
    files = starter_files(Path(path), StarterLanguage(i18n.language()), folder=folder)
    for existing in (file.path for file in files if file.path.exists() or file.path.is_symlink()):
        fail(_(EXISTS).format(path=existing))
    made = _make_folder(Path(path)) if folder else []
    written: list[Path] = []
    for file in files:
        try:
            with file.path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(file.text)
        except FileExistsError:
            fail(_(EXISTS).format(path=file.path))
        except OSError as error:
            for done in written:  # nothing half-made is left behind
                done.unlink(missing_ok=True)
            for created in made:
                created.rmdir()
            reason = error.strerror or str(error)
            unwritable = _("{path}: cannot be written ({reason})").format(path=file.path, reason=reason)
            fail(unwritable, EXIT_PROBLEMS)
        written.append(file.path)
    plan, registry = files[1].path, files[0].path
    stderr().print(
        escape(
            _("Wrote {plan} and its partner registry {registry}. Next: ilotc validate {plan}").format(
                plan=plan, registry=registry
            ),
            multiline=False,
        )
    )


def _make_folder(folder: Path) -> list[Path]:
    """Create the folder to write in; the folders created, deepest first, to remove on failure."""
    created = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        fail(_("{path}: cannot be created ({reason})").format(path=folder, reason=reason), EXIT_PROBLEMS)
    return created

"""`ilotc init`: write a starter plan and partner registry that validate as written."""

from pathlib import Path
from typing import Annotated

import typer

from ilotc.cli.common import EXIT_PROBLEMS, escape, fail, stderr
from ilotc.starter import StarterLanguage


def init(
    path: Annotated[
        Path,
        typer.Argument(
            help="The plan file to write (a folder: plan.yaml in it). Its registry is written "
            "beside it: partners.yaml beside plan.yaml, else NAME-partners.yaml.",
        ),
    ] = Path("plan.yaml"),
    lang: Annotated[
        StarterLanguage,
        typer.Option(
            "--lang", help="The language of the starter plan and its comments.", case_sensitive=False
        ),
    ] = StarterLanguage.EN,
) -> None:
    """Write a starter plan and partner registry, with a comment on each field and three
    example actions (a deadline, a window and a recurring action). Never overwrites a file.

    Then: edit the plan, and check it with 'ilotc validate PLAN' (see docs/writing-a-plan.md).
    """
    from ilotc.starter import starter_files  # noqa: PLC0415

    files = starter_files(path, lang)
    for existing in (file.path for file in files if file.path.exists()):
        fail(f"{existing} already exists; init never overwrites a file: choose another PATH")
    written: list[Path] = []
    for file in files:
        try:
            with file.path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(file.text)
        except FileExistsError:
            fail(f"{file.path} already exists; init never overwrites a file: choose another PATH")
        except OSError as error:
            for done in written:  # nothing half-made is left behind
                done.unlink(missing_ok=True)
            fail(f"{file.path}: cannot be written ({error.strerror or error})", EXIT_PROBLEMS)
        written.append(file.path)
    plan, registry = files[1].path, files[0].path
    stderr().print(
        escape(
            f"Wrote {plan} and its partner registry {registry}. Next: ilotc validate {plan}", multiline=False
        )
    )

"""Where a command's document goes: stdout, or a file written atomically (`-o FILE`)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ilotc.cli.common import escape, fail, reader_gone, stderr, write_out

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


def to_stdout(path: Path | None) -> bool:
    """True when the document goes to stdout (no -o, or -o -)."""
    return path is None or str(path) == "-"


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; on failure the old file is left as it was and the
    command exits 2 saying why."""
    from ilotc.files import write_atomically  # noqa: PLC0415

    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        fail(f"cannot write {path}: it is a directory")
    if not folder.is_dir():
        fail(f"cannot write {path}: folder {folder} does not exist")
    try:
        write_atomically(path, data)
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")


def write_output(path: Path | None, data: bytes, what: str) -> None:
    """Send the document to stdout, or to FILE with a one-line confirmation on stderr."""
    if to_stdout(path):
        out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
        if out is None:
            write_out(data.decode("utf-8"))
            return
        try:
            sys.stdout.flush()
            out.write(data)
            out.flush()
        except BrokenPipeError:
            reader_gone()
        return
    assert path is not None
    write_file(path, data)
    where = escape(str(path), multiline=False)
    stderr().print(f"Wrote {escape(what, multiline=False)} to {where} ({len(data):,} bytes)", soft_wrap=True)

"""The console script (`ilotc`, `python -m ilotc`): set the collector, run one command, exit.

It imports only the standard library and `cli/process.py` before the command line itself, so
the collector's thresholds are set before Typer, Pydantic and the rest are imported.
"""

import gc

from ilotc.cli.process import ONE_SHOT_GC_THRESHOLD, exit_now, exit_status


def run() -> None:
    """The console script (`ilotc`, `python -m ilotc`): run one command, then exit."""
    gc.set_threshold(*ONE_SHOT_GC_THRESHOLD)
    # lazy: the command line (Typer, Click, the option types) is imported after the
    # collector's thresholds are set, so its import runs under them
    from ilotc.cli.main import run as run_app  # noqa: PLC0415

    try:
        run_app()
        code = 0
    except SystemExit as done:
        code = exit_status(done.code)
    exit_now(code)

"""The command line: parses options, calls the core, writes, and picks the exit code.

The console script is `ilotc.cli.entry:run` (`entry.py` holds every process-level trick);
the group and its global options are in `main.py`, each command in its `*_cmd.py` module.
These modules do without `from __future__ import annotations`: Typer reads every command's
annotations on each run, and string annotations would be compiled and evaluated each time
(names imported only for type checking are quoted instead; tests/test_house.py checks it).
"""

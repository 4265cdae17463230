"""The command line: parses options, calls the core, renders, and picks the exit code.

Every run builds the whole command tree, so these modules stay light: they import Typer,
the option types and the vocabularies at the top, and the core (loading, queries, records,
rendering with Rich, reports, exports) inside the command that uses it. They also do without
`from __future__ import annotations`: Typer reads every command's annotations on each run,
and string annotations would be compiled and evaluated each time (names imported only for
type checking are quoted instead).
"""

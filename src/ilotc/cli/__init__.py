"""The command line: parses options, calls the core, renders, and picks the exit code."""

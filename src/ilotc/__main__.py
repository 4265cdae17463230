"""`python -m ilotc`."""

from ilotc.cli.entry import run

run()

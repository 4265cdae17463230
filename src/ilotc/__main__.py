"""`python -m ilotc`."""

from ilotc.cli.main import run

run()

"""`python -m ilotc`."""

from ilotc.cli import run

run()

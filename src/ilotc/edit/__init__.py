"""Changing plan files: status changes spliced in place, under a lock, and starter files."""

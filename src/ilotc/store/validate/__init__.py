"""Checking a data file: its schema, the rules across its fields, and their report."""

"""A record value as the plain text of one cell, the same in tables, CSV and Markdown."""

import json
from typing import Any

from ilotc.output.text import number


def cell(value: Any) -> str:
    """A record value as plain text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(cell(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return number(value)
    return str(value)

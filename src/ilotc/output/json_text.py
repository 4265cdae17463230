"""Indented JSON text, as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, fast.

The standard library writes indented JSON with its pure-Python encoder, one generator step
per token: a listing of thousands of records spent longer there than in everything else.
orjson writes the same text, in Rust, about six times faster, for what records are made of:
dicts with string keys, lists, tuples, strings (StrEnum members too), integers of up to
64 bits, booleans and None. What orjson refuses (a larger integer, a key that is not a
string, a lone surrogate, nesting deeper than 255 levels) goes to `json.dumps`, so the text,
or the error, is the standard library's. Records hold no floats; orjson would write one in
its own way (`1e16` for `1e+16`, `null` for NaN).

Both write some characters raw that a reader of the text must not meet raw: C1 controls and
DEL, the bidirectional overrides and isolates that reorder what a reader sees, the line and
paragraph separators some readers break lines at, and the `#` that makes `##[` a workflow command
to GitHub's runner anywhere in a line. `escaped` writes each as a `\\uXXXX` escape (CONTRACT,
"Untrusted content"): the JSON value is the same, the text is plain.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

# DEL and C1, the bidi marks, embeddings, overrides and isolates, the line and paragraph
# separators. Each stands inside a string of the JSON text (the only place JSON writes a raw
# character), where its `\\u` escape means the same; so does the `#` of `##[`, which can only
# stand inside one string.
_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escaped(text: str) -> str:
    """JSON text (from an encoder that writes non-ASCII raw) with the characters above escaped."""
    if "##[" in text:  # `###[` too: the `##[` found is its last three characters
        text = text.replace("##[", "#\\u0023[")
    if text.isascii() and "\x7f" not in text:  # the usual case, without a scan
        return text
    return _RAW.sub(_escape, text)


def dumps_indented(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` for the values records hold, `escaped`."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        text = json.dumps(value, ensure_ascii=False, indent=2)
    return escaped(text)


def dumps_line(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False)` on one line, `escaped`."""
    return escaped(json.dumps(value, ensure_ascii=False))

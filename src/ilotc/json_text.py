"""Indented JSON text, as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, faster.

The standard library writes indented JSON with its pure-Python encoder, one generator step
per token; listings of thousands of records spend longer there than in everything else.
This writer gives the same text for what records are made of (dicts with string keys,
lists, tuples, strings, numbers, booleans and None), building each line in one piece with
the standard library's own C string encoder; for anything else (another type, a subclass,
a non-string key, a cycle) it hands the whole value to `json.dumps`, so its output is
always exactly `json.dumps`'s.
"""

from __future__ import annotations

import json
import math
from typing import Any

_encode_string = json.encoder.encode_basestring  # the ensure_ascii=False encoder (C)
_int_text = int.__repr__
_float_text = float.__repr__
_INFINITY = float("inf")


class _NotPlain(Exception):
    """A value this writer leaves to `json.dumps`."""


def _float(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return _float_text(value)


def _scalar(value: Any) -> str | None:
    """The JSON text of a string, number, boolean or None; None for anything else."""
    kind = type(value)
    if kind is str:
        return _encode_string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return _int_text(value)
    if kind is float:
        return _float(value)
    return None


def _write(value: Any, pad: str, out: list[str]) -> None:
    text = _scalar(value)
    if text is not None:
        out.append(text)
        return
    kind = type(value)
    if kind is dict:
        if not value:
            out.append("{}")
            return
        inner = pad + "  "
        lead, separator = "{\n" + inner, ",\n" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            text = _scalar(item)
            if text is not None:
                out.append(f"{lead}{_encode_string(key)}: {text}")
            else:
                out.append(f"{lead}{_encode_string(key)}: ")
                _write(item, inner, out)
            lead = separator
        out.append("\n" + pad + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = pad + "  "
        lead, separator = "[\n" + inner, ",\n" + inner
        for item in value:
            text = _scalar(item)
            if text is not None:
                out.append(lead + text)
            else:
                out.append(lead)
                _write(item, inner, out)
            lead = separator
        out.append("\n" + pad + "]")
    else:
        raise _NotPlain


def dumps_indented(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`."""
    out: list[str] = []
    try:
        _write(value, "", out)
    except (_NotPlain, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)

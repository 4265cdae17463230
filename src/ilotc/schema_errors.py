"""Turn Pydantic validation errors into located problems that say what was expected."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from ilotc.dates import ACCEPTED_FORM
from ilotc.problems import Problem, Severity, pointer_of

Locate = Callable[[tuple[str | int, ...], bool], tuple[int, int]]

# What each pattern of models.py means, in words.
_PATTERN_WORDS = {
    "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$": f"a date {ACCEPTED_FORM}",
    "^(I|II|III)\\.[0-9]+[a-z]?\\.[0-9]+$": "an action id: part, section or issue, number "
    "(for example I.1a.1 or II.4.6)",
    "^[a-z0-9]+(-[a-z0-9]+)*$": "a lowercase id of letters, digits and hyphens (for example pnud)",
    "^[0-9]+[a-z]$": "an issue id: section number and letter (for example 1a)",
    "^[0-9]+$": 'a section number as a quoted string (for example "1")',
    "^[A-Z]{2}$": "an ISO 3166-1 alpha-2 country code in capitals (for example CH)",
}

_TYPE_WORDS = {
    "string_type": "a string",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "dict_type": "a mapping",
    "none_required": "null",
}


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _model_class(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as `list[X] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_class(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for argument in typing.get_args(annotation):
            found = _model_class(argument)
            if found is not None:
                return found
    return None


def _model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model whose fields are expected at `loc` (the mapping holding loc's last key)."""
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            continue  # a union branch's tag in the location
        model = _model_class(field.annotation)
    return model


def _known_keys(root: type[BaseModel], parent: tuple[str | int, ...]) -> list[str]:
    model = _model_at(root, parent)
    return list(model.model_fields) if model is not None else []


def describe_error(root: type[BaseModel], error: Any) -> tuple[str, bool]:
    """The message for one Pydantic error, and whether it is located at the key."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    context = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = _known_keys(root, loc[:-1])
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown key {key!r}; {hint}expected one of: {', '.join(known)}", True
    if kind == "missing":
        return f"missing required key {str(loc[-1])!r}", False
    if kind == "string_pattern_mismatch":
        words = _PATTERN_WORDS.get(context.get("pattern", ""), f"text matching {context.get('pattern')}")
        return f"expected {words}, got {_show(value)}", False
    if kind in ("enum", "literal_error"):
        return (
            f"expected {context.get('expected', 'one of the allowed values')}, got {_show(value)}",
            False,
        )
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, got {_show(value)}", False
    if kind == "string_too_short":
        return "expected a non-empty string", False
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{_show(value)}: {error['msg'].lower()}", False
    if kind == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
        return message, False
    return f"{error['msg']} (got {_show(value)})", False


def problems_from(
    path: str, root: type[BaseModel], exception: ValidationError, locate: Locate
) -> list[Problem]:
    """Every error of a failed validation, as problems located in the file."""
    problems = []
    for error in exception.errors(include_url=False):
        loc = tuple(error["loc"])
        message, at_key = describe_error(root, error)
        line, column = locate(loc, at_key)
        pointer_loc = tuple(part for part in loc if not _is_branch_tag(part))
        problems.append(Problem(path, line, column, Severity.ERROR, message, pointer_of(pointer_loc)))
    return problems


def _is_branch_tag(part: str | int) -> bool:
    # Pydantic names the branch of a union it tried (e.g. 'function-after[...]');
    # such names are not keys of the file.
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))

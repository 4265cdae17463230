"""Turn Pydantic validation errors into located problems that say what was expected."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from ilotc.i18n import N_, SOURCE_LANGUAGE, _, language, quote, quote_value
from ilotc.model.dates import ACCEPTED_FORM
from ilotc.store.problems import Problem, Severity, pointer_of

Locate = Callable[[tuple[str | int, ...], bool], tuple[int, int]]

# What each pattern of models.py means, in words.
_PATTERN_WORDS = {
    "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$": N_("a date {form}"),
    "^[^\\s:]+$": N_("an action id without spaces or colons (for example I.1a.1 or P1-03)"),
    "^[a-z0-9]+(-[a-z0-9]+)*$": N_("a lowercase id of letters, digits and hyphens (for example pnud)"),
    "^[A-Z]{2}$": N_("an ISO 3166-1 alpha-2 country code in capitals (for example CH)"),
}

# Pydantic shows enum members by their repr in its list of allowed values.
_ENUM_REPR = re.compile(r"<[A-Za-z_][\w.]*: ((?:'[^']*'|\"[^\"]*\"|[^>])*)>")

_QUOTED = re.compile(r"'([^'\n]*)'")

_TYPE_WORDS = {
    "string_type": N_("a string"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "list_type": N_("a list"),
    "model_type": N_("a mapping"),
    "model_attributes_type": N_("a mapping"),
    "dict_type": N_("a mapping"),
    "none_required": "null",
}


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if value is None:
        return "null"
    if isinstance(value, bool):  # as the file writes it, apart from the string 'true'
        return "true" if value else "false"
    text = quote_value(value) if isinstance(value, str) else repr(value)
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
        known_text = ", ".join(known)
        if close:
            message = _("unknown key {key!r}; did you mean {close!r}? expected one of: {known}")
            return message.format(key=key, close=close[0], known=known_text), True
        return _("unknown key {key!r}; expected one of: {known}").format(key=key, known=known_text), True
    if kind == "missing":
        return _("missing required key {key!r}").format(key=str(loc[-1])), False
    if kind == "string_pattern_mismatch":
        pattern = context.get("pattern", "")
        if pattern in _PATTERN_WORDS:
            words = _(_PATTERN_WORDS[pattern]).format(form=_(ACCEPTED_FORM))
        else:
            words = _("text matching {pattern}").format(pattern=pattern)
        return _expected(words, value), False
    if kind in ("enum", "literal_error"):
        return _expected(_either(context.get("expected")), value), False
    if kind in _TYPE_WORDS:
        return _expected(_(_TYPE_WORDS[kind]), value), False
    if kind == "string_too_short":
        return _("expected a non-empty string"), False
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{_show(value)}: {error['msg'].lower()}", False
    if kind == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
        return message, False
    return _("{message} (got {value})").format(message=error["msg"], value=_show(value)), False


def _either(expected: str | None) -> str:
    """Pydantic's "'a', 'b' or 'c'" with the interface language's "or", and enum members as
    the file writes them: `<Status.PLANNED: 'planned'>` is `'planned'`."""
    if not expected:
        return _("one of the allowed values")
    expected = _ENUM_REPR.sub(r"\1", expected)
    if language() != SOURCE_LANGUAGE:  # Pydantic's quotes, as the interface language quotes
        expected = _QUOTED.sub(lambda found: quote(found[1]), expected)
    head, sep, last = expected.rpartition(" or ")
    return f"{head}{_(' or ')}{last}" if sep else expected


def _expected(words: str, value: Any) -> str:
    return _("expected {words}, got {value}").format(words=words, value=_show(value))


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

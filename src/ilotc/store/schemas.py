"""The published JSON Schemas of the data files, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ilotc.store.models import PartnersFile, PlanFile
from ilotc.store.sources import FileKind

_MODELS: dict[FileKind, type[BaseModel]] = {
    FileKind.PLAN: PlanFile,
    FileKind.PARTNERS: PartnersFile,
}


def json_schema(kind: FileKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan or partner file."""
    schema = _MODELS[kind].model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text(kind: FileKind) -> str:
    """The schema as the text committed under `schemas/`."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"

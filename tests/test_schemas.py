"""The published JSON Schemas: generated from the models, committed, and accepted by other tools."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLES, ROOT
from ilotc.store.schemas import json_schema_text
from ilotc.store.sources import FileKind


@pytest.mark.parametrize("kind", list(FileKind))
def test_committed_schema_is_in_sync(kind: FileKind) -> None:
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(kind), (
        f"schemas/{kind}.schema.json is stale: run `ilotc schema {kind} > schemas/{kind}.schema.json`"
    )


@pytest.mark.parametrize("kind", list(FileKind))
def test_data_file_points_editors_at_its_schema(kind: FileKind) -> None:
    first_line = (DATA / f"{kind}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"


def _check_jsonschema() -> str:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("check-jsonschema is not installed (it comes with the test extra)")
    return found


def _check_with_schema(kind: FileKind, data_file: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema run on `data_file` against the schema ilotc generates for `kind`."""
    schema = tmp_path / "schema.json"
    schema.write_text(json_schema_text(kind), encoding="utf-8")
    return subprocess.run(
        [_check_jsonschema(), "--schemafile", str(schema), str(data_file)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("kind", list(FileKind))
def test_check_jsonschema_accepts_the_bundled_files(kind: FileKind, tmp_path: Path) -> None:
    result = _check_with_schema(kind, DATA / f"{kind}.yaml", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_a_misspelt_key(tmp_path: Path) -> None:
    broken = tmp_path / "plan.yaml"
    broken.write_text(
        (DATA / "plan.yaml").read_text(encoding="utf-8").replace("timeline:", "timline:", 1),
        encoding="utf-8",
    )
    result = _check_with_schema(FileKind.PLAN, broken, tmp_path)
    assert result.returncode == 1
    assert "timline" in result.stdout + result.stderr


@pytest.mark.parametrize("kind", list(FileKind))
def test_ilotc_and_check_jsonschema_refuse_the_same_lax_values(kind: FileKind, tmp_path: Path) -> None:
    # examples/invalid/*_lax_types.yaml: every value the schema refuses is an ilotc error too
    example = EXAMPLES / "invalid" / f"{kind}_lax_types.yaml"
    expected = example.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    result = _check_with_schema(kind, example, tmp_path)
    assert result.returncode == 1
    refused = [line for line in result.stdout.splitlines() if f"{example}::$" in line]
    # older check-jsonschema releases let a date with a final newline through; ilotc never does
    assert 0 < len(refused) <= len(expected), result.stdout


def test_schema_is_json_schema_2020_12() -> None:
    schema = json.loads(json_schema_text(FileKind.PLAN))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False

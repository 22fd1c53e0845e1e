"""Tests of spbe_calc/schema.py: the JSON Schemas, generated from the specs and committed for editors."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from spbe_calc.schema import schema, schema_text

from .conftest import EXAMPLES, PACKAGE, ROOT, Run

SCHEMAS = PACKAGE / "schemas"


def _as_json(path: Path) -> Any:
    """What an editor's YAML language server sees: keys as strings, numbers as numbers."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=lambda o: float(o) if isinstance(o, Decimal) else str(o)))


@pytest.mark.parametrize("kind", ["model", "answers", "plan"])
def test_committed_schema_is_up_to_date(kind: str) -> None:
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), (
        f"regenerate: spbe-calc schema {kind} -o spbe_calc/schemas/{kind}.schema.json"
    )


@pytest.mark.parametrize("kind", ["model", "answers", "plan"])
def test_schema_is_valid_draft7(kind: str) -> None:
    jsonschema.Draft7Validator.check_schema(schema(kind))


def test_bundled_files_validate_against_schemas() -> None:
    jsonschema.validate(_as_json(ROOT / "indicators.yaml"), schema("model"))
    jsonschema.validate(_as_json(ROOT / "tests" / "data" / "mini-model.yaml"), schema("model"))
    for path in EXAMPLES.glob("*.yaml"):
        kind = "plan" if path.name.startswith("rencana") else "answers"
        jsonschema.validate(_as_json(path), schema(kind))


@pytest.mark.parametrize(
    "text",
    [
        "levels: {1: tiga}",
        "levels: [1, 2]",
        "levels: {1: 3}\nhasil: {indeks: 1.66, predikat: Kurang}",
        "levels: {1: 3}\nextra: 1",
        "levels: {1: {fakta: x}}",
        "levels: {satu: 3}",
    ],
)
def test_schema_rejects_bad_answers(text: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(yaml.safe_load(text))), schema("answers"))


@pytest.mark.parametrize("text", ["instansi: X", "instansi: X\nlevels:", "levels: {}", "levels: {1: null}"])
def test_schema_accepts_a_file_without_answers_yet(text: str) -> None:
    jsonschema.validate(json.loads(json.dumps(yaml.safe_load(text))), schema("answers"))


def test_schema_command(run: Run, tmp_path: Path) -> None:
    r = run("schema", "answers")
    assert json.loads(r.stdout) == schema("answers")
    out = tmp_path / "m.json"
    r = run("schema", "model", "-o", str(out))
    assert r.exit_code == 0 and json.loads(out.read_text()) == schema("model")
    assert r.stdout == ""


def test_model_modeline_points_at_committed_schema() -> None:
    first = (ROOT / "indicators.yaml").read_text(encoding="utf-8").splitlines()[0]
    target = first.split("$schema=")[1]
    assert target.startswith("spbe_calc/") and (PACKAGE.parent / target).exists()  # a schema the package ships

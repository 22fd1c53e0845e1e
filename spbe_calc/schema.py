"""JSON Schemas (draft-07) of the model, answers and plan formats, generated from their specs.

The schemas are for editors (yaml-language-server) and other tools; spbe-calc itself checks
files with the same spec objects. The generated files are shipped under ``spbe_calc/schemas/``
and a test fails when they are out of date; regenerate them with
``spbe-calc schema model -o spbe_calc/schemas/model.schema.json`` (and likewise ``answers`` and
``plan``). A differential test feeds the same documents to the loader and to the schema.
"""

from __future__ import annotations

import json
from typing import Any

from spbe_calc.answers import ANSWERS_SPEC
from spbe_calc.model import MODEL_SPEC
from spbe_calc.plan import PLAN_SPEC
from spbe_calc.spec import Spec

SCHEMA_BASE = "https://spbe-calc.invalid/schemas"  # an identifier, not a place to fetch from

#: Each file kind with a schema: its spec and the schema's title.
KINDS: dict[str, tuple[Spec, str]] = {
    "model": (MODEL_SPEC, "spbe-calc model"),
    "answers": (ANSWERS_SPEC, "spbe-calc answers"),
    "plan": (PLAN_SPEC, "spbe-calc plan (costs and reachable levels)"),
}


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a file kind (``model``, ``answers`` or ``plan``)."""
    spec, title = KINDS[kind]
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"{SCHEMA_BASE}/{kind}.schema.json",
        "title": title,
        **spec.json_schema(),
    }


def schema_text(kind: str) -> str:
    """The schema as it is shipped: indented JSON with a final newline."""
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"

"""JSON Schemas (draft-07) of the model and answers formats, generated from :mod:`spbe_calc.spec`.

The schemas are for editors (yaml-language-server) and other tools; spbe-calc itself checks
files with the same spec objects, so the two cannot disagree. The generated files are committed
under ``spbe_calc/schemas/`` and a test fails when they are out of date; regenerate them with
``spbe-calc schema model -o spbe_calc/schemas/model.schema.json`` (and likewise ``answers``).
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_BASE = "https://spbe-calc.invalid/schemas"  # an identifier, not a place to fetch from


def schema(kind: str) -> dict[str, Any]:
    """Return the JSON Schema of ``kind`` (``model``, ``answers`` or ``plan``)."""
    if kind == "model":
        from spbe_calc.model import MODEL_SPEC as spec

        title = "spbe-calc model"
    elif kind == "answers":
        from spbe_calc.answers import ANSWERS_SPEC as spec

        title = "spbe-calc answers"
    elif kind == "plan":
        from spbe_calc.plan import PLAN_SPEC as spec

        title = "spbe-calc plan (costs and reachable levels)"
    else:
        raise ValueError(kind)
    body = spec.json_schema()
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": f"{SCHEMA_BASE}/{kind}.schema.json",
            "title": title, **body}


def schema_text(kind: str) -> str:
    """The schema as it is committed: indented JSON with a final newline."""
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"

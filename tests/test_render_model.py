"""Tests of spbe_calc/render/model.py."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .conftest import Run
from .helpers import MINI_TEXT


def test_the_model_in_json_names_each_indicators_scale(run: Run) -> None:
    data = json.loads(run("models", "spbe-2020", "-f", "json").stdout)
    indicators = [i for d in data["domains"] for i in d.get("indicators", [])] or [
        i for a in data["aspects"] for i in a["indicators"]
    ]
    assert {i["scale"] for i in indicators} == {"proses", "layanan"}


def test_a_model_that_bands_the_rounded_index_says_so(run: Run, write: Callable[..., Path]) -> None:
    path = write("m.yaml", MINI_TEXT.replace("scoring:\n  banding: exact\n", "scoring:\n  banding: rounded\n"))
    assert json.loads(run("models", str(path), "-f", "json").stdout)["banding"] == "rounded"

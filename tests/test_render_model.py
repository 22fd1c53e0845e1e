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


def test_models_name_shows_a_model_in_full(run: Run) -> None:
    out = run("models", "spbe-2020", "--lang", "en").stdout
    for words in (
        "PermenPANRB 59/2020",
        "Status:",
        "official",
        "2021–2025",
        "2023: on the rounded index",
        "16.5",
        "13",
    ):
        assert words in out
    data = json.loads(run("models", "spbe-2018", "-f", "json").stdout)
    assert data["status"] == "reconstructed"
    inferred = [n for n in data["notes"] if n["kind"] == "inferred"]
    assert sorted(n["value"] for n in inferred) == ["1.8", "3.5", "4.2"]
    disputed = json.loads(run("models", "pemdi-2026", "-f", "json").stdout)["notes"]
    assert {"value": "4.0", "alternatives": ["4.2"]}.items() <= next(
        n for n in disputed if n["ref"] == "predikat"
    ).items()

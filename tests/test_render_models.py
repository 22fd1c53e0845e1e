"""spbe_calc.render.models: the bundled models as a table (default marked, status said) and JSON."""

from __future__ import annotations

import json

from spbe_calc.core import ModelInfo, bundled_model_infos
from spbe_calc.render import Options
from spbe_calc.render.models import render_json, render_text

from .helpers import THIRDS, Write


def test_the_table_marks_the_default_and_counts_what_each_model_has() -> None:
    rows = {line.split()[0]: line for line in render_text(bundled_model_infos(), Options(width=100)).splitlines()}
    assert "spbe-2020 *" in rows["spbe-2020"] and "2021–2025" in rows["spbe-2020"] and "4/8/47" in rows["spbe-2020"]
    assert "resmi" in rows["spbe-2020"] and "rekonstruksi" in rows["spbe-2018"]
    assert "-/7/20" in rows["pemdi-2026"] and "2026–" in rows["pemdi-2026"]  # no domains, no last year
    assert "* model bawaan" in rows["*"]


def test_only_an_unofficial_model_is_coloured() -> None:
    text = render_text(bundled_model_infos(), Options(color=True, width=100))
    (official,) = [line for line in text.splitlines() if "spbe-2020" in line]
    (provisional,) = [line for line in text.splitlines() if "pemdi-2026 " in line]
    assert "\x1b[33m" not in official and "\x1b[33m" in provisional


def test_json_has_one_object_per_model_with_its_warning(write: Write) -> None:
    data = {d["name"]: d for d in json.loads(render_json(bundled_model_infos(), Options()))}
    official = data["spbe-2020"]
    assert (official["default"], official["status"], official["years"], official["levels"]) == (
        True,
        "official",
        [2021, 2025],
        [1, 5],
    )
    assert (official["domains"], official["aspects"], official["indicators"], official["warning"]) == (4, 8, 47, None)
    assert data["pemdi-2026"]["warning"] and data["pemdi-2026"]["years"] == [2026, None]
    from spbe_calc.model import load_model

    thirds = ModelInfo(name="m.yaml", model=load_model(str(write("m.yaml", THIRDS))), default=False)
    (mine,) = json.loads(render_json([thirds], Options()))
    assert mine["years"] == [None, None] and mine["domains"] == 0
    (row,) = [line for line in render_text([thirds], Options()).splitlines() if line.startswith("m.yaml")]
    assert "–" not in row  # no years: an empty cell, not a made-up range


def test_models_are_listed_oldest_regulation_first() -> None:
    assert [(i.name, i.default) for i in bundled_model_infos()] == [
        ("spbe-2018", False),
        ("spbe-2020", True),
        ("pemdi-2026", False),
        ("pemdi-2026-b", False),
    ]

"""Tests of spbe_calc/render/plan.py: the plan as text and JSON."""

from __future__ import annotations

import json

from .conftest import EXAMPLES, Run
from .helpers import EX22


def test_plan_command_text_and_json(run: Run) -> None:
    path = str(EXAMPLES / "kabupaten-contoh-2022.yaml")
    r = run("plan", path, "--target", "2.50")
    assert r.exit_code == 0
    # Regression values (the program's output; minimality itself is tested against brute force).
    assert "paling sedikit 4 kenaikan tingkat" in " ".join(r.stdout.split())
    data = json.loads(run("plan", path, "-t", "Baik", "-f", "json").stdout)
    assert data["index_before"] == 2.38 and data["predikat_after"] == "Baik" and data["total_cost"] == 8
    assert set(data["steps"][0]) >= {"indicator", "from", "to", "index_after"}
    assert data["steps"][-1]["index_after"] == data["index_after"]


def test_a_predikat_target_is_said_by_its_official_name(run: Run) -> None:
    # Predikat are official names: written exactly, whatever case the target was typed in.
    assert "→ target Sangat Baik:" in run("plan", EX22, "-t", "sangat baik").stdout
    assert json.loads(run("plan", EX22, "-t", "SANGAT baik", "-f", "json").stdout)["target"] == "Sangat Baik"

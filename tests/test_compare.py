"""Tests of spbe_calc/compare.py."""

from __future__ import annotations

import json

from .conftest import Run
from .helpers import DPS, EX21, EX22


def test_compare_text_in_year_order(run: Run) -> None:
    r = run("compare", EX22, EX21)  # given out of order
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    header = next(ln for ln in lines if "2021" in ln and "2022" in ln)
    assert header.index("2021") < header.index("2022")
    assert "+0,72" in r.stdout and "Kurang" in r.stdout and "Cukup" in r.stdout
    assert "Kenaikan terbesar" in r.stdout and "Penurunan terbesar" in r.stdout


def test_compare_json(run: Run) -> None:
    data = json.loads(run("compare", "-f", "json", EX21, EX22).stdout)
    assert [f["tahun"] for f in data["files"]] == [2021, 2022]
    assert data["index_delta"] == 0.72 and data["index_delta_exact"] == "0.72"
    d3 = next(d for d in data["domains"] if d["id"] == "D3")
    assert d3["delta"] == -0.09
    gains = data["indicator_gains"]
    assert gains[0]["delta"] >= gains[-1]["delta"] > 0
    assert {g["id"] for g in gains[:2]} == {45, 46}  # 1 -> 3 on 3.00 % weights: +0.06 each
    losses = data["indicator_losses"]
    assert losses[0]["id"] == 29 and losses[0]["levels"] == [2, 1]
    # every change is accounted for: the contributions add up to the index change
    total = sum(float(g["delta_exact"]) for g in gains + losses)
    assert abs(total - 0.72) < 1e-9


def test_compare_across_models_compares_index_only(run: Run) -> None:
    r = run("compare", DPS, EX21)
    assert r.exit_code == 0 and "Model berbeda" in r.stdout
    data = json.loads(run("compare", "-f", "json", DPS, EX21).stdout)
    assert data["same_model"] is False and data["domains"] == [] and data["index_delta"] == -0.98


def test_compare_needs_two_files(run: Run) -> None:
    r = run("compare", EX21)
    assert r.exit_code == 2 and "dua berkas" in r.stderr

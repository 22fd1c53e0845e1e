"""Tests of spbe_calc/compare.py."""

from __future__ import annotations

import json

import pytest

from spbe_calc.compare import compare_files
from spbe_calc.errors import SpbeError

from .conftest import Run
from .helpers import DPS, EX21, EX22, MINI_TEXT, NIAS, Write


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


def test_the_files_are_scored_with_the_model_asked_for(run: Run, write: Write) -> None:
    # Files that name no model are read with --model; the bundled model would not know them.
    write("m.yaml", MINI_TEXT)
    a = write("a.yaml", "tahun: 2023\nlevels: {1: 1, 2: 1, 3: 1, 4: 1, 5: 1}\n")
    b = write("b.yaml", "tahun: 2024\nlevels: {1: 3, 2: 3, 3: 3, 4: 3, 5: 3}\n")
    data = json.loads(run("compare", "-m", str(a.parent / "m.yaml"), "-f", "json", str(a), str(b)).stdout)
    assert [f["index"] for f in data["files"]] == [1, 3] and data["index_delta"] == 2
    assert run("compare", str(a), str(b)).exit_code == 2  # without it: the bundled model's 47 indicators


def test_partial_files_are_compared_only_when_asked(run: Run, write: Write) -> None:
    a = write("a.yaml", "model: spbe-2020\ntahun: 2023\nlevels: {1: 2}\n")
    b = write("b.yaml", "model: spbe-2020\ntahun: 2024\nlevels: {1: 4}\n")
    refused = run("compare", str(a), str(b))
    assert refused.exit_code == 2 and "belum dijawab" in refused.stderr
    r = run("compare", "--partial", "-f", "json", str(a), str(b))
    assert r.exit_code == 0 and json.loads(r.stdout)["index_delta"] > 0


def test_published_years_join_by_default_and_one_file_is_named_as_the_command(run: Run) -> None:
    c = compare_files([NIAS[2023]])  # the default adds the agency's published years
    assert [(f.answers.tahun, f.published is not None) for f in c.files] == [(2023, False), (2024, True)]
    with pytest.raises(SpbeError) as info:
        compare_files([NIAS[2023]], published=False)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("compare", "compare-needs-two")


def test_by_default_only_complete_files_are_compared(write: Write) -> None:
    a = write("a.yaml", "model: spbe-2020\ntahun: 2023\nlevels: {1: 2}\n")
    b = write("b.yaml", "model: spbe-2020\ntahun: 2024\nlevels: {1: 4, 2: 3}\n")
    with pytest.raises(SpbeError) as info:
        compare_files([str(a), str(b)])
    assert {p.code for p in info.value.problems} == {"missing-indicators"}
    c = compare_files([str(a), str(b)], partial=True)
    # An indicator missing from a file has no value there, and is no gain or loss.
    rows = {r.code: r for r in c.gains}
    assert list(rows) == ["1"] and rows["1"].levels == (2, 4)
    assert all(r.code != "2" for r in (*c.gains, *c.losses))


def test_a_file_without_a_year_comes_last(write: Write) -> None:
    a = write("a.yaml", "model: spbe-2020\nlevels: {1: 2}\n")
    b = write("b.yaml", "model: spbe-2020\ntahun: 2024\nlevels: {1: 4}\n")
    c = compare_files([str(a), str(b)], partial=True)
    assert [f.answers.tahun for f in c.files] == [2024, None]


def test_aspect_and_domain_rows_hold_each_years_values() -> None:
    c = compare_files([EX21, EX22])
    by_year = [{a.id: a.value for a in f.score.aspects} for f in c.files]
    assert [(r.code, r.values) for r in c.aspects] == [(f"A{i}", (by_year[0][i], by_year[1][i])) for i in range(1, 9)]
    domains = [{d.id: d.value for d in f.score.domains} for f in c.files]
    assert [r.values for r in c.domains] == [(domains[0][i], domains[1][i]) for i in range(1, 5)]
    assert all(r.delta and r.delta > 0 for r in c.gains) and all(r.delta and r.delta < 0 for r in c.losses)
    model = c.files[0].model
    assert [r.name for r in c.domains] == [d.name for d in model.domains]
    assert [r.name for r in c.aspects] == [a.name for a in model.aspects]
    assert all(r.name == model.by_id[int(r.code)].name for r in (*c.gains, *c.losses))

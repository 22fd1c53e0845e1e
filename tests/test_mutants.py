"""Behaviour that mutation testing found untested (issue: "a house that is easy to live in").

Each test pins one rule whose mutation survived the earlier suite: the defaults of band-edge
inclusivity, a band gap of a single point, an exclusive target edge in the fewest-raises plan,
the model's precision in JSON, an indicator without a scale, every YAML 1.1 boolean spelling.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_calc.bars import parse_bar
from spbe_calc.errors import SpbeError
from spbe_calc.model import Model, load_model
from spbe_calc.plan import make_plan, threshold
from spbe_calc.scoring import band_of, score
from spbe_calc.yamlsafe import parse

from .conftest import DATA, Run

MINI = (DATA / "mini-model.yaml").read_text(encoding="utf-8")
ALL = {1: 3, 2: 3, 3: 3, 4: 3, 5: 3}


def _model(write: Callable[..., Path], text: str) -> Model:
    return load_model(str(write("m.yaml", text)))


def _bands(text: str) -> str:
    start = MINI.index("predikat:")
    end = MINI.index("domains:")
    return MINI[:start] + text + MINI[end:]


def test_band_edges_default_to_lower_inclusive_upper_exclusive(write: Callable[..., Path]) -> None:
    """Without min_inclusive/max_inclusive, a value on an edge belongs to the band above it."""
    model = _model(
        write,
        _bands(
            "predikat:\n"
            "  - {name: Tinggi, min: 3, max: 5, max_inclusive: true}\n"
            "  - {name: Rendah, min: null, max: 3}\n"
        ),
    )
    assert band_of(model, Fraction(3)).name == "Tinggi"
    assert band_of(model, Fraction(3) - Fraction(1, 10**9)).name == "Rendah"
    assert band_of(model, Fraction(5)).name == "Tinggi"
    assert band_of(model, Fraction(1)).name == "Rendah"


def test_an_open_upper_edge_is_exclusive_unless_said(write: Callable[..., Path]) -> None:
    """A top band that stops at 5 without max_inclusive leaves 5 itself uncovered: an error."""
    with pytest.raises(SpbeError) as info:
        _model(
            write,
            _bands("predikat:\n  - {name: Tinggi, min: 3, max: 5}\n  - {name: Rendah, min: null, max: 3}\n"),
        )
    assert [p.code for p in info.value.problems] == ["band-gap"]


def test_a_single_point_gap_between_bands_is_reported(write: Callable[..., Path]) -> None:
    """2.6 excluded by both neighbours is a gap of one point; scoring exactly 2.6 would find no band."""
    with pytest.raises(SpbeError) as info:
        _model(
            write,
            _bands(
                "predikat:\n"
                "  - {name: Tinggi, min: 2.6, max: 5, min_inclusive: false, max_inclusive: true}\n"
                "  - {name: Rendah, min: null, max: 2.6, max_inclusive: false}\n"
            ),
        )
    problem = info.value.problems[0]
    assert (problem.code, problem.args["start"], problem.args["end"]) == ("band-gap", "2.6", "2.6")


def test_bands_meeting_with_both_edges_inclusive_overlap(write: Callable[..., Path]) -> None:
    with pytest.raises(SpbeError) as info:
        _model(
            write,
            _bands(
                "predikat:\n"
                "  - {name: Tinggi, min: 2.6, max: 5, max_inclusive: true}\n"
                "  - {name: Rendah, min: null, max: 2.6, max_inclusive: true}\n"
            ),
        )
    assert [p.code for p in info.value.problems] == ["band-overlap"]


def test_fewest_raises_respect_an_exclusive_target_edge(write: Callable[..., Path]) -> None:
    """With "Tinggi" starting just above 3.35, reaching exactly 3.35 is not enough."""
    model = _model(
        write,
        _bands(
            "predikat:\n"
            "  - {name: Tinggi, min: 3.35, max: 5, min_inclusive: false, max_inclusive: true}\n"
            "  - {name: Rendah, min: null, max: 3.35, max_inclusive: true}\n"
        ),
    )
    assert threshold(model, parse_bar("Tinggi")) == (Fraction("3.35"), True)
    # From 3.00, one step of indicator 3 (weight 35) lands exactly on 3.35: still Rendah.
    plan = make_plan(model, dict(ALL), parse_bar("Tinggi"))
    assert [(s.indicator.id, s.to_level) for s in plan.steps] == [(3, 4), (3, 5)]  # 0.35 each, the largest
    assert plan.index_after == Fraction("3.70") and plan.band_after.name == "Tinggi"
    assert score(model, plan.levels_after).band.name == "Tinggi"
    # The same edge, inclusive: the one step is enough.
    inclusive = _model(write, MINI)
    assert make_plan(inclusive, dict(ALL), parse_bar("3.35")).steps[-1].index_after == Fraction("3.35")


def test_json_rounds_to_the_models_precision(run: Run, write: Callable[..., Path]) -> None:
    """Weights of 10.4 and 14.6 give an index of 1.146: three decimals with precision 3, where
    two would show 1.15."""
    text = (
        MINI.replace("  banding: exact\n", "  banding: exact\n  precision: 3\n")
        .replace("{id: 4, name: Indikator Empat, weight: 10.00", "{id: 4, name: Indikator Empat, weight: 10.40")
        .replace("{id: 5, name: Indikator Lima, weight: 15.00", "{id: 5, name: Indikator Lima, weight: 14.60")
    )
    model = write("m3.yaml", text)
    answers = write("a.yaml", f"model: {model}\nlevels: {{1: 1, 2: 1, 3: 1, 4: 1, 5: 2}}\n")
    data = json.loads(run("score", "-f", "json", str(answers)).stdout)
    # (20 + 20 + 35 + 10.4 + 2 × 14.6) / 100 = 1.146; aspect 3: (10.4 + 29.2) / 25 = 1.584
    assert data["index"] == 1.146 and data["index_exact"] == "1.146"
    assert data["aspects"][2]["index"] == 1.584
    two = write("m2.yaml", text.replace("  precision: 3\n", ""))
    answers2 = write("b.yaml", f"model: {two}\nlevels: {{1: 1, 2: 1, 3: 1, 4: 1, 5: 2}}\n")
    assert json.loads(run("score", "-f", "json", str(answers2)).stdout)["index"] == 1.15


def test_an_indicator_without_a_scale_is_reported(write: Callable[..., Path]) -> None:
    text = MINI.replace("default_scale: proses\n", "")
    with pytest.raises(SpbeError) as info:
        _model(write, text)
    codes = [p.code for p in info.value.problems]
    assert codes.count("no-scale") == 5


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF", "Y", "N"])
def test_every_yaml_11_boolean_is_flagged(word: str) -> None:
    doc = parse(f"instansi: {word}\n", "a.yaml")
    assert [(p.code, p.line, p.col) for p in doc.problems] == [("yaml11-bool", 1, 11)]
    assert doc.root is not None and doc.root.value[0][1].value == word  # kept as the text written


def test_json_aspects_name_their_domain_and_domains_do_not(run: Run) -> None:
    data = json.loads(
        run("score", "-f", "json", str(DATA.parent.parent / "examples" / "kabupaten-contoh-2022.yaml")).stdout
    )
    assert [a["domain"] for a in data["aspects"]] == [1, 2, 2, 2, 3, 3, 4, 4]
    assert all("domain" not in d for d in data["domains"])

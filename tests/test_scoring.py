"""Scoring against the regulation's worked examples, band edges and published facts."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from spbe_calc.core import score_file
from spbe_calc.model import Model, load_model
from spbe_calc.numbers import exact_str, round_half_up
from spbe_calc.scoring import band_of, level_text, score

from .conftest import DATA, EXAMPLES, ROOT
from .oracle import weighted_index

FIGURES = yaml.safe_load((DATA / "public-figures.yaml").read_text(encoding="utf-8"))
WORKED = FIGURES["worked_examples_permenpanrb_59_2020"]


def levels_with(model: Model, base: int, **overrides: int) -> dict[int, int]:
    levels = {i.id: base for i in model.indicators}
    levels.update({int(k[1:]): v for k, v in overrides.items()})
    return levels


# --- Tabel 10, 11, 12 ----------------------------------------------------------------------------


def test_tabel_10_indeks_aspek(model: Model) -> None:
    ex = WORKED["indeks_aspek_2"]
    levels = levels_with(model, 1, **{f"i{k}": v for k, v in ex["indicator_levels"].items()})
    s = score(model, levels)
    aspect = next(a for a in s.aspects if a.id == 2)
    assert aspect.weight == Fraction(str(ex["aspect_weight_pct"]))
    assert sum(Fraction(str(ex["indicator_weight_pct"])) * v for v in ex["indicator_levels"].values()) == Fraction(
        str(ex["sum_level_x_weight"])
    )
    assert aspect.value == Fraction(str(ex["result"]))


def test_tabel_11_indeks_domain(model: Model) -> None:
    ex = WORKED["indeks_domain_2"]
    # Aspect 2 as in Tabel 10 (3.0), aspect 3 all at 4 (4.0), aspect 4 at 3 (3.0).
    levels = levels_with(model, 1, i11=3, i12=4, i13=3, i14=2, i15=4, i16=4, i17=4, i18=4, i19=3, i20=3)
    s = score(model, levels)
    got = {a.id: a.value for a in s.aspects if a.id in ex["aspect_indices"]}
    assert got == {k: Fraction(str(v)) for k, v in ex["aspect_indices"].items()}
    domain = next(d for d in s.domains if d.id == 2)
    assert domain.weight == Fraction(str(ex["domain_weight_pct"]))
    assert domain.value == Fraction(str(ex["result"]))
    # And through the formula itself, with the published inputs.
    parts = [(Fraction(str(ex["aspect_indices"][k])), ex["aspect_weights_pct"][k]) for k in ex["aspect_indices"]]
    assert weighted_index(parts, Fraction(str(ex["domain_weight_pct"]))) == Fraction(str(ex["result"]))


def test_tabel_12_indeks_spbe(model: Model) -> None:
    ex = WORKED["indeks_spbe"]
    parts = [
        (Fraction(str(ex["domain_indices"][k])), Fraction(str(ex["domain_weights_pct"][k])))
        for k in ex["domain_indices"]
    ]
    assert sum(v * w for v, w in parts) == Fraction(str(ex["sum"]))
    # 328.20 / 100 = 3.282, printed in the regulation with two decimals as 3,28.
    assert weighted_index(parts, 100) == Fraction(str(ex["sum"])) / 100
    assert round_half_up(weighted_index(parts, 100), 2) == Decimal(str(ex["result"]))
    # The model carries the same domain weights as Tabel 12.
    assert {d.id: d.weight for d in model.domains} == {k: Fraction(str(v)) for k, v in ex["domain_weights_pct"].items()}


# --- band edges ------------------------------------------------------------------------------------

EDGES = [
    ("1.8", "Cukup", "Kurang"),
    ("2.6", "Baik", "Cukup"),
    ("3.5", "Sangat Baik", "Baik"),
    ("4.2", "Memuaskan", "Sangat Baik"),
]


@pytest.mark.parametrize(("edge", "at", "below"), EDGES)
def test_band_edges_exact(model: Model, edge: str, at: str, below: str) -> None:
    value = Fraction(edge)
    assert band_of(model, value).name == at
    assert band_of(model, value - Fraction(1, 10**12)).name == below
    assert band_of(model, value - Fraction(1, 400)).name == below  # x.x975, shown as the edge


def _rounded_model(tmp_path: Path) -> Model:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    assert "banding: exact" in text
    text = text.replace("banding: exact", "banding: rounded", 1)
    path = tmp_path / "rounded.yaml"
    path.write_text(text, encoding="utf-8")
    return load_model(str(path))


@pytest.mark.parametrize(("edge", "at", "below"), EDGES)
def test_band_edges_rounded_setting(tmp_path: Path, edge: str, at: str, below: str) -> None:
    rounded = _rounded_model(tmp_path)
    value = Fraction(edge)
    assert band_of(rounded, value).name == at
    # 0.0025 below the edge rounds (half-up) to the edge itself, so it takes the upper band ...
    assert band_of(rounded, value - Fraction(1, 400)).name == at
    # ... while anything that rounds below the edge keeps the lower band.
    assert band_of(rounded, value - Fraction(51, 10000)).name == below


def test_top_edge_inclusive(model: Model) -> None:
    assert band_of(model, Fraction(5)).name == "Memuaskan"
    assert band_of(model, Fraction(1)).name == "Kurang"


# A real set of levels whose index is 1.7975: published as "1.80" but Kurang when banding the
# exact value (as in the 2024 national results), Cukup when the model bands the rounded value.
LEVELS_17975 = {
    **dict.fromkeys(range(1, 11), 1),
    **dict.fromkeys(range(11, 15), 3),
    **dict.fromkeys(range(15, 21), 2),
    **dict.fromkeys(range(21, 27), 4),
    **dict.fromkeys(range(27, 32), 3),
    32: 2,
    **dict.fromkeys(range(33, 48), 1),
}


def test_index_just_below_edge_exact_vs_rounded(model: Model, tmp_path: Path) -> None:
    s = score(model, LEVELS_17975)
    assert s.value == Fraction("1.7975")
    assert str(round_half_up(s.value, 2)) == "1.80"
    assert s.band.name == "Kurang"
    assert score(_rounded_model(tmp_path), LEVELS_17975).band.name == "Cukup"


# --- published facts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fact", [f for f in FIGURES["seed_facts_kotawaringin_timur"]["facts"] if "index" in f])
def test_seed_facts_predikat(model: Model, fact: dict) -> None:
    assert band_of(model, Fraction(str(fact["index"]))).name == fact["predikat"]


def test_seed_fact_hoped_for(model: Model) -> None:
    fact = FIGURES["seed_facts_kotawaringin_timur"]["facts"][2]
    assert band_of(model, Fraction(str(fact["hoped_for"]))).name == fact["hoped_for_predikat"]
    assert band_of(model, Fraction(str(fact["target_index"]))).name == "Cukup"


@pytest.mark.parametrize(
    ("name", "index", "predikat"),
    [
        ("kabupaten-contoh-2021.yaml", "1.66", "Kurang"),
        ("kabupaten-contoh-2022.yaml", "2.38", "Cukup"),
    ],
)
def test_examples_reproduce_seed_story(name: str, index: str, predikat: str) -> None:
    f = score_file(str(EXAMPLES / name))
    assert f.score.value == Fraction(index)
    assert f.score.band.name == predikat


@pytest.mark.parametrize(
    "row", [r for r in FIGURES["national_series"]["rows"] if r["regime"] == "59/2020"], ids=lambda r: str(r["year"])
)
def test_national_series_fits_domain_weights(model: Model, row: dict) -> None:
    """Published domain averages, weighted by the model, give the published index within rounding."""
    domains = [row["D_kebijakan"], row["D_tatakelola"], row["D_manajemen"], row["D_layanan"]]
    parts = [(Fraction(str(v)), d.weight) for v, d in zip(domains, model.domains)]
    assert abs(weighted_index(parts, 100) - Fraction(str(row["index"]))) <= Fraction(1, 100)


# --- rounding and exact text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.345", 2, "2.35"),
        ("2.344999", 2, "2.34"),
        ("1.7975", 2, "1.80"),
        ("0", 2, "0.00"),
        ("5", 2, "5.00"),
        ("-2.345", 2, "-2.35"),
        ("2.5", 0, "3"),
        ("1/3", 4, "0.3333"),
        ("2/3", 2, "0.67"),
    ],
)
def test_round_half_up(value: str, places: int, expected: str) -> None:
    assert str(round_half_up(Fraction(value), places)) == expected


def test_round_half_up_is_exact_beyond_decimal_context() -> None:
    assert str(round_half_up(Fraction(4, 3), 40)) == "1." + "3" * 40
    assert round_half_up(Fraction(4, 3), 40) == Decimal("1." + "3" * 40)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2.38", "2.38"),
        ("3", "3"),
        ("1.7975", "1.7975"),
        ("4/3", "1." + "3" * 30),
        ("1/8", "0.125"),
    ],
)
def test_exact_str(value: str, expected: str) -> None:
    assert exact_str(Fraction(value)) == expected


@pytest.mark.parametrize(
    ("file", "index"), [("kabupaten-contoh-2021.yaml", "1.66"), ("kabupaten-contoh-2022.yaml", "2.38")]
)
def test_example_indices_follow_from_the_regulation(file: str, index: str) -> None:
    """The examples' indices (asserted across the CLI tests) by the formula alone, from the
    weights in the reference data: Σ level × weight / 100, rounded half-up."""
    ref = yaml.safe_load((DATA / "permenpanrb-59-2020.yaml").read_text(encoding="utf-8"))
    weights = {
        i["id"]: Fraction(str(i["weight_pct"])) for d in ref["domains"] for a in d["aspects"] for i in a["indicators"]
    }
    answers = yaml.safe_load((EXAMPLES / file).read_text(encoding="utf-8"))["levels"]
    levels = {k: (v["level"] if isinstance(v, dict) else v) for k, v in answers.items()}
    exact = weighted_index(((levels[i], w) for i, w in weights.items()), 100)
    assert round_half_up(exact, 2) == Decimal(index)


def test_levels_in_words() -> None:
    assert level_text(3) == "3" and level_text((3, 2, 3)) == "3, 2, 3"


def test_an_indicator_scored_per_item_is_worth_its_items_mean() -> None:
    """Kota Denpasar 2018 answers indicator 35 (three public services) one level per item."""
    scored = score_file(str(Path(__file__).resolve().parent.parent / "examples" / "kota-denpasar-2018.yaml"))
    (item_scored,) = [i for i in scored.score.indicators if isinstance(i.level, tuple)]
    levels = item_scored.level
    assert item_scored.value == Fraction(sum(levels), len(levels))
    assert len(levels) == 3 and len(set(levels)) > 1  # a mean that differs from every item's level

"""Tests of spbe_calc/model/records.py."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_calc.errors import SpbeError
from spbe_calc.model import Band
from spbe_calc.scoring import band_of

from .helpers import _bands, _model


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


@pytest.mark.parametrize(
    ("min_inclusive", "max_inclusive"), [(True, True), (True, False), (False, True), (False, False)]
)
def test_a_band_holds_what_lies_between_its_edges_and_each_edge_as_written(
    min_inclusive: bool, max_inclusive: bool
) -> None:
    band = Band("Baik", Fraction(13, 5), Fraction(7, 2), min_inclusive, max_inclusive)
    assert band.contains(Fraction(3)) and band.contains(Fraction(2601, 1000)) and band.contains(Fraction(3499, 1000))
    assert not band.contains(Fraction(2599, 1000)) and not band.contains(Fraction(3501, 1000))
    assert band.contains(Fraction(13, 5)) is min_inclusive and band.contains(Fraction(7, 2)) is max_inclusive
    assert Band("Kurang", None, Fraction(1), True, False).contains(Fraction(-5))
    assert Band("Memuaskan", Fraction(4), None, False, True).contains(Fraction(99))

"""Exact scoring: aspect, domain and overall index, predikat, and display rounding.

All arithmetic uses :class:`fractions.Fraction`. Decimal arithmetic would already be inexact
for an aspect index such as (1.5 + 1.5 + 3.0) / 4.5, and binary floats for 1.30; fractions are
exact for every weighted mean, so comparisons with a band edge or a target are exact too.
Rounding (half-up) happens only when a value is shown, or when a model says that its predikat
is decided on the rounded value.

The formulas (PermenPANRB 59/2020, Lampiran II.B.4), with weights as percent of the index:

- indeks aspek  = Σ(level × indicator weight) / aspect weight
- indeks domain = Σ(aspect index × aspect weight) / domain weight
- indeks SPBE   = Σ(domain index × domain weight) / 100  (= Σ level × weight / 100)
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import NamedTuple

from spbe_calc.model import Band, Indicator, LevelValue, Model, Units
from spbe_calc.numbers import scaled_half_up


def level_value(level: LevelValue) -> Fraction:
    """The value an indicator scores: its level, or the mean level of its items."""
    if isinstance(level, tuple):
        return Fraction(sum(level), len(level))
    return Fraction(level)


def level_text(level: LevelValue) -> str:
    """A level for display: ``3``, or ``1, 3, 3`` for an indicator scored per item."""
    return ", ".join(map(str, level)) if isinstance(level, tuple) else str(level)


class IndicatorScore(NamedTuple):
    """An indicator's level and what it adds to the index (weight × level / total weight)."""

    indicator: Indicator
    level: LevelValue
    #: weight × level in the model's integer units (see :class:`spbe_calc.model.Units`)
    units: int
    total_units: int

    @property
    def value(self) -> Fraction:
        """The scored value: the level, or the items' mean level."""
        return level_value(self.level)

    @property
    def contribution(self) -> Fraction:
        """Share of the index: weight × level / total weight, exactly."""
        return Fraction(self.units, self.total_units)


class GroupScore(NamedTuple):
    """An aspect's or domain's index (its ``value``) and predikat."""

    kind: str  # "aspect" | "domain"
    id: int
    name: str
    weight: Fraction
    #: The indeks aspek or indeks domain, exact.
    value: Fraction
    band: Band
    #: The domain of an aspect (``None`` for domains, and for aspects of a model without domains).
    parent: int | None = None


class Score(NamedTuple):
    """The full result of scoring one set of levels against one model.

    Every score record has a ``value``: an indicator's level (or its items' mean), an aspect's or
    domain's index, and here the Indeks SPBE itself.
    """

    model: Model
    #: The Indeks SPBE, exact.
    value: Fraction
    band: Band
    domains: tuple[GroupScore, ...]
    aspects: tuple[GroupScore, ...]
    #: Every scored indicator's level, by id, in model order (what :func:`score` was given;
    #: empty for a published result, which has no levels).
    levels: dict[int, LevelValue]

    @property
    def indicators(self) -> tuple[IndicatorScore, ...]:
        """Each scored indicator with its level and what it adds to the index, in model order.

        Derived from ``levels`` when asked, not stored: results of a parallel batch travel between
        processes, and 47 records a file were a tenth of a 1,000-file batch (bench/run.py).
        """
        units = self.model.units
        return tuple(
            IndicatorScore(indicator=ind, level=level, units=level_units(units, ind.id, level), total_units=units.total)
            for ind in self.model.indicators
            if (level := self.levels.get(ind.id)) is not None
        )


def level_units(units: Units, ident: int, level: LevelValue) -> int:
    """Weight × level of an indicator in the model's integer units (items' levels summed)."""
    return units.per_level[ident] * (sum(level) if isinstance(level, tuple) else level)


def rounded_value(model: Model, value: Fraction) -> Fraction:
    """A value rounded half-up to the model's precision, as a fraction (what the rounded rule bands)."""
    return Fraction(scaled_half_up(value, model.precision), 10**model.precision)


def banded_value(model: Model, value: Fraction) -> Fraction:
    """The value a predikat or a bar is decided on: exact, or rounded when the model says so."""
    return rounded_value(model, value) if model.banding == "rounded" else value


def bands_by_rule(model: Model, value: Fraction) -> tuple[Band, Band]:
    """The predikat of a value under each rule: on the exact value, and on the rounded one.

    They differ only near a band edge (Nias Barat's 1.7975: Kurang exactly, Cukup rounded).
    """
    return model.band_for(value), model.band_for(rounded_value(model, value))


def band_of(model: Model, value: Fraction) -> Band:
    """Predikat of a value, on the exact or the rounded value as the model says."""
    return model.band_for(banded_value(model, value))


def score(model: Model, levels: Mapping[int, LevelValue]) -> Score:
    """Score a complete set of levels (one per indicator of ``model``).

    The caller guarantees completeness and range (see :func:`spbe_calc.answers.bind`); a missing
    indicator raises ``KeyError`` rather than being scored as anything. The sums follow the
    regulation's steps (aspect, then domain, then index) in exact integer units of the weights
    (:class:`spbe_calc.model.Units`); because each parent weight equals the sum of its children's,
    every index equals Σ(level × weight) / parent weight: the published formulas, step by step.
    """
    units = model.units
    aspect_sum: dict[int, int] = {}
    aspects: list[GroupScore] = []
    for aspect in model.aspects:
        acc = sum(level_units(units, ind.id, levels[ind.id]) for ind in aspect.indicators)
        aspect_sum[aspect.id] = acc
        index = Fraction(acc, units.aspect[aspect.id])
        aspects.append(
            GroupScore(
                kind="aspect",
                id=aspect.id,
                name=aspect.name,
                weight=aspect.weight,
                value=index,
                band=band_of(model, index),
                parent=aspect.domain_id,
            )
        )
    domains: list[GroupScore] = []
    for domain in model.domains:
        index = Fraction(sum(aspect_sum[a.id] for a in domain.aspects), units.domain[domain.id])
        domains.append(
            GroupScore(
                kind="domain",
                id=domain.id,
                name=domain.name,
                weight=domain.weight,
                value=index,
                band=band_of(model, index),
            )
        )
    index = Fraction(sum(aspect_sum.values()), units.total)
    in_order = {ind.id: levels[ind.id] for ind in model.indicators}
    return Score(
        model=model,
        value=index,
        band=band_of(model, index),
        domains=tuple(domains),
        aspects=tuple(aspects),
        levels=in_order,
    )

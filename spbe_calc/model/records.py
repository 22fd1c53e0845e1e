"""The typed, immutable form of a model: what scoring, planning and rendering work with.

Records are named tuples (immutable, typed, and cheap to define and build), built once by :mod:`spbe_calc.model.checks` after
every check has passed, so code that holds a :class:`Model` may rely on its invariants: weights
add up, levels are consecutive, the predikat bands cover the index range exactly once.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import NamedTuple, Union

#: A text in a model file: one string, or one per language (``{id: …, en: …}``).
Text = Union[str, dict[str, str]]

#: An indicator's level as an answer gives it and scoring reads it: a whole number, or one per
#: item for an indicator scored per item. (:class:`Level` is a level of a scale: its number,
#: name and description.)
LevelValue = Union[int, tuple[int, ...]]


class Level(NamedTuple):
    """One level of a scale: its number, official name (if any) and description."""

    value: int
    name: str | None
    description: Text | None = None


class Scale(NamedTuple):
    """A level scale; its levels are consecutive whole numbers, lowest first."""

    id: str
    name: str
    levels: tuple[Level, ...]

    @property
    def min(self) -> int:
        """Lowest level."""
        return self.levels[0].value

    @property
    def max(self) -> int:
        """Highest level."""
        return self.levels[-1].value

    def level(self, value: int) -> Level:
        """The level with this number (which must exist)."""
        return self.levels[value - self.min]


class Band(NamedTuple):
    """A predikat band with explicit edge inclusivity (``None``: no edge on that side)."""

    name: str
    min: Fraction | None
    max: Fraction | None
    min_inclusive: bool
    max_inclusive: bool

    def contains(self, value: Fraction) -> bool:
        """Tell whether ``value`` falls in this band (compared exactly).

        The comparison cross-multiplies numerators and denominators: exact like comparing the
        fractions, and several times faster, which a batch of a thousand files notices (~0.1 s).
        """
        n, d = value.numerator, value.denominator
        if self.min is not None:
            lhs, rhs = n * self.min.denominator, self.min.numerator * d
            if lhs < rhs or (lhs == rhs and not self.min_inclusive):
                return False
        if self.max is not None:
            lhs, rhs = n * self.max.denominator, self.max.numerator * d
            if lhs > rhs or (lhs == rhs and not self.max_inclusive):
                return False
        return True


class Indicator(NamedTuple):
    """One indicator; its weight is a share of the whole index (in the model's weight unit)."""

    id: int
    name: str
    weight: Fraction
    scale: Scale
    criteria: dict[int, Text]
    scope: Text | None
    note: Text | None
    aspect_id: int
    domain_id: int | None
    #: Assessed as several items (public services), each scored on its own, weight/N each.
    items: tuple[str, ...] = ()


class Aspect(NamedTuple):
    """An aspect groups indicators; its weight equals the sum of theirs."""

    id: int
    name: str
    weight: Fraction
    indicators: tuple[Indicator, ...]
    domain_id: int | None


class Domain(NamedTuple):
    """A domain groups aspects; its weight equals the sum of theirs."""

    id: int
    name: str
    weight: Fraction
    aspects: tuple[Aspect, ...]


class Note(NamedTuple):
    """An erratum, source conflict, inferred number or remark recorded with the model."""

    ref: str
    kind: str
    text: Text
    #: The disputed number as this model has it, and what other sources say (as written).
    value: str | None = None
    alternatives: tuple[str, ...] = ()


class BandingRule(NamedTuple):
    """How the predikat of some evaluation years was decided: on the exact or the rounded index."""

    banding: str
    year_from: int
    #: ``None``: every year from ``year_from`` on.
    year_to: int | None = None
    reason: Text | None = None
    source: str | None = None
    #: The rule is an assumption: no published result of its years shows it (said wherever shown).
    assumed: bool = False

    def covers(self, year: int) -> bool:
        """Whether the rule applies to an evaluation year."""
        return self.year_from <= year and (self.year_to is None or year <= self.year_to)


class Regulation(NamedTuple):
    """The regulation a model encodes, and how sure we are of it."""

    title: str
    short: str
    source: str | None = None
    confidence: str | None = None
    #: ``official`` (read from the regulation), ``reconstructed`` (rebuilt from secondary
    #: sources, some numbers inferred) or ``provisional`` (reported, unverified).
    status: str = "official"
    year_from: int | None = None
    year_to: int | None = None

    def covers(self, year: int) -> bool:
        """Whether the model is the one for an evaluation year (``True`` when it gives no years)."""
        if self.year_from is None:
            return True
        return self.year_from <= year and (self.year_to is None or year <= self.year_to)


class Units(NamedTuple):
    """A model's weights as integers: every weight is a whole number of ``1 / unit``.

    With this, an index is one integer sum divided by one integer, so scoring needs one exact
    fraction per aspect, domain and index instead of one per indicator. ``per_level[i]`` is what
    one level of indicator ``i`` (or of one of its items) adds, in units.
    """

    per_level: dict[int, int]
    aspect: dict[int, int]
    domain: dict[int, int]
    total: int

    @staticmethod
    def of(
        indicators: tuple[Indicator, ...],
        aspects: tuple[Aspect, ...],
        domains: tuple[Domain, ...],
        total_weight: Fraction,
    ) -> Units:
        """Express the given weights in their smallest common unit."""
        unit = total_weight.denominator
        for ind in indicators:
            unit = math.lcm(unit, ind.weight.denominator * max(1, len(ind.items)))
        return Units(
            per_level={i.id: int(i.weight * unit / max(1, len(i.items))) for i in indicators},
            aspect={a.id: int(a.weight * unit) for a in aspects},
            domain={d.id: int(d.weight * unit) for d in domains},
            total=int(total_weight * unit),
        )


class Model(NamedTuple):
    """A complete, validated assessment model."""

    id: str
    name: str
    #: The file as the user named it (for messages).
    path: str
    regulation: Regulation
    total_weight: Fraction
    #: ``exact``: the predikat of the exact index; ``rounded``: of the index rounded for display.
    #: The model's default until :meth:`for_year` picks the rule of an evaluation year.
    banding: str
    precision: int
    scales: dict[str, Scale]
    #: Highest band first.
    bands: tuple[Band, ...]
    domains: tuple[Domain, ...]
    aspects: tuple[Aspect, ...]
    indicators: tuple[Indicator, ...]
    notes: tuple[Note, ...]
    warning: Text | None
    by_id: dict[int, Indicator]
    units: Units
    #: The banding of particular evaluation years (``banding`` holds for the others).
    banding_rules: tuple[BandingRule, ...] = ()
    #: Why ``banding`` is what it is: ``model`` (the default), ``year`` (``banding_rule``
    #: for ``year``) or ``option`` (``--banding``).
    banding_basis: str = "model"
    banding_rule: BandingRule | None = None
    #: The evaluation year whose rule decided the banding (with ``banding_rule``; :meth:`for_year`).
    year: int | None = None
    #: The banding of the years no rule names (``scoring.banding``), kept when a rule applies.
    default_banding: str = "exact"

    def for_year(self, year: int | None, override: str | None = None) -> Model:
        """The model as it bands the results of an evaluation year (or as ``--banding`` says).

        ``banding_rule`` is set only when a year's rule decided the banding, so that whoever shows
        a rule's reason shows the one that applied.
        """
        if override is not None:
            return self._replace(banding=override, banding_basis="option")
        rule = next((r for r in self.banding_rules if year is not None and r.covers(year)), None)
        if rule is not None:
            return self._replace(banding=rule.banding, banding_basis="year", banding_rule=rule, year=year)
        return self

    @property
    def level_min(self) -> int:
        """Lowest level any indicator can have: the lowest possible index."""
        return min(s.min for s in self.scales.values())

    @property
    def level_max(self) -> int:
        """Highest level any indicator can have: the highest possible index."""
        return max(s.max for s in self.scales.values())

    def bands_ascending(self) -> tuple[Band, ...]:
        """The predikat bands from lowest to highest."""
        return self.bands[::-1]

    def band_rank(self, band: Band) -> int:
        """Position of a band from the bottom (0 = lowest predikat)."""
        return self.bands_ascending().index(band)

    def band_for(self, value: Fraction) -> Band:
        """The predikat band of an index value (a validated model covers the whole range)."""
        for band in self.bands:
            if band.contains(value):
                return band
        raise ValueError(f"no band for {value}")  # unreachable for a validated model

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

import functools
from decimal import Decimal
from fractions import Fraction
from typing import Iterable, Mapping

from spbe_calc.model import Band, Indicator, Model
from spbe_calc.records import Record


def round_half_up(value: Fraction, places: int) -> Decimal:
    """Round an exact value to ``places`` decimals, halves away from zero (2.345 -> 2.35)."""
    n, d = value.numerator, value.denominator
    # floor(|x| * 10^places + 1/2) in integers: exact, and much cheaper than Fraction arithmetic.
    q = (2 * abs(n) * 10**places + d) // (2 * d)
    sign = "-" if n < 0 and q else ""
    # Built from a string, a Decimal is exact; scaleb() would round to the context's 28 digits.
    return Decimal(f"{sign}{q}E-{places}")


def exact_str(value: Fraction, max_places: int = 30) -> str:
    """Write an exact value as a decimal string: all digits when it terminates, else 30 places.

    Indices of the 59/2020 model always terminate (weights have two decimals); an aspect index
    such as 4/3 does not, and is written to 30 places (rounded half-up).
    """
    return _exact_str(value.numerator, value.denominator, max_places)


@functools.lru_cache(maxsize=4096)  # batch runs meet the same few hundred values again and again
def _exact_str(numerator: int, denominator: int, max_places: int) -> str:
    """:func:`exact_str` on the numerator and denominator (cheap to hash, unlike a Fraction)."""
    value = Fraction(numerator, denominator)
    den = denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    places = max(twos, fives) if den == 1 else max_places
    text = format(round_half_up(value, min(places, max_places)), "f")
    if "." in text and den == 1:
        text = text.rstrip("0").rstrip(".") if places > 0 else text
    return text


def level_value(level: int | tuple[int, ...]) -> Fraction:
    """The value an indicator scores: its level, or the mean level of its items."""
    if isinstance(level, tuple):
        return Fraction(sum(level), len(level))
    return Fraction(level)


def level_text(level: int | tuple[int, ...]) -> str:
    """A level for display: ``3``, or ``1, 3, 3`` for an indicator scored per item."""
    return ", ".join(map(str, level)) if isinstance(level, tuple) else str(level)


class IndicatorScore:
    """An indicator's level and what it adds to the index (weight × level / total weight).

    A plain slotted class with its own ``__init__``: 47 of these are made per scored file, so
    construction cost matters in batch runs. Treat it as read-only.
    """

    __slots__ = ("indicator", "level", "units", "total_units")

    def __init__(self, indicator: Indicator, level: int | tuple[int, ...], units: int, total_units: int) -> None:
        self.indicator = indicator
        self.level = level
        self.units = units  # weight × level in the model's integer units
        self.total_units = total_units

    @property
    def value(self) -> Fraction:
        """The scored value: the level, or the items' mean level."""
        return level_value(self.level)

    @property
    def contribution(self) -> Fraction:
        """Share of the index: weight × level / total weight, exactly."""
        return Fraction(self.units, self.total_units)


class GroupScore:
    """An aspect's or domain's index and predikat (read-only; slotted for speed, see above)."""

    __slots__ = ("kind", "id", "name", "weight", "index", "band", "parent")

    def __init__(self, kind: str, id: int, name: str, weight: Fraction, index: Fraction, band: Band,
                 parent: int | None = None) -> None:
        self.kind = kind  # "aspect" | "domain"
        self.id = id
        self.name = name
        self.weight = weight
        self.index = index
        self.band = band
        self.parent = parent


class Score(Record):
    """The full result of scoring one set of levels against one model."""

    __slots__ = ("model", "index", "band", "domains", "aspects", "indicators")
    model: Model
    index: Fraction
    band: Band
    domains: tuple[GroupScore, ...]
    aspects: tuple[GroupScore, ...]
    indicators: tuple[IndicatorScore, ...]

    def shown(self, value: Fraction) -> Decimal:
        """Round a value for display with the model's precision."""
        return round_half_up(value, self.model.precision)


def band_of(model: Model, value: Fraction) -> Band:
    """Predikat of a value, on the exact or the rounded value as the model says."""
    cache = _band_cache.get(id(model))
    if cache is None or cache[0] is not model:
        cache = _band_cache[id(model)] = (model, {})
    key = (value.numerator, value.denominator)  # hashing a Fraction itself is slow
    band = cache[1].get(key)
    if band is None:
        banded = Fraction(round_half_up(value, model.precision)) if model.banding == "rounded" else value
        band = model.band_for(banded)
        if len(cache[1]) < 4096:
            cache[1][key] = band
    return band


# Per model (kept with the model, so an id reused by another model is noticed): value -> band.
_band_cache: dict[int, tuple[Model, dict[tuple[int, int], Band]]] = {}


def weighted_index(parts: Iterable[tuple[Fraction | int, Fraction | int]], divisor: Fraction | int) -> Fraction:
    """Σ(value × weight) / divisor: the one formula behind every index of the regulation.

    With indicator levels and weights it gives an aspect index (divisor: the aspect weight); with
    aspect indices, a domain index; with domain indices and divisor 100, the Indeks SPBE.
    """
    return sum((Fraction(v) * Fraction(w) for v, w in parts), Fraction(0)) / Fraction(divisor)


def score(model: Model, levels: Mapping[int, int | tuple[int, ...]]) -> Score:
    """Score a complete set of levels (one per indicator of ``model``).

    The caller guarantees completeness and range (see :func:`spbe_calc.answers.bind`); a missing
    indicator raises ``KeyError`` rather than being scored as anything. The sums follow the
    regulation's steps (aspect, then domain, then index) in exact integer units of the weights
    (:class:`spbe_calc.model.Units`); because each parent weight equals the sum of its children's,
    every index equals Σ(level × weight) / parent weight, which is what
    :func:`weighted_index` computes step by step with the published formulas.
    """
    units = model.units
    per_level = units.per_level
    total = units.total
    indicators: list[IndicatorScore] = []
    aspect_sum: dict[int, int] = {}
    aspects: list[GroupScore] = []
    for aspect in model.aspects:
        acc = 0
        for ind in aspect.indicators:
            level = levels[ind.id]
            part = per_level[ind.id] * (sum(level) if isinstance(level, tuple) else level)
            acc += part
            indicators.append(IndicatorScore(ind, level, part, total))
        aspect_sum[aspect.id] = acc
        index = Fraction(acc, units.aspect[aspect.id])
        aspects.append(GroupScore("aspect", aspect.id, aspect.name, aspect.weight, index,
                                  band_of(model, index), aspect.domain_id))
    domains: list[GroupScore] = []
    for domain in model.domains:
        index = Fraction(sum(aspect_sum[a.id] for a in domain.aspects), units.domain[domain.id])
        domains.append(GroupScore("domain", domain.id, domain.name, domain.weight, index, band_of(model, index)))
    index = Fraction(sum(aspect_sum.values()), total)
    # model.indicators is built aspect by aspect, so `indicators` is already in model order.
    return Score(model, index, band_of(model, index), tuple(domains), tuple(aspects), tuple(indicators))

"""Bars to compare an index with: ``--fail-under`` (and targets), as a number or a predikat.

A number is compared with the exact index, unless the model bands the rounded value, in which
case the rounded index is what counts (the same rule as for the predikat). A predikat bar is met
by that predikat or any higher one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from spbe_calc.errors import Problem, SpbeError
from spbe_calc.model import Model
from spbe_calc.scoring import Score, round_half_up


@dataclass(frozen=True)
class Bar:
    """A threshold: ``number`` is set for a numeric bar, ``predikat`` for a named one."""

    text: str
    number: Fraction | None = None
    predikat: str | None = None


def parse_bar(text: str, option: str = "--fail-under") -> Bar:
    """Read ``2.5``, ``2,50`` or a predikat name such as ``Baik`` / ``"sangat baik"``."""
    cleaned = text.strip()
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        if not cleaned:
            raise SpbeError([Problem(option, 0, 0, "bad-bar", {"value": text})]) from None
        return Bar(text, predikat=" ".join(cleaned.split()))
    if not value.is_finite():
        raise SpbeError([Problem(option, 0, 0, "bad-bar", {"value": text})])
    return Bar(text, number=Fraction(value))


def band_rank(model: Model, name: str) -> int | None:
    """Rank of a predikat in a model (0 = lowest), matching names case-insensitively."""
    for rank, band in enumerate(model.bands_ascending()):
        if band.name.casefold() == name.casefold():
            return rank
    return None


def compared_value(model: Model, value: Fraction) -> Fraction:
    """The value a bar is compared with: exact, or rounded when the model bands rounded values."""
    return Fraction(round_half_up(value, model.precision)) if model.banding == "rounded" else value


def check_bar(bar: Bar, model: Model, option: str = "--fail-under") -> None:
    """Raise when a predikat bar names no predikat of ``model``."""
    if bar.predikat is not None and band_rank(model, bar.predikat) is None:
        names = ", ".join(b.name for b in model.bands)
        raise SpbeError([Problem(option, 0, 0, "unknown-predikat", {"value": bar.predikat, "known": names})])


def meets(bar: Bar, score: Score) -> bool:
    """Tell whether a score reaches the bar."""
    model = score.model
    if bar.number is not None:
        return compared_value(model, score.index) >= bar.number
    check_bar(bar, model)
    rank = band_rank(model, bar.predikat or "")
    assert rank is not None
    return band_rank(model, score.band.name) >= rank  # type: ignore[operator]

"""Bars to compare an index with: ``--fail-under`` and ``--target``, as a number or a predikat.

A number is compared with the exact index, unless the model bands the rounded value, in which
case the rounded index is what counts (the same rule as for the predikat). A predikat bar is met
by that predikat or any higher one.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from spbe_calc.errors import fail
from spbe_calc.model import Band, Model
from spbe_calc.scoring import Score, banded_value

#: A bar written as a number: digits, with a decimal point or comma (``2.5``, ``2,50``, ``3``).
_NUMBER = re.compile(r"[0-9]{1,30}(?:[.,][0-9]{1,30})?")


class Bar(NamedTuple):
    """A threshold: ``number`` is set for a numeric bar, ``predikat`` for a named one."""

    text: str
    number: Fraction | None = None
    predikat: str | None = None


def parse_bar(text: str, option: str) -> Bar:
    """Read ``2.5``, ``2,50`` or a predikat name such as ``Baik`` / ``"sangat baik"`` (given to ``option``)."""
    cleaned = text.strip()
    if not _NUMBER.fullmatch(cleaned):
        # Not written as a plain decimal (Python would also read "2_5" as 25, "1e1" as 10).
        if not cleaned or cleaned[0] in "0123456789+-.," or cleaned.lower() in ("nan", "inf", "infinity"):
            raise fail(option, "bad-bar", value=text, option=option)
        return Bar(text, predikat=" ".join(cleaned.split()))
    value = Decimal(cleaned.replace(",", "."))  # the pattern admits plain decimals only
    # A bar is an index (a few units, a few decimals): refusing other magnitudes also keeps
    # 1e999999999 from turning into a number with a billion digits.
    if not value.is_finite() or abs(value.adjusted()) > 6 or len(value.as_tuple().digits) > 30:
        raise fail(option, "bad-bar", value=text, option=option)
    return Bar(text, number=Fraction(value))


def band_named(model: Model, name: str) -> Band | None:
    """The band of a model with this predikat name (compared case-insensitively)."""
    for band in model.bands:
        if band.name.casefold() == name.casefold():
            return band
    return None


def spelled(bar: Bar, model: Model) -> Bar:
    """A predikat bar written as the model writes the name (``sangat baik`` -> ``Sangat Baik``).

    Predikat are official names and every output writes them exactly, whatever case was typed;
    a numeric bar, or a name the model does not have, is returned as it is.
    """
    band = band_named(model, bar.predikat) if bar.predikat is not None else None
    return bar if band is None else bar._replace(text=band.name, predikat=band.name)


def check_bar(bar: Bar, model: Model, option: str = "--fail-under") -> Band | None:
    """The band a predikat bar names (``None`` for a numeric bar).

    An error when the model has no such predikat, or when a number lies outside the index
    range of the model (a bar no file can fail, or none can meet, is a typing mistake).
    """
    if bar.number is not None:
        lowest = min(s.min for s in model.scales.values())
        highest = max(s.max for s in model.scales.values())
        if not lowest <= bar.number <= highest:
            raise fail(option, "bar-outside-scale", value=bar.text, option=option, minimum=lowest, maximum=highest)
        return None
    assert bar.predikat is not None  # a bar is a number or a predikat
    band = band_named(model, bar.predikat)
    if band is None:
        raise fail(option, "unknown-predikat", value=bar.predikat, known=", ".join(b.name for b in model.bands))
    return band


def meets(bar: Bar, score: Score) -> bool:
    """Tell whether a score reaches the bar."""
    model = score.model
    if bar.number is not None:
        return banded_value(model, score.value) >= bar.number
    band = check_bar(bar, model)
    assert band is not None
    return model.band_rank(score.band) >= model.band_rank(band)

"""An independent statement of the regulation's formula, for tests to check the program against.

The program scores in integer units of the weights (:class:`spbe_calc.model.Units`); this is the
formula as PermenPANRB 59/2020 (Lampiran II.B.4) writes it, with fractions, one step at a time:
indeks aspek, indeks domain and Indeks SPBE are each Σ(value × weight) / divisor.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction


def weighted_index(parts: Iterable[tuple[Fraction | int, Fraction | int]], divisor: Fraction | int) -> Fraction:
    """Σ(value × weight) / divisor."""
    return sum((Fraction(v) * Fraction(w) for v, w in parts), Fraction(0)) / Fraction(divisor)

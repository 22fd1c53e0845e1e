"""Numbers in and out: whole numbers typed by people, exact values written as decimals.

``str.isdigit`` is true for ``²`` and ``٣``, which ``int`` then refuses or reads unexpectedly;
every place that reads a number from a prompt, an option or the environment asks
:func:`is_number` instead. :func:`round_half_up` and :func:`exact_str` write exact values
(fractions) as decimals, for display and for messages.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

#: More digits than any level, indicator number, year or worker count needs.
MAX_DIGITS = 9


def is_number(text: str) -> bool:
    """Whether ``text`` is a plain whole number (``0``-``9`` only, at most :data:`MAX_DIGITS`)."""
    return len(text) <= MAX_DIGITS and text.isascii() and text.isdigit()  # "".isdigit() is false


def scaled_half_up(value: Fraction, places: int) -> int:
    """``value`` × 10^``places``, rounded half away from zero to a whole number (exactly).

    The one rounding of the project: :func:`round_half_up`, :func:`exact_str` and the JSON
    numbers are all written from it. Integer arithmetic, because a batch of a thousand files
    rounds some forty thousand values, and going through Decimal cost ~30 ms there.
    """
    n, d = value.numerator, value.denominator
    scale: int = 10**places  # (typed: int ** int is Any to the checker, a negative power being float)
    # floor(|x| * 10^places + 1/2), in integers.
    q = (2 * abs(n) * scale + d) // (2 * d)
    return -q if n < 0 else q


def scaled_str(units: int, places: int) -> str:
    """A whole number of 10^-``places`` written as a decimal: ``(238, 2)`` -> ``"2.38"``."""
    digits = str(abs(units)).rjust(places + 1, "0")
    sign = "-" if units < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"


def round_half_up(value: Fraction, places: int) -> Decimal:
    """Round an exact value to ``places`` decimals, halves away from zero (2.345 -> 2.35)."""
    # Built from a string, a Decimal is exact; scaleb() would round to the context's 28 digits.
    return Decimal(scaled_str(scaled_half_up(value, places), places))


def exact_str(value: Fraction, max_places: int = 30) -> str:
    """Write an exact value as a decimal string: all digits when it terminates, else 30 places.

    Indices of the 59/2020 model always terminate (weights have two decimals); an aspect index
    such as 4/3 does not, and is written to 30 places (rounded half-up).
    """
    # A fraction in lowest terms terminates when its denominator is 2^a × 5^b, after max(a, b)
    # decimals: exactly as many as are written, none of them a trailing zero.
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    places = min(max(twos, fives) if den == 1 else max_places, max_places)
    return scaled_str(scaled_half_up(value, places), places)


def decimal_text(x: Fraction) -> str:
    """An exact value for people: its decimals when they end within 30 places, else ``a/b``.

    Never rounded, so that two different values are never shown alike ("10 differs from 10"),
    and never a 30-digit approximation presented as exact.
    """
    text = exact_str(x)
    return text if Fraction(text) == x else f"{x.numerator}/{x.denominator}"

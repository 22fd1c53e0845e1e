"""Whole numbers typed by people: ASCII digits only.

``str.isdigit`` is true for ``²`` and ``٣``, which ``int`` then refuses or reads unexpectedly;
every place that reads a number from a prompt, an option or the environment asks here instead.
"""

from __future__ import annotations

#: More digits than any level, indicator number, year or worker count needs.
MAX_DIGITS = 9


def is_number(text: str) -> bool:
    """Whether ``text`` is a plain whole number (``0``-``9`` only, at most :data:`MAX_DIGITS`)."""
    return 0 < len(text) <= MAX_DIGITS and text.isascii() and text.isdigit()

"""What a written level is, wherever it is written: an answers file, a workbook cell, a CSV field.

One reader, so that the same text is accepted or refused everywhere with the same message:

- empty (nothing, ``null``, a blank text): not answered yet;
- a whole number: ``3``; also as a spreadsheet stores it (``3.0``) or as text with spaces
  around it (``"3"``, ``"4 "``, from a cell typed as text or a quoted value);
- anything else is refused: a fraction (``3.5``: ``level-fraction``), a word, a level's name
  or a number with words (``Level 3``, ``3 - Terdefinisi``, ``tiga``, ``true``: ``level-text``).

Whether the number is on the indicator's scale is said when the answers meet their model
(:func:`spbe_calc.answers.read.level_problem`).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import NamedTuple

#: A whole number as text: digits (at most nine), a zero fraction allowed, spaces around ignored.
_WHOLE = re.compile(r"\s*([0-9]{1,9})(?:\.0+)?\s*")
#: A number with a fraction, as text (said as a fraction rather than as a word).
_FRACTION = re.compile(r"\s*[0-9]{1,9}[.,][0-9]{1,9}\s*")


class Refused(NamedTuple):
    """A written value that is not a level: the problem's code and the value as written."""

    code: str
    value: str


def read_level(value: object) -> int | Refused | None:
    """The level a written value stands for, ``None`` when it is empty, or why it is refused."""
    if value is None:
        return None
    if isinstance(value, bool):  # a YAML true, a spreadsheet's TRUE: a bool is an int in Python
        return Refused("level-text", str(value).lower())
    if isinstance(value, int):
        return value
    if isinstance(value, (float, Decimal)):
        if math.isfinite(value) and value == int(value):
            return int(value)
        return Refused("level-fraction", _shown(value))
    text = str(value)
    if not text.strip():
        return None
    whole = _WHOLE.fullmatch(text)
    if whole:
        return int(whole.group(1))
    return Refused("level-fraction" if _FRACTION.fullmatch(text) else "level-text", text.strip())


def _shown(number: float | Decimal) -> str:
    """A number as the person meant it: ``3.5`` for ``3.50``, all of a cell's ``3.1415926``.

    A YAML number (a :class:`~decimal.Decimal`) drops the zeros that end its fraction and is never
    put as an exponent (``0.0000001``, not ``1E-7``); a workbook's float is shown in full.
    """
    # Not normalize(): it rounds to 28 digits, and 1.000…001 (40 digits) would be shown as 1.
    # The fraction is not zero (a whole number is a level), so a digit other than 0 ends it.
    return format(number, "f").rstrip("0") if isinstance(number, Decimal) else repr(number)

"""A small text table for the hot path (``score``), without importing rich.

rich costs more to import (~13 ms) than everything else ``score`` does for one file, so the
score tables are laid out here: a header, a rule, then rows; one flexible column wraps to fit
the width, the others keep their natural width. Colour is plain ANSI, used only when asked.
"""

from __future__ import annotations

import textwrap
from typing import NamedTuple

from spbe_calc.render import wrap
from spbe_calc.render.safe import clean

_ANSI = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
    "bold green": "1;32",
    "bold cyan": "1;36",
    "bold red": "1;31",
}


def paint(text: str, style: str, color: bool) -> str:
    """Wrap ``text`` in the ANSI code of ``style`` when colour is on."""
    code = _ANSI.get(style) if color and style else None
    return f"\x1b[{code}m{text}\x1b[0m" if code else text


class Column(NamedTuple):
    """A column: header, alignment (``left``/``right``), whether it wraps, and whether it may split.

    A word may be split to fit only where that harms nothing (a file path); a name's words never.
    A column whose words may split wraps too.
    """

    header: str
    align: str = "left"
    wrap: bool = False
    split: bool = False


class PlainTable:
    """A table being filled: its columns, and rows of cells, each a ``(text, style)`` pair."""

    def __init__(self, columns: list[Column]) -> None:
        self.columns = columns
        self.rows: list[list[tuple[str, str]]] = []

    def add(self, *cells: tuple[str, str] | str) -> None:
        """Add a row; a plain string is a cell without style."""
        self.rows.append([(clean(c[0]), c[1]) if isinstance(c, tuple) else (clean(c), "") for c in cells])

    def render(self, width: int, color: bool = False, gap: int = 3) -> str:
        """The table as text lines, at most ``width`` columns wide.

        The wrapping columns shrink to fit, but never below their longest word (unless their
        words may be split); then a header longer than its column's values wraps at words. When
        even that does not fit (a 40-column terminal), each row is written as a block instead
        (:meth:`_stacked`), so that no word is ever cut.
        """
        widths = [max([len(c.header)] + [len(r[i][0]) for r in self.rows]) for i, c in enumerate(self.columns)]
        flex = [i for i, c in enumerate(self.columns) if c.wrap or c.split]
        excess = sum(widths) + gap * (len(widths) - 1) - width
        # The wrapping columns give up width first, then the others (a long header over short
        # values), each down to its least; a cut is never negative, so a table that fits stays.
        for i in [*flex, *(i for i in range(len(self.columns)) if i not in flex)]:
            cut = max(0, min(excess, widths[i] - self._least(i)))
            widths[i] -= cut
            excess -= cut
        if excess > 0:
            return self._stacked(width, color, flex[0] if flex else 0)
        lines = [self._line([(c.header, "bold") for c in self.columns], widths, color, gap)]
        lines.append(paint("─" * min(width, sum(widths) + gap * (len(widths) - 1)), "dim", color))
        for row in self.rows:
            lines.append(self._line(row, widths, color, gap))
        return "\n".join(lines)

    def _least(self, column: int) -> int:
        """How narrow a column may get without cutting a word.

        A wrapping column: its longest word (10 when its words may split, a path); another: its
        longest value whole, or its header's longest word when that is longer.
        """
        col = self.columns[column]
        if col.split:
            return 10
        values = [row[column][0] for row in self.rows]
        words = [w for v in values for w in v.split()] if col.wrap else values
        return max(map(len, [*col.header.split(), *words]), default=0)

    def _stacked(self, width: int, color: bool, flex: int) -> str:
        """Each row as a block, for a width the table cannot fit without cutting words.

        The columns up to the wrapping one go on a line (wrapped at words), then the other columns
        as "header value" pairs, indented.
        """
        lead = range(flex + 1)
        lines = [paint("─" * width, "dim", color)]
        for row in self.rows:
            first = " ".join(row[i][0] for i in lead if row[i][0])
            indent = " " * (len(row[0][0]) + 1) if flex else ""
            head = wrap(first, width, indent) or [""]
            lines += [paint(part, row[flex][1] or row[0][1], color) for part in head]
            rest = [
                ("" if col.header == "#" else col.header, *row[i])
                for i, col in enumerate(self.columns)
                if i not in lead and row[i][0]
            ]
            lines += _pairs(rest, width, color)
        return "\n".join(lines)

    def _line(self, cells: list[tuple[str, str]], widths: list[int], color: bool, gap: int) -> str:
        """One row (or the header) over as many lines as it needs.

        Every cell wraps at words: no column is narrower than its longest word (:meth:`_least`),
        so only a header over shorter values, a wrapping column, or a path (which may split) wraps.
        """
        # A column 0 wide holds nothing (its width is its longest text), and textwrap refuses width 0.
        wrapped = [textwrap.wrap(text, w) or [""] if w else [""] for (text, _), w in zip(cells, widths)]
        height = max(len(parts) for parts in wrapped)
        out = []
        for k in range(height):
            pieces = []
            for (_, style), parts, w, col in zip(cells, wrapped, widths, self.columns):
                part = parts[k] if k < len(parts) else ""
                padded = part.rjust(w) if col.align == "right" else part.ljust(w)
                pieces.append(paint(padded, style, color) if part else padded)
            out.append((" " * gap).join(pieces).rstrip())
        return "\n".join(out)


def _pairs(pairs: list[tuple[str, str, str]], width: int, color: bool, indent: str = "   ") -> list[str]:
    """``header value · header value`` over as many lines as ``width`` needs, never splitting a pair.

    Each pair is ``(header, value, style)``; the value keeps its style. A pair longer than a
    line by itself gets lines of its own, wrapped at words (its value whole when it fits a line).
    """
    lines: list[tuple[int, str]] = []  # (length as shown, text with colour)
    for header, value, style in pairs:
        plain = f"{header} {value}".strip()
        shown = f"{header} {paint(value, style, color)}" if header else paint(value, style, color)
        if lines and lines[-1][0] + 3 + len(plain) <= width:
            lines[-1] = (lines[-1][0] + 3 + len(plain), f"{lines[-1][1]} · {shown}")
        elif len(indent) + len(plain) <= width:
            lines.append((len(indent) + len(plain), indent + shown))
        else:
            room = width - len(indent)
            # Counted as full: the next pair starts a line of its own, not the end of this value.
            lines += [(width, indent + p) for p in wrap(header, room)]
            lines += [(width, indent + paint(v, style, color)) for v in wrap(value, room)]
    return [text for _, text in lines]

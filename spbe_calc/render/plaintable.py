"""A small text table for the hot path (``score``), without importing rich.

rich costs more to import (~13 ms) than everything else ``score`` does for one file, so the
score tables are laid out here: a header, a rule, then rows; one flexible column wraps to fit
the width, the others keep their natural width. Colour is plain ANSI, used only when asked.
"""

from __future__ import annotations

import textwrap
from typing import NamedTuple

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
    """A column: header, alignment (``left``/``right``), and whether it wraps."""

    header: str
    align: str = "left"
    wrap: bool = False


class PlainTable:
    """A table being filled: its columns, and rows of cells, each a ``(text, style)`` pair."""

    def __init__(self, columns: list[Column]) -> None:
        self.columns = columns
        self.rows: list[list[tuple[str, str]]] = []

    def add(self, *cells: tuple[str, str] | str) -> None:
        """Add a row; a plain string is a cell without style."""
        self.rows.append([(clean(c[0]), c[1]) if isinstance(c, tuple) else (clean(c), "") for c in cells])

    def render(self, width: int = 80, color: bool = False, gap: int = 3) -> str:
        """The table as text lines, at most ``width`` columns wide."""
        widths = [max([len(c.header)] + [len(r[i][0]) for r in self.rows]) for i, c in enumerate(self.columns)]
        flex = [i for i, c in enumerate(self.columns) if c.wrap]
        total = sum(widths) + gap * (len(widths) - 1)
        if flex and total > width:
            i = flex[0]
            widths[i] = max(10, widths[i] - (total - width))
        lines = [self._line([(c.header, "bold") for c in self.columns], widths, color, gap)]
        lines.append(paint("─" * min(width, sum(widths) + gap * (len(widths) - 1)), "dim", color))
        for row in self.rows:
            lines.append(self._line(row, widths, color, gap))
        return "\n".join(lines)

    def _line(self, cells: list[tuple[str, str]], widths: list[int], color: bool, gap: int) -> str:
        wrapped = [
            textwrap.wrap(text, w) or [""] if col.wrap else [text]
            for (text, _), w, col in zip(cells, widths, self.columns)
        ]
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
